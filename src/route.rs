//! Where the user is, kept in the URL's hash so that reload and the back button work and no
//! server route is needed: `#/`, `#/d/<draft>`, `#/d/<draft>/i/<code>`, `#/d/<draft>/tong-hop`,
//! `#/d/<draft>/bao-cao`.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Start,
    /// The Sở Nội vụ view.
    Evaluator,
    /// Trainer mode: the criteria browser, or the presenter view.
    Trainer {
        presenter: bool,
    },
    Item {
        draft: String,
        code: Option<String>,
    },
    Summary {
        draft: String,
    },
    Report {
        draft: String,
    },
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            ["d", id] => Route::Item {
                draft: id.to_string(),
                code: None,
            },
            ["d", id, "i", code] => Route::Item {
                draft: id.to_string(),
                code: Some(code.to_string()),
            },
            ["d", id, "tong-hop"] => Route::Summary {
                draft: id.to_string(),
            },
            ["d", id, "bao-cao"] => Route::Report {
                draft: id.to_string(),
            },
            ["so-noi-vu"] => Route::Evaluator,
            ["huong-dan"] => Route::Trainer { presenter: false },
            ["huong-dan", "trinh-chieu"] => Route::Trainer { presenter: true },
            _ => Route::Start,
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::Start => "#/".into(),
            Route::Evaluator => "#/so-noi-vu".into(),
            Route::Trainer { presenter: false } => "#/huong-dan".into(),
            Route::Trainer { presenter: true } => "#/huong-dan/trinh-chieu".into(),
            Route::Item { draft, code: None } => format!("#/d/{draft}"),
            Route::Item {
                draft,
                code: Some(code),
            } => format!("#/d/{draft}/i/{code}"),
            Route::Summary { draft } => format!("#/d/{draft}/tong-hop"),
            Route::Report { draft } => format!("#/d/{draft}/bao-cao"),
        }
    }

    pub fn draft_id(&self) -> Option<&str> {
        match self {
            Route::Start | Route::Evaluator | Route::Trainer { .. } => None,
            Route::Item { draft, .. } | Route::Summary { draft } | Route::Report { draft } => {
                Some(draft)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_survive_a_round_trip_through_the_hash() {
        for route in [
            Route::Start,
            Route::Evaluator,
            Route::Trainer { presenter: false },
            Route::Trainer { presenter: true },
            Route::Item {
                draft: "abc".into(),
                code: None,
            },
            Route::Item {
                draft: "abc".into(),
                code: Some("1.2.3".into()),
            },
            Route::Summary {
                draft: "abc".into(),
            },
        ] {
            assert_eq!(Route::parse(&route.href()), route);
        }
        assert_eq!(Route::parse(""), Route::Start);
        assert_eq!(Route::parse("#/nonsense/x/y/z/w"), Route::Start);
    }
}
