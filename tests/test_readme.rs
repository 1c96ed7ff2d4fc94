//! The README's tour runs as written: every `console` block's `$ claimdb …`
//! commands run top to bottom in one fresh folder holding a copy of
//! `samples/`, with the real binary first on PATH, and each must print what
//! the README shows (standard error and output together, as a terminal shows
//! them). After a deliberate change of output, refresh the README with
//!
//!     CLAIMDB_UPDATE_README=1 cargo test --release --test test_readme
//!
//! and read the diff before committing it.

use std::path::{Path, PathBuf};
use std::process::Command;

/// One `$ command` of the tour with the lines the README shows after it.
struct Step {
    command: String,
    expected: Vec<String>,
    /// Where its output lines sit in the README: `lines[start..end]`.
    start: usize,
    end: usize,
}

fn tour_steps(lines: &[&str]) -> Vec<Step> {
    let mut steps: Vec<Step> = Vec::new();
    let mut in_console = false;
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_end();
        if !in_console {
            in_console = trimmed == "```console";
            continue;
        }
        if trimmed == "```" {
            in_console = false;
        } else if let Some(command) = trimmed.strip_prefix("$ ") {
            steps.push(Step { command: command.to_string(), expected: Vec::new(), start: i + 1, end: i + 1 });
        } else if let Some(step) = steps.last_mut() {
            step.expected.push(trimmed.to_string());
            step.end = i + 1;
        } else {
            panic!("README.md line {}: output before any command in a console block", i + 1);
        }
    }
    assert!(!in_console, "README.md: a console block is never closed");
    steps
}

/// Times of day differ from run to run; everything else must match.
fn settle(text: &str) -> String {
    let re = regex::Regex::new(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ").unwrap();
    re.replace_all(text, "YYYY-MM-DDTHH:MM:SSZ").into_owned()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn run(step: &Step, dir: &Path, bin_dir: &Path) -> Vec<String> {
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default());
    let output = Command::new("sh")
        .arg("-c")
        .arg(format!("exec 2>&1\n{}", step.command))
        .current_dir(dir)
        .env("PATH", path)
        .env("CLAIMDB_WIDTH", "100")
        .env_remove("CLAIMDB_DB")
        .env_remove("NO_COLOR")
        .output()
        .expect("run sh");
    let text = String::from_utf8(output.stdout).expect("UTF-8 output");
    let mut lines: Vec<String> = text.lines().map(|l| l.trim_end().to_string()).collect();
    // A blank line after a command's output in the README separates it from
    // the next command; it is not part of the output.
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

#[test]
fn the_readme_tour_prints_what_it_shows() {
    let readme_path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&readme_path).unwrap();
    let lines: Vec<&str> = readme.lines().collect();
    let steps = tour_steps(&lines);
    assert!(steps.len() >= 20, "the tour has {} commands", steps.len());

    let work = tempfile::tempdir().unwrap();
    copy_dir(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples"), &work.path().join("samples"));
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_claimdb")).parent().unwrap().to_path_buf();

    let update = std::env::var_os("CLAIMDB_UPDATE_README").is_some();
    let mut replaced: Vec<(usize, usize, Vec<String>)> = Vec::new();
    for step in &steps {
        let mut expected = step.expected.clone();
        while expected.last().is_some_and(|l| l.is_empty()) {
            expected.pop();
        }
        let actual = run(step, work.path(), &bin_dir);
        if update {
            let blank_after = step.expected.len() - expected.len();
            let mut block = actual.clone();
            block.extend(std::iter::repeat_n(String::new(), blank_after));
            replaced.push((step.start, step.end, block));
        } else {
            assert_eq!(
                settle(&actual.join("\n")),
                settle(&expected.join("\n")),
                "README.md line {}: `$ {}` printed something else",
                step.start,
                step.command
            );
        }
    }
    if update {
        let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        for (start, end, block) in replaced.into_iter().rev() {
            out.splice(start..end, block);
        }
        std::fs::write(&readme_path, out.join("\n") + "\n").unwrap();
    }
}
