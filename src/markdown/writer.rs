//! The walk over the sanitised fragment.
//!
//! One `traverse()` pass (open and close events, no recursion) drives two layers: [`Inline`]
//! collects the current leaf block's text, [`Out`] lays finished blocks out inside their
//! containers. What each element did when it opened is kept on an explicit stack so that its
//! close undoes exactly that, whatever state the walk is in by then.

use crate::dom::Attribute;
use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::node::{Element, Node};
use scraper::Html;

use super::blocks::Out;
use super::escape;
use super::footnotes::{self, Footnotes};
use super::inline::{Inline, Mode, Span};
use super::table::{self, TableBuilder};

#[derive(Clone, Copy)]
enum Act {
    None,
    /// An inline span was pushed.
    Span,
    /// A block boundary on both sides.
    Block,
    /// A block boundary that also wraps its text in a span (`dt`, `summary`, `figcaption`).
    BlockSpan,
    /// A block inside a one-line leaf (heading, table cell): only a separator.
    Sep,
    Heading(usize),
    Quote(bool),
    List(bool),
    Item,
    Table,
    Row,
    Cell,
    Caption,
}

struct Walker<'a> {
    out: Out,
    inline: Inline,
    acts: Vec<Act>,
    skip: Option<NodeId>,
    heading: usize,
    table: Option<TableBuilder>,
    notes: Footnotes,
    in_definition: bool,
    doc: &'a Html,
}

pub(crate) fn render(doc: &Html) -> String {
    let mut w = Walker {
        out: Out::new(),
        inline: Inline::new(),
        acts: Vec::new(),
        skip: None,
        heading: 0,
        table: None,
        notes: footnotes::scan(doc),
        in_definition: false,
        doc,
    };
    w.walk(doc.tree.root(), true);
    w.end_leaf();
    let defs = std::mem::take(&mut w.notes.defs);
    for (id, label) in &defs {
        let Some(item) = w.doc.tree.get(*id) else {
            continue;
        };
        w.out.push_definition(label);
        w.in_definition = true;
        w.walk(item, false);
        w.end_leaf();
        w.in_definition = false;
        w.out.pop_item();
    }
    w.out.finish()
}

fn attr<'a>(el: &'a Element, name: &str) -> Option<&'a str> {
    el.attribute(name)
}

fn is_heading(name: &str) -> Option<usize> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

impl<'a> Walker<'a> {
    fn one_line(&self) -> bool {
        self.heading > 0 || self.table.is_some()
    }

    fn set_mode(&mut self) {
        self.inline.mode = if self.table.is_some() {
            Mode::Cell
        } else if self.heading > 0 {
            Mode::Heading
        } else {
            Mode::Para
        };
    }

    /// Finish the paragraph being collected, if any.
    fn end_leaf(&mut self) {
        if self.one_line() {
            return;
        }
        let text = self.inline.take();
        if text.trim().is_empty() {
            return;
        }
        self.out.block(&escape::escape_line_starts(text.trim()));
    }

    fn walk(&mut self, root: NodeRef<'a, Node>, include_root: bool) {
        let root_id = root.id();
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) => {
                    if self.skip.is_some() || (!include_root && node.id() == root_id) {
                        continue;
                    }
                    match node.value() {
                        Node::Text(t) => self.inline.text(t),
                        Node::Element(el) => {
                            let act = self.open(node, el);
                            if self.skip.is_none() {
                                self.acts.push(act);
                            }
                        }
                        _ => {}
                    }
                }
                Edge::Close(node) => {
                    if let Some(s) = self.skip {
                        if s == node.id() {
                            self.skip = None;
                        }
                        continue;
                    }
                    if (!include_root && node.id() == root_id) || !node.value().is_element() {
                        continue;
                    }
                    if let Some(act) = self.acts.pop() {
                        self.close(node, act);
                    }
                }
            }
        }
    }

    fn open(&mut self, node: NodeRef<'a, Node>, el: &'a Element) -> Act {
        let name = el.name();
        match name {
            "br" => {
                self.inline.hard_break();
                return Act::None;
            }
            "img" => {
                self.image(el);
                return Act::None;
            }
            "pre" => {
                self.skip = Some(node.id());
                if self.one_line() {
                    self.code_span(node);
                } else {
                    self.end_leaf();
                    self.code_block(node, el);
                }
                return Act::None;
            }
            "code" | "kbd" | "samp" | "tt" => {
                if node
                    .descendants()
                    .any(|d| d.value().as_element().is_some_and(|e| e.name() == "pre"))
                {
                    // `<code><pre>…</pre></code>`: the block inside is the code.
                    return Act::None;
                }
                self.skip = Some(node.id());
                self.code_span(node);
                return Act::None;
            }
            "math" => {
                self.skip = Some(node.id());
                self.math(node, el);
                return Act::None;
            }
            "a" => return self.link(node, el),
            "em" | "i" | "cite" | "var" | "dfn" => return self.span(Span::Em),
            "strong" | "b" => return self.span(Span::Strong),
            "s" | "strike" | "del" => return self.span(Span::Del),
            "sub" => return self.span(Span::Sub),
            "sup" => {
                if self.is_note_wrapper(node) {
                    return Act::None;
                }
                return self.span(Span::Sup);
            }
            "script" | "style" | "template" | "noscript" => {
                // Kept by no sanitiser; and their text is not the article's.
                self.skip = Some(node.id());
                return Act::None;
            }
            _ => {}
        }
        if let Some(tb) = self.table.as_mut() {
            match name {
                "tr" => {
                    let head = node
                        .parent()
                        .and_then(|p| p.value().as_element().map(|e| e.name() == "thead"))
                        .unwrap_or(false);
                    tb.start_row(head);
                    return Act::Row;
                }
                "td" | "th" => return Act::Cell,
                "caption" => {
                    self.inline.take();
                    self.inline.push(Span::Em);
                    return Act::Caption;
                }
                "thead" | "tbody" | "tfoot" | "colgroup" | "col" => return Act::None,
                _ => {}
            }
        }
        if self.one_line() {
            if crate::text::is_block(&el.name.local) || name == "li" || name == "hr" {
                self.inline.hard_break();
                return Act::Sep;
            }
            return Act::None;
        }
        if let Some(level) = is_heading(name) {
            self.end_leaf();
            self.heading += 1;
            self.set_mode();
            return Act::Heading(level);
        }
        match name {
            "hr" => {
                self.end_leaf();
                self.out.block("---");
                Act::None
            }
            "blockquote" => {
                self.end_leaf();
                Act::Quote(self.out.push_quote())
            }
            "ul" | "ol" => {
                self.end_leaf();
                if self.notes.lists.contains(&node.id()) {
                    self.skip = Some(node.id());
                    return Act::None;
                }
                let ordered = name == "ol";
                let start = attr(el, "start")
                    .and_then(|s| s.trim().parse::<i64>().ok())
                    .unwrap_or(1)
                    .clamp(0, 999_999_999) as u64;
                let tight = !node.children().any(|li| {
                    li.children().any(|c| {
                        c.value()
                            .as_element()
                            .is_some_and(|e| matches!(e.name(), "p" | "pre" | "blockquote"))
                    })
                });
                Act::List(self.out.push_list(ordered, start, tight))
            }
            "li" => {
                self.end_leaf();
                if self.out.in_list() {
                    self.out.push_item();
                    Act::Item
                } else {
                    Act::Block
                }
            }
            "table" => {
                self.end_leaf();
                if table::is_simple(node) {
                    self.table = Some(TableBuilder::default());
                    self.set_mode();
                    Act::Table
                } else {
                    self.skip = Some(node.id());
                    self.out.block(&table::to_html(node));
                    Act::None
                }
            }
            "dt" | "summary" => {
                self.end_leaf();
                self.inline.push(Span::Strong);
                Act::BlockSpan
            }
            "figcaption" => {
                self.end_leaf();
                self.inline.push(Span::Em);
                Act::BlockSpan
            }
            _ if crate::text::is_block(&el.name.local) => {
                self.end_leaf();
                Act::Block
            }
            _ => Act::None,
        }
    }

    fn close(&mut self, node: NodeRef<'a, Node>, act: Act) {
        match act {
            Act::None => {}
            Act::Span => self.inline.pop(),
            Act::Block => self.end_leaf(),
            Act::BlockSpan => {
                self.end_leaf();
                self.inline.pop();
            }
            Act::Sep => self.inline.hard_break(),
            Act::Heading(level) => {
                let text = self.inline.take();
                self.heading = self.heading.saturating_sub(1);
                self.set_mode();
                let text = text.trim();
                if !text.is_empty() {
                    let mut line = "#".repeat(level);
                    line.push(' ');
                    line.push_str(&escape::escape_heading_end(text));
                    self.out.block(&line);
                }
            }
            Act::Quote(pushed) => {
                self.end_leaf();
                if pushed {
                    self.out.pop_quote();
                }
            }
            Act::List(pushed) => {
                self.end_leaf();
                if pushed {
                    self.out.pop_list();
                }
            }
            Act::Item => {
                self.end_leaf();
                self.out.pop_item();
            }
            Act::Row => {
                if let Some(tb) = self.table.as_mut() {
                    tb.end_row();
                }
            }
            Act::Cell => {
                let text = self.inline.take();
                if let (Some(tb), Node::Element(el)) = (self.table.as_mut(), node.value()) {
                    tb.add_cell(
                        text,
                        el.name() == "th",
                        el.attribute("colspan"),
                        el.attribute("rowspan"),
                        el.attribute("align"),
                    );
                }
            }
            Act::Caption => {
                self.inline.pop();
                let text = self.inline.take();
                if let Some(tb) = self.table.as_mut() {
                    tb.caption = text;
                }
            }
            Act::Table => {
                let stray = self.inline.take();
                let tb = self.table.take();
                self.set_mode();
                if let Some(tb) = tb {
                    let caption = tb.caption.trim().to_string();
                    if !caption.is_empty() {
                        self.out.block(&caption);
                    }
                    let md = tb.render();
                    if !md.is_empty() {
                        self.out.block(&md);
                    }
                }
                if !stray.trim().is_empty() {
                    self.out.block(stray.trim());
                }
            }
        }
    }

    fn span(&mut self, span: Span) -> Act {
        self.inline.push(span);
        Act::Span
    }

    fn link(&mut self, node: NodeRef<'a, Node>, el: &'a Element) -> Act {
        if let Some(label) = self.notes.refs.get(&node.id()) {
            let r = format!("[^{label}]");
            self.inline.markup('[', &r);
            self.skip = Some(node.id());
            return Act::None;
        }
        let Some(href) = attr(el, "href").map(str::trim).filter(|h| !h.is_empty()) else {
            return Act::None;
        };
        if self.in_definition
            && href.contains('#')
            && !crate::dom::collapsed_text(node)
                .chars()
                .any(char::is_alphanumeric)
        {
            // A backlink (`↩`) from a footnote to its reference: the Markdown renderer
            // makes its own.
            self.skip = Some(node.id());
            return Act::None;
        }
        self.inline.push_link(href, attr(el, "title"));
        Act::Span
    }

    /// `<sup><a href="#fn1">1</a></sup>`: the reference alone stands for the whole.
    fn is_note_wrapper(&self, node: NodeRef<'a, Node>) -> bool {
        let mut found = false;
        for c in node.children() {
            match c.value() {
                Node::Text(t) if t.trim().is_empty() => {}
                Node::Element(_) if !found && self.notes.refs.contains_key(&c.id()) => found = true,
                _ => return false,
            }
        }
        found
    }

    fn image(&mut self, el: &Element) {
        let Some(src) = attr(el, "src").map(str::trim).filter(|s| !s.is_empty()) else {
            // Nothing to show, but it still parts the words around it.
            self.inline.space();
            return;
        };
        let mut s = String::from("![");
        s.push_str(&escape::escape_bracketed(attr(el, "alt").unwrap_or("")));
        s.push_str("](");
        s.push_str(&escape::destination(src));
        if let Some(t) = attr(el, "title").filter(|t| !t.trim().is_empty()) {
            s.push(' ');
            s.push_str(&escape::title(t));
        }
        s.push(')');
        self.inline.markup('!', &s);
    }

    fn code_span(&mut self, node: NodeRef<'a, Node>) {
        let mut raw = String::new();
        for edge in node.traverse() {
            match edge {
                Edge::Open(n) => match n.value() {
                    Node::Text(t) => raw.push_str(t),
                    Node::Element(e)
                        if e.name() == "br" || crate::text::is_block(&e.name.local) =>
                    {
                        raw.push(' ')
                    }
                    _ => {}
                },
                Edge::Close(n) => {
                    if n.value()
                        .as_element()
                        .is_some_and(|e| crate::text::is_block(&e.name.local))
                    {
                        raw.push(' ');
                    }
                }
            }
        }
        let code: String = raw
            .chars()
            .map(|c| if matches!(c, '\n' | '\r') { ' ' } else { c })
            .collect();
        if code.starts_with(escape::is_html_ws) {
            self.inline.space();
        }
        let trimmed = code.trim_matches(escape::is_html_ws);
        if !trimmed.is_empty() {
            self.inline.markup('`', &escape::code_span(trimmed));
        }
        if code.ends_with(escape::is_html_ws) {
            self.inline.space();
        }
    }

    fn code_block(&mut self, node: NodeRef<'a, Node>, el: &Element) {
        let mut lang = language(el).or_else(|| {
            node.parent()
                .and_then(|p| p.value().as_element().filter(|e| e.name() == "code"))
                .and_then(language)
        });
        let mut code = String::new();
        for edge in node.traverse() {
            match edge {
                Edge::Open(n) => match n.value() {
                    Node::Text(t) => code.push_str(t),
                    Node::Element(e) => {
                        if e.name() == "br" {
                            code.push('\n');
                        } else if lang.is_none() && e.name() == "code" {
                            lang = language(e);
                        }
                        if line_block(e.name()) && !code.is_empty() && !code.ends_with('\n') {
                            code.push('\n');
                        }
                    }
                    _ => {}
                },
                Edge::Close(n) => {
                    // Highlighters that put each line in its own block element.
                    if let Node::Element(e) = n.value() {
                        if n.id() != node.id()
                            && line_block(e.name())
                            && !code.is_empty()
                            && !code.ends_with('\n')
                        {
                            code.push('\n');
                        }
                    }
                }
            }
        }
        let code = code.replace("\r\n", "\n").replace('\r', "\n");
        let code = code.strip_suffix('\n').unwrap_or(&code);
        if code.trim().is_empty() {
            return;
        }
        let lang = lang.unwrap_or_default();
        let fence = if lang.contains('`') {
            "~".repeat((escape::longest_run(code, '~') + 1).max(3))
        } else {
            "`".repeat((escape::longest_run(code, '`') + 1).max(3))
        };
        let mut block = String::with_capacity(code.len() + 2 * fence.len() + lang.len() + 2);
        block.push_str(&fence);
        block.push_str(&lang);
        block.push('\n');
        block.push_str(code);
        block.push('\n');
        block.push_str(&fence);
        self.out.block(&block);
    }

    fn math(&mut self, node: NodeRef<'a, Node>, el: &Element) {
        let tex = crate::text::math_source(node).unwrap_or_default();
        let tex = tex.trim();
        if tex.is_empty() {
            // No TeX: keep what the page shows as text.
            for n in node.descendants() {
                if let Node::Text(t) = n.value() {
                    self.inline.text(t);
                }
            }
            return;
        }
        let display = attr(el, "display") == Some("block");
        if display && !self.one_line() {
            self.end_leaf();
            let body: Vec<&str> = tex.lines().filter(|l| !l.trim().is_empty()).collect();
            self.out.block(&format!("$$\n{}\n$$", body.join("\n")));
        } else {
            let one: String = tex
                .chars()
                .map(|c| if c.is_whitespace() { ' ' } else { c })
                .collect();
            // The plain text treats math as a block, so keep it a separate word here too.
            self.inline.space();
            self.inline.markup('$', &format!("${}$", one.trim()));
            self.inline.space();
        }
    }
}

/// Elements that highlighters use for one line of code each.
fn line_block(name: &str) -> bool {
    matches!(name, "div" | "p" | "li" | "tr")
}

/// The code's language from `class="language-xxx"` (or `lang-xxx`).
fn language(el: &Element) -> Option<String> {
    el.classes().find_map(|c| {
        c.strip_prefix("language-")
            .or_else(|| c.strip_prefix("lang-"))
            .filter(|l| !l.is_empty())
            .map(|l| {
                l.chars()
                    .filter(|c| !c.is_whitespace() && *c != '~')
                    .collect()
            })
    })
}
