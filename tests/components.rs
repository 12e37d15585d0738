//! Components mounted in a real browser (headless Chromium through wasm-bindgen-test-runner),
//! asserting on text and ARIA rather than on whole markup.
#![cfg(target_arch = "wasm32")]

use cchc_app::App;
use cchc_app::pages::start::StartPage;
use cchc_app::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts `f` in a fresh container and returns the container.
fn mount<F, N>(f: F) -> web_sys::HtmlElement
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(container.clone(), f).forget();
    container
}

fn by_testid(root: &web_sys::HtmlElement, id: &str) -> web_sys::HtmlElement {
    root.query_selector(&format!("[data-testid='{id}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid {id}"))
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn the_language_switch_turns_the_interface_and_the_page_language_to_english() {
    let root = mount(App);
    leptos::task::tick().await;
    assert_eq!(
        by_testid(&root, "app-title").text_content().unwrap(),
        "Tự đánh giá Chỉ số cải cách hành chính"
    );
    let switch = by_testid(&root, "lang-switch");
    assert_eq!(
        switch.get_attribute("aria-label").unwrap(),
        "Chuyển giao diện sang tiếng Anh"
    );
    switch.click();
    leptos::task::tick().await;
    assert_eq!(
        by_testid(&root, "app-title").text_content().unwrap(),
        "Public Administration Reform Index self-assessment"
    );
    assert_eq!(
        document()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .unwrap(),
        "en"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn the_start_page_lists_both_built_in_frameworks_marked_as_models() {
    let root = mount(|| {
        AppState::provide();
        view! { <StartPage /> }
    });
    leptos::task::tick().await;
    for id in [
        "framework-soc-trang-cap-so",
        "framework-soc-trang-cap-huyen",
    ] {
        let card = by_testid(&root, id);
        let note = card
            .query_selector("[role='note']")
            .unwrap()
            .expect("a status note");
        assert!(
            note.text_content().unwrap().starts_with("Bộ tiêu chí mẫu"),
            "{id}"
        );
    }
    root.remove();
}
