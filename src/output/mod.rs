//! Formatting rows for people and programs. Every listing command takes the
//! same `--format`; this module never reads or writes the database.

use clap::ValueEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// A table that fits the terminal.
    #[default]
    Table,
    Csv,
    /// One JSON array of objects.
    Json,
    /// One JSON object per line.
    Jsonl,
    Markdown,
}
