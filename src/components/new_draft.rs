use cchc_core::draft::UnitRef;
use leptos::prelude::*;

use crate::components::unit_list_choice::UnitListChoice;
use crate::i18n::{Msg, tr};
use crate::route::Route;
use crate::state::AppState;
use crate::{clock, file_io, navigate};

const OTHER_UNIT: &str = "__other";

/// Choose the framework, the unit (from the shipped list, or typed) and the assessed year, and
/// start a draft.
#[component]
pub fn NewDraftForm() -> impl IntoView {
    let state = AppState::expect();
    let lang = move || state.lang.get();
    // A framework is chosen by id and version: a province may keep next year's version beside
    // this year's.
    let framework_key = RwSignal::new(
        state
            .library
            .frameworks
            .with_untracked(|fs| fs.first().map(|f| version_key(&f.framework)))
            .unwrap_or_default(),
    );
    let chosen = move || {
        let key = framework_key.get();
        state.library.frameworks.with(|fs| {
            fs.iter()
                .find(|f| version_key(&f.framework) == key)
                .map(|f| f.framework.clone())
        })
    };
    let unit_choice = RwSignal::new(String::new());
    let unit_typed = RwSignal::new(String::new());
    let year_text = RwSignal::new(clock::current_year().to_string());
    let error = RwSignal::new(None::<Msg>);

    let typed_year = move || year_text.with(|t| read_year(t));
    // The units of the list in use that a draft of this framework's unit type may name for the
    // year typed: a unit retired (merged, dissolved) from that year on is not offered.
    let units_for_framework = move || {
        let fw = chosen();
        let (Some(fw), Some(list)) = (fw, state.library.units()) else {
            return Vec::new();
        };
        let year = typed_year();
        list.of_type(fw.unit_type)
            .filter(|u| year.is_none_or(|y| u.assessed_in(y)))
            .cloned()
            .collect::<Vec<_>>()
    };
    // The list in use was made for other years: said, not refused (a typed name is still possible).
    let list_out_of_years = move || {
        let list = state.library.units()?;
        let year = typed_year()?;
        (!list.fits(year)).then(|| list.label())
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let Some(fw) = untrack(chosen) else {
            error.set(Some(Msg::ChooseFramework));
            return;
        };
        let Some(year) = untrack(typed_year) else {
            error.set(Some(Msg::YearInvalid));
            return;
        };
        let choice = unit_choice.get_untracked();
        let unit = if choice.is_empty() {
            error.set(Some(Msg::ChooseUnit));
            return;
        } else if choice == OTHER_UNIT {
            let name = unit_typed.get_untracked().trim().to_string();
            if name.is_empty() {
                error.set(Some(Msg::TypeUnitName));
                return;
            }
            UnitRef { id: None, name }
        } else {
            let Some(unit) = untrack(units_for_framework)
                .into_iter()
                .find(|u| u.id == choice)
            else {
                // Chosen, then the year or list changed so that it is no longer offered.
                error.set(Some(Msg::ChooseUnit));
                return;
            };
            UnitRef {
                id: Some(unit.id),
                name: unit.name,
            }
        };
        let id = state.create(&fw, unit, year);
        navigate(&Route::Item {
            draft: id,
            code: None,
        });
    };

    view! {
        <form class="new-draft" data-testid="new-draft" on:submit=submit novalidate>
            <fieldset>
                <legend>{tr(Msg::Framework)}</legend>
                {move || {
                    let all: Vec<_> = state.library.frameworks.get().into_iter().map(|f| f.framework).collect();
                    let versions_of = |id: &str| all.iter().filter(|f| f.id == id).count();
                    all.iter()
                    .map(|f| {
                        let several = versions_of(&f.id) > 1;
                        let id = version_key(f);
                        let id2 = id.clone();
                        // The plain id names the framework while it has one version.
                        let testid = if several { id.clone() } else { f.id.clone() };
                        let version = if several { format!(" ({})", f.version) } else { String::new() };
                        let fw = f.clone();
                        view! {
                            <label class="choice">
                                <input
                                    type="radio"
                                    name="framework"
                                    value=id.clone()
                                    data-testid=format!("choose-framework-{testid}")
                                    prop:checked=move || framework_key.get() == id
                                    on:change=move |_| {
                                        framework_key.set(id2.clone());
                                        unit_choice.set(String::new());
                                    }
                                />
                                {move || format!("{} — {}{version}", fw.unit_type.label(lang()), fw.title.get(lang()))}
                            </label>
                        }
                    })
                    .collect_view()
                }}
            </fieldset>
            <UnitListChoice on_change=move |()| unit_choice.set(String::new()) />
            <div class="row">
                <label for="new-unit">{tr(Msg::Unit)}</label>
                <select
                    id="new-unit"
                    data-testid="choose-unit"
                    prop:value=move || unit_choice.get()
                    on:change=move |ev| unit_choice.set(event_target_value(&ev))
                >
                    <option value="">{tr(Msg::ChooseUnitOption)}</option>
                    {move || {
                        units_for_framework()
                            .into_iter()
                            .map(|u| view! { <option value=u.id.clone()>{u.name.clone()}</option> })
                            .collect_view()
                    }}
                    <option value=OTHER_UNIT>{tr(Msg::OtherUnit)}</option>
                </select>
            </div>
            <Show when=move || unit_choice.get() == OTHER_UNIT>
                <div class="row">
                    <label for="new-unit-name">{tr(Msg::UnitName)}</label>
                    <input
                        id="new-unit-name"
                        type="text"
                        data-testid="unit-name"
                        prop:value=move || unit_typed.get()
                        on:input=move |ev| unit_typed.set(event_target_value(&ev))
                    />
                </div>
            </Show>
            <div class="row">
                <label for="new-year">{tr(Msg::AssessedYear)}</label>
                <input
                    id="new-year"
                    type="number"
                    min="2000"
                    max="2100"
                    inputmode="numeric"
                    data-testid="assessed-year"
                    prop:value=move || year_text.get()
                    on:input=move |ev| year_text.set(event_target_value(&ev))
                />
            </div>
            <p class="hint" data-testid="unit-list-years">
                {move || list_out_of_years().map(|label| format!("{} {label}.", Msg::ListOutOfYears.text(lang())))}
            </p>
            <p class="error" role="alert" data-testid="new-draft-error">
                {move || error.get().map(|m| m.text(lang()))}
            </p>
            <button type="submit" class="primary" data-testid="create-draft">
                {tr(Msg::CreateDraft)}
            </button>
            <p class="muted">
                <a href=file_io::page_href(file_io::BUILDER_FOLDER, "#danh-sach-don-vi") data-testid="manage-unit-lists">{tr(Msg::ManageUnitLists)}</a>
            </p>
        </form>
    }
}

/// A framework's id and version, as the form and the carry panel name one.
pub fn version_key(f: &cchc_core::Framework) -> String {
    format!("{}@{}", f.id, f.version)
}

/// An assessed year as typed in a year box: four digits from 2000 to 2100, spaces aside.
pub fn read_year(text: &str) -> Option<u16> {
    text.trim()
        .parse::<u16>()
        .ok()
        .filter(|y| (2000..=2100).contains(y))
}
