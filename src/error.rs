//! One error type for the library, with messages written for the person at
//! the terminal: each names the thing (file, line, id) and what is wrong.

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {message}")]
    Input { path: String, message: String },

    #[error("{path}:{line}: {message}")]
    InputLine { path: String, line: usize, message: String },

    // The io error is part of the message, not a `source`: main prints the
    // whole chain, which would say it twice.
    #[error("{path}: {cause}")]
    Io { path: PathBuf, cause: std::io::Error },

    #[error("database {path}: {message}")]
    Database { path: PathBuf, message: String },

    #[error("no statement with id {0}")]
    NoStatement(i64),

    #[error("{0}")]
    Invalid(String),

    /// The user pressed Ctrl-C; what came before was written.
    #[error("interrupted")]
    Interrupted,

    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { path: path.into(), cause: source }
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Error::Invalid(message.into())
    }
}
