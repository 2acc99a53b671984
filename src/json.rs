//! A small JSON reader for the page's JSON-LD (and Parse.ly's `parsely-page` meta value).
//!
//! Why not `serde_json`: the core only ever reads strings, arrays and objects out of JSON-LD,
//! and `serde_json`'s deserializer with its `BTreeMap`-backed objects was ~30 KB of code in the
//! `.wasm` (about 9 KB gzipped) for that. The CLI still prints its JSON with `serde_json`.
//!
//! It accepts exactly what `serde_json::from_str::<Value>` accepts, with the same results,
//! with one difference at the edge: numbers are checked for their form and for overflowing an
//! `f64` (`1e400`, which `serde_json` rejects) from their digits alone, never converted
//! (nothing here reads them), so within a hair of `f64::MAX` the two may judge one
//! differently. Objects keep their keys in sorted order with the last of duplicate keys
//! winning, as `serde_json`'s default map does, so every walk over them visits members in the
//! same order as before. Nesting deeper than 127 arrays/objects is an error
//! (`serde_json`'s recursion limit), and the parser keeps its own stack, so input depth never
//! becomes call depth.

/// A JSON value. Numbers keep no value: nothing in the core reads them.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number,
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A JSON object: members sorted by key, keys unique.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    fn from_members(mut members: Vec<(String, Value)>) -> Map {
        // Stable sort, then keep the last of each run of equal keys: a later duplicate
        // overwrites an earlier one, as inserting into a map would.
        members.sort_by(|a, b| a.0.cmp(&b.0));
        let mut out: Vec<(String, Value)> = Vec::with_capacity(members.len());
        for m in members {
            match out.last_mut() {
                Some(last) if last.0 == m.0 => *last = m,
                _ => out.push(m),
            }
        }
        Map(out)
    }

    fn index(&self, key: &str) -> Option<usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok()
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.index(key).map(|i| &self.0[i].1)
    }

    pub fn remove(&mut self, key: &str) -> Option<Value> {
        self.index(key).map(|i| self.0.remove(i).1)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn values(&self) -> impl Iterator<Item = &Value> {
        self.0.iter().map(|(_, v)| v)
    }
}

/// Members in any order; the last of duplicate keys wins.
impl FromIterator<(String, Value)> for Map {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(members: I) -> Map {
        Map::from_members(members.into_iter().collect())
    }
}

impl Value {
    /// The member `key` of an object; `None` for anything else.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(m) => m.get(key),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }

    pub fn is_array(&self) -> bool {
        matches!(self, Value::Array(_))
    }
}

/// The text is not one JSON value. Callers only need to know that it failed: the JSON-LD
/// reader then retries with common defects repaired or scans the text for date keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Invalid;

/// `serde_json`'s recursion limit: 127 nested arrays/objects parse, 128 do not.
const MAX_DEPTH: usize = 127;

/// A container being filled, innermost last on the parser's stack.
enum Open {
    Array(Vec<Value>),
    /// Members so far and the key whose value comes next.
    Object(Vec<(String, Value)>, String),
}

/// Parse `text` as exactly one JSON value, surrounded by nothing but JSON whitespace.
pub fn parse(text: &str) -> Result<Value, Invalid> {
    let mut p = Parser {
        s: text.as_bytes(),
        at: 0,
    };
    let mut stack: Vec<Open> = Vec::new();
    'value: loop {
        // Read one value; an opening bracket pushes a container and reads its first value.
        p.skip_ws();
        let mut value = match p.peek().ok_or(Invalid)? {
            b'[' | b'{' if stack.len() >= MAX_DEPTH => return Err(Invalid),
            b'[' => {
                p.at += 1;
                p.skip_ws();
                if p.eat(b']') {
                    Value::Array(Vec::new())
                } else {
                    stack.push(Open::Array(Vec::new()));
                    continue 'value;
                }
            }
            b'{' => {
                p.at += 1;
                p.skip_ws();
                if p.eat(b'}') {
                    Value::Object(Map::default())
                } else {
                    let key = p.key()?;
                    stack.push(Open::Object(Vec::new(), key));
                    continue 'value;
                }
            }
            b'"' => Value::String(p.string()?),
            b't' => p.literal("true", Value::Bool(true))?,
            b'f' => p.literal("false", Value::Bool(false))?,
            b'n' => p.literal("null", Value::Null)?,
            b'-' | b'0'..=b'9' => p.number()?,
            _ => return Err(Invalid),
        };
        // Hand the value to its container; close containers that end here.
        loop {
            p.skip_ws();
            match stack.last_mut() {
                None => {
                    return if p.at == p.s.len() {
                        Ok(value)
                    } else {
                        Err(Invalid)
                    };
                }
                Some(Open::Array(items)) => {
                    items.push(value);
                    if p.eat(b',') {
                        continue 'value;
                    }
                    if !p.eat(b']') {
                        return Err(Invalid);
                    }
                    let Some(Open::Array(items)) = stack.pop() else {
                        return Err(Invalid);
                    };
                    value = Value::Array(items);
                }
                Some(Open::Object(members, key)) => {
                    members.push((std::mem::take(key), value));
                    if p.eat(b',') {
                        p.skip_ws();
                        *key = p.key()?;
                        continue 'value;
                    }
                    if !p.eat(b'}') {
                        return Err(Invalid);
                    }
                    let Some(Open::Object(members, _)) = stack.pop() else {
                        return Err(Invalid);
                    };
                    value = Value::Object(Map::from_members(members));
                }
            }
        }
    }
}

struct Parser<'a> {
    s: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.at).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        let hit = self.peek() == Some(b);
        if hit {
            self.at += 1;
        }
        hit
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\t' | b'\r')) {
            self.at += 1;
        }
    }

    /// `"key"` then `:`, at the current position (whitespace before it already skipped).
    fn key(&mut self) -> Result<String, Invalid> {
        if self.peek() != Some(b'"') {
            return Err(Invalid);
        }
        let key = self.string()?;
        self.skip_ws();
        if !self.eat(b':') {
            return Err(Invalid);
        }
        Ok(key)
    }

    fn literal(&mut self, word: &str, v: Value) -> Result<Value, Invalid> {
        if self.s[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(v)
        } else {
            Err(Invalid)
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        self.at - start
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, and not too large for an `f64`.
    fn number(&mut self) -> Result<Value, Invalid> {
        self.eat(b'-');
        let int = self.at;
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(Invalid),
        }
        let int = &self.s[int..self.at];
        let mut frac: &[u8] = &[];
        if self.eat(b'.') {
            let start = self.at;
            if self.digits() == 0 {
                return Err(Invalid);
            }
            frac = &self.s[start..self.at];
        }
        let mut exp: i64 = 0;
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            let negative = !self.eat(b'+') && self.eat(b'-');
            let start = self.at;
            if self.digits() == 0 {
                return Err(Invalid);
            }
            for &b in &self.s[start..self.at] {
                exp = exp.saturating_mul(10).saturating_add(i64::from(b - b'0'));
            }
            if negative {
                exp = -exp;
            }
        }
        if too_large(int, frac, exp) {
            return Err(Invalid);
        }
        Ok(Value::Number)
    }

    /// A string literal, the opening quote at the current position.
    fn string(&mut self) -> Result<String, Invalid> {
        self.at += 1;
        let mut out = String::new();
        loop {
            // Copy the run up to the next quote, backslash or control character at once.
            let start = self.at;
            while self
                .peek()
                .is_some_and(|b| b != b'"' && b != b'\\' && b >= 0x20)
            {
                self.at += 1;
            }
            // The run starts and ends at ASCII bytes or the text's ends, so it is whole UTF-8.
            out.push_str(std::str::from_utf8(&self.s[start..self.at]).map_err(|_| Invalid)?);
            match self.peek().ok_or(Invalid)? {
                b'"' => {
                    self.at += 1;
                    return Ok(out);
                }
                b'\\' => {
                    self.at += 1;
                    let c = match self.peek().ok_or(Invalid)? {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            self.at += 1;
                            let c = self.unicode_escape()?;
                            out.push(c);
                            continue;
                        }
                        _ => return Err(Invalid),
                    };
                    self.at += 1;
                    out.push(c);
                }
                // A raw control character is not allowed inside a string.
                _ => return Err(Invalid),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, Invalid> {
        let hex = self.s.get(self.at..self.at + 4).ok_or(Invalid)?;
        let mut n = 0;
        for &b in hex {
            n = n * 16 + char::from(b).to_digit(16).ok_or(Invalid)?;
        }
        self.at += 4;
        Ok(n)
    }

    /// The code point of `\uXXXX` (after the `u`), joining a surrogate pair; a lone surrogate
    /// is an error.
    fn unicode_escape(&mut self) -> Result<char, Invalid> {
        let hi = self.hex4()?;
        if !(0xD800..0xDC00).contains(&hi) {
            return char::from_u32(hi).ok_or(Invalid);
        }
        if !(self.eat(b'\\') && self.eat(b'u')) {
            return Err(Invalid);
        }
        let lo = self.hex4()?;
        if !(0xDC00..0xE000).contains(&lo) {
            return Err(Invalid);
        }
        char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)).ok_or(Invalid)
    }
}

/// Whether `int.frac × 10^exp` rounds to infinity as an `f64` (`serde_json` rejects such a
/// number), judged from its decimal digits: nothing here converts numbers, and a float parser
/// would bring back core's 10 KB power-of-five table.
fn too_large(int: &[u8], frac: &[u8], exp: i64) -> bool {
    let digits: Vec<u8> = int.iter().chain(frac).copied().collect();
    let Some(first) = digits.iter().position(|&b| b != b'0') else {
        return false; // zero, whatever its exponent
    };
    // The value is 0.d1d2d3… × 10^magnitude.
    let magnitude = (int.len() as i64 - first as i64).saturating_add(exp);
    match magnitude.cmp(&309) {
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Greater => true,
        // Between 1e308 and 1e309: infinite from f64::MAX plus half an ulp on.
        std::cmp::Ordering::Equal => {
            let last = digits.iter().rposition(|&b| b != b'0').unwrap_or(first);
            digits[first..=last] >= *b"17976931348623158079".as_slice()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{parse, Invalid, Map, Value};

    /// The same tree as `serde_json` reads, numbers aside.
    fn from_serde(v: &serde_json::Value) -> Value {
        match v {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(_) => Value::Number,
            serde_json::Value::String(s) => Value::String(s.clone()),
            serde_json::Value::Array(a) => Value::Array(a.iter().map(from_serde).collect()),
            serde_json::Value::Object(o) => Value::Object(Map(o
                .iter()
                .map(|(k, v)| (k.clone(), from_serde(v)))
                .collect())),
        }
    }

    fn agrees(text: &str) {
        let ours = parse(text);
        match serde_json::from_str::<serde_json::Value>(text) {
            Ok(v) => assert_eq!(ours, Ok(from_serde(&v)), "{text:?}"),
            Err(e) => assert_eq!(ours, Err(Invalid), "{text:?}: serde_json says {e}"),
        }
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let cases = [
            r#"{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2024-03-05T10:00:00Z"}"#,
            r#" [1, -0, 0.5, -12.5e+3, 1E9, true, false, null, "x", [], {}, [[]], {"a":{}}] "#,
            r#"{"b":1,"a":2,"b":"last wins","A":3,"é":4,"":5}"#,
            r#""esc \" \\ \/ \b \f \n \r \t \u00e9 \ud83d\ude00 \u20ac""#,
            "\"multi-byte é 漢字 😀\"",
            r#"{"@graph":[{"@type":"WebPage"},{"@type":["Article","BlogPosting"]}]}"#,
            // Rejected, as serde_json rejects them.
            "",
            "   ",
            "{",
            "[1,]",
            r#"{"a":1,}"#,
            r#"{"a" 1}"#,
            r#"{a:1}"#,
            "[01]",
            "[1.]",
            "[.5]",
            "[1e]",
            "[+1]",
            "[-]",
            "[tru]",
            "[nul]",
            "NaN",
            "\"raw\ttab\"",
            "\"raw\nnewline\"",
            r#""\x""#,
            r#""\u12""#,
            r#""\ud83d""#,
            r#""\ud83d\u0041""#,
            r#""unterminated"#,
            "{} {}",
            "[1] x",
            "\u{feff}{}",
            "[1,\u{a0}2]",
            "// comment\n{}",
            // Numbers: range as serde_json's, though no value is kept.
            "[1.7976931348623157e308, -1.7976931348623157e308, 1.79e308]",
            "[1.8e308]",
            "[-2e308]",
            "[1e309]",
            "[1e400]",
            "[0.0001e312]",
            "[0e99999999999999999999]",
            "[1e-99999999999999999999]",
            "[123456789012345678901234567890]",
        ];
        for c in cases {
            agrees(c);
        }
    }

    #[test]
    fn nesting_stops_where_serde_json_stops() {
        for depth in [1, 100, 126, 127, 128, 129, 10_000] {
            agrees(&format!("{}{}", "[".repeat(depth), "]".repeat(depth)));
            agrees(&format!("{}1{}", "[".repeat(depth), "]".repeat(depth)));
            agrees(&format!(
                "{}{}",
                r#"{"a":"#.repeat(depth),
                "}".repeat(depth)
            ));
            agrees(&format!(
                "{}{}",
                r#"{"a":"#.repeat(depth),
                "}".repeat(depth - 1)
            ));
        }
        // A million open brackets: an error, not a deep stack.
        assert_eq!(parse(&"[".repeat(1_000_000)), Err(Invalid));
    }

    #[test]
    fn objects_iterate_in_key_order_with_the_last_duplicate() {
        let Ok(Value::Object(m)) = parse(r#"{"z":1,"b":"first","a":null,"b":"second"}"#) else {
            panic!("an object");
        };
        let keys: Vec<&str> = m.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["a", "b", "z"]);
        assert_eq!(m.get("b").and_then(Value::as_str), Some("second"));
        assert_eq!(m.len(), 3);
    }

    /// Random JSON documents, as `serde_json` writes them.
    fn documents() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::Bool),
            any::<i64>().prop_map(|n| serde_json::json!(n)),
            (-1e6f64..1e6).prop_map(|n| serde_json::json!(n)),
            "[a-z\\\"/\n\t\u{0}-\u{1f}é漢😀]{0,8}".prop_map(serde_json::Value::String),
        ];
        leaf.prop_recursive(5, 64, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
                proptest::collection::vec(("[a-c@]{0,3}", inner), 0..6)
                    .prop_map(|kv| { serde_json::Value::Object(kv.into_iter().collect()) }),
            ]
        })
        .prop_map(|v| v.to_string())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Well-formed documents read the same; so do the same documents with one byte cut
        /// out or one JSON character put in (mostly invalid, sometimes still valid).
        #[test]
        fn agrees_with_serde_json_on_documents_and_their_mutations(
            doc in documents(),
            at in 0usize..1000,
            put in proptest::sample::select(vec!['[', ']', '{', '}', ',', ':', '"', '\\', ' ', '1', '-', 'e', '.']),
        ) {
            agrees(&doc);
            let mut cut = doc.clone();
            let i = at % (doc.len() + 1);
            if cut.is_char_boundary(i) && i < cut.len() {
                cut.remove(i);
                agrees(&cut);
            }
            let mut grown = doc.clone();
            if grown.is_char_boundary(i) {
                grown.insert(i, put);
                agrees(&grown);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// Any text built from JSON's own characters: both readers accept or reject it alike.
        #[test]
        fn agrees_with_serde_json_on_json_like_text(
            text in r#"[\[\]{}",:0-9.eE+\- truefalsn\\u\ta-dé]{0,40}"#
        ) {
            agrees(&text);
        }
    }
}
