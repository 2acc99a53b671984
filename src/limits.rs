//! Bounded parsing: the HTML parser's work is counted and capped in proportion to the input.
//!
//! html5ever implements the HTML standard's tree construction, whose "has an element in scope"
//! and "close a p element" steps walk the stack of open elements. On a page of N nested `div`s
//! (or `ul`/`li`, `blockquote`, …) every start tag walks a stack of up to N entries, so parse
//! time grows with N²: 20,000 nested `div`s take seconds, 100,000 would take minutes — a hang
//! in a browser tab. No byte-level pre-scan can predict the parser's stack exactly (implied end
//! tags, foster parenting, the adoption agency), so the guard measures the real thing: the tree
//! sink below counts every time the parser inspects an element on its stack (`elem_name`,
//! `same_node`, the calls behind those walks), and the input is fed in chunks; once the count
//! passes `Options::parse_steps_per_byte` × input length (plus a fixed allowance), parsing
//! stops with [`Error::TooComplex`](crate::Error::TooComplex). Parse time is therefore linear
//! in the input size, whatever its shape.
//!
//! Real pages need a handful of steps per byte (the corpora in `../shared`: at most 0.65 on 2,635 pages;
//! see `tests/limits.rs`); the default allows 16. Deep nesting that does not make the parser
//! walk its stack (100,000 nested `span`s, say) parses in linear time and is handled by the
//! later phases, which never recurse on depth.

use std::borrow::Cow;
use std::cell::{Cell, Ref};
use std::rc::Rc;

use ego_tree::NodeId;
use html5ever::driver::{self, ParseOpts};
use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::TreeBuilderOpts;
use html5ever::{Attribute, QualName};
use scraper::{Html, HtmlTreeSink};

/// Default for `Options::parse_steps_per_byte`.
pub const DEFAULT_PARSE_STEPS_PER_BYTE: u64 = 16;
/// Steps every input may take whatever its size (a tiny page with a few deep tags).
pub const BASE_PARSE_STEPS: u64 = 1_000_000;
/// Input is fed to the parser in chunks of this many bytes; the budget is checked between
/// chunks, so one chunk is the most that can be parsed past the limit.
const CHUNK: usize = 16 * 1024;

/// The parser's step budget for an input of `len` bytes.
pub fn step_budget(len: usize, steps_per_byte: u64) -> u64 {
    BASE_PARSE_STEPS.saturating_add((len as u64).saturating_mul(steps_per_byte))
}

/// scraper's tree sink, counting the parser's stack inspections.
struct CountingSink {
    inner: HtmlTreeSink,
    steps: Rc<Cell<u64>>,
}

impl CountingSink {
    fn tick(&self) {
        self.steps.set(self.steps.get().saturating_add(1));
    }
}

impl TreeSink for CountingSink {
    type Handle = NodeId;
    type Output = Html;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Html {
        self.inner.finish()
    }
    // Parse errors are not kept: a hostile page can have millions, and nothing reads them.
    fn parse_error(&self, _msg: Cow<'static, str>) {}
    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        self.tick();
        self.inner.elem_name(target)
    }
    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        self.tick();
        self.inner.create_element(name, attrs, flags)
    }
    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }
    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }
    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.inner.append(parent, child)
    }
    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        self.inner
            .append_based_on_parent_node(element, prev_element, child)
    }
    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id)
    }
    fn mark_script_already_started(&self, node: &NodeId) {
        self.inner.mark_script_already_started(node)
    }
    fn pop(&self, node: &NodeId) {
        self.inner.pop(node)
    }
    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }
    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.tick();
        self.inner.same_node(x, y)
    }
    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode)
    }
    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        self.inner.append_before_sibling(sibling, new_node)
    }
    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs)
    }
    fn associate_with_form(
        &self,
        target: &NodeId,
        form: &NodeId,
        nodes: (&NodeId, Option<&NodeId>),
    ) {
        self.inner.associate_with_form(target, form, nodes)
    }
    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target)
    }
    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.tick();
        self.inner.reparent_children(node, new_parent)
    }
    fn is_mathml_annotation_xml_integration_point(&self, handle: &NodeId) -> bool {
        self.inner
            .is_mathml_annotation_xml_integration_point(handle)
    }
}

/// Parse `html` as a document (scripting disabled, see `parse.rs`) within `budget` parser
/// steps. `Err(steps)` when the budget ran out.
pub fn parse_document_bounded(html: &str, budget: u64) -> Result<Html, u64> {
    parse_counting(html, budget).0
}

/// [`parse_document_bounded`], with the number of steps taken.
pub fn parse_document_counted(html: &str, budget: u64) -> (Result<Html, u64>, u64) {
    parse_counting(html, budget)
}

/// Parse `html` as a fragment in a `<body>` (as `Html::parse_fragment` does), through the same
/// sink type as the document parse.
///
/// Going through `CountingSink` rather than scraper's own sink is about size, not limits:
/// html5ever's tokenizer and tree builder are generic over the sink, so every distinct sink
/// type is another full copy of the parser in the `.wasm` (about 50 KB gzipped each). The
/// fragments parsed here are the extractor's own output, already bounded by the document
/// parse, so no budget applies.
pub fn parse_fragment(html: &str) -> Html {
    let sink = CountingSink {
        inner: HtmlTreeSink::new(Html::new_fragment()),
        steps: Rc::new(Cell::new(0)),
    };
    let context = QualName::new(None, html5ever::ns!(html), html5ever::local_name!("body"));
    driver::parse_fragment(sink, ParseOpts::default(), context, Vec::new(), false)
        .one(StrTendril::from_slice(html))
}

/// How many parser steps `html` takes (the measure the budget applies to).
pub fn parse_steps(html: &str) -> u64 {
    parse_counting(html, u64::MAX).1
}

fn parse_counting(html: &str, budget: u64) -> (Result<Html, u64>, u64) {
    let steps = Rc::new(Cell::new(0u64));
    let sink = CountingSink {
        inner: HtmlTreeSink::new(Html::new_document()),
        steps: Rc::clone(&steps),
    };
    let opts = ParseOpts {
        tree_builder: TreeBuilderOpts {
            scripting_enabled: false,
            ..TreeBuilderOpts::default()
        },
        ..ParseOpts::default()
    };
    let mut parser = driver::parse_document(sink, opts);
    let mut rest = html;
    while !rest.is_empty() {
        let mut end = rest.len().min(CHUNK);
        while !rest.is_char_boundary(end) {
            end += 1;
        }
        parser.process(StrTendril::from_slice(&rest[..end]));
        rest = &rest[end..];
        if steps.get() > budget {
            return (Err(steps.get()), steps.get());
        }
    }
    let doc = parser.finish();
    let n = steps.get();
    (if n > budget { Err(n) } else { Ok(doc) }, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_parse_equals_one_shot_parse() {
        // Chunk boundaries inside a tag, an entity and a multi-byte character change nothing.
        let mut html = String::from("<!doctype html><title>t</title><p>");
        while html.len() < 3 * CHUNK {
            html.push_str("caf\u{e9} &eacute; <a href='https://x.example/'>\u{1F600}</a> ");
        }
        let a = parse_document_bounded(&html, u64::MAX).unwrap();
        let b = Html::parse_document(&html);
        assert_eq!(a.root_element().html(), b.root_element().html());
    }

    #[test]
    fn nesting_that_makes_the_parser_quadratic_is_refused() {
        let n = 50_000;
        let html = format!("{}x{}", "<div>".repeat(n), "</div>".repeat(n));
        let budget = step_budget(html.len(), DEFAULT_PARSE_STEPS_PER_BYTE);
        let steps = parse_document_bounded(&html, budget).unwrap_err();
        // Stopped within one chunk of the budget, far below the ~n²/2 a full parse needs.
        assert!(steps < (n as u64 * n as u64) / 8, "{steps}");
    }
}
