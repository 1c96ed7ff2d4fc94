mod common;

use common::{column, Workdir};
use serde_json::json;

fn contents(rows: &[serde_json::Value]) -> Vec<serde_json::Value> {
    column(rows, "content")
}

#[test]
fn query_by_speaker_matches_part_of_a_name_in_any_case() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    let rows = wd.query_json(&["--speaker", "PARK"]);
    assert_eq!(contents(&rows), vec![json!("The bridge will open in May."), json!("Parking fees may rise next year.")]);
}

#[test]
fn query_by_speaker_matches_aliases() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    wd.stdout(&["speakers", "alias", "Ben Ortiz", "Councillor Benjamin"]);
    let rows = wd.query_json(&["--speaker", "benjamin"]);
    assert_eq!(contents(&rows), vec![json!("The bridge budget is far too high.")]);
}

#[test]
fn query_by_topic_stance_and_dates() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    assert_eq!(wd.query_json(&["--topic", "bridge"]).len(), 2);
    assert_eq!(contents(&wd.query_json(&["--stance", "oppose"])), vec![json!("The bridge budget is far too high.")]);
    let rows = wd.query_json(&["--since", "2025-04-02", "--until", "2025-04-02"]);
    assert_eq!(contents(&rows), vec![json!("The bridge budget is far too high.")]);
    assert_eq!(wd.query_json(&["--since", "2025-04-02", "--speaker", "ada"]).len(), 1);
    assert_eq!(wd.query_json(&["--limit", "1"]).len(), 1);
}

#[test]
fn query_search_is_full_text_over_content_and_speaker() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    assert_eq!(contents(&wd.query_json(&["--search", "budget"])), vec![json!("The bridge budget is far too high.")]);
    assert_eq!(wd.query_json(&["--search", "ortiz"]).len(), 1);
    assert_eq!(wd.query_json(&["--search", "bridge NOT budget"]).len(), 1);
    assert_eq!(wd.query_json(&["--search", "\"open in May\""]).len(), 1);
}

#[test]
fn search_follows_edits_and_deletes() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    wd.stdout(&["edit", "2", "--content", "The ferry costs too much."]);
    assert!(wd.query_json(&["--search", "budget"]).is_empty());
    assert_eq!(wd.query_json(&["--search", "ferry"]).len(), 1);
    wd.stdout(&["delete", "2"]);
    assert!(wd.query_json(&["--search", "ferry"]).is_empty());
}

#[test]
fn bad_search_syntax_is_one_clear_line() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    for bad in ["bridge AND", "\"unclosed", "nosuchcolumn:word"] {
        let err = wd.error(&["query", "--search", bad]);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with(&format!("claimdb: --search '{bad}' is not a valid full-text query")), "{err}");
    }
}

#[test]
fn every_format_carries_the_issue_columns() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    let jsonl = wd.stdout(&["query", "--format", "jsonl", "--limit", "1"]);
    let fields = [
        "id", "doc", "title", "date", "speaker", "speaker_mention", "role", "cue", "content", "kind", "stance",
        "hedged", "topic", "content_span", "source_span", "cue_span",
    ];
    let positions: Vec<usize> = fields
        .iter()
        .map(|f| jsonl.find(&format!("\"{f}\":")).unwrap_or_else(|| panic!("no {f} in {jsonl}")))
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "fields in order: {jsonl}");
    let csv = wd.stdout(&["query", "--format", "csv"]);
    assert!(csv.starts_with("id,doc,title,date,speaker,speaker_mention,role,cue,content,kind,stance,hedged,topic,"), "{csv}");
    assert_eq!(csv.lines().count(), 4);
}

#[test]
fn table_output_fits_the_width() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    let table = wd.stdout(&["query"]);
    insta::assert_snapshot!("query_table", table);
    for line in table.lines() {
        assert!(line.chars().count() <= 100, "wider than 100: {line}");
    }
}

#[test]
fn markdown_output() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    insta::assert_snapshot!("query_markdown", wd.stdout(&["query", "--format", "markdown"]));
}

#[test]
fn query_says_when_the_limit_cut_the_list_and_limit_0_shows_all() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    let output = wd.cmd(&["query", "--limit", "2", "--format", "jsonl"]).output().unwrap();
    assert!(output.status.success());
    assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), 2);
    assert!(String::from_utf8_lossy(&output.stderr).contains("showed the first 2 statements"));
    let all = wd.cmd(&["query", "--limit", "0", "--format", "jsonl"]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&all.stdout).lines().count(), 3);
    assert!(all.stderr.is_empty());
}

#[test]
fn query_by_speaker_follows_a_merge() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    wd.add(&["--speaker", "A. Parkes", "--text", "The ferry must stay.", "--date", "2025-04-04"]);
    wd.add(&["--speaker", "Cleo Vance", "--text", "The tunnel is cheaper.", "--date", "2025-04-05"]);
    wd.stdout(&["speakers", "alias", "Cleo Vance", "Councillor Vance"]);
    wd.stdout(&["speakers", "merge", "Cleo Vance", "Ben Ortiz"]);
    // The merged speaker's name and alias now name Ben Ortiz.
    let by_old_name = wd.query_json(&["--speaker", "cleo"]);
    assert_eq!(contents(&by_old_name), vec![json!("The bridge budget is far too high."), json!("The tunnel is cheaper.")]);
    assert_eq!(column(&by_old_name, "speaker"), vec![json!("Ben Ortiz"), json!("Ben Ortiz")]);
    assert_eq!(wd.query_json(&["--speaker", "councillor vance"]).len(), 2);
    // Whole words only: "councillor v" is no word of any name.
    assert!(wd.query_json(&["--speaker", "councillor v"]).is_empty());
    // A part of one or two letters compares every name.
    assert_eq!(wd.query_json(&["--speaker", "a"]).len(), 1);
}

#[test]
fn query_by_speaker_takes_search_syntax_and_wildcards_as_text() {
    let wd = Workdir::new();
    wd.add(&["--speaker", "Ada \"Ace\" Park", "--text", "The bridge will open in May."]);
    wd.add(&["--speaker", "Ada Park", "--text", "Parking fees may rise next year."]);
    wd.add(&["--speaker", "Ben OR Lee", "--text", "The ferry must stay."]);
    assert_eq!(contents(&wd.query_json(&["--speaker", "\"ace\""])), vec![json!("The bridge will open in May.")]);
    assert_eq!(contents(&wd.query_json(&["--speaker", " OR "])), vec![json!("The ferry must stay.")]);
    assert!(wd.query_json(&["--speaker", "ada%park"]).is_empty());
    assert!(wd.query_json(&["--speaker", "ada_park"]).is_empty());
    assert_eq!(wd.query_json(&["--speaker", "ADA "]).len(), 2);
}

#[test]
fn query_by_speaker_ignores_case_and_accents_of_whole_words() {
    let wd = Workdir::new();
    wd.add(&["--speaker", "Émile Zola", "--text", "The bridge will open in May."]);
    wd.add(&["--speaker", "Zoë Ångström", "--text", "Parking fees may rise next year."]);
    for part in ["ÉMILE", "émile", "emile", "Emile Zola"] {
        assert_eq!(contents(&wd.query_json(&["--speaker", part])), vec![json!("The bridge will open in May.")], "{part}");
    }
    for part in ["ZOË", "zoe angstrom", "ÅNGSTRÖM"] {
        assert_eq!(contents(&wd.query_json(&["--speaker", part])), vec![json!("Parking fees may rise next year.")], "{part}");
    }
    assert!(wd.query_json(&["--speaker", "ZOë Å"]).is_empty(), "a part of a word is no word");
}

#[test]
fn query_by_speaker_reads_apostrophes_and_stroked_letters_as_names_do() {
    let wd = Workdir::new();
    wd.add(&["--speaker", "Siobhan O'Brien", "--text", "The harbour wall needs repair."]);
    wd.add(&["--speaker", "Søren Łasko", "--text", "The tram line should go north."]);
    wd.add(&["--speaker", "Merle Obrist", "--text", "The library stays open late."]);
    wd.stdout(&["speakers", "alias", "Søren Łasko", "Councillor D’Arcy"]);
    for part in ["obrien", "O'Brien", "o’brien", "siobhan obrien"] {
        assert_eq!(contents(&wd.query_json(&["--speaker", part])), vec![json!("The harbour wall needs repair.")], "{part}");
    }
    for part in ["soren", "SØREN ŁASKO", "lasko", "darcy", "councillor d'arcy"] {
        assert_eq!(contents(&wd.query_json(&["--speaker", part])), vec![json!("The tram line should go north.")], "{part}");
    }
    // Letters of a name are no word of it, however many names have them.
    for part in ["mer", "o", "brie", "obri"] {
        assert!(wd.query_json(&["--speaker", part]).is_empty(), "{part}");
    }
}

#[test]
fn query_by_speaker_matches_whole_words_and_speaker_id_one_record() {
    let wd = Workdir::new();
    wd.add(&["--speaker", "Paul Ryan", "--text", "The budget passes this week."]);
    wd.add(&["--speaker", "Craig Bryan", "--text", "The budget fails this week."]);
    wd.add(&["--speaker", "Hillary Clinton", "--text", "The plan is sound."]);
    wd.add(&["--speaker", "Bill Clinton", "--text", "The plan is old."]);
    assert_eq!(contents(&wd.query_json(&["--speaker", "ryan"])), vec![json!("The budget passes this week.")]);
    let clintons = wd.query_json(&["--speaker", "clinton"]);
    assert_eq!(column(&clintons, "speaker"), vec![json!("Hillary Clinton"), json!("Bill Clinton")]);
    let bill: Vec<serde_json::Value> = serde_json::from_str(&wd.stdout(&["speakers", "--search", "bill clinton", "--format", "json"])).unwrap();
    let id = bill[0]["id"].as_i64().unwrap().to_string();
    assert_eq!(contents(&wd.query_json(&["--speaker-id", &id])), vec![json!("The plan is old.")]);
    assert!(wd.query_json(&["--speaker-id", &id, "--speaker", "hillary"]).is_empty());
}

/// The ids of a query's rows, in the order listed.
fn ids(wd: &Workdir, args: &[&str]) -> Vec<i64> {
    wd.query_json(args).iter().map(|row| row["id"].as_i64().unwrap()).collect()
}

/// Four claims on one topic with one word in common, dated out of id order.
fn harbour_claims(wd: &Workdir) {
    for (text, date) in [
        ("The harbour dredging starts in June.", "2025-05-03"),
        ("The harbour dredging is overdue.", "2025-05-01"),
        ("Nobody asked about harbour dredging.", "2025-05-02"),
        ("The harbour dredging costs too much.", "2025-05-01"),
    ] {
        wd.add(&["--speaker", "Ida Holm", "--text", text, "--topic", "Harbour works", "--date", date]);
    }
}

#[test]
fn topic_and_search_list_by_date_then_id_and_stop_at_the_limit() {
    let wd = Workdir::new();
    harbour_claims(&wd);
    assert_eq!(ids(&wd, &["--topic", "harbour"]), vec![2, 4, 3, 1]);
    assert_eq!(ids(&wd, &["--search", "dredging"]), vec![2, 4, 3, 1]);
    assert_eq!(ids(&wd, &["--topic", "harbour", "--limit", "2"]), vec![2, 4]);
    assert_eq!(ids(&wd, &["--search", "dredging", "--limit", "3"]), vec![2, 4, 3]);
    assert_eq!(ids(&wd, &["--search", "dredging", "--since", "2025-05-02"]), vec![3, 1]);
    assert_eq!(ids(&wd, &["--topic", "works", "--until", "2025-05-02", "--since", "2025-05-02"]), vec![3]);
}

#[test]
fn a_statement_whose_date_is_edited_lists_in_its_new_place_under_topic_and_search() {
    let wd = Workdir::new();
    harbour_claims(&wd);
    wd.stdout(&["edit", "2", "--date", "2025-06-01"]);
    wd.stdout(&["edit", "1", "--date", "2024-12-31"]);
    assert_eq!(ids(&wd, &["--topic", "harbour"]), vec![1, 4, 3, 2]);
    assert_eq!(ids(&wd, &["--search", "dredging"]), vec![1, 4, 3, 2]);
    assert_eq!(ids(&wd, &["--search", "dredging", "--since", "2025-05-15"]), vec![2]);
    assert_eq!(ids(&wd, &["--topic", "harbour", "--until", "2025-01-01"]), vec![1]);
}

#[test]
fn a_statement_without_a_date_lists_first_under_topic_and_search_and_no_date_range_finds_it() {
    let wd = Workdir::new();
    harbour_claims(&wd);
    wd.add(&["--speaker", "Ida Holm", "--text", "Harbour dredging, some day.", "--topic", "Harbour works"]);
    assert_eq!(ids(&wd, &["--topic", "harbour"]), vec![5, 2, 4, 3, 1]);
    assert_eq!(ids(&wd, &["--search", "dredging"]), vec![5, 2, 4, 3, 1]);
    assert_eq!(ids(&wd, &["--search", "dredging", "--until", "2025-05-01"]), vec![2, 4]);
    assert_eq!(ids(&wd, &["--topic", "harbour", "--until", "2025-05-01"]), vec![2, 4]);
}

#[test]
fn a_statement_linked_to_two_matching_topics_is_listed_once() {
    let wd = Workdir::new();
    harbour_claims(&wd);
    wd.add(&["--speaker", "Ida Holm", "--text", "The harbour ferry runs late.", "--topic", "Harbour ferry", "--date", "2025-05-02"]);
    // A second link, as another tool might write it (claimdb keeps one).
    let conn = rusqlite::Connection::open(&wd.db).unwrap();
    conn.execute(
        "INSERT INTO statement_topics (statement_id, topic_id, stated_on)
         SELECT 3, id, '2025-05-02' FROM topics WHERE name = 'Harbour ferry'",
        [],
    )
    .unwrap();
    drop(conn);
    assert_eq!(ids(&wd, &["--topic", "harbour"]), vec![2, 4, 3, 5, 1]);
    assert_eq!(ids(&wd, &["--topic", "harbour", "--limit", "3"]), vec![2, 4, 3]);
}

/// The ids of the listed statements whose content, speaker or mention has
/// `word` among its words (any case): what a one-word search must list.
fn containing(rows: &[serde_json::Value], word: &str) -> Vec<i64> {
    let has = |text: &str| text.split(|c: char| !c.is_alphanumeric()).any(|w| w.eq_ignore_ascii_case(word));
    rows.iter()
        .filter(|row| ["content", "speaker", "speaker_mention"].iter().any(|field| has(row[*field].as_str().unwrap())))
        .map(|row| row["id"].as_i64().unwrap())
        .collect()
}

#[test]
fn search_follows_edits_deletes_merges_and_date_changes_word_for_word() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    harbour_claims(&wd);
    wd.stdout(&["edit", "2", "--content", "The harbour budget is far too high."]);
    wd.stdout(&["edit", "4", "--date", "2026-01-01", "--speaker", "Ben Ortiz"]);
    wd.stdout(&["edit", "5", "--content", "Dredging can wait.", "--date", "2024-01-01"]);
    wd.stdout(&["delete", "6"]);
    wd.stdout(&["speakers", "merge", "Ida Holm", "Ada Park"]);
    let all = wd.query_json(&["--limit", "0"]);
    for word in ["harbour", "dredging", "budget", "bridge", "ada", "park", "ida", "holm", "ben", "ortiz", "wait", "june"] {
        let expected = containing(&all, word);
        assert_eq!(ids(&wd, &["--search", word, "--limit", "0"]), expected, "--search {word}");
    }
}

#[test]
fn search_reextracting_a_document_twice_in_one_ingest_keeps_the_index_right() {
    let wd = Workdir::new();
    wd.write("a.txt", "Cara Lind said the ferry will keep running.\n");
    wd.write("b.txt", "Cara Lind said the ferry will keep running.\n");
    wd.stdout(&["ingest", "a.txt"]);
    wd.stdout(&["ingest", "--reextract", "a.txt", "b.txt"]);
    let all = wd.query_json(&["--limit", "0"]);
    assert!(!all.is_empty());
    for word in ["ferry", "lind", "running"] {
        assert_eq!(ids(&wd, &["--search", word, "--limit", "0"]), containing(&all, word), "--search {word}");
    }
}

#[test]
fn search_still_finds_a_statement_whose_id_is_too_big_for_a_listing_key() {
    let wd = Workdir::new();
    harbour_claims(&wd);
    let big = 1_i64 << 41;
    wd.write(
        "rows.jsonl",
        &format!(
            "{{\"id\":{big},\"speaker\":\"Ida Holm\",\"content\":\"More harbour dredging.\",\"kind\":\"direct\",\"date\":\"2025-05-02\"}}\n"
        ),
    );
    wd.stdout(&["import", "rows.jsonl"]);
    assert_eq!(ids(&wd, &["--search", "dredging"]), vec![2, 4, 3, big, 1]);
    assert_eq!(ids(&wd, &["--search", "dredging", "--limit", "2", "--since", "2025-05-02"]), vec![3, big]);
    wd.stdout(&["delete", &big.to_string()]);
    assert_eq!(ids(&wd, &["--search", "dredging"]), vec![2, 4, 3, 1]);
}

#[test]
fn many_speakers_list_a_days_statements_by_id_whoever_said_them() {
    let wd = Workdir::new();
    wd.add(&["--speaker", "Otto Berg", "--text", "The pier opens late.", "--date", "2025-06-30"]);
    wd.add(&["--speaker", "Ana Berg", "--text", "The pier opens early.", "--date", "2025-07-01"]);
    wd.add(&["--speaker", "Otto Berg", "--text", "The pier is closed.", "--date", "2025-07-01"]);
    wd.add(&["--speaker", "Ana Berg", "--text", "The pier is open.", "--date", "2025-07-02"]);
    // The date index holds 2025-07-01 as Otto Berg's (speaker 1) statement 3,
    // then Ana Berg's (speaker 2) statement 2; the listing is by id.
    assert_eq!(ids(&wd, &["--speaker", "berg"]), vec![1, 2, 3, 4]);
    assert_eq!(ids(&wd, &["--speaker", "berg", "--limit", "2"]), vec![1, 2]);
    assert_eq!(ids(&wd, &["--speaker", "berg", "--since", "2025-07-01", "--limit", "1"]), vec![2]);
}

#[test]
fn many_speakers_fill_the_page_from_the_whole_of_its_last_day() {
    let wd = Workdir::new();
    wd.add(&["--speaker", "Otto Berg", "--text", "The pier opens late.", "--date", "2025-06-30"]);
    wd.add(&["--speaker", "Zed Ross", "--text", "The pier is fine.", "--date", "2025-07-01"]);
    wd.add(&["--speaker", "Ana Berg", "--text", "The pier opens early.", "--date", "2025-07-01"]);
    wd.add(&["--speaker", "Otto Berg", "--text", "The pier is closed.", "--date", "2025-07-01"]);
    // The date index holds 2025-07-01 as statement 4 (speaker 1), 2 (speaker
    // 2, no Berg) and 3 (speaker 3): the page is full after statement 4, but
    // statement 3, further on in the same day, comes first.
    assert_eq!(ids(&wd, &["--speaker", "berg", "--limit", "2"]), vec![1, 3]);
    assert_eq!(ids(&wd, &["--speaker", "berg", "--limit", "3"]), vec![1, 3, 4]);
}

#[test]
fn query_by_speaker_does_not_run_from_a_name_into_its_alias() {
    let wd = Workdir::new();
    wd.add(&["--speaker", "Ines Varga", "--text", "The ferry timetable will change."]);
    wd.stdout(&["speakers", "alias", "Ines Varga", "Harbour Chair"]);
    assert_eq!(contents(&wd.query_json(&["--speaker", "harbour chair"])), vec![json!("The ferry timetable will change.")]);
    assert_eq!(contents(&wd.query_json(&["--speaker", "ines varga"])), vec![json!("The ferry timetable will change.")]);
    assert!(wd.query_json(&["--speaker", "varga harbour"]).is_empty(), "the last word of the name and the first of the alias");
}
