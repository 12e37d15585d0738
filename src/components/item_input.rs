//! The input for one item, shaped by its rule: yes/no, levels, a numerator and a denominator, a
//! count, a checklist, or a survey estimate; plus "không áp dụng" (with its required reason) and
//! "không phát sinh nhiệm vụ" where the framework allows them.
//!
//! Typed numbers are checked here; an invalid entry is shown with its message and never reaches
//! the draft, which keeps the last valid value.

use std::collections::BTreeSet;

use cchc_core::framework::{Node, Rule};
use cchc_core::{Edit, Lang, Percent, Points, Value};
use leptos::prelude::*;

use crate::i18n::{Msg, tr};
use crate::state::AppState;

/// Parses a whole, non-negative count as typed (spaces allowed around it).
pub fn parse_count(text: &str) -> Result<u64, Msg> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Msg::EnterANumber);
    }
    if !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Msg::WholeNumberOnly);
    }
    t.parse::<u64>()
        .ok()
        .filter(|n| *n <= 1_000_000_000_000)
        .ok_or(Msg::NumberTooLarge)
}

/// Where one item's value is read and written: the open draft's answer (the unit's), or the
/// council's appraised value in the Sở Nội vụ view.
#[derive(Clone, Copy)]
pub struct ValueBinding {
    value: Memo<Option<Value>>,
    write: StoredValue<Box<dyn Fn(Option<Value>) + Send + Sync>>,
    /// The words that differ: the fieldset's legend and the clearing button.
    legend: Msg,
    clear: Msg,
}

impl ValueBinding {
    pub fn new(
        value: Memo<Option<Value>>,
        write: impl Fn(Option<Value>) + Send + Sync + 'static,
        legend: Msg,
        clear: Msg,
    ) -> ValueBinding {
        ValueBinding {
            value,
            write: StoredValue::new(Box::new(write)),
            legend,
            clear,
        }
    }

    /// The open draft's answer to `code`, changed by an `Edit`.
    fn draft_answer(state: AppState, code: String) -> ValueBinding {
        let read = code.clone();
        let value = Memo::new(move |_| {
            state.draft.with(|d| {
                d.as_ref()
                    .and_then(|d| d.answers.items.get(&read))
                    .and_then(|a| a.value.clone())
            })
        });
        ValueBinding::new(
            value,
            move |value| {
                state.edit(Edit::SetValue {
                    code: code.clone(),
                    value,
                })
            },
            Msg::YourAnswer,
            Msg::ClearAnswer,
        )
    }

    fn set(&self, value: Option<Value>) {
        self.write.with_value(|write| write(value));
    }
}

/// The input for `node`: the open draft's answer, or the value `binding` names.
#[component]
pub fn ItemInput(node: Node, #[prop(optional)] binding: Option<ValueBinding>) -> impl IntoView {
    let state = AppState::expect();
    let code = node.code.clone();
    let slot = binding.unwrap_or_else(|| ValueBinding::draft_answer(state, code.clone()));
    let value = slot.value;
    // What the item held before "không áp dụng" or "không phát sinh" was ticked, to restore it
    // when the box is unticked.
    let before_special = StoredValue::new(None::<Value>);
    let is_na = move || matches!(value.get(), Some(Value::NotApplicable { .. }));
    let is_no_task = move || matches!(value.get(), Some(Value::NoTask));
    let special = move || is_na() || is_no_task();
    let Some(rule) = node.rule().cloned() else {
        return ().into_any();
    };

    let regular = regular_input(state, node.clone(), rule.clone(), slot);
    let toggle = move |on: bool, special_value: Value| {
        if on {
            let current = value.get_untracked();
            if !matches!(current, Some(Value::NotApplicable { .. } | Value::NoTask)) {
                before_special.set_value(current);
            }
            slot.set(Some(special_value));
        } else {
            slot.set(before_special.get_value());
        }
    };
    let reason = move || match value.get() {
        Some(Value::NotApplicable { reason }) => reason,
        _ => String::new(),
    };
    let reason_missing = move || is_na() && reason().trim().is_empty();
    let na_id = format!("na-{code}");
    let reason_id = format!("na-reason-{code}");
    let nt_id = format!("no-task-{code}");

    view! {
        <div class="item-input" data-testid=format!("item-{code}")>
            <fieldset class="regular" disabled=special>
                <legend>{tr(slot.legend)}</legend>
                {regular}
            </fieldset>
            {node.allow_no_task.then(|| {
                let nt_id2 = nt_id.clone();
                view! {
                    <div class="special">
                        <input type="checkbox" id=nt_id.clone() data-testid="no-task"
                            prop:checked=is_no_task
                            on:change=move |ev| toggle(event_target_checked(&ev), Value::NoTask) />
                        <label for=nt_id2>{tr(Msg::NoTaskThisYear)}</label>
                    </div>
                }
            })}
            {node.allow_not_applicable.then(|| {
                let na_id2 = na_id.clone();
                let reason_id2 = reason_id.clone();
                let reason_id3 = reason_id.clone();
                view! {
                    <div class="special">
                        <input type="checkbox" id=na_id.clone() data-testid="not-applicable"
                            prop:checked=is_na
                            on:change=move |ev| toggle(
                                event_target_checked(&ev),
                                Value::NotApplicable { reason: String::new() },
                            ) />
                        <label for=na_id2>{tr(Msg::NotApplicable)}</label>
                    </div>
                    <Show when=is_na>
                        <div class="row">
                            <label for=reason_id2.clone()>{tr(Msg::NotApplicableReason)}</label>
                            <textarea id=reason_id3.clone() data-testid="na-reason" rows="2" aria-required="true"
                                aria-invalid=move || reason_missing().to_string()
                                prop:value=reason
                                on:input=move |ev| slot.set(Some(Value::NotApplicable { reason: event_target_value(&ev) }))
                            ></textarea>
                            <Show when=reason_missing>
                                <p class="error" role="alert">{tr(Msg::ReasonRequired)}</p>
                            </Show>
                        </div>
                    </Show>
                }
            })}
            <button type="button" class="link" data-testid="clear-answer"
                disabled=move || value.get().is_none()
                on:click=move |_| slot.set(None)>
                {tr(slot.clear)}
            </button>
        </div>
    }
    .into_any()
}

fn regular_input(state: AppState, node: Node, rule: Rule, slot: ValueBinding) -> AnyView {
    let value = slot.value;
    let lang = move || state.lang.get();
    let code = node.code.clone();
    let max = node.max;
    let points_label =
        move |p: Points, l: Lang| format!("{} {}", p.format_short(l), Msg::PointsUnit.text(l));
    match rule {
        Rule::YesNo { yes_points } => {
            let options = vec![
                (true, Msg::Yes, yes_points),
                (false, Msg::No, Points::ZERO),
            ];
            options
                .into_iter()
                .map(|(yes, msg, pts)| {
                    let checked = move || value.get() == Some(Value::YesNo { yes });
                    view! {
                        <label class="choice">
                            <input type="radio" name=format!("v-{}", node.code) data-testid=if yes { "yes" } else { "no" }
                                prop:checked=checked
                                on:change=move |_| slot.set(Some(Value::YesNo { yes })) />
                            {move || format!("{} ({})", msg.text(lang()), points_label(pts, lang()))}
                        </label>
                    }
                })
                .collect_view()
                .into_any()
        }
        Rule::Levels { levels } => levels
            .into_iter()
            .map(|level| {
                let id = level.id.clone();
                let id2 = id.clone();
                let checked = move || matches!(value.get(), Some(Value::Level { id: ref v }) if *v == id);
                view! {
                    <label class="choice">
                        <input type="radio" name=format!("v-{}", node.code) data-testid=format!("level-{}", level.id)
                            prop:checked=checked
                            on:change=move |_| slot.set(Some(Value::Level { id: id2.clone() })) />
                        {move || format!("{} ({})", level.label.get(lang()), points_label(level.points, lang()))}
                    </label>
                }
            })
            .collect_view()
            .into_any(),
        Rule::PercentBands { numerator, denominator, .. } | Rule::Proportional { numerator, denominator, .. } => {
            ratio_input(state, code, numerator, denominator, slot)
        }
        Rule::CountBands { count, .. } | Rule::PerCount { count, .. } => count_input(state, code, count, slot),
        Rule::Checklist { items } => items
            .into_iter()
            .map(|item| {
                let id = item.id.clone();
                let id2 = id.clone();
                let ticked = move || matches!(value.get(), Some(Value::Checklist { ticked: ref t }) if t.contains(&id));
                view! {
                    <label class="choice">
                        <input type="checkbox" data-testid=format!("check-{}", item.id)
                            prop:checked=ticked
                            on:change=move |ev| {
                                let mut set: BTreeSet<String> = match value.get_untracked() {
                                    Some(Value::Checklist { ticked }) => ticked,
                                    _ => BTreeSet::new(),
                                };
                                if event_target_checked(&ev) { set.insert(id2.clone()); } else { set.remove(&id2); }
                                slot.set(Some(Value::Checklist { ticked: set }));
                            } />
                        {move || format!("{} ({})", item.label.get(lang()), points_label(item.points, lang()))}
                    </label>
                }
            })
            .collect_view()
            .into_any(),
        Rule::Survey { method } => {
            let estimate = number_input(
                state,
                NumberInput {
                    code,
                    id: "estimate",
                    inputmode: "decimal",
                    label: Box::new(move |l| format!("{} (0–{})", Msg::OptionalEstimate.text(l), max.format_short(l))),
                    parse: Box::new(move |t| match Points::parse(t) {
                        Ok(p) if p >= Points::ZERO && p <= max => Ok(Value::Estimate { points: p }),
                        Ok(_) => Err(Msg::EstimateOutOfRange),
                        Err(_) => Err(Msg::EnterPoints),
                    }),
                    show: |v, l| match v {
                        Value::Estimate { points } => Some(points.format_short(l)),
                        _ => None,
                    },
                },
                slot,
            );
            view! {
                <p class="survey-note">{tr(Msg::SurveyScoredByProvince)}</p>
                {method.map(|m| view! { <p class="muted">{move || m.get(lang()).to_string()}</p> })}
                {estimate}
            }
            .into_any()
        }
    }
}

fn count_input(
    state: AppState,
    code: String,
    label: cchc_core::Text,
    slot: ValueBinding,
) -> AnyView {
    number_input(
        state,
        NumberInput {
            code,
            id: "count",
            inputmode: "numeric",
            label: Box::new(move |l| label.get(l).to_string()),
            parse: Box::new(|t| parse_count(t).map(|count| Value::Count { count })),
            show: |v, _| match v {
                Value::Count { count } => Some(count.to_string()),
                _ => None,
            },
        },
        slot,
    )
}

/// Reads typed text as an item's value, or says why it cannot.
type ParseFn = dyn Fn(&str) -> Result<Value, Msg> + Send + Sync;

/// One typed number that becomes an item's value.
struct NumberInput {
    code: String,
    /// Element id prefix and `data-testid`.
    id: &'static str,
    inputmode: &'static str,
    label: Box<dyn Fn(Lang) -> String + Send + Sync>,
    /// The value a typed text stands for, or the message saying why it cannot.
    parse: Box<ParseFn>,
    /// The text a value is shown as, for values of this input's kind.
    show: fn(&Value, Lang) -> Option<String>,
}

/// A text field for one number. An invalid entry is shown with its message and never reaches
/// the draft; a change made elsewhere (cleared, restored, another tab) is followed without
/// touching what the user is in the middle of typing.
fn number_input(state: AppState, input: NumberInput, slot: ValueBinding) -> AnyView {
    let value = slot.value;
    let lang = move || state.lang.get();
    let NumberInput {
        code,
        id,
        inputmode,
        label,
        parse,
        show,
    } = input;
    let parse = std::sync::Arc::new(parse);
    let initial = value
        .get_untracked()
        .and_then(|v| show(&v, state.lang.get_untracked()))
        .unwrap_or_default();
    let text = RwSignal::new(initial);
    let error = RwSignal::new(None::<Msg>);
    let follow_parse = parse.clone();
    Effect::new(move |_| match value.get() {
        Some(v) => {
            if let Some(shown) = show(&v, state.lang.get_untracked())
                && follow_parse(&text.get_untracked()).as_ref() != Ok(&v)
            {
                text.set(shown);
                error.set(None);
            }
        }
        None => {
            text.set(String::new());
            error.set(None);
        }
    });
    let element_id = format!("{id}-{code}");
    view! {
        <div class="row">
            <label for=element_id.clone()>{move || label(lang())}</label>
            <input id=element_id type="text" inputmode=inputmode data-testid=id
                aria-invalid=move || error.get().is_some().to_string()
                prop:value=move || text.get()
                on:input=move |ev| {
                    let t = event_target_value(&ev);
                    text.set(t.clone());
                    if t.trim().is_empty() {
                        error.set(None);
                        slot.set(None);
                        return;
                    }
                    match parse(&t) {
                        Ok(v) => {
                            error.set(None);
                            slot.set(Some(v));
                        }
                        Err(m) => error.set(Some(m)),
                    }
                } />
            <p class="error" role="alert">{move || error.get().map(|m| m.text(lang()))}</p>
        </div>
    }
    .into_any()
}

fn ratio_input(
    state: AppState,
    code: String,
    numerator: cchc_core::Text,
    denominator: cchc_core::Text,
    slot: ValueBinding,
) -> AnyView {
    let value = slot.value;
    let lang = move || state.lang.get();
    let (n0, d0) = match value.get_untracked() {
        Some(Value::Ratio {
            numerator,
            denominator,
        }) => (numerator.to_string(), denominator.to_string()),
        _ => (String::new(), String::new()),
    };
    let num_text = RwSignal::new(n0);
    let den_text = RwSignal::new(d0);
    let error = RwSignal::new(None::<Msg>);
    // Follow changes made elsewhere without touching what the user is in the middle of typing.
    Effect::new(move |_| match value.get() {
        Some(Value::Ratio {
            numerator,
            denominator,
        }) if (
            parse_count(&num_text.get_untracked()),
            parse_count(&den_text.get_untracked()),
        ) != (Ok(numerator), Ok(denominator)) =>
        {
            num_text.set(numerator.to_string());
            den_text.set(denominator.to_string());
            error.set(None);
        }
        None => {
            num_text.set(String::new());
            den_text.set(String::new());
            error.set(None);
        }
        _ => {}
    });
    let commit = move || {
        let (n, d) = (num_text.get_untracked(), den_text.get_untracked());
        if n.trim().is_empty() && d.trim().is_empty() {
            error.set(None);
            slot.set(None);
            return;
        }
        match (parse_count(&n), parse_count(&d)) {
            (Ok(n), Ok(d)) => {
                error.set(if n > d {
                    Some(Msg::NumeratorAboveDenominator)
                } else {
                    None
                });
                slot.set(Some(Value::Ratio {
                    numerator: n,
                    denominator: d,
                }));
            }
            (Err(m), _) | (_, Err(m)) => error.set(Some(if m == Msg::EnterANumber {
                Msg::EnterBothNumbers
            } else {
                m
            })),
        }
    };
    let percent = move || match value.get() {
        Some(Value::Ratio { denominator: 0, .. }) => {
            Some(Msg::ZeroDenominator.text(lang()).to_string())
        }
        Some(Value::Ratio {
            numerator,
            denominator,
        }) => {
            let p = Percent::of_ratio(numerator, denominator);
            Some(format!(
                "{} {} %",
                Msg::Ratio.text(lang()),
                p.format_short(lang())
            ))
        }
        _ => None,
    };
    let (nid, did) = (format!("num-{code}"), format!("den-{code}"));
    view! {
        <div class="ratio">
            <div class="row">
                <label for=nid.clone()>{move || numerator.get(lang()).to_string()}</label>
                <input id=nid type="text" inputmode="numeric" data-testid="numerator"
                    prop:value=move || num_text.get()
                    on:input=move |ev| { num_text.set(event_target_value(&ev)); commit(); } />
            </div>
            <div class="row">
                <label for=did.clone()>{move || denominator.get(lang()).to_string()}</label>
                <input id=did type="text" inputmode="numeric" data-testid="denominator"
                    prop:value=move || den_text.get()
                    on:input=move |ev| { den_text.set(event_target_value(&ev)); commit(); } />
            </div>
            <p class="ratio-percent" data-testid="ratio-percent">{percent}</p>
            <p class="error" role="alert">{move || error.get().map(|m| m.text(lang()))}</p>
        </div>
    }
    .into_any()
}
