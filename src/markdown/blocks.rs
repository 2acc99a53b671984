//! Block layout: container prefixes (`> `, list-item indentation), list markers and the
//! separators between blocks.
//!
//! Separators are requested, not written, when a block or container ends; the next block
//! decides whether a single newline suffices (the next item of a tight list) or a blank line is
//! needed, and writes it with the prefixes of the containers the two blocks share. That is what
//! keeps two adjacent quotes or lists from merging into one.

/// Deeper containers are flattened into the deepest one: every output line repeats the prefix
/// of all its containers, so unbounded nesting would make the output quadratic.
pub(crate) const MAX_CONTAINERS: usize = 64;

pub(crate) struct ListState {
    ordered: bool,
    next: u64,
    tight: bool,
    marker: char,
    items: usize,
    can_interrupt: bool,
}

enum Container {
    Quote,
    List(ListState),
    Item {
        marker: String,
        width: usize,
        pending: bool,
        tight: bool,
    },
}

#[derive(Clone, Copy)]
struct Sep {
    tight_ok: bool,
    depth: usize,
}

pub(crate) struct Out {
    pub(crate) s: String,
    containers: Vec<Container>,
    sep: Option<Sep>,
    /// The list that just closed at this depth, and its marker: a list right after it needs
    /// another marker to stay a separate list.
    last_list: Option<(usize, char)>,
}

impl Out {
    pub(crate) fn new() -> Self {
        Out {
            s: String::new(),
            containers: Vec::new(),
            sep: None,
            last_list: None,
        }
    }

    fn request(&mut self, tight_ok: bool) {
        let depth = self.containers.len();
        self.sep = Some(match self.sep {
            Some(s) => Sep {
                tight_ok: s.tight_ok && tight_ok,
                depth: s.depth.min(depth),
            },
            None => Sep { tight_ok, depth },
        });
    }

    fn in_tight_item(&self) -> bool {
        matches!(
            self.containers.last(),
            Some(Container::Item { tight: true, .. })
        )
    }

    fn marker_pending(&self) -> bool {
        self.containers
            .iter()
            .any(|c| matches!(c, Container::Item { pending: true, .. }))
    }

    /// Write one block (its lines separated by `\n`) at the current position.
    pub(crate) fn block(&mut self, text: &str) {
        if let Some(sep) = self.sep.take() {
            let newline_enough = sep.tight_ok && self.marker_pending();
            if !self.s.is_empty() && !newline_enough {
                let mut prefix = String::new();
                for c in &self.containers[..sep.depth.min(self.containers.len())] {
                    push_prefix(c, &mut prefix, false);
                }
                self.s.push_str(prefix.trim_end());
                self.s.push('\n');
            }
        }
        for line in text.split('\n') {
            let mut prefix = String::new();
            for c in self.containers.iter_mut() {
                if let Container::Item { pending, .. } = c {
                    let first = *pending;
                    *pending = false;
                    push_prefix(c, &mut prefix, first);
                } else {
                    push_prefix(c, &mut prefix, false);
                }
            }
            if line.is_empty() {
                self.s.push_str(prefix.trim_end());
            } else {
                self.s.push_str(&prefix);
                self.s.push_str(line);
            }
            self.s.push('\n');
        }
        self.last_list = None;
        let t = self.in_tight_item();
        self.request(t);
    }

    pub(crate) fn push_quote(&mut self) -> bool {
        if self.containers.len() >= MAX_CONTAINERS {
            return false;
        }
        self.request(false);
        self.containers.push(Container::Quote);
        true
    }

    pub(crate) fn pop_quote(&mut self) {
        self.containers.pop();
        self.request(false);
    }

    pub(crate) fn push_list(&mut self, ordered: bool, start: u64, tight: bool) -> bool {
        if self.containers.len() >= MAX_CONTAINERS.saturating_sub(1) {
            return false;
        }
        let depth = self.containers.len();
        let mut marker = if ordered { '.' } else { '-' };
        if let Some((d, m)) = self.last_list {
            if d == depth && m == marker {
                marker = if ordered { ')' } else { '*' };
                self.request(false);
            }
        }
        self.containers.push(Container::List(ListState {
            ordered,
            next: start,
            tight,
            marker,
            items: 0,
            can_interrupt: !ordered || start == 1,
        }));
        true
    }

    pub(crate) fn pop_list(&mut self) {
        if let Some(Container::List(l)) = self.containers.pop() {
            let t = self.in_tight_item();
            self.request(t);
            self.last_list = Some((self.containers.len(), l.marker));
        }
    }

    /// Is the innermost container a list (so an `<li>` is one of its items)?
    pub(crate) fn in_list(&self) -> bool {
        matches!(self.containers.last(), Some(Container::List(_)))
    }

    pub(crate) fn push_item(&mut self) {
        let Some(Container::List(l)) = self.containers.last_mut() else {
            return;
        };
        l.items += 1;
        let marker = if l.ordered {
            let m = format!("{}{} ", l.next, l.marker);
            l.next = (l.next + 1).min(999_999_999);
            m
        } else {
            format!("{} ", l.marker)
        };
        let tight = l.tight;
        let tight_ok = tight && (l.items > 1 || l.can_interrupt);
        self.request(tight_ok);
        self.containers.push(Container::Item {
            width: marker.len(),
            marker,
            pending: true,
            tight,
        });
    }

    /// A footnote definition: `[^label]: ` then four-space continuation lines.
    pub(crate) fn push_definition(&mut self, label: &str) {
        self.request(false);
        self.containers.push(Container::Item {
            marker: format!("[^{label}]: "),
            width: 4,
            pending: true,
            tight: false,
        });
    }

    pub(crate) fn pop_item(&mut self) {
        if let Some(Container::Item { pending: true, .. }) = self.containers.last() {
            // An empty item still counts (and keeps the numbering).
            self.block("");
        }
        if let Some(Container::Item { tight, .. }) = self.containers.pop() {
            self.request(tight);
        }
    }

    pub(crate) fn finish(mut self) -> String {
        let end = self.s.trim_end().len();
        self.s.truncate(end);
        if !self.s.is_empty() {
            self.s.push('\n');
        }
        self.s
    }
}

fn push_prefix(c: &Container, prefix: &mut String, first: bool) {
    match c {
        Container::Quote => prefix.push_str("> "),
        Container::List(_) => {}
        Container::Item { marker, width, .. } => {
            if first {
                prefix.push_str(marker);
            } else {
                prefix.extend(std::iter::repeat_n(' ', *width));
            }
        }
    }
}
