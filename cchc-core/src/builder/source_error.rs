//! Why a picked file or a pasted text gives no source table, each case with a message telling the
//! officer what to do. Always compiled: the app shows these words whether or not it reads office
//! files itself.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::submission::MAX_FILE_BYTES;
use crate::text::Lang;

/// What the contents of a .docx/.xlsx may unpack to, all parts together. A real annex is well
/// under a megabyte of XML; the limit is there so that a crafted file cannot exhaust the tab.
pub const MAX_UNPACKED_BYTES: usize = 64 * 1024 * 1024;

/// The most cells a source table may have (rows × columns after padding). An annex has a few
/// thousand; the limit keeps a sheet with one stray cell in column XFD, or a gridSpan of a
/// million, from allocating gigabytes.
pub const MAX_CELLS: usize = 500_000;

const MIB: usize = 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SourceError {
    /// Over [`MAX_FILE_BYTES`]; refused before anything is read.
    TooLarge {
        bytes: usize,
    },
    /// No bytes, or only blanks.
    Empty,
    Pdf,
    /// A Word 97–2003 binary file.
    OldWord,
    /// An Excel 97–2003 binary file.
    OldExcel,
    /// Rich Text Format, which Word saves and some systems name `.doc`.
    Rtf,
    /// A web page (HTML or MHT), as systems export "Excel" or "Word" files named `.xls`/`.doc`.
    WebPage,
    /// An encrypted .docx/.xlsx (an OLE file holding an `EncryptedPackage`) or an encrypted
    /// entry in a zip.
    PasswordProtected,
    /// A damaged zip or XML part, or a file only renamed to .docx/.xlsx.
    Corrupt {
        detail: String,
    },
    /// A real zip written in a way this reader does not read (ZIP64, another compression
    /// method, an archive split over several files).
    UnsupportedZip {
        detail: String,
    },
    /// The parts would unpack to more than [`MAX_UNPACKED_BYTES`].
    UnpackedTooLarge,
    /// The table would have more than [`MAX_CELLS`] cells.
    TooManyCells {
        rows: usize,
        columns: usize,
    },
    /// A Word file without any table.
    NoTable,
    /// An Excel file whose sheets hold no non-empty cell.
    EmptyWorkbook,
    /// Bytes of a kind not read here (.odt, .pptx, an image…).
    NotRecognised,
    /// Text that is neither UTF-8 nor UTF-16 with a byte-order mark: most often a CSV saved in
    /// the Windows code page, or a text typed in TCVN3/VNI fonts.
    NotText,
}

/// A size in MB with one decimal, rounded up so that a file just over the limit does not show
/// as equal to it.
fn megabytes(bytes: usize, lang: Lang) -> String {
    let tenths = bytes.saturating_mul(10).div_ceil(MIB);
    let separator = if lang == Lang::Vi { ',' } else { '.' };
    format!("{}{separator}{}", tenths / 10, tenths % 10)
}

impl SourceError {
    pub fn message(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        let save_as_office = if vi {
            "Hãy mở tệp bằng Word hoặc Excel, chọn Lưu thành… (Save As) kiểu .docx hoặc .xlsx rồi chọn lại tệp."
        } else {
            "Open the file in Word or Excel, choose Save As, pick the .docx or .xlsx type, then choose the new file."
        };
        match self {
            SourceError::TooLarge { bytes } => {
                let size = megabytes(*bytes, lang);
                let limit = MAX_FILE_BYTES / MIB;
                if vi {
                    format!(
                        "Tệp nặng {size} MB, vượt giới hạn {limit} MB. Hãy chỉ giữ lại bảng Phụ lục trong tệp (xoá hình ảnh và các phần khác) rồi chọn lại, hoặc sao chép bảng và dán vào ô bên dưới."
                    )
                } else {
                    format!(
                        "The file is {size} MB, over the {limit} MB limit. Keep only the annex table in the file (remove pictures and other parts) and choose it again, or copy the table and paste it into the box below."
                    )
                }
            }
            SourceError::Empty => if vi {
                "Không có nội dung nào để đọc: tệp rỗng hoặc chưa dán bảng. Hãy chọn đúng tệp Phụ lục, hoặc sao chép bảng rồi dán vào ô bên dưới."
            } else {
                "There is nothing to read: the file is empty or no table was pasted. Choose the annex file, or copy the table and paste it into the box below."
            }
            .into(),
            SourceError::Pdf => if vi {
                "Tệp PDF không đọc được bảng. Hãy sao chép bảng từ tệp PDF và dán vào ô bên dưới, hoặc xin bản .docx của Phụ lục."
            } else {
                "A table cannot be read from a PDF file. Copy the table from the PDF and paste it into the box below, or ask for the .docx version of the annex."
            }
            .into(),
            SourceError::OldWord => if vi {
                "Đây là tệp Word cũ (.doc). Hãy mở bằng Word, chọn Lưu thành… (Save As) kiểu .docx rồi chọn lại tệp."
            } else {
                "This is an old Word file (.doc). Open it in Word, choose Save As, pick the .docx type, then choose the new file."
            }
            .into(),
            SourceError::OldExcel => if vi {
                "Đây là tệp Excel cũ (.xls). Hãy mở bằng Excel, chọn Lưu thành… (Save As) kiểu Sổ làm việc Excel (.xlsx) rồi chọn lại tệp."
            } else {
                "This is an old Excel file (.xls). Open it in Excel, choose Save As, pick the Excel Workbook (.xlsx) type, then choose the new file."
            }
            .into(),
            SourceError::Rtf => if vi {
                "Đây là tệp RTF, không phải tệp Word .docx. Hãy mở bằng Word, chọn Lưu thành… (Save As) kiểu .docx rồi chọn lại tệp."
            } else {
                "This is an RTF file, not a Word .docx. Open it in Word, choose Save As, pick the .docx type, then choose the new file."
            }
            .into(),
            SourceError::WebPage => if vi {
                format!(
                    "Tệp này thực chất là một trang web (HTML) được đặt tên như tệp Word hoặc Excel, thường do phần mềm xuất ra. {save_as_office}"
                )
            } else {
                format!(
                    "This file is really a web page (HTML) named like a Word or Excel file, as some software exports them. {save_as_office}"
                )
            },
            SourceError::PasswordProtected => if vi {
                "Tệp đang được đặt mật khẩu nên không đọc được: hãy gỡ mật khẩu rồi lưu lại (trong Word hoặc Excel: Tệp → Thông tin → Bảo vệ → Mã hóa bằng Mật khẩu, xoá mật khẩu rồi bấm OK), sau đó chọn lại tệp."
            } else {
                "The file is password-protected and cannot be read: remove the password and save it again (in Word or Excel: File → Info → Protect → Encrypt with Password, clear the password, OK), then choose the file again."
            }
            .into(),
            SourceError::Corrupt { detail } => if vi {
                format!(
                    "Tệp bị hỏng hoặc không phải tệp .docx/.xlsx thật (có thể chỉ được đổi đuôi tên tệp). {save_as_office} (Chi tiết kỹ thuật: {detail})"
                )
            } else {
                format!(
                    "The file is damaged or not a real .docx/.xlsx (perhaps only renamed). {save_as_office} (Technical detail: {detail})"
                )
            },
            SourceError::UnsupportedZip { detail } => if vi {
                format!(
                    "Tệp được nén theo cách mà ứng dụng chưa đọc được ({detail}). {save_as_office}"
                )
            } else {
                format!("The file is packed in a way this app does not read ({detail}). {save_as_office}")
            },
            SourceError::UnpackedTooLarge => {
                let limit = MAX_UNPACKED_BYTES / MIB;
                if vi {
                    format!(
                        "Nội dung tệp khi giải nén vượt quá {limit} MB, quá lớn đối với một Phụ lục. Hãy chỉ giữ lại bảng Phụ lục trong tệp rồi lưu lại, hoặc sao chép bảng và dán vào ô bên dưới."
                    )
                } else {
                    format!(
                        "The file's contents unpack to more than {limit} MB, too much for an annex. Keep only the annex table in the file and save it again, or copy the table and paste it into the box below."
                    )
                }
            }
            SourceError::TooManyCells { rows, columns } => if vi {
                format!(
                    "Bảng quá lớn ({rows} hàng × {columns} cột) đối với một Phụ lục. Hãy xoá các hàng, cột thừa và các trang tính khác, chỉ giữ lại bảng Phụ lục, rồi chọn lại tệp."
                )
            } else {
                format!(
                    "The table is too large ({rows} rows × {columns} columns) for an annex. Delete the extra rows, columns and other sheets, keep only the annex table, then choose the file again."
                )
            },
            SourceError::NoTable => if vi {
                "Trong tệp Word không có bảng nào. Phụ lục cần ở dạng bảng (Chèn → Bảng), mỗi tiêu chí một hàng: hãy chuyển phần Phụ lục thành bảng rồi lưu lại, hoặc sao chép bảng và dán vào ô bên dưới."
            } else {
                "The Word file has no table. The annex must be a table (Insert → Table), one criterion per row: turn the annex into a table and save it, or copy the table and paste it into the box below."
            }
            .into(),
            SourceError::EmptyWorkbook => if vi {
                "Trong tệp Excel không có trang tính nào có dữ liệu. Hãy kiểm tra lại đã chọn đúng tệp Phụ lục chưa, hoặc sao chép bảng và dán vào ô bên dưới."
            } else {
                "No sheet of the Excel file holds any data. Check that this is the annex file, or copy the table and paste it into the box below."
            }
            .into(),
            SourceError::NotRecognised => if vi {
                format!(
                    "Không nhận ra loại tệp này. Ứng dụng đọc được tệp Word (.docx), Excel (.xlsx) và .csv; với tệp khác (như .odt, .ods, .pptx): {}",
                    lowercase_first(save_as_office)
                )
            } else {
                format!(
                    "This kind of file is not recognised. The app reads Word (.docx), Excel (.xlsx) and .csv files; for another kind (such as .odt, .ods, .pptx): {}",
                    lowercase_first(save_as_office)
                )
            },
            SourceError::NotText => if vi {
                "Tệp không được lưu theo mã Unicode (UTF-8) nên không đọc được chữ tiếng Việt; ứng dụng không đọc các bảng mã cũ Windows-1258, TCVN3 (ABC) hay VNI. Hãy mở tệp bằng Excel, chọn Lưu thành… (Save As) kiểu “CSV UTF-8 (Comma delimited) (*.csv)” rồi chọn lại tệp. Nếu văn bản gõ bằng phông .Vn… (TCVN3) hoặc VNI, hãy chuyển mã sang Unicode trước (ví dụ bằng công cụ chuyển mã của Unikey)."
            } else {
                "The file is not saved as Unicode (UTF-8), so its Vietnamese text cannot be read; the old Windows-1258, TCVN3 (ABC) and VNI encodings are not read. Open the file in Excel, choose Save As, pick “CSV UTF-8 (Comma delimited) (*.csv)”, then choose the new file. If the text was typed in .Vn… (TCVN3) or VNI fonts, convert it to Unicode first (for example with Unikey's converter)."
            }
            .into(),
        }
    }
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::Vi))
    }
}

impl std::error::Error for SourceError {}

/// Refuses a table of more than [`MAX_CELLS`] cells before it is allocated.
pub(crate) fn check_cells(rows: usize, columns: usize) -> Result<(), SourceError> {
    if rows.saturating_mul(columns) > MAX_CELLS {
        Err(SourceError::TooManyCells { rows, columns })
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_round_up_so_an_overlimit_file_never_shows_as_the_limit() {
        assert_eq!(megabytes(MAX_FILE_BYTES + 1, Lang::Vi), "10,1");
        assert_eq!(megabytes(MAX_FILE_BYTES + 1, Lang::En), "10.1");
        assert_eq!(megabytes(15 * MIB, Lang::Vi), "15,0");
    }
}
