//! The first page: the start page and a draft's workspace; every other screen is the full
//! program's (`src/bin/cchc-full.rs`).

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| {
        leptos::view! { <cchc_app::App screens=cchc_app::FIRST_PAGE /> }
    });
}
