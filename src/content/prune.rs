//! First pass over the whole page: drop what can never be article content, before any scoring,
//! so clutter neither earns nor dilutes a score.

use crate::dom::Attribute;

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::node::{Element, Node};
use scraper::Html;

use super::patterns::{class_id, is_certain_clutter, is_unlikely, names, UNLIKELY_ROLES};

/// How aggressive a pass is; later passes relax these when the first finds too little.
#[derive(Debug, Clone, Copy)]
pub struct Flags {
    /// Drop what the page's own markup hides (`hidden`, `display:none`, `aria-hidden`). The
    /// browser's computed marks are always honoured; the page's own may hide content that its
    /// scripts reveal (streamed server rendering), so a fallback pass keeps them.
    pub strip_hidden: bool,
    /// Drop blocks whose class, id or role names clutter, and sign-up and search forms.
    /// (`nav`, `aside`, the page's `header` and `footer` and modal dialogs go in every pass.)
    pub strip_unlikely: bool,
    pub weight_classes: bool,
    pub clean_conditionally: bool,
    /// The page declares itself an article (set per page, not per pass). Its rails of linked
    /// `article` cards go while cleaning (`clean::is_teaser`), its collapsed FAQ panels stay
    /// hidden, and blocks named "card" read as teasers. Elsewhere (shops, landing pages,
    /// listings) cards are the items the page lists and collapsed panels hold its
    /// description.
    pub article: bool,
    /// The page declares itself a discussion (a forum thread, a Q&A page): its replies are
    /// the content, so names saying "comment" are not read as clutter.
    pub discussion: bool,
}

impl Flags {
    pub const ALL: Flags = Flags {
        strip_hidden: true,
        strip_unlikely: true,
        weight_classes: true,
        clean_conditionally: true,
        article: false,
        discussion: false,
    };
}

/// Elements that never carry readable article content (or cannot be shown safely).
fn always_dropped(name: &str) -> bool {
    matches!(
        name,
        "style"
            | "template"
            | "link"
            | "meta"
            | "title"
            | "base"
            | "head"
            | "embed"
            | "object"
            | "applet"
            | "param"
            | "canvas"
            | "input"
            | "button"
            | "select"
            | "option"
            | "optgroup"
            | "textarea"
            | "datalist"
            | "output"
            | "progress"
            | "meter"
            | "dialog"
            | "frame"
            | "frameset"
            | "noframes"
            | "map"
            | "area"
            | "portal"
            | "slot"
    )
}

/// Inline `style` that hides the element.
fn style_hides(style: &str) -> bool {
    let s: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    s.contains("display:none") || s.contains("visibility:hidden")
}

/// A utility class that hides the element in every common CSS framework (Bootstrap's `hide`,
/// `hidden`, `d-none`, `invisible`; Tailwind's `hidden`; Foundation's `hide`; the `is-hidden` /
/// `u-hidden` conventions), a screen-reader-only class (`sr-only`, WordPress's
/// `screen-reader-text`, `visually-hidden`: text a sighted reader never sees), or a form
/// builder's status message shown only after a submission (Webflow's `w-form-done` /
/// `w-form-fail`, Contact Form 7's `screen-reader-response`, Gravity Forms' honeypot).
/// Without the page's style sheets (the CLI, a crawler) this is the only sign left that a
/// block is never shown: stores keep spec tables and variant data there, news sites the
/// print-only or app-only copy (in the extension the browser's computed style marks them as
/// well). Not when another class shows the element again at some screen size
/// (Tailwind `hidden md:block`, Bootstrap `d-none d-lg-flex`): desktop readers see it.
fn class_hides(class: &str) -> bool {
    // Every element with a class passes here, so the common case (no hiding class) is one
    // cheap scan; the responsive overrides are looked for only after a hit.
    // Compared without case: templates write `Hidden`, `hideAll`.
    const HIDING: &[&str] = &[
        "hide",
        "hidden",
        "hideall",
        "hide-all",
        "d-none",
        "invisible",
        "is-hidden",
        "u-hidden",
        "w-form-done",
        "w-form-fail",
        "gform_validation_container",
        "screen-reader-response",
        "sr-only",
        "screen-reader-text",
        "visually-hidden",
        "visuallyhidden",
        "element-invisible",
    ];
    let hiding = |t: &str| HIDING.iter().any(|h| t.eq_ignore_ascii_case(h));
    class.split_ascii_whitespace().any(hiding) && !class.split_ascii_whitespace().any(shows_again)
}

/// A responsive display class: `md:block`, `lg:flex`, `d-md-block`, `d-lg-inline-flex`,
/// `show@medium`.
fn shows_again(t: &str) -> bool {
    let display = |d: &str| {
        matches!(
            d,
            "block"
                | "flex"
                | "grid"
                | "inline"
                | "inline-block"
                | "inline-flex"
                | "table"
                | "contents"
                | "visible"
                | "show"
        )
    };
    if let Some((_, d)) = t.rsplit_once(':') {
        return display(d);
    }
    if let Some((d, _)) = t.split_once('@') {
        return display(d);
    }
    t.strip_prefix("d-")
        .and_then(|r| r.split_once('-'))
        .is_some_and(|(_, d)| display(d))
}

/// Whether a block hidden by a class holds sentences: script-revealed copy (an FAQ's answers,
/// the source a script copies into a tabbed section) is the page's text, while what stays
/// hidden for good is data — variant tables, spec lists, prices, print-only labels. Reads at
/// most a few hundred nodes, so nested hidden blocks cost no more than a bounded walk each.
/// Not [`holds_prose`]: it wants `p` elements of 120+ characters, and revealed copy is often
/// shorter sentences in any element (the 90-character tab texts of one WCXB page would not count).
fn holds_sentences(node: NodeRef<'_, Node>) -> bool {
    node.descendants().take(400).any(|n| {
        let Node::Text(t) = n.value() else {
            return false;
        };
        // A sentence: several words ending in a full stop, or running on past one.
        let t = t.trim();
        t.len() >= 60 && t.contains(' ') && (t.ends_with(['.', '?', '!']) || t.contains(". "))
    })
}

fn is_mathish(cid: &str) -> bool {
    cid.contains("math") || cid.contains("katex") || cid.contains("mjx")
}

/// Hidden by the page's own markup or by the browser's computed style (the extension marks
/// such elements with `hidden_attr` before it hands the page over).
fn is_hidden(el: &Element, hidden_attr: Option<&str>, flags: Flags) -> bool {
    if hidden_attr.is_some_and(|a| el.attribute(a).is_some()) {
        return true;
    }
    if !flags.strip_hidden {
        return false;
    }
    if el.attribute("hidden").is_some() && el.name() != "details" {
        return true;
    }
    if el.attribute("style").is_some_and(style_hides) {
        return true;
    }
    if el
        .attribute("aria-hidden")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        // MathJax and KaTeX mark their visual rendering aria-hidden while the math itself
        // lives beside it; figures and images are sometimes marked by mistake.
        let cid = class_id(el);
        return !is_mathish(&cid) && !matches!(el.name(), "img" | "figure" | "picture");
    }
    false
}

/// A part of the page the reader can open (an accordion section, a disclosure panel, the
/// content of a closed `<details>`), hidden only until clicked: its text is the article's. It
/// still meets every clutter rule after this (a hidden menu or dialog is dropped as one).
/// Hidden tab panels are not counted: settings dialogs are built of them.
///
/// Outside articles, a hidden block named as a disclosure's body (an FAQ answer, an
/// accordion or collapse panel, a shop's expander such as Amazon's `a-expander-content`) that
/// holds sentences counts too, however it is wired: shops and landing pages keep their
/// description and FAQ in them. In an article the collapsed FAQ under the story is an
/// appendix the reader did not open, and it stays out.
fn is_collapsed_panel(
    node: NodeRef<'_, Node>,
    el: &Element,
    markers: &Markers,
    flags: Flags,
) -> bool {
    if node
        .parent()
        .and_then(|p| p.value().as_element())
        .is_some_and(|e| e.name() == "details")
    {
        return true;
    }
    let role = el.attribute("role").map(str::trim);
    if role == Some("region") && el.attribute("aria-labelledby").is_some() {
        return true;
    }
    if !flags.article
        && el.attribute("class").is_some_and(|c| {
            ["faq", "answer", "accordion", "expander", "collapse"]
                .iter()
                .any(|w| crate::text::find_ascii_ci(c.as_bytes(), 0, w.as_bytes()).is_some())
        })
        && holds_sentences(node)
    {
        return true;
    }
    markers.toggled(el) && !matches!(role, Some("dialog" | "alertdialog" | "menu" | "listbox"))
}

/// An accordion's panel as WAI-ARIA describes it: `role=region`, opened by the button before
/// it (labelled by it, controlled by it, or simply following a block that holds an
/// `aria-expanded` toggle). Such a panel is named after the widget part
/// (`accordion-item__dropdown`, `collapse`), not after what it holds: with sentences in it,
/// it is an FAQ answer or a section of the page, not a menu. A banner, carousel or dialog
/// that merely carries `role=region` is not wired to a toggle and meets the name rules.
fn is_accordion_panel(node: NodeRef<'_, Node>, el: &Element, markers: &Markers) -> bool {
    el.attribute("role").is_some_and(|r| r.trim() == "region")
        && (el.attribute("aria-labelledby").is_some()
            || markers.toggled(el)
            || node
                .prev_siblings()
                .find(|s| s.value().is_element())
                .is_some_and(|s| {
                    s.descendants().take(50).any(|n| {
                        n.value()
                            .as_element()
                            .is_some_and(|e| e.attribute("aria-expanded").is_some())
                    })
                }))
}

/// Which elements hold, somewhere below them, a mark of the article itself: `main`, `h1`,
/// `role=main`, `itemprop=articleBody`, and (a second, weaker set) `article`.
///
/// Computed for the whole page in one post-order pass, so asking costs nothing however big
/// the subtree: a per-element scan had to give up past a few thousand nodes and then kept
/// every huge clutter block (a comment section with hundreds of kudos links) as "maybe".
struct Markers {
    /// Holds main/h1/articleBody/role=main below it.
    page: crate::dom::IdSet,
    /// Holds any of those or an `<article>` below it.
    article: crate::dom::IdSet,
    /// Ids that a disclosure button opens and closes: `aria-controls` on an element with
    /// `aria-expanded`, or on a `<button>` with no `role` (some accordions keep their state
    /// in a `data-` attribute). Not a tab (`role=tab`): hidden tab panels are not counted.
    /// A plain button may also open a drawer or a menu: the panel then still meets every
    /// clutter rule, as any collapsed panel does.
    controlled: std::collections::HashSet<String>,
}

impl Markers {
    fn of(doc: &Html) -> Markers {
        let mut page = crate::dom::IdSet::default();
        let mut article = crate::dom::IdSet::default();
        let mut controlled = std::collections::HashSet::new();
        // Per open element: (page mark below, article mark below).
        let mut stack: Vec<(bool, bool)> = Vec::new();
        for edge in doc.tree.root().traverse() {
            match edge {
                Edge::Open(n) => {
                    if let Some(e) = n.value().as_element() {
                        stack.push((false, false));
                        let opens = e.attribute("aria-expanded").is_some()
                            || (e.name() == "button" && e.attribute("role").is_none());
                        if opens && controlled.len() < 10_000 {
                            if let Some(ids) = e.attribute("aria-controls") {
                                controlled.extend(crate::text::words(ids).map(str::to_string));
                            }
                        }
                    }
                }
                Edge::Close(n) => {
                    let Some(e) = n.value().as_element() else {
                        continue;
                    };
                    let (p, a) = stack.pop().unwrap_or_default();
                    if p {
                        page.insert(n.id());
                    }
                    if a {
                        article.insert(n.id());
                    }
                    let own_page = matches!(e.name(), "main" | "h1")
                        || e.attribute("itemprop")
                            .is_some_and(|p| p.contains("articleBody"))
                        || e.attribute("role").is_some_and(|r| r == "main");
                    let own_article = own_page || e.name() == "article";
                    if let Some(parent) = stack.last_mut() {
                        parent.0 |= p || own_page;
                        parent.1 |= a || own_article;
                    }
                }
            }
        }
        Markers {
            page,
            article,
            controlled,
        }
    }

    /// Does the subtree (not counting the element itself) hold a mark of the article?
    fn article(&self, node: NodeRef<'_, Node>) -> bool {
        self.article.contains(&node.id())
    }

    /// Like [`Markers::article`], but an `<article>` inside does not count: comment widgets
    /// and related-story rails wrap each of their items in one.
    fn page(&self, node: NodeRef<'_, Node>) -> bool {
        self.page.contains(&node.id())
    }

    /// Is the element one that a disclosure button opens and closes (its id in
    /// [`Markers::controlled`])?
    fn toggled(&self, el: &Element) -> bool {
        el.attribute("id")
            .is_some_and(|id| self.controlled.contains(id.trim()))
    }
}

fn has_ancestor(node: NodeRef<'_, Node>, names: &[&str]) -> bool {
    node.ancestors().take(300).any(|a| {
        a.value()
            .as_element()
            .is_some_and(|e| names.contains(&e.name()) || e.attribute("role") == Some("main"))
    })
}

/// Image sources recovered from `<noscript>` fallbacks of lazy-loaded images, keyed by the
/// placeholder `img` they belong to.
pub type LazyFallbacks = crate::dom::IdMap<String>;

/// Remove hidden elements, page chrome and clutter from the whole document.
///
/// `keep_noscript` is [`noscript_holds_the_page`], asked once per page by the caller rather
/// than once per pass: it walks the whole document.
pub fn prune(
    doc: &mut Html,
    undo: &mut super::Undo,
    hidden_attr: Option<&str>,
    flags: Flags,
    keep_noscript: bool,
) -> LazyFallbacks {
    let markers = Markers::of(doc);
    let mut doomed: Vec<NodeId> = Vec::new();
    let mut lazy = LazyFallbacks::default();
    let mut skip: Option<NodeId> = None;
    // The outermost open `pre` or `code`: inside it, class names are a highlighter's token
    // kinds (`hljs-comment`, Prism's `token comment`), not page furniture.
    let mut code: Option<NodeId> = None;
    for edge in doc.tree.root().traverse() {
        let node = match edge {
            Edge::Open(n) => n,
            Edge::Close(n) => {
                if skip == Some(n.id()) {
                    skip = None;
                }
                if code == Some(n.id()) {
                    code = None;
                }
                continue;
            }
        };
        if skip.is_some() {
            continue;
        }
        let remove = match node.value() {
            Node::Comment(_) | Node::ProcessingInstruction(_) => true,
            Node::Element(el) => {
                if el.name() == "noscript" {
                    noscript_fallback(node, &mut lazy);
                    !keep_noscript
                } else {
                    let remove = decide(node, el, hidden_attr, flags, &markers, code.is_some());
                    if !remove && code.is_none() && matches!(el.name(), "pre" | "code") {
                        code = Some(node.id());
                    }
                    remove
                }
            }
            _ => false,
        };
        if remove {
            let boxed = match node.value().as_element() {
                Some(e) if e.name() == "form" && flags.strip_unlikely && asks_for_contact(node) => {
                    form_box(node, &markers)
                }
                _ => None,
            };
            if let Some(b) = boxed {
                // The rest of the box goes with it: no need to judge it (and a box holding
                // thousands of forms is judged once, not once per form).
                doomed.push(b);
                skip = Some(b);
            } else {
                doomed.push(node.id());
                if node.has_children() {
                    skip = Some(node.id());
                }
            }
        }
    }
    for id in doomed {
        undo.detach(doc, id);
    }
    lazy
}

fn decide(
    node: NodeRef<'_, Node>,
    el: &Element,
    hidden_attr: Option<&str>,
    flags: Flags,
    markers: &Markers,
    in_code: bool,
) -> bool {
    let name = el.name();
    if matches!(name, "html" | "body") {
        return false;
    }
    if name == "script" {
        // MathJax 2 keeps TeX in `<script type="math/tex">`: that is content.
        return !el
            .attribute("type")
            .is_some_and(|t| t.starts_with("math/tex"));
    }
    if always_dropped(name) {
        return true;
    }
    if name == "svg" {
        return true;
    }
    if name == "iframe" {
        return super::serialize::video_link(el.attribute("src").unwrap_or("")).is_none();
    }
    if is_hidden(el, hidden_attr, flags) && !is_collapsed_panel(node, el, markers, flags) {
        return true;
    }
    if flags.strip_hidden
        && el.attribute("class").is_some_and(class_hides)
        && !is_collapsed_panel(node, el, markers, flags)
        && !holds_sentences(node)
    {
        return true;
    }
    if name == "img" && is_tracking_pixel(el) {
        return true;
    }
    if in_code {
        return false;
    }
    // The page's own landmarks of chrome go in every pass: a pass that relaxes the rules
    // because the first found little (a shop's cards, a landing page) would otherwise hand
    // the win to the mega-menu or the footer's link lists.
    if matches!(name, "nav" | "aside") || (name == "footer" && !has_ancestor(node, &["article"])) {
        return !markers.article(node);
    }
    if name == "header" && !has_ancestor(node, &["article", "main"]) {
        return !markers.article(node) || has_descendant(node, "nav");
    }
    if el
        .attribute("aria-modal")
        .is_some_and(|v| v.trim() == "true")
    {
        return true;
    }
    if is_consent_box(el) && !holds_prose(node, 3) {
        return true;
    }
    // A short form asking for an e-mail address or a phone number is a sign-up or contact
    // box in every pass: the relaxed passes, run when a page holds little prose, would
    // otherwise hand its field labels and honeypot notes to the reader. (Not a form that
    // holds the page's headline or main area: ASP.NET wraps whole pages in one.)
    if name == "form"
        && text_len_at_most(node, 1000)
        && asks_for_contact(node)
        && !markers.page(node)
    {
        return true;
    }
    if !flags.strip_unlikely {
        return false;
    }
    if name == "form" && el.attribute("role").is_some_and(|r| r == "search") {
        return true;
    }
    // Labels name form fields; a form with little text is a sign-up, search or contact box
    // (pages that wrap everything in one `<form>` hold far more text than this).
    // (Shops wrap each product card in an "add to cart" form with no field to fill: those stay.)
    if name == "label"
        || (name == "form" && text_len_at_most(node, 1000) && has_fillable_field(node))
    {
        return true;
    }
    if let Some(role) = el.attribute("role") {
        let role = role.trim().to_ascii_lowercase();
        if UNLIKELY_ROLES.contains(&role.as_str()) && !markers.article(node) {
            return true;
        }
    }
    if matches!(
        name,
        "a" | "main"
            | "article"
            | "table"
            | "tbody"
            | "thead"
            | "tr"
            | "td"
            | "th"
            | "code"
            | "pre"
    ) {
        return false;
    }
    let cid = names(el, flags);
    if cid.is_empty() {
        return false;
    }
    // A sign-up box is a few lines; a block named after the newsletter that holds many
    // paragraphs of prose is an issue of it (newsletter archives publish them as articles).
    if is_certain_clutter(&cid)
        && !markers.page(node)
        && !(cid.contains("newsletter") && holds_prose(node, 6))
    {
        return true;
    }
    if is_unlikely(&cid)
        && !markers.article(node)
        && !((is_expander(&cid) && holds_prose(node, 3))
            || (is_layout_wrapper(&cid) && holds_prose(node, 6))
            || (is_sidebar_layout(&cid) && holds_prose(node, 2))
            || (is_accordion_panel(node, el, markers) && holds_sentences(node)))
    {
        return true;
    }
    false
}

/// A cookie or consent banner goes in every pass: the relaxed passes run when the page's
/// article is short or oddly named, and that is when a banner's paragraph would win. A
/// cookie policy page's own text is prose, which keeps it.
fn is_consent_box(el: &Element) -> bool {
    // Asked of every element in every pass: a case-blind search in place, no lowercase copy.
    let names = |v: &str| {
        [&b"cookie"[..], b"consent", b"gdpr"]
            .iter()
            .any(|w| crate::text::find_ascii_ci(v.as_bytes(), 0, w).is_some())
    };
    ["class", "id"]
        .iter()
        .filter_map(|a| el.attribute(a))
        .any(names)
}

/// A "read more" name: usually a rail of links to other stories, but news sites also give it
/// to the collapsed second half of the story itself (a button expands it). A "jump link" block
/// is likewise an in-page menu of the sections, or, in some CMSs (Drupal's `jump-link`
/// paragraph type), the sections themselves with that menu at their head.
fn is_expander(class_id: &str) -> bool {
    [
        "read-more",
        "readmore",
        "show-more",
        "showmore",
        "jump-link",
    ]
    .iter()
    .any(|w| class_id.contains(w))
}

/// A layout wrapper named after the column it places beside the content: `sidebar-container`,
/// `has-sidebar`, `with-sidebar`. It holds the main column too, so when it holds paragraphs of
/// prose it is not the sidebar. (`sidebar-layout` is read by [`is_sidebar_layout`], which
/// asks for less prose.)
fn is_layout_wrapper(class_id: &str) -> bool {
    class_id.split_ascii_whitespace().any(|t| {
        (t.contains("sidebar") || t.contains("aside"))
            && (t.starts_with("has-")
                || t.starts_with("with-")
                || ["-container", "-wrapper", "-wrap", "-grid"]
                    .iter()
                    .any(|s| t.ends_with(s)))
    })
}

/// A layout named after where it puts the sidebar (`c-layout-sidebar-left`,
/// `layout--sidebar-right`, `sidebar-layout`): the page's grid, holding the main column beside the sidebar, so
/// two paragraphs of prose in it are the article (a sidebar is never called a layout).
fn is_sidebar_layout(class_id: &str) -> bool {
    class_id
        .split_ascii_whitespace()
        .any(|t| t.contains("layout") && (t.contains("sidebar") || t.contains("aside")))
}

/// Does the subtree hold several paragraphs of running prose (sentences, few links)? Then a
/// "read more" block is the story's continuation, not a rail of links. Tried for every
/// unlikely name, this let teaser rails with long summaries in; it is kept to expanders.
fn holds_prose(node: NodeRef<'_, Node>, paragraphs: usize) -> bool {
    const MIN_CHARS: usize = 120;
    let mut found = 0;
    for (seen, n) in node.descendants().enumerate() {
        if seen > 4000 {
            break;
        }
        let Some(e) = n.value().as_element() else {
            continue;
        };
        if e.name() != "p" {
            continue;
        }
        let (mut text, mut link) = (0usize, 0usize);
        for t in n.descendants() {
            if let Node::Text(s) = t.value() {
                let len = s.trim().chars().count();
                text += len;
                let in_link = t
                    .ancestors()
                    .take_while(|a| a.id() != n.id())
                    .any(|a| a.value().as_element().is_some_and(|e| e.name() == "a"));
                if in_link {
                    link += len;
                }
            }
        }
        if text >= MIN_CHARS && link * 4 < text {
            found += 1;
            if found >= paragraphs {
                return true;
            }
        }
    }
    false
}

/// Does the subtree hold at most `limit` characters of text? Stops reading past the limit.
///
/// Counts only text a reader sees as the form's prose: a choice list's options (countries,
/// budgets, 200 US states) and the validation scripts form builders put inside the form are
/// not, and counting them let long contact forms pass for a page wrapped in a `<form>`.
fn text_len_at_most(node: NodeRef<'_, Node>, limit: usize) -> bool {
    let mut len = 0usize;
    for n in node.descendants() {
        if let Node::Text(t) = n.value() {
            let unseen = n
                .parent()
                .and_then(|p| p.value().as_element())
                .is_some_and(|e| {
                    matches!(
                        e.name(),
                        "option" | "optgroup" | "script" | "style" | "template"
                    )
                });
            if unseen {
                continue;
            }
            len += t.trim().len();
            if len > limit {
                return false;
            }
        }
    }
    true
}

/// The box a removed form sits in, when the rest of the box only talks about the form: the
/// pitch ("Get our best deals texted to you"), the heading ("Contact us") and the fine print
/// ("By signing up, you agree…") of a sign-up or contact box mean nothing once the form is
/// gone. Climbs while the ancestors hold little text besides the form and at most one
/// paragraph of prose (a box's pitch can be one), never into the page's own landmarks or a
/// block holding the headline: a short story with a box inside stays.
fn form_box(form: NodeRef<'_, Node>, markers: &Markers) -> Option<NodeId> {
    /// Two short paragraphs: more than a box's pitch and fine print, less than the shortest
    /// article section a form could be embedded in.
    const MAX_OUTSIDE: usize = 500;
    const MAX_CLIMB: usize = 12;
    let mut found = None;
    for a in form.ancestors().take(MAX_CLIMB) {
        let Some(e) = a.value().as_element() else {
            break;
        };
        if matches!(
            e.name(),
            "html" | "body" | "main" | "article" | "td" | "th" | "tr" | "tbody" | "table"
        ) || e.attribute("role").is_some_and(|r| r == "main")
            || markers.page(a)
            || !text_outside_at_most(a, form.id(), MAX_OUTSIDE)
            || holds_prose(a, 2)
        {
            break;
        }
        found = Some(a.id());
    }
    found
}

/// A form that asks for an e-mail address or a phone number: a sign-up or contact form, as
/// opposed to a shop's quantity picker or a site search, whose surroundings are the page's.
fn asks_for_contact(form: NodeRef<'_, Node>) -> bool {
    form.descendants().take(4000).any(|n| {
        let Some(e) = n.value().as_element() else {
            return false;
        };
        if e.name() != "input" {
            return false;
        }
        let kind = input_type(e);
        if matches!(kind.as_str(), "email" | "tel") {
            return true;
        }
        if !matches!(kind.as_str(), "" | "text") {
            return false;
        }
        ["name", "id", "placeholder", "autocomplete", "aria-label"]
            .iter()
            .filter_map(|a| e.attribute(a))
            .any(|v| {
                let v = v.to_ascii_lowercase();
                v.contains("mail") || v.contains("phone")
            })
    })
}

/// Does the subtree, leaving out the subtree of `skip`, hold at most `limit` characters of
/// text? Unlike [`text_len_at_most`] it counts every text node, scripts and choice lists
/// included (a box's inline script counts against it being a mere box); a subtree of more than
/// a few thousand nodes counts as too much text (the walk stays bounded whatever the page).
fn text_outside_at_most(node: NodeRef<'_, Node>, skip: NodeId, limit: usize) -> bool {
    const MAX_NODES: usize = 4000;
    let mut len = 0usize;
    let mut inside: Option<NodeId> = None;
    for (seen, edge) in node.traverse().enumerate() {
        if seen > 2 * MAX_NODES {
            return false;
        }
        match edge {
            Edge::Open(n) if inside.is_none() => {
                if n.id() == skip {
                    inside = Some(n.id());
                } else if let Node::Text(t) = n.value() {
                    len += t.trim().len();
                    if len > limit {
                        return false;
                    }
                }
            }
            Edge::Close(n) if inside == Some(n.id()) => inside = None,
            _ => {}
        }
    }
    true
}

/// A field a reader types into: a text-like input, a text area or a choice list.
fn has_fillable_field(node: NodeRef<'_, Node>) -> bool {
    node.descendants()
        .take(4000)
        .any(|n| match n.value().as_element() {
            Some(e) if e.name() == "input" => !matches!(
                input_type(e).as_str(),
                "hidden" | "submit" | "button" | "image" | "reset"
            ),
            Some(e) => matches!(e.name(), "textarea" | "select"),
            None => false,
        })
}

/// An `input`'s `type` as the browser reads it: trimmed, any case; empty when absent (a text
/// field).
fn input_type(e: &Element) -> String {
    e.attribute("type")
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

fn has_descendant(node: NodeRef<'_, Node>, tag: &str) -> bool {
    node.descendants()
        .take(4000)
        .any(|n| n.value().as_element().is_some_and(|e| e.name() == tag))
}

fn is_tracking_pixel(el: &Element) -> bool {
    let tiny = |a: &str| {
        el.attribute(a)
            .is_some_and(|v| v.trim() == "1" || v.trim() == "0")
    };
    tiny("width") && tiny("height")
}

/// Script-driven pages that render nothing without scripts put their whole content in
/// `<noscript>` for crawlers; everywhere else `<noscript>` holds only fallbacks and notices.
pub fn noscript_holds_the_page(doc: &Html) -> bool {
    // Most pages have little or no `<noscript>` text: measure that first, and the rest of
    // the page only when it could matter.
    let inside = visible_text(doc, true);
    inside > 1000 && inside > visible_text(doc, false) * 2
}

/// Bytes of trimmed text inside `<noscript>` (or outside it), never counting script, style
/// or template text.
fn visible_text(doc: &Html, in_noscript: bool) -> usize {
    let mut len = 0usize;
    let mut depth = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(n) => match n.value() {
                Node::Element(e) if e.name() == "noscript" => depth += 1,
                Node::Element(e) if matches!(e.name(), "script" | "style" | "template") => {
                    depth += 1000
                }
                Node::Text(t) if (depth == 0) != in_noscript && depth < 1000 => {
                    len += t.trim().len();
                }
                _ => {}
            },
            Edge::Close(n) => match n.value() {
                Node::Element(e) if e.name() == "noscript" => depth = depth.saturating_sub(1),
                Node::Element(e) if matches!(e.name(), "script" | "style" | "template") => {
                    depth = depth.saturating_sub(1000)
                }
                _ => {}
            },
        }
    }
    len
}

/// A `<noscript><img src=…></noscript>` right after a placeholder image carries the real source.
fn noscript_fallback(node: NodeRef<'_, Node>, lazy: &mut LazyFallbacks) {
    let Some(src) = node
        .descendants()
        .take(50)
        .filter_map(|n| n.value().as_element())
        .find(|e| e.name() == "img")
        .and_then(|e| e.attribute("src"))
        .map(str::to_string)
    else {
        return;
    };
    // The placeholder is the previous element sibling, or the only image inside it.
    let mut prev = node.prev_sibling();
    while let Some(p) = prev {
        match p.value() {
            Node::Text(t) if t.trim().is_empty() => prev = p.prev_sibling(),
            Node::Element(_) => {
                let img = p
                    .descendants()
                    .take(50)
                    .find(|d| d.value().as_element().is_some_and(|e| e.name() == "img"));
                if let Some(img) = img {
                    lazy.insert(img.id(), src);
                }
                return;
            }
            _ => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept_text(html: &str) -> String {
        kept_text_with(html, Flags::ALL)
    }

    fn kept_text_with(html: &str, flags: Flags) -> String {
        let mut doc = Html::parse_document(html);
        let mut undo = super::super::Undo::default();
        let keep = noscript_holds_the_page(&doc);
        prune(&mut doc, &mut undo, None, flags, keep);
        crate::dom::raw_text(doc.tree.root())
    }

    /// The relaxed passes keep what merely looks like furniture, but a short form asking for
    /// an address is a contact box whatever the pass: its labels and a form builder's
    /// honeypot note ("This field is for validation purposes") are not the page's text.
    /// Other short forms (a shop's options) stay in those passes.
    #[test]
    fn contact_forms_go_in_the_relaxed_passes_too() {
        let relaxed = Flags {
            strip_unlikely: false,
            ..Flags::ALL
        };
        let page = r#"<html><body><main><h1>Our work</h1><p>Partner with us.</p><form><label>NAME</label><input type="text" name="input_1"><div class="gfield_description">HONEYPOT note</div><label>E-MAIL</label><input type="email"><button>Send</button></form><form><label>SIZE</label><select><option>M</option></select><input type="number" name="qty"></form></main></body></html>"#;
        let text = kept_text_with(page, relaxed);
        assert!(
            text.contains("Partner with us") && text.contains("SIZE"),
            "{text}"
        );
        for clutter in ["NAME", "HONEYPOT", "E-MAIL"] {
            assert!(!text.contains(clutter), "{clutter} in {text}");
        }
    }

    /// The first, strictest pass: a grid named after its sidebar's position holds the main
    /// column too, so with prose in it, it stays (its sidebar still goes by its own name).
    #[test]
    fn a_layout_named_after_its_sidebar_is_not_a_sidebar() {
        let prose = "<p>Cyber security need not be a daunting challenge for small organisations; following five quick steps could save time, money and reputation.</p>";
        let page = |class: &str| {
            format!(
                r#"<html><body><div class="{class}"><div class="c-layout-sidebar"><a href="/1">SIDEBAR link</a></div><div class="c-layout-main">{prose}{prose}</div></div></body></html>"#
            )
        };
        let text = kept_text(&page("c-layout-sidebar-left"));
        assert!(
            text.contains("daunting") && !text.contains("SIDEBAR"),
            "{text}"
        );
        // A block named after the sidebar itself goes, prose or not.
        assert!(!kept_text(&page("sidebar-left")).contains("daunting"));
    }

    /// A sign-up box goes whole: its pitch and fine print with its form. The climb stops at
    /// the block holding the story's prose, and a shop's quantity form leaves its card alone.
    #[test]
    fn a_sign_up_box_goes_with_its_form() {
        let prose = "<p>The new line runs every ten minutes between the two stations, and the fares stay as they were for the first year of service.</p>";
        let page = format!(
            r#"<html><body><main><h1>Trains</h1><div class="body">{prose}<section class="box"><h3>Get the NEWSLETTER</h3><p>PITCH: the best deals texted to you.</p><form><input type="tel" placeholder="Phone"><button>Sign up</button></form><div>FINE PRINT: by signing up you agree to our terms.</div></section>{prose}</div></main></body></html>"#
        );
        let text = kept_text(&page);
        assert!(text.contains("ten minutes"), "{text}");
        for clutter in ["NEWSLETTER", "PITCH", "FINE PRINT"] {
            assert!(!text.contains(clutter), "{clutter} in {text}");
        }
        let shop = r#"<html><body><div class="grid"><div class="tile"><a href="/p/1">BLUE CANDLE</a> $34.00<form><input type="number" name="qty"><button>Add</button></form></div></div></body></html>"#;
        assert!(kept_text(shop).contains("BLUE CANDLE"));
    }

    /// Drupal's "jump link" paragraph type holds the article's sections under their in-page
    /// menu; the name is a menu's, so it goes unless it holds prose.
    #[test]
    fn a_jump_link_block_holding_the_sections_stays() {
        let prose = "<p>A smart thermostat learns when you are home, and it lowers the heating when you are not, which is where most of the savings come from.</p>";
        let page = |body: &str| {
            format!(
                r##"<html><body><div class="paragraph--type--jump-link"><ul><li><a href="#a">JUMP</a></li></ul>{body}</div></body></html>"##
            )
        };
        assert!(kept_text(&page(&prose.repeat(3))).contains("smart thermostat"));
        assert!(!kept_text(&page("")).contains("JUMP"));
    }

    /// An accordion's panel (`role=region`) named after the widget part ("dropdown") is an
    /// FAQ answer when it holds a sentence; a dropdown of links is still a menu.
    #[test]
    fn an_accordion_region_holding_sentences_is_not_a_menu() {
        let page = |inner: &str| {
            format!(
                r#"<html><body><main><h1>Course</h1><ul><li><button aria-expanded="false">Who is it for?</button><div class="accordion-item__dropdown" role="region">{inner}</div></li></ul></main></body></html>"#
            )
        };
        let answer = "<p>This course is for ANSWER mid-level news professionals who solve problems with products.</p>";
        assert!(kept_text(&page(answer)).contains("ANSWER"));
        let menu = r#"<a href="/a">MENU one</a> <a href="/b">Two</a>"#;
        assert!(!kept_text(&page(menu)).contains("MENU"));
        // A banner that merely carries `role=region`, wired to no toggle, is still a banner.
        let banner = r#"<html><body><main><h1>Course</h1><div class="site-banner" role="region"><p>BANNER: our spring intake is open, and places on every course are going fast.</p></div></main></body></html>"#;
        assert!(!kept_text(banner).contains("BANNER"));
    }

    /// Outside articles, a collapsed FAQ answer or expander holding sentences is the page's
    /// text (a shop's description, a course's FAQ); in an article it stays out.
    #[test]
    fn collapsed_faq_answers_count_outside_articles() {
        let page = r#"<html><body><main><h1>Backpack</h1><div class="faq-question">Is it waterproof?</div><div class="faq-answer" style="display: none;">A: Yes, the water-resistant fabric and the rain COVER shield your gear in a storm.</div><div class="season-note" style="display:none">Our Spring SALE is now on: take a look at what is new in the store this week.</div></main></body></html>"#;
        let shop = kept_text(page);
        assert!(shop.contains("COVER") && !shop.contains("SALE"), "{shop}");
        let article = Flags {
            article: true,
            ..Flags::ALL
        };
        assert!(!kept_text_with(page, article).contains("COVER"));
        // Names alone do not do it: a hidden answer without a sentence stays hidden.
        let short = page.replace(
            "A: Yes, the water-resistant fabric and the rain COVER shield your gear in a storm.",
            "COVER: yes",
        );
        assert!(!kept_text(&short).contains("COVER"));
    }

    /// Some accordions keep their state in a `data-` attribute: a plain button naming its
    /// panel in `aria-controls` still opens it. A tab's panel is not counted.
    #[test]
    fn a_panel_a_plain_button_controls_is_collapsed_not_gone() {
        let page = |button: &str| {
            format!(
                r#"<html><body><main><h1>Q</h1>{button}<div id="item-3-content" hidden>We do not record live CLASSES, so join them when you can.</div></main></body></html>"#
            )
        };
        let plain =
            r#"<button aria-controls="item-3-content" data-expanded="false">Missed one?</button>"#;
        assert!(kept_text(&page(plain)).contains("CLASSES"));
        let tab = r#"<button role="tab" aria-controls="item-3-content">Missed one?</button>"#;
        assert!(!kept_text(&page(tab)).contains("CLASSES"));
    }
}
