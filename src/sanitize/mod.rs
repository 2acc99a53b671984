//! The allow-list sanitiser in front of every `content_html`.
//!
//! The content phase already chooses a small vocabulary, so this is defence in depth: whatever
//! the extractor lets through by mistake, nothing executable leaves the core. The [`Builder`]
//! takes elements and text as a stream: the content writer feeds it while it walks the page
//! (no article HTML is written and parsed again), and [`clean_html`] feeds it a fragment
//! parsed with the page's own html5ever instance (a second parser, as a sanitiser crate would
//! bring, is about 50 KB more `.wasm`). Either way it writes only what [`policy`] allows. Nothing it does not name can appear in the output:
//! every tag written is from the allow-list and every character of text or attribute value is
//! escaped, so parsing the output again, as the clean view does, yields only allowed elements.
//! Defaults, all deliberate:
//! - elements: text structure, tables, figures, images, links, code, MathML — no `script`,
//!   `style`, `iframe`, `object`, `form`, `svg`, `base`, `meta`; other elements are unwrapped,
//!   and those whose content is code, styling or a fallback are dropped with their content;
//! - attributes: only those that carry meaning (`href`, `src`, `alt`, `colspan`, …) — no
//!   event handlers, no `style`, no `srcdoc`, no `ping`, no `formaction`, no namespaced ones;
//! - URLs: `http`, `https`, `mailto`, `tel` and in-page `#anchors` — no `javascript:`,
//!   `vbscript:` or `data:`, whatever their spelling;
//! - links get `rel="noopener noreferrer"`, images `referrerpolicy="no-referrer"` and
//!   `loading="lazy"`, so showing the article tells no third party who reads it;
//! - comments, doctypes and processing instructions are dropped.
//!
//! The walk is iterative (ego_tree's `traverse`), so nesting depth never becomes stack depth.

pub(crate) mod escape;
mod policy;

pub(crate) use policy::MATHML_TAGS;

use ego_tree::iter::Edge;
use ego_tree::NodeId;
use html5ever::{local_name, ns, Attribute, LocalName, Namespace, QualName};
use scraper::node::{Element, Node, Text};
use scraper::Html;

use crate::dom::Skip;
use url::Url;

/// Sanitise article HTML with the allow-list of [`policy`].
pub fn clean_html(html: &str, _base: Option<&Url>) -> String {
    clean_fragment(html).html
}

/// Sanitised article HTML and the same content as a tree, built in the walk that writes the
/// HTML.
///
/// Text and Markdown are rendered from the tree: parsing the sanitised HTML again would give
/// the same nodes (everything written is allow-listed, well nested and escaped; adjacent text
/// is merged here as a parser merges it) at the cost of another full parse per article.
pub struct Clean {
    pub html: String,
    pub tree: Html,
}

/// Elements a paragraph cannot be written inside.
const PHRASING_ONLY: &[&str] = &[
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "em", "strong", "code", "small", "sub", "sup",
    "abbr", "q", "del", "u", "mark", "kbd", "samp", "time", "summary", "caption", "dt",
];

/// The namespace of an element handed to the [`Builder`].
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Space {
    Html,
    MathMl,
    /// SVG or anything else: dropped with its content.
    Other,
}

/// Parse an HTML fragment and sanitise it.
pub(crate) fn clean_fragment(html: &str) -> Clean {
    let frag = crate::limits::parse_fragment(html);
    let mut b = Builder::with_capacity(html.len());
    let html_ns: Namespace = ns!(html);
    let mathml_ns: Namespace = ns!(mathml);
    let mut skip = Skip::default();
    let root = frag.root_element();
    for edge in root.traverse() {
        if skip.passes(&edge) {
            continue;
        }
        match edge {
            Edge::Open(n) if n.id() == root.id() => {}
            Edge::Close(n) if n.id() == root.id() => {}
            Edge::Open(n) => match n.value() {
                Node::Text(t) => b.text(t),
                Node::Element(e) => {
                    let space = if e.name.ns == html_ns {
                        Space::Html
                    } else if e.name.ns == mathml_ns {
                        Space::MathMl
                    } else {
                        Space::Other
                    };
                    let attrs = e
                        .attrs
                        .iter()
                        .filter(|(name, _)| name.ns == ns!())
                        .map(|(name, value)| (&*name.local, &**value));
                    if !b.open(space, &e.name.local, attrs) {
                        skip.start(n.id());
                    }
                }
                _ => {}
            },
            Edge::Close(n) => {
                if n.value().is_element() {
                    b.close();
                }
            }
        }
    }
    b.finish()
}

/// The sanitiser as a stream of elements and text: whoever walks a tree (the parsed fragment
/// in [`clean_fragment`], the content writer walking the page itself) opens and closes
/// elements and hands over text, and only what [`policy`] allows is written, escaped, and
/// added to the tree. The content writer feeding it directly is what spares every article a
/// serialise-and-parse round trip.
///
/// Every [`Builder::open`] must be matched by one [`Builder::close`], whatever `open` returned.
pub(crate) struct Builder {
    out: String,
    tree: Html,
    top: NodeId,
    /// Per open element: whether it was written (false: unwrapped, nothing to close).
    closes: Vec<bool>,
    /// The written elements still open, innermost last, with their node in the tree: new
    /// nodes go into the last one, and the current element is found in constant time however
    /// deep the unwrapped nesting around it.
    written: Vec<(NodeId, &'static str)>,
    /// How many of them only take phrasing content ([`PHRASING_ONLY`]).
    phrasing: usize,
    /// Depth inside a subtree being dropped (0: not dropping).
    dropping: usize,
    /// Nothing has been written since a `<pre>` start tag.
    after_pre: bool,
}

impl Builder {
    pub(crate) fn with_capacity(bytes: usize) -> Self {
        let mut tree = Html::new_fragment();
        let top = tree
            .tree
            .root_mut()
            .append(Node::Element(Element::new(
                QualName::new(None, ns!(html), local_name!("html")),
                Vec::new(),
            )))
            .id();
        Builder {
            out: String::with_capacity(bytes),
            tree,
            top,
            closes: Vec::new(),
            written: Vec::new(),
            phrasing: 0,
            dropping: 0,
            after_pre: false,
        }
    }

    /// Open an element with its (namespace-less) attributes. Returns whether its content is
    /// wanted: `false` when the element is dropped with everything inside it, in which case
    /// the caller may pass over the content (anything it still sends is ignored).
    pub(crate) fn open<'v>(
        &mut self,
        space: Space,
        local: &str,
        attrs: impl Iterator<Item = (&'v str, &'v str)>,
    ) -> bool {
        if self.dropping > 0 {
            self.dropping += 1;
            return false;
        }
        let table = match space {
            Space::Html => policy::TAGS,
            Space::MathMl => MATHML_TAGS,
            Space::Other => &[],
        };
        if space == Space::Other || policy::DROP_WITH_CONTENT.contains(&local) {
            self.dropping = 1;
            return false;
        }
        let Some(tag) = table
            .iter()
            .copied()
            .find(|t| *t == local)
            .filter(|t| self.fits(t))
        else {
            self.closes.push(false);
            return true;
        };
        let mut kept: Vec<(&str, &str)> = attrs
            .filter(|(attr, value)| policy::keep_attr(tag, attr, value))
            .collect();
        // One order whoever feeds the builder: by name, as the parser's tree keeps them.
        kept.sort_by(|a, b| a.0.cmp(b.0));
        kept.dedup_by(|a, b| a.0 == b.0);
        self.out.push('<');
        self.out.push_str(tag);
        let mut tree_attrs = Vec::with_capacity(kept.len() + 2);
        for (attr, value) in kept {
            escape::attribute(&mut self.out, attr, value);
            tree_attrs.push(Attribute {
                name: QualName::new(None, ns!(), LocalName::from(attr)),
                value: value.into(),
            });
        }
        for (attr, value) in policy::added_attrs(tag) {
            escape::attribute(&mut self.out, attr, value);
            tree_attrs.push(Attribute {
                name: QualName::new(None, ns!(), LocalName::from(*attr)),
                value: (*value).into(),
            });
        }
        self.out.push('>');
        self.after_pre = tag == "pre";
        let ns = if space == Space::MathMl {
            ns!(mathml)
        } else {
            ns!(html)
        };
        let element = Element::new(QualName::new(None, ns, LocalName::from(tag)), tree_attrs);
        let parent = self.parent();
        let id = match self.tree.tree.get_mut(parent) {
            Some(mut p) => p.append(Node::Element(element)).id(),
            None => parent,
        };
        self.closes.push(true);
        self.written.push((id, tag));
        self.phrasing += usize::from(PHRASING_ONLY.contains(&tag));
        true
    }

    /// The innermost element written so far and still open.
    fn current(&self) -> Option<&'static str> {
        self.written.last().map(|w| w.1)
    }

    /// The tree node new nodes go into.
    fn parent(&self) -> NodeId {
        self.written.last().map_or(self.top, |w| w.0)
    }

    /// Whether an open written element takes only phrasing content (no paragraph inside).
    pub(crate) fn in_phrasing_only(&self) -> bool {
        self.phrasing > 0
    }

    /// Whether the innermost element written so far holds nothing visible yet.
    pub(crate) fn current_is_blank(&self) -> bool {
        self.tree.tree.get(self.parent()).is_none_or(|p| {
            p.children().all(|c| match c.value() {
                Node::Text(t) => t.trim().is_empty(),
                _ => false,
            })
        })
    }

    /// Table parts go only where a table has them; elsewhere a parser ignores their tags, so
    /// they are unwrapped as it would (an article whose root is a table row or cell).
    fn fits(&self, tag: &str) -> bool {
        match tag {
            "caption" | "thead" | "tbody" | "tfoot" => self.current() == Some("table"),
            "tr" => matches!(self.current(), Some("table" | "thead" | "tbody" | "tfoot")),
            "td" | "th" => self.current() == Some("tr"),
            _ => true,
        }
    }

    pub(crate) fn text(&mut self, t: &str) {
        if self.dropping > 0 || t.is_empty() {
            return;
        }
        // A parser drops one newline right after `<pre>`; when the first text written inside
        // a `pre` starts with one, write one more to keep it.
        if std::mem::take(&mut self.after_pre) && t.starts_with('\n') {
            self.out.push('\n');
        }
        escape::text(&mut self.out, t);
        let parent = self.parent();
        append_text(&mut self.tree, parent, t);
    }

    pub(crate) fn close(&mut self) {
        if self.dropping > 0 {
            self.dropping -= 1;
            return;
        }
        if self.closes.pop() == Some(true) {
            if let Some((_, tag)) = self.written.pop() {
                self.after_pre = false;
                self.phrasing -= usize::from(PHRASING_ONLY.contains(&tag));
                escape::end_tag(&mut self.out, tag);
            }
        }
    }

    /// An empty result.
    pub(crate) fn empty() -> Clean {
        Builder::with_capacity(0).finish()
    }

    pub(crate) fn finish(self) -> Clean {
        Clean {
            html: self.out,
            tree: self.tree,
        }
    }
}

/// Append text under `parent`, joined to a text node already last there (as a parser of the
/// written HTML would have it).
fn append_text(tree: &mut Html, parent: NodeId, text: &str) {
    let Some(mut p) = tree.tree.get_mut(parent) else {
        return;
    };
    if let Some(mut last) = p.last_child() {
        if let Node::Text(t) = last.value() {
            t.text.push_slice(text);
            return;
        }
    }
    p.append(Node::Text(Text { text: text.into() }));
}

#[cfg(test)]
mod tests {
    use super::clean_html;

    #[test]
    fn nothing_executable_survives() {
        let dirty = r#"<p onclick="x()">a<script>alert(1)</script><a href="javascript:alert(1)">b</a>
            <a href=" JaVaScRiPt:alert(1)">c</a><img src="data:image/svg+xml,<svg onload=alert(1)>" onerror="x">
            <iframe srcdoc="<script>alert(1)</script>"></iframe><svg><script>alert(1)</script></svg>
            <math><mi xlink:href="javascript:alert(1)">x</mi></math><a href="https://ok.example/" ping="https://t/">d</a></p>"#;
        let clean = clean_html(dirty, None);
        let lower = clean.to_lowercase();
        for bad in [
            "script",
            "javascript",
            "onclick",
            "onerror",
            "onload",
            "srcdoc",
            "iframe",
            "data:",
            "ping",
            "xlink",
        ] {
            assert!(!lower.contains(bad), "{bad} survived in {clean}");
        }
        for text in ["a", "b", "c", "d", "x"] {
            assert!(clean.contains(text));
        }
    }

    #[test]
    fn relative_urls_other_than_anchors_are_dropped() {
        // fuzz/artifacts/sanitize/crash-bbae5fe2…: a relative path with a colon survived.
        let clean = clean_html(
            r#"<a href="/wiki/File:Apparatus.jpg">a</a><img src="x/y:z.png" alt="i"><a href="\x01javascript:1">b</a><a href="a b:c">c</a><a href=" #fn1">d</a><a href="HTTPS://ok.example/a:b">e</a>"#,
            None,
        );
        assert_eq!(clean.matches("href=").count(), 2, "{clean}");
        assert!(clean.contains(r##"href=" #fn1""##), "{clean}");
        assert!(clean.contains("HTTPS://ok.example/a:b"), "{clean}");
        assert!(!clean.contains("src="), "{clean}");
    }

    #[test]
    fn a_no_break_space_before_an_anchor_makes_a_relative_path() {
        // crash-8101f6a4… (fuzz campaign, 6.8M executions): `href="&nbsp;#se"` survived as
        // an anchor, while a browser reads it as the relative path `%C2%A0#se`.
        let clean = clean_html("<a hrEf= &nbsp#se\">nrc</a><a href='\t#ok'>ok</a>", None);
        assert_eq!(clean.matches("href=").count(), 1, "{clean}");
        assert!(clean.contains("nrc") && clean.contains("#ok"), "{clean}");
    }

    #[test]
    fn long_text_comes_out_whole_and_oversized_attributes_go() {
        let text = "&amp;\u{b0} ".repeat(40_000);
        let html = format!(
            "<p>{text}</p><pre>{text}</pre><p title='{}'>t</p>",
            "&amp;".repeat(70_000)
        );
        let clean = clean_html(&html, None);
        assert_eq!(clean, format!("<p>{text}</p><pre>{text}</pre><p>t</p>"));
    }

    #[test]
    fn unknown_elements_are_unwrapped_and_code_or_fallbacks_dropped() {
        let clean = clean_html(
            "<div><span>a</span><button>b</button><select><option>x</select><textarea>y</textarea>\
             <noscript>z</noscript><svg><text>w</text></svg><!-- c --><custom-el>d</custom-el></div>",
            None,
        );
        assert_eq!(clean, "<div>abd</div>");
    }

    #[test]
    fn links_and_images_get_privacy_attributes_and_pre_keeps_its_first_newline() {
        let clean = clean_html(
            "<a href='https://e.example/' rel=opener>a</a><img src='https://e.example/i.png' alt=i \
             referrerpolicy=origin loading=eager><pre>\n\nx</pre>",
            None,
        );
        assert_eq!(
            clean,
            "<a href=\"https://e.example/\" rel=\"noopener noreferrer\">a</a>\
             <img alt=\"i\" src=\"https://e.example/i.png\" referrerpolicy=\"no-referrer\" \
             loading=\"lazy\"><pre>\n\nx</pre>"
        );
        // Parsed again, the block still starts with its empty line.
        let again = crate::limits::parse_fragment(&clean);
        let pre = again.root_element().text().collect::<String>();
        assert!(pre.ends_with("\nx"), "{pre:?}");
    }

    #[test]
    fn a_pre_keeps_its_first_newline_whatever_was_dropped_before_it() {
        for (html, text) in [
            ("<pre><b></b>\n\nhi</pre>", "\n\nhi"),
            ("<pre>\n<script>x</script>\nhello</pre>", "\nhello"),
            ("<pre>&#13;x</pre>", "\rx"),
            ("<pre></pre>\n\nafter", "\n\nafter"),
        ] {
            let super::Clean { html: clean, tree } = super::clean_fragment(html);
            let again = crate::limits::parse_fragment(&clean);
            let reparsed: String = again.root_element().text().collect();
            let built: String = tree.root_element().text().collect();
            assert_eq!(built, text, "{html} -> {clean}");
            assert_eq!(reparsed, text, "{html} -> {clean}");
        }
    }

    #[test]
    fn table_parts_outside_a_table_are_unwrapped_as_a_parser_would() {
        let mut b = super::Builder::with_capacity(0);
        for tag in ["tr", "td"] {
            b.open(super::Space::Html, tag, std::iter::empty());
        }
        b.text("cell");
        b.close();
        b.close();
        b.open(super::Space::Html, "table", std::iter::empty());
        b.open(super::Space::Html, "tr", std::iter::empty());
        b.open(super::Space::Html, "td", std::iter::empty());
        b.text("x");
        for _ in 0..3 {
            b.close();
        }
        let clean = b.finish().html;
        assert_eq!(clean, "cell<table><tr><td>x</td></tr></table>");
        assert_eq!(
            clean_html(&clean, None),
            "cell<table><tbody><tr><td>x</td></tr></tbody></table>"
        );
    }

    #[test]
    fn a_dropped_subtree_swallows_what_is_still_sent() {
        let mut b = super::Builder::with_capacity(0);
        assert!(!b.open(super::Space::Other, "svg", std::iter::empty()));
        assert!(!b.open(super::Space::Html, "p", std::iter::empty()));
        b.text("hidden");
        b.close();
        b.close();
        b.text("shown");
        assert_eq!(b.finish().html, "shown");
    }

    #[test]
    fn mathml_names_count_only_inside_math() {
        let clean = clean_html(
            "<mi>a</mi><math><mi>b</mi><mtext><p>c</p></mtext></math>",
            None,
        );
        assert_eq!(clean, "a<math><mi>b</mi><mtext><p>c</p></mtext></math>");
    }

    #[test]
    fn code_language_and_math_are_kept() {
        let html =
            r#"<pre><code class="language-rust">fn main() {}</code></pre><math><mi>x</mi></math>"#;
        let clean = clean_html(html, None);
        assert!(clean.contains(r#"class="language-rust""#), "{clean}");
        assert!(clean.contains("<math><mi>x</mi></math>"), "{clean}");
    }
}
