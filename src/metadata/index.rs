//! The few element kinds metadata reads, gathered in one walk over the document.
//!
//! Metadata used to run a `Selector` over the whole tree for each kind (meta, script, base,
//! link, title, body, headings): eight walks with selector matching per element, 3–4% of
//! `extract` on real pages. One walk comparing local names does the same. The order within
//! each list is the tree's node order, as `Html::select` gives it, so results are unchanged.

use scraper::{ElementRef, Html};

#[derive(Default)]
pub struct Index<'a> {
    pub metas: Vec<ElementRef<'a>>,
    pub scripts: Vec<ElementRef<'a>>,
    pub links: Vec<ElementRef<'a>>,
    pub base: Option<ElementRef<'a>>,
    pub title: Option<ElementRef<'a>>,
    pub body: Option<ElementRef<'a>>,
    /// `h1` and `h2` elements.
    pub headings: Vec<ElementRef<'a>>,
}

impl<'a> Index<'a> {
    pub fn build(doc: &'a Html) -> Index<'a> {
        use crate::dom::Attribute;
        let mut ix = Index::default();
        for node in doc.tree.nodes() {
            let Some(el) = ElementRef::wrap(node) else {
                continue;
            };
            let e = el.value();
            match e.name() {
                "meta" if e.attribute("content").is_some() => ix.metas.push(el),
                "script" => ix.scripts.push(el),
                "link" if e.attribute("rel").is_some() && e.attribute("href").is_some() => {
                    ix.links.push(el)
                }
                "base" if ix.base.is_none() && e.attribute("href").is_some() => ix.base = Some(el),
                "title" if ix.title.is_none() => ix.title = Some(el),
                "body" if ix.body.is_none() => ix.body = Some(el),
                "h1" | "h2" => ix.headings.push(el),
                _ => {}
            }
        }
        ix
    }
}
