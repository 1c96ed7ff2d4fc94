//! Tests for reading articles: one behaviour per test, inputs we wrote.

use super::*;
use proptest::prelude::*;
use std::fs;
use tempfile::TempDir;

fn write(dir: &TempDir, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.path().join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, bytes).unwrap();
    path
}

fn articles(items: &[Item]) -> Vec<&Document> {
    items.iter().filter_map(|i| if let Item::Article(d) = i { Some(d) } else { None }).collect()
}

fn notices(items: &[Item]) -> Vec<&Notice> {
    items.iter().filter_map(|i| if let Item::Notice(n) = i { Some(n) } else { None }).collect()
}

fn only_article(items: &[Item]) -> &Document {
    let docs = articles(items);
    assert_eq!(docs.len(), 1, "expected one article in {items:?}");
    docs[0]
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

// ---- plain text and front matter ----

#[test]
fn plain_text_is_kept_exactly_as_in_the_file() {
    let dir = TempDir::new().unwrap();
    let raw = "\u{feff}  Headline here\r\n\r\n\tThe mayor said  it would rain.\n\n\n";
    let path = write(&dir, "note.txt", raw);
    let items = read_path(&path, &Overrides::default());
    let doc = only_article(&items);
    assert_eq!(doc.text, raw);
    assert!(notices(&items).is_empty());
    assert_eq!(doc.path, path.display().to_string());
}

#[test]
fn front_matter_fills_fields_and_the_text_starts_after_blank_lines() {
    let dir = TempDir::new().unwrap();
    let raw = "---\ntitle: \"Rain on Tuesday\"\ndate: 2024-03-05\noutlet: The Weekly\nurl: https://example.org/rain\nauthor: A. Writer\ncolour: blue\n---\n\n\nThe mayor said it would rain.\n";
    let path = write(&dir, "rain.txt", raw);
    let items = read_path(&path, &Overrides::default());
    let doc = only_article(&items);
    assert_eq!(doc.text, "The mayor said it would rain.\n");
    assert_eq!(doc.title.as_deref(), Some("Rain on Tuesday"));
    assert_eq!(doc.date, Some(date("2024-03-05")));
    assert_eq!(doc.outlet.as_deref(), Some("The Weekly"));
    assert_eq!(doc.url.as_deref(), Some("https://example.org/rain"));
    assert_eq!(doc.author.as_deref(), Some("A. Writer"));
    assert!(notices(&items).is_empty(), "unknown keys are ignored quietly");
}

#[test]
fn front_matter_with_crlf_line_endings_is_read() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "crlf.txt", "---\r\ntitle: Windows\r\n---\r\nBody line.\r\n");
    let items = read_path(&path, &Overrides::default());
    let doc = only_article(&items);
    assert_eq!(doc.title.as_deref(), Some("Windows"));
    assert_eq!(doc.text, "Body line.\r\n");
}

#[test]
fn bad_front_matter_date_is_a_warning_naming_file_and_line() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "bad.txt", "---\ntitle: T\ndate: next tuesday\n---\nThe mayor spoke.\n");
    let items = read_path(&path, &Overrides::default());
    let doc = only_article(&items);
    assert_eq!(doc.date, None);
    let n = notices(&items);
    assert_eq!(n.len(), 1);
    assert_eq!(n[0].location, format!("{}:3", path.display()));
    assert!(n[0].message.contains("next tuesday"), "{}", n[0].message);
    assert!(!n[0].skipped);
}

#[test]
fn text_starting_with_a_rule_but_no_fields_is_not_front_matter() {
    let dir = TempDir::new().unwrap();
    let raw = "---\nA dramatic opening line.\n---\nMore text.\n";
    let path = write(&dir, "rule.txt", raw);
    let items = read_path(&path, &Overrides::default());
    assert_eq!(only_article(&items).text, raw);
}

#[test]
fn unclosed_front_matter_leaves_the_text_untouched() {
    let dir = TempDir::new().unwrap();
    let raw = "---\ntitle: Never closed\nThe mayor said so.\n";
    let path = write(&dir, "open.txt", raw);
    assert_eq!(only_article(&read_path(&path, &Overrides::default())).text, raw);
}

#[test]
fn front_matter_without_a_body_is_skipped() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "empty-body.txt", "---\ntitle: Nothing\n---\n\n");
    let items = read_path(&path, &Overrides::default());
    assert!(articles(&items).is_empty());
    assert!(notices(&items)[0].skipped);
}

// ---- dates and overrides ----

#[test]
fn date_comes_from_the_file_name_when_the_file_has_none() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "herald_2016-10-08_council-vote.txt", "The council voted.");
    assert_eq!(only_article(&read_path(&path, &Overrides::default())).date, Some(date("2016-10-08")));
}

#[test]
fn front_matter_date_wins_over_the_file_name() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "herald_2016-10-08_x.txt", "---\ndate: 2016-10-09\n---\nText.");
    assert_eq!(only_article(&read_path(&path, &Overrides::default())).date, Some(date("2016-10-09")));
}

#[test]
fn overrides_win_over_everything() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "herald_2016-10-08_x.txt", "---\ndate: 2016-10-09\ntitle: Old\noutlet: Old Outlet\n---\nText.");
    let overrides = Overrides { title: Some("New".into()), outlet: Some("New Outlet".into()), date: Some(date("2020-01-02")) };
    let items = read_path(&path, &overrides);
    let doc = only_article(&items);
    assert_eq!((doc.title.as_deref(), doc.outlet.as_deref(), doc.date), (Some("New"), Some("New Outlet"), Some(date("2020-01-02"))));
}

#[test]
fn no_date_anywhere_leaves_it_empty() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "undated.txt", "Text.");
    assert_eq!(only_article(&read_path(&path, &Overrides::default())).date, None);
}

#[test]
fn file_name_date_needs_a_real_date_standing_alone() {
    assert_eq!(file_name_date(Path::new("a_2016-02-30_b.txt")), None);
    assert_eq!(file_name_date(Path::new("12016-02-03.txt")), None);
    assert_eq!(file_name_date(Path::new("/x/2016-02-03/none.txt")), None);
    assert_eq!(file_name_date(Path::new("x2016-02-03y.txt")), Some(date("2016-02-03")));
}

#[test]
fn metadata_dates_are_read_in_common_shapes() {
    for raw in ["2016-10-08", "2016-10-08T23:30:00-04:00", "2016-10-08T10:00:00", "2016-10-08 10:00", "Sat, 08 Oct 2016 10:00:00 +0000", "October 8, 2016", "8 October 2016", "2016/10/08"] {
        assert_eq!(parse_date(raw), Some(date("2016-10-08")), "{raw}");
    }
    assert_eq!(parse_date("soon"), None);
    assert_eq!(parse_date("2016-13-01"), None);
}

// ---- HTML ----

const PAGE: &str = r#"<!doctype html><html><head>
<title>Rain expected | The Weekly</title>
<meta property="og:title" content="Rain expected on Tuesday">
<meta property="og:site_name" content="The Weekly">
<meta property="article:published_time" content="2024-03-05T08:00:00+01:00">
<link rel="canonical" href="https://example.org/rain">
<style>p { color: red }</style><script>var said = "not text";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<header><h1>Site banner</h1></header>
<article>
  <h2>Rain   expected</h2>
  <p>The mayor said on Monday
     that it would <em>rain</em>.</p>
  <figure><img src="x.jpg"><figcaption>A cloud, photographed.</figcaption></figure>
  <aside>Read also: something else</aside>
  <blockquote>"Bring umbrellas," she added.</blockquote>
  <ul><li>First point</li><li>Second<br>line</li></ul>
  <form><input name="email"> Subscribe</form>
</article>
<footer>Copyright</footer>
</body></html>"#;

#[test]
fn html_page_is_reduced_to_its_article_paragraphs() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "rain.html", PAGE);
    let items = read_path(&path, &Overrides::default());
    let doc = only_article(&items);
    assert_eq!(
        doc.text,
        "Rain expected\n\nThe mayor said on Monday that it would rain.\n\n\"Bring umbrellas,\" she added.\n\nFirst point\n\nSecond\nline"
    );
}

#[test]
fn html_metadata_gives_title_date_outlet_and_url() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "rain.htm", PAGE);
    let items = read_path(&path, &Overrides::default());
    let doc = only_article(&items);
    assert_eq!(doc.title.as_deref(), Some("Rain expected on Tuesday"));
    assert_eq!(doc.outlet.as_deref(), Some("The Weekly"));
    assert_eq!(doc.date, Some(date("2024-03-05")));
    assert_eq!(doc.url.as_deref(), Some("https://example.org/rain"));
}

#[test]
fn html_without_article_uses_the_body_and_falls_back_to_title_tag() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "plain.html", "<html><head><title> Plain  page </title></head><body><nav>Menu</nav><p>One.</p><p>Two.</p></body></html>");
    let items = read_path(&path, &Overrides::default());
    let doc = only_article(&items);
    assert_eq!(doc.text, "One.\n\nTwo.");
    assert_eq!(doc.title.as_deref(), Some("Plain page"));
}

#[test]
fn html_unreadable_meta_date_is_a_warning() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "d.html", r#"<meta name="date" content="yesterday"><p>Text.</p>"#);
    let items = read_path(&path, &Overrides::default());
    assert_eq!(only_article(&items).date, None);
    let n = notices(&items);
    assert!(n.len() == 1 && !n[0].skipped && n[0].message.contains("yesterday"), "{n:?}");
}

#[test]
fn html_with_no_text_is_skipped() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "nav-only.html", "<html><body><nav>Home</nav><script>x()</script></body></html>");
    let items = read_path(&path, &Overrides::default());
    assert!(articles(&items).is_empty());
    assert!(notices(&items)[0].skipped);
}

#[test]
fn deeply_nested_html_does_not_overflow_the_stack() {
    let dir = TempDir::new().unwrap();
    let depth = 100_000;
    let page = format!("<article>{}deep text{}</article>", "<div><span>".repeat(depth), "</span></div>".repeat(depth));
    let path = write(&dir, "deep.html", page);
    let items = read_path(&path, &Overrides::default());
    assert_eq!(only_article(&items).text, "deep text");
    assert!(notices(&items).iter().any(|n| !n.skipped && n.message.contains("nested")));
}

#[test]
fn malformed_html_is_read_without_panicking() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "broken.html", "<p>Unclosed <b><i>tags</b> and </div></p></p><p attr=\"x>still text<<<>");
    let items = read_path(&path, &Overrides::default());
    assert!(only_article(&items).text.contains("Unclosed tags and"));
}

// ---- JSONL ----

#[test]
fn jsonl_reads_one_article_per_line_with_line_paths() {
    let dir = TempDir::new().unwrap();
    let path = write(
        &dir,
        "batch.jsonl",
        "{\"text\": \"First article.\", \"title\": \"One\", \"date\": \"2024-01-02\", \"url\": \"https://e.org/1\", \"outlet\": \"Daily\", \"extra\": 1}\n\n{\"text\": \"Second  article.\\n\"}\n",
    );
    let items = read_path(&path, &Overrides::default());
    let docs = articles(&items);
    assert_eq!(docs.len(), 2);
    assert!(notices(&items).is_empty());
    assert_eq!(docs[0].path, format!("{}:1", path.display()));
    assert_eq!(docs[0].title.as_deref(), Some("One"));
    assert_eq!(docs[0].date, Some(date("2024-01-02")));
    assert_eq!(docs[0].outlet.as_deref(), Some("Daily"));
    assert_eq!(docs[0].url.as_deref(), Some("https://e.org/1"));
    assert_eq!(docs[1].path, format!("{}:3", path.display()));
    assert_eq!(docs[1].text, "Second  article.\n");
}

#[test]
fn jsonl_bad_lines_are_skipped_with_their_line_and_the_rest_goes_in() {
    let dir = TempDir::new().unwrap();
    let path = write(
        &dir,
        "mixed.jsonl",
        "{\"text\": \"Good one.\"}\n{not json\n{\"title\": \"no text\"}\n{\"text\": \"Bad date.\", \"date\": \"someday\"}\n{\"text\": 42}\n{\"text\": \"Good two.\"}",
    );
    let items = read_path(&path, &Overrides::default());
    let texts: Vec<&str> = articles(&items).iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts, ["Good one.", "Good two."]);
    let skipped: Vec<String> = notices(&items).iter().filter(|n| n.skipped).map(|n| n.location.clone()).collect();
    let at = |line: usize| format!("{}:{line}", path.display());
    assert_eq!(skipped, [at(2), at(3), at(4), at(5)]);
}

#[test]
fn jsonl_line_date_falls_back_to_the_file_name_and_yields_to_overrides() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "feed_2020-05-06.jsonl", "{\"text\": \"A.\"}\n{\"text\": \"B.\", \"date\": \"not a date\"}\n");
    let items = read_path(&path, &Overrides::default());
    assert_eq!(articles(&items)[0].date, Some(date("2020-05-06")));
    let overridden = read_path(&path, &Overrides { date: Some(date("2021-01-01")), ..Overrides::default() });
    let dates: Vec<_> = articles(&overridden).iter().map(|d| d.date).collect();
    assert_eq!(dates, [Some(date("2021-01-01")), Some(date("2021-01-01"))], "an override makes a line's date irrelevant");
}

#[test]
fn jsonl_line_with_invalid_utf8_is_read_with_a_warning() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "latin1.jsonl", b"{\"text\": \"caf\xe9 talk\"}\n".as_slice());
    let items = read_path(&path, &Overrides::default());
    assert_eq!(only_article(&items).text, "caf\u{fffd} talk");
    let n = notices(&items);
    assert_eq!(n.len(), 1);
    assert!(!n[0].skipped && n[0].location.ends_with(":1"));
}

#[test]
fn jsonl_of_blank_lines_is_skipped() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "blank.jsonl", "\n  \n");
    let items = read_path(&path, &Overrides::default());
    assert!(articles(&items).is_empty());
    assert!(notices(&items)[0].skipped);
}

#[test]
fn jsonl_streams_lazily() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "two.jsonl", "{\"text\": \"A.\"}\n{\"text\": \"B.\"}\n");
    let mut items = read_items(&path, &Overrides::default());
    assert!(matches!(items.next(), Some(Item::Article(d)) if d.text == "A."));
    // The file can go away after the first line: the rest is already buffered
    // here, but the iterator holds no whole-file copy and keeps working.
    assert!(matches!(items.next(), Some(Item::Article(d)) if d.text == "B."));
    assert!(items.next().is_none());
}

#[test]
fn overlong_line_is_consumed_without_being_kept() {
    let mut input = Cursor::new(b"aaaaaaaaaa\nbb\n".to_vec());
    let mut buf = Vec::new();
    assert_eq!(jsonl::read_line_for_test(&mut input, &mut buf, 5), Some(true));
    assert!(buf.is_empty());
    assert_eq!(jsonl::read_line_for_test(&mut input, &mut buf, 5), Some(false));
    assert_eq!(buf, b"bb\n");
    assert_eq!(jsonl::read_line_for_test(&mut input, &mut buf, 5), None);
}

#[test]
fn whole_file_reading_stops_at_the_cap_naming_the_line() {
    let mut bytes = Vec::new();
    let mut input = Cursor::new(b"one\ntwo\nthree and more".to_vec());
    assert_eq!(read_capped(&mut input, &mut bytes, 10).unwrap(), Some(3));
    assert_eq!(bytes.len(), 10);
    bytes.clear();
    let mut input = Cursor::new(b"one\ntwo\n".to_vec());
    assert_eq!(read_capped(&mut input, &mut bytes, 8).unwrap(), None);
    assert_eq!(bytes, b"one\ntwo\n");
}

fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut bytes = if little_endian { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&if little_endian { unit.to_le_bytes() } else { unit.to_be_bytes() });
    }
    bytes
}

#[test]
fn utf16_files_with_a_byte_order_mark_are_decoded_not_skipped_as_binary() {
    let dir = TempDir::new().unwrap();
    let text = "The caf\u{e9} owner said the \u{201c}rent\u{201d} doubled.\n";
    let path = write(&dir, "windows.txt", utf16(text, true));
    assert_eq!(only_article(&read_path(&path, &Overrides::default())).text, text);
    let lines = "{\"text\": \"First, said Ada.\"}\n{\"text\": \"Second \u{1F309}, said Ben.\"}\n";
    let path = write(&dir, "export.jsonl", utf16(lines, false));
    let items = read_path(&path, &Overrides::default());
    let texts: Vec<&str> = articles(&items).iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts, ["First, said Ada.", "Second \u{1F309}, said Ben."]);
    let path = write(&dir, "page.html", utf16("<html><body><p>Ada Park said so.</p></body></html>", true));
    assert_eq!(only_article(&read_path(&path, &Overrides::default())).text, "Ada Park said so.");
}

// ---- bad files ----

#[test]
fn invalid_utf8_is_replaced_with_a_warning_naming_the_file() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "latin1.txt", b"The caf\xe9 owner said so.".as_slice());
    let items = read_path(&path, &Overrides::default());
    assert_eq!(only_article(&items).text, "The caf\u{fffd} owner said so.");
    let n = notices(&items);
    assert_eq!(n.len(), 1);
    assert_eq!(n[0].location, path.display().to_string());
    assert!(!n[0].skipped);
}

#[test]
fn binary_file_is_skipped() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".as_slice());
    let items = read_path(&path, &Overrides::default());
    assert!(articles(&items).is_empty());
    let n = notices(&items);
    assert!(n[0].skipped && n[0].message.contains("binary"), "{n:?}");
}

#[test]
fn empty_file_is_skipped() {
    let dir = TempDir::new().unwrap();
    for name in ["empty.txt", "empty.html", "empty.jsonl"] {
        let path = write(&dir, name, "");
        let items = read_path(&path, &Overrides::default());
        assert!(articles(&items).is_empty(), "{name}");
        assert!(notices(&items)[0].skipped && notices(&items)[0].message.contains("empty"), "{name}");
    }
}

#[test]
fn missing_path_is_skipped_with_the_os_error() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("nowhere.txt");
    let items = read_path(&path, &Overrides::default());
    let n = notices(&items);
    assert_eq!(n.len(), 1);
    assert!(n[0].skipped && n[0].location == path.display().to_string());
    assert!(n[0].message.contains("No such file"), "{}", n[0].message);
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_skipped_with_the_os_error() {
    // Errors that hold for root too (CI runs as root, and root reads any
    // file whatever its permissions; permission denied itself is tested end
    // to end as user nobody in tests/test_hostile_input.rs).
    let dir = TempDir::new().unwrap();
    let file = write(&dir, "notes.txt", "Words.");
    let items = read_path(&file.join("inner.txt"), &Overrides::default());
    let n = notices(&items);
    assert!(n.len() == 1 && n[0].skipped && n[0].message.starts_with("cannot open: Not a directory"), "{n:?}");
    // Opens, then fails at the first read (the process's own memory at address 0).
    let items = read_path(Path::new("/proc/self/mem"), &Overrides::default());
    let n = notices(&items);
    assert!(n.len() == 1 && n[0].skipped && n[0].message.starts_with("cannot read: Input/output error"), "{n:?}");
    assert_eq!(n[0].location, "/proc/self/mem");
}

// ---- folders and paths ----

#[test]
fn folders_are_walked_in_sorted_order_taking_only_articles() {
    let dir = TempDir::new().unwrap();
    write(&dir, "b.txt", "B.");
    write(&dir, "a.html", "<p>A.</p>");
    write(&dir, "sub/c.jsonl", "{\"text\": \"C.\"}");
    write(&dir, "sub/c_ann.ann", "T1 Source 0 1 x");
    write(&dir, "photo.png", "not an article");
    write(&dir, ".hidden.txt", "Hidden.");
    let files = expand_paths(&[dir.path().to_path_buf()]);
    let names: Vec<String> = files.iter().map(|p| p.strip_prefix(dir.path()).unwrap().display().to_string()).collect();
    assert_eq!(names, ["a.html", "b.txt", "sub/c.jsonl"]);
}

#[test]
fn expand_keeps_stdin_files_and_missing_paths_as_given() {
    let dir = TempDir::new().unwrap();
    let file = write(&dir, "notes.md", "Given by name.");
    let missing = dir.path().join("missing.txt");
    let given = vec![PathBuf::from("-"), file.clone(), missing.clone()];
    assert_eq!(expand_paths(&given), given);
    assert_eq!(only_article(&read_path(&file, &Overrides::default())).text, "Given by name.");
}

#[test]
fn reading_a_folder_reads_every_article_in_it() {
    let dir = TempDir::new().unwrap();
    write(&dir, "one.txt", "One.");
    write(&dir, "two.jsonl", "{\"text\": \"Two.\"}\n{\"text\": \"Three.\"}");
    write(&dir, "zero.txt", "");
    let items = read_path(dir.path(), &Overrides::default());
    let texts: Vec<&str> = articles(&items).iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts, ["One.", "Two.", "Three."]);
    assert_eq!(notices(&items).len(), 1, "the empty file");
}

#[test]
fn read_paths_streams_several_paths_in_order() {
    let dir = TempDir::new().unwrap();
    let a = write(&dir, "a.txt", "A.");
    let b = write(&dir, "b.txt", "B.");
    let paths = vec![b, a];
    let overrides = Overrides::default();
    let texts: Vec<String> = read_paths(&paths, &overrides)
        .filter_map(|i| if let Item::Article(d) = i { Some(d.text) } else { None })
        .collect();
    assert_eq!(texts, ["B.", "A."]);
}

// ---- never panics, whatever the input ----

proptest! {
    // 512 cases in CI; run longer as a fuzzer with PROPTEST_CASES=100000.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(512),
        ..ProptestConfig::default()
    })]

    #[test]
    fn text_reader_never_panics_and_keeps_text_without_front_matter(content in "(---\n)?(([a-z]{0,6}: ?[^\n]{0,12}|---|\\.\\.\\.|[^\n]{0,20})\n){0,6}[^\n]{0,20}") {
        let mut notices = Vec::new();
        if let Some(doc) = text::read_text(content.clone(), "p.txt", &mut notices) {
            prop_assert!(content.ends_with(&doc.text));
            if !content.starts_with("---") {
                prop_assert_eq!(&doc.text, &content);
            }
        }
    }

    #[test]
    fn text_reader_never_panics_on_arbitrary_strings(content in any::<String>()) {
        let mut notices = Vec::new();
        let _ = text::read_text(content, "p.txt", &mut notices);
    }

    #[test]
    fn html_reader_never_panics(page in "(<(/?)(p|div|article|nav|pre|br|li|script|b|table|td)( hidden)?>|[a-z &<>\"=\n]{0,8}){0,40}") {
        let mut notices = Vec::new();
        let _ = html::read_html(&page, "p.html", &mut notices);
    }

    #[test]
    fn html_reader_never_panics_on_arbitrary_strings(page in any::<String>()) {
        let mut notices = Vec::new();
        let _ = html::read_html(&page, "p.html", &mut notices);
    }

    #[test]
    fn jsonl_reader_never_panics_and_accounts_for_every_line(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let items: Vec<Item> = JsonlItems::new(Box::new(Cursor::new(bytes.clone())), "p.jsonl".into(), None, Overrides::default()).collect();
        let lines = bytes.split(|&b| b == b'\n').filter(|l| !l.iter().all(u8::is_ascii_whitespace)).count();
        let articles_or_skips = items.iter().filter(|i| matches!(i, Item::Article(_)) || matches!(i, Item::Notice(n) if n.skipped)).count();
        prop_assert!(articles_or_skips >= lines.min(1));
        prop_assert!(articles_or_skips <= lines.max(1));
    }

    #[test]
    fn jsonl_reader_never_panics_on_json_like_lines(text in "(\\{(\"(text|date|title)\": ?(\"[^\"\n]{0,10}\"|[0-9]+|null|\\[\\]),? ?){0,3}\\}?\n){0,5}") {
        let items: Vec<Item> = JsonlItems::new(Box::new(Cursor::new(text.into_bytes())), "p.jsonl".into(), None, Overrides::default()).collect();
        for item in items {
            if let Item::Article(doc) = item {
                prop_assert!(!doc.text.trim().is_empty());
            }
        }
    }

    #[test]
    fn sniffing_and_decoding_any_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let dir = TempDir::new().unwrap();
        for name in ["f.txt", "f.html", "f.jsonl"] {
            let path = write(&dir, name, &bytes);
            let _ = read_path(&path, &Overrides::default());
        }
    }
}

#[test]
fn nesting_limit_leaves_ordinary_pages_alone() {
    assert_eq!(nesting::limit_nesting(PAGE, html::MAX_NESTING).dropped_tags, 0);
    let unclosed_paragraphs = "<p>x".repeat(10_000);
    assert_eq!(nesting::limit_nesting(&unclosed_paragraphs, 256).dropped_tags, 0);
}

#[test]
fn standard_input_style_reading_takes_front_matter_and_names_it_dash() {
    let input = Cursor::new(b"---\ntitle: Piped\n---\nThe mayor said it.".to_vec());
    let items = read_text_from(Box::new(input), "-", &Overrides::default());
    let doc = only_article(&items);
    assert_eq!((doc.path.as_str(), doc.title.as_deref(), doc.text.as_str()), ("-", Some("Piped"), "The mayor said it."));
    let empty = read_text_from(Box::new(Cursor::new(Vec::new())), "-", &Overrides::default());
    assert!(notices(&empty)[0].skipped);
}

#[test]
fn html_takes_the_longest_article_over_teasers() {
    let dir = TempDir::new().unwrap();
    let page = "<body><article><p>Teaser.</p></article><article><p>The real story, which is longer.</p></article></body>";
    let path = write(&dir, "teasers.html", page);
    assert_eq!(only_article(&read_path(&path, &Overrides::default())).text, "The real story, which is longer.");
}

#[cfg(unix)]
#[test]
fn symlink_loop_in_a_folder_is_a_notice_not_a_hang() {
    let dir = TempDir::new().unwrap();
    write(&dir, "sub/a.txt", "A.");
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
    let items = read_path(dir.path(), &Overrides::default());
    assert_eq!(articles(&items).len(), 1);
    let n = notices(&items);
    assert!(n.len() == 1 && n[0].skipped && n[0].location.ends_with("loop"), "{n:?}");
}
