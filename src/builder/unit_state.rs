//! The unit lists Sở Nội vụ keeps, on the builder's page: the lists stored for the app (and the
//! shipped one, to copy), the one being edited — kept in storage on every change, so a reload
//! loses nothing — and its live problems. A list is stored for the app only once it has none.

use std::sync::Arc;

use cchc_core::builder::source_error::SourceError;
use cchc_core::builder::table::SourceTable;
use cchc_core::framework::UnitType;
use cchc_core::units::sheet::{SheetError, read_table};
use cchc_core::units::{EditError, ListYears, Unit, UnitList, UnitListError};
use cchc_core::{Lang, builtin};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::state::{SourceProblem, keep_work, read_pasted, read_picked, restore_work};
use super::words::Msg;
use crate::state::Shared;
use crate::storage::{self, Work};
use crate::{clock, file_io};

/// The list being edited, and whether it was stored under its id before (so saving replaces that
/// one rather than making another).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenList {
    pub list: UnitList,
    pub stored: bool,
    /// Where it was read from (a file name), for the heading.
    #[serde(default)]
    pub source: Option<String>,
}

/// Something to tell the officer about the lists.
#[derive(Debug, Clone, PartialEq)]
pub enum UnitsNotice {
    Said(Msg),
    Source(SourceError),
    Sheet(SheetError),
    File(UnitListError),
    Edit(EditError),
    /// Stored for the app, under this label.
    Saved(String),
}

impl From<SourceProblem> for UnitsNotice {
    fn from(p: SourceProblem) -> UnitsNotice {
        match p {
            SourceProblem::Said(m) => UnitsNotice::Said(m),
            SourceProblem::Source(e) => UnitsNotice::Source(e),
        }
    }
}

/// A list the page offers: stored for the app, or shipped with it.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptList {
    pub list: UnitList,
    pub shipped: bool,
}

#[derive(Clone, Copy)]
pub struct UnitListsState {
    pub lang: RwSignal<Lang>,
    pub kept: RwSignal<Vec<KeptList>>,
    pub chosen: RwSignal<String>,
    pub open: RwSignal<Option<OpenList>>,
    pub problems: Memo<Shared<Vec<UnitListError>>>,
    /// A list waiting to replace the one being edited, until the officer agrees.
    pub pending: RwSignal<Option<OpenList>>,
    pub notice: RwSignal<Option<UnitsNotice>>,
    pub busy: RwSignal<bool>,
}

fn kept_lists() -> Vec<KeptList> {
    let shipped: Vec<String> = builtin::unit_list().into_iter().map(|l| l.id).collect();
    crate::state::load_unit_lists()
        .into_iter()
        .map(|list| KeptList {
            shipped: shipped.contains(&list.id),
            list,
        })
        .collect()
}

impl UnitListsState {
    pub fn provide(lang: RwSignal<Lang>) -> UnitListsState {
        let restored: Option<OpenList> = restore_work(Work::UnitList);
        let open = RwSignal::new(restored);
        let problems = Memo::new(move |_| {
            Shared(Arc::new(open.with(|o| {
                o.as_ref().map(|o| o.list.problems()).unwrap_or_default()
            })))
        });
        let kept = kept_lists();
        let chosen = storage::read_chosen_unit_list()
            .filter(|id| kept.iter().any(|k| &k.list.id == id))
            .unwrap_or_default();
        let state = UnitListsState {
            lang,
            kept: RwSignal::new(kept),
            chosen: RwSignal::new(chosen),
            open,
            problems,
            pending: RwSignal::new(None),
            notice: RwSignal::new(None),
            busy: RwSignal::new(false),
        };
        keep_work(open, Work::UnitList, move || {
            state
                .notice
                .set(Some(UnitsNotice::Said(Msg::UnitsWorkNotSaved)))
        });
        provide_context(state);
        state
    }

    pub fn expect() -> UnitListsState {
        expect_context::<UnitListsState>()
    }

    /// Opens a list for editing, or, when one is being edited, asks first.
    fn open(&self, list: OpenList) {
        if self.open.with_untracked(Option::is_some) {
            self.pending.set(Some(list));
        } else {
            self.replace(list);
        }
    }

    pub fn confirm_pending(&self) {
        if let Some(list) = self.pending.get_untracked() {
            self.replace(list);
        }
    }

    fn replace(&self, list: OpenList) {
        self.pending.set(None);
        self.notice.set(None);
        self.open.set(Some(list));
    }

    pub fn open_new(&self) {
        let year = clock::current_year();
        self.open(OpenList {
            list: UnitList::new(
                "",
                Some(ListYears {
                    from: year,
                    to: None,
                }),
            ),
            stored: false,
            source: None,
        });
    }

    /// Opens a kept list: a stored one to edit in place, the shipped one as a copy to save anew.
    pub fn open_kept(&self, id: &str) {
        let Some(kept) = self
            .kept
            .with_untracked(|ks| ks.iter().find(|k| k.list.id == id).cloned())
        else {
            return;
        };
        self.open(OpenList {
            list: kept.list,
            stored: !kept.shipped,
            source: None,
        });
    }

    fn open_table(&self, name: &str, table: &SourceTable) {
        let year = clock::current_year();
        match read_table(
            table,
            "",
            Some(ListYears {
                from: year,
                to: None,
            }),
        ) {
            Ok(read) => self.open(OpenList {
                list: read.list,
                stored: false,
                source: Some(name.to_string()),
            }),
            Err(e) => self.notice.set(Some(UnitsNotice::Sheet(e))),
        }
    }

    /// A picked file: a `cchc-units` file opens as it is (problems and all, to mend); an Excel
    /// sheet, a .csv file or a Word table is read for its units.
    pub async fn open_file(&self, file: web_sys::File) {
        let name = file.name();
        self.busy.set(true);
        let result = read_picked(file).await;
        self.busy.set(false);
        let bytes = match result {
            Ok(b) => b,
            Err(p) => return self.notice.set(Some(p.into())),
        };
        let text = std::str::from_utf8(&bytes).ok();
        if let Some(text) = text.filter(|t| {
            t.trim_start_matches('\u{feff}')
                .trim_start()
                .starts_with('{')
        }) {
            match UnitList::parse(text) {
                Ok(list) => self.open(OpenList {
                    stored: false,
                    list,
                    source: Some(name),
                }),
                Err(e) => self.notice.set(Some(UnitsNotice::File(e))),
            }
            return;
        }
        match cchc_core::builder::office::read_file(&name, &bytes) {
            Ok(table) => self.open_table(&name, &table),
            Err(e) => self.notice.set(Some(UnitsNotice::Source(e))),
        }
    }

    pub fn open_pasted(&self, text: &str) {
        match read_pasted(text) {
            Ok(table) => {
                let name = Msg::PastedTable.text(self.lang.get_untracked());
                self.open_table(name, &table)
            }
            Err(p) => self.notice.set(Some(p.into())),
        }
    }

    pub fn edit(&self, f: impl FnOnce(&mut UnitList)) {
        self.open.update(|o| {
            if let Some(o) = o {
                f(&mut o.list)
            }
        });
    }

    /// An edit the core may refuse; a refusal is said and changes nothing.
    pub fn try_edit(&self, f: impl FnOnce(&mut UnitList) -> Result<(), EditError>) {
        let mut result = Ok(());
        self.edit(|l| result = f(l));
        match result {
            Ok(()) => self.notice.set(None),
            Err(e) => self.notice.set(Some(UnitsNotice::Edit(e))),
        }
    }

    pub fn edit_unit(&self, i: usize, f: impl FnOnce(&mut Unit)) {
        self.edit(|l| {
            if let Some(u) = l.units.get_mut(i) {
                f(u)
            }
        });
    }

    /// A value read from unit `i` (tracked), or the default once it is gone.
    pub fn read_unit<T: Default>(&self, i: usize, f: impl FnOnce(&Unit) -> T) -> T {
        self.open.with(|o| {
            o.as_ref()
                .and_then(|o| o.list.units.get(i))
                .map(f)
                .unwrap_or_default()
        })
    }

    pub fn add_unit(&self) {
        self.edit(|l| {
            let unit_type = l
                .units
                .last()
                .and_then(Unit::unit_type)
                .unwrap_or(UnitType::Xa);
            let id = l.fresh_id("don-vi-moi");
            l.units.push(Unit::new(id, String::new(), unit_type));
        });
    }

    pub fn discard(&self) {
        self.open.set(None);
        self.pending.set(None);
        self.notice.set(None);
    }

    /// Stores the open list for the app, when it has no problem. A new list gets an id of its own
    /// (from its province and first year); a stored one keeps its id.
    pub fn save(&self) {
        if !self.problems.with_untracked(|p| p.0.is_empty()) {
            return;
        }
        let Some(mut open) = self.open.get_untracked() else {
            return;
        };
        if !open.stored {
            let taken: Vec<String> = self
                .kept
                .with_untracked(|ks| ks.iter().map(|k| k.list.id.clone()).collect());
            open.list.id = cchc_core::text::unique_id(open.list.default_id(), |id| {
                taken.iter().any(|t| t == id)
            });
        }
        match storage::write_unit_list(&open.list.id, &open.list.to_json()) {
            Ok(()) => {
                let label = open.list.label();
                let first = self.kept.with_untracked(|ks| ks.iter().all(|k| k.shipped));
                open.stored = true;
                self.open.set(Some(open.clone()));
                self.kept.set(kept_lists());
                // The first list Sở Nội vụ keeps is the one the app uses.
                if first {
                    self.use_list(&open.list.id);
                }
                self.notice.set(Some(UnitsNotice::Saved(label)));
            }
            Err(_) => self.notice.set(Some(UnitsNotice::Said(Msg::UnitsNotSaved))),
        }
    }

    /// Downloads the open list as a `cchc-units` file, when it has no problem.
    pub fn export(&self) {
        if !self.problems.with_untracked(|p| p.0.is_empty()) {
            return;
        }
        let Some(open) = self.open.get_untracked() else {
            return;
        };
        self.export_list(&open.list);
    }

    pub fn export_list(&self, list: &UnitList) {
        let name = format!("danh-sach-don-vi-{}.json", list.default_id());
        if file_io::download(&name, file_io::JSON, &list.to_json()).is_err() {
            self.notice
                .set(Some(UnitsNotice::Said(Msg::DownloadFailed)));
        }
    }

    /// New drafts and the Sở Nội vụ view use this list from now on.
    pub fn use_list(&self, id: &str) {
        match storage::write_chosen_unit_list(id) {
            Ok(()) => self.chosen.set(id.to_string()),
            Err(_) => self.notice.set(Some(UnitsNotice::Said(Msg::UnitsNotSaved))),
        }
    }

    /// Removes a stored list; drafts made with it keep their units' names.
    pub fn delete(&self, id: &str) {
        if storage::remove_unit_list(id).is_err() {
            self.notice.set(Some(UnitsNotice::Said(Msg::UnitsNotSaved)));
            return;
        }
        self.kept.set(kept_lists());
        self.open.update(|o| {
            if let Some(o) = o.as_mut().filter(|o| o.stored && o.list.id == id) {
                o.stored = false;
            }
        });
    }
}
