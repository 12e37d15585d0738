//! The frameworks the app can score with (the built-in ones, then those the user loaded) and the
//! unit lists.

use std::sync::Arc;

use cchc_core::units::Unit;
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
    pub units: StoredValue<Vec<Unit>>,
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
        let units = cchc_core::builtin::unit_list()
            .map(|l| l.units)
            .unwrap_or_default();
        Library {
            frameworks: RwSignal::new(frameworks),
            units: StoredValue::new(units),
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
