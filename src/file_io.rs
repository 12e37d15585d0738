//! The only module that touches files: saving a download, reading a file the user picked, and
//! the spreadsheet worker that writes .xlsx files. Failures are typed; the interface words them.

use cchc_core::builder::source_error::SourceError;
use cchc_core::builder::table::SourceTable;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub const JSON: &str = "application/json";
pub const CSV: &str = "text/csv";
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Why a file could not be written or made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// The browser refused to make the file or the download link.
    DownloadRefused,
    /// The spreadsheet worker could not be started or its code could not be loaded.
    WorkerUnavailable,
    /// The spreadsheet worker gave up; its own (technical) words.
    Worker(String),
}

/// Offers `content` as a file download named `file_name`.
pub fn download(file_name: &str, mime: &str, content: &str) -> Result<(), FileError> {
    save_blob(file_name, mime, &wasm_bindgen::JsValue::from_str(content))
}

/// Writes a spreadsheet request in the worker and offers the result as `file_name`.
pub async fn download_spreadsheet(file_name: &str, request_json: String) -> Result<(), FileError> {
    let bytes = spreadsheet(request_json).await?;
    download_bytes(file_name, XLSX, &bytes)
}

/// The address of the app's own files, relative to this page: the framework builder and the full
/// program are each served one folder down and share the spreadsheet worker.
fn app_root() -> &'static str {
    let path = window().location().pathname().unwrap_or_default();
    if [BUILDER_FOLDER, FULL_FOLDER]
        .iter()
        .any(|folder| path.contains(&format!("/{folder}/")))
    {
        "../"
    } else {
        ""
    }
}

/// The folder the framework builder is served from (its own page and WebAssembly).
pub const BUILDER_FOLDER: &str = "tao-bo-tieu-chi";

/// The folder the full program is served from: every screen, where the first page carries only the
/// start page and the workspace (see `crate::Screens`).
pub const FULL_FOLDER: &str = "day-du";

/// The address of a page of the app (`folder`, or the first page for `""`) with `hash`, from
/// whichever of the app's pages is open.
pub fn page_href(folder: &str, hash: &str) -> String {
    let folder = if folder.is_empty() {
        String::new()
    } else {
        format!("{folder}/")
    };
    format!("{}{folder}{hash}", app_root())
}

/// Offers `bytes` as a file download named `file_name`.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), FileError> {
    save_blob(file_name, mime, &js_sys::Uint8Array::from(bytes).into())
}

fn save_blob(file_name: &str, mime: &str, part: &wasm_bindgen::JsValue) -> Result<(), FileError> {
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| FileError::DownloadRefused)?;
    let url =
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| FileError::DownloadRefused)?;
    let anchor: web_sys::HtmlAnchorElement = document()
        .create_element("a")
        .map_err(|_| FileError::DownloadRefused)?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    TooLarge,
    Unreadable,
}

/// Reads a file the user picked as UTF-8 text, refusing files over the submission format's limit
/// before reading them (a framework or a submission is a few hundred kilobytes).
pub async fn read_text(file: web_sys::File) -> Result<String, ReadError> {
    if file.size() > cchc_core::submission::MAX_FILE_BYTES as f64 {
        return Err(ReadError::TooLarge);
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| ReadError::Unreadable)?;
    text.as_string().ok_or(ReadError::Unreadable)
}

/// A file's text being read; see [`start_reading`].
pub struct Reading {
    pub name: String,
    text: Result<wasm_bindgen_futures::JsFuture, ReadError>,
}

impl Reading {
    pub async fn text(self) -> Result<String, ReadError> {
        let text = self.text?.await.map_err(|_| ReadError::Unreadable)?;
        text.as_string().ok_or(ReadError::Unreadable)
    }
}

/// Starts reading every file at once, so that the browser reads them side by side while the
/// caller works through them in order (a batch of a thousand submissions). A file's size costs
/// the browser a round trip (half a second over a thousand files, measured), so it is asked only
/// of files not named `.json`, the ones picked by mistake (a video, an archive); a `.json` file
/// too large is refused by its length once read (`check_import`).
pub fn start_reading(files: Vec<web_sys::File>) -> Vec<Reading> {
    files
        .into_iter()
        .map(|file| {
            let name = file.name();
            let text = if !name.to_lowercase().ends_with(".json")
                && file.size() > cchc_core::submission::MAX_FILE_BYTES as f64
            {
                Err(ReadError::TooLarge)
            } else {
                Ok(wasm_bindgen_futures::JsFuture::from(file.text()))
            };
            Reading { name, text }
        })
        .collect()
}

/// Reads a picked file's bytes (a Word or Excel annex), refusing files over the limit before
/// reading them.
pub async fn read_bytes(file: web_sys::File) -> Result<Vec<u8>, ReadError> {
    if file.size() > cchc_core::submission::MAX_FILE_BYTES as f64 {
        return Err(ReadError::TooLarge);
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| ReadError::Unreadable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A spreadsheet (or a Word table) read into a table by the `xlsx_worker` web worker, whose
/// readers the page does not carry: the table, or the reader's refusal to be said by the caller.
pub async fn read_sheet(
    file_name: &str,
    bytes: Vec<u8>,
) -> Result<Result<SourceTable, SourceError>, FileError> {
    let request = cchc_core::report::SpreadsheetRequest::ReadTable {
        file_name: file_name.to_string(),
        bytes,
    };
    let json = serde_json::to_string(&request).map_err(|_| FileError::WorkerUnavailable)?;
    let answer = spreadsheet(json).await?;
    serde_json::from_slice(&answer).map_err(|e| FileError::Worker(e.to_string()))
}

/// The spreadsheet (.xlsx) of a score table, written by the `xlsx_worker` web worker, which is
/// fetched only now: the spreadsheet writer weighs several times the rest of the app.
pub async fn spreadsheet(table_json: String) -> Result<Vec<u8>, FileError> {
    use wasm_bindgen::JsValue;
    use wasm_bindgen::prelude::Closure;

    let worker = web_sys::Worker::new(&format!("{}xlsx_worker_loader.js", app_root()))
        .map_err(|_| FileError::WorkerUnavailable)?;
    let target = worker.clone();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let (w, json, fail) = (target.clone(), table_json.clone(), reject.clone());
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                let data = e.data();
                match data.as_string() {
                    Some(s) if s == "ready" => {
                        let _ = w.post_message(&JsValue::from_str(&json));
                    }
                    Some(s) => {
                        let _ = fail.call1(&JsValue::NULL, &JsValue::from_str(&s));
                    }
                    None => {
                        let _ = resolve.call1(&JsValue::NULL, &data);
                    }
                }
            });
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |_| {
            // No text: the worker's code did not load (told apart from its own errors below).
            let _ = reject.call1(&JsValue::NULL, &JsValue::NULL);
        });
        target.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        target.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        // The worker is ended below; its two small handlers go with the page.
        on_message.forget();
        on_error.forget();
    });
    let result = wasm_bindgen_futures::JsFuture::from(promise).await;
    worker.terminate();
    match result {
        Ok(bytes) => Ok(js_sys::Uint8Array::new(&bytes).to_vec()),
        Err(e) => Err(e
            .as_string()
            .map_or(FileError::WorkerUnavailable, FileError::Worker)),
    }
}

/// The file chosen in a file input's `change` event; the input is cleared so that choosing the
/// same file again is noticed.
pub fn picked_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files().and_then(|f| f.get(0));
    input.set_value("");
    file
}

/// Every file chosen in a multiple file input's `change` event (the input is cleared).
pub fn picked_files(ev: &leptos::ev::Event) -> Vec<web_sys::File> {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = input
        .files()
        .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default();
    input.set_value("");
    files
}
