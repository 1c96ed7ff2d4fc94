//! Writing a listing or a page to the file `--output` names.
//!
//! A regular file is written beside the target and renamed over it, so a
//! failure leaves the old file (or none) rather than a truncated one, and
//! the half-written copy is always removed. The new file keeps the old
//! one's permissions. A symbolic link stays a link: its target is
//! replaced. A device or a FIFO (`/dev/stdout`, `/dev/null`, a named pipe)
//! is written to directly, never replaced by a file, and so is the file
//! standard output was redirected to when the path names it. A path that is
//! one of the command's own inputs (the database, its `-wal` and `-shm`
//! files) is refused before anything is written.

use crate::error::{Error, Result};
use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// The files a command reads, which its output must never replace: the
/// database with the files SQLite keeps beside it.
pub fn database_files(db: &Path) -> Vec<PathBuf> {
    let mut files = vec![db.to_path_buf()];
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        files.push(PathBuf::from(name));
    }
    files
}

/// Write `path` with `write` (see the module comment); `inputs` are the
/// files it must not be. Returns what `write` returned.
pub fn write_output<T>(
    path: &Path,
    inputs: &[PathBuf],
    write: impl FnOnce(&mut dyn Write) -> io::Result<T>,
) -> Result<T> {
    if let Some(input) = inputs.iter().find(|input| same_file(path, input)) {
        return Err(Error::invalid(format!(
            "refusing to write to {}: it is {}, which this command reads; choose another --output",
            path.display(),
            input.display()
        )));
    }
    super::WRITING_TO_FILE.store(true, std::sync::atomic::Ordering::Relaxed);
    if let Some(stream) = standard_stream(path) {
        return write_to_stream(stream, path, write);
    }
    match fs::metadata(path) {
        // Through links too: /dev/stdout is a link to the process's own
        // standard output, which may be a pipe with no path of its own.
        Ok(meta) if !meta.is_file() && !meta.is_dir() => write_through(path, write),
        Ok(meta) => write_beside(&link_target(path)?, Some(meta.permissions()), write),
        Err(e) if e.kind() == io::ErrorKind::NotFound => write_beside(&link_target(path)?, None, write),
        Err(e) => Err(Error::io(path, e)),
    }
}

/// The command's own standard output or error when `path` is the file it
/// was redirected to (`-o /dev/stdout > listing.csv`, or `>>`): that file is
/// written through the open stream, where it already is (at its end when
/// appended to), never replaced by a new file the shell's redirection no
/// longer points to. Pipes and terminals are devices, written through too.
fn standard_stream(path: &Path) -> Option<StandardStream> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::MetadataExt;
        let target = fs::metadata(path).ok().filter(|meta| meta.is_file())?;
        let same = |fd: std::os::fd::BorrowedFd<'_>| {
            let stream = fd.try_clone_to_owned().ok().map(File::from)?;
            let meta = stream.metadata().ok()?;
            Some(meta.dev() == target.dev() && meta.ino() == target.ino())
        };
        if same(io::stdout().as_fd()) == Some(true) {
            return Some(StandardStream::Output);
        }
        if same(io::stderr().as_fd()) == Some(true) {
            return Some(StandardStream::Error);
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    None
}

#[derive(Debug, Clone, Copy)]
enum StandardStream {
    Output,
    Error,
}

/// Written through the process's own stream (see `standard_stream`).
fn write_to_stream<T>(stream: StandardStream, path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<T>) -> Result<T> {
    let written = (|| {
        let value = match stream {
            StandardStream::Output => {
                let mut out = BufWriter::with_capacity(256 * 1024, io::stdout().lock());
                let value = write(&mut out)?;
                out.flush()?;
                value
            }
            StandardStream::Error => {
                let mut out = BufWriter::with_capacity(256 * 1024, io::stderr().lock());
                let value = write(&mut out)?;
                out.flush()?;
                value
            }
        };
        Ok(value)
    })();
    written.map_err(|e| Error::io(path, e))
}

/// Where a symbolic link at `path` points (followed to the end, even when
/// the file there does not exist yet), so that the link is kept and what it
/// points to is written; `path` itself when it is no link.
fn link_target(path: &Path) -> Result<PathBuf> {
    let mut target = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&target) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let next = fs::read_link(&target).map_err(|e| Error::io(path, e))?;
                target = match target.parent() {
                    Some(folder) if next.is_relative() => folder.join(next),
                    _ => next,
                };
            }
            _ => return Ok(target),
        }
    }
    Err(Error::invalid(format!("{}: too many levels of symbolic links", path.display())))
}

/// Whether `a` and `b` name one file: the same inode when both exist, else
/// the same absolute path.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    if let (Ok(a), Ok(b)) = (fs::metadata(a), fs::metadata(b)) {
        use std::os::unix::fs::MetadataExt;
        return a.dev() == b.dev() && a.ino() == b.ino();
    }
    match (absolute(a), absolute(b)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

/// `path` with its folder resolved (the file itself may not exist yet).
fn absolute(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?;
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    Some(fs::canonicalize(folder).ok()?.join(name))
}

/// A device or FIFO: opened and written as it is.
fn write_through<T>(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<T>) -> Result<T> {
    let written = (|| {
        let mut out = BufWriter::with_capacity(256 * 1024, fs::OpenOptions::new().write(true).open(path)?);
        let value = write(&mut out)?;
        out.flush()?;
        Ok(value)
    })();
    written.map_err(|e| Error::io(path, e))
}

/// A regular file (or none yet): written beside it, then renamed over it.
fn write_beside<T>(
    path: &Path,
    permissions: Option<fs::Permissions>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<T>,
) -> Result<T> {
    let file_name = path.file_name().ok_or_else(|| Error::invalid(format!("{}: not a file name", path.display())))?;
    let mut partial_name = OsString::from(".");
    partial_name.push(file_name);
    partial_name.push(format!(".{}.partial", std::process::id()));
    let partial = Partial(path.with_file_name(partial_name));
    let written = (|| {
        let file = File::create(&partial.0)?;
        if let Some(permissions) = permissions {
            file.set_permissions(permissions)?;
        }
        let mut out = BufWriter::with_capacity(256 * 1024, file);
        let value = write(&mut out)?;
        out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        fs::rename(&partial.0, path)?;
        Ok(value)
    })();
    written.map_err(|e| Error::io(path, e))
}

/// The half-written copy, removed however writing ends (an error, a
/// panic); after the rename there is nothing left to remove.
struct Partial(PathBuf);

impl Drop for Partial {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_text(path: &Path, inputs: &[PathBuf], text: &str) -> Result<()> {
        write_output(path, inputs, |out| out.write_all(text.as_bytes()))
    }

    fn leftovers(dir: &Path) -> Vec<String> {
        let names = fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned());
        names.filter(|n| n.ends_with(".partial")).collect()
    }

    #[test]
    fn the_database_and_its_side_files_are_refused_by_any_name() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("claims.db");
        fs::write(&db, "database").unwrap();
        let inputs = database_files(&db);
        std::os::unix::fs::symlink(&db, dir.path().join("link")).unwrap();
        let sub = dir.path().join("sub");
        fs::create_dir(&sub).unwrap();
        for target in [db.clone(), dir.path().join("link"), sub.join("../claims.db"), dir.path().join("claims.db-wal")] {
            let err = write_text(&target, &inputs, "rows").unwrap_err().to_string();
            assert!(err.starts_with(&format!("refusing to write to {}", target.display())), "{err}");
        }
        assert_eq!(fs::read_to_string(&db).unwrap(), "database");
        assert!(!dir.path().join("claims.db-wal").exists());
    }

    #[test]
    fn a_file_is_replaced_whole_keeping_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.csv");
        fs::write(&target, "old").unwrap();
        fs::set_permissions(&target, fs::Permissions::from_mode(0o600)).unwrap();
        write_text(&target, &[], "new").unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(fs::metadata(&target).unwrap().permissions().mode() & 0o777, 0o600);
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn a_link_stays_a_link_and_its_target_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.jsonl");
        fs::write(&real, "old").unwrap();
        let link = dir.path().join("latest.jsonl");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_text(&link, &[], "new").unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
    }

    #[test]
    fn a_dangling_link_is_kept_and_its_target_created() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("latest.csv");
        std::os::unix::fs::symlink("runs/first.csv", &link).unwrap();
        fs::create_dir(dir.path().join("runs")).unwrap();
        write_text(&link, &[], "rows").unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(fs::read_to_string(dir.path().join("runs/first.csv")).unwrap(), "rows");
    }

    #[test]
    fn a_device_is_written_to_not_replaced() {
        write_text(Path::new("/dev/null"), &[], "into nothing").unwrap();
        let meta = fs::metadata("/dev/null").unwrap();
        assert!(!meta.is_file(), "/dev/null is still a device");
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_partial_copy() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("page.html");
        fs::write(&target, "old page").unwrap();
        let err = write_output(&target, &[], |out| {
            out.write_all(b"half a page")?;
            Err::<(), _>(io::Error::other("disk full"))
        })
        .unwrap_err();
        assert!(err.to_string().contains("disk full"), "{err}");
        assert_eq!(fs::read_to_string(&target).unwrap(), "old page");
        assert!(leftovers(dir.path()).is_empty());
    }
}
