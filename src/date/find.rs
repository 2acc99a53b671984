//! Collecting date evidence from the page: meta tags, JSON-LD, microdata, `<time>`, `<abbr>`,
//! date-classed elements, `data-*` timestamps and, last, the visible text. Each piece becomes a
//! [`Candidate`] with a rank (lower is more trusted); choosing among them is `mod.rs`'s job.
//!
//! One iterative pass over the tree (`traverse`, with an explicit stack of context flags)
//! keeps the work linear and the stack flat whatever the nesting depth.

use crate::dom::Attribute;
use crate::json::Value;
use chrono::{DateTime, Utc};
use ego_tree::iter::Edge;
use scraper::node::Node;
use scraper::{ElementRef, Html};

use super::lang::{self, Marker};
use super::parse::{self, ParseOptions, ParsedDate};

/// Whether a date claims to be the original publication, an update, or does not say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Published,
    Modified,
    Neutral,
}

/// Ranks, most trusted first. The order follows what proved reliable for htmldate, with
/// JSON-LD of the article itself on top because publishers fill it from the CMS record.
pub const R_JSONLD: u8 = 0;
pub const R_META: u8 = 1;
pub const R_ITEMPROP: u8 = 2;
pub const R_JSONLD_OTHER: u8 = 3;
pub const R_META_WEAK: u8 = 4;
pub const R_TIME_MARKED: u8 = 4;
pub const R_TIME: u8 = 5;
pub const R_ELEMENT: u8 = 6;
pub const R_TEXT_MARKED: u8 = 7;
pub const R_TEXT: u8 = 8;
/// "3 hours ago": right only as of the moment the page was served, so any absolute date wins.
pub const R_RELATIVE: u8 = 9;
/// A labelled date in the page's footer or sidebar: used only when nothing else is stated.
pub const R_FRAME: u8 = 10;

/// One date the page states somewhere.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub date: ParsedDate,
    pub role: Role,
    pub rank: u8,
    /// Document order (JSON-LD first), to break ties by position.
    pub order: usize,
    pub source: String,
    pub raw: String,
    /// Found in the article region after its headline: text there is about this article.
    pub after_h1: bool,
    /// Within the first few blocks after the headline, where bylines and datelines sit.
    pub top: bool,
}

/// A date above the headline counts as the article's header when it sits within this many
/// levels above the headline's parent.
const NEAR_HEADLINE: usize = 2;

/// Bound on candidates of each kind, so hostile pages cost linear time and memory.
const MAX_CANDIDATES: usize = 400;
const MAX_TEXT_BYTES: usize = 4 << 20;

/// Meta names (name / property / itemprop / http-equiv, lower case) that give the publication
/// time, the strong ones first-class and loose ones (`date`, `timestamp`) a rank lower.
fn meta_role(key: &str) -> Option<(Role, u8)> {
    let strong_pub = matches!(
        key,
        "article:published_time"
            | "article:published"
            | "og:published_time"
            | "og:article:published_time"
            | "published_time"
            | "published-time"
            | "published_date"
            | "published-date"
            | "publish-date"
            | "publish_date"
            | "publishdate"
            | "publish-time"
            | "publishtime"
            | "pubdate"
            | "pub_date"
            | "pub-date"
            | "datepublished"
            | "date_published"
            | "date-published"
            | "publication_date"
            | "publication-date"
            | "publicationdate"
            | "citation_publication_date"
            | "citation_online_date"
            | "dc.date.issued"
            | "dc.date.created"
            | "dc.date.published"
            | "dcterms.created"
            | "dcterms.issued"
            | "dc.created"
            | "dc.issued"
            | "sailthru.date"
            | "parsely-pub-date"
            | "article.published"
            | "article_date_original"
            | "article.created"
            | "article:post_date"
            | "originalpublicationdate"
            | "original-publish-date"
            | "cxenseparse:recs:publishtime"
            | "rnews:datepublished"
            | "prism.publicationdate"
            | "bt:pubdate"
            | "dcsext.articlefirstpublished"
            | "datecreated"
            | "date_created"
            | "date.created"
            | "uploaddate"
            | "og:release_date"
            | "video:release_date"
            | "release_date"
            | "article:create_at"
            | "displaydate"
            | "analyticsattributes.articledate"
            | "ptime"
            | "shareaholic:article_published_time"
            | "og:pubdate"
            | "parsely-pubdate"
    );
    if strong_pub {
        return Some((Role::Published, R_META));
    }
    let weak_pub = matches!(
        key,
        "date"
            | "dc.date"
            | "dcterms.date"
            | "citation_date"
            | "created"
            | "creation_date"
            | "timestamp"
            | "pdate"
            | "article_date"
            | "date_time"
            | "datetime"
            | "dc:date"
            | "live_date"
            | "news_date"
            | "sort_date"
    );
    if weak_pub {
        return Some((Role::Published, R_META_WEAK));
    }
    let modified = matches!(
        key,
        "article:modified_time"
            | "article:modified"
            | "og:updated_time"
            | "og:modified_time"
            | "modified_time"
            | "updated_time"
            | "datemodified"
            | "date_modified"
            | "lastmod"
            | "last-modified"
            | "last_modified"
            | "lastmodified"
            | "dcterms.modified"
            | "dc.date.modified"
            | "dc.modified"
            | "lastupdate"
            | "last-update"
            | "last_updated"
            | "revised"
            | "article.updated"
            | "eomportal-lastupdate"
            | "date.modified"
            | "updated"
            | "modified"
            | "parsely-updated"
            | "sailthru.lastmodified"
            | "article:updated_time"
    );
    if modified {
        return Some((Role::Modified, R_META));
    }
    None
}

/// Where a container sits, for deciding whether its dates are the article's.
#[derive(Clone, Copy)]
struct Place {
    /// Inside `<main>` or an article element.
    in_article: bool,
    /// Inside an element that is the article itself (`<article>`, schema.org Article, a
    /// `post`/`hentry` wrapper), not merely the page's `<main>`.
    in_article_proper: bool,
    /// The container holds the page's headline: whatever its class says ("sidebar-left" as a
    /// layout state, "aside" as a column name), it is the article's own region.
    holds_headline: bool,
}

/// Why a container's dates are not taken as the article's.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Exclusion {
    No,
    /// The page's frame (sidebar, footer): its dates belong to other items or to the site, but
    /// a date it explicitly labels as the publication ("Erschienen am: …" in a review's footer,
    /// "Posted on …" in a post-info sidebar) is a last resort when the page states no other.
    Frame,
    /// Navigation, comments, related stories, script: never the article's.
    Other,
}

/// Class/id words that mark a container whose dates belong to something else.
fn excluded_container(tag: &str, class_id: &str, place: Place) -> Exclusion {
    let in_article = place.in_article;
    match tag {
        "nav" => return Exclusion::Other,
        "aside" | "footer" if !in_article => return Exclusion::Frame,
        "script" | "style" | "noscript" | "template" | "select" | "textarea" | "head" => {
            return Exclusion::Other
        }
        _ => {}
    }
    // Page-level wrappers carry state classes ("sidebar-primary", "comments-open") that say
    // nothing about their own content.
    if class_id.is_empty()
        || matches!(tag, "html" | "body" | "main" | "article")
        || place.holds_headline
    {
        return Exclusion::No;
    }
    for w in crate::text::words(class_id) {
        // Prefix, not substring: "comments-area" and "related-posts" hold other items'
        // dates, while "has-sidebar" or "no-comments" are state classes on the article's own
        // wrappers.
        const PREFIXES: &[&str] = &[
            "comment",
            "related",
            "sidebar",
            "recommend",
            "newsfeed",
            "popular",
            "trending",
            "more-stories",
            "readmore",
            "read-more",
            "disqus",
            "footer",
            "site-footer",
            "reply",
            "replies",
        ];
        // An article's own footer (TYPO3, WordPress "entry-footer") holds its date, and a
        // sidebar inside the article element is its meta column (date, author, sharing).
        let own = |p: &str| {
            (in_article && p.ends_with("footer")) || (place.in_article_proper && p == "sidebar")
        };
        if let Some(p) = PREFIXES.iter().find(|p| w.starts_with(**p) && !own(p)) {
            return if p.contains("sidebar") || p.contains("footer") {
                Exclusion::Frame
            } else {
                Exclusion::Other
            };
        }
    }
    Exclusion::No
}

/// Class/id words of elements whose text is a date ("post-date", "entry-date", "byline").
///
/// Asked of every classed element, so each word is read once, byte by byte, with the names
/// sorted by their first letter, instead of a substring search per name.
fn date_class(class_id: &str) -> Option<Role> {
    let mut role = None;
    for w in crate::text::words(class_id) {
        let (modified, published, dateish) = date_words(w.as_bytes());
        if modified {
            return Some(Role::Modified);
        }
        // Drupal's "submitted" line: "Submitted by … on <date>".
        if published || w == "submitted" {
            role = Some(Role::Published);
            continue;
        }
        let dateish = dateish
            || w == "meta"
            || w == "metadata"
            || w.ends_with("-meta")
            || w.ends_with("_meta")
            || w.starts_with("meta-");
        if dateish && role.is_none() {
            role = Some(Role::Neutral);
        }
    }
    role
}

/// Whether a class word names an update, a publication, or a date-like line (date, time,
/// byline, info, author, "-meta-"), anywhere in the word.
fn date_words(w: &[u8]) -> (bool, bool, bool) {
    let (mut modified, mut published, mut dateish) = (false, false, false);
    for (i, &b) in w.iter().enumerate() {
        let r = w.get(i..).unwrap_or_default();
        let has = |names: &[&[u8]]| names.iter().any(|n| r.starts_with(n));
        match b {
            b'u' => modified |= has(&[b"update"]),
            b'm' => modified |= has(&[b"modified"]),
            b'p' => published |= has(&[b"publish", b"posted", b"pubdate"]),
            b'c' => published |= has(&[b"created"]),
            b'd' => dateish |= has(&[b"date", b"datum", b"data-"]),
            b't' => dateish |= has(&[b"time"]),
            b'b' => dateish |= has(&[b"byline"]),
            b'i' => dateish |= has(&[b"info"]),
            b'f' => dateish |= has(&[b"fecha"]),
            b'a' => dateish |= has(&[b"author"]),
            b'-' => dateish |= has(&[b"-meta-"]),
            _ => {}
        }
    }
    (modified, published, dateish)
}

/// Role of a `<time>` or `<abbr>` element from its attributes.
fn marked_role(el: &ElementRef<'_>) -> Role {
    let v = el.value();
    if v.attribute("pubdate").is_some() {
        return Role::Published;
    }
    let class = format!(
        "{} {} {}",
        v.attribute("class").unwrap_or(""),
        v.attribute("itemprop").unwrap_or(""),
        v.attribute("id").unwrap_or("")
    )
    .to_lowercase();
    if class.contains("update") || class.contains("modified") {
        Role::Modified
    } else if class.contains("publish")
        || class.contains("entry-date")
        || class.contains("created")
        || class.contains("posted")
    {
        Role::Published
    } else {
        Role::Neutral
    }
}

fn itemprop_role(prop: &str) -> Option<Role> {
    let mut role = None;
    for p in crate::text::words(prop) {
        match p.to_ascii_lowercase().as_str() {
            "datepublished" | "datecreated" | "uploaddate" | "publishdate" => {
                role = Some(Role::Published)
            }
            "datemodified" => return Some(Role::Modified),
            _ => {}
        }
    }
    role
}

/// Attributes holding a date or Unix timestamp on any element.
fn data_attr_role(name: &str) -> Option<Role> {
    match name {
        "data-timestamp"
        | "data-time"
        | "data-published"
        | "data-publish-date"
        | "data-published-date"
        | "data-publishdate"
        | "data-pubdate"
        | "data-date"
        | "data-unixtime"
        | "data-utime"
        | "data-created"
        | "data-datetime"
        | "data-epoch"
        | "data-published-at"
        | "data-post-date"
        | "data-article-date" => {
            if name.contains("time") || name.contains("date") && !name.contains("publish") {
                Some(Role::Neutral)
            } else {
                Some(Role::Published)
            }
        }
        "data-modified" | "data-updated" | "data-modified-date" | "data-updated-at" => {
            Some(Role::Modified)
        }
        _ => None,
    }
}

/// Everything gathered from one page.
pub struct Evidence {
    pub candidates: Vec<Candidate>,
    /// Whether slash dates on this page read month first.
    pub month_first: bool,
}

/// Whether `09/05/2025` on this page is September 5. Month first is the US habit and that of
/// most machine-written dates; languages whose own slash dates are day first (British English,
/// the Romance languages, Greek, Turkish, ...) read it as 9 May. German, Russian, Polish,
/// Ukrainian write dates with dots, so a slash date on their pages is usually machine-written.
fn month_first_for(lang: &str) -> bool {
    let l = lang.trim().to_ascii_lowercase().replace('_', "-");
    let primary = l.split('-').next().unwrap_or("");
    if primary == "en" {
        return !matches!(
            l.as_str(),
            "en-gb" | "en-au" | "en-nz" | "en-ie" | "en-in" | "en-za" | "en-sg" | "en-hk"
        );
    }
    !matches!(
        primary,
        "fr" | "es"
            | "it"
            | "pt"
            | "ca"
            | "gl"
            | "ro"
            | "el"
            | "tr"
            | "vi"
            | "id"
            | "ms"
            | "ar"
            | "he"
            | "nl"
            | "da"
            | "nb"
            | "no"
            | "is"
            | "ga"
            | "cy"
            | "hi"
            | "ur"
            | "th"
    )
}

/// English as written in the Americas (or unspecified English), where `09-05-2025` is
/// September 5.
fn american(lang: &str) -> bool {
    let l = lang.trim().to_ascii_lowercase().replace('_', "-");
    matches!(l.as_str(), "en" | "en-us" | "en-ca" | "en-ph") || l.starts_with("en-us")
}

fn page_lang(doc: &Html) -> String {
    let root = doc.root_element();
    if let Some(l) = root
        .value()
        .attribute("lang")
        .or_else(|| root.value().attribute("xml:lang"))
    {
        if !l.trim().is_empty() {
            return l.to_string();
        }
    }
    for n in doc.tree.root().descendants() {
        if let Some(el) = ElementRef::wrap(n) {
            if el.value().name() == "meta" {
                let key = el
                    .value()
                    .attribute("http-equiv")
                    .or_else(|| el.value().attribute("property"))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                if key == "content-language" || key == "og:locale" {
                    if let Some(c) = el.value().attribute("content") {
                        return c.to_string();
                    }
                }
            }
            if el.value().name() == "body" {
                break;
            }
        }
    }
    String::new()
}

struct Ctx {
    /// How many elements from the root down to this one enclose the headline.
    shared: usize,
    excluded: bool,
    /// Excluded only as the page's frame (footer, sidebar): labelled dates still count, last.
    frame_only: bool,
    in_article: bool,
    in_article_proper: bool,
    /// Inside an `itemscope` whose type is a comment or review.
    foreign_scope: bool,
    block: bool,
}

/// Collect every date candidate on the page.
pub fn collect(doc: &Html, json_ld: &[Value], now: Option<DateTime<Utc>>) -> Evidence {
    let lang = page_lang(doc);
    let month_first = month_first_for(&lang);
    let attr_opts = ParseOptions {
        now,
        month_first,
        dash_month_first: month_first && american(&lang),
        text: false,
        short_years: false,
    };
    let text_opts = ParseOptions {
        text: true,
        ..attr_opts
    };
    let mut out: Vec<Candidate> = Vec::new();
    json_ld_candidates(json_ld, &attr_opts, &mut out);
    if out.is_empty() {
        // The caller's JSON-LD may have missed blocks it could not parse; read them again here.
        let own = own_json_ld(doc, &attr_opts, &mut out);
        json_ld_candidates(&own, &attr_opts, &mut out);
    }

    let headline = headline(doc);
    let mut order = out.len();
    let mut stack: Vec<Ctx> = Vec::new();
    let mut blocks = TextBlocks::default();
    // Text of the page's frame (footer, sidebar), scanned only for labelled dates.
    let mut frame_blocks = TextBlocks {
        frame: true,
        ..TextBlocks::default()
    };
    // Frame blocks are kept aside and scanned only when the page's own evidence lacks a
    // publication or an update: most pages never pay for reading their footer.
    let mut frame_texts: Vec<(String, usize, bool)> = Vec::new();
    let stash = |fb: &mut TextBlocks, texts: &mut Vec<(String, usize, bool)>, order, h1| {
        if !fb.text.trim().is_empty() && texts.len() < MAX_CANDIDATES {
            texts.push((std::mem::take(&mut fb.text), order, h1));
        }
        fb.text.clear();
    };
    let mut text_bytes = 0usize;
    let mut seen_h1 = false;
    let mut page_text: Option<usize> = None;
    let mut column_checks = 0usize;

    let push = |out: &mut Vec<Candidate>, c: Candidate| {
        if out.len() < MAX_CANDIDATES * 4 {
            out.push(c);
        }
    };

    // The text block each candidate was found in, and the headline's: a dateline or kicker
    // just above the headline belongs to the article's header as much as one just below it.
    // With each, how many of the open elements enclose the headline too: a masthead's
    // "today" date sits as close above a headline as a dateline does, but not beside it.
    let mut cand_block: Vec<(usize, usize)> = Vec::new();
    let mut class_buf = String::new();
    let mut headline_block: Option<(usize, usize)> = None;
    for edge in doc.tree.root().traverse() {
        let shared = stack.last().map_or(0, |c| c.shared);
        cand_block.resize(out.len(), (blocks.total, shared));
        match edge {
            Edge::Open(node) => {
                let Some(el) = ElementRef::wrap(node) else {
                    if let Node::Text(t) = node.value() {
                        let ctx = stack.last();
                        let target = match ctx {
                            Some(c) if c.excluded && c.frame_only => &mut frame_blocks,
                            Some(c) if c.excluded => continue,
                            _ => &mut blocks,
                        };
                        if text_bytes < MAX_TEXT_BYTES && target.text.len() < 4096 {
                            text_bytes += t.len();
                            // The indentation between tags is most of a page's text nodes:
                            // one space keeps words apart, and each block's scan and
                            // emptiness test then read only the words.
                            if t.bytes().all(|b| b.is_ascii_whitespace()) {
                                if !target.text.is_empty() && !target.text.ends_with(' ') {
                                    target.text.push(' ');
                                }
                            } else {
                                target.text.push_str(t);
                            }
                        }
                    }
                    continue;
                };
                order += 1;
                let v = el.value();
                let tag = v.name();
                // Most elements have neither: no string is built for them.
                // One buffer for every element's class and id: most have neither, and the
                // rest need no allocation of their own.
                class_buf.clear();
                let a = Attrs::of(v);
                let (c, i) = (a.class, a.id);
                if c.is_some() || i.is_some() {
                    class_buf.push_str(c.unwrap_or(""));
                    class_buf.push(' ');
                    class_buf.push_str(i.unwrap_or(""));
                    if class_buf.is_ascii() {
                        class_buf.make_ascii_lowercase();
                    } else {
                        class_buf = class_buf.to_lowercase();
                    }
                }
                let class_id = class_buf.as_str();
                let parent = stack.last();
                let parent_excluded = parent.is_some_and(|c| c.excluded);
                let parent_article = parent.is_some_and(|c| c.in_article);
                let parent_proper = parent.is_some_and(|c| c.in_article_proper);
                let in_article_proper = parent_proper
                    || tag == "article"
                    || a.itemprop.is_some_and(|p| p.contains("articleBody"))
                    || a.itemtype
                        .is_some_and(|t| t.contains("Article") || t.contains("BlogPosting"))
                    || a.class.is_some_and(|c| {
                        crate::text::words(c).any(|w| {
                            matches!(
                                w,
                                "article"
                                    | "post"
                                    | "hentry"
                                    | "entry"
                                    | "news-single"
                                    | "type-post"
                            )
                        })
                    });
                let in_article = in_article_proper || parent_article || tag == "main";
                let holds_headline = headline.path.contains(&node.id());
                let place = Place {
                    in_article: parent_article,
                    in_article_proper: parent_proper,
                    holds_headline,
                };
                let parent_frame = parent.is_some_and(|c| c.frame_only);
                let mut exclusion = if parent_excluded && !parent_frame {
                    Exclusion::No
                } else {
                    excluded_container(tag, class_id, place)
                };
                // A layout column named after the sidebar next to it ("sidebar_content",
                // "mainwrap sidebar") that holds most of the page's text is the article's column.
                if exclusion == Exclusion::Frame && !matches!(tag, "aside" | "footer") {
                    column_checks += 1;
                    if column_checks <= 16 {
                        let total =
                            *page_text.get_or_insert_with(|| visible_text_len(doc.tree.root()));
                        let own = visible_text_len(node);
                        if total >= 1000 && own * 2 >= total {
                            exclusion = Exclusion::No;
                        }
                    }
                }
                let excluded = parent_excluded || exclusion != Exclusion::No;
                let frame_only = match exclusion {
                    Exclusion::Other => false,
                    Exclusion::Frame => true,
                    Exclusion::No => parent_frame,
                };
                let mut foreign_scope = parent.is_some_and(|c| c.foreign_scope);
                if a.itemscope {
                    let ty = a.itemtype.unwrap_or("").to_ascii_lowercase();
                    foreign_scope = ty.contains("comment") || ty.contains("review");
                }
                let is_block = crate::text::is_block(&v.name.local)
                    || tag == "br"
                    || tag == "td"
                    || tag == "th";
                if is_block {
                    blocks.flush(&text_opts, order, seen_h1, &mut out);
                    stash(&mut frame_blocks, &mut frame_texts, order, seen_h1);
                }
                // The headline, not an earlier (empty, logo) `<h1>` in the masthead.
                if tag == "h1" && !excluded && headline.node.is_none_or(|h| h == node.id()) {
                    if !seen_h1 {
                        // `shared` is still the parent's: the headline is not on the stack yet.
                        cand_block.resize(out.len(), (blocks.total, shared));
                        headline_block = Some((blocks.total, shared));
                    }
                    seen_h1 = true;
                }

                // `<meta>`, and RDFa (`<span property="schema:dateCreated" content=…>`).
                if tag == "meta" || (a.property && a.content.is_some() && !excluded) {
                    meta_candidate(&el, &attr_opts, order, &mut out);
                }

                if !excluded && !foreign_scope {
                    if let Some(prop) = a.itemprop {
                        if let Some(role) = itemprop_role(prop) {
                            if tag != "meta" {
                                let raw = a
                                    .content
                                    .or(a.datetime)
                                    .map(str::to_string)
                                    .unwrap_or_else(|| bounded_text(&el, 200));
                                if let Some(d) = parse::parse_with(&raw, &attr_opts) {
                                    push(
                                        &mut out,
                                        Candidate {
                                            date: d,
                                            role,
                                            rank: R_ITEMPROP,
                                            order,
                                            source: format!("itemprop:{}", prop.trim()),
                                            raw,
                                            after_h1: seen_h1,
                                            top: top(seen_h1, blocks.since_h1),
                                        },
                                    );
                                }
                            }
                        }
                    }
                    if tag == "time" {
                        let role = marked_role(&el);
                        let (raw, source) = match a.datetime {
                            Some(dt) => (dt.to_string(), "time[datetime]"),
                            None => (bounded_text(&el, 200), "time"),
                        };
                        let mut parsed = parse::parse_with(&raw, &attr_opts);
                        // A datetime that is only a day gains precision from the visible text.
                        if parsed.is_some_and(|p| p.precision() == 0) && source == "time[datetime]"
                        {
                            let txt = bounded_text(&el, 200);
                            if let Some(t) = parse::parse_with(&txt, &text_opts) {
                                if parsed.is_some_and(|p| p.same_day(&t)) && t.precision() > 0 {
                                    parsed = Some(t);
                                }
                            }
                        }
                        if let Some(d) = parsed {
                            let rank = if role == Role::Neutral {
                                R_TIME
                            } else {
                                R_TIME_MARKED
                            };
                            push(
                                &mut out,
                                Candidate {
                                    date: d,
                                    role,
                                    rank,
                                    order,
                                    source: source.to_string(),
                                    raw,
                                    after_h1: seen_h1,
                                    top: top(seen_h1, blocks.since_h1),
                                },
                            );
                        }
                    }
                    if tag == "abbr" {
                        if let Some(raw) = v.attribute("title") {
                            let cls = date_class(class_id);
                            if cls.is_some() || marked_role(&el) != Role::Neutral {
                                if let Some(d) = parse::parse_with(raw, &attr_opts) {
                                    push(
                                        &mut out,
                                        Candidate {
                                            date: d,
                                            role: marked_role(&el),
                                            rank: R_ELEMENT,
                                            order,
                                            source: "abbr[title]".into(),
                                            raw: raw.to_string(),
                                            after_h1: seen_h1,
                                            top: top(seen_h1, blocks.since_h1),
                                        },
                                    );
                                }
                            }
                        }
                    }
                    for (name, value) in v.attrs().filter(|_| a.data) {
                        let Some(role) = data_attr_role(name) else {
                            continue;
                        };
                        let parsed = parse::unix_timestamp(value)
                            .or_else(|| parse::parse_with(value, &attr_opts))
                            .filter(|d| d.plausible(now));
                        if let Some(d) = parsed {
                            push(
                                &mut out,
                                Candidate {
                                    date: d,
                                    role,
                                    rank: R_ELEMENT,
                                    order,
                                    source: format!("attr:{name}"),
                                    raw: value.to_string(),
                                    after_h1: seen_h1,
                                    top: top(seen_h1, blocks.since_h1),
                                },
                            );
                        }
                    }
                    if !matches!(
                        tag,
                        "time" | "abbr" | "meta" | "html" | "body" | "article" | "main"
                    ) && a.itemprop.is_none()
                    {
                        if let Some(role) = date_class(class_id) {
                            let raw = bounded_text(&el, 160);
                            if raw.len() < 160 {
                                let opts = ParseOptions {
                                    short_years: true,
                                    ..text_opts
                                };
                                if let Some(m) = parse::scan(&raw, &opts, 2)
                                    .into_iter()
                                    .find(|m| m.date.plausible(now))
                                {
                                    let before = raw.get(..m.start).unwrap_or("");
                                    let role = match lang::marker_before(before) {
                                        Some(Marker::Modified) => Role::Modified,
                                        Some(Marker::Published) => Role::Published,
                                        Some(Marker::Other) => continue,
                                        None => role,
                                    };
                                    let name = crate::text::words(class_id).next().unwrap_or("");
                                    push(
                                        &mut out,
                                        Candidate {
                                            date: m.date,
                                            role,
                                            rank: if m.relative {
                                                R_RELATIVE
                                            } else if role == Role::Published
                                                && top(seen_h1, blocks.since_h1)
                                            {
                                                // "post-date published", "Veröffentlicht am …"
                                                // under the headline: a labelled date beats a
                                                // bare <time>.
                                                R_TIME_MARKED
                                            } else {
                                                R_ELEMENT
                                            },
                                            order,
                                            source: format!("class:{name}"),
                                            raw: raw.clone(),
                                            after_h1: seen_h1,
                                            top: top(seen_h1, blocks.since_h1),
                                        },
                                    );
                                }
                            }
                        }
                    }
                }
                let shared = match stack.last() {
                    Some(p) if holds_headline && p.shared == stack.len() => stack.len() + 1,
                    Some(p) => p.shared,
                    None => usize::from(holds_headline),
                };
                stack.push(Ctx {
                    shared,
                    excluded,
                    frame_only,
                    in_article,
                    in_article_proper,
                    foreign_scope,
                    block: is_block,
                });
            }
            Edge::Close(node) => {
                if ElementRef::wrap(node).is_some() {
                    if let Some(ctx) = stack.pop() {
                        if ctx.block {
                            blocks.flush(&text_opts, order, seen_h1, &mut out);
                            stash(&mut frame_blocks, &mut frame_texts, order, seen_h1);
                        }
                    }
                }
            }
        }
    }
    blocks.flush(&text_opts, order, seen_h1, &mut out);
    stash(&mut frame_blocks, &mut frame_texts, order, seen_h1);
    if let Some((h, depth)) = headline_block {
        for (c, &(b, shared)) in out.iter_mut().zip(&cand_block) {
            // At most two blocks above (the kicker line and the dateline), and within the
            // headline's own group of elements.
            if !c.after_h1 && b + 2 >= h && shared + NEAR_HEADLINE >= depth && c.rank < R_RELATIVE {
                c.top = true;
            }
        }
    }
    let strong = |c: &&Candidate| c.rank < R_RELATIVE;
    let has_published = out.iter().filter(strong).any(|c| c.role != Role::Modified);
    let has_modified = out.iter().filter(strong).any(|c| c.role == Role::Modified);
    if !has_published || !has_modified {
        for (text, order, h1) in frame_texts {
            frame_blocks.text = text;
            frame_blocks.flush(&text_opts, order, h1, &mut out);
        }
    }
    script_state_dates(doc, &attr_opts, &mut out);
    Evidence {
        candidates: out,
        month_first,
    }
}

/// The page's headline: its enclosing elements, which are the article's own region whatever
/// their classes say. The first non-empty
/// `<h1>` inside `<article>` or `<main>` is taken, else the first outside the page's
/// `<nav>`/`<header>` chrome (where the site's logo is often an `<h1>`).
struct Headline {
    path: crate::dom::IdSet,
    /// The headline element itself.
    node: Option<ego_tree::NodeId>,
}

fn headline(doc: &Html) -> Headline {
    let mut in_content = None;
    let mut outside_chrome = None;
    let mut titled = None;
    let mut seen = 0;
    // The page's own titles, to recognise the headline wherever the layout put it.
    let mut titles: Vec<String> = Vec::new();
    for n in doc.tree.root().descendants() {
        let Some(el) = ElementRef::wrap(n) else {
            continue;
        };
        let v = el.value();
        match v.name() {
            "title" if titles.len() < 4 => titles.push(bounded_text(&el, 400).to_lowercase()),
            "meta" if titles.len() < 4 => {
                let key = v.attribute("property").or_else(|| v.attribute("name"));
                if matches!(key, Some("og:title" | "twitter:title")) {
                    if let Some(c) = v.attribute("content") {
                        titles.push(crate::dom::collapse_ws(c).to_lowercase());
                    }
                }
            }
            _ => {}
        }
        if v.name() != "h1" || !el.text().any(|t| !t.trim().is_empty()) {
            continue;
        }
        seen += 1;
        if titled.is_none() {
            let h = bounded_text(&el, 400).to_lowercase();
            // Most of a title, not the site's name inside it ("Headline | Site").
            if h.chars().count() >= 8
                && titles
                    .iter()
                    .any(|t| t.contains(&h) && h.len() * 2 >= t.len())
            {
                titled = Some(n);
            }
        }
        if seen > 20 {
            break;
        }
        let mut content = false;
        let mut nav = false;
        let mut header = false;
        for a in n.ancestors() {
            if let Some(e) = ElementRef::wrap(a) {
                match e.value().name() {
                    "article" | "main" => content = true,
                    "nav" => nav = true,
                    // The article's own `<header>` holds its headline; the page's masthead is
                    // a `<header>` outside the article.
                    "header" if !content => header = true,
                    _ => {}
                }
            }
        }
        let chrome = nav || (header && !content);
        if content && !chrome {
            in_content = Some(n);
            break;
        }
        if !chrome && outside_chrome.is_none() {
            outside_chrome = Some(n);
        }
    }
    let mut out = Headline {
        path: Default::default(),
        node: None,
    };
    if let Some(h1) = titled.or(in_content).or(outside_chrome) {
        out.path.extend(h1.ancestors().map(|a| a.id()));
        out.node = Some(h1.id());
    }
    out
}

/// How many text blocks after the headline still count as the article's header.
fn top(after_h1: bool, blocks_since_h1: usize) -> bool {
    after_h1 && blocks_since_h1 <= 12
}

/// Text of `el`, whitespace collapsed, at most about `cap` bytes (reading stops there, so a
/// date-classed wrapper around the whole page costs no more than a small element).
fn bounded_text(el: &ElementRef<'_>, cap: usize) -> String {
    let mut s = String::new();
    let mut nodes = 0;
    for n in el.descendants() {
        nodes += 1;
        if nodes > 400 || s.len() > cap {
            break;
        }
        if let Node::Text(t) = n.value() {
            s.push_str(t);
            s.push(' ');
        }
    }
    crate::dom::collapse_ws(&s)
}

fn meta_candidate(
    el: &ElementRef<'_>,
    opts: &ParseOptions,
    order: usize,
    out: &mut Vec<Candidate>,
) {
    let v = el.value();
    let Some(content) = v.attribute("content").or_else(|| v.attribute("datetime")) else {
        return;
    };
    for key_attr in ["property", "name", "itemprop", "http-equiv"] {
        let Some(key) = v.attribute(key_attr) else {
            continue;
        };
        let key_l = key.trim().to_ascii_lowercase();
        // RDFa writes the vocabulary as a prefix: "schema:datePublished", "dcterms:created".
        let key_l = match key_l.split_once(':') {
            Some(("schema", rest)) => rest.to_string(),
            Some((p @ ("dc" | "dcterms"), rest)) => format!("{p}.{rest}"),
            _ => key_l,
        };
        if key_l == "parsely-page" {
            parsely_page(content, opts, order, out);
            return;
        }
        if matches!(
            key_l.as_str(),
            "og:image" | "og:image:url" | "twitter:image"
        ) {
            if let Some(d) = image_path_day(content) {
                if !out.iter().any(|c| c.source == "image-path") {
                    out.push(Candidate {
                        date: d,
                        role: Role::Published,
                        rank: R_TEXT_MARKED,
                        order,
                        source: "image-path".into(),
                        raw: content.to_string(),
                        after_h1: false,
                        top: false,
                    });
                }
            }
            return;
        }
        let Some((role, rank)) = meta_role(&key_l) else {
            continue;
        };
        let parsed = if key_l == "timestamp" || key_l.contains("time") {
            parse::unix_timestamp(content).or_else(|| parse::parse_with(content, opts))
        } else {
            parse::parse_with(content, opts)
        };
        if let Some(d) = parsed {
            out.push(Candidate {
                date: d,
                role,
                rank: if key_attr == "itemprop" {
                    R_ITEMPROP.min(rank)
                } else {
                    rank
                },
                order,
                source: format!("meta:{}", key.trim()),
                raw: content.to_string(),
                after_h1: false,
                top: false,
            });
        }
        return;
    }
}

/// `<meta name="parsely-page" content='{"pub_date": "…"}'>`, Parse.ly's older form.
fn parsely_page(content: &str, opts: &ParseOptions, order: usize, out: &mut Vec<Candidate>) {
    let Ok(Value::Object(map)) = crate::json::parse(content) else {
        return;
    };
    if let Some(Value::String(s)) = map.get("pub_date") {
        if let Some(d) = parse::parse_with(s, opts) {
            out.push(Candidate {
                date: d,
                role: Role::Published,
                rank: R_META,
                order,
                source: "meta:parsely-page".into(),
                raw: s.clone(),
                after_h1: false,
                top: false,
            });
        }
    }
}

/// The attributes the date walk reads, found in one scan of the element's attributes
/// instead of one scan per name (the walk visits every element of the page).
#[derive(Default)]
struct Attrs<'a> {
    class: Option<&'a str>,
    id: Option<&'a str>,
    itemprop: Option<&'a str>,
    itemtype: Option<&'a str>,
    itemscope: bool,
    property: bool,
    content: Option<&'a str>,
    datetime: Option<&'a str>,
    /// Any `data-*` attribute.
    data: bool,
}

impl<'a> Attrs<'a> {
    fn of(el: &'a scraper::node::Element) -> Self {
        let mut a = Attrs::default();
        for (q, v) in el.attrs.iter() {
            if !q.ns.is_empty() {
                continue;
            }
            let v: &'a str = v;
            match &*q.local {
                "class" => a.class = Some(v),
                "id" => a.id = Some(v),
                "itemprop" => a.itemprop = Some(v),
                "itemtype" => a.itemtype = Some(v),
                "itemscope" => a.itemscope = true,
                "property" => a.property = true,
                "content" => a.content = Some(v),
                "datetime" => a.datetime = Some(v),
                name => a.data |= name.starts_with("data-"),
            }
        }
        a
    }
}

/// Visible text gathered block by block, with what the scan needs to remember between blocks.
#[derive(Default)]
struct TextBlocks {
    /// The block being gathered.
    text: String,
    /// End of the previous block: a label ("Published:") often sits in its own element.
    prev_tail: String,
    /// Blocks seen since the headline.
    since_h1: usize,
    /// Text candidates so far.
    count: usize,
    /// Text of the page's frame: only dates with a publication or update label are taken, and
    /// ranked below everything else.
    frame: bool,
    /// Non-empty blocks so far.
    total: usize,
}

/// Bytes of text under `node` outside script and style, walked iteratively.
fn visible_text_len(node: ego_tree::NodeRef<'_, Node>) -> usize {
    let mut n = 0usize;
    let mut skip_depth = 0usize;
    for edge in node.traverse() {
        match edge {
            Edge::Open(x) => match x.value() {
                Node::Element(e) if matches!(e.name(), "script" | "style" | "noscript") => {
                    skip_depth += 1
                }
                Node::Text(t) if skip_depth == 0 => n += t.trim().len(),
                _ => {}
            },
            Edge::Close(x) => {
                if let Node::Element(e) = x.value() {
                    if matches!(e.name(), "script" | "style" | "noscript") {
                        skip_depth = skip_depth.saturating_sub(1);
                    }
                }
            }
        }
    }
    n
}

impl TextBlocks {
    /// Scan the gathered block for dates and start a new one.
    fn flush(
        &mut self,
        opts: &ParseOptions,
        order: usize,
        after_h1: bool,
        out: &mut Vec<Candidate>,
    ) {
        let block = &mut self.text;
        let prev_tail = &mut self.prev_tail;
        let blocks_since_h1 = &mut self.since_h1;
        let count = &mut self.count;
        // A word byte settles it without decoding the block; only a block of spaces and
        // non-ASCII characters asks `trim` (a no-break space is whitespace too).
        if !block
            .bytes()
            .any(|b| b.is_ascii() && !b.is_ascii_whitespace())
            && block.trim().is_empty()
        {
            block.clear();
            return;
        }
        self.total += 1;
        if after_h1 {
            *blocks_since_h1 += 1;
        }
        // Most blocks hold no digit and so no date: of those only the end is needed (a label
        // for the next block), and collapsing the whole block's whitespace was a tenth of the
        // date phase.
        if *count >= MAX_CANDIDATES
            || !(block.bytes().any(|b| b.is_ascii_digit())
                || (!block.is_ascii() && block.chars().any(|c| ('０'..='９').contains(&c))))
        {
            *prev_tail = collapsed_tail(block, 48);
            block.clear();
            return;
        }
        let text = crate::dom::collapse_ws(block);
        block.clear();
        {
            for m in parse::scan(&text, opts, 8) {
                // Relative phrases in running text are mostly about events, not the page.
                if m.relative || !m.date.plausible(opts.now) {
                    continue;
                }
                let before_here = text.get(..m.start).unwrap_or("");
                let before = if before_here.trim().is_empty() {
                    format!("{prev_tail} ")
                } else {
                    tail(before_here, 48).to_string()
                };
                if lang::is_copyright(tail(&before, 24)) {
                    continue;
                }
                let marker = lang::marker_before(tail(&before, 48));
                let (role, rank) = match marker {
                    Some(Marker::Published) if self.frame => (Role::Published, R_FRAME),
                    Some(Marker::Modified) if self.frame => (Role::Modified, R_FRAME),
                    Some(Marker::Published) => (Role::Published, R_TEXT_MARKED),
                    Some(Marker::Modified) => (Role::Modified, R_TEXT_MARKED),
                    Some(Marker::Other) => continue,
                    None if self.frame => continue,
                    None => (Role::Neutral, R_TEXT),
                };
                *count += 1;
                out.push(Candidate {
                    date: m.date,
                    role,
                    rank,
                    order,
                    source: "text".into(),
                    raw: text.get(m.start..m.end).unwrap_or("").to_string(),
                    after_h1,
                    // A date inside running prose ("applications by 30 April") is about
                    // something else even just under the headline; a dateline is short.
                    top: top(after_h1, *blocks_since_h1) && (text.len() <= 100 || m.start < 24),
                });
            }
        }
        *prev_tail = tail(&text, 48).to_string();
    }
}

/// `tail(&collapse_ws(s), n)` without collapsing all of `s`: the collapsed form of a suffix
/// of `s` is a suffix of the collapsed whole, so a suffix that collapses to more than `n`
/// bytes has the same last `n`.
fn collapsed_tail(s: &str, n: usize) -> String {
    let mut start = s.len().saturating_sub(4 * n + 16);
    while start < s.len() && !s.is_char_boundary(start) {
        start += 1;
    }
    let mut t = crate::dom::collapse_ws(s.get(start..).unwrap_or(""));
    if t.len() <= n && start > 0 {
        t = crate::dom::collapse_ws(s);
    }
    tail(&t, n).to_string()
}

/// The last `n` bytes of `s`, cut at a char boundary.
fn tail(s: &str, n: usize) -> &str {
    let mut start = s.len().saturating_sub(n);
    while start < s.len() && !s.is_char_boundary(start) {
        start += 1;
    }
    s.get(start..).unwrap_or("")
}

/// JSON-LD types whose dates are the page's own.
fn is_article_type(v: &crate::json::Map) -> bool {
    let check = |s: &str| {
        let s = s.to_ascii_lowercase();
        s.contains("article")
            || s.contains("posting")
            || s.contains("report")
            || s.contains("creativework")
            || s.contains("recipe")
            || s.contains("podcastepisode")
            || s == "review"
    };
    match v.get("@type") {
        Some(Value::String(s)) => check(s),
        Some(Value::Array(a)) => a.iter().any(|t| t.as_str().is_some_and(check)),
        _ => false,
    }
}

/// Keys under which nested objects are other works (comments, list items, the site), whose
/// dates are not this page's.
fn is_foreign_key(k: &str) -> bool {
    matches!(
        k,
        "comment"
            | "comments"
            | "review"
            | "reviews"
            | "itemListElement"
            | "hasPart"
            | "relatedLink"
            | "citation"
            | "isPartOf"
            | "subjectOf"
            | "about"
            | "mentions"
            | "publisher"
            | "author"
            | "creator"
            | "recipeInstructions"
            | "suggestedAnswer"
            | "acceptedAnswer"
            | "workExample"
            | "associatedMedia"
            | "video"
            | "image"
            | "thumbnail"
    )
}

fn json_ld_candidates(json_ld: &[Value], opts: &ParseOptions, out: &mut Vec<Candidate>) {
    // (value, depth, parent object is an article type)
    let mut stack: Vec<(&Value, usize)> = json_ld.iter().rev().map(|v| (v, 0)).collect();
    let mut seen = 0usize;
    while let Some((v, depth)) = stack.pop() {
        seen += 1;
        if seen > 20_000 || out.len() > MAX_CANDIDATES {
            break;
        }
        match v {
            Value::Array(items) => {
                for it in items.iter().rev() {
                    stack.push((it, depth));
                }
            }
            Value::Object(map) => {
                let article = is_article_type(map);
                for (k, val) in map.iter() {
                    let role = match k.as_str() {
                        "datePublished" | "dateCreated" | "uploadDate" | "publishDate"
                        | "dateIssued" => Some(Role::Published),
                        "dateModified" => Some(Role::Modified),
                        _ => None,
                    };
                    if let (Some(role), Some(s)) = (role, val.as_str()) {
                        if let Some(d) = parse::parse_with(s, opts) {
                            // The article's own datePublished beats a video's uploadDate or a
                            // creation date, which often predate publication.
                            let main_key = matches!(k.as_str(), "datePublished" | "dateModified");
                            let rank = if article && main_key {
                                R_JSONLD
                            } else {
                                R_JSONLD_OTHER
                            };
                            out.push(Candidate {
                                date: d,
                                role,
                                rank,
                                order: depth * 10_000 + out.len(),
                                source: format!("json-ld:{k}"),
                                raw: s.to_string(),
                                after_h1: false,
                                top: false,
                            });
                        }
                        continue;
                    }
                    if is_foreign_key(k) || depth > 8 {
                        continue;
                    }
                    if matches!(val, Value::Object(_) | Value::Array(_)) {
                        stack.push((val, depth + 1));
                    }
                }
            }
            _ => {}
        }
    }
}

/// JSON-LD read directly from the page, tolerating `<![CDATA[ … ]]>` and `<!-- … -->` wrappers;
/// a block that still does not parse is scanned for its date keys as plain text.
fn own_json_ld(doc: &Html, opts: &ParseOptions, out: &mut Vec<Candidate>) -> Vec<Value> {
    let mut values = Vec::new();
    let mut blocks = 0;
    for n in doc.tree.root().descendants() {
        let Some(el) = ElementRef::wrap(n) else {
            continue;
        };
        if el.value().name() != "script" {
            continue;
        }
        let ty = el
            .value()
            .attribute("type")
            .unwrap_or("")
            .to_ascii_lowercase();
        let raw: String = el.text().collect();
        // Some pages ship their schema.org object in a plain `<script>`.
        let untyped_schema = ty.is_empty()
            && raw.trim_start().starts_with('{')
            && raw.contains("\"@context\"")
            && raw.contains("schema.org");
        if !ty.contains("ld+json") && !untyped_schema {
            continue;
        }
        blocks += 1;
        if blocks > 50 {
            break;
        }
        let mut s = raw.trim();
        for (open, close) in [
            ("<!--", "-->"),
            ("//<![CDATA[", "//]]>"),
            ("<![CDATA[", "]]>"),
        ] {
            s = s.strip_prefix(open).unwrap_or(s).trim();
            s = s.strip_suffix(close).unwrap_or(s).trim();
        }
        match crate::json::parse(s) {
            Ok(v) => values.push(v),
            Err(_) => raw_json_dates(s, opts, out),
        }
    }
    values
}

/// `"datePublished": "…"` pairs in text that is not valid JSON, in order of appearance.
fn raw_json_dates(s: &str, opts: &ParseOptions, out: &mut Vec<Candidate>) {
    for (key, role) in [
        ("\"datePublished\"", Role::Published),
        ("\"dateCreated\"", Role::Published),
        ("\"uploadDate\"", Role::Published),
        ("\"dateModified\"", Role::Modified),
    ] {
        let mut from = 0;
        let mut n = 0;
        while let Some(pos) = s.get(from..).and_then(|t| t.find(key)) {
            n += 1;
            if n > 20 {
                break;
            }
            let after = from + pos + key.len();
            from = after;
            let rest = s.get(after..).unwrap_or("").trim_start();
            let Some(rest) = rest.strip_prefix(':') else {
                continue;
            };
            let Some(rest) = rest.trim_start().strip_prefix('"') else {
                continue;
            };
            let Some(end) = rest.find('"') else { continue };
            let val = rest.get(..end).unwrap_or("");
            if let Some(d) = parse::parse_with(val, opts) {
                out.push(Candidate {
                    date: d,
                    role,
                    rank: R_JSONLD_OTHER,
                    order: out.len(),
                    source: format!("json-ld:{}", key.trim_matches('"')),
                    raw: val.to_string(),
                    after_h1: false,
                    top: false,
                });
            }
        }
    }
}

/// The day in a lead image's address written as directories, `/2016/05/04/`: CMSs file
/// uploads by the day they were made, which for a lead image is the article's day or just
/// before it. Dates inside file names (camera names, screenshots) are not taken.
fn image_path_day(url: &str) -> Option<ParsedDate> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let b = path.as_bytes();
    let num = |s: usize, n: usize| -> Option<u32> {
        let t = path.get(s..s + n)?;
        if t.bytes().all(|c| c.is_ascii_digit()) {
            t.parse().ok()
        } else {
            None
        }
    };
    let mut i = 0;
    while i + 12 <= b.len() {
        // "/YYYY/MM/DD/"
        if b[i] == b'/' && b.get(i + 5) == Some(&b'/') && b.get(i + 8) == Some(&b'/') {
            if let (Some(y), Some(m), Some(d)) = (num(i + 1, 4), num(i + 6, 2), num(i + 9, 2)) {
                if b.get(i + 11) == Some(&b'/') && y >= parse::MIN_YEAR as u32 {
                    if let Some(date) = chrono::NaiveDate::from_ymd_opt(y as i32, m, d) {
                        return Some(ParsedDate {
                            date,
                            time: None,
                            offset: None,
                        });
                    }
                }
            }
        }
        i += 1;
    }
    None
}

/// Keys under which inline application state (Next.js `__NEXT_DATA__`, Nuxt, Apollo,
/// Shopify, dataLayer objects) records when the page's item was published.
const STATE_KEYS: &[&str] = &[
    "datePublished",
    "publishedAt",
    "published_at",
    "publishDate",
    "publish_date",
    "publishedDate",
    "published_date",
    "pubDate",
    "pub_date",
    "firstPublishedAt",
    "first_published_at",
    "first_publish_date",
    "publicationDate",
    "publication_date",
    "date_published",
];

/// The publication date in inline scripts' JSON state: the first value under a publication
/// key (later ones are usually other items: related stories, lists). Kept at a low rank,
/// since a script's first item is not always the page's. One pass over each script's text.
fn script_state_dates(doc: &Html, opts: &ParseOptions, out: &mut Vec<Candidate>) {
    let mut scripts = 0;
    let mut bytes = 0usize;
    for n in doc.tree.root().descendants() {
        let Some(el) = ElementRef::wrap(n) else {
            continue;
        };
        if el.value().name() != "script" {
            continue;
        }
        let ty = el
            .value()
            .attribute("type")
            .unwrap_or("")
            .to_ascii_lowercase();
        if ty.contains("ld+json") {
            continue;
        }
        scripts += 1;
        if scripts > 100 || bytes > MAX_TEXT_BYTES {
            return;
        }
        for t in el.text() {
            bytes += t.len();
            if let Some((key, val, d)) = first_state_date(t, opts) {
                out.push(Candidate {
                    date: d,
                    role: Role::Published,
                    rank: R_TEXT_MARKED,
                    order: usize::MAX / 2,
                    source: format!("script:{key}"),
                    raw: val.to_string(),
                    after_h1: false,
                    top: false,
                });
                return;
            }
        }
    }
}

/// The first `"key": "value"` (or the escaped `\"key\":\"value\"` of JSON inside a string)
/// in `s` whose key is a publication key and whose value is a plausible date. Every key
/// contains "ub", so one scan for that pair finds them all.
fn first_state_date<'a>(
    s: &'a str,
    opts: &ParseOptions,
) -> Option<(&'static str, &'a str, ParsedDate)> {
    let mut from = 0;
    let mut tries = 0;
    while let Some(p) = s.get(from..).and_then(|t| t.find("ub")) {
        let at = from + p;
        from = at + 2;
        for key in STATE_KEYS {
            let Some(k) = key.find("ub") else { continue };
            let Some(start) = at.checked_sub(k) else {
                continue;
            };
            if !s.get(start..).is_some_and(|t| t.starts_with(key))
                || start == 0
                || s.as_bytes().get(start - 1) != Some(&b'"')
            {
                continue;
            }
            tries += 1;
            if tries > 40 {
                return None;
            }
            let value = || -> Option<&'a str> {
                let rest = s.get(start + key.len()..)?;
                let quote = |r: &'a str| r.strip_prefix("\\\"").or_else(|| r.strip_prefix('"'));
                let rest = quote(rest)?.trim_start().strip_prefix(':')?.trim_start();
                let rest = quote(rest)?;
                let val = rest.get(..rest.find(['"', '\\'])?)?;
                (6..=40).contains(&val.len()).then_some(val)
            };
            if let Some(val) = value() {
                if let Some(d) = parse::parse_with(val, opts).filter(|d| d.plausible(opts.now)) {
                    return Some((key, val, d));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{collapsed_tail, date_class, tail, Role};

    /// The rule `date_class` implements, written as substring tests.
    fn date_class_by_substrings(class_id: &str) -> Option<Role> {
        let mut role = None;
        for w in class_id.split_whitespace() {
            if w.contains("update") || w.contains("modified") {
                return Some(Role::Modified);
            }
            if ["publish", "posted", "pubdate", "created"]
                .iter()
                .any(|n| w.contains(n))
                || w == "submitted"
            {
                role = Some(Role::Published);
                continue;
            }
            let dateish = ["date", "time", "byline", "info", "datum", "fecha", "data-"]
                .iter()
                .chain(&["author", "-meta-"])
                .any(|n| w.contains(n))
                || ["meta", "metadata"].contains(&w)
                || w.ends_with("-meta")
                || w.ends_with("_meta")
                || w.starts_with("meta-");
            if dateish && role.is_none() {
                role = Some(Role::Neutral);
            }
        }
        role
    }

    #[test]
    fn date_class_matches_its_substring_rule() {
        let parts = [
            "",
            "post",
            "-",
            "_",
            "date",
            "dat",
            "update",
            "updat",
            "modified",
            "publish",
            "posted",
            "pubdate",
            "created",
            "submitted",
            "time",
            "byline",
            "info",
            "datum",
            "fecha",
            "data-",
            "author",
            "meta",
            "metadata",
            "x",
            "é",
            "\u{a0}",
        ];
        let mut n = 0;
        for a in parts {
            for b in parts {
                for c in parts {
                    for sep in ["", " ", "  "] {
                        let s = format!("{a}{b}{sep}{c}{a}");
                        assert_eq!(date_class(&s), date_class_by_substrings(&s), "{s:?}");
                        n += 1;
                    }
                }
            }
        }
        assert!(n > 50_000);
        assert_eq!(date_class("entry-meta post-updated"), Some(Role::Modified));
        assert_eq!(date_class("submitted"), Some(Role::Published));
        assert_eq!(date_class("nav menu"), None);
    }

    #[test]
    fn collapsed_tail_equals_the_tail_of_the_collapsed_whole() {
        let long = format!("{} Veröffentlicht  am:\n\t", "wörd \u{a0} ".repeat(200));
        for s in [
            "",
            "   ",
            "short label:",
            "a\n\n\n b",
            long.as_str(),
            &"x".repeat(500),
            &format!("{}{}", " ".repeat(300), "Posted on"),
            &format!("é{}", " \n".repeat(100)),
        ] {
            let expected = tail(&crate::dom::collapse_ws(s), 48).to_string();
            assert_eq!(collapsed_tail(s, 48), expected, "{s:?}");
        }
    }
}
