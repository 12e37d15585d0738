//! The only module that touches files: saving a download, reading a file the user picked.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Offers `content` as a file download named `file_name`.
pub fn download(file_name: &str, mime: &str, content: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "không tạo được tệp".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "không tạo được tệp".to_string())?;
    let anchor: web_sys::HtmlAnchorElement = document()
        .create_element("a")
        .map_err(|_| "không tạo được liên kết tải về".to_string())?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The largest file the app reads: a framework or a submission is a few hundred kilobytes.
pub const MAX_FILE_BYTES: f64 = 10.0 * 1024.0 * 1024.0;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    TooLarge,
    Unreadable,
}

/// Reads a file the user picked as UTF-8 text, refusing files over [`MAX_FILE_BYTES`].
pub async fn read_text(file: web_sys::File) -> Result<String, ReadError> {
    if file.size() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge);
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| ReadError::Unreadable)?;
    text.as_string().ok_or(ReadError::Unreadable)
}
