//! Class, id and role vocabularies that say what a block is.
//!
//! Matching is on the lower-cased `class` and `id` joined by a space. Long, distinctive words
//! match as substrings (`comment` catches `commentlist`, `comments-area`); short, ambiguous ones
//! (`ad`, `nav`, `tags`) must be a whole token, so `header` does not hide in `shadow` and `ad`
//! does not match `headline`.

use crate::dom::Attribute;

/// Clutter wherever it appears: comment widgets, share bars, related-story cards, newsletter,
/// cookie and consent boxes, ads, navigation and page chrome.
const UNLIKELY_SUBSTR: &[&str] = &[
    "-ad-",
    "ad-break",
    "adsense",
    "advert",
    "agegate",
    "ai2html",
    "banner",
    "breadcrumb",
    "combx",
    "comment",
    "community",
    "consent",
    "cookie",
    "cover-wrap",
    "disqus",
    "donate",
    "dropdown",
    "follow-us",
    "footer",
    "gdpr",
    "hidden-print",
    "jump-link",
    "legends",
    "login",
    "masthead",
    "menu",
    "modal",
    "more-stories",
    "morestories",
    "most-popular",
    "mostpopular",
    "most-read",
    "mostread",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "pager",
    "pagination",
    "paywall",
    "popular",
    "popup",
    "promo",
    "read-more",
    "readmore",
    "read-next",
    "recirc",
    "recommend",
    "related",
    "remark",
    "replies",
    "rss",
    "share",
    "sharing",
    "shoutbox",
    "sidebar",
    "signup",
    "sign-up",
    "skip-link",
    "skiplink",
    "skyscraper",
    "social",
    "sponsor",
    "subscri",
    "supplemental",
    "taboola",
    "toolbar",
    "tooltip",
    "trending",
    "yom-remote",
    // A forum post's poster card: join date, post count, reaction score, badges (XenForo's
    // `message-userExtras` and `userBanner`, phpBB's `postprofile`).
    "userextras",
    "user-extras",
    "userbanner",
    "postprofile",
    // Forum signatures (`signature`, `signature_div`, `signature-content-wrapper`). A section
    // named after a restaurant's signature dishes goes with them unless an article-like name
    // rescues it: forum signatures are by far the commoner use of the word in class names.
    "signature",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader",
    "screenreader",
    "print-only",
    "offscreen",
    // Consent-management platforms, by their widely deployed names.
    "onetrust",
    "optanon",
    "cookiebot",
    "usercentrics",
    "didomi",
    "truste",
    "qc-cmp",
    "sp_message",
    "fc-consent",
    "osano",
    "iubenda",
    "cmplz",
];

/// Short clutter words that must match a whole class/id token.
const UNLIKELY_TOKEN: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "nav",
    "header",
    "tags",
    "tagcloud",
    "topbar",
    "share",
    "extra",
    "rail",
    "aside",
    "byline",
    "dateline",
    "meta",
    "author-bio",
    "bio",
];

/// Words that rescue a block from the lists above: it is probably the article's own container.
const MAYBE_CANDIDATE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "mathjax", "shadow", "entry", "post",
    "story", "text", "prose",
];

/// Roles that are page chrome, never article content.
pub const UNLIKELY_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
    "banner",
    "contentinfo",
    "search",
    "toolbar",
    "tooltip",
];

const NEGATIVE_SUBSTR: &[&str] = &[
    "-ad-",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "newsletter",
    "subscri",
    "social",
    "cookie",
    "recirc",
    "popular",
    "trending",
    "byline",
    "author",
    "caption",
    "credit",
    "breadcrumb",
    "pagination",
    "nav",
    "menu",
    "teaser",
    "card",
];
const NEGATIVE_TOKEN: &[&str] = &[
    "ad", "ads", "tags", "meta", "media", "hid", "aside", "rail", "date", "time",
];
const POSITIVE_SUBSTR: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "post",
    "text",
    "blog",
    "story",
    "prose",
    "markdown",
    "rich-text",
    "richtext",
];

fn tokens(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
}

fn any_substr(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.contains(w))
}

fn any_token(s: &str, words: &[&str]) -> bool {
    tokens(s).any(|t| words.contains(&t))
}

/// Lower-cased `class id` of an element, the string all the tests here read.
///
/// BEM names (`article__share`, `post__footer`) are reduced to their element part: the block
/// name repeats the container's purpose on every descendant and would rescue all of them.
pub fn class_id(el: &scraper::node::Element) -> String {
    let mut s = String::new();
    if let Some(c) = el.attribute("class") {
        for token in c.split_ascii_whitespace() {
            let part = match token.rfind("__") {
                Some(i) if i + 2 < token.len() => &token[i + 2..],
                _ => token,
            };
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(part);
        }
    }
    // Long ids are slugs of headings ("sharing-with-a-single-developer"), not names of
    // widgets; reading them as names would throw away whole sections.
    if let Some(i) = el
        .attribute("id")
        .filter(|i| i.split(['-', '_']).count() <= 3)
    {
        s.push(' ');
        s.push_str(i);
    }
    s.make_ascii_lowercase();
    s
}

/// [`class_id`], as read on a page whose replies are its content (`Flags::discussion`): the
/// letters that make a reply clutter elsewhere ("comment") are cut out wherever they occur,
/// so a thread's posts (`ipsComment`, Drupal's `comment-content`) are judged by
/// the rest of their names.
pub fn names(el: &scraper::node::Element, flags: super::prune::Flags) -> String {
    let cid = class_id(el);
    if !flags.discussion || !cid.contains("comment") {
        return cid;
    }
    cid.replace("comment", "")
}

/// The three verdicts on one class/id string.
#[derive(Clone, Copy, Default)]
struct Verdict {
    unlikely: bool,
    certain: bool,
    weight: f32,
}

thread_local! {
    /// Verdicts by class/id string: pages repeat a few dozen names over thousands of
    /// elements, and each verdict is some hundred substring searches, read several times per
    /// element across passes.
    static MEMO: crate::memo::Table<Verdict> = Default::default();
}

fn verdict(class_id: &str) -> Verdict {
    if class_id.trim().is_empty() {
        return Verdict::default();
    }
    crate::memo::get(&MEMO, class_id, |c| Verdict {
        unlikely: unlikely_uncached(c),
        certain: certain_uncached(c),
        weight: weight_uncached(c),
    })
}

/// Is this block, by its names, clutter rather than a possible article container?
pub fn is_unlikely(class_id: &str) -> bool {
    verdict(class_id).unlikely
}

fn unlikely_uncached(class_id: &str) -> bool {
    let flagged = any_substr(class_id, UNLIKELY_SUBSTR)
        || class_id
            .split_ascii_whitespace()
            .filter(|t| !is_modifier(t))
            .any(|t| any_token(t, UNLIKELY_TOKEN));
    flagged && !any_token(class_id, MAYBE_CANDIDATE) && !class_id.contains("article")
}

/// A class that says what a container has or how it aligns a part of it
/// (`pane-header-alignment-left`, `has-header`, `no-sidebar`) sits on the container, not on
/// the part: an accordion aligning its pane headers is not the page header. (Theme variants
/// such as `header-style-2` do sit on the header itself, so styles in general are not read so.)
fn is_modifier(t: &str) -> bool {
    t.starts_with("has-")
        || t.starts_with("with-")
        || t.starts_with("no-")
        || t.contains("-alignment")
        || t.contains("-align-")
        || t.ends_with("-align")
}

/// Clutter so certain that even an article-sounding name does not rescue it
/// (`article-share`, `post-comments`, `entry-related`).
pub fn is_certain_clutter(class_id: &str) -> bool {
    verdict(class_id).certain
}

fn certain_uncached(class_id: &str) -> bool {
    const CERTAIN: &[&str] = &[
        "comment",
        "share",
        "sharing",
        "social",
        "related",
        "newsletter",
        "subscri",
        "cookie",
        "consent",
        "gdpr",
        "outbrain",
        "taboola",
        "recirc",
        "more-stories",
        "read-next",
        "most-popular",
        "mostpopular",
        "advert",
        "sponsor",
        "promo",
        "paywall",
        "signup",
        "sign-up",
        "disqus",
        "breadcrumb",
        "sr-only",
        "visually-hidden",
        "visuallyhidden",
        "screen-reader",
        "copyright",
        // Shops' review widgets, by vendor (Yotpo, Judge.me, Okendo, Stamped, Loox,
        // Bazaarvoice, PowerReviews, Trustpilot): customer reviews and star summaries around
        // the product, not its description, however "main" their names.
        "yotpo",
        "jdgm",
        "okendo",
        "stamped-",
        "loox-",
        "bv_",
        "bv-",
        "powerreviews",
        "trustpilot",
        "credit",
        "statistic",
        "counter",
        "views",
    ];
    // "comments" is common, but "comment-content" inside a forum post is content: only
    // whole-name clutter counts here, so names must start with or be the clutter word.
    tokens_joined(class_id).any(|t| {
        CERTAIN.iter().any(|c| t.starts_with(c) || t.ends_with(c))
            // Forum signatures and Stack Exchange's poster cards (`signature`,
            // `post-signature`), whatever else names them; not `signature-collection`.
            || t.ends_with("signature")
    })
}

/// Class and id names split on whitespace only (keeps `article-share` whole).
fn tokens_joined(s: &str) -> impl Iterator<Item = &str> {
    s.split_ascii_whitespace()
}

/// Readability-style weight: names that say "content" +25, names that say "clutter" −25.
pub fn class_weight(class_id: &str) -> f32 {
    verdict(class_id).weight
}

fn weight_uncached(class_id: &str) -> f32 {
    let mut w = 0.0;
    if any_substr(class_id, NEGATIVE_SUBSTR)
        || any_token(class_id, NEGATIVE_TOKEN)
        || says_hidden(class_id)
    {
        w -= 25.0;
    }
    if any_substr(class_id, POSITIVE_SUBSTR) {
        w += 25.0;
    }
    w
}

/// A name with "hidden" in it (`hidden-xs`, `is-hidden`, `js-hidden-content`), except the
/// overflow utilities (`overflow-hidden`, `overflow-x-hidden`, `md:overflow-hidden`): those
/// clip a box to its size, and utility-class pages put them on many content containers.
fn says_hidden(class_id: &str) -> bool {
    class_id
        .split_ascii_whitespace()
        .any(|t| t.contains("hidden") && !t.contains("overflow"))
}

/// Headings whose whole following block is page furniture, prose or not.
pub fn is_furniture_heading(text: &str) -> bool {
    let t = text.trim().trim_end_matches([':', '.', '!']).to_lowercase();
    const EXACT: &[&str] = &[
        "about the author",
        "about the authors",
        "about the reviewer",
        "about the editor",
        "disclaimer",
        "related posts",
        "related articles",
        "related stories",
        "related reading",
        "you may also like",
        "you might also like",
        "recommended for you",
        "more stories",
        "read next",
        "share this article",
        "share this post",
        "share this",
    ];
    EXACT.contains(&t.as_str())
}

/// Phrases that open a block of links to other stories or of page chrome.
pub fn is_boilerplate_heading(text: &str) -> bool {
    let t = text.trim().trim_end_matches([':', '.', '!']).to_lowercase();
    if t.chars().count() > 60 {
        return false;
    }
    const STARTS: &[&str] = &[
        "related",
        "read more",
        "read also",
        "read next",
        "more from",
        "more stories",
        "more on",
        "more in",
        "recommended",
        "you may also like",
        "you might also like",
        "you may like",
        "also read",
        "see also",
        "popular",
        "most popular",
        "most read",
        "trending",
        "latest news",
        "latest stories",
        "top stories",
        "share this",
        "share on",
        "follow us",
        "sign up",
        "subscribe",
        "newsletter",
        "leave a comment",
        "leave a reply",
        "comments",
        "join the conversation",
        "discussion about this post",
        "ready for more",
        "advertisement",
        "sponsored",
        "tags",
        "about the author",
        "about the reviewer",
        "about the editor",
        "disclaimer",
        "table of contents",
        "in this article",
        "on this page",
        "related posts",
        "related articles",
        "related stories",
        "читайте также",
        "по теме",
        "lesen sie auch",
        "mehr zum thema",
        "à lire aussi",
        "lire aussi",
        "leer más",
        "lee también",
        "leia também",
        "leggi anche",
    ];
    STARTS
        .iter()
        .any(|s| t == *s || (t.starts_with(s) && crate::text::words(&t).count() <= 6))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overflow_utilities_are_not_hidden_blocks() {
        assert_eq!(class_weight("grid overflow-hidden transition-all"), 0.0);
        assert_eq!(class_weight("md:overflow-x-hidden w-full"), 0.0);
        assert!(class_weight("hidden-xs widget") < 0.0);
        assert!(class_weight("js-hidden-panel") < 0.0);
        assert!(class_weight("overflow-hidden is-hidden") < 0.0);
    }

    #[test]
    fn classes_that_style_a_part_are_not_the_part() {
        assert!(!is_unlikely(
            "kt-accordion-wrap kt-pane-header-alignment-left kt-accordion-block"
        ));
        assert!(!is_unlikely("layout has-header"));
        assert!(is_unlikely("site-header has-logo"));
        assert!(is_unlikely("header header-style-2"));
    }

    #[test]
    fn clutter_names() {
        assert!(is_unlikely("comments-area"));
        assert!(is_unlikely("cookie-consent"));
        assert!(!is_unlikely("article__body js-mediator-article"));
        assert!(!is_unlikely("headline"));
        assert!(is_unlikely("site-header"));
        assert!(is_certain_clutter("article-share"));
        assert!(!is_certain_clutter("article__body"));
    }

    /// Review widgets by vendor name; words that merely contain the letters stay.
    #[test]
    fn shop_review_widgets() {
        for name in [
            "yotpo-main-widget",
            "jdgm-carousel-item",
            "okendo-reviews",
            "stamped-main-widget",
            "loox-rating",
            "bv_main_container",
            "bv-rating-summary",
            "trustpilot-widget",
        ] {
            assert!(is_certain_clutter(name), "{name}");
        }
        for name in [
            "abv-value",
            "product-stamped-date",
            "bvd-card",
            "product-description",
        ] {
            assert!(!is_certain_clutter(name), "{name}");
        }
    }

    /// A forum post's poster card and signature are not the post (XenForo, phpBB, vBulletin,
    /// Stack Exchange names); the post body next to them is.
    #[test]
    fn forum_poster_cards_and_signatures() {
        assert!(is_unlikely("message-userextras"));
        assert!(is_unlikely("userbanner message-userbanner"));
        assert!(is_unlikely("postprofile"));
        assert!(is_certain_clutter("signature"));
        assert!(is_certain_clutter("postsignature"));
        assert!(is_unlikely("signature_div") && !is_certain_clutter("signature-collection"));
        // "post" would rescue the name; a signature is clutter whatever names it.
        assert!(is_certain_clutter("post-signature flex--item fl0"));
        assert!(is_certain_clutter("message-signature"));
        assert!(!is_unlikely("message-body js-selecttoquote"));
        assert!(!is_certain_clutter("post-text"));
        assert!(!is_certain_clutter("signature-dishes"));
    }

    #[test]
    fn boilerplate_headings() {
        for h in [
            "Related stories",
            "Leave a Reply",
            "Discussion about this post",
            "Ready for more?",
            "Share this:",
        ] {
            assert!(is_boilerplate_heading(h), "{h}");
        }
        for h in [
            "Discussion",
            "Results and discussion",
            "Ready, set, go",
            "Methods",
        ] {
            assert!(!is_boilerplate_heading(h), "{h}");
        }
    }

    #[test]
    fn weights() {
        assert!(class_weight("entry-content") > 0.0);
        assert!(class_weight("sidebar") < 0.0);
    }
}
