//! The allow-list sanitiser in front of every `content_html`.
//!
//! The content phase already writes a small vocabulary, so this is defence in depth: whatever
//! the extractor lets through by mistake, nothing executable leaves the core. It parses the
//! fragment with the same html5ever instance as the page (a second parser, as a sanitiser
//! crate would bring, is about 50 KB more `.wasm` and a second full parse per article) and
//! writes back only what [`policy`] allows. Nothing it does not name can appear in the output:
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
    clean_fragment(html).0
}

/// The sanitised HTML and the same content as a tree, built in the walk that writes the HTML.
///
/// Text and Markdown are rendered from the tree: parsing the sanitised HTML again would give
/// the same nodes (everything written is allow-listed, well nested and escaped; adjacent text
/// is merged here as a parser merges it) at the cost of another full parse per article.
pub(crate) fn clean_fragment(html: &str) -> (String, Html) {
    let frag = crate::limits::parse_fragment(html);
    let mut out = String::with_capacity(html.len());
    let mut tree = Html::new_fragment();
    let html_ns: Namespace = ns!(html);
    let mathml_ns: Namespace = ns!(mathml);
    let top = tree
        .tree
        .root_mut()
        .append(Node::Element(Element::new(
            QualName::new(None, ns!(html), local_name!("html")),
            Vec::new(),
        )))
        .id();
    // The output element new nodes go into, innermost last: one per written element.
    let mut parents = vec![top];
    // Per open element: the tag to close when it ends (None: unwrapped, nothing written).
    let mut closes: Vec<Option<&'static str>> = Vec::new();
    // The subtree being dropped.
    let mut skip = Skip::default();
    // Nothing has been written since a `<pre>` start tag.
    let mut after_pre = false;
    let root = frag.root_element();
    for edge in root.traverse() {
        if skip.passes(&edge) {
            continue;
        }
        match edge {
            Edge::Open(n) if n.id() == root.id() => {}
            Edge::Close(n) if n.id() == root.id() => {}
            Edge::Open(n) => {
                let parent = parents.last().copied().unwrap_or(top);
                match n.value() {
                    Node::Text(t) => {
                        // A parser drops one newline right after `<pre>`; when the first text
                        // written inside a `pre` starts with one, write one more to keep it.
                        if std::mem::take(&mut after_pre) && t.starts_with('\n') {
                            out.push('\n');
                        }
                        escape::text(&mut out, t);
                        append_text(&mut tree, parent, t);
                    }
                    Node::Element(e) => {
                        let local: &str = &e.name.local;
                        let table = if e.name.ns == html_ns {
                            Some(policy::TAGS)
                        } else if e.name.ns == mathml_ns {
                            Some(MATHML_TAGS)
                        } else {
                            None
                        };
                        // Other namespaces (SVG) go whole, with their content.
                        let Some(table) =
                            table.filter(|_| !policy::DROP_WITH_CONTENT.contains(&local))
                        else {
                            skip.start(n.id());
                            closes.push(None);
                            continue;
                        };
                        let Some(tag) = table.iter().copied().find(|t| *t == local) else {
                            closes.push(None);
                            continue;
                        };
                        let mut attrs = Vec::new();
                        out.push('<');
                        out.push_str(tag);
                        for (name, value) in e.attrs.iter() {
                            let attr: &str = &name.local;
                            if name.ns != ns!() || !policy::keep_attr(tag, attr, value) {
                                continue;
                            }
                            escape::attribute(&mut out, attr, value);
                            attrs.push(Attribute {
                                name: name.clone(),
                                value: value.clone(),
                            });
                        }
                        for (attr, value) in policy::added_attrs(tag) {
                            escape::attribute(&mut out, attr, value);
                            attrs.push(Attribute {
                                name: QualName::new(None, ns!(), LocalName::from(*attr)),
                                value: (*value).into(),
                            });
                        }
                        out.push('>');
                        after_pre = tag == "pre";
                        let element = Element::new(
                            QualName::new(None, e.name.ns.clone(), LocalName::from(tag)),
                            attrs,
                        );
                        let id = match tree.tree.get_mut(parent) {
                            Some(mut p) => p.append(Node::Element(element)).id(),
                            None => parent,
                        };
                        parents.push(id);
                        closes.push(Some(tag));
                    }
                    _ => {}
                }
            }
            Edge::Close(n) => {
                if n.value().is_element() {
                    if let Some(Some(tag)) = closes.pop() {
                        after_pre = false;
                        parents.pop();
                        escape::end_tag(&mut out, tag);
                    }
                }
            }
        }
    }
    (out, tree)
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
            let (clean, tree) = super::clean_fragment(html);
            let again = crate::limits::parse_fragment(&clean);
            let reparsed: String = again.root_element().text().collect();
            let built: String = tree.root_element().text().collect();
            assert_eq!(built, text, "{html} -> {clean}");
            assert_eq!(reparsed, text, "{html} -> {clean}");
        }
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
