//! The drafts stored in this browser: the list the start page shows, deleting with undo, and
//! unreadable entries kept until the user discards them.

use cchc_core::Draft;
use leptos::prelude::*;

use super::AppState;
use crate::file_io::{self, FileError};
use crate::storage::{self, StorageError, StoredEntry};

#[derive(Clone, Copy)]
pub struct Shelf {
    /// Bumped whenever the stored drafts change, so the list re-reads them.
    version: RwSignal<u64>,
    /// Drafts deleted or replaced in this page, restorable until it is closed.
    pub deleted: RwSignal<Vec<Draft>>,
}

impl Shelf {
    pub(super) fn new() -> Shelf {
        Shelf {
            version: RwSignal::new(0),
            deleted: RwSignal::new(Vec::new()),
        }
    }

    pub(super) fn changed(&self) {
        self.version.update(|v| *v += 1);
    }

    /// Every stored draft, readable or not, newest first; re-read when storage changes.
    pub fn list(&self) -> Result<Vec<StoredEntry>, StorageError> {
        self.version.track();
        storage::list()
    }

    /// Removes an entry that cannot be read as a draft (after the user confirmed).
    pub fn discard_unreadable(&self, key: &str) -> Result<(), StorageError> {
        storage::remove(key)?;
        self.changed();
        Ok(())
    }

    /// Offers an unreadable entry for download exactly as it is stored.
    pub fn download_unreadable(&self, key: &str, raw: &str) -> Result<(), FileError> {
        file_io::download(
            &format!("{}.json", key.replace('.', "-")),
            file_io::JSON,
            raw,
        )
    }
}

impl AppState {
    /// Deletes a stored draft; it stays restorable (`undo_delete`) until the page is closed.
    pub fn delete(&self, id: &str) -> Result<(), StorageError> {
        let draft = match storage::read_draft(id)? {
            Some(Ok(d)) => Some(d),
            _ => None,
        };
        self.close_if_open(id);
        storage::remove(&storage::draft_key(id))?;
        if let Some(d) = draft {
            self.shelf.deleted.update(|list| list.push(d));
        }
        self.shelf.changed();
        Ok(())
    }

    pub fn undo_delete(&self) -> Result<(), StorageError> {
        let Some(d) = self.shelf.deleted.with_untracked(|l| l.last().cloned()) else {
            return Ok(());
        };
        storage::write_draft(&d)?;
        // The draft it replaced may be open: read the restored one when it is next opened.
        self.close_if_open(&d.id);
        self.shelf.deleted.update(|l| {
            l.pop();
        });
        self.shelf.changed();
        Ok(())
    }
}
