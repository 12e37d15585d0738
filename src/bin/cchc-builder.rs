//! The framework builder's page (served from `tao-bo-tieu-chi/`); see `src/builder/mod.rs`.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(cchc_app::builder::BuilderApp);
}
