//! The browser shell: renders the core's model and sends the user's edits back to it.
//! Components render; the core (`cchc-core`) decides. See ARCHITECTURE.md.

pub mod builder;
pub mod clock;
pub mod components;
pub mod file_io;
pub mod i18n;
pub mod pages;
pub mod route;
pub mod state;
pub mod storage;

use leptos::prelude::*;

use crate::components::app_header::AppHeader;
use crate::components::carry::CarryPanel;
use crate::components::import::ImportPanel;
use crate::components::new_release::NewRelease;
use crate::i18n::{Msg, tr};
use crate::pages::evaluator::EvaluatorPage;
use crate::pages::report::ReportPage;
use crate::pages::start::StartPage;
use crate::pages::summary::SummaryPage;
use crate::pages::trainer::TrainerPage;
use crate::pages::workspace::WorkspacePage;
use crate::route::{Route, TrainerView};
use crate::state::{AppState, BatchPart};

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// What the route shows, without the selected item: the workspace follows the selection itself.
#[derive(Clone, PartialEq)]
pub enum Page {
    Start,
    Evaluator,
    Trainer(TrainerView),
    Workspace(String),
    Summary(String),
    Report(String),
}

/// How a program renders its screens. The first page's program ([`FIRST_PAGE`]) carries only what
/// every visit needs — the start page and a draft's workspace — and sends every other screen to the
/// full program ([`EVERY_SCREEN`], served from `file_io::FULL_FOLDER`), so that the first load does
/// not download their code. Function pointers rather than a flag, so that the linker leaves the
/// other screens out of the first page's WebAssembly.
#[derive(Clone, Copy)]
pub struct Screens {
    /// The route's page.
    pub page: fn(Page) -> AnyView,
    /// What shows over any page while a draft's answers are being carried into another framework.
    pub carry: fn() -> AnyView,
    /// Files dropped on the Sở Nội vụ view: its batch (which the first page never shows).
    pub batch_dropped: fn(AppState, Vec<web_sys::File>),
}

pub const FIRST_PAGE: Screens = Screens {
    page: first_page,
    carry: carry_in_full_program,
    // The first page only hands that view over to the full program.
    batch_dropped: |_, _| {},
};

pub const EVERY_SCREEN: Screens = Screens {
    page: every_page,
    carry: carry_panel,
    batch_dropped: |state, files| state.load_batch(files, BatchPart::ThisYear),
};

fn first_page(page: Page) -> AnyView {
    match page {
        Page::Start => view! { <StartPage /> }.into_any(),
        Page::Workspace(draft) => view! { <WorkspacePage draft_id=draft /> }.into_any(),
        Page::Evaluator | Page::Trainer(_) | Page::Summary(_) | Page::Report(_) => {
            open_full_program();
            view! { <p class="muted" role="status" data-testid="opening-full">{tr(Msg::Opening)}</p> }
                .into_any()
        }
    }
}

fn every_page(page: Page) -> AnyView {
    match page {
        Page::Start => view! { <StartPage /> }.into_any(),
        Page::Evaluator => view! { <EvaluatorPage /> }.into_any(),
        Page::Trainer(view) => view! { <TrainerPage view=view /> }.into_any(),
        Page::Workspace(draft) => view! { <WorkspacePage draft_id=draft /> }.into_any(),
        Page::Summary(draft) => view! { <SummaryPage draft_id=draft /> }.into_any(),
        Page::Report(draft) => view! { <ReportPage draft_id=draft /> }.into_any(),
    }
}

/// The first page has no carry panel: a draft to carry is handed to the full program, which opens
/// its panel at the same route. When the tab's storage refuses it, that is said and the page stays.
fn carry_in_full_program() -> AnyView {
    let state = AppState::expect();
    Effect::new(move |_| {
        if state.carry.source.with(Option::is_some) && state.hand_over_carry() {
            open_full_program();
        }
    });
    let full = file_io::page_href(file_io::FULL_FOLDER, "#/");
    let failed = move || {
        state.carry.handover_failed.get().then(|| {
            view! {
                <div class="panel" role="alert" data-testid="carry-handover-failed">
                    <p>{tr(Msg::CarryHandoverFailed)}</p>
                    <a href=full.clone()>{tr(Msg::OpenFullProgram)}</a>
                </div>
            }
        })
    };
    view! { {failed} }.into_any()
}

/// The carry panel, opened at once for a draft the first page handed over.
fn carry_panel() -> AnyView {
    AppState::expect().take_handed_carry();
    view! { <CarryPanel /> }.into_any()
}

/// Replaces this page by the full program at the same route (the back button then skips it). The
/// open draft's pending save is written first.
fn open_full_program() {
    AppState::expect().save_now();
    let href = file_io::page_href(file_io::FULL_FOLDER, &current_hash());
    let _ = window().location().replace(&href);
}

/// The app, rendering its screens with `screens`.
#[component]
pub fn App(screens: Screens) -> impl IntoView {
    let state = AppState::provide();
    state.route.set(Route::parse(&current_hash()));
    // The outside world, each reached from one place: the URL hash, other tabs' storage writes,
    // the page being hidden or closed (flush the pending save), `<html lang>` and the title.
    let _ = window_event_listener_untyped("hashchange", move |_| {
        state.route.set(Route::parse(&current_hash()));
    });
    state.follow_other_tabs();
    // The page's script says when the service worker has a newer release (index.html).
    let _ = window_event_listener_untyped("cchc-new-release", move |_| state.new_release.set(true));
    let _ = window_event_listener_untyped("pagehide", move |_| state.save_now());
    let _ = window_event_listener_untyped("visibilitychange", move |_| {
        if document().hidden() {
            state.save_now();
        }
    });
    // A file dropped anywhere on the window is opened (checked and previewed, never imported
    // without the user's choice).
    let _ = window_event_listener(leptos::ev::dragover, |e: web_sys::DragEvent| {
        e.prevent_default()
    });
    let _ = window_event_listener(leptos::ev::drop, move |e: web_sys::DragEvent| {
        e.prevent_default();
        let Some(list) = e.data_transfer().and_then(|t| t.files()) else {
            return;
        };
        // On the Sở Nội vụ page a dropped batch is ranked; elsewhere one file is opened.
        if state.route.get_untracked() == Route::Evaluator {
            let files = (0..list.length()).filter_map(|i| list.get(i)).collect();
            (screens.batch_dropped)(state, files);
        } else if let Some(file) = list.get(0) {
            state.open_file(file);
        }
    });
    Effect::new(move |_| {
        let lang = state.lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        state.remember_lang();
    });
    Effect::new(move |_| {
        let lang = state.lang.get();
        let unit = state
            .draft
            .with(|d| d.as_ref().map(|d| d.unit.name.clone()));
        let title = match unit {
            Some(unit) => format!("{unit} — {}", Msg::AppTitle.text(lang)),
            None => Msg::AppTitle.text(lang).to_string(),
        };
        document().set_title(&title);
    });
    // Re-render the page only when the page or the draft changes, not when the selected item
    // does: the workspace follows the selection itself, so its tree is built once.
    let page_kind = Memo::new(move |_| match state.route.get() {
        Route::Start => Page::Start,
        Route::Evaluator => Page::Evaluator,
        Route::Trainer(view) => Page::Trainer(view),
        Route::Item { draft, .. } => Page::Workspace(draft),
        Route::Summary { draft } => Page::Summary(draft),
        Route::Report { draft } => Page::Report(draft),
    });
    let page = move || (screens.page)(page_kind.get());
    view! {
        <a class="skip-link" href="#main">{tr(Msg::SkipToContent)}</a>
        <AppHeader />
        <main id="main">
            <NewRelease />
            <ImportPanel />
            {(screens.carry)()}
            {page}
        </main>
    }
}

/// Loads the page again (a new release), its hash kept.
pub fn reload_page() {
    let _ = window().location().reload();
}

/// Navigates by setting the hash; the hashchange listener updates the route.
pub fn navigate(route: &Route) {
    let _ = window().location().set_hash(&route.href());
}
