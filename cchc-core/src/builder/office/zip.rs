//! Just enough of ZIP to read the parts of a .docx/.xlsx: the central directory, stored and
//! deflated entries. Written here on `miniz_oxide` because the `zip` crate would add far more to
//! the browser bundle than the few formats Office writes need.
//!
//! Every length and offset comes from the file, so each is checked against the bytes before
//! use, and what is unpacked is counted against [`MAX_UNPACKED_BYTES`] (a few kilobytes of
//! deflate can claim gigabytes).

use miniz_oxide::inflate::{TINFLStatus, decompress_to_vec_with_limit};

use crate::builder::source_error::{MAX_UNPACKED_BYTES, SourceError};

const END_OF_DIRECTORY: u32 = 0x0605_4b50;
const ZIP64_END_LOCATOR: u32 = 0x0706_4b50;
const DIRECTORY_ENTRY: u32 = 0x0201_4b50;
const LOCAL_HEADER: u32 = 0x0403_4b50;
const END_OF_DIRECTORY_LEN: usize = 22;
const DIRECTORY_ENTRY_LEN: usize = 46;
const LOCAL_HEADER_LEN: usize = 30;
const MAX_COMMENT_LEN: usize = 0xFFFF;

const STORED: u16 = 0;
const DEFLATED: u16 = 8;
const FLAG_ENCRYPTED: u16 = 1;

#[derive(Debug, Clone)]
struct Entry {
    name: String,
    flags: u16,
    method: u16,
    crc32: u32,
    compressed_size: usize,
    uncompressed_size: usize,
    local_header_offset: usize,
}

/// An opened archive; each part read counts against one unpacking budget.
#[derive(Debug)]
pub(crate) struct Archive<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry>,
    budget: usize,
}

fn corrupt(detail: impl Into<String>) -> SourceError {
    SourceError::Corrupt {
        detail: detail.into(),
    }
}

fn unsupported(detail: impl Into<String>) -> SourceError {
    SourceError::UnsupportedZip {
        detail: detail.into(),
    }
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    let b = bytes.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([b[0], b[1]]))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn size(value: u32) -> usize {
    usize::try_from(value).unwrap_or(usize::MAX)
}

impl<'a> Archive<'a> {
    pub(crate) fn open(bytes: &'a [u8]) -> Result<Archive<'a>, SourceError> {
        Archive::open_with_budget(bytes, MAX_UNPACKED_BYTES)
    }

    pub(crate) fn open_with_budget(
        bytes: &'a [u8],
        budget: usize,
    ) -> Result<Archive<'a>, SourceError> {
        let end = find_end_of_directory(bytes).ok_or_else(|| {
            corrupt("the end of the zip directory is missing (the file may be cut short)")
        })?;
        if end >= 20 && u32_at(bytes, end - 20) == Some(ZIP64_END_LOCATOR) {
            return Err(unsupported("ZIP64"));
        }
        let field = |at: usize| u16_at(bytes, end + at).unwrap_or(0);
        let (this_disk, directory_disk) = (field(4), field(6));
        let (entries_here, entries_total) = (field(8), field(10));
        let directory_size = u32_at(bytes, end + 12).unwrap_or(0);
        let directory_offset = u32_at(bytes, end + 16).unwrap_or(0);
        if entries_total == 0xFFFF || directory_size == u32::MAX || directory_offset == u32::MAX {
            return Err(unsupported("ZIP64"));
        }
        if this_disk != 0 || directory_disk != 0 || entries_here != entries_total {
            return Err(unsupported("an archive split over several files"));
        }
        let directory_offset = size(directory_offset);
        let directory_end = directory_offset
            .checked_add(size(directory_size))
            .filter(|&e| e <= end)
            .ok_or_else(|| corrupt("the zip directory lies outside the file"))?;
        let directory = &bytes[directory_offset..directory_end];

        let mut entries = Vec::with_capacity(usize::from(entries_total));
        let mut at = 0;
        for _ in 0..entries_total {
            let (entry, next) = directory_entry(directory, at)?;
            entries.push(entry);
            at = next;
        }
        Ok(Archive {
            bytes,
            entries,
            budget,
        })
    }

    pub(crate) fn has(&self, name: &str) -> bool {
        self.entries.iter().any(|e| e.name == name)
    }

    /// The unpacked bytes of the part `name`, or `None` if the archive has no such part.
    pub(crate) fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, SourceError> {
        let Some(entry) = self.entries.iter().find(|e| e.name == name).cloned() else {
            return Ok(None);
        };
        if entry.flags & FLAG_ENCRYPTED != 0 {
            return Err(SourceError::PasswordProtected);
        }
        if entry.uncompressed_size > self.budget {
            return Err(SourceError::UnpackedTooLarge);
        }
        let data = self.data_of(&entry)?;
        let unpacked = match entry.method {
            STORED => data.to_vec(),
            DEFLATED => match decompress_to_vec_with_limit(data, self.budget) {
                Ok(unpacked) => unpacked,
                Err(e) if e.status == TINFLStatus::HasMoreOutput => {
                    return Err(SourceError::UnpackedTooLarge);
                }
                Err(_) => return Err(corrupt(format!("the part {name} cannot be unpacked"))),
            },
            other => return Err(unsupported(format!("compression method {other}"))),
        };
        if unpacked.len() > self.budget {
            return Err(SourceError::UnpackedTooLarge);
        }
        if crc32(&unpacked) != entry.crc32 {
            return Err(corrupt(format!("the part {name} fails its checksum")));
        }
        self.budget -= unpacked.len();
        Ok(Some(unpacked))
    }

    fn data_of(&self, entry: &Entry) -> Result<&'a [u8], SourceError> {
        let bytes = self.bytes;
        let at = entry.local_header_offset;
        let damaged = || corrupt(format!("the part {} lies outside the file", entry.name));
        let header = at
            .checked_add(LOCAL_HEADER_LEN)
            .and_then(|end| bytes.get(at..end))
            .ok_or_else(damaged)?;
        if u32_at(header, 0) != Some(LOCAL_HEADER) {
            return Err(damaged());
        }
        let name_len = usize::from(u16_at(header, 26).ok_or_else(damaged)?);
        let extra_len = usize::from(u16_at(header, 28).ok_or_else(damaged)?);
        let start = at + LOCAL_HEADER_LEN + name_len + extra_len;
        let end = start
            .checked_add(entry.compressed_size)
            .ok_or_else(damaged)?;
        bytes.get(start..end).ok_or_else(damaged)
    }
}

/// The end-of-central-directory record is the last thing in the file, but may be followed by a
/// comment of up to 64 KiB, so it is searched for backwards; a candidate counts only if its
/// comment length reaches exactly to the end of the file.
fn find_end_of_directory(bytes: &[u8]) -> Option<usize> {
    let last = bytes.len().checked_sub(END_OF_DIRECTORY_LEN)?;
    let first = last.saturating_sub(MAX_COMMENT_LEN);
    (first..=last).rev().find(|&at| {
        u32_at(bytes, at) == Some(END_OF_DIRECTORY)
            && u16_at(bytes, at + 20).is_some_and(|comment| {
                at + END_OF_DIRECTORY_LEN + usize::from(comment) == bytes.len()
            })
    })
}

fn directory_entry(directory: &[u8], at: usize) -> Result<(Entry, usize), SourceError> {
    let damaged = || corrupt("an entry of the zip directory is damaged");
    if u32_at(directory, at) != Some(DIRECTORY_ENTRY) {
        return Err(damaged());
    }
    let u16_field = |offset: usize| u16_at(directory, at + offset).ok_or_else(damaged);
    let u32_field = |offset: usize| u32_at(directory, at + offset).ok_or_else(damaged);
    let flags = u16_field(8)?;
    let method = u16_field(10)?;
    let crc32 = u32_field(16)?;
    let compressed_size = u32_field(20)?;
    let uncompressed_size = u32_field(24)?;
    let name_len = usize::from(u16_field(28)?);
    let extra_len = usize::from(u16_field(30)?);
    let comment_len = usize::from(u16_field(32)?);
    let local_header_offset = u32_field(42)?;
    if [compressed_size, uncompressed_size, local_header_offset].contains(&u32::MAX) {
        return Err(unsupported("ZIP64"));
    }
    let name_start = at + DIRECTORY_ENTRY_LEN;
    let name = directory
        .get(name_start..name_start + name_len)
        .ok_or_else(damaged)?;
    let next = name_start + name_len + extra_len + comment_len;
    if next > directory.len() {
        return Err(damaged());
    }
    let entry = Entry {
        // Part names are ASCII in every Office file; anything else cannot name a part read here.
        name: String::from_utf8_lossy(name).into_owned(),
        flags,
        method,
        crc32,
        compressed_size: size(compressed_size),
        uncompressed_size: size(uncompressed_size),
        local_header_offset: size(local_header_offset),
    };
    Ok((entry, next))
}

const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[n] = c;
        n += 1;
    }
    table
};

fn crc32(bytes: &[u8]) -> u32 {
    !bytes.iter().fold(!0u32, |c, &b| {
        CRC_TABLE[usize::from((c as u8) ^ b)] ^ (c >> 8)
    })
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn zip_of(parts: &[(&str, &[u8])], method: ::zip::CompressionMethod) -> Vec<u8> {
        let mut writer = ::zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = ::zip::write::SimpleFileOptions::default().compression_method(method);
        for (name, data) in parts {
            writer.start_file(*name, options).unwrap();
            writer.write_all(data).unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    #[test]
    fn reads_stored_and_deflated_parts() {
        for method in [
            ::zip::CompressionMethod::Stored,
            ::zip::CompressionMethod::Deflated,
        ] {
            let bytes = zip_of(
                &[("a.xml", b"<a/>"), ("b/c.xml", b"hello hello hello")],
                method,
            );
            let mut archive = Archive::open(&bytes).unwrap();
            assert!(archive.has("b/c.xml"));
            assert_eq!(archive.read("a.xml").unwrap().unwrap(), b"<a/>");
            assert_eq!(
                archive.read("b/c.xml").unwrap().unwrap(),
                b"hello hello hello"
            );
            assert_eq!(archive.read("missing.xml").unwrap(), None);
        }
    }

    #[test]
    fn a_part_unpacking_past_the_budget_is_refused() {
        let zeros = vec![0u8; 100_000];
        let bytes = zip_of(&[("big.xml", &zeros)], ::zip::CompressionMethod::Deflated);
        let mut archive = Archive::open_with_budget(&bytes, 10_000).unwrap();
        assert_eq!(archive.read("big.xml"), Err(SourceError::UnpackedTooLarge));
    }

    #[test]
    fn a_part_whose_declared_size_lies_is_still_stopped_by_the_budget() {
        let zeros = vec![0u8; 100_000];
        let mut bytes = zip_of(&[("big.xml", &zeros)], ::zip::CompressionMethod::Deflated);
        let end = find_end_of_directory(&bytes).unwrap();
        let directory = size(u32_at(&bytes, end + 16).unwrap());
        bytes[directory + 24..directory + 28].copy_from_slice(&10u32.to_le_bytes());
        let mut archive = Archive::open_with_budget(&bytes, 50_000).unwrap();
        assert_eq!(archive.read("big.xml"), Err(SourceError::UnpackedTooLarge));
    }

    #[test]
    fn the_budget_is_shared_by_all_parts() {
        let data = vec![b'x'; 6_000];
        let bytes = zip_of(
            &[("one.xml", &data), ("two.xml", &data)],
            ::zip::CompressionMethod::Deflated,
        );
        let mut archive = Archive::open_with_budget(&bytes, 10_000).unwrap();
        assert!(archive.read("one.xml").unwrap().is_some());
        assert_eq!(archive.read("two.xml"), Err(SourceError::UnpackedTooLarge));
    }

    #[test]
    fn a_damaged_part_fails_its_checksum() {
        let mut bytes = zip_of(&[("a.xml", b"<abc/>")], ::zip::CompressionMethod::Stored);
        let at = bytes.windows(6).position(|w| w == b"<abc/>").unwrap();
        bytes[at + 1] = b'x';
        let mut archive = Archive::open(&bytes).unwrap();
        assert!(matches!(
            archive.read("a.xml"),
            Err(SourceError::Corrupt { .. })
        ));
    }

    #[test]
    fn a_comment_after_the_directory_is_allowed() {
        let mut writer = ::zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        writer
            .start_file("a.xml", ::zip::write::SimpleFileOptions::default())
            .unwrap();
        writer.write_all(b"<a/>").unwrap();
        writer.set_comment("PK\u{5}\u{6} not the end");
        let bytes = writer.finish().unwrap().into_inner();
        let mut archive = Archive::open(&bytes).unwrap();
        assert_eq!(archive.read("a.xml").unwrap().unwrap(), b"<a/>");
    }

    #[test]
    fn known_crc() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }
}
