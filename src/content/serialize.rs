//! Writing the chosen article back out as simple, absolute-URL HTML: one element vocabulary
//! (the same the sanitiser allows), lazy images resolved to their real source, code blocks
//! normalised to `<pre><code class="language-x">`, math kept as MathML or TeX, video embeds
//! turned into links. Unknown and presentational elements are unwrapped, their text kept.

use crate::dom::{Attribute, Skip};
use crate::sanitize::{Builder, Clean, Space};
use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::node::{Element, Node};
use scraper::Html;
use url::Url;

use super::prune::LazyFallbacks;

/// What an input element becomes in the output.
enum Out {
    /// Emit as this tag with the allowed attributes.
    Tag(&'static str),
    /// Emit only the children.
    Unwrap,
    /// Emit nothing, not even the children.
    Drop,
}

fn map_tag(name: &str) -> Out {
    Out::Tag(match name {
        "p" => "p",
        "h1" => "h1",
        "h2" => "h2",
        "h3" => "h3",
        "h4" => "h4",
        "h5" => "h5",
        "h6" => "h6",
        "ul" | "menu" | "dir" => "ul",
        "ol" => "ol",
        "li" => "li",
        "dl" => "dl",
        "dt" => "dt",
        "dd" => "dd",
        "blockquote" => "blockquote",
        "pre" | "listing" | "xmp" | "plaintext" => "pre",
        "code" | "tt" => "code",
        "table" => "table",
        "caption" => "caption",
        "thead" => "thead",
        "tbody" => "tbody",
        "tfoot" => "tfoot",
        "tr" => "tr",
        "th" => "th",
        "td" => "td",
        "figure" => "figure",
        "figcaption" => "figcaption",
        "a" => "a",
        "em" | "i" | "cite" | "dfn" | "var" => "em",
        "strong" | "b" => "strong",
        "u" | "ins" => "u",
        "s" | "strike" | "del" => "del",
        "mark" => "mark",
        "sub" => "sub",
        "sup" => "sup",
        "small" => "small",
        "abbr" | "acronym" => "abbr",
        "q" => "q",
        "kbd" => "kbd",
        "samp" => "samp",
        "time" => "time",
        "br" => "br",
        "hr" => "hr",
        "wbr" => "wbr",
        "details" => "details",
        "summary" => "summary",
        "div" | "section" | "article" | "main" | "header" | "footer" | "aside" | "address"
        | "center" | "hgroup" | "nav" => "div",
        "img" => "img",
        "math" => "math",
        "col" | "colgroup" | "source" | "track" | "head" | "script" | "style" | "template" => {
            return Out::Drop
        }
        _ => return Out::Unwrap,
    })
}

/// MathML presentation and annotation elements kept inside `<math>`: exactly those the
/// sanitiser allows, so the two never drift apart.
fn mathml_tag(name: &str) -> Option<&'static str> {
    crate::sanitize::MATHML_TAGS
        .iter()
        .find(|t| **t == name)
        .copied()
}

/// A link to the video for an embed from a well-known host, or `None` for any other frame.
pub fn video_link(src: &str) -> Option<String> {
    let src = src.trim();
    let url = if src.starts_with("//") {
        crate::weburl::parse(&format!("https:{src}")).ok()?
    } else {
        crate::weburl::parse(src).ok()?
    };
    let host = url
        .host_str()?
        .trim_start_matches("www.")
        .to_ascii_lowercase();
    let last = url
        .path_segments()
        .and_then(|mut s| s.next_back())
        .unwrap_or("")
        .to_string();
    match host.as_str() {
        "youtube.com" | "youtube-nocookie.com" | "m.youtube.com"
            if url.path().starts_with("/embed/") =>
        {
            (!last.is_empty()).then(|| format!("https://www.youtube.com/watch?v={last}"))
        }
        "player.vimeo.com" if url.path().starts_with("/video/") => {
            Some(format!("https://vimeo.com/{last}"))
        }
        "dailymotion.com" if url.path().starts_with("/embed/video/") => {
            Some(format!("https://www.dailymotion.com/video/{last}"))
        }
        "player.twitch.tv"
        | "open.spotify.com"
        | "w.soundcloud.com"
        | "bandcamp.com"
        | "player.bilibili.com"
        | "rumble.com"
        | "ted.com"
        | "embed.ted.com"
        | "streamable.com"
        | "loom.com" => Some(url.to_string()),
        _ => None,
    }
}

/// What closing an input element undoes in the output.
#[derive(Clone, Copy)]
enum Opened {
    /// Nothing was opened (the element is unwrapped).
    Nothing,
    /// One element.
    One,
    /// A normalised `pre`: `<pre><code>`.
    Pre,
}

/// The writer hands what it keeps straight to the sanitiser's [`Builder`]: the article is
/// sanitised in the same walk that chooses it, with no HTML written and parsed in between.
pub struct Writer<'a> {
    base: Option<&'a Url>,
    lazy: &'a LazyFallbacks,
    out: Builder,
}

/// The language of a code block, from the class/data conventions of common highlighters.
pub fn code_language(node: NodeRef<'_, Node>) -> Option<String> {
    let mut cur = Some(node);
    let mut hops = 0;
    while let Some(n) = cur {
        if hops > 3 {
            break;
        }
        if let Some(e) = n.value().as_element() {
            for a in ["data-lang", "data-language", "lang"] {
                if let Some(v) = e.attribute(a) {
                    if e.name() != "html" && a != "lang" || matches!(e.name(), "pre" | "code") {
                        if let Some(l) = clean_lang(v) {
                            return Some(l);
                        }
                    }
                }
            }
            if let Some(class) = e.attribute("class") {
                for c in class.split_ascii_whitespace() {
                    let lc = c.to_ascii_lowercase();
                    for prefix in [
                        "language-",
                        "lang-",
                        "highlight-source-",
                        "highlight-",
                        "brush:",
                        "sourcecode-",
                    ] {
                        if let Some(rest) = lc.strip_prefix(prefix) {
                            if let Some(l) = clean_lang(rest) {
                                return Some(l);
                            }
                        }
                    }
                }
            }
        }
        cur = n.parent();
        hops += 1;
    }
    None
}

fn clean_lang(v: &str) -> Option<String> {
    let v = v.trim().trim_end_matches(';').to_ascii_lowercase();
    let ok = !v.is_empty()
        && v.len() <= 24
        && v.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '#' | '-' | '_' | '.'))
        && !matches!(
            v.as_str(),
            "none" | "text" | "plain" | "plaintext" | "nohighlight" | "undefined" | "null"
        );
    ok.then_some(v)
}

/// Pick the widest candidate of a `srcset` ("a.jpg 480w, b.jpg 1080w" or "a.jpg 1x, b.jpg 2x").
pub fn best_srcset(srcset: &str) -> Option<String> {
    let mut best: Option<(u64, &str)> = None;
    // URLs may contain commas (CDN transforms); a candidate ends at ", " or a trailing descriptor.
    for part in split_srcset(srcset) {
        let mut it = part.split_ascii_whitespace();
        let Some(url) = it.next() else { continue };
        let desc = it.next().unwrap_or("1x");
        let n = milli(desc.trim_end_matches(['w', 'x', 'h'])).unwrap_or(1000);
        // A density of 1x stands for about a thousand pixels of width.
        let n = if desc.ends_with('x') {
            n.saturating_mul(1000)
        } else {
            n
        };
        if best.is_none_or(|(b, _)| n > b) {
            best = Some((n, url));
        }
    }
    best.map(|(_, u)| u.to_string())
}

/// A descriptor number ("480", "1.5", ".75") in thousandths, saturating. Written out because
/// `str::parse::<f32>` brings core's float parser and its 10 KB power-of-five table into the
/// .wasm for this one comparison.
fn milli(s: &str) -> Option<u64> {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || !digits(frac) {
        return None;
    }
    // The integer part, then exactly three fraction digits (padded or cut), in one number.
    let frac = frac.bytes().chain(std::iter::repeat(b'0')).take(3);
    let n = int.bytes().chain(frac).fold(0u64, |n, b| {
        n.saturating_mul(10).saturating_add(u64::from(b - b'0'))
    });
    Some(n)
}

fn split_srcset(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b',' && (i + 1 >= bytes.len() || bytes[i + 1].is_ascii_whitespace()) {
            parts.push(&s[start..i]);
            start = i + 1;
        }
        i += 1;
    }
    parts.push(&s[start..]);
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

fn usable_src(v: &str) -> bool {
    let v = v.trim();
    !v.is_empty()
        && !v.starts_with("data:")
        && !v.starts_with("javascript:")
        && !v.contains("{{")
        && v != "#"
        && !v.ends_with("/blank.gif")
        && !v.ends_with("/spacer.gif")
        && !v.ends_with("/pixel.gif")
}

impl<'a> Writer<'a> {
    pub fn new(base: Option<&'a Url>, lazy: &'a LazyFallbacks) -> Self {
        Writer {
            base,
            lazy,
            out: Builder::with_capacity(4096),
        }
    }

    pub fn finish(self) -> Clean {
        self.out.finish()
    }

    fn abs(&self, href: &str) -> Option<String> {
        let href = href.trim();
        if href.is_empty() {
            return None;
        }
        if href.starts_with('#') {
            return Some(href.to_string());
        }
        let url = crate::weburl::resolve(self.base, href).ok()?;
        matches!(url.scheme(), "http" | "https" | "mailto" | "tel").then(|| url.to_string())
    }

    /// The real source of an image: the `noscript` fallback, a lazy-loading attribute, the
    /// widest `srcset` candidate, then `src`, skipping placeholders.
    fn image_src(
        &self,
        id: NodeId,
        el: &Element,
        picture: Option<NodeRef<'_, Node>>,
    ) -> Option<String> {
        if let Some(s) = self.lazy.get(&id) {
            if usable_src(s) {
                return self.abs(s);
            }
        }
        for a in [
            "data-src",
            "data-lazy-src",
            "data-original",
            "data-url",
            "data-hi-res-src",
            "data-full-src",
            "data-lazyload",
            "data-echo",
        ] {
            if let Some(v) = el.attribute(a).filter(|v| usable_src(v)) {
                return self.abs(v);
            }
        }
        for a in ["data-srcset", "data-lazy-srcset", "srcset"] {
            if let Some(best) = el
                .attribute(a)
                .and_then(best_srcset)
                .filter(|v| usable_src(v))
            {
                return self.abs(&best);
            }
        }
        if let Some(pic) = picture {
            for s in pic.children() {
                if let Some(se) = s.value().as_element() {
                    if se.name() == "source" {
                        if let Some(best) = se
                            .attribute("srcset")
                            .or_else(|| se.attribute("data-srcset"))
                            .and_then(best_srcset)
                            .filter(|v| usable_src(v))
                        {
                            return self.abs(&best);
                        }
                    }
                }
            }
        }
        el.attribute("src")
            .filter(|v| usable_src(v))
            .and_then(|v| self.abs(v))
    }

    fn open_tag(&mut self, space: Space, tag: &str, attrs: &[(&str, String)]) {
        self.out
            .open(space, tag, attrs.iter().map(|(k, v)| (*k, v.as_str())));
    }

    /// An element with only text inside, opened and closed.
    fn text_element(&mut self, space: Space, tag: &str, attrs: &[(&str, String)], text: &str) {
        self.open_tag(space, tag, attrs);
        self.out.text(text);
        self.out.close();
    }

    /// Write the subtree at `root`.
    pub fn write(&mut self, doc: &Html, root: NodeId) {
        let Some(root) = doc.tree.get(root) else {
            return;
        };
        // Per open element: what to close when it ends.
        let mut closes: Vec<Opened> = Vec::new();
        let mut skip = Skip::default();
        let mut pre_depth = 0usize;
        let mut math_depth = 0usize;
        for edge in root.traverse() {
            if skip.passes(&edge) {
                continue;
            }
            match edge {
                Edge::Open(n) => match n.value() {
                    Node::Text(t) => self.out.text(t),
                    Node::Element(e) => match self.open(n, e, &mut pre_depth, &mut math_depth) {
                        Some(opened) => closes.push(opened),
                        None => {
                            skip.start(n.id());
                            closes.push(Opened::Nothing);
                        }
                    },
                    _ => {}
                },
                Edge::Close(n) => {
                    if let Node::Element(e) = n.value() {
                        match closes.pop() {
                            Some(Opened::One) => self.out.close(),
                            Some(Opened::Pre) => {
                                self.out.close();
                                self.out.close();
                                pre_depth = pre_depth.saturating_sub(1);
                            }
                            Some(Opened::Nothing) | None => {}
                        }
                        if e.name() == "math" {
                            math_depth = math_depth.saturating_sub(1);
                        }
                    }
                }
            }
        }
    }

    /// Open one element. `None`: skip the subtree (whatever it wrote is already closed);
    /// otherwise what its end undoes.
    fn open(
        &mut self,
        n: NodeRef<'_, Node>,
        e: &Element,
        pre_depth: &mut usize,
        math_depth: &mut usize,
    ) -> Option<Opened> {
        let name = e.name();
        if *math_depth > 0 || name == "math" {
            let Some(tag) = mathml_tag(name) else {
                return Some(Opened::Nothing);
            };
            if name == "math" {
                *math_depth += 1;
            }
            let mut attrs = Vec::new();
            for a in ["display", "alttext", "encoding", "mathvariant"] {
                if let Some(v) = e.attribute(a) {
                    attrs.push((a, v.to_string()));
                }
            }
            self.open_tag(Space::MathMl, tag, &attrs);
            return Some(Opened::One);
        }
        if name == "script" {
            // MathJax 2 TeX source.
            let tex = crate::dom::raw_text(n);
            let display = e
                .attribute("type")
                .is_some_and(|t| t.contains("mode=display"));
            let math_attrs = if display {
                vec![("display", "block".to_string())]
            } else {
                Vec::new()
            };
            self.open_tag(Space::MathMl, "math", &math_attrs);
            self.open_tag(Space::MathMl, "semantics", &[]);
            let tex_attrs = [("encoding", "application/x-tex".to_string())];
            self.text_element(Space::MathMl, "annotation", &tex_attrs, tex.trim());
            self.out.close();
            self.out.close();
            return None;
        }
        if *pre_depth > 0 {
            // Inside code: text and line breaks only; gutters of line numbers go.
            let cid = super::patterns::class_id(e);
            if cid.contains("lineno")
                || cid.contains("line-number")
                || cid.contains("linenumber")
                || cid.contains("gutter")
            {
                return None;
            }
            if name == "br" {
                self.out.text("\n");
            }
            return Some(Opened::Nothing);
        }
        match name {
            "pre" => {
                *pre_depth += 1;
                let lang = code_language(n).or_else(|| {
                    n.children()
                        .find(|c| c.value().as_element().is_some_and(|e| e.name() == "code"))
                        .and_then(code_language)
                });
                self.open_tag(Space::Html, "pre", &[]);
                match lang {
                    Some(l) => {
                        self.open_tag(Space::Html, "code", &[("class", format!("language-{l}"))])
                    }
                    None => self.open_tag(Space::Html, "code", &[]),
                }
                return Some(Opened::Pre);
            }
            "img" => {
                let picture = n.parent().filter(|p| {
                    p.value()
                        .as_element()
                        .is_some_and(|e| e.name() == "picture")
                });
                let src = self.image_src(n.id(), e, picture)?;
                let mut attrs = vec![("src", src)];
                for a in ["alt", "title", "width", "height"] {
                    if let Some(v) = e.attribute(a) {
                        attrs.push((a, v.to_string()));
                    }
                }
                self.open_tag(Space::Html, "img", &attrs);
                self.out.close();
                return None;
            }
            "iframe" | "video" => {
                let src = e
                    .attribute("src")
                    .map(str::to_string)
                    .or_else(|| {
                        n.children()
                            .filter_map(|c| c.value().as_element())
                            .find(|c| c.name() == "source")
                            .and_then(|s| s.attribute("src"))
                            .map(str::to_string)
                    })
                    .unwrap_or_default();
                let link = video_link(&src)
                    .or_else(|| (name == "video").then(|| self.abs(&src)).flatten());
                if let Some(href) = link {
                    // Its own paragraph, or a line of the paragraph the embed sits in.
                    if self.out.in_phrasing_only() {
                        if !self.out.current_is_blank() {
                            self.open_tag(Space::Html, "br", &[]);
                            self.out.close();
                        }
                        self.text_element(Space::Html, "a", &[("href", href)], "▶ Video");
                    } else {
                        self.open_tag(Space::Html, "p", &[]);
                        self.text_element(Space::Html, "a", &[("href", href)], "▶ Video");
                        self.out.close();
                    }
                }
                return None;
            }
            _ => {}
        }
        match map_tag(name) {
            Out::Drop => None,
            Out::Unwrap => Some(Opened::Nothing),
            Out::Tag(tag) => {
                let mut attrs: Vec<(&str, String)> = Vec::new();
                match tag {
                    "a" => {
                        if let Some(h) = e.attribute("href").and_then(|h| self.abs(h)) {
                            attrs.push(("href", h));
                        }
                        if let Some(t) = e.attribute("title") {
                            attrs.push(("title", t.to_string()));
                        }
                    }
                    "td" | "th" => {
                        for a in ["colspan", "rowspan"] {
                            if let Some(v) = e
                                .attribute(a)
                                .filter(|v| v.trim().parse::<u16>().is_ok_and(|n| n > 1))
                            {
                                attrs.push((a, v.trim().to_string()));
                            }
                        }
                    }
                    "ol" => {
                        if let Some(v) = e
                            .attribute("start")
                            .filter(|v| v.trim().parse::<i64>().is_ok())
                        {
                            attrs.push(("start", v.trim().to_string()));
                        }
                    }
                    "time" => {
                        if let Some(v) = e.attribute("datetime") {
                            attrs.push(("datetime", v.to_string()));
                        }
                    }
                    "abbr" => {
                        if let Some(v) = e.attribute("title") {
                            attrs.push(("title", v.to_string()));
                        }
                    }
                    "code" => {
                        if let Some(l) = code_language(n) {
                            attrs.push(("class", format!("language-{l}")));
                        }
                    }
                    _ => {}
                }
                if let Some(id) = e.attribute("id").filter(|i| keep_id(i)) {
                    attrs.push(("id", id.to_string()));
                }
                if let Some(d) = e
                    .attribute("dir")
                    .filter(|d| matches!(d.trim(), "rtl" | "ltr"))
                {
                    attrs.push(("dir", d.trim().to_string()));
                }
                self.open_tag(Space::Html, tag, &attrs);
                Some(Opened::One)
            }
        }
    }
}

/// Ids worth keeping: footnote and section anchors that in-article links point at.
fn keep_id(id: &str) -> bool {
    let id = id.trim();
    !id.is_empty() && id.len() <= 80 && !id.contains(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::{best_srcset, milli, Writer};
    use crate::content::prune::LazyFallbacks;

    fn write(html: &str) -> String {
        let doc = scraper::Html::parse_document(html);
        let lazy = LazyFallbacks::default();
        let mut w = Writer::new(None, &lazy);
        let body = doc.root_element().last_child().map(|b| b.id());
        if let Some(body) = body {
            w.write(&doc, body);
        }
        w.finish().html
    }

    #[test]
    fn a_video_inside_a_paragraph_does_not_open_a_paragraph_in_it() {
        let yt = "https://www.youtube.com/embed/abc";
        let out = write(&format!(
            "<p>Watch:<iframe src='{yt}'></iframe></p><p><iframe src='{yt}'></iframe></p>\
             <div><iframe src='{yt}'></iframe></div>"
        ));
        let link = "<a href=\"https://www.youtube.com/watch?v=abc\" rel=\"noopener noreferrer\">▶ Video</a>";
        assert_eq!(
            out,
            format!("<p>Watch:<br>{link}</p><p>{link}</p><div><p>{link}</p></div>")
        );
        assert_eq!(crate::sanitize::clean_html(&out, None), out);
    }

    #[test]
    fn srcset_picks_the_widest_candidate() {
        let best = |s: &str| best_srcset(s).unwrap_or_default();
        assert_eq!(best("a.jpg 480w, b.jpg 1080w, c.jpg 720w"), "b.jpg");
        assert_eq!(best("a.jpg 1x, b.jpg 2.5x, c.jpg 2x"), "b.jpg");
        assert_eq!(best("a.jpg 1.25x, b.jpg 1.2x"), "a.jpg");
        // A density beats a width under a thousand pixels, as one CSS pixel is ~1 px wide.
        assert_eq!(best("a.jpg 800w, b.jpg 1x"), "b.jpg");
        assert_eq!(best("a.jpg 1500w, b.jpg 1x"), "a.jpg");
        // A bare URL counts as 1x; commas inside a CDN URL do not split it.
        assert_eq!(
            best("https://cdn/x,w_300/a.jpg, https://cdn/x,w_900/b.jpg 2x"),
            "https://cdn/x,w_900/b.jpg"
        );
        assert_eq!(best("a.jpg nonsense, b.jpg 3x"), "b.jpg");
    }

    #[test]
    fn descriptor_numbers_in_thousandths() {
        assert_eq!(milli("480"), Some(480_000));
        assert_eq!(milli("1.5"), Some(1_500));
        assert_eq!(milli(".75"), Some(750));
        assert_eq!(milli("2."), Some(2_000));
        assert_eq!(milli("1.23456"), Some(1_234));
        assert_eq!(milli("99999999999999999999999"), Some(u64::MAX));
        for bad in ["", ".", "1e3", "-1", "+2", "1.2.3", "½", "inf"] {
            assert_eq!(milli(bad), None, "{bad}");
        }
    }
}
