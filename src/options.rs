//! What the caller tells the extractor. The library reads no clock and no file: `now` and the
//! page URL come from here, so the same input always gives the same output.

use chrono::{DateTime, Utc};

/// Default cap on input size: larger than any real article page, small enough to stay
/// responsive in a browser tab.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;
/// Default cap on parsed nodes (elements, text and comments).
pub const DEFAULT_MAX_NODES: usize = 4_000_000;

#[derive(Debug, Clone)]
pub struct Options {
    /// The page's address: resolves relative links and is itself evidence of the date.
    pub url: Option<String>,
    /// The caller's clock: resolves "3 hours ago" and rejects dates in the future.
    pub now: Option<DateTime<Utc>>,
    /// Attribute the browser pre-pass sets on elements it computed as invisible.
    pub hidden_attribute: Option<String>,
    /// Put YAML front matter in front of `Article::markdown`.
    pub front_matter: bool,
    pub max_input_bytes: usize,
    pub max_nodes: usize,
    /// Cap on the HTML parser's work, in steps per input byte (see [`crate::limits`]): keeps
    /// parse time linear on hostile nesting. Real pages need under 1.
    pub parse_steps_per_byte: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            url: None,
            now: None,
            hidden_attribute: Some("data-cleanview-hidden".to_string()),
            front_matter: false,
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            max_nodes: DEFAULT_MAX_NODES,
            parse_steps_per_byte: crate::limits::DEFAULT_PARSE_STEPS_PER_BYTE,
        }
    }
}
