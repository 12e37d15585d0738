//! The web worker: waits for a spreadsheet request (JSON) from the app, answers with the .xlsx bytes, or
//! with a message when it cannot. Says "ready" first, so the app never posts to a worker that is
//! still loading.

#[cfg(target_arch = "wasm32")]
fn main() {
    use cchc_core::report::SpreadsheetRequest;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::Closure;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let answer = match event
                .data()
                .as_string()
                .map(|text| serde_json::from_str::<SpreadsheetRequest>(&text))
            {
                Some(Ok(request)) => match xlsx_worker::write(&request) {
                    Ok(bytes) => js_sys::Uint8Array::from(bytes.as_slice()).into(),
                    Err(e) => wasm_bindgen::JsValue::from_str(&format!("error: {e}")),
                },
                Some(Err(e)) => wasm_bindgen::JsValue::from_str(&format!("error: {e}")),
                None => wasm_bindgen::JsValue::from_str("error: no score table"),
            };
            let _ = reply.post_message(&answer);
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&wasm_bindgen::JsValue::from_str("ready"));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("xlsx_worker runs in a browser's web worker; see xlsx-worker/src/lib.rs");
}
