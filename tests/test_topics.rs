mod common;

use common::{column, Workdir};
use serde_json::{json, Value};

/// An extracted statement (what ingest would store) as one import line.
fn extracted(speaker: &str, content: &str, stance: &str, date: &str) -> String {
    json!({
        "speaker": speaker, "cue": "said", "content": content, "kind": "indirect",
        "stance": stance, "date": date, "origin": "extracted", "doc": "talks.txt",
    })
    .to_string()
}

fn import_extracted(wd: &Workdir, lines: &[String]) {
    let file = wd.write("statements.jsonl", &(lines.join("\n") + "\n"));
    wd.stdout(&["import", file.to_str().unwrap()]);
}

fn topics_json(wd: &Workdir) -> Vec<Value> {
    serde_json::from_str(&wd.stdout(&["topics", "list", "--format", "json"])).unwrap()
}

#[test]
fn topics_add_then_list_with_keywords_and_counts() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    let out = wd.stdout(&["topics", "add", "territory", "--keywords", "territory, Donetsk, Luhansk, cede"]);
    assert!(out.starts_with("added topic 'territory' (4 keywords)"), "{out}");
    let topics = topics_json(&wd);
    // Topics given by hand with `add --topic` are defined too (without keywords).
    assert_eq!(column(&topics, "name"), vec![json!("Harbor bridge"), json!("Parking"), json!("territory")]);
    assert_eq!(topics[2]["keywords"], json!(["territory", "Donetsk", "Luhansk", "cede"]));
    assert_eq!(column(&topics, "statements"), vec![json!(2), json!(1), json!(0)]);
}

#[test]
fn topics_add_again_replaces_the_keywords() {
    let wd = Workdir::new();
    wd.stdout(&["topics", "add", "tax", "--keywords", "tax"]);
    let out = wd.stdout(&["topics", "add", "TAX", "--keywords", "tax, levy"]);
    assert!(out.starts_with("updated topic 'TAX' (2 keywords)"), "{out}");
    let topics = topics_json(&wd);
    assert_eq!(topics.len(), 1);
    assert_eq!(topics[0]["keywords"], json!(["tax", "levy"]));
}

#[test]
fn topics_add_without_keywords_is_an_error() {
    let wd = Workdir::new();
    let err = wd.error(&["topics", "add", "tax", "--keywords", " , "]);
    assert_eq!(err.trim(), "claimdb: topic 'tax': --keywords has no keyword (give a comma-separated list)");
}

#[test]
fn topics_remove_untags_its_statements() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    let out = wd.stdout(&["topics", "remove", "harbor BRIDGE"]);
    assert_eq!(out.trim(), "removed topic 'Harbor bridge' (2 statements untagged)");
    assert_eq!(column(&topics_json(&wd), "name"), vec![json!("Parking")]);
    assert_eq!(column(&wd.query_json(&[]), "topic"), vec![Value::Null, Value::Null, json!("Parking")]);
    assert_eq!(wd.error(&["topics", "remove", "bridge"]).trim(), "claimdb: no topic named 'bridge'");
}

#[test]
fn topics_apply_retags_extracted_statements_and_keeps_manual_ones() {
    let wd = Workdir::new();
    import_extracted(
        &wd,
        &[
            extracted("Ann Lee", "Kyiv will never cede Donetsk", "oppose", "2025-08-18"),
            extracted("Ann Lee", "the ceasefire must hold", "support", "2025-08-19"),
        ],
    );
    let manual = wd.add(&["--speaker", "Bo Chan", "--text", "Luhansk is not for sale", "--topic", "Borders"]);
    wd.stdout(&["topics", "add", "territory", "--keywords", "territory, Donetsk, Luhansk, cede"]);
    let out = wd.stdout(&["topics", "apply"]);
    assert_eq!(
        out.trim(),
        "re-tagged 2 of 2 extracted statements (1 manual or edited kept, 0 unused automatic topics removed)"
    );
    let mut rows = wd.query_json(&[]);
    rows.sort_by_key(|r| r["id"].as_i64());
    assert_eq!(column(&rows, "topic"), vec![json!("territory"), json!("ceasefire"), json!("Borders")]);
    assert_eq!(rows[2]["id"], json!(manual));
    let topics = topics_json(&wd);
    let ceasefire = topics.iter().find(|t| t["name"] == "ceasefire").unwrap();
    assert_eq!(ceasefire["automatic"], json!(true), "a candidate topic is marked automatic");
    // Nothing changed since: applying again changes nothing.
    let again = wd.stdout(&["topics", "apply"]);
    assert!(again.starts_with("re-tagged 0 of 2"), "{again}");
}

#[test]
fn topics_apply_removes_automatic_topics_nothing_uses() {
    let wd = Workdir::new();
    import_extracted(&wd, &[extracted("Ann Lee", "the ceasefire must hold", "support", "2025-08-19")]);
    wd.stdout(&["topics", "apply"]);
    assert_eq!(column(&topics_json(&wd), "name"), vec![json!("ceasefire")]);
    wd.stdout(&["topics", "add", "war and peace", "--keywords", "ceasefire, truce"]);
    let out = wd.stdout(&["topics", "apply"]);
    assert!(out.contains("1 unused automatic topics removed"), "{out}");
    assert_eq!(column(&topics_json(&wd), "name"), vec![json!("war and peace")]);
}

#[test]
fn topics_apply_leaves_an_edited_statement_alone() {
    let wd = Workdir::new();
    import_extracted(&wd, &[extracted("Ann Lee", "Kyiv will never cede Donetsk", "oppose", "2025-08-18")]);
    wd.stdout(&["edit", "1", "--topic", "Sovereignty"]);
    wd.stdout(&["topics", "add", "territory", "--keywords", "Donetsk"]);
    let out = wd.stdout(&["topics", "apply"]);
    assert!(out.starts_with("re-tagged 0 of 0 extracted statements (1 manual or edited kept"), "{out}");
    assert_eq!(column(&wd.query_json(&[]), "topic"), vec![json!("Sovereignty")]);
}

#[test]
fn topics_load_reads_a_file_of_names_and_keywords() {
    let wd = Workdir::new();
    let file = wd.write("topics.txt", "# our beats\nterritory: territory, Donetsk\nceasefire\tceasefire, truce\n");
    let out = wd.stdout(&["topics", "load", file.to_str().unwrap()]);
    assert!(out.starts_with("2 topics added, 0 updated from "), "{out}");
    assert_eq!(column(&topics_json(&wd), "name"), vec![json!("territory"), json!("ceasefire")]);
}

#[test]
fn topics_load_names_the_file_and_line_and_stores_nothing_on_error() {
    let wd = Workdir::new();
    wd.stdout(&["init"]);
    let file = wd.write("topics.txt", "territory: territory\nceasefire\n");
    let err = wd.error(&["topics", "load", file.to_str().unwrap()]);
    assert!(err.trim().ends_with("topics.txt:2: expected `name: keyword, keyword` (or name, a tab, keywords), found 'ceasefire'"), "{err}");
    assert!(topics_json(&wd).is_empty());
}

#[test]
fn topics_list_prints_every_format() {
    let wd = Workdir::new();
    wd.stdout(&["topics", "add", "territory", "--keywords", "Donetsk, cede"]);
    assert_eq!(
        wd.stdout(&["topics", "--format", "csv"]),
        "id,name,keywords,automatic,statements\n1,territory,\"Donetsk, cede\",false,0\n"
    );
    assert_eq!(
        wd.stdout(&["topics", "list", "--format", "jsonl"]),
        "{\"id\":1,\"name\":\"territory\",\"keywords\":[\"Donetsk\",\"cede\"],\"automatic\":false,\"statements\":0}\n"
    );
    let markdown = wd.stdout(&["topics", "--format", "markdown"]);
    assert!(markdown.contains("| 1 | territory | Donetsk, cede | false | 0 |"), "{markdown}");
    let table = wd.stdout(&["topics"]);
    assert!(table.contains("territory") && table.contains("Donetsk, cede"), "{table}");
}

/// The topic each statement shows (statements by date, which for
/// `add_sample_claims` is by id). `query` and `export` read it off the
/// statement row, where triggers keep it: both must show what the topic
/// links themselves say (the linked topic with the lowest id).
fn shown_topics(wd: &Workdir) -> Vec<Value> {
    let listing = wd.query_json(&["--limit", "0"]);
    let listed = column(&listing, "topic");
    let exported: Vec<Value> = wd
        .stdout(&["export", "--format", "jsonl"])
        .lines()
        .map(|line| serde_json::from_str::<Value>(line).unwrap()["topic"].clone())
        .collect();
    assert_eq!(listed, exported, "query and export show the same topics");
    let conn = rusqlite::Connection::open(&wd.db).unwrap();
    let from_links: Vec<Value> = column(&listing, "id")
        .iter()
        .map(|id| {
            let name: Option<String> = conn
                .query_row(
                    "SELECT (SELECT t.name FROM statement_topics st JOIN topics t ON t.id = st.topic_id
                             WHERE st.statement_id = ?1 ORDER BY st.topic_id LIMIT 1)",
                    [id.as_i64().unwrap()],
                    |r| r.get(0),
                )
                .unwrap();
            name.map_or(Value::Null, Value::from)
        })
        .collect();
    assert_eq!(listed, from_links, "the topics shown are those the links give");
    listed
}

/// Change the database as another tool (sqlite3, Datasette) might.
fn write_sql(wd: &Workdir, sql: &str) {
    let conn = rusqlite::Connection::open(&wd.db).unwrap();
    conn.execute_batch(&format!("PRAGMA foreign_keys = ON; {sql}")).unwrap();
}

#[test]
fn a_statement_shows_its_first_linked_topic_as_links_come_and_go() {
    let wd = Workdir::new();
    wd.add_sample_claims(); // topics 1 Harbor bridge (statements 1, 2), 2 Parking (3)
    let (bridge, parking) = (json!("Harbor bridge"), json!("Parking"));
    assert_eq!(shown_topics(&wd), vec![bridge.clone(), bridge.clone(), parking.clone()]);
    write_sql(&wd, "INSERT INTO statement_topics (statement_id, topic_id) VALUES (3, 1)");
    assert_eq!(shown_topics(&wd), vec![bridge.clone(), bridge.clone(), bridge.clone()], "a lower topic id comes first");
    write_sql(&wd, "INSERT INTO statement_topics (statement_id, topic_id) VALUES (1, 2)");
    assert_eq!(shown_topics(&wd), vec![bridge.clone(), bridge.clone(), bridge.clone()], "a higher one does not");
    write_sql(&wd, "DELETE FROM statement_topics WHERE statement_id = 3 AND topic_id = 1");
    assert_eq!(shown_topics(&wd), vec![bridge.clone(), bridge.clone(), parking.clone()]);
    write_sql(&wd, "DELETE FROM statement_topics WHERE statement_id = 3");
    assert_eq!(shown_topics(&wd), vec![bridge.clone(), bridge, Value::Null]);
}

#[test]
fn removing_a_topic_shows_each_statements_next_topic() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    write_sql(&wd, "INSERT INTO statement_topics (statement_id, topic_id) VALUES (3, 1)");
    wd.stdout(&["topics", "remove", "harbor bridge"]);
    assert_eq!(shown_topics(&wd), vec![Value::Null, Value::Null, json!("Parking")]);
    // Deleting the topic row itself drops its links (ON DELETE CASCADE).
    write_sql(&wd, "DELETE FROM topics WHERE name = 'Parking'");
    assert_eq!(shown_topics(&wd), vec![Value::Null, Value::Null, Value::Null]);
}

#[test]
fn merging_or_renaming_topics_shows_the_topic_the_links_now_name() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    write_sql(&wd, "UPDATE statement_topics SET topic_id = 2 WHERE topic_id = 1; DELETE FROM topics WHERE id = 1;");
    assert_eq!(shown_topics(&wd), vec![json!("Parking"); 3]);
    write_sql(&wd, "UPDATE topics SET name = 'Car parks' WHERE id = 2");
    assert_eq!(shown_topics(&wd), vec![json!("Car parks"); 3]);
    wd.stdout(&["topics", "add", "Ferry", "--keywords", "ferry"]);
    write_sql(&wd, "UPDATE statement_topics SET topic_id = 3 WHERE statement_id = 2");
    assert_eq!(shown_topics(&wd), vec![json!("Car parks"), json!("Ferry"), json!("Car parks")]);
}

#[test]
fn editing_a_statements_topic_shows_the_new_one_and_a_new_statement_its_own() {
    let wd = Workdir::new();
    wd.add_sample_claims();
    wd.stdout(&["edit", "1", "--topic", "Ferry"]);
    let id = wd.add(&["--speaker", "Ben Ortiz", "--text", "Fares stay as they are.", "--topic", "Parking", "--date", "2025-04-04"]);
    assert_eq!(id, 4);
    assert_eq!(shown_topics(&wd), vec![json!("Ferry"), json!("Harbor bridge"), json!("Parking"), json!("Parking")]);
}

/// Statements in six documents: a tunnel toll argued over in three, the
/// weather mentioned in all six.
fn tunnel_corpus(wd: &Workdir) {
    let mut lines = Vec::new();
    for (i, doc) in ["a", "b", "c", "d", "e", "f"].iter().enumerate() {
        let mut weather: Value = serde_json::from_str(&extracted("Ana Ruiz", "the weather stayed mild all week", "neutral", "2024-03-01")).unwrap();
        weather["doc"] = json!(format!("{doc}.txt"));
        lines.push(weather.to_string());
        if i < 3 {
            let said = ["the harbour tunnel toll is far too high", "fix the harbour tunnel now", "the harbour tunnel leaks again"][i];
            let mut toll: Value = serde_json::from_str(&extracted("Ben Okoro", said, "oppose", "2024-03-02")).unwrap();
            toll["doc"] = json!(format!("{doc}.txt"));
            lines.push(toll.to_string());
        }
    }
    import_extracted(wd, &lines);
}

#[test]
fn topics_suggest_lists_recurring_phrases_but_not_what_every_document_says() {
    let wd = Workdir::new();
    tunnel_corpus(&wd);
    let rows: Vec<Value> = serde_json::from_str(&wd.stdout(&["topics", "suggest", "--format", "json"])).unwrap();
    let tunnel = rows.iter().find(|r| r["name"] == "harbour tunnel").unwrap_or_else(|| panic!("{rows:#?}"));
    assert_eq!(tunnel["statements"], json!(3));
    assert_eq!(tunnel["documents"], json!(3));
    assert!(rows.iter().all(|r| !r["name"].as_str().unwrap().contains("weather")), "{rows:#?}");
    assert!(topics_json(&wd).iter().all(|t| t["name"] != "harbour tunnel"), "suggest alone defines nothing");
}

#[test]
fn topics_suggest_apply_defines_the_topics_and_tags_the_statements() {
    let wd = Workdir::new();
    tunnel_corpus(&wd);
    wd.stdout(&["topics", "suggest", "--apply"]);
    let topics = topics_json(&wd);
    let tunnel = topics.iter().find(|t| t["name"] == "harbour tunnel").unwrap_or_else(|| panic!("{topics:#?}"));
    assert_eq!(tunnel["automatic"], json!(false));
    assert_eq!(tunnel["statements"], json!(3));
}

#[test]
fn topics_suggest_rejects_a_zero_limit_as_a_usage_error() {
    let wd = Workdir::new();
    tunnel_corpus(&wd);
    let out = wd.cmd(&["topics", "suggest", "--limit", "0"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// An article quoting `speaker` `times` times (at most five), in their own words.
fn ferry_article(wd: &Workdir, file: &str, date: &str, speaker: &str, times: usize) -> String {
    let said = [
        "the new ferry route would open in June",
        "the fares would stay low for commuters",
        "two new boats had been ordered",
        "the old pier would be rebuilt by autumn",
        "night crossings would start next year",
    ];
    let body: Vec<String> = said[..times].iter().map(|s| format!("Mayor {speaker} said on Tuesday that {s}.")).collect();
    let text = format!("---\ntitle: Ferry route to open in June\ndate: {date}\n---\n{}\n", body.join(" "));
    wd.write(file, &text).to_str().unwrap().to_string()
}

/// An article where a critic names the mayor by surname alone.
fn critic_article(wd: &Workdir) -> String {
    let text = "---\ntitle: Council fights over ferry delays\ndate: 2024-05-09\n---\n\
                Senator Ivo Marsh criticized Mrs. Brandt for the late ferry timetable. \
                \"Mrs. Brandt has broken every promise she made to this harbour,\" Marsh said on Monday.\n";
    wd.write("critic.txt", text).to_str().unwrap().to_string()
}

fn topic_counts(wd: &Workdir) -> Vec<(String, i64)> {
    topics_json(wd).iter().map(|t| (t["name"].as_str().unwrap().to_string(), t["statements"].as_i64().unwrap())).collect()
}

#[test]
fn a_surname_topic_joins_the_one_person_of_that_name() {
    let wd = Workdir::new();
    let mayor = ferry_article(&wd, "mayor.txt", "2024-05-01", "Olga Brandt", 5);
    let critic = critic_article(&wd);
    wd.stdout(&["ingest", &mayor, &critic]);
    let topics = topic_counts(&wd);
    assert!(topics.contains(&("Olga Brandt".to_string(), 2)), "{topics:?}");
    assert!(topics.iter().all(|(name, _)| name != "Brandt"), "{topics:?}");
    let rows = wd.query_json(&["--topic", "Olga Brandt"]);
    assert!(rows.iter().all(|r| r["speaker"] == "Ivo Marsh"), "{rows:#?}");
}

#[test]
fn a_full_name_with_a_middle_initial_joins_the_persons_topic() {
    let wd = Workdir::new();
    let mayor = ferry_article(&wd, "mayor.txt", "2024-05-01", "Olga Brandt", 5);
    let text = "---\ntitle: Council fights over ferry delays\ndate: 2024-05-09\n---\n\
                Senator Ivo Marsh criticized Olga T. Brandt over the late ferry timetable. \
                \"Brandt has broken every promise she made to this harbour,\" Marsh said on Monday.\n";
    let critic = wd.write("critic.txt", text).to_str().unwrap().to_string();
    wd.stdout(&["ingest", &mayor, &critic]);
    let topics = topic_counts(&wd);
    assert!(topics.contains(&("Olga Brandt".to_string(), 2)), "{topics:?}");
    assert!(topics.iter().all(|(name, _)| name != "Olga T. Brandt"), "{topics:?}");
}

#[test]
fn a_surname_topic_two_people_share_stays_apart() {
    let wd = Workdir::new();
    let olga = ferry_article(&wd, "olga.txt", "2024-05-01", "Olga Brandt", 5);
    let piet = ferry_article(&wd, "piet.txt", "2024-05-02", "Piet Brandt", 5);
    let critic = critic_article(&wd);
    wd.stdout(&["ingest", &olga, &piet, &critic]);
    let topics = topic_counts(&wd);
    assert!(topics.contains(&("Brandt".to_string(), 2)), "{topics:?}");
    assert!(topics.iter().all(|(name, _)| !name.ends_with(" Brandt")), "{topics:?}");
}

#[test]
fn a_surname_topic_stays_when_its_bearer_is_seldom_quoted() {
    let wd = Workdir::new();
    let mayor = ferry_article(&wd, "mayor.txt", "2024-05-01", "Olga Brandt", 2);
    let critic = critic_article(&wd);
    wd.stdout(&["ingest", &mayor, &critic]);
    let topics = topic_counts(&wd);
    assert!(topics.contains(&("Brandt".to_string(), 2)), "{topics:?}");
}

#[test]
fn a_statement_that_names_nothing_is_filed_under_the_articles_main_topic() {
    let wd = Workdir::new();
    let text = "The carbon tax divided the council on Monday. Mayor Okafor said the carbon tax \
                would hurt farmers. Councillor Mbeki said the carbon tax was overdue. \
                Asked again, Okafor said: \"So far so good.\"\n";
    let file = wd.write("council.txt", text);
    let out = wd.stdout(&["extract", "--format", "jsonl", file.to_str().unwrap()]);
    let rows: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let so_far = rows.iter().find(|r| r["content"].as_str().unwrap().contains("So far")).expect("the last statement");
    assert_eq!(so_far["topic"], json!("carbon tax"));
}

#[test]
fn topics_apply_keeps_an_automatic_topic_chosen_from_the_whole_article() {
    let wd = Workdir::new();
    let text = "The carbon tax divided the council on Monday. Mayor Okafor said the carbon tax \
                would hurt farmers. Councillor Mbeki said the carbon tax was overdue. \
                Asked again, Okafor said: \"So far so good.\"\n";
    let file = wd.write("council.txt", text);
    wd.stdout(&["ingest", file.to_str().unwrap()]);
    let before = column(&wd.query_json(&[]), "topic");
    assert!(before.iter().all(|t| t == &json!("carbon tax")), "{before:?}");
    wd.stdout(&["topics", "add", "farming", "--keywords", "farmers"]);
    wd.stdout(&["topics", "apply"]);
    let mut rows = wd.query_json(&[]);
    rows.sort_by_key(|r| r["id"].as_i64());
    let topics = column(&rows, "topic");
    assert_eq!(topics.iter().filter(|t| **t == json!("farming")).count(), 1, "{topics:?}");
    assert_eq!(topics.iter().filter(|t| **t == json!("carbon tax")).count(), topics.len() - 1, "{topics:?}");
}

/// An extracted statement with the automatic topic extraction gave it.
fn extracted_on(topic: &str, content: &str) -> String {
    json!({
        "speaker": "Ann Lee", "cue": "said", "content": content, "kind": "indirect", "stance": "neutral",
        "date": "2025-08-19", "origin": "extracted", "doc": "harbour.txt", "topic": topic,
    })
    .to_string()
}

#[test]
fn a_topic_said_once_folds_into_the_recurring_topic_it_narrows() {
    let wd = Workdir::new();
    import_extracted(
        &wd,
        &[
            extracted_on("tax", "the tax pays for the pier"),
            extracted_on("tax", "the tax is too high"),
            extracted_on("harbour tax burden", "the harbour tax burden falls on crews"),
            extracted_on("New York", "New York sends the most ferries"),
            extracted_on("New York", "New York ordered two boats"),
            extracted_on("New York Times", "the New York Times got it wrong"),
            extracted_on("Britain", "Britain builds the boats"),
            extracted_on("Britain", "Britain sells the engines"),
            extracted_on("Britain's ferry fleet", "Britain's ferry fleet is old"),
            extracted_on("Fed", "the Fed raised rates"),
            extracted_on("Fed", "the Fed will act"),
            extracted_on("pretty fed", "crews are pretty fed up"),
        ],
    );
    wd.stdout(&["topics", "apply"]);
    let topics = topic_counts(&wd);
    // A common-noun phrase said once joins the topic it narrows ...
    assert!(topics.contains(&("tax".to_string(), 3)), "{topics:?}");
    assert!(topics.iter().all(|(name, _)| name != "harbour tax burden"), "{topics:?}");
    // ... but a name of its own, an owner's thing and a word written
    // otherwise stay apart.
    for kept in ["New York Times", "Britain's ferry fleet", "pretty fed"] {
        assert!(topics.contains(&(kept.to_string(), 1)), "{kept}: {topics:?}");
    }
    assert!(topics.contains(&("Fed".to_string(), 2)), "{topics:?}");
}

#[test]
fn a_given_name_or_an_owner_said_once_joins_the_persons_topic() {
    let wd = Workdir::new();
    let mut lines: Vec<String> = (0..5).map(|_| extracted_on("Olga Brandt", "Olga Brandt opened the pier")).collect();
    lines.push(extracted_on("Brandt's pier plan", "Brandt's pier plan costs too much"));
    lines.push(extracted_on("Olga", "Olga knows the harbour"));
    lines.push(extracted_on("Olga", "Olga will win"));
    lines.push(extracted_on("Mbeki's pier plan", "Mbeki's pier plan costs less"));
    import_extracted(&wd, &lines);
    wd.stdout(&["topics", "apply"]);
    let topics = topic_counts(&wd);
    assert!(topics.contains(&("Olga Brandt".to_string(), 8)), "{topics:?}");
    // An owner no person topic is named by keeps the topic.
    assert!(topics.contains(&("Mbeki's pier plan".to_string(), 1)), "{topics:?}");
}

#[test]
fn of_two_topics_said_once_the_narrower_joins_the_other() {
    let wd = Workdir::new();
    import_extracted(
        &wd,
        &[
            extracted_on("mass shooting", "the mass shooting shocked the town"),
            extracted_on("shooting", "the shooting was avoidable"),
            extracted_on("pier repair", "the pier repair is late"),
        ],
    );
    wd.stdout(&["topics", "apply"]);
    let topics = topic_counts(&wd);
    assert!(topics.contains(&("shooting".to_string(), 2)), "{topics:?}");
    assert!(topics.contains(&("pier repair".to_string(), 1)), "{topics:?}");
    assert!(topics.iter().all(|(name, _)| name != "mass shooting"), "{topics:?}");
}

#[test]
fn an_automatic_topic_seen_capitalised_takes_the_lower_case_of_a_common_noun() {
    let wd = Workdir::new();
    import_extracted(
        &wd,
        &[
            extracted_on("Ferry Fares", "Ferry fares rose again"),
            extracted_on("ferry fares", "the ferry fares are too high"),
            extracted_on("ferry fares", "ferry fares hurt commuters"),
            extracted_on("ANZ", "ANZ lent the money"),
            extracted_on("anz", "the anz loan is due"),
        ],
    );
    let topics = topic_counts(&wd);
    assert!(topics.contains(&("ferry fares".to_string(), 3)), "{topics:?}");
    // A name in capitals keeps them.
    assert!(topics.contains(&("ANZ".to_string(), 2)), "{topics:?}");
}

#[test]
fn topics_list_shows_defined_topics_first_then_the_largest_automatic_ones() {
    let wd = Workdir::new();
    import_extracted(
        &wd,
        &[
            extracted_on("pier", "the pier is too short"),
            extracted_on("ferry fares", "ferry fares must fall"),
            extracted_on("ferry fares", "ferry fares are too high"),
            extracted_on("ferry fares", "ferry fares pay for nothing"),
            extracted_on("lighthouse", "the lighthouse needs paint"),
            extracted_on("lighthouse", "the lighthouse stays open"),
        ],
    );
    wd.stdout(&["topics", "add", "weather", "--keywords", "storm, fog"]);
    let names: Vec<String> = topic_counts(&wd).into_iter().map(|(name, _)| name).collect();
    assert_eq!(names, ["weather", "ferry fares", "lighthouse", "pier"]);
}
