//! Scratch folders an import keeps beside the database (`.claimdb-import-*`),
//! and the removal of those a killed import left behind.
//!
//! A scratch folder is removed when its import ends, committed or not, but a
//! process killed outright (SIGKILL, a power cut) never gets to: a million-row
//! import killed part way left some 100 MB. Each folder therefore holds a
//! lock file its import keeps locked (an advisory `flock`, released by the
//! kernel when the process dies however it dies), and the next write to a
//! database in that folder removes the folders whose lock it can take: those
//! of imports no longer running, never one still at work.

use crate::error::{Error, Result};
use std::fs::File;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// How scratch folders' names start.
pub(super) const PREFIX: &str = ".claimdb-import-";

/// The file inside a scratch folder its import keeps locked.
const LOCK_FILE: &str = "in-use.lock";

/// The lock file's name while it is being locked.
const NEW_LOCK_FILE: &str = "in-use.lock.new";

/// A folder without a lock file is left this long: its import may have
/// created the folder a moment ago and not yet its lock.
const UNLOCKED_GRACE: Duration = Duration::from_secs(15 * 60);

/// A scratch folder in use: removed, lock and all, when dropped.
pub(super) struct ScratchDir {
    dir: tempfile::TempDir,
    /// Declared last: held until the folder is gone.
    _lock: File,
}

impl ScratchDir {
    /// A new scratch folder inside `parent`, locked as in use.
    pub(super) fn new_in(parent: &Path) -> Result<ScratchDir> {
        let dir = tempfile::Builder::new().prefix(PREFIX).tempdir_in(parent).map_err(|e| Error::io(parent, e))?;
        // Locked under another name first, then renamed: a lock file another
        // process can see is always locked, so no concurrent import can take
        // it, between its creation and its lock, for one left by a dead import.
        let unlocked_path = dir.path().join(NEW_LOCK_FILE);
        let lock = File::create(&unlocked_path).map_err(|e| Error::io(&unlocked_path, e))?;
        lock.lock().map_err(|e| Error::io(&unlocked_path, e))?;
        let lock_path = dir.path().join(LOCK_FILE);
        std::fs::rename(&unlocked_path, &lock_path).map_err(|e| Error::io(&lock_path, e))?;
        Ok(ScratchDir { dir, _lock: lock })
    }

    pub(super) fn path(&self) -> &Path {
        self.dir.path()
    }
}

/// Remove the scratch folders in `parent` that no running import holds;
/// how many were removed. Best effort: a folder that cannot be looked at or
/// removed is left for next time, and never stops the command.
pub(super) fn remove_stale(parent: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(parent) else { return 0 };
    let mut removed = 0;
    for entry in entries.flatten() {
        let is_scratch = entry.file_name().to_str().is_some_and(|name| name.starts_with(PREFIX));
        // Only real folders: a symlink named like one is not ours to follow.
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_scratch && is_dir && is_stale(&entry.path()) && std::fs::remove_dir_all(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

fn is_stale(dir: &Path) -> bool {
    match File::open(dir.join(LOCK_FILE)) {
        // The lock is held until this file closes, through the removal.
        Ok(lock) => lock.try_lock().is_ok(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let modified = std::fs::metadata(dir).and_then(|m| m.modified());
            modified.is_ok_and(|t| SystemTime::now().duration_since(t).is_ok_and(|age| age > UNLOCKED_GRACE))
        }
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_in_use_stays_and_one_left_by_a_dead_import_goes() {
        let parent = tempfile::tempdir().unwrap();
        let in_use = ScratchDir::new_in(parent.path()).unwrap();
        // What a killed import leaves: the folder and its lock file, unlocked.
        let left = parent.path().join(format!("{PREFIX}left"));
        std::fs::create_dir(&left).unwrap();
        std::fs::write(left.join(LOCK_FILE), "").unwrap();
        std::fs::write(left.join("fts.db"), "scratch").unwrap();
        assert_eq!(remove_stale(parent.path()), 1);
        assert!(!left.exists());
        assert!(in_use.path().exists());
        let path = in_use.path().to_path_buf();
        drop(in_use);
        assert!(!path.exists(), "a finished import removes its own folder");
    }

    #[test]
    fn a_new_folder_without_its_lock_yet_and_other_names_are_left_alone() {
        let parent = tempfile::tempdir().unwrap();
        let fresh = parent.path().join(format!("{PREFIX}fresh"));
        std::fs::create_dir(&fresh).unwrap();
        let other = parent.path().join("claimdb-import-notes");
        std::fs::create_dir(&other).unwrap();
        std::fs::write(other.join(LOCK_FILE), "").unwrap();
        assert_eq!(remove_stale(parent.path()), 0);
        assert!(fresh.exists() && other.exists());
    }
}
