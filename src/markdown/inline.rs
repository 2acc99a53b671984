//! The inline content of one leaf block (a paragraph, a heading or a table cell).
//!
//! Formatting spans are opened lazily, when their first visible content arrives, and closed
//! with the whitespace that preceded the close left outside: `<em> a </em>` becomes ` *a* `,
//! never `* a *` (which CommonMark would print as asterisks). Doing it in one pass with a stack
//! keeps the writer linear even for 100,000 nested spans.

use super::escape::{self, is_punct};

/// How a line break inside the leaf is written.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Mode {
    /// Backslash-newline, a hard break.
    Para,
    /// Headings are one line: a break becomes a space.
    Heading,
    /// GFM cells are one line: a break becomes `<br>`.
    Cell,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Span {
    Em,
    Strong,
    Del,
    Sup,
    Sub,
    Link,
}

impl Span {
    fn index(self) -> usize {
        self as usize
    }

    /// Markdown delimiter, or `None` when only raw HTML can express the span.
    fn delim(self) -> Option<&'static str> {
        match self {
            Span::Em => Some("*"),
            Span::Strong => Some("**"),
            Span::Del => Some("~~"),
            _ => None,
        }
    }

    fn tag(self) -> &'static str {
        match self {
            Span::Em => "em",
            Span::Strong => "strong",
            Span::Del => "del",
            Span::Sup => "sup",
            Span::Sub => "sub",
            Span::Link => "a",
        }
    }
}

struct Frame {
    span: Span,
    /// Nested inside a span of the same kind: `*` inside `*` would read as `**`.
    suppressed: bool,
    open_pos: usize,
    html: bool,
    href: String,
    title: Option<String>,
    /// The link's text as the reader sees it, to detect autolinks.
    raw: String,
    plain: bool,
}

/// A closer written after punctuation: if a letter follows it directly, CommonMark would not
/// see it as closing, so both delimiters are then rewritten as HTML tags.
struct Check {
    span: Span,
    open_pos: usize,
    close_pos: usize,
}

struct LastClose {
    span: Span,
    depth: usize,
    open_pos: usize,
    close_pos: usize,
}

pub(crate) struct Inline {
    buf: String,
    frames: Vec<Frame>,
    opened: usize,
    counts: [usize; 6],
    links: Vec<usize>,
    pending_space: bool,
    pending_break: bool,
    checks: Vec<Check>,
    last_close: Option<LastClose>,
    pub(crate) mode: Mode,
}

impl Inline {
    pub(crate) fn new() -> Self {
        Inline {
            buf: String::new(),
            frames: Vec::new(),
            opened: 0,
            counts: [0; 6],
            links: Vec::new(),
            pending_space: false,
            pending_break: false,
            checks: Vec::new(),
            last_close: None,
            mode: Mode::Para,
        }
    }

    pub(crate) fn push(&mut self, span: Span) {
        self.push_frame(span, String::new(), None);
    }

    pub(crate) fn push_link(&mut self, href: &str, title: Option<&str>) {
        self.push_frame(Span::Link, href.to_string(), title.map(str::to_string));
    }

    fn push_frame(&mut self, span: Span, href: String, title: Option<String>) {
        let suppressed = self.counts[span.index()] > 0;
        self.counts[span.index()] += 1;
        if span == Span::Link && !suppressed {
            self.links.push(self.frames.len());
        }
        self.frames.push(Frame {
            span,
            suppressed,
            open_pos: 0,
            html: false,
            href,
            title,
            raw: String::new(),
            plain: true,
        });
    }

    pub(crate) fn pop(&mut self) {
        let idx = match self.frames.len().checked_sub(1) {
            Some(i) => i,
            None => return,
        };
        if idx < self.opened {
            self.write_closer(idx);
            self.opened = idx;
        }
        if let Some(f) = self.frames.pop() {
            self.counts[f.span.index()] -= 1;
            if f.span == Span::Link && !f.suppressed {
                self.links.pop();
            }
        }
    }

    /// HTML whitespace between words.
    pub(crate) fn space(&mut self) {
        if !self.buf.is_empty() {
            self.pending_space = true;
        }
    }

    /// `<br>`, or a block boundary inside a one-line leaf.
    pub(crate) fn hard_break(&mut self) {
        if self.buf.is_empty() {
            return;
        }
        if self.mode == Mode::Heading {
            self.pending_space = true;
        } else {
            self.pending_break = true;
        }
    }

    /// A text node, whitespace collapsed as HTML renders it.
    pub(crate) fn text(&mut self, t: &str) {
        let mut start: Option<usize> = None;
        for (i, c) in t.char_indices() {
            if escape::is_html_ws(c) {
                if let Some(s) = start.take() {
                    self.word(&t[s..i], Some(' '));
                }
                self.space();
            } else if start.is_none() {
                start = Some(i);
            }
        }
        if let Some(s) = start {
            self.word(&t[s..], None);
        }
    }

    fn word(&mut self, w: &str, after: Option<char>) {
        let Some(first) = w.chars().next() else {
            return;
        };
        self.prepare(first);
        let prev = self.buf.chars().next_back();
        escape::escape_word(w, prev, after, !self.links.is_empty(), &mut self.buf);
        if let Some(&l) = self.links.last() {
            if let Some(f) = self.frames.get_mut(l) {
                f.raw.push_str(w);
            }
        }
    }

    /// Markup that is content (an image, a code span, a footnote reference, math).
    pub(crate) fn markup(&mut self, first: char, s: &str) {
        self.prepare(first);
        self.buf.push_str(s);
        if let Some(&l) = self.links.last() {
            if let Some(f) = self.frames.get_mut(l) {
                f.plain = false;
            }
        }
    }

    /// Write the pending separator and open the spans still waiting for content.
    fn prepare(&mut self, first: char) {
        if !self.buf.is_empty() && (self.pending_break || self.pending_space) {
            let sep = if self.pending_break {
                match self.mode {
                    Mode::Para => "\\\n",
                    Mode::Cell => "<br>",
                    Mode::Heading => " ",
                }
            } else {
                " "
            };
            self.resolve_checks(sep.chars().next().unwrap_or(' '));
            self.buf.push_str(sep);
            if let Some(&l) = self.links.last() {
                if let Some(f) = self.frames.get_mut(l) {
                    f.raw.push(' ');
                }
            }
        }
        self.pending_space = false;
        self.pending_break = false;
        self.open_pending(first);
        self.resolve_checks(first);
        self.last_close = None;
    }

    fn open_pending(&mut self, first: char) {
        if self.opened >= self.frames.len() {
            return;
        }
        // Two adjacent spans of one kind merge (`*a**b*` would misparse).
        if let Some(lc) = self.last_close.take() {
            let f = &self.frames[self.opened];
            if lc.depth == self.opened
                && lc.span == f.span
                && !f.suppressed
                && f.span.delim().is_some()
                && lc.close_pos + f.span.delim().map_or(0, str::len) == self.buf.len()
            {
                self.buf.truncate(lc.close_pos);
                self.checks.retain(|c| c.close_pos != lc.close_pos);
                let f = &mut self.frames[self.opened];
                f.open_pos = lc.open_pos;
                f.html = false;
                self.opened += 1;
            }
        }
        if self.opened >= self.frames.len() {
            return;
        }
        let prev = self.buf.chars().next_back();
        // An opener followed by punctuation only opens after whitespace or punctuation.
        let fails = first.is_whitespace()
            || (is_punct(first) && prev.is_some_and(|p| !p.is_whitespace() && !is_punct(p)));
        self.resolve_checks('*');
        let innermost_link = self.links.last().copied();
        for i in self.opened..self.frames.len() {
            let pos = self.buf.len();
            let f = &mut self.frames[i];
            f.open_pos = pos;
            if f.suppressed {
                continue;
            }
            let span = f.span;
            if span == Span::Link {
                f.raw.clear();
                f.plain = true;
                self.buf.push('[');
                continue;
            }
            f.html = fails || span.delim().is_none();
            let html = f.html;
            match span.delim() {
                Some(d) if !html => self.buf.push_str(d),
                _ => self.push_tag(span, false),
            }
            // Markup inside link text: the link is no autolink.
            if let Some(l) = innermost_link.filter(|&l| l < i) {
                self.frames[l].plain = false;
            }
        }
        self.opened = self.frames.len();
    }

    fn write_closer(&mut self, idx: usize) {
        let (span, suppressed, html, open_pos) = {
            let f = &self.frames[idx];
            (f.span, f.suppressed, f.html, f.open_pos)
        };
        if suppressed {
            return;
        }
        if span == Span::Link {
            self.close_link(idx);
            return;
        }
        let prev = self.buf.chars().next_back();
        let close_pos = self.buf.len();
        if html {
            self.push_tag(span, true);
            return;
        }
        let Some(d) = span.delim() else { return };
        if prev.is_none_or(char::is_whitespace) {
            // Content ends in NBSP or similar: only tags can close here.
            self.rewrite_as_tags(span, open_pos, close_pos, 0);
            self.push_tag(span, true);
            return;
        }
        self.buf.push_str(d);
        if prev.is_some_and(is_punct) {
            self.checks.push(Check {
                span,
                open_pos,
                close_pos,
            });
        }
        self.last_close = Some(LastClose {
            span,
            depth: idx,
            open_pos,
            close_pos,
        });
    }

    fn push_tag(&mut self, span: Span, close: bool) {
        self.buf.push('<');
        if close {
            self.buf.push('/');
        }
        self.buf.push_str(span.tag());
        self.buf.push('>');
    }

    /// Rewrite a delimiter pair (opener at `open_pos`, closer of `close_len` at `close_pos`) as
    /// tags. Only ever called for spans whose later content was not rewritten since.
    fn rewrite_as_tags(&mut self, span: Span, open_pos: usize, close_pos: usize, close_len: usize) {
        let d = span.delim().map_or(0, str::len);
        let tag = span.tag();
        if close_len > 0 && close_pos + close_len <= self.buf.len() {
            self.buf
                .replace_range(close_pos..close_pos + close_len, &format!("</{tag}>"));
        }
        if open_pos + d <= self.buf.len() && self.buf.is_char_boundary(open_pos) {
            self.buf
                .replace_range(open_pos..open_pos + d, &format!("<{tag}>"));
        }
    }

    fn resolve_checks(&mut self, next: char) {
        if self.checks.is_empty() {
            return;
        }
        let mut checks = std::mem::take(&mut self.checks);
        if !next.is_whitespace() && !is_punct(next) {
            // Apply from the end so earlier positions stay valid.
            let mut edits: Vec<(usize, bool, Span)> = Vec::with_capacity(checks.len() * 2);
            for c in &checks {
                edits.push((c.close_pos, true, c.span));
                edits.push((c.open_pos, false, c.span));
            }
            edits.sort_by_key(|e| std::cmp::Reverse(e.0));
            for (pos, close, span) in edits {
                let d = span.delim().map_or(0, str::len);
                let tag = span.tag();
                let rep = if close {
                    format!("</{tag}>")
                } else {
                    format!("<{tag}>")
                };
                if pos + d <= self.buf.len()
                    && self.buf.is_char_boundary(pos)
                    && self.buf.is_char_boundary(pos + d)
                {
                    self.buf.replace_range(pos..pos + d, &rep);
                }
            }
            self.last_close = None;
        }
        checks.clear();
        self.checks = checks;
    }

    fn close_link(&mut self, idx: usize) {
        let f = &self.frames[idx];
        let start = f.open_pos;
        if f.plain && f.raw == f.href && escape::autolink_ok(&f.href) && start <= self.buf.len() {
            let href = f.href.clone();
            self.buf.truncate(start);
            self.checks.retain(|c| c.open_pos < start);
            self.buf.push('<');
            self.buf.push_str(&href);
            self.buf.push('>');
            return;
        }
        let mut s = String::from("](");
        s.push_str(&escape::destination(&f.href));
        if let Some(t) = f.title.as_deref().filter(|t| !t.trim().is_empty()) {
            s.push(' ');
            s.push_str(&escape::title(t));
        }
        s.push(')');
        self.resolve_checks(']');
        self.buf.push_str(&s);
    }

    /// End of the leaf: close every open span (they reopen if the leaf's element goes on in the
    /// next block) and hand over the text.
    pub(crate) fn take(&mut self) -> String {
        for idx in (0..self.opened).rev() {
            self.write_closer(idx);
        }
        self.opened = 0;
        self.checks.clear();
        self.last_close = None;
        self.pending_space = false;
        self.pending_break = false;
        std::mem::take(&mut self.buf)
    }
}
