//! The files an officer picks: a .docx annex, an .xlsx score sheet or a .csv, told apart by their
//! content first and their name second (a file is often renamed, or saved by a system under the
//! wrong extension), with a message saying what to do for every kind that cannot be read.

mod docx;
mod xlsx;
mod xml;
mod zip;

use super::delimited::{decode_text, from_delimited};
use super::source_error::SourceError;
use super::table::{SourceKind, SourceTable};
use crate::submission::MAX_FILE_BYTES;

const OLE_SIGNATURE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const ZIP_SIGNATURES: &[&[u8]] = &[b"PK\x03\x04", b"PK\x05\x06"];
/// A PDF's header must be within its first kilobyte, not necessarily at its start.
const PDF_HEADER_WITHIN: usize = 1024;

/// Reads the source table of a picked file.
pub fn read_file(file_name: &str, bytes: &[u8]) -> Result<SourceTable, SourceError> {
    if bytes.is_empty() {
        return Err(SourceError::Empty);
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(SourceError::TooLarge { bytes: bytes.len() });
    }
    if contains(&bytes[..bytes.len().min(PDF_HEADER_WITHIN)], b"%PDF-") {
        return Err(SourceError::Pdf);
    }
    if bytes.starts_with(OLE_SIGNATURE) {
        return Err(old_office(file_name, bytes));
    }
    if ZIP_SIGNATURES.iter().any(|s| bytes.starts_with(s)) {
        return read_package(bytes);
    }
    read_text(bytes)
}

/// An OLE compound file: an encrypted .docx/.xlsx (Office wraps them so), or a 97–2003 file.
/// Directory entries name their streams in UTF-16LE, ending with a NUL.
fn old_office(file_name: &str, bytes: &[u8]) -> SourceError {
    let has_stream = |name: &str| {
        let mut utf16: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        utf16.extend_from_slice(&[0, 0]);
        contains(bytes, &utf16)
    };
    if has_stream("EncryptedPackage") {
        return SourceError::PasswordProtected;
    }
    if has_stream("WordDocument") {
        return SourceError::OldWord;
    }
    if has_stream("Workbook") || has_stream("Book") {
        return SourceError::OldExcel;
    }
    match extension(file_name).as_str() {
        "doc" | "dot" => SourceError::OldWord,
        "xls" | "xlt" => SourceError::OldExcel,
        _ => SourceError::NotRecognised,
    }
}

fn read_package(bytes: &[u8]) -> Result<SourceTable, SourceError> {
    let mut archive = zip::Archive::open(bytes)?;
    if let Some(document) = archive.read("word/document.xml")? {
        return docx::read_document(&document);
    }
    if archive.has("xl/workbook.xml") {
        return xlsx::read_workbook(&mut archive);
    }
    Err(SourceError::NotRecognised)
}

fn read_text(bytes: &[u8]) -> Result<SourceTable, SourceError> {
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    if !utf16 {
        // A picture or another binary file; a text file never holds NUL.
        if bytes.contains(&0) {
            return Err(SourceError::NotRecognised);
        }
        let start = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]);
        if let Some(refused) = markup(&start) {
            return Err(refused);
        }
    }
    let text = decode_text(bytes)?;
    if let Some(refused) = markup(&text) {
        return Err(refused);
    }
    from_delimited(&text, SourceKind::Csv)
}

/// Text formats that are documents rather than tables: RTF, and the web pages and XML that
/// systems export under the name .doc/.xls.
fn markup(text: &str) -> Option<SourceError> {
    let start: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(32)
        .flat_map(char::to_lowercase)
        .collect();
    if start.starts_with("{\\rtf") {
        Some(SourceError::Rtf)
    } else if [
        "<!doctype html",
        "<html",
        "<table",
        "<meta",
        "mime-version:",
    ]
    .iter()
    .any(|m| start.starts_with(m))
    {
        Some(SourceError::WebPage)
    } else if start.starts_with("<?xml") {
        Some(SourceError::NotRecognised)
    } else {
        None
    }
}

fn extension(file_name: &str) -> String {
    file_name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}
