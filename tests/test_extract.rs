//! `claimdb extract`: the real binary on the sample article and on a small
//! article of our own, checking the JSONL fields and that every span's text
//! is exactly what the statement says it is.

use assert_cmd::Command;
use serde_json::Value;

fn extract_jsonl(args: &[&str]) -> Vec<Value> {
    let out = Command::cargo_bin("claimdb").unwrap().arg("extract").args(["--format", "jsonl"]).args(args).output().unwrap();
    assert!(out.status.success(), "extract failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect()
}

/// The text of a span (`[s, e]` or a list of pieces joined by " ... "),
/// in code points.
fn span_text(text: &str, span: &Value) -> String {
    let chars: Vec<char> = text.chars().collect();
    let piece = |p: &Value| {
        let (s, e) = (p[0].as_u64().unwrap() as usize, p[1].as_u64().unwrap() as usize);
        assert!(s <= e && e <= chars.len(), "span {s}..{e} out of range");
        chars[s..e].iter().collect::<String>()
    };
    if span[0].is_array() {
        span.as_array().unwrap().iter().map(piece).collect::<Vec<_>>().join(" ... ")
    } else {
        piece(span)
    }
}

/// The text spans index: the document as the reader gives it (front matter
/// taken off), not the raw file.
fn document_text(path: &str) -> String {
    let items = claimdb::extract::read::read_path(std::path::Path::new(path), &Default::default());
    match items.into_iter().next() {
        Some(claimdb::extract::read::Item::Article(doc)) => doc.text,
        other => panic!("{path} did not read as one article: {other:?}"),
    }
}

fn check_spans(text: &str, rows: &[Value]) {
    for row in rows {
        assert_eq!(span_text(text, &row["content_span"]), row["content"].as_str().unwrap(), "{row}");
        if !row["cue_span"].is_null() {
            assert_eq!(span_text(text, &row["cue_span"]), row["cue"].as_str().unwrap(), "{row}");
        }
        if !row["source_span"].is_null() {
            assert_eq!(span_text(text, &row["source_span"]), row["speaker_mention"].as_str().unwrap(), "{row}");
        }
    }
}

fn find<'a>(rows: &'a [Value], speaker: &str, cue: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["speaker"] == speaker && r["cue"] == cue)
        .unwrap_or_else(|| panic!("no statement {speaker} / {cue} in {rows:#?}"))
}

#[test]
fn sample_article_statements_and_speakers() {
    let path = "samples/zelensky-washington.txt";
    let text = document_text(path);
    let rows = extract_jsonl(&[path]);
    check_spans(&text, &rows);
    let dismissed = find(&rows, "Marco Rubio", "dismissed");
    assert!(dismissed["content"].as_str().unwrap().contains("Zelensky could be coerced into an unfavorable deal"));
    assert_eq!(dismissed["role"], "U.S. Secretary of State");
    assert!(find(&rows, "Zelensky", "emphasizing")["content"].as_str().unwrap().contains("is off the table"));
    assert!(find(&rows, "Donald Trump", "claiming")["content"].as_str().unwrap().contains("BIG PROGRESS ON RUSSIA"));
    let indicating = find(&rows, "Marco Rubio", "indicating");
    assert_eq!(indicating["speaker_mention"], "Secretary of State Rubio");
    assert!(indicating["content"].as_str().unwrap().contains("a considerable distance away"));
    assert!(find(&rows, "Zelensky", "characterized")["content"].as_str().unwrap().contains("extremely positive"));
    assert!(find(&rows, "the U.S. envoy", "revealed")["content"].as_str().unwrap().contains("Putin may have agreed to a security pact"));
    assert!(find(&rows, "diplomatic sources", "raised concerns")["content"].as_str().unwrap().contains("Trump may pressure Zelensky"));
    // One speaker each, whatever the mention.
    for name in ["Zelensky", "Rubio", "Trump"] {
        let speakers: std::collections::BTreeSet<&str> =
            rows.iter().filter_map(|r| r["speaker"].as_str()).filter(|s| s.contains(name)).collect();
        assert_eq!(speakers.len(), 1, "{name}: {speakers:?}");
    }
}

#[test]
fn fixture_fields_spans_coreference_and_dates() {
    let path = "tests/fixtures/harbour-vote.txt";
    let text = document_text(path);
    // 2024-11-14 is a Thursday: "on Tuesday" is 2024-11-12.
    let rows = extract_jsonl(&["--date", "2024-11-14", "--title", "Ferry vote", path]);
    check_spans(&text, &rows);
    for row in &rows {
        for field in ["doc", "title", "date", "speaker", "speaker_mention", "role", "cue", "content", "kind", "stance", "hedged", "topic", "content_span", "source_span", "cue_span"] {
            assert!(row.get(field).is_some(), "missing {field} in {row}");
        }
        assert_eq!(row["doc"], path);
        assert_eq!(row["title"], "Ferry vote");
    }
    let signed = find(&rows, "Dana Whitfield", "said");
    assert_eq!(signed["role"], "Port Elin Mayor");
    assert_eq!(signed["date"], "2024-11-12");
    assert_eq!(signed["kind"], "indirect");
    // The quote with its follow-on sentence, by surname.
    let quote = rows.iter().find(|r| r["content"].as_str().unwrap().starts_with("“We have waited")).expect("the quote");
    assert_eq!(quote["speaker"], "Dana Whitfield");
    assert_eq!(quote["speaker_mention"], "Whitfield");
    assert_eq!(quote["kind"], "direct");
    assert!(quote["content_span"][0].is_array(), "two pieces: {quote}");
    assert_eq!(quote["date"], "2024-11-14");
    // Title and appositive, participle, pronoun.
    let rejected = find(&rows, "Oren Baptiste", "rejected");
    assert_eq!(rejected["speaker_mention"], "Council member Oren Baptiste, a longtime critic of the deal,");
    assert!(find(&rows, "Oren Baptiste", "calling")["content"].as_str().unwrap().contains("the tender rushed"));
    let pronoun = rows.iter().find(|r| r["speaker_mention"] == "He").expect("the pronoun statement");
    assert_eq!(pronoun["speaker"], "Oren Baptiste");
    let according = find(&rows, "two harbour officials", "according to");
    assert_eq!(according["content"], "The price will rise by a third");
}

#[test]
fn table_format_prints_the_speakers() {
    let out = Command::cargo_bin("claimdb").unwrap().args(["extract", "tests/fixtures/harbour-vote.txt"]).output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("Dana Whitfield") && stdout.contains("according to"), "{stdout}");
}

#[test]
fn missing_file_is_reported_and_exits_3() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.txt");
    let out = Command::cargo_bin("claimdb").unwrap().args(["extract", "--format", "jsonl"]).arg(&missing).arg("tests/fixtures/harbour-vote.txt").output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope.txt"));
    assert!(!out.stdout.is_empty(), "the readable file still went through");
}

#[test]
fn json_format_is_one_array_of_the_jsonl_objects() {
    let path = "tests/fixtures/harbour-vote.txt";
    let out = Command::cargo_bin("claimdb").unwrap().args(["extract", "--format", "json", path]).output().unwrap();
    assert!(out.status.success());
    let array: Vec<Value> = serde_json::from_slice(&out.stdout).expect("one JSON array");
    assert_eq!(array, extract_jsonl(&[path]));
}

#[test]
fn jobs_keep_the_input_order() {
    let files = ["samples/zelensky-washington.txt", "tests/fixtures/harbour-vote.txt", "samples/zelensky-washington.txt"];
    let one = extract_jsonl(&files);
    let mut args = vec!["--jobs", "3"];
    args.extend(files);
    let parallel = extract_jsonl(&args);
    assert!(!one.is_empty());
    assert_eq!(one, parallel);
}

#[test]
fn one_job_gives_what_many_jobs_give_notices_included() {
    // One job runs on the calling thread alone; it must print the same
    // statements, and report the same skipped inputs in the same order.
    let dir = tempfile::tempdir().unwrap();
    for i in 0..6 {
        std::fs::write(dir.path().join(format!("{i}.txt")), format!("Article {i}: the mayor said the ferry will run again.\n")).unwrap();
    }
    std::fs::write(dir.path().join("2b.txt"), "").unwrap();
    std::fs::write(dir.path().join("4b.txt"), "binary\0file").unwrap();
    let run = |jobs: &str| Command::cargo_bin("claimdb").unwrap().args(["extract", "--format", "jsonl", "--jobs", jobs]).arg(dir.path()).output().unwrap();
    let (one, three) = (run("1"), run("3"));
    assert_eq!(one.status.code(), Some(3));
    let stderr = String::from_utf8(one.stderr.clone()).unwrap();
    assert!(stderr.find("2b.txt").unwrap() < stderr.find("4b.txt").unwrap(), "{stderr}");
    assert_eq!(String::from_utf8(one.stdout.clone()).unwrap().lines().count(), 6);
    assert_eq!((one.status.code(), one.stdout, one.stderr), (three.status.code(), three.stdout, three.stderr));
}

#[test]
fn table_fits_the_width_asked_for() {
    let out = Command::cargo_bin("claimdb")
        .unwrap()
        .env("CLAIMDB_WIDTH", "70")
        .args(["extract", "samples/zelensky-washington.txt"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Rubio"), "{text}");
    for line in text.lines() {
        assert!(line.chars().count() <= 70, "too wide: {line}");
    }
}

#[test]
fn shift_gives_the_earlier_and_the_new_position() {
    let rows = extract_jsonl(&["samples/zelensky-washington.txt"]);
    let earlier = find(&rows, "Donald Trump", "shifted from advocating for");
    assert_eq!(earlier["content"], "a ceasefire");
    assert!(earlier["date"].is_null(), "the earlier position has no date: {earlier}");
    let later = find(&rows, "Donald Trump", "pursuing");
    assert_eq!(later["content"], "a longer-term peace agreement");
    assert_eq!(later["stance"], "support");
    assert_eq!(later["hedged"], true);
}

#[test]
fn a_user_lexicon_changes_the_stance_of_its_cue() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "Mayor Ada Park slammed the harbor plan on Monday, a spokesman said.\n\nAda Park said the plan is ready.\n").unwrap();
    let lexicon = dir.path().join("beat.tsv");
    std::fs::write(&lexicon, "# our beat\nsaid   oppose   verb\n").unwrap();
    let plain = extract_jsonl(&[article.to_str().unwrap()]);
    let with_lexicon = extract_jsonl(&["--lexicon", lexicon.to_str().unwrap(), article.to_str().unwrap()]);
    let stance_of_said = |rows: &[Value]| rows.iter().find(|r| r["cue"] == "said" && r["speaker"] == "Ada Park").map(|r| r["stance"].clone());
    assert_eq!(stance_of_said(&plain), Some(Value::from("neutral")), "{plain:?}");
    assert_eq!(stance_of_said(&with_lexicon), Some(Value::from("oppose")), "{with_lexicon:?}");
}

#[test]
fn zero_jobs_is_a_usage_error() {
    let out = Command::cargo_bin("claimdb").unwrap().args(["extract", "--jobs", "0", "tests/fixtures/harbour-vote.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn json_format_of_no_statements_is_an_empty_array() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("quiet.txt");
    std::fs::write(&article, "The harbour opened at dawn. Boats left one by one.\n").unwrap();
    let out = Command::cargo_bin("claimdb").unwrap().args(["extract", "--format", "json"]).arg(&article).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "[]\n");
}

/// Every statement of a sample article, in text order, as
/// (speaker, cue, stance, hedged, topic). When a deliberate change to
/// speakers, stance or topics moves a row, update the row here after
/// reading the article: each row is a judgement about that sentence.
type SampleRow = (&'static str, &'static str, &'static str, bool, Option<&'static str>);

fn sample_rows(path: &str) -> Vec<(String, String, String, bool, Option<String>)> {
    extract_jsonl(&[path])
        .iter()
        .map(|r| {
            (
                r["speaker"].as_str().unwrap().to_string(),
                r["cue"].as_str().unwrap().to_string(),
                r["stance"].as_str().unwrap().to_string(),
                r["hedged"].as_bool().unwrap(),
                r["topic"].as_str().map(String::from),
            )
        })
        .collect()
}

fn assert_sample(path: &str, expected: &[SampleRow]) {
    let got = sample_rows(path);
    let want: Vec<(String, String, String, bool, Option<String>)> = expected
        .iter()
        .map(|(s, c, st, h, t)| (s.to_string(), c.to_string(), st.to_string(), *h, t.map(String::from)))
        .collect();
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "{path}: statement {} differs", i + 1);
    }
    assert_eq!(got.len(), want.len(), "{path}: {} statements, expected {}: {got:#?}", got.len(), want.len());
}

#[test]
fn every_statement_of_the_washington_sample() {
    assert_sample(
        "samples/zelensky-washington.txt",
        &[
            ("Donald Trump", "shifted from advocating for", "support", false, Some("ceasefire")),
            ("Donald Trump", "pursuing", "support", true, Some("peace agreement")),
            ("the U.S. envoy", "revealed", "neutral", true, Some("Vladimir Putin")),
            ("Donald Trump", "claiming", "support", false, Some("Donald Trump")),
            ("diplomatic sources", "raised concerns", "oppose", true, Some("Donald Trump")),
            ("Marco Rubio", "dismissed", "oppose", false, Some("Zelensky")),
            ("Marco Rubio", "calling", "oppose", false, Some("Donald Trump")),
            ("Zelensky", "characterized", "support", false, Some("Donald Trump")),
            // "leaders, who are eager to present a unified front": an intention.
            ("European leaders", "are eager", "support", false, Some("Donald Trump")),
            ("the leaders", "discussed", "support", true, Some("security guarantee")),
            ("Zelensky", "emphasizing", "oppose", false, Some("Donald Trump")),
            ("Marco Rubio", "indicating", "neutral", false, Some("peace agreement")),
        ],
    );
}

#[test]
fn every_statement_of_the_followup_sample() {
    assert_sample(
        "samples/zelensky-followup.txt",
        &[
            ("officials in Kyiv", "according to", "neutral", false, Some("Volodymyr Zelensky")),
            ("Volodymyr Zelensky", "said", "support", false, Some("Kyiv")),
            ("Volodymyr Zelensky", "said", "neutral", false, Some("Volodymyr Zelensky")),
            ("Donald Trump", "rejected", "oppose", false, Some("immediate ceasefire")),
            ("Donald Trump", "saying", "oppose", false, Some("immediate ceasefire")),
            ("Donald Trump", "said", "support", false, Some("peace agreement")),
            ("Marco Rubio", "played down", "oppose", false, Some("Kyiv")),
            ("Marco Rubio", "acknowledged", "support", false, Some("Kyiv")),
            ("Emmanuel Macron", "urged", "support", false, Some("Washington")),
            ("Dmitry Peskov", "rejected", "oppose", false, Some("security guarantee")),
            ("Mark Rutte", "said", "support", false, Some("talks")),
            // An oppose cue with "unlikely" content: oppose, and hedged.
            ("Brussels", "cautioned", "oppose", true, Some("peace agreement")),
        ],
    );
}
