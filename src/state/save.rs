//! When to write the open draft, and what to do when another tab wrote it: a pure decision over
//! (what this tab saved, what storage holds, whether there are unsaved edits, what happened), so
//! that every transition is tested natively. `open_draft.rs` carries the decisions out.
//!
//! The rule it keeps: two tabs never silently erase each other. A tab with no unsaved edits
//! follows another tab's save; a tab with unsaved edits is asked which version to keep.

/// What this tab knows of its own saving.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Local {
    /// The revision this tab last wrote or read.
    pub saved_revision: u64,
    /// Edits made since then.
    pub unsaved_edits: bool,
    /// The user has been asked to choose between this tab's version and the stored one.
    pub in_conflict: bool,
}

/// What storage holds under the open draft's key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    Missing,
    Unreadable,
    Revision(u64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// The debounce ran out, the page is being hidden, or another draft is being opened.
    SaveDue,
    /// Another tab changed the stored draft (a `storage` event).
    OtherTabChanged,
    /// The user settles a conflict by keeping this tab's version.
    KeepMine,
    /// The user settles a conflict by taking the stored version.
    TakeStored,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Nothing,
    /// Write the open draft with this revision.
    Write {
        revision: u64,
    },
    /// Replace the open draft with the stored one.
    Follow,
    /// Ask the user which version to keep.
    Conflict,
}

pub fn decide(local: Local, stored: Stored, event: Event) -> Decision {
    match event {
        Event::SaveDue if !local.unsaved_edits || local.in_conflict => Decision::Nothing,
        Event::SaveDue => match stored {
            Stored::Revision(r) if r > local.saved_revision => Decision::Conflict,
            _ => Decision::Write {
                revision: local.saved_revision + 1,
            },
        },
        Event::OtherTabChanged => match stored {
            Stored::Revision(r) if r <= local.saved_revision => Decision::Nothing,
            Stored::Revision(_) if !local.unsaved_edits => Decision::Follow,
            // Unsaved edits here, or the draft was deleted or made unreadable in the other tab.
            _ => Decision::Conflict,
        },
        Event::KeepMine => Decision::Write {
            revision: match stored {
                Stored::Revision(r) => r.max(local.saved_revision),
                Stored::Missing | Stored::Unreadable => local.saved_revision,
            } + 1,
        },
        Event::TakeStored => match stored {
            Stored::Revision(_) => Decision::Follow,
            // Nothing readable to take: the conflict stays for the user to settle otherwise.
            Stored::Missing | Stored::Unreadable => Decision::Nothing,
        },
    }
}

/// What this tab knows after a successful write of `revision`.
pub fn written(revision: u64) -> Local {
    Local {
        saved_revision: revision,
        unsaved_edits: false,
        in_conflict: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(saved_revision: u64, unsaved_edits: bool, in_conflict: bool) -> Local {
        Local {
            saved_revision,
            unsaved_edits,
            in_conflict,
        }
    }

    /// Every event against every kind of stored value, with and without unsaved edits and in or
    /// out of a conflict: the whole table, written out so a change to any cell is seen.
    #[test]
    fn every_transition_gives_the_decision_in_the_table() {
        use Decision::*;
        use Event::*;
        let older = Stored::Revision(3);
        let same = Stored::Revision(5);
        let newer = Stored::Revision(7);
        #[rustfmt::skip]
        let table: &[(Local, Stored, Event, Decision)] = &[
            // Saving: nothing to do without edits or while the user is choosing.
            (local(5, false, false), newer, SaveDue, Nothing),
            (local(5, true, true), same, SaveDue, Nothing),
            (local(5, true, true), newer, SaveDue, Nothing),
            // Saving over our own or an older revision, a missing or an unreadable one.
            (local(5, true, false), same, SaveDue, Write { revision: 6 }),
            (local(5, true, false), older, SaveDue, Write { revision: 6 }),
            (local(5, true, false), Stored::Missing, SaveDue, Write { revision: 6 }),
            (local(5, true, false), Stored::Unreadable, SaveDue, Write { revision: 6 }),
            (local(0, true, false), Stored::Missing, SaveDue, Write { revision: 1 }),
            // Another tab saved after us: never overwritten.
            (local(5, true, false), newer, SaveDue, Conflict),
            // Another tab's write: ours or older is ignored; newer is followed when we have
            // nothing unsaved, and otherwise the user chooses.
            (local(5, false, false), same, OtherTabChanged, Nothing),
            (local(5, true, false), older, OtherTabChanged, Nothing),
            (local(5, false, false), newer, OtherTabChanged, Follow),
            (local(5, true, false), newer, OtherTabChanged, Conflict),
            (local(5, true, true), newer, OtherTabChanged, Conflict),
            // Deleted or broken in the other tab: the user chooses, edits or not.
            (local(5, false, false), Stored::Missing, OtherTabChanged, Conflict),
            (local(5, true, false), Stored::Missing, OtherTabChanged, Conflict),
            (local(5, false, false), Stored::Unreadable, OtherTabChanged, Conflict),
            // Keeping ours writes past whatever is stored.
            (local(5, true, true), newer, KeepMine, Write { revision: 8 }),
            (local(5, true, true), older, KeepMine, Write { revision: 6 }),
            (local(5, false, true), Stored::Missing, KeepMine, Write { revision: 6 }),
            (local(5, true, true), Stored::Unreadable, KeepMine, Write { revision: 6 }),
            // Taking theirs needs something readable.
            (local(5, true, true), newer, TakeStored, Follow),
            (local(5, true, true), Stored::Missing, TakeStored, Nothing),
            (local(5, true, true), Stored::Unreadable, TakeStored, Nothing),
        ];
        for (i, (l, s, e, want)) in table.iter().enumerate() {
            assert_eq!(decide(*l, *s, *e), *want, "row {i}: {l:?} {s:?} {e:?}");
        }
    }

    #[test]
    fn a_write_clears_the_unsaved_edits_and_the_conflict() {
        assert_eq!(written(8), local(8, false, false));
        // After it, the same save has nothing left to do and our own write is no news.
        assert_eq!(
            decide(written(8), Stored::Revision(8), Event::SaveDue),
            Decision::Nothing
        );
        assert_eq!(
            decide(written(8), Stored::Revision(8), Event::OtherTabChanged),
            Decision::Nothing
        );
    }
}
