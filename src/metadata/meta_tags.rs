//! `<meta>` values keyed by lower-cased `name`, `property` or `itemprop`.

use crate::dom::Attribute;
use std::collections::HashMap;

use scraper::ElementRef;

#[derive(Debug, Default)]
pub struct MetaTags {
    values: HashMap<String, Vec<String>>,
}

impl MetaTags {
    pub fn read(metas: &[ElementRef<'_>]) -> MetaTags {
        let mut values: HashMap<String, Vec<String>> = HashMap::new();
        for m in metas {
            let el = m.value();
            let Some(content) = el.attribute("content") else {
                continue;
            };
            let content = content.trim();
            if content.is_empty() {
                continue;
            }
            // `property` may hold several space-separated names (RDFa), e.g. "og:title dc:title".
            let keys = [
                el.attribute("name"),
                el.attribute("property"),
                el.attribute("itemprop"),
                el.attribute("http-equiv"),
            ];
            for key in keys.into_iter().flatten() {
                for k in key.split_ascii_whitespace() {
                    let k = k
                        .to_ascii_lowercase()
                        .replace("dcterm:", "dcterms.")
                        .replace("dc:", "dc.");
                    values.entry(k).or_default().push(content.to_string());
                }
            }
        }
        MetaTags { values }
    }

    pub fn get(&self, name: &str) -> Option<String> {
        self.values.get(name).and_then(|v| v.first()).cloned()
    }

    pub fn get_all(&self, name: &str) -> Vec<&str> {
        self.values
            .get(name)
            .map(|v| v.iter().map(String::as_str).collect())
            .unwrap_or_default()
    }
}
