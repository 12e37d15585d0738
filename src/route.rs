//! Where the user is, kept in the URL's hash so that reload and the back button work and no
//! server route is needed: `#/`, `#/d/<draft>`, `#/d/<draft>/i/<code>`, `#/d/<draft>/tong-hop`,
//! `#/d/<draft>/bao-cao`.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Start,
    /// The Sở Nội vụ view.
    Evaluator,
    /// Trainer mode.
    Trainer(TrainerView),
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

/// What trainer mode shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrainerView {
    /// Every item, searchable, with worked examples.
    Browser,
    /// One item per screen, for a class.
    Presenter,
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
            ["huong-dan"] => Route::Trainer(TrainerView::Browser),
            ["huong-dan", "trinh-chieu"] => Route::Trainer(TrainerView::Presenter),
            _ => Route::Start,
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::Start => "#/".into(),
            Route::Evaluator => "#/so-noi-vu".into(),
            Route::Trainer(TrainerView::Browser) => "#/huong-dan".into(),
            Route::Trainer(TrainerView::Presenter) => "#/huong-dan/trinh-chieu".into(),
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
            Route::Start | Route::Evaluator | Route::Trainer(_) => None,
            Route::Item { draft, .. } | Route::Summary { draft } | Route::Report { draft } => {
                Some(draft)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every route with the address it has: addresses are bookmarked and written in guides, so
    /// each is pinned here as a user would type it.
    #[test]
    fn every_route_has_its_address_and_reads_back_from_it() {
        let draft = || "abc".to_string();
        let table = [
            (Route::Start, "#/"),
            (Route::Evaluator, "#/so-noi-vu"),
            (Route::Trainer(TrainerView::Browser), "#/huong-dan"),
            (
                Route::Trainer(TrainerView::Presenter),
                "#/huong-dan/trinh-chieu",
            ),
            (
                Route::Item {
                    draft: draft(),
                    code: None,
                },
                "#/d/abc",
            ),
            (
                Route::Item {
                    draft: draft(),
                    code: Some("1.2.3".into()),
                },
                "#/d/abc/i/1.2.3",
            ),
            (Route::Summary { draft: draft() }, "#/d/abc/tong-hop"),
            (Route::Report { draft: draft() }, "#/d/abc/bao-cao"),
        ];
        for (route, address) in table {
            assert_eq!(route.href(), address);
            assert_eq!(Route::parse(address), route, "{address}");
        }
    }

    #[test]
    fn an_address_the_app_does_not_know_opens_the_start_page() {
        assert_eq!(Route::parse(""), Route::Start);
        assert_eq!(Route::parse("#"), Route::Start);
        assert_eq!(Route::parse("#/nonsense/x/y/z/w"), Route::Start);
        assert_eq!(Route::parse("#/d"), Route::Start);
        // A trailing or doubled slash is forgiven.
        assert_eq!(Route::parse("#/so-noi-vu/"), Route::Evaluator);
        assert_eq!(
            Route::parse("#//d//abc"),
            Route::Item {
                draft: "abc".into(),
                code: None
            }
        );
    }
}
