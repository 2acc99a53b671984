//! Lossless proof for the Markdown writer: for every corpus page, the words of
//! `article.markdown` rendered back to HTML (pulldown-cmark, GFM extensions) and then to text
//! must include every word of `article.text`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use cleanview::Options;
use ego_tree::iter::Edge;
use pulldown_cmark::{html, Options as MdOptions, Parser};
use scraper::node::Node;
use scraper::Html;

/// Lowercased `\w+` tokens with their counts.
fn words(text: &str) -> BTreeMap<String, i64> {
    let mut m = BTreeMap::new();
    for w in text
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
    {
        *m.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    m
}

/// GFM → HTML. pulldown-cmark prints its own sequence number for a footnote reference and
/// before each definition; the Markdown carries the page's label, so that is put back.
pub fn render_markdown(md: &str) -> String {
    let mut opts = MdOptions::empty();
    opts.insert(MdOptions::ENABLE_TABLES);
    opts.insert(MdOptions::ENABLE_STRIKETHROUGH);
    opts.insert(MdOptions::ENABLE_FOOTNOTES);
    opts.insert(MdOptions::ENABLE_MATH);
    let mut out = String::new();
    html::push_html(&mut out, Parser::new_ext(md, opts));
    relabel_footnotes(&out)
}

fn relabel_footnotes(h: &str) -> String {
    const REF: &str = "<sup class=\"footnote-reference\"><a href=\"#";
    const DEF: &str = "<sup class=\"footnote-definition-label\">";
    let mut out = String::with_capacity(h.len());
    let mut rest = h;
    loop {
        let r = rest.find(REF);
        let d = rest.find(DEF);
        match (r, d) {
            (Some(r), d) if d.is_none_or(|d| r < d) => {
                out.push_str(&rest[..r + REF.len()]);
                rest = &rest[r + REF.len()..];
                let Some(q) = rest.find('"') else { break };
                let label = &rest[..q];
                out.push_str(label);
                out.push_str("\">");
                out.push_str(label);
                let Some(end) = rest.find("</a>") else { break };
                rest = &rest[end..];
            }
            (_, Some(d)) => {
                out.push_str(&rest[..d]);
                rest = &rest[d + DEF.len()..];
                let Some(end) = rest.find("</sup>") else {
                    break;
                };
                rest = &rest[end + "</sup>".len()..];
            }
            _ => break,
        }
    }
    out.push_str(rest);
    out
}

/// The text of the rendered Markdown, with a space at every element boundary except inline
/// formatting. (`plain_text` drops the separator after an empty table cell, which would join
/// words on this side of the comparison.)
pub fn markdown_text(md: &str) -> String {
    let doc = Html::parse_fragment(&render_markdown(md));
    let mut out = String::new();
    for edge in doc.tree.root().traverse() {
        let (Edge::Open(n) | Edge::Close(n)) = edge;
        match n.value() {
            Node::Text(t) if matches!(edge, Edge::Open(_)) => out.push_str(t),
            Node::Element(e) if !INLINE.contains(&e.name()) => out.push(' '),
            // A footnote marker is its own word: the page wrote it as "[19]", the Markdown
            // as "[^19]", and the rendering drops the brackets that separated it.
            Node::Element(e) if e.attr("class") == Some("footnote-reference") => out.push(' '),
            _ => {}
        }
    }
    out
}

const INLINE: [&str; 22] = [
    "a", "abbr", "b", "cite", "code", "del", "em", "i", "ins", "kbd", "mark", "q", "s", "samp",
    "small", "span", "strong", "sub", "sup", "time", "u", "var",
];

fn pages() -> Vec<(PathBuf, String)> {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut pages = Vec::new();
    if let Ok(dirs) = std::fs::read_dir(shared.join("readability")) {
        for d in dirs.flatten() {
            let p = d.path().join("source.html");
            if p.exists() {
                pages.push((p, "http://fakehost/test/page.html".to_string()));
            }
        }
    }
    if let Ok(files) = std::fs::read_dir(shared.join("defuddle/fixtures")) {
        for f in files.flatten() {
            let p = f.path();
            if p.extension().is_some_and(|e| e == "html") {
                let stem = p
                    .file_stem()
                    .map(|s| s.to_string_lossy().replace(' ', "-"))
                    .unwrap_or_default();
                pages.push((p, format!("https://example.com/{stem}")));
            }
        }
    }
    pages.sort();
    pages
}

/// `a - b` as a multiset.
fn minus(a: &BTreeMap<String, i64>, b: &BTreeMap<String, i64>) -> BTreeMap<String, i64> {
    a.iter()
        .filter_map(|(w, &n)| {
            let d = n - b.get(w).copied().unwrap_or(0);
            (d > 0).then(|| (w.clone(), d))
        })
        .collect()
}

fn show(m: &BTreeMap<String, i64>) -> String {
    let v: Vec<String> = m
        .iter()
        .map(|(w, &n)| {
            if n > 1 {
                format!("{w}×{n}")
            } else {
                w.clone()
            }
        })
        .collect();
    v.join(" ")
}

/// `plain_text` writes some neighbouring table cells and list items with no separator
/// (`<th>Score</th></tr><tr><td>Alice` → `ScoreAlice`), so its text has one token where the
/// Markdown rightly has two. A lost token that is exactly a concatenation of added tokens is
/// such a join, not a loss; it is taken out of both sides and reported apart.
fn split_joins(
    lost: &mut BTreeMap<String, i64>,
    added: &mut BTreeMap<String, i64>,
) -> BTreeMap<String, i64> {
    let mut joined = BTreeMap::new();
    let words: Vec<(String, i64)> = lost.iter().map(|(w, &n)| (w.clone(), n)).collect();
    for (w, n) in words {
        for _ in 0..n {
            let Some(pieces) = segment(&w, added) else {
                break;
            };
            for p in &pieces {
                if let Some(c) = added.get_mut(p) {
                    *c -= 1;
                }
            }
            added.retain(|_, c| *c > 0);
            if let Some(c) = lost.get_mut(&w) {
                *c -= 1;
            }
            *joined.entry(w.clone()).or_insert(0) += 1;
        }
    }
    lost.retain(|_, c| *c > 0);
    joined
}

fn segment(w: &str, dict: &BTreeMap<String, i64>) -> Option<Vec<String>> {
    let idx: Vec<usize> = w
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(w.len()))
        .collect();
    // best[k]: start index of the last piece of a segmentation of w[..idx[k]].
    let mut best: Vec<Option<usize>> = vec![None; idx.len()];
    best[0] = Some(0);
    for k in 1..idx.len() {
        for j in 0..k {
            if best[j].is_some() && dict.get(&w[idx[j]..idx[k]]).is_some_and(|&c| c > 0) {
                best[k] = Some(j);
                break;
            }
        }
    }
    let mut pieces = Vec::new();
    let mut k = idx.len() - 1;
    while k > 0 {
        let j = best[k]?;
        pieces.push(w[idx[j]..idx[k]].to_string());
        k = j;
    }
    let mut need: BTreeMap<&str, i64> = BTreeMap::new();
    for p in &pieces {
        *need.entry(p.as_str()).or_insert(0) += 1;
    }
    let enough = need
        .iter()
        .all(|(p, &n)| dict.get(*p).copied().unwrap_or(0) >= n);
    (pieces.len() >= 2 && enough).then_some(pieces)
}

#[test]
fn corpus_markdown_loses_no_words() {
    let pages = pages();
    if pages.is_empty() {
        eprintln!("no corpus at ../shared/corpus: skipped");
        return;
    }
    let mut checked = 0;
    let mut losing = Vec::new();
    let mut adding = 0;
    let mut joins = 0;
    let mut unstable = Vec::new();
    for (path, url) in &pages {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let html = String::from_utf8_lossy(&bytes);
        let options = Options {
            url: Some(url.clone()),
            ..Default::default()
        };
        let Ok(article) = cleanview::extract(&html, &options) else {
            continue;
        };
        checked += 1;
        // The HTML is written while the page is walked, not parsed back: parsing it and
        // sanitising again must change nothing, or the tree text and Markdown come from is
        // not what a browser shows.
        if cleanview::sanitize::clean_html(&article.content_html, None) != article.content_html {
            eprintln!("NOT A FIXED POINT {}", path.display());
            unstable.push(path.display().to_string());
        }
        let want = words(&article.text);
        let got = words(&markdown_text(&article.markdown));
        let mut lost = minus(&want, &got);
        let mut added = minus(&got, &want);
        let joined = split_joins(&mut lost, &mut added);
        let name = path.display().to_string();
        if !joined.is_empty() {
            joins += 1;
            eprintln!("JOINED in article.text {name}: {}", show(&joined));
        }
        if !added.is_empty() {
            adding += 1;
            eprintln!("ADDS  {name}: {}", show(&added));
        }
        if !lost.is_empty() {
            eprintln!("LOSES {name}: {}", show(&lost));
            losing.push(name);
        }
    }
    eprintln!(
        "markdown round trip: {checked} pages checked, {} lose words, {adding} add words, \
         {joins} have words joined in article.text",
        losing.len()
    );
    assert!(checked > 0);
    assert!(losing.is_empty(), "pages losing words: {losing:?}");
    assert!(
        unstable.is_empty(),
        "content_html changes when sanitised again: {unstable:?}"
    );
}
