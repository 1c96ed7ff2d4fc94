//! Broken and hostile inputs, end to end through the binary: every good
//! article goes in, every bad input is named on stderr, the exit code says
//! something was skipped, and nothing panics.

mod common;

use common::{db_counts, Workdir};
use std::io::Write;

fn running_as_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

/// A folder of articles, some good and some broken. Returns how many good
/// articles it holds.
fn write_hostile_folder(wd: &Workdir) -> i64 {
    std::fs::create_dir(wd.path("in")).unwrap();
    wd.write("in/good.txt", "---\ntitle: Bridge\n---\nAda Park said the harbor bridge will open in May.\n");
    wd.write("in/good.html", "<html><body><article><p>Ben Ortiz said the budget is too high.</p></article></body></html>");
    wd.write(
        "in/feed.jsonl",
        "{\"text\": \"Cara Lind said the ferry will keep running.\"}\n{\"text\": broken\n{\"text\": \"Dan Moss said fares will fall.\"}\n",
    );
    std::fs::write(wd.path("in/binary.txt"), b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00 binary").unwrap();
    wd.write("in/empty.txt", "");
    std::fs::write(wd.path("in/latin1.txt"), b"Eva M\xfcller said the caf\xe9 will close.\n").unwrap();
    let depth = 20_000;
    let nested = format!("<article><p>Finn Roe said the pier is safe.</p>{}deep{}</article>", "<div><b>".repeat(depth), "</b>".repeat(depth));
    wd.write("in/nested.html", &nested);
    wd.write("in/malformed.html", "<html><body><article><p>Gus Hale said <b>the <i>tower</b> will rise.</p><div <<>> </td></article");
    write_huge_single_line(&wd.path("in/huge.txt"), 50 * 1024 * 1024);
    // good.txt, good.html, two feed lines, latin1.txt (read with U+FFFD),
    // nested.html, malformed.html, huge.txt
    8
}

/// One line of `bytes` bytes of words, written in large chunks (quick).
fn write_huge_single_line(path: &std::path::Path, bytes: usize) {
    let chunk = "the harbor bridge will open in may and the budget is too high ".repeat(16 * 1024);
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let mut written = 0;
    while written < bytes {
        let part = &chunk[..chunk.len().min(bytes - written)];
        file.write_all(part.as_bytes()).unwrap();
        written += part.len();
    }
}

#[test]
fn a_folder_of_broken_inputs_stores_every_good_article_and_names_every_bad_one() {
    let wd = Workdir::new();
    let good = write_hostile_folder(&wd);
    let output = wd.cmd(&["ingest", "in", "missing.txt"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(3), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    for named in [
        "in/binary.txt: skipped",
        "in/empty.txt: skipped",
        "in/feed.jsonl:2: skipped",
        "missing.txt: skipped",
        "in/latin1.txt: warning",
        "in/nested.html: warning",
    ] {
        assert!(stderr.contains(named), "{named} in {stderr}");
    }
    assert!(stderr.contains(&format!("{good} documents added (0 already stored)")), "{stderr}");
    assert!(stderr.contains("4 inputs skipped"), "{stderr}");
    assert_eq!(db_counts(&wd.db).0, good);
}

/// Run as root, the test drops to user `nobody` for claimdb (root reads any
/// file whatever its permissions).
const NOBODY: libc::uid_t = 65534;

#[test]
fn an_unreadable_file_is_named_and_skipped() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let wd = Workdir::new();
    wd.write("good.txt", "Ada Park said the bridge will open.\n");
    let secret = wd.write("secret.txt", "Ben Ortiz said the budget is high.\n");
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("claimdb"));
    cmd.current_dir(wd.path("")).arg("--db").arg(&wd.db).args(["ingest", "good.txt", "secret.txt"]);
    if running_as_root() {
        std::fs::set_permissions(wd.path(""), std::fs::Permissions::from_mode(0o777)).unwrap();
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                if libc::setgid(NOBODY) != 0 || libc::setuid(NOBODY) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
    }
    let output = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("secret.txt: skipped: cannot open: Permission denied"), "{stderr}");
    assert_eq!(db_counts(&wd.db).0, 1);
}
