//! All SQL lives here: open + migrate, documents, statements, speakers, topics.
