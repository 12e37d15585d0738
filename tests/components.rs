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
    let root = mount(|| view! { <App screens=cchc_app::EVERY_SCREEN /> });
    leptos::task::tick().await;
    assert_eq!(
        by_testid(&root, "app-title").text_content().unwrap(),
        "Tự đánh giá Chỉ số cải cách hành chính"
    );
    let switch = by_testid(&root, "lang-switch");
    assert_eq!(
        switch.get_attribute("title").unwrap(),
        "Chuyển giao diện sang tiếng Anh"
    );
    // Its accessible name is the word it shows, in the language of that word.
    assert_eq!(switch.text_content().unwrap().trim(), "English");
    assert_eq!(switch.get_attribute("lang").unwrap(), "en");
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
async fn the_menu_button_opens_the_sections_and_a_section_or_escape_closes_them() {
    let root = mount(|| view! { <App screens=cchc_app::EVERY_SCREEN /> });
    leptos::task::tick().await;
    let button = by_testid(&root, "menu-button");
    let nav = root.query_selector("#main-nav").unwrap().unwrap();
    let expanded = || button.get_attribute("aria-expanded").unwrap();
    assert_eq!(expanded(), "false");
    assert_eq!(button.get_attribute("aria-controls").unwrap(), "main-nav");
    assert_eq!(button.get_attribute("aria-label").unwrap(), "Chức năng");

    button.click();
    leptos::task::tick().await;
    assert_eq!(expanded(), "true");
    assert!(nav.class_list().contains("open"));
    by_testid(&root, "nav-trainer").click();
    leptos::task::tick().await;
    assert_eq!(expanded(), "false", "going to a section closes the menu");
    assert!(!nav.class_list().contains("open"));

    button.click();
    leptos::task::tick().await;
    by_testid(&root, "nav-start").focus().unwrap();
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let escape =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    by_testid(&root, "nav-start")
        .dispatch_event(&escape)
        .unwrap();
    leptos::task::tick().await;
    assert_eq!(expanded(), "false", "Escape closes the menu");
    let focused = document().active_element().unwrap();
    assert_eq!(
        focused.get_attribute("data-testid").as_deref(),
        Some("menu-button"),
        "and gives the focus back to its button"
    );
    let _ = window().location().set_hash("#/");
    root.remove();
}

#[wasm_bindgen_test]
async fn the_start_page_lists_the_built_in_frameworks_marked_as_models() {
    let root = mount(|| {
        AppState::provide().lang.set(cchc_core::Lang::Vi);
        view! { <StartPage /> }
    });
    leptos::task::tick().await;
    for id in [
        "framework-soc-trang-cap-so",
        "framework-mau-cap-xa",
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

mod item_input {
    use super::*;
    use cchc_app::components::item_input::ItemInput;
    use cchc_core::draft::UnitRef;
    use cchc_core::scoring::ItemStatus;
    use cchc_core::{Points, Value};

    /// Mounts the input of item `code` of the sở framework on a fresh draft.
    fn mount_item(code: &'static str) -> (web_sys::HtmlElement, AppState) {
        let state_cell = std::rc::Rc::new(std::cell::RefCell::new(None));
        let cell = state_cell.clone();
        let root = mount(move || {
            let state = AppState::provide();
            let fw = state
                .library
                .by_id("soc-trang-cap-so")
                .expect("the sở framework ships");
            state.create(
                &fw,
                UnitRef {
                    id: None,
                    name: "Sở Thử nghiệm".into(),
                },
                2025,
            );
            *cell.borrow_mut() = Some(state);
            let node = fw.node(code).expect("the item exists").clone();
            view! { <ItemInput node=node /> }
        });
        let state = (*state_cell.borrow()).expect("mounted");
        state.lang.set(cchc_core::Lang::Vi);
        (root, state)
    }

    fn value(state: AppState, code: &str) -> Option<Value> {
        state
            .draft
            .with_untracked(|d| d.as_ref()?.answers.items.get(code)?.value.clone())
    }

    fn points(state: AppState, code: &str) -> Points {
        state
            .scorecard
            .get_untracked()
            .and_then(|sc| sc.node(code).map(|n| n.points))
            .unwrap()
    }

    fn input(root: &web_sys::HtmlElement, testid: &str) -> web_sys::HtmlInputElement {
        by_testid(root, testid).unchecked_into()
    }

    fn type_into(el: &web_sys::HtmlInputElement, text: &str) {
        el.set_value(text);
        el.dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
    }

    #[wasm_bindgen_test]
    async fn choosing_a_late_plan_records_the_level_and_earns_half_a_point() {
        let (root, state) = mount_item("1.1.1");
        leptos::task::tick().await;
        let late = input(&root, "level-cham");
        assert!(
            late.parent_element()
                .unwrap()
                .text_content()
                .unwrap()
                .contains("Ban hành chậm (0,5 điểm)")
        );
        late.click();
        leptos::task::tick().await;
        assert_eq!(
            value(state, "1.1.1"),
            Some(Value::Level { id: "cham".into() })
        );
        assert_eq!(points(state, "1.1.1"), Points(50));
        root.remove();
    }

    #[wasm_bindgen_test]
    async fn a_typed_ratio_is_recorded_and_its_percentage_shown() {
        let (root, state) = mount_item("1.1.3");
        leptos::task::tick().await;
        type_into(&input(&root, "numerator"), "9");
        type_into(&input(&root, "denominator"), "10");
        leptos::task::tick().await;
        assert_eq!(
            value(state, "1.1.3"),
            Some(Value::Ratio {
                numerator: 9,
                denominator: 10
            })
        );
        assert_eq!(
            by_testid(&root, "ratio-percent").text_content().unwrap(),
            "Tỷ lệ: 90 %"
        );
        root.remove();
    }

    #[wasm_bindgen_test]
    async fn an_invalid_number_is_explained_and_never_reaches_the_draft() {
        let (root, state) = mount_item("1.1.3");
        leptos::task::tick().await;
        type_into(&input(&root, "numerator"), "9");
        type_into(&input(&root, "denominator"), "10");
        leptos::task::tick().await;
        type_into(&input(&root, "denominator"), "1.000");
        leptos::task::tick().await;
        let alert = root
            .query_selector(".ratio [role='alert']")
            .unwrap()
            .unwrap();
        assert!(
            alert.text_content().unwrap().contains("số nguyên"),
            "{:?}",
            alert.text_content()
        );
        assert_eq!(
            value(state, "1.1.3"),
            Some(Value::Ratio {
                numerator: 9,
                denominator: 10
            }),
            "the last valid value stays"
        );
        root.remove();
    }

    #[wasm_bindgen_test]
    async fn ticking_checklist_items_adds_their_points() {
        let (root, state) = mount_item("1.2.1");
        leptos::task::tick().await;
        input(&root, "check-quy-1").click();
        input(&root, "check-6-thang").click();
        leptos::task::tick().await;
        assert_eq!(points(state, "1.2.1"), Points(50));
        input(&root, "check-quy-1").click();
        leptos::task::tick().await;
        assert_eq!(points(state, "1.2.1"), Points(25));
        root.remove();
    }

    #[wasm_bindgen_test]
    async fn not_applicable_needs_a_reason_and_unticking_it_restores_the_answer() {
        let (root, state) = mount_item("3.1.3");
        leptos::task::tick().await;
        let first_level = root
            .query_selector("input[type='radio']")
            .unwrap()
            .unwrap()
            .unchecked_into::<web_sys::HtmlInputElement>();
        first_level.click();
        leptos::task::tick().await;
        let before = value(state, "3.1.3");
        assert!(matches!(before, Some(Value::Level { .. })));

        input(&root, "not-applicable").click();
        leptos::task::tick().await;
        let reason: web_sys::HtmlTextAreaElement = by_testid(&root, "na-reason").unchecked_into();
        assert_eq!(
            reason.get_attribute("aria-invalid").as_deref(),
            Some("true")
        );
        let status = state
            .scorecard
            .get_untracked()
            .unwrap()
            .node("3.1.3")
            .unwrap()
            .status;
        assert_eq!(
            status,
            Some(ItemStatus::Unanswered),
            "without a reason it counts as unanswered"
        );

        reason.set_value("Đơn vị không có thủ tục hành chính thuộc thẩm quyền");
        reason
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
        leptos::task::tick().await;
        let status = state
            .scorecard
            .get_untracked()
            .unwrap()
            .node("3.1.3")
            .unwrap()
            .status;
        assert_eq!(status, Some(ItemStatus::NotApplicable));

        input(&root, "not-applicable").click();
        leptos::task::tick().await;
        assert_eq!(value(state, "3.1.3"), before);
        root.remove();
    }

    #[wasm_bindgen_test]
    async fn a_survey_estimate_above_the_max_is_refused_with_a_message() {
        let (root, state) = mount_item("1.7.1");
        leptos::task::tick().await;
        assert!(root.text_content().unwrap().contains("do tỉnh chấm"));
        type_into(&input(&root, "estimate"), "1,5");
        leptos::task::tick().await;
        assert_eq!(
            value(state, "1.7.1"),
            Some(Value::Estimate {
                points: Points(150)
            })
        );
        type_into(&input(&root, "estimate"), "9");
        leptos::task::tick().await;
        assert_eq!(
            value(state, "1.7.1"),
            Some(Value::Estimate {
                points: Points(150)
            })
        );
        assert_eq!(
            input(&root, "estimate")
                .get_attribute("aria-invalid")
                .as_deref(),
            Some("true")
        );
        root.remove();
    }
}

#[wasm_bindgen_test]
async fn the_item_panel_breadcrumb_follows_the_language_switch() {
    use cchc_app::components::item_panel::ItemPanel;
    use cchc_core::draft::UnitRef;
    let state_cell = std::rc::Rc::new(std::cell::RefCell::new(None));
    let cell = state_cell.clone();
    let root = mount(move || {
        let state = AppState::provide();
        state.lang.set(cchc_core::Lang::Vi);
        let fw = state
            .library
            .by_id("soc-trang-cap-so")
            .expect("the sở framework ships");
        let unit = UnitRef {
            id: None,
            name: "Sở Thử nghiệm".into(),
        };
        let id = state.create(&fw, unit, 2025);
        *cell.borrow_mut() = Some(state);
        view! { <ItemPanel draft_id=id code="1.1.1".to_string() /> }
    });
    let state = (*state_cell.borrow()).expect("mounted");
    leptos::task::tick().await;
    let crumb = || by_testid(&root, "lineage").text_content().unwrap();
    assert_eq!(
        crumb(),
        "1 Công tác chỉ đạo, điều hành cải cách hành chính › 1.1 Kế hoạch cải cách hành chính năm"
    );
    state.lang.set(cchc_core::Lang::En);
    leptos::task::tick().await;
    assert_eq!(
        crumb(),
        "1 Direction and management of PAR › 1.1 Annual PAR plan"
    );
    root.remove();
}

/// The builder's page mounted with nothing kept from an earlier test: no builder or editor work,
/// and the interface in Vietnamese (a test may have switched it to English).
async fn mount_builder_afresh() -> (web_sys::Storage, web_sys::HtmlElement) {
    // The page opens on the part its address names; a test that showed the unit lists leaves it.
    window().location().set_hash("").unwrap();
    let storage = window().local_storage().unwrap().unwrap();
    for key in ["cchc.v1.builder", "cchc.v1.editor", "cchc.v1.lang"] {
        storage.remove_item(key).unwrap();
    }
    let root = mount(cchc_app::builder::BuilderApp);
    leptos::task::tick().await;
    (storage, root)
}

/// The framework builder's page: a pasted table becomes a tree whose items say how they were
/// read, the deciding words marked, and an item that needs a choice is settled from its select.
#[wasm_bindgen_test]
async fn the_builder_reads_a_pasted_table_and_settles_an_item_from_its_choice() {
    let (storage, root) = mount_builder_afresh().await;
    let paste: web_sys::HtmlTextAreaElement = by_testid(&root, "annex-paste").unchecked_into();
    paste.set_value(
        "STT\tTiêu chí\tĐiểm tối đa\tCách chấm điểm\n\
         1\tChỉ đạo điều hành\t2\t\n\
         1.1\tKế hoạch\t1\tCó: 1 điểm; không: 0 điểm\n\
         1.2\tBáo cáo\t1\tTheo đánh giá của Hội đồng",
    );
    paste
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    by_testid(&root, "read-pasted").click();
    leptos::task::tick().await;
    let nodes = root
        .query_selector_all("[data-testid='built-node']")
        .unwrap();
    assert_eq!(nodes.length(), 3);
    let state_of = |code: &str| {
        root.query_selector(&format!("[data-code='{code}'] [data-testid='item-state']"))
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert_eq!(state_of("1.1"), "Đọc từ nội dung");
    assert_eq!(state_of("1.2"), "Cần chọn cách chấm");
    assert!(
        root.query_selector("[data-code='1.1'] mark")
            .unwrap()
            .is_some()
    );
    // The save button waits for the choice.
    assert!(by_testid(&root, "builder-save").has_attribute("disabled"));
    let select: web_sys::HtmlSelectElement = root
        .query_selector("[data-code='1.2'] [data-testid='choose-rule']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    select.set_value("YesNo");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert_eq!(state_of("1.2"), "Đã chọn");
    assert!(!by_testid(&root, "builder-save").has_attribute("disabled"));
    // The work is kept as it changes.
    assert!(storage.get_item("cchc.v1.builder").unwrap().is_some());
    storage.remove_item("cchc.v1.builder").unwrap();
}

/// The framework editor: typing in a row's box changes the form and its live problems without
/// rebuilding the row, so the box keeps its focus; a wrong maximum is named at its row.
#[wasm_bindgen_test]
async fn the_editor_keeps_the_box_being_typed_in_and_checks_as_it_goes() {
    let (storage, root) = mount_builder_afresh().await;
    by_testid(&root, "open-blank").click();
    leptos::task::tick().await;
    let row_problems = || {
        root.query_selector("[data-testid='form-row'] [data-testid='row-problems']")
            .unwrap()
            .map(|e| e.text_content().unwrap())
            .unwrap_or_default()
    };
    assert!(row_problems().contains("Tên"), "{}", row_problems());
    let title: web_sys::HtmlInputElement = by_testid(&root, "node-title").unchecked_into();
    title.focus().unwrap();
    title.set_value("Công tác chỉ đạo, điều hành");
    title
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert!(root.contains(Some(&title)), "the row was rebuilt");
    let active = document().active_element().unwrap();
    assert!(active.is_same_node(Some(&title)), "the box lost its focus");
    assert!(!row_problems().contains("Tên:"), "{}", row_problems());

    let max: web_sys::HtmlInputElement = by_testid(&root, "node-max").unchecked_into();
    max.set_value("mười");
    max.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert!(
        row_problems().contains("Điểm tối đa:"),
        "{}",
        row_problems()
    );
    assert_eq!(max.value(), "mười", "what was typed stays");
    assert!(by_testid(&root, "editor-save").has_attribute("disabled"));
    let kept = storage.get_item("cchc.v1.editor").unwrap().unwrap();
    assert!(kept.contains("mười"));
    storage.remove_item("cchc.v1.editor").unwrap();
}

/// The unit list editor: a pasted list opens with its problems at their rows; typing a name keeps
/// the box and its focus while the problems follow; the list is kept as it changes.
#[wasm_bindgen_test]
async fn the_unit_list_editor_names_problems_at_their_rows_and_keeps_the_box_being_typed_in() {
    window()
        .local_storage()
        .unwrap()
        .unwrap()
        .remove_item("cchc.v1.units-work")
        .unwrap();
    let (storage, root) = mount_builder_afresh().await;
    by_testid(&root, "tab-units").click();
    leptos::task::tick().await;
    let paste: web_sys::HtmlTextAreaElement = by_testid(&root, "units-paste").unchecked_into();
    paste.set_value("Tên đơn vị\tLoại\tMã\nUBND xã An Bình\tXã\t1\n\tXã\t2\nSở Y tế\tSở\t3");
    paste
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    by_testid(&root, "units-read-pasted").click();
    leptos::task::tick().await;
    let row_problems = |n: usize| {
        root.query_selector(&format!(
            "[data-testid='unit-row'][data-row='{n}'] [data-testid='unit-problems']"
        ))
        .unwrap()
        .map(|e| e.text_content().unwrap())
        .unwrap_or_default()
    };
    assert_eq!(row_problems(2), "Dòng 2: chưa có tên đơn vị");
    assert!(by_testid(&root, "units-save").has_attribute("disabled"));

    let name: web_sys::HtmlInputElement = root
        .query_selector("[data-testid='unit-row'][data-row='2'] [data-testid='unit-name']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    name.focus().unwrap();
    name.set_value("UBND xã An bình");
    name.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert!(root.contains(Some(&name)), "the row was rebuilt");
    assert!(
        document()
            .active_element()
            .unwrap()
            .is_same_node(Some(&name)),
        "the box lost its focus"
    );
    assert_eq!(
        row_problems(2),
        "Dòng 2: “UBND xã An bình” trùng tên với dòng 1"
    );
    name.set_value("UBND xã Tân Bình");
    name.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert_eq!(row_problems(2), "");
    // The province is still to be named.
    assert!(by_testid(&root, "units-save").has_attribute("disabled"));
    let kept = storage.get_item("cchc.v1.units-work").unwrap().unwrap();
    assert!(kept.contains("UBND xã Tân Bình"), "{kept}");
    storage.remove_item("cchc.v1.units-work").unwrap();
    // The next test to mount the builder finds it on its first part.
    by_testid(&root, "tab-frameworks").click();
    root.remove();
}

#[wasm_bindgen_test]
async fn the_carry_panel_offers_the_next_year_and_refuses_another_unit_types_framework() {
    use cchc_app::components::carry::CarryPanel;
    use cchc_core::draft::{Draft, FrameworkRef, UnitRef};
    use cchc_core::{Edit, Value};

    let state = std::rc::Rc::new(std::cell::Cell::new(None::<AppState>));
    let keep = state.clone();
    let root = mount(move || {
        let s = AppState::provide();
        s.lang.set(cchc_core::Lang::Vi);
        keep.set(Some(s));
        view! { <CarryPanel /> }
    });
    let state = state.get().unwrap();
    let xa = state.library.by_id("mau-cap-xa").unwrap();
    let mut draft = Draft::new(
        "thu-chuyen".into(),
        FrameworkRef::of(&xa),
        UnitRef {
            id: None,
            name: "UBND xã Thử".into(),
        },
        2025,
        "2025-12-01T08:00:00Z".into(),
    );
    draft.apply(Edit::SetValue {
        code: "1.1.2".into(),
        value: Some(Value::YesNo { yes: true }),
    });
    state.begin_carry(std::sync::Arc::new(draft), None);
    // The panel is drawn on the first tick, its boxes' values set on the next.
    leptos::task::tick().await;
    leptos::task::tick().await;

    let select: web_sys::HtmlSelectElement = by_testid(&root, "carry-framework").unchecked_into();
    assert_eq!(
        select.value(),
        "mau-cap-xa@2025.1",
        "the only cấp xã framework"
    );
    let year: web_sys::HtmlInputElement = by_testid(&root, "carry-year").unchecked_into();
    assert_eq!(year.value(), "2026", "the same framework: the year after");
    assert!(
        by_testid(&root, "carry-summary")
            .text_content()
            .unwrap()
            .starts_with("Chuyển được câu trả lời của 1 trong 1 tiêu chí"),
    );
    let create = by_testid(&root, "carry-create");
    assert!(!create.has_attribute("disabled"));

    select.set_value("soc-trang-cap-so@2025.1");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    leptos::task::tick().await;
    let refused = by_testid(&root, "carry-refused").text_content().unwrap();
    assert!(refused.starts_with("Không chuyển được"), "{refused}");
    assert!(create.has_attribute("disabled"), "nothing can be created");
    root.remove();
}
