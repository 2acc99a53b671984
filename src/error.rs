use std::fmt;

/// Why no article came out. Every message is one line a person can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The input has no content at all (empty or only whitespace).
    Empty,
    /// The input is larger than `Options::max_input_bytes`.
    TooLarge { bytes: usize, limit: usize },
    /// The parsed document has more nodes than `Options::max_nodes`.
    TooManyNodes { nodes: usize, limit: usize },
    /// The page's markup makes the HTML parser do more than `Options::parse_steps_per_byte`
    /// allows (in practice: elements nested tens of thousands deep).
    TooComplex { steps: u64, limit: u64 },
    /// The page URL given in the options is not a valid absolute URL.
    BadUrl(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Empty => write!(f, "the input is empty"),
            Error::TooLarge { bytes, limit } => {
                write!(
                    f,
                    "the page is {bytes} bytes, over the limit of {limit} bytes"
                )
            }
            Error::TooManyNodes { nodes, limit } => {
                write!(
                    f,
                    "the page has over {nodes} nodes, more than the limit of {limit}"
                )
            }
            Error::TooComplex { steps, limit } => {
                write!(
                    f,
                    "the page's markup is nested too deeply to parse in bounded time \
                     ({steps} parser steps, over the limit of {limit})"
                )
            }
            Error::BadUrl(u) => write!(f, "not a valid absolute URL: {u}"),
        }
    }
}

impl std::error::Error for Error {}
