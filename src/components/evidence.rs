//! Evidence for one item: the documents cited (from the draft's evidence register, so one document
//! can prove several items), a form to register a new one, and the giải trình.

use cchc_core::answer::{Evidence, EvidenceWarning};
use cchc_core::{Edit, Lang};
use leptos::prelude::*;

use crate::i18n::{Msg, tr};
use crate::state::AppState;

#[component]
pub fn EvidencePanel(code: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = move || state.lang.get();
    let code_a = code.clone();
    let answer = Memo::new(move |_| {
        state.draft.with(|d| {
            d.as_ref()
                .and_then(|d| d.answers.items.get(&code_a).cloned())
                .unwrap_or_default()
        })
    });
    let register = Memo::new(move |_| {
        state.draft.with(|d| {
            d.as_ref()
                .map(|d| d.answers.evidence.clone())
                .unwrap_or_default()
        })
    });
    let year = Memo::new(move |_| {
        state
            .draft
            .with(|d| d.as_ref().map(|d| d.answers.year).unwrap_or_default())
    });

    let attached = {
        let code = code.clone();
        move || {
            let l = lang();
            let ids = answer.get().evidence;
            let reg = register.get();
            ids.into_iter()
                .map(|id| {
                    let code = code.clone();
                    let doc = reg.iter().find(|e| e.id == id).cloned();
                    let warnings: Vec<EvidenceWarning> = doc.as_ref().map(|d| d.warnings(year.get())).unwrap_or_default();
                    let text = doc.map(|d| d.describe(l)).unwrap_or_else(|| format!("{} ({id})", Msg::DocumentMissing.text(l)));
                    let id2 = id.clone();
                    view! {
                        <li data-testid=format!("evidence-{id}")>
                            <span>{text}</span>
                            {warnings.into_iter().map(|w| view! { <span class="warn-chip">{w.message(l)}</span> }).collect_view()}
                            <button type="button" class="link" on:click=move |_| state.edit(Edit::Detach { code: code.clone(), evidence_id: id2.clone() })>
                                {Msg::Detach.text(l)}
                            </button>
                        </li>
                    }
                })
                .collect_view()
                .into_any()
        }
    };

    // Attach a document already in the register.
    let choice = RwSignal::new(String::new());
    let attachable = move || {
        let cited = answer.get().evidence;
        register
            .get()
            .into_iter()
            .filter(|e| !cited.contains(&e.id))
            .collect::<Vec<_>>()
    };
    let code_attach = code.clone();
    let attach = move |_| {
        let id = choice.get_untracked();
        if !id.is_empty() {
            state.edit(Edit::Attach {
                code: code_attach.clone(),
                evidence_id: id,
            });
            choice.set(String::new());
        }
    };

    // Register a new document and attach it.
    let form = NewDocument::default();
    let form_error = RwSignal::new(None::<Msg>);
    let code_new = code.clone();
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let doc = form.read();
        if doc.number.trim().is_empty() && doc.title.trim().is_empty() {
            form_error.set(Some(Msg::NumberOrTitleRequired));
            return;
        }
        form_error.set(None);
        let id = state
            .draft
            .with_untracked(|d| d.as_ref().map(|d| d.next_evidence_id()))
            .unwrap_or_default();
        state.edit(Edit::PutEvidence(Evidence {
            id: id.clone(),
            ..doc
        }));
        state.edit(Edit::Attach {
            code: code_new.clone(),
            evidence_id: id,
        });
        form.clear();
    };

    let explanation = move || answer.get().explanation;
    let note = move || answer.get().note;
    let (code_x, code_n) = (code.clone(), code.clone());
    let explanation_id = format!("giai-trinh-{code}");
    let note_id = format!("ghi-chu-{code}");
    let select_id = format!("attach-{code}");

    view! {
        <section class="evidence" aria-labelledby=format!("evidence-heading-{code}")>
            <h3 id=format!("evidence-heading-{code}")>{tr(Msg::EvidenceDocuments)}</h3>
            <Show when=move || answer.with(|a| a.evidence.is_empty())>
                <p class="muted" data-testid="no-evidence">{tr(Msg::NoEvidenceYet)}</p>
            </Show>
            <ul class="evidence-list" data-testid="evidence-list">{attached}</ul>

            <Show when=move || !attachable().is_empty()>
                <div class="row inline">
                    <label for=select_id.clone()>{tr(Msg::AttachExisting)}</label>
                    <select id=select_id.clone() data-testid="attach-select" prop:value=move || choice.get() on:change=move |ev| choice.set(event_target_value(&ev))>
                        <option value="">{tr(Msg::ChooseDocument)}</option>
                        {move || attachable().into_iter().map(|e| view! { <option value=e.id.clone()>{e.describe(lang())}</option> }).collect_view()}
                    </select>
                    <button type="button" data-testid="attach-button" on:click=attach.clone()>{tr(Msg::Attach)}</button>
                </div>
            </Show>

            <details class="new-document">
                <summary data-testid="new-document">{tr(Msg::AddDocument)}</summary>
                <form on:submit=add novalidate data-testid="new-document-form">
                    {form.field("number", Msg::DocNumber, "text", lang, code.clone())}
                    {form.field("date", Msg::DocDate, "date", lang, code.clone())}
                    {form.field("issuer", Msg::DocIssuer, "text", lang, code.clone())}
                    {form.field("title", Msg::DocTitle, "text", lang, code.clone())}
                    {form.field("section", Msg::DocSection, "text", lang, code.clone())}
                    {form.field("link", Msg::DocLink, "text", lang, code.clone())}
                    <p class="error" role="alert">{move || form_error.get().map(|m| m.text(lang()))}</p>
                    <button type="submit" data-testid="add-document">{tr(Msg::AddAndAttach)}</button>
                </form>
            </details>

            <div class="row">
                <label for=explanation_id.clone()>{tr(Msg::Explanation)}</label>
                <textarea id=explanation_id rows="3" data-testid="explanation"
                    prop:value=explanation
                    on:input=move |ev| state.edit(Edit::SetExplanation { code: code_x.clone(), text: event_target_value(&ev) })></textarea>
            </div>
            <div class="row">
                <label for=note_id.clone()>{tr(Msg::Note)}</label>
                <textarea id=note_id rows="2" data-testid="note"
                    prop:value=note
                    on:input=move |ev| state.edit(Edit::SetNote { code: code_n.clone(), text: event_target_value(&ev) })></textarea>
            </div>
        </section>
    }
}

/// The fields of the new-document form.
#[derive(Clone, Copy, Default)]
struct NewDocument {
    number: RwSignal<String>,
    date: RwSignal<String>,
    issuer: RwSignal<String>,
    title: RwSignal<String>,
    section: RwSignal<String>,
    link: RwSignal<String>,
}

impl NewDocument {
    fn signal(&self, name: &str) -> RwSignal<String> {
        match name {
            "number" => self.number,
            "date" => self.date,
            "issuer" => self.issuer,
            "title" => self.title,
            "section" => self.section,
            _ => self.link,
        }
    }

    fn read(&self) -> Evidence {
        let get = |s: RwSignal<String>| s.get_untracked().trim().to_string();
        let date = get(self.date);
        Evidence {
            id: String::new(),
            number: get(self.number),
            date: (!date.is_empty()).then_some(date),
            issuer: get(self.issuer),
            title: get(self.title),
            section: get(self.section),
            link: get(self.link),
        }
    }

    fn clear(&self) {
        for s in [
            self.number,
            self.date,
            self.issuer,
            self.title,
            self.section,
            self.link,
        ] {
            s.set(String::new());
        }
    }

    fn field(
        self,
        name: &'static str,
        label: Msg,
        kind: &'static str,
        lang: impl Fn() -> Lang + Copy + Send + Sync + 'static,
        code: String,
    ) -> impl IntoView {
        let signal = self.signal(name);
        let id = format!("doc-{name}-{code}");
        view! {
            <div class="row">
                <label for=id.clone()>{move || label.text(lang())}</label>
                <input id=id type=kind data-testid=format!("doc-{name}")
                    prop:value=move || signal.get()
                    on:input=move |ev| signal.set(event_target_value(&ev)) />
            </div>
        }
    }
}
