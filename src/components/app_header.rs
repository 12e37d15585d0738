use leptos::prelude::*;

use crate::components::lang_switch::LangSwitch;
use crate::i18n::{Msg, tr};

/// The app's header: its title, the sections, the language switch. On a narrow screen the title
/// is the short one and the sections fold behind a menu button, so the header stays one line.
#[component]
pub fn AppHeader() -> impl IntoView {
    let menu_open = RwSignal::new(false);
    let menu_button = NodeRef::<leptos::html::Button>::new();
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && menu_open.get_untracked() {
            menu_open.set(false);
            if let Some(button) = menu_button.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    view! {
        <header class="app-header" on:keydown=on_keydown>
            <a class="home" href="#/" data-testid="home">
                <h1>
                    <span class="title-full" data-testid="app-title">{tr(Msg::AppTitle)}</span>
                    <span class="title-short" data-testid="app-title-short">{tr(Msg::AppTitleShort)}</span>
                </h1>
            </a>
            <button
                type="button"
                class="menu-button"
                data-testid="menu-button"
                node_ref=menu_button
                aria-controls="main-nav"
                aria-expanded=move || menu_open.get().to_string()
                aria-label=tr(Msg::MainNavigation)
                title=tr(Msg::MainNavigation)
                on:click=move |_| menu_open.update(|o| *o = !*o)
            >
                <span class="menu-icon" aria-hidden="true"></span>
            </button>
            // Going to a section closes the menu.
            <nav id="main-nav" class="main-nav" class:open=move || menu_open.get() aria-label=tr(Msg::MainNavigation)
                on:click=move |_| menu_open.set(false)>
                <a href="#/" data-testid="nav-start">{tr(Msg::SelfAssessment)}</a>
                <a href="#/huong-dan" data-testid="nav-trainer">{tr(Msg::TrainerNav)}</a>
                <a href="#/so-noi-vu" data-testid="nav-evaluator">{tr(Msg::EvaluatorNav)}</a>
            </nav>
            <LangSwitch />
        </header>
    }
}
