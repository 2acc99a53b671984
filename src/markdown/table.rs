//! GFM pipe tables, and the clean-HTML fallback for tables GFM cannot carry.

use crate::dom::Attribute;
use ego_tree::iter::Edge;
use ego_tree::NodeRef;
use scraper::node::Node;

/// Wider tables are kept as HTML: a pipe table that wide is unreadable anyway, and the cap
/// keeps a hostile `colspan` from costing memory.
const MAX_COLS: usize = 1000;

/// Cells that hold any of these need Markdown blocks, which a pipe-table cell cannot contain.
fn needs_html(name: &str) -> bool {
    matches!(
        name,
        "table"
            | "ul"
            | "ol"
            | "dl"
            | "pre"
            | "blockquote"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "hr"
            | "figure"
    )
}

/// Can this table be a pipe table? Also false when spans would make it too wide.
pub(crate) fn is_simple(table: NodeRef<'_, Node>) -> bool {
    let mut width = 0usize;
    for n in table.descendants().skip(1) {
        if let Node::Element(el) = n.value() {
            let name = el.name();
            if needs_html(name) {
                return false;
            }
            if name == "tr" {
                width = 0;
            } else if name == "td" || name == "th" {
                width = width.saturating_add(span_attr(el.attribute("colspan"), MAX_COLS));
                if width > MAX_COLS {
                    return false;
                }
            }
        }
    }
    true
}

fn span_attr(v: Option<&str>, max: usize) -> usize {
    v.and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, max)
}

#[derive(Default)]
pub(crate) struct TableBuilder {
    rows: Vec<Vec<String>>,
    head_rows: Vec<bool>,
    aligns: Vec<Option<&'static str>>,
    row: Vec<Option<String>>,
    row_all_th: bool,
    row_head: bool,
    row_open: bool,
    /// Rows still covered by a `rowspan` from above, per column.
    carry: Vec<usize>,
    pub(crate) caption: String,
}

impl TableBuilder {
    pub(crate) fn start_row(&mut self, in_thead: bool) {
        if self.row_open {
            self.end_row();
        }
        self.row_open = true;
        self.row_all_th = true;
        self.row_head = in_thead;
        self.row.clear();
        for (col, c) in self.carry.iter_mut().enumerate() {
            if *c > 0 {
                *c -= 1;
                if self.row.len() <= col {
                    self.row.resize(col + 1, None);
                }
                self.row[col] = Some(String::new());
            }
        }
    }

    pub(crate) fn add_cell(
        &mut self,
        content: String,
        is_th: bool,
        colspan: Option<&str>,
        rowspan: Option<&str>,
        align: Option<&str>,
    ) {
        if !self.row_open {
            self.start_row(false);
        }
        if !is_th {
            self.row_all_th = false;
        }
        let col = self
            .row
            .iter()
            .position(Option::is_none)
            .unwrap_or(self.row.len());
        let span = span_attr(colspan, MAX_COLS)
            .min(MAX_COLS.saturating_sub(col))
            .max(1);
        let down = span_attr(rowspan, 65_534);
        if self.row.len() < col + span {
            self.row.resize(col + span, None);
        }
        self.row[col] = Some(content);
        for c in col + 1..col + span {
            self.row[c] = Some(String::new());
        }
        if down > 1 {
            if self.carry.len() < col + span {
                self.carry.resize(col + span, 0);
            }
            for c in col..col + span {
                self.carry[c] = self.carry[c].max(down - 1);
            }
        }
        if self.rows.is_empty() {
            if self.aligns.len() < col + 1 {
                self.aligns.resize(col + 1, None);
            }
            self.aligns[col] = match align.map(|a| a.trim().to_ascii_lowercase()).as_deref() {
                Some("left") => Some(":---"),
                Some("center") => Some(":---:"),
                Some("right") => Some("---:"),
                _ => None,
            };
        }
    }

    pub(crate) fn end_row(&mut self) {
        if !self.row_open {
            return;
        }
        self.row_open = false;
        let cells: Vec<String> = self.row.drain(..).map(Option::unwrap_or_default).collect();
        if cells.is_empty() {
            return;
        }
        self.head_rows.push(self.row_head || self.row_all_th);
        self.rows.push(cells);
    }

    /// The pipe table, or an empty string for a table without cells.
    pub(crate) fn render(mut self) -> String {
        self.end_row();
        let cols = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        if cols == 0 {
            return String::new();
        }
        let mut out = String::new();
        let mut rows = self.rows.into_iter();
        // The first row is the header when the page marks it so; otherwise an empty header
        // keeps every data row a data row.
        let header = if self.head_rows.first().copied().unwrap_or(false) {
            rows.next().unwrap_or_default()
        } else {
            Vec::new()
        };
        write_row(&mut out, &header, cols);
        out.push_str("\n|");
        for c in 0..cols {
            out.push(' ');
            out.push_str(self.aligns.get(c).copied().flatten().unwrap_or("---"));
            out.push_str(" |");
        }
        for row in rows {
            out.push('\n');
            write_row(&mut out, &row, cols);
        }
        out
    }
}

fn write_row(out: &mut String, cells: &[String], cols: usize) {
    out.push('|');
    for c in 0..cols {
        out.push(' ');
        if let Some(cell) = cells.get(c) {
            for ch in cell.trim().chars() {
                match ch {
                    '|' => out.push_str("\\|"),
                    '\n' => out.push_str("<br>"),
                    _ => out.push(ch),
                }
            }
        }
        out.push_str(" |");
    }
}

const VOID: [&str; 13] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

const KEEP_ATTRS: [&str; 7] = ["href", "src", "alt", "title", "colspan", "rowspan", "start"];

/// The table as one line of clean HTML: an HTML block ends at a blank line, so newlines in
/// `<pre>` text become `&#10;` and all others spaces.
pub(crate) fn to_html(table: NodeRef<'_, Node>) -> String {
    let mut out = String::new();
    let mut pre = 0usize;
    for edge in table.traverse() {
        match edge {
            Edge::Open(n) => match n.value() {
                Node::Element(el) => {
                    let name = el.name();
                    out.push('<');
                    out.push_str(name);
                    for (k, v) in el.attrs() {
                        if KEEP_ATTRS.contains(&k) {
                            out.push(' ');
                            out.push_str(k);
                            out.push_str("=\"");
                            push_escaped(&mut out, v, true, false);
                            out.push('"');
                        }
                    }
                    out.push('>');
                    if name == "pre" {
                        pre += 1;
                    }
                }
                Node::Text(t) => push_escaped(&mut out, t, false, pre > 0),
                _ => {}
            },
            Edge::Close(n) => {
                if let Node::Element(el) = n.value() {
                    let name = el.name();
                    if name == "pre" {
                        pre = pre.saturating_sub(1);
                    }
                    if !VOID.contains(&name) {
                        out.push_str("</");
                        out.push_str(name);
                        out.push('>');
                    }
                }
            }
        }
    }
    out
}

fn push_escaped(out: &mut String, s: &str, attr: bool, pre: bool) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attr => out.push_str("&quot;"),
            '\n' if pre => out.push_str("&#10;"),
            '\r' if pre => out.push_str("&#13;"),
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
}
