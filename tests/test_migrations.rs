//! A database made by any older claimdb, once opened by this one, has the
//! same schema as a new database: the same tables, columns, constraints,
//! indexes, triggers and views. `tests/fixtures/schemas/vN.sql` is
//! `schema.sql` as released at schema version N.

mod common;

use common::Workdir;
use rusqlite::Connection;
use std::path::Path;

/// Every schema object as `(type, name, sql)`, the SQL with comments and
/// layout taken out: `ALTER TABLE ... ADD COLUMN` stores the new column's
/// text where the old definition ended, and that placement means nothing.
fn schema_of(db: &Path) -> Vec<(String, String, String)> {
    let conn = Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT type, name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name")
        .unwrap();
    let rows = stmt
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, normalize(&row.get::<_, String>(2)?))))
        .unwrap();
    rows.map(Result::unwrap).collect()
}

fn normalize(sql: &str) -> String {
    let without_comments: Vec<&str> = sql.lines().map(|line| line.split("--").next().unwrap()).collect();
    let words = without_comments.join(" ");
    let mut out = String::new();
    for word in words.split_whitespace() {
        let joins = out.ends_with(['(', ',']) || word.starts_with([')', ',']);
        if !out.is_empty() && !joins {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn old_database(wd: &Workdir, version: u32) -> std::path::PathBuf {
    let schema = std::fs::read_to_string(format!("tests/fixtures/schemas/v{version}.sql")).unwrap();
    let db = wd.path(&format!("v{version}.db"));
    let conn = Connection::open(&db).unwrap();
    conn.execute_batch(&schema).unwrap();
    conn.pragma_update(None, "user_version", version).unwrap();
    db
}

#[test]
fn a_database_of_every_older_version_migrates_to_the_schema_of_a_new_one() {
    let wd = Workdir::new();
    wd.cmd(&["init"]).assert().success();
    let fresh = schema_of(&wd.db);
    for version in 1..=6 {
        let db = old_database(&wd, version);
        wd.cmd_on(&db, &["init"]).assert().success();
        let migrated = schema_of(&db);
        for (object, expected) in migrated.iter().zip(&fresh) {
            assert_eq!(object, expected, "version {version} migrated differs from a new database");
        }
        assert_eq!(migrated.len(), fresh.len(), "version {version}: number of schema objects");
    }
}

#[test]
fn the_normalized_schema_ignores_layout_and_comments_only() {
    assert_eq!(
        normalize("CREATE TABLE t (\n  a INT, -- why\n  b TEXT\n, c INT)"),
        normalize("CREATE TABLE t (a INT,\n b TEXT, c INT -- note\n)")
    );
    assert_ne!(normalize("CHECK (k IN ('a', 'b'))"), normalize("CHECK (k = 'a' OR k = 'b')"));
}
