//! The frameworks the app can score with (the built-in ones, then those the user loaded) and the
//! unit lists.

use std::sync::Arc;

use cchc_core::units::UnitList;
use cchc_core::{Framework, FrameworkError};
use leptos::prelude::*;

use crate::storage::{self, StorageError};

/// A framework the app can use, and where it came from.
#[derive(Debug, Clone)]
pub struct LoadedFramework {
    pub framework: Arc<Framework>,
    /// The localStorage key of a framework the user loaded; `None` for a built-in one.
    pub stored_key: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ImportFrameworkError {
    Invalid(Vec<FrameworkError>),
    AlreadyLoaded,
    Storage(StorageError),
}

#[derive(Clone, Copy)]
pub struct Library {
    pub frameworks: RwSignal<Vec<LoadedFramework>>,
    /// The shipped unit list, then those Sở Nội vụ keeps (made on the framework builder's page).
    pub unit_lists: RwSignal<Vec<UnitList>>,
    /// The id of the list new drafts and the Sở Nội vụ view use.
    pub chosen_list: RwSignal<String>,
}

/// The shipped list and the stored ones that still read. A stored list that no longer reads (edited
/// by hand) is left out here and stays in storage.
pub fn load_unit_lists() -> Vec<UnitList> {
    let mut lists: Vec<UnitList> = cchc_core::builtin::unit_list().into_iter().collect();
    for (_, text) in storage::list_unit_lists().unwrap_or_default() {
        if let Ok(list) = UnitList::from_json(&text)
            && !lists.iter().any(|l| l.id == list.id)
        {
            lists.push(list);
        }
    }
    lists
}

/// The list chosen before, while it exists; else the newest kept list that fits this year; else the
/// first.
fn default_list(lists: &[UnitList], year: u16) -> String {
    let chosen = storage::read_chosen_unit_list();
    chosen
        .filter(|id| lists.iter().any(|l| &l.id == id))
        .or_else(|| {
            lists
                .iter()
                .rev()
                .find(|l| l.fits(year))
                .map(|l| l.id.clone())
        })
        .or_else(|| lists.first().map(|l| l.id.clone()))
        .unwrap_or_default()
}

impl Library {
    pub fn load() -> Library {
        let mut frameworks: Vec<LoadedFramework> = cchc_core::builtin::frameworks()
            .into_iter()
            // A shipped framework that fails to load is caught by the core's native tests;
            // in the browser it is left out rather than taking the app down.
            .filter_map(Result::ok)
            .map(|f| LoadedFramework {
                framework: Arc::new(f),
                stored_key: None,
            })
            .collect();
        // Frameworks loaded earlier were checked before they were stored; one that no longer
        // loads (edited by hand, or an older format) is left out here and stays in storage.
        // Without storage there are only the built-in ones, which is what the start page shows.
        for (key, text) in storage::list_frameworks().unwrap_or_default() {
            if let Ok(f) = Framework::from_json(&text) {
                frameworks.push(LoadedFramework {
                    framework: Arc::new(f),
                    stored_key: Some(key),
                });
            }
        }
        let lists = load_unit_lists();
        let chosen = default_list(&lists, crate::clock::current_year());
        Library {
            frameworks: RwSignal::new(frameworks),
            unit_lists: RwSignal::new(lists),
            chosen_list: RwSignal::new(chosen),
        }
    }

    /// The framework a draft names: the same id and version, or else the same id. Tracked.
    pub fn find(&self, id: &str, version: &str) -> Option<Arc<Framework>> {
        self.frameworks.with(|fs| {
            fs.iter()
                .find(|f| f.framework.id == id && f.framework.version == version)
                .or_else(|| fs.iter().find(|f| f.framework.id == id))
                .map(|f| f.framework.clone())
        })
    }

    pub fn by_id(&self, id: &str) -> Option<Arc<Framework>> {
        self.frameworks.with_untracked(|fs| {
            fs.iter()
                .find(|f| f.framework.id == id)
                .map(|f| f.framework.clone())
        })
    }

    /// The unit list in use (tracked).
    pub fn units(&self) -> Option<UnitList> {
        let id = self.chosen_list.get();
        self.unit_lists
            .with(|ls| ls.iter().find(|l| l.id == id).or(ls.first()).cloned())
    }

    /// Uses another unit list, and remembers it; the choice is a convenience, so a refused write
    /// only means it is asked again next time.
    pub fn choose_list(&self, id: &str) {
        self.chosen_list.set(id.to_string());
        let _ = storage::write_chosen_unit_list(id);
    }

    /// Reads the unit lists again (another tab, the builder's page, changed them).
    pub fn reload_unit_lists(&self) {
        let lists = load_unit_lists();
        let chosen = self.chosen_list.get_untracked();
        if !lists.iter().any(|l| l.id == chosen) {
            self.chosen_list
                .set(default_list(&lists, crate::clock::current_year()));
        }
        self.unit_lists.set(lists);
    }

    /// Every framework, for checking an import.
    pub fn all(&self) -> Vec<Arc<Framework>> {
        self.frameworks
            .with_untracked(|fs| fs.iter().map(|f| f.framework.clone()).collect())
    }

    /// Checks a framework file and, when it is sound, stores it and makes it available.
    /// A file with the id and version of a framework already loaded replaces nothing.
    pub fn import(&self, text: &str) -> Result<Arc<Framework>, ImportFrameworkError> {
        let framework = Framework::from_json(text).map_err(ImportFrameworkError::Invalid)?;
        let exists = self.frameworks.with_untracked(|fs| {
            fs.iter()
                .any(|f| f.framework.id == framework.id && f.framework.version == framework.version)
        });
        if exists {
            return Err(ImportFrameworkError::AlreadyLoaded);
        }
        let key = storage::framework_key(&framework.id, &framework.version);
        storage::write_framework(&key, text).map_err(ImportFrameworkError::Storage)?;
        let framework = Arc::new(framework);
        self.frameworks.update(|fs| {
            fs.push(LoadedFramework {
                framework: framework.clone(),
                stored_key: Some(key),
            })
        });
        Ok(framework)
    }
}
