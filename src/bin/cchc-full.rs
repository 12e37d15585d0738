//! The full program (served from `day-du/`): every screen, opened when the first page is asked for
//! one it does not carry (the Sở Nội vụ view, trainer mode, a draft's summary and report).

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(
        || leptos::view! { <cchc_app::App screens=cchc_app::EVERY_SCREEN /> },
    );
}
