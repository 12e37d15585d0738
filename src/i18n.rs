//! Every interface string, in Vietnamese and English. An exhaustive `match`: a message missing in
//! one language does not compile. Criteria texts are not here: they live in the framework data.

use cchc_core::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    AppTitle,
    SwitchLanguage,
    SwitchLanguageLabel,
    BuiltInFrameworks,
    Items,
    MaxPoints,
    SelfScoredPart,
    SurveyPart,
    Decision,
    ModelFramework,
    OfficialFramework,
    NoFramework,
}

impl Msg {
    pub fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => match self {
                Msg::AppTitle => "Tự đánh giá Chỉ số cải cách hành chính",
                Msg::SwitchLanguage => "English",
                Msg::SwitchLanguageLabel => "Chuyển giao diện sang tiếng Anh",
                Msg::BuiltInFrameworks => "Bộ tiêu chí có sẵn",
                Msg::Items => "tiêu chí chấm điểm",
                Msg::MaxPoints => "Thang điểm",
                Msg::SelfScoredPart => "Phần tự đánh giá",
                Msg::SurveyPart => "Phần điều tra xã hội học",
                Msg::Decision => "Theo",
                Msg::ModelFramework => "Bộ tiêu chí mẫu",
                Msg::OfficialFramework => "Bộ tiêu chí chính thức",
                Msg::NoFramework => "Chưa có bộ tiêu chí nào được nạp.",
            },
            Lang::En => match self {
                Msg::AppTitle => "Public Administration Reform Index self-assessment",
                Msg::SwitchLanguage => "Tiếng Việt",
                Msg::SwitchLanguageLabel => "Switch the interface to Vietnamese",
                Msg::BuiltInFrameworks => "Built-in frameworks",
                Msg::Items => "scored items",
                Msg::MaxPoints => "Scale",
                Msg::SelfScoredPart => "Self-scored part",
                Msg::SurveyPart => "Survey part",
                Msg::Decision => "Follows",
                Msg::ModelFramework => "Model framework",
                Msg::OfficialFramework => "Official framework",
                Msg::NoFramework => "No framework is loaded.",
            },
        }
    }
}
