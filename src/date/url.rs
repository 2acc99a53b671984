//! Dates in the page address. A full day in the path (`/2025/09/05/`, `/20250905/`,
//! `-2025-09-05-`) is among the most reliable evidence a page has: CMSs write it once, at
//! publication, and never touch it again.

use chrono::NaiveDate;
use url::Url;

use super::parse::MIN_YEAR;

/// What the address says: a full day, or only a year and month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlDate {
    Day(NaiveDate),
    Month(i32, u32),
}

/// Digit runs of the path with their separators, e.g. `/2025/09/05/slug` → 2025 '/' 09 '/' 05.
fn digit_runs(path: &str) -> Vec<(usize, usize)> {
    let b = path.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < b.len() && runs.len() < 64 {
        if b[i].is_ascii_digit() {
            let s = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            runs.push((s, i));
        } else {
            i += 1;
        }
    }
    runs
}

fn year_ok(y: i32, max_year: i32) -> bool {
    (MIN_YEAR..=max_year).contains(&y)
}

/// The date in the URL's path, if any. `max_year` bounds plausibility (the caller's year).
pub fn url_date(url: &Url, max_year: i32) -> Option<UrlDate> {
    let path = url.path();
    let b = path.as_bytes();
    let runs = digit_runs(path);
    let num = |(s, e): (usize, usize)| path.get(s..e).and_then(|t| t.parse::<u32>().ok());
    let sep_between = |a: (usize, usize), c: (usize, usize)| -> Option<u8> {
        if c.0 == a.1 + 1 {
            b.get(a.1)
                .copied()
                .filter(|c| matches!(c, b'/' | b'-' | b'_' | b'.'))
        } else {
            None
        }
    };
    let mut month: Option<UrlDate> = None;
    for k in 0..runs.len() {
        let r = runs[k];
        let len = r.1 - r.0;
        if len == 8 {
            let v = num(r)?;
            let (y, m, d) = ((v / 10_000) as i32, (v / 100) % 100, v % 100);
            if year_ok(y, max_year) {
                if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                    return Some(UrlDate::Day(date));
                }
            }
            continue;
        }
        if len != 4 {
            continue;
        }
        let Some(y) = num(r).map(|v| v as i32) else {
            continue;
        };
        if !year_ok(y, max_year) {
            continue;
        }
        let Some(&r2) = runs.get(k + 1) else { continue };
        let Some(sep) = sep_between(r, r2) else {
            continue;
        };
        if r2.1 - r2.0 > 2 {
            continue;
        }
        let Some(m) = num(r2).filter(|m| (1..=12).contains(m)) else {
            continue;
        };
        if let Some(&r3) = runs.get(k + 2) {
            if sep_between(r2, r3) == Some(sep) && r3.1 - r3.0 <= 2 {
                if let Some(d) = num(r3) {
                    // The day must end its path segment (`/2023/10/3-fragen` is a month and
                    // a slug starting with a number), or its slug word for dates in a slug.
                    let after = b.get(r3.1).copied();
                    let ends = if sep == b'/' {
                        matches!(after, None | Some(b'/' | b'.'))
                    } else {
                        matches!(after, None | Some(b'/' | b'-' | b'_' | b'.'))
                    };
                    if ends {
                        if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                            return Some(UrlDate::Day(date));
                        }
                    }
                }
            }
        }
        let after = b.get(r2.1).copied();
        if month.is_none() && matches!(after, None | Some(b'/' | b'-' | b'_' | b'.')) {
            month = Some(UrlDate::Month(y, m));
        }
    }
    month
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(u: &str) -> Option<UrlDate> {
        url_date(&Url::parse(u).ok()?, 2026)
    }

    #[test]
    fn forms() {
        let day = |y, m, dd| Some(UrlDate::Day(NaiveDate::from_ymd_opt(y, m, dd).unwrap()));
        assert_eq!(d("https://x.com/2025/09/05/slug"), day(2025, 9, 5));
        assert_eq!(d("https://x.com/20250905/slug-1122.html"), day(2025, 9, 5));
        assert_eq!(
            d("https://x.com/news/slug-2025-09-05.html"),
            day(2025, 9, 5)
        );
        assert_eq!(
            d("https://x.com/2016/12/slug.html"),
            Some(UrlDate::Month(2016, 12))
        );
        assert_eq!(d("https://x.com/item/12345678/"), None);
        assert_eq!(
            d("https://x.com/2023/10/3-fragen-an-jemand/"),
            Some(UrlDate::Month(2023, 10))
        );
        assert_eq!(d("https://x.com/2030/01/02/future"), None);
    }
}
