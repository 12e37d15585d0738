//! The score-sheet template offered on the builder page: the columns the builder expects, with a
//! few rows in the shapes it reads, so an officer can copy the annex into it.

use crate::report::{Cell, PlainSheet};

const ROWS: &[[&str; 5]] = &[
    ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "4", "", ""],
    ["1", "Kế hoạch CCHC năm", "2", "", ""],
    [
        "1.1",
        "Ban hành kế hoạch CCHC năm",
        "1",
        "Ban hành kịp thời: 1 điểm; ban hành chậm: 0,5 điểm; không ban hành: 0 điểm",
        "Kế hoạch CCHC năm của đơn vị",
    ],
    [
        "1.2",
        "Mức độ hoàn thành kế hoạch CCHC",
        "1",
        "Hoàn thành 100% kế hoạch: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%: 0 điểm",
        "Báo cáo kết quả thực hiện kế hoạch",
    ],
    ["2", "Kiểm tra công tác CCHC", "2", "", ""],
    [
        "2.1",
        "Số cuộc kiểm tra CCHC trong năm",
        "1",
        "Từ 3 cuộc trở lên: 1 điểm; 1 - 2 cuộc: 0,5 điểm; không kiểm tra: 0 điểm",
        "Kế hoạch và báo cáo kiểm tra",
    ],
    [
        "2.2",
        "Xử lý vấn đề phát hiện qua kiểm tra",
        "1",
        "Có: 1 điểm; không: 0 điểm. Không phát hiện vấn đề cần xử lý thì đạt điểm tối đa",
        "Văn bản xử lý",
    ],
];

pub fn sheet() -> PlainSheet {
    PlainSheet {
        name: "Bang tieu chi".into(),
        title: "Bảng tiêu chí Chỉ số CCHC — mẫu để dựng bộ tiêu chí (thay các dòng ví dụ bằng Phụ lục của quyết định)".into(),
        headers: [
            "STT",
            "Lĩnh vực, tiêu chí, tiêu chí thành phần",
            "Điểm tối đa",
            "Cách chấm điểm",
            "Tài liệu kiểm chứng",
        ]
        .map(String::from)
        .to_vec(),
        rows: ROWS
            .iter()
            .map(|r| r.iter().map(|c| Cell::Text((*c).to_string())).collect())
            .collect(),
    }
}
