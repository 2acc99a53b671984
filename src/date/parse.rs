//! A hand-written date scanner: the string is cut into number, word and punctuation tokens,
//! and date shapes are matched on tokens rather than characters. That keeps one code path for
//! ISO 8601, RFC 2822, spelled-out dates in a dozen languages and CJK dates, with no regex
//! engine in the WASM build, and it runs in linear time: every match attempt looks at a
//! bounded window of tokens.

use std::borrow::Cow;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};

use super::lang;

/// Earliest publication date we believe: the web before 1995 published little with dates, and
/// older numbers on pages are far more often birth dates or history than publication times.
pub const MIN_YEAR: i32 = 1995;

/// A date as precise as the page states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParsedDate {
    pub date: NaiveDate,
    /// Time of day, when the page gives one (to the second at most).
    pub time: Option<NaiveTime>,
    /// The page's UTC offset; only kept when there is a time of day.
    pub offset: Option<FixedOffset>,
}

impl ParsedDate {
    fn day(date: NaiveDate) -> Self {
        ParsedDate {
            date,
            time: None,
            offset: None,
        }
    }

    /// 0 = day only, 1 = time of day in an unknown zone, 2 = an instant.
    pub fn precision(&self) -> u8 {
        match (self.time, self.offset) {
            (None, _) => 0,
            (Some(_), None) => 1,
            (Some(_), Some(_)) => 2,
        }
    }

    /// The instant, when the page gives time and zone.
    pub fn instant(&self) -> Option<DateTime<FixedOffset>> {
        let off = self.offset?;
        let t = self.time?;
        off.from_local_datetime(&self.date.and_time(t)).single()
    }

    /// The output form: RFC 3339 with the page's offset for an instant, `YYYY-MM-DDTHH:MM:SS`
    /// for a floating local time (a time of day the page gives without a zone), `YYYY-MM-DD`
    /// for a day.
    pub fn to_value(&self) -> String {
        let d = self.date;
        let day = format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
        let Some(t) = self.time else {
            return day;
        };
        use chrono::Timelike;
        let clock = format!("{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second());
        match self.offset {
            None => format!("{day}T{clock}"),
            Some(off) => {
                let secs = off.local_minus_utc();
                let sign = if secs < 0 { '-' } else { '+' };
                let m = secs.unsigned_abs() / 60;
                format!("{day}T{clock}{sign}{:02}:{:02}", m / 60, m % 60)
            }
        }
    }

    /// Within our plausibility bounds: not before 1995, not after `now` (plus a day for zones).
    pub fn plausible(&self, now: Option<DateTime<Utc>>) -> bool {
        if self.date.year() < MIN_YEAR {
            return false;
        }
        match now {
            Some(now) => {
                let limit = now + Duration::days(1);
                match self.instant() {
                    Some(i) => i.with_timezone(&Utc) <= limit,
                    None => self.date <= limit.date_naive(),
                }
            }
            None => self.date.year() <= 2100,
        }
    }

    /// Same calendar day as the page states it.
    pub fn same_day(&self, other: &ParsedDate) -> bool {
        self.date == other.date
    }
}

/// How to read ambiguous input.
#[derive(Debug, Clone, Copy, Default)]
pub struct ParseOptions {
    /// Resolves relative dates ("3 hours ago"); without it they are ignored.
    pub now: Option<DateTime<Utc>>,
    /// Read `09/05/2025` as September 5 (US pages) rather than 9 May.
    pub month_first: bool,
    /// Read `09-05-2025` as September 5: only American pages do; elsewhere dashes are day first.
    pub dash_month_first: bool,
    /// Loose page text: refuse shapes that are mostly IDs there (bare `20250905`, two-digit
    /// years, Unix timestamps).
    pub text: bool,
    /// Accept `30.10.23` even in text: set for the short text of an element whose class says
    /// it holds a date, where a two-digit year is the site's style, not an ID.
    pub short_years: bool,
}

/// Parse the first date in `raw`, as an attribute value or structured field would hold it.
/// Relative dates resolve against `now` only when it is given.
pub fn parse_date(raw: &str, now: Option<DateTime<Utc>>) -> Option<ParsedDate> {
    parse_with(
        raw,
        &ParseOptions {
            now,
            ..ParseOptions::default()
        },
    )
}

/// Like [`parse_date`] with explicit options; also reads a bare Unix timestamp (seconds or
/// milliseconds) unless `opts.text` is set.
pub fn parse_with(raw: &str, opts: &ParseOptions) -> Option<ParsedDate> {
    let s = raw.trim();
    if !opts.text {
        if let Some(d) = unix_timestamp(s) {
            return Some(d);
        }
    }
    scan(s, opts, 4)
        .into_iter()
        .map(|m| m.date)
        .find(|d| d.plausible(opts.now))
}

/// A Unix timestamp in seconds (9–10 digits) or milliseconds (12–13 digits).
pub fn unix_timestamp(s: &str) -> Option<ParsedDate> {
    let s = s.trim();
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let v: i64 = s.parse().ok()?;
    let secs = match s.len() {
        9 | 10 => v,
        12 | 13 => v / 1000,
        _ => return None,
    };
    let dt = DateTime::from_timestamp(secs, 0)?;
    let utc = FixedOffset::east_opt(0)?;
    Some(ParsedDate {
        date: dt.date_naive(),
        time: Some(dt.time()),
        offset: Some(utc),
    })
}

/// One date found in a string, with its byte span.
#[derive(Debug, Clone, Copy)]
pub struct Match {
    pub date: ParsedDate,
    /// Resolved from a relative phrase ("3 hours ago") against `now`.
    pub relative: bool,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// Digits: value (saturating) and digit count.
    Num(u64, u8),
    Word,
    Punct(char),
    /// One CJK or Hangul character; dates there are written with 年 月 日 and friends.
    Cjk(char),
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    kind: Kind,
    start: usize,
    end: usize,
    /// Whitespace right before this token.
    space: bool,
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Cut `s` into tokens, at most `cap` of them.
fn tokenize(s: &str, cap: usize) -> Vec<Tok> {
    let mut toks: Vec<Tok> = Vec::new();
    let mut space = false;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if toks.len() >= cap {
            break;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if let Some(d) = digit_value(c) {
            let mut v = d as u64;
            let mut n: u8 = 1;
            let mut end = i + c.len_utf8();
            while let Some(&(j, c2)) = it.peek() {
                let Some(d2) = digit_value(c2) else { break };
                v = v.saturating_mul(10).saturating_add(d2 as u64);
                n = n.saturating_add(1);
                end = j + c2.len_utf8();
                it.next();
            }
            toks.push(Tok {
                kind: Kind::Num(v, n),
                start: i,
                end,
                space,
            });
        } else if is_cjk(c) {
            toks.push(Tok {
                kind: Kind::Cjk(c),
                start: i,
                end: i + c.len_utf8(),
                space,
            });
        } else if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, c2)) = it.peek() {
                if !c2.is_alphabetic() || is_cjk(c2) {
                    break;
                }
                end = j + c2.len_utf8();
                it.next();
            }
            toks.push(Tok {
                kind: Kind::Word,
                start: i,
                end,
                space,
            });
        } else {
            toks.push(Tok {
                kind: Kind::Punct(c),
                start: i,
                end: i + c.len_utf8(),
                space,
            });
        }
        space = false;
    }
    toks
}

/// Scan `s` for dates, at most `limit` of them, in order of appearance.
pub fn scan(s: &str, opts: &ParseOptions, limit: usize) -> Vec<Match> {
    let toks = tokenize(s, 200_000);
    let sc = Scanner {
        s,
        toks: &toks,
        opts,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() && out.len() < limit {
        if let Some((date, next, relative)) = sc.match_at(i) {
            let start = toks[i].start;
            let end = toks.get(next.saturating_sub(1)).map_or(s.len(), |t| t.end);
            out.push(Match {
                date,
                relative,
                start,
                end,
            });
            i = next.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

struct Scanner<'a> {
    s: &'a str,
    toks: &'a [Tok],
    opts: &'a ParseOptions,
}

/// A time of day with the zone, when one follows it.
#[derive(Clone, Copy)]
struct Clock {
    time: NaiveTime,
    offset: Option<FixedOffset>,
}

impl<'a> Scanner<'a> {
    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    fn num(&self, i: usize) -> Option<(u64, u8)> {
        match self.tok(i)?.kind {
            Kind::Num(v, n) => Some((v, n)),
            _ => None,
        }
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.tok(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    fn cjk(&self, i: usize) -> Option<char> {
        match self.tok(i)?.kind {
            Kind::Cjk(c) => Some(c),
            _ => None,
        }
    }

    /// The word at `i`, lower-cased. Borrowed when it already is lower case, which is most
    /// running text: the scanner asks for every word of every block that holds a digit.
    fn word(&self, i: usize) -> Option<Cow<'a, str>> {
        let t = self.tok(i)?;
        match t.kind {
            Kind::Word => {
                let w = self.s.get(t.start..t.end)?;
                if w.chars().any(char::is_uppercase) {
                    Some(Cow::Owned(w.to_lowercase()))
                } else {
                    Some(Cow::Borrowed(w))
                }
            }
            _ => None,
        }
    }

    fn space(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.space)
    }

    /// A number not glued to a further digit-like token (so `2025-09-05-1234` still reads,
    /// but `12.34.2025.7` does not become a date).
    fn match_at(&self, i: usize) -> Option<(ParsedDate, usize, bool)> {
        // A time first, then the date: "16:07 GMT 05.09.2025", "4:07 PM EDT, Sep 5, 2025".
        if let Some((clock, j)) = self.clock_at(i) {
            let k = self.skip_connectors(j);
            if let Some((date, clock2, end)) = self.date_at(k) {
                if clock2.is_none() {
                    return Some((combine(date, Some(clock)), end, false));
                }
            }
        }
        if let Some((date, clock, j)) = self.date_at(i) {
            if clock.is_some() {
                return Some((combine(date, clock), j, false));
            }
            let k = self.skip_connectors(j);
            if let Some((clock, end)) = self.clock_at(k) {
                return Some((combine(date, Some(clock)), end, false));
            }
            return Some((ParsedDate::day(date), j, false));
        }
        self.relative_at(i).map(|(d, end)| (d, end, true))
    }

    /// Skip words and punctuation that sit between a date and its time.
    fn skip_connectors(&self, mut j: usize) -> usize {
        for _ in 0..4 {
            let Some(t) = self.tok(j) else { break };
            let skip = match t.kind {
                Kind::Punct(c) => matches!(
                    c,
                    ',' | '|' | '-' | '–' | '—' | '·' | '•' | '@' | '/' | '(' | '.' | '،'
                ),
                Kind::Word => self
                    .word(j)
                    .is_some_and(|w| lang::is_time_connector(&w) || w.chars().all(|c| c == 't')),
                _ => false,
            };
            if !skip {
                break;
            }
            j += 1;
        }
        j
    }

    /// A year token at `i`: four digits.
    fn year(&self, i: usize) -> Option<i32> {
        match self.num(i)? {
            (v, 4) if (1000..=2999).contains(&v) => Some(v as i32),
            _ => None,
        }
    }

    fn small(&self, i: usize, max: u64) -> Option<u32> {
        match self.num(i)? {
            (v, 1 | 2) if v >= 1 && v <= max => Some(v as u32),
            _ => None,
        }
    }

    /// True when the token after `j` continues a number (digits or a decimal), which means the
    /// match so far is part of something longer such as a version or an ID.
    fn glued_number_after(&self, j: usize) -> bool {
        match (self.punct(j), self.num(j + 1)) {
            (Some('.' | '-' | '/' | ':'), Some(_)) => !self.space(j) && !self.space(j + 1),
            _ => self.num(j).is_some() && !self.space(j),
        }
    }

    /// A date at token `i`; returns the date, a time of day when the shape carries one
    /// (ISO 8601, compact forms), and the index after the match.
    fn date_at(&self, i: usize) -> Option<(NaiveDate, Option<Clock>, usize)> {
        let t = self.tok(i)?;
        match t.kind {
            Kind::Num(v, n) => {
                if n == 4 {
                    if let Some(r) = self.ymd_at(i) {
                        return Some(r);
                    }
                }
                if n == 8 && !self.opts.text {
                    if let Some(r) = self.compact_at(i, v) {
                        return Some(r);
                    }
                }
                if n <= 2 {
                    if let Some(r) = self.numeric_dmy_at(i) {
                        return Some(r);
                    }
                    if let Some(r) = self.day_month_name_at(i) {
                        return Some(r);
                    }
                }
                None
            }
            Kind::Word => self.month_name_day_at(i),
            _ => None,
        }
    }

    /// `2025-09-05`, `2025/9/5`, `2025.09.05`, `2025年9月5日`, ISO time after a `T`.
    fn ymd_at(&self, i: usize) -> Option<(NaiveDate, Option<Clock>, usize)> {
        let y = self.year(i)?;
        // CJK: 2025年9月5日
        if matches!(self.cjk(i + 1), Some('年' | '년')) {
            let m = self.small(i + 2, 12)?;
            if !matches!(self.cjk(i + 3), Some('月' | '월')) {
                return None;
            }
            let d = self.small(i + 4, 31)?;
            if !matches!(self.cjk(i + 5), Some('日' | '号' | '일')) {
                return None;
            }
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            return Some((date, None, i + 6));
        }
        // 2025 September 5 / 2025 Sep 05
        if let Some(w) = self.word(i + 1) {
            let m = lang::month(&w)?;
            let mut j = i + 2;
            if self.punct(j) == Some('.') {
                j += 1;
            }
            let d = self.small(j, 31)?;
            if self.glued_number_after(j + 1) {
                return None;
            }
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            return Some((date, None, j + 1));
        }
        let sep = self.punct(i + 1)?;
        if !matches!(sep, '-' | '/' | '.' | '_') || self.space(i + 1) {
            return None;
        }
        let m = self.small(i + 2, 12)?;
        if self.punct(i + 3) != Some(sep) || self.space(i + 2) || self.space(i + 3) {
            return None;
        }
        let d = self.small(i + 4, 31)?;
        if self.space(i + 4) {
            return None;
        }
        let date = NaiveDate::from_ymd_opt(y, m, d)?;
        let j = i + 5;
        // ISO: T or space, then the clock and zone.
        let iso_t = self.word(j).is_some_and(|w| w == "t") && !self.space(j + 1);
        if iso_t {
            if let Some((clock, end)) = self.clock_at(j + 1) {
                return Some((date, Some(clock), end));
            }
            // "2025-09-05T1607" written without colons.
            if let Some((clock, end)) = self.compact_clock_at(j + 1) {
                return Some((date, Some(clock), end));
            }
            return Some((date, None, j));
        }
        if self.glued_number_after(j) && self.punct(j) != Some(':') {
            return None;
        }
        Some((date, None, j))
    }

    /// `20250905`, optionally `T1607`, `T160700`, then a zone.
    fn compact_at(&self, i: usize, v: u64) -> Option<(NaiveDate, Option<Clock>, usize)> {
        let y = (v / 10_000) as i32;
        let m = ((v / 100) % 100) as u32;
        let d = (v % 100) as u32;
        if !(MIN_YEAR..=2100).contains(&y) {
            return None;
        }
        let date = NaiveDate::from_ymd_opt(y, m, d)?;
        let j = i + 1;
        if self.word(j).is_some_and(|w| w == "t") && !self.space(j) && !self.space(j + 1) {
            if let Some((clock, end)) = self.compact_clock_at(j + 1) {
                return Some((date, Some(clock), end));
            }
            if let Some((clock, end)) = self.clock_at(j + 1) {
                return Some((date, Some(clock), end));
            }
        }
        Some((date, None, j))
    }

    /// `1607`, `160700` followed by an optional zone (the `T` already consumed).
    fn compact_clock_at(&self, i: usize) -> Option<(Clock, usize)> {
        let (v, n) = self.num(i)?;
        let (h, mi, s) = match n {
            4 => (v / 100, v % 100, 0),
            6 => (v / 10_000, (v / 100) % 100, v % 100),
            _ => return None,
        };
        let time = NaiveTime::from_hms_opt(h as u32, mi as u32, s.min(59) as u32)?;
        let mut j = i + 1;
        // Fractional seconds.
        if self.punct(j) == Some('.') && self.num(j + 1).is_some() && !self.space(j) {
            j += 2;
        }
        let (offset, end) = self.zone_at(j, true);
        Some((Clock { time, offset }, end))
    }

    /// `05.09.2025`, `09/05/2025`, `5-9-2025`; two-digit years only outside loose text.
    fn numeric_dmy_at(&self, i: usize) -> Option<(NaiveDate, Option<Clock>, usize)> {
        let (a, na) = self.num(i)?;
        let sep = self.punct(i + 1)?;
        // "26 | 01 | 2022": some CMS sublines separate the parts with spaced bars; the bars
        // must be spaced alike and the year written in full.
        let spaced = sep == '|' && na <= 2 && self.space(i + 1) && self.space(i + 2);
        if !spaced && (!matches!(sep, '.' | '/' | '-') || self.space(i + 1) || self.space(i + 2)) {
            return None;
        }
        let (b, nb) = self.num(i + 2)?;
        if nb > 2
            || self.punct(i + 3) != Some(sep)
            || self.space(i + 3) != spaced
            || self.space(i + 4) != spaced
        {
            return None;
        }
        let (y, ny) = self.num(i + 4)?;
        let year = match ny {
            4 => y as i32,
            2 if !spaced && (!self.opts.text || self.opts.short_years) => {
                // "31.10.98" is 1998: a two-digit year ahead of the present is last century.
                let this_year = self.opts.now.map_or(2100, |n| n.year());
                if 2000 + y as i32 > this_year + 1 {
                    1900 + y as i32
                } else {
                    2000 + y as i32
                }
            }
            _ => return None,
        };
        if self.glued_number_after(i + 5) {
            return None;
        }
        // A '.' after a two-digit year is a sentence end, a digit after it is not a date.
        let (a, b) = (a as u32, b as u32);
        let month_first = if a > 12 {
            false
        } else if b > 12 {
            true
        } else {
            match sep {
                '/' => self.opts.month_first,
                '-' => self.opts.dash_month_first,
                _ => false,
            }
        };
        let (m, d) = if month_first { (a, b) } else { (b, a) };
        let date = NaiveDate::from_ymd_opt(year, m, d)?;
        Some((date, None, i + 5))
    }

    /// Skip an ordinal suffix and filler words after a day number ("5th of", "1er", "5 de").
    fn skip_day_suffix(&self, mut j: usize) -> usize {
        if self.punct(j) == Some('.') && !self.space(j) {
            j += 1;
        }
        if let Some(w) = self.word(j) {
            if lang::is_ordinal(&w) && !self.space(j) {
                j += 1;
            }
        }
        if let Some(w) = self.word(j) {
            if lang::is_date_filler(&w) {
                j += 1;
            }
        }
        j
    }

    /// After the month name: optional '.', ',', filler words ("de", "del"); then the year.
    fn year_after_month(&self, mut j: usize) -> Option<(i32, usize)> {
        if self.punct(j) == Some('.') {
            j += 1;
        }
        if self.punct(j) == Some(',') {
            j += 1;
        }
        if let Some(w) = self.word(j) {
            if lang::is_date_filler(&w) {
                j += 1;
            }
        }
        let y = self.year(j)?;
        if self.glued_number_after(j + 1) && self.punct(j + 1) != Some(':') {
            return None;
        }
        let mut end = j + 1;
        // Russian/Ukrainian "2025 г." / "2025 года" / "2025 р."
        if let Some(w) = self.word(end) {
            if matches!(&*w, "г" | "года" | "году" | "р" | "року") {
                end += 1;
                if self.punct(end) == Some('.') {
                    end += 1;
                }
            }
        }
        Some((y, end))
    }

    /// `5 September 2025`, `5. September 2025`, `5 de septiembre de 2025`, `5 сентября 2025`.
    fn day_month_name_at(&self, i: usize) -> Option<(NaiveDate, Option<Clock>, usize)> {
        let d = self.small(i, 31)?;
        let j = self.skip_day_suffix(i + 1);
        let w = self.word(j)?;
        let m = lang::month(&w)?;
        let (y, end) = self.year_after_month(j + 1)?;
        let date = NaiveDate::from_ymd_opt(y, m, d)?;
        Some((date, None, end))
    }

    /// `Sep 5, 2025`, `September 5th, 2025`, `Sept. 05 2025`.
    fn month_name_day_at(&self, i: usize) -> Option<(NaiveDate, Option<Clock>, usize)> {
        let mut j = i + 1;
        if self.punct(j) == Some('.') {
            j += 1;
        }
        // The day first: it rules out almost every word of running text before the month
        // table is searched.
        let d = self.small(j, 31)?;
        let w = self.word(i)?;
        let m = lang::month(&w)?;
        let mut k = j + 1;
        if let Some(w) = self.word(k) {
            if lang::is_ordinal(&w) && !self.space(k) {
                k += 1;
            }
        }
        if self.punct(k) == Some(',') {
            k += 1;
        }
        let y = self.year(k)?;
        if self.glued_number_after(k + 1) && self.punct(k + 1) != Some(':') {
            return None;
        }
        let date = NaiveDate::from_ymd_opt(y, m, d)?;
        Some((date, None, k + 1))
    }

    /// `16:07`, `16:07:00.000`, `4:07 PM`, `16h07`, `16.07 Uhr`, `16時07分`, then a zone.
    fn clock_at(&self, i: usize) -> Option<(Clock, usize)> {
        let (h, nh) = self.num(i)?;
        if nh > 2 {
            return None;
        }
        let mut j;
        let mi;
        let mut s = 0;
        match self.tok(i + 1)?.kind {
            Kind::Punct(':') if !self.space(i + 1) => {
                let (v, n) = self.num(i + 2)?;
                if n != 2 || self.space(i + 2) {
                    return None;
                }
                mi = v;
                j = i + 3;
                if self.punct(j) == Some(':') && !self.space(j) {
                    if let Some((v, 2)) = self.num(j + 1) {
                        s = v;
                        j += 2;
                    }
                }
                if matches!(self.punct(j), Some('.' | ',')) && !self.space(j) && !self.space(j + 1)
                {
                    if let Some((_, n)) = self.num(j + 1) {
                        if n <= 9 {
                            j += 2;
                        }
                    }
                }
            }
            Kind::Word if !self.space(i + 1) && self.word(i + 1).as_deref() == Some("h") => {
                let (v, n) = self.num(i + 2)?;
                if n != 2 || self.space(i + 2) {
                    return None;
                }
                mi = v;
                j = i + 3;
            }
            Kind::Punct('.') if !self.space(i + 1) => {
                let (v, n) = self.num(i + 2)?;
                if n != 2 || self.word(i + 3).as_deref() != Some("uhr") {
                    return None;
                }
                mi = v;
                j = i + 4;
            }
            Kind::Cjk('時' | '时' | '시') => {
                let (v, _) = self.num(i + 2)?;
                if !matches!(self.cjk(i + 3), Some('分' | '분')) {
                    return None;
                }
                mi = v;
                j = i + 4;
            }
            _ => return None,
        }
        let mut hour = h as u32;
        // am / pm / a.m. / p.m.
        if let Some(w) = self.word(j) {
            let pm = match &*w {
                "pm" => Some((true, j + 1)),
                "am" => Some((false, j + 1)),
                "p" | "a"
                    if self.punct(j + 1) == Some('.')
                        && self.word(j + 2).as_deref() == Some("m") =>
                {
                    let mut e = j + 3;
                    if self.punct(e) == Some('.') {
                        e += 1;
                    }
                    Some((w == "p", e))
                }
                "uhr" => {
                    j += 1;
                    None
                }
                _ => None,
            };
            if let Some((is_pm, e)) = pm {
                if hour == 0 || hour > 12 {
                    return None;
                }
                hour = match (is_pm, hour) {
                    (true, 12) => 12,
                    (true, h) => h + 12,
                    (false, 12) => 0,
                    (false, h) => h,
                };
                j = e;
            }
        }
        let time = NaiveTime::from_hms_opt(hour, mi as u32, (s as u32).min(59))?;
        let (offset, end) = self.zone_at(j, false);
        Some((Clock { time, offset }, end))
    }

    /// A zone at token `i`: `Z`, `+0200`, `+02:00`, `+02`, `GMT+3`, `UTC`, `(EDT)`, `EST`.
    /// `tight` means the zone must follow without a space (compact ISO).
    fn zone_at(&self, i: usize, tight: bool) -> (Option<FixedOffset>, usize) {
        let none = (None, i);
        let Some(t) = self.tok(i) else { return none };
        if tight && t.space {
            return none;
        }
        let mut j = i;
        let paren = self.punct(j) == Some('(');
        if paren {
            j += 1;
        }
        let mut base = None;
        if let Some(w) = self.word(j) {
            // Ambiguous abbreviations ("ist", "est", "art") are zones only in capitals.
            let raw = self
                .tok(j)
                .and_then(|t| self.s.get(t.start..t.end))
                .unwrap_or("");
            let upper = raw.chars().all(|c| c.is_ascii_uppercase());
            match lang::zone(&w) {
                Some(m) if upper || matches!(&*w, "utc" | "gmt") => {
                    base = Some(m);
                    j += 1;
                }
                _ => return none,
            }
        }
        let mut minutes = base.unwrap_or(0);
        let mut found = base.is_some();
        if let Some(sign @ ('+' | '-' | '−')) = self.punct(j) {
            // A sign after a space is only an offset when a zone name precedes it or it has
            // four digits ("16:07 +0200"); "16:07 - 5 Sep" is a dash.
            let (v, n) = match self.num(j + 1) {
                Some(x) if !self.space(j + 1) => x,
                _ => (0, 0),
            };
            let glued = !self.space(j) || base.is_some();
            let off = match n {
                4 => Some((v / 100) as i32 * 60 + (v % 100) as i32),
                1 | 2 if glued => {
                    if self.punct(j + 2) == Some(':') && !self.space(j + 2) {
                        match self.num(j + 3) {
                            Some((m, 2)) => {
                                j += 2;
                                Some(v as i32 * 60 + m as i32)
                            }
                            _ => None,
                        }
                    } else {
                        Some(v as i32 * 60)
                    }
                }
                _ => None,
            };
            if let Some(off) = off {
                if off <= 14 * 60 {
                    let signed = if sign == '+' { off } else { -off };
                    minutes = if base.is_some() {
                        base.unwrap_or(0) + signed
                    } else {
                        signed
                    };
                    found = true;
                    j += 2;
                }
            }
        }
        if !found {
            return none;
        }
        if paren && self.punct(j) == Some(')') {
            j += 1;
        }
        match FixedOffset::east_opt(minutes * 60) {
            Some(o) => (Some(o), j),
            None => none,
        }
    }

    /// "3 hours ago", "vor 2 Tagen", "il y a 3 jours", "hace 2 días", "2 дня назад",
    /// "3小时前", "yesterday"; only with a `now`.
    fn relative_at(&self, i: usize) -> Option<(ParsedDate, usize)> {
        let now = self.opts.now?;
        let t = self.tok(i)?;
        let (amount, unit, end) = match t.kind {
            Kind::Word => {
                let w = self.word(i)?;
                // French "hier" is German "here": only "hier à 16h" / "hier, 16:07" is a date.
                let french_hier_ok = w != "hier"
                    || self.word(i + 1).is_some_and(|n| n == "à" || n == "a")
                    || self.punct(i + 1) == Some(',');
                if let Some(days) = lang::day_word(&w).filter(|_| french_hier_ok) {
                    let date = (now - Duration::days(days)).date_naive();
                    let mut end = i + 1;
                    // "aujourd'hui"
                    if w == "aujourd" && matches!(self.punct(end), Some('\'' | '’')) {
                        end += 2;
                    }
                    return Some((ParsedDate::day(date), end));
                }
                let mut j = i + 1;
                if w == "il" {
                    // "il y a"
                    if self.word(j).as_deref() != Some("y")
                        || self.word(j + 1).as_deref() != Some("a")
                    {
                        return None;
                    }
                    j += 2;
                } else if !lang::is_ago_before(&w) {
                    return None;
                }
                let (n, _) = self.num(j)?;
                let u = lang::unit(&self.word(j + 1)?)?;
                (n, u, j + 2)
            }
            Kind::Num(n, _) => {
                if let Some(u) = self.word(i + 1).and_then(|w| lang::unit(&w)) {
                    if !self.word(i + 2).is_some_and(|w| lang::is_ago_after(&w)) {
                        return None;
                    }
                    (n, u, i + 3)
                } else {
                    // CJK: 3小时前, 2日前, 3時間前, 5分钟前
                    let mut j = i + 1;
                    let mut unit = None;
                    let mut text = String::new();
                    while let Some(c) = self.cjk(j) {
                        if c == '前' {
                            unit = match text.as_str() {
                                "分钟" | "分鐘" | "分" => Some(lang::MINUTE),
                                "小时" | "小時" | "時間" | "时" => Some(lang::HOUR),
                                "天" | "日" => Some(lang::DAY),
                                "周" | "週間" | "週" => Some(lang::WEEK),
                                _ => None,
                            };
                            break;
                        }
                        text.push(c);
                        j += 1;
                        if text.chars().count() > 2 {
                            break;
                        }
                    }
                    (n, unit?, j + 1)
                }
            }
            Kind::Cjk(c) => {
                let next = self.cjk(i + 1);
                let days = match (c, next) {
                    ('昨', Some('天' | '日')) => 1,
                    ('今', Some('天' | '日')) => 0,
                    _ => return None,
                };
                let date = (now - Duration::days(days)).date_naive();
                return Some((ParsedDate::day(date), i + 2));
            }
            _ => return None,
        };
        if amount > 10_000 {
            return None;
        }
        let minutes = (amount as i64).checked_mul(unit)?;
        let then = now.checked_sub_signed(Duration::try_minutes(minutes)?)?;
        if unit >= lang::DAY {
            return Some((ParsedDate::day(then.date_naive()), end));
        }
        let time = NaiveTime::from_hms_opt(
            chrono::Timelike::hour(&then),
            chrono::Timelike::minute(&then),
            0,
        )?;
        Some((
            ParsedDate {
                date: then.date_naive(),
                time: Some(time),
                offset: FixedOffset::east_opt(0),
            },
            end,
        ))
    }
}

fn combine(date: NaiveDate, clock: Option<Clock>) -> ParsedDate {
    match clock {
        Some(c) => ParsedDate {
            date,
            time: Some(c.time),
            offset: c.offset,
        },
        None => ParsedDate::day(date),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-28T00:00:00Z")
            .map(|d| d.with_timezone(&Utc))
            .unwrap_or_default()
    }

    fn v(raw: &str) -> Option<String> {
        parse_date(raw, Some(now())).map(|d| d.to_value())
    }

    fn us(raw: &str) -> Option<String> {
        let o = ParseOptions {
            now: Some(now()),
            month_first: true,
            dash_month_first: true,
            text: false,
            short_years: false,
        };
        parse_with(raw, &o).map(|d| d.to_value())
    }

    fn text(raw: &str) -> Option<String> {
        let o = ParseOptions {
            now: Some(now()),
            text: true,
            ..ParseOptions::default()
        };
        scan(raw, &o, 4).first().map(|m| m.date.to_value())
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn spaced_bars_and_short_years() {
        assert_eq!(text("26 | 01 | 2022 Schweiz"), s("2022-01-26"));
        // Bars spaced unevenly, or a short year between bars: not a date.
        assert_eq!(text("26 |01 | 2022"), None);
        assert_eq!(text("26 | 01 | 22"), None);
        // Two-digit years: refused in loose text, read in a date element's own text.
        assert_eq!(text("Party, 30.10.23"), None);
        let o = ParseOptions {
            now: Some(now()),
            text: true,
            short_years: true,
            ..ParseOptions::default()
        };
        let short = |raw: &str| scan(raw, &o, 4).first().map(|m| m.date.to_value());
        assert_eq!(short("Party, 30.10.23"), s("2023-10-30"));
        assert_eq!(short("31.10.98"), s("1998-10-31"));
    }

    #[test]
    fn iso_and_compact_forms() {
        assert_eq!(v("2025-09-05T16:07+0000"), s("2025-09-05T16:07:00+00:00"));
        assert_eq!(v("20250905T1607+0000"), s("2025-09-05T16:07:00+00:00"));
        assert_eq!(
            v("2025-09-05T16:07:00.000Z"),
            s("2025-09-05T16:07:00+00:00")
        );
        assert_eq!(
            v("2025-09-05T16:07:00-04:00"),
            s("2025-09-05T16:07:00-04:00")
        );
        assert_eq!(v("2025-09-05 16:07:00"), s("2025-09-05T16:07:00"));
        assert_eq!(v("2025-09-05"), s("2025-09-05"));
        assert_eq!(v("2025/09/05"), s("2025-09-05"));
        assert_eq!(
            v("2022-1-26T14:32:06+02:00"),
            s("2022-01-26T14:32:06+02:00")
        );
    }

    #[test]
    fn english_with_zone_abbreviations() {
        assert_eq!(v("Sep 5, 2025 4:07 PM EDT"), s("2025-09-05T16:07:00-04:00"));
        assert_eq!(
            v("September 5th, 2025 at 12:30 am PST"),
            s("2025-09-05T00:30:00-08:00")
        );
        assert_eq!(v("Friday, 5 September 2025"), s("2025-09-05"));
        assert_eq!(
            v("Nov 8, 2023 / 10:35 PM PST"),
            s("2023-11-08T22:35:00-08:00")
        );
        assert_eq!(
            v("5 Sept. 2025, 16:07 CEST"),
            s("2025-09-05T16:07:00+02:00")
        );
        assert_eq!(v("16:07 GMT 05.09.2025"), s("2025-09-05T16:07:00+00:00"));
    }

    #[test]
    fn rfc_2822_and_js_dates() {
        assert_eq!(
            v("Fri, 05 Sep 2025 16:07:00 +0000"),
            s("2025-09-05T16:07:00+00:00")
        );
        assert_eq!(
            v("Fri, 05 Sep 2025 16:07:00 GMT"),
            s("2025-09-05T16:07:00+00:00")
        );
        assert_eq!(
            v("Sat Dec 07 2024 01:36:41 GMT+0000 (UTC)"),
            s("2024-12-07T01:36:41+00:00")
        );
        assert_eq!(
            v("Fri Sep 05 2025 18:07:00 GMT+0200"),
            s("2025-09-05T18:07:00+02:00")
        );
    }

    #[test]
    fn numeric_day_month_order() {
        assert_eq!(v("05.09.2025 16:07"), s("2025-09-05T16:07:00"));
        assert_eq!(v("09/05/2025"), s("2025-05-09"));
        assert_eq!(us("09/05/2025"), s("2025-09-05"));
        // A part above 12 settles the order whatever the locale.
        assert_eq!(us("25/09/2025"), s("2025-09-25"));
        assert_eq!(v("09/25/2025"), s("2025-09-25"));
        // Dots are day-first even on US pages.
        assert_eq!(us("05.09.2025"), s("2025-09-05"));
    }

    #[test]
    fn european_languages() {
        assert_eq!(
            v("Veröffentlicht am 5. September 2025 um 16:07 Uhr"),
            s("2025-09-05T16:07:00")
        );
        assert_eq!(
            v("Publié le 5 septembre 2025 à 16h07"),
            s("2025-09-05T16:07:00")
        );
        assert_eq!(v("1er août 2025"), s("2025-08-01"));
        assert_eq!(v("Publicado el 5 de septiembre de 2025"), s("2025-09-05"));
        assert_eq!(
            v("Pubblicato il 5 settembre 2025 alle 16:07"),
            s("2025-09-05T16:07:00")
        );
        assert_eq!(
            v("5 de setembro de 2025 às 16:07"),
            s("2025-09-05T16:07:00")
        );
        assert_eq!(v("5 maart 2025"), s("2025-03-05"));
        assert_eq!(v("5. Dez. 2024"), s("2024-12-05"));
        assert_eq!(v("Mär 3, 2024"), s("2024-03-03"));
    }

    #[test]
    fn slavic_genitive_months() {
        assert_eq!(
            v("Опубликовано: 5 сентября 2025 г. в 16:07"),
            s("2025-09-05T16:07:00")
        );
        assert_eq!(v("5 сентября 2025"), s("2025-09-05"));
        assert_eq!(v("5 вересня 2025 року"), s("2025-09-05"));
        assert_eq!(v("12 травня 2024"), s("2024-05-12"));
        assert_eq!(v("3 мая 2024"), s("2024-05-03"));
    }

    #[test]
    fn chinese_japanese_korean() {
        assert_eq!(v("2025年9月5日 16:07"), s("2025-09-05T16:07:00"));
        assert_eq!(v("发布时间：2025年09月05日"), s("2025-09-05"));
        assert_eq!(v("2025年9月5日 16時07分"), s("2025-09-05T16:07:00"));
        assert_eq!(v("2025년 9월 5일"), s("2025-09-05"));
    }

    #[test]
    fn unix_timestamps() {
        assert_eq!(v("1757088420"), s("2025-09-05T16:07:00+00:00"));
        assert_eq!(v("1757088420000"), s("2025-09-05T16:07:00+00:00"));
        // Not in running text.
        assert_eq!(text("ID 1757088420"), None);
    }

    #[test]
    fn relative_dates_need_now() {
        assert_eq!(v("3 hours ago"), s("2026-11-27T21:00:00+00:00"));
        assert_eq!(v("vor 2 Tagen"), s("2026-11-26"));
        assert_eq!(v("il y a 3 jours"), s("2026-11-25"));
        assert_eq!(v("hace 2 días"), s("2026-11-26"));
        assert_eq!(v("2 дня назад"), s("2026-11-26"));
        assert_eq!(v("yesterday"), s("2026-11-27"));
        assert_eq!(v("Publié hier à 16h07"), s("2026-11-27"));
        assert_eq!(v("Hier kannst du es lesen"), None);
        assert_eq!(v("3小时前"), s("2026-11-27T21:00:00+00:00"));
        assert_eq!(parse_date("3 hours ago", None), None);
        assert_eq!(parse_date("yesterday", None), None);
    }

    #[test]
    fn implausible_dates_are_rejected() {
        assert_eq!(v("1994-12-31"), None);
        assert_eq!(v("12 March 1989"), None);
        // After `now` beyond a day's tolerance.
        assert_eq!(v("2026-11-30"), None);
        assert_eq!(v("2026-11-28T20:00:00Z"), s("2026-11-28T20:00:00+00:00"));
        assert_eq!(v("2025-02-30"), None);
        assert_eq!(v("31.09.2025"), None);
        assert_eq!(v("2025-09-05T25:07"), s("2025-09-05"));
    }

    #[test]
    fn not_dates() {
        assert_eq!(v(""), None);
        assert_eq!(v("version 1.2.3"), None);
        assert_eq!(v("3.5 stars"), None);
        assert_eq!(text("Call 2025 0905 now"), None);
        assert_eq!(text("© 2025 Example"), None);
        // German "ist" is a verb, not India Standard Time.
        assert_eq!(
            v("um 16:07 ist es passiert, 5. September 2025"),
            s("2025-09-05")
        );
    }

    #[test]
    fn never_panics_on_odd_input() {
        for raw in [
            "2025-",
            "2025-09-",
            "T",
            "+",
            "99999999999999999999999999",
            "2025年",
            "16:",
            "Sep",
            "5 Sep",
            "٢٠٢٥-٠٩-٠٥",
            "2025-09-05T16:07+99:99",
            "\u{0}\u{FFFF}2025",
        ] {
            let _ = v(raw);
            let _ = text(raw);
        }
    }
}
