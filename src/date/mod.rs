//! Publication and update times from ordered evidence.
//!
//! The approach is htmldate's (trust the URL and the first structured date, distrust loose
//! text), carried to the minute: once the day is settled by the most trusted source, the most
//! precise statement of that same day anywhere in the structured data supplies the time and
//! zone.
//!
//! Output values are RFC 3339 with the page's own offset for an instant, `YYYY-MM-DD` for a
//! day, and `YYYY-MM-DDTHH:MM:SS` without offset for a *floating local time*: the page gave a
//! time of day but no zone, so no instant can honestly be claimed.
//!
//! Submodules: [`parse`] (the token scanner), [`lang`] (month names, zones, markers in many
//! languages), [`url`] (dates in the address), [`find`] (collecting evidence from the page).

pub mod find;
pub mod lang;
pub mod parse;
pub mod url;

use chrono::{DateTime, Datelike, Timelike, Utc};
use scraper::Html;

use crate::article::DateSource;
use find::{Candidate, Role};
pub use parse::{parse_date, parse_with, ParseOptions, ParsedDate};
use url::UrlDate;

/// One date the page states, normalised.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundDate {
    /// RFC 3339 keeping the page's offset, `YYYY-MM-DD` when only the day is known, or
    /// `YYYY-MM-DDTHH:MM:SS` for a floating local time.
    pub value: String,
    pub source: DateSource,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct DateFindings {
    pub published: Option<FoundDate>,
    pub modified: Option<FoundDate>,
}

/// Find the original publication time and the last update of the page.
pub fn find_dates(
    doc: &Html,
    page_url: Option<&::url::Url>,
    json_ld: &[crate::json::Value],
    now: Option<DateTime<Utc>>,
) -> DateFindings {
    let max_year = now.map_or(2100, |n| n.year());
    let from_url = page_url.and_then(|u| url::url_date(u, max_year));
    let from_url = match from_url {
        Some(UrlDate::Day(d))
            if !(ParsedDate {
                date: d,
                time: None,
                offset: None,
            })
            .plausible(now) =>
        {
            None
        }
        other => other,
    };
    let ev = find::collect(doc, json_ld, now);
    let cands: Vec<Candidate> = ev
        .candidates
        .into_iter()
        .filter(|c| c.date.plausible(now))
        .collect();
    choose(&cands, from_url, page_url)
}

/// Confidence for a rank: structured data high, loose text low.
fn confidence(rank: u8, url_agrees: bool) -> f64 {
    let hundredths: u8 = match rank {
        find::R_JSONLD => 95,
        find::R_META => 92,
        find::R_ITEMPROP => 88,
        find::R_JSONLD_OTHER => 82,
        4 => 75,
        find::R_TIME => 65,
        find::R_ELEMENT => 55,
        find::R_TEXT_MARKED => 45,
        _ => 30,
    };
    let hundredths = if url_agrees {
        (hundredths + 5).min(99)
    } else {
        hundredths
    };
    f64::from(hundredths) / 100.0
}

fn found(c: &Candidate, url_agrees: bool) -> FoundDate {
    FoundDate {
        value: c.date.to_value(),
        source: DateSource {
            raw: c.raw.clone(),
            source: c.source.clone(),
            confidence: confidence(c.rank, url_agrees),
        },
    }
}

/// A date agrees with the URL's day when it is that day, or the day before or after for an
/// instant (the URL uses the newsroom's day, the instant may be written in UTC).
fn agrees_with_day(c: &Candidate, day: chrono::NaiveDate) -> bool {
    if c.date.date == day {
        return true;
    }
    c.date.precision() == 2 && (c.date.date - day).num_days().abs() <= 1
}

/// A date shown on the page (not metadata), other than a relative one.
fn is_visible(c: &Candidate) -> bool {
    let hidden = c.source.starts_with("meta:")
        || c.source.starts_with("script:")
        || c.source == "image-path";
    !hidden && c.rank >= find::R_TIME_MARKED && c.rank < find::R_RELATIVE
}

fn sorted(cands: &[Candidate], keep: impl Fn(&Candidate) -> bool) -> Vec<&Candidate> {
    let mut v: Vec<&Candidate> = cands.iter().filter(|c| keep(c)).collect();
    // Among page-body dates, those in the article's header (just after the headline) first.
    // Days the article's header shows (under the headline), other than updates.
    let header_days: Vec<chrono::NaiveDate> = cands
        .iter()
        .filter(|c| is_visible(c) && c.top && c.role != Role::Modified)
        .map(|c| c.date.date)
        .take(32)
        .collect();
    // Visible dates: one in the article's header (or above the headline) beats any shown
    // further down (related stories, comments, listings), whatever element holds it. A loose
    // `<meta name="date">` ranks with them and yields to the header too, unless the header
    // shows its day as well.
    v.sort_by_key(|c| {
        let visible = is_visible(c);
        // 0: the header; 1: above the headline (kickers, but also teasers and today's date);
        // 2: further down.
        let place: u8 = if visible {
            match (c.top, c.after_h1) {
                (true, _) => 0,
                (false, false) => 1,
                (false, true) => 2,
            }
        } else {
            u8::from(
                c.rank == find::R_META_WEAK
                    && !header_days.is_empty()
                    && !header_days.contains(&c.date.date),
            )
        };
        (
            if visible { find::R_TIME_MARKED } else { c.rank },
            place,
            c.rank,
            c.order,
        )
    });
    v
}

/// The most precise candidate stating the same day (and, for a floating time, the same
/// minute) as `best`, among structured sources; `best` itself when none is more precise.
fn refine<'a>(best: &'a Candidate, pool: &[&'a Candidate]) -> &'a Candidate {
    let mut out = best;
    for c in pool {
        if c.rank > find::R_ELEMENT || c.date.precision() <= out.date.precision() {
            continue;
        }
        if !c.date.same_day(&best.date) {
            continue;
        }
        if let (Some(t0), Some(t1)) = (best.date.time, c.date.time) {
            if (t0.hour(), t0.minute()) != (t1.hour(), t1.minute()) {
                continue;
            }
        }
        out = c;
    }
    out
}

/// The same instant as `c`, as the page also states it in a local (non-UTC) offset: the
/// page's own local day is what readers see, so prefer that rendering of the instant.
fn local_restatement<'a>(c: &'a Candidate, pool: &[&'a Candidate]) -> &'a Candidate {
    let Some(instant) = c.date.instant() else {
        return c;
    };
    if c.date.offset.is_some_and(|o| o.local_minus_utc() != 0) {
        return c;
    }
    pool.iter()
        .find(|o| {
            o.date.instant() == Some(instant)
                && o.date.offset.is_some_and(|x| x.local_minus_utc() != 0)
        })
        .copied()
        .unwrap_or(c)
}

/// A UTC instant near midnight whose day the page itself shows as the neighbouring one
/// (in a date element near the headline): the page's local day, with the instant's time
/// unknown in that zone, so only the day is kept.
fn visible_day<'a>(c: &'a Candidate, pool: &[&'a Candidate]) -> Option<&'a Candidate> {
    let off = c.date.offset?;
    if off.local_minus_utc() != 0 {
        return None;
    }
    let t = c.date.time?;
    let next = t.hour() >= 10;
    pool.iter()
        .find(|o| {
            o.rank <= find::R_ELEMENT
                && o.rank >= find::R_TIME
                && o.date.precision() == 0
                && o.top
                && {
                    let diff = (o.date.date - c.date.date).num_days();
                    (diff == 1 && next) || (diff == -1 && !next)
                }
        })
        .copied()
}

/// When structured sources disagree about the publication day, the one stating the day the
/// article's header shows: republished or migrated articles keep a stale record in one
/// source while the page and its other metadata show the current one.
fn header_agreeing<'a>(
    best: &'a Candidate,
    pool: &[&'a Candidate],
    modified: &[&Candidate],
) -> &'a Candidate {
    if best.rank > find::R_JSONLD_OTHER {
        return best;
    }
    let Some(header) = pool
        .iter()
        .find(|c| is_visible(c) && c.top && c.rank <= find::R_ELEMENT)
    else {
        return best;
    };
    let day = header.date.date;
    // A header showing the update's day, labelled so for the reader ("Updated Jul 24" around
    // a bare <time>), says nothing about the publication.
    let labelled_update = modified
        .iter()
        .any(|m| m.top && m.source == "text" && agrees_with_day(m, day));
    if agrees_with_day(best, day) || labelled_update {
        return best;
    }
    pool.iter()
        .find(|c| c.rank <= find::R_JSONLD_OTHER && agrees_with_day(c, day))
        .copied()
        .unwrap_or(best)
}

fn choose(
    cands: &[Candidate],
    from_url: Option<UrlDate>,
    page_url: Option<&::url::Url>,
) -> DateFindings {
    let published_pool = sorted(cands, |c| c.role != Role::Modified);
    let modified_pool = sorted(cands, |c| c.role == Role::Modified);

    let mut published: Option<FoundDate> = None;
    let mut published_date: Option<ParsedDate> = None;
    match from_url {
        Some(UrlDate::Day(day)) => {
            let hit = published_pool.iter().find(|c| agrees_with_day(c, day));
            // An instant written in UTC can fall on the day after the newsroom's; the URL
            // states the local day, so keep that day unless the same instant is also stated
            // in an offset that lands on it.
            let hit = hit.and_then(|c| {
                let r = refine(c, &published_pool);
                if r.date.date == day {
                    return Some(*c);
                }
                let same = r.date.instant();
                published_pool
                    .iter()
                    .find(|o| o.date.date == day && same.is_some() && o.date.instant() == same)
                    .copied()
            });
            match hit {
                Some(c) => {
                    let r = refine(c, &published_pool);
                    published = Some(found(r, true));
                    published_date = Some(r.date);
                }
                None => {
                    let d = ParsedDate {
                        date: day,
                        time: None,
                        offset: None,
                    };
                    published = Some(FoundDate {
                        value: d.to_value(),
                        source: DateSource {
                            raw: page_url.map(|u| u.path().to_string()).unwrap_or_default(),
                            source: "url".into(),
                            confidence: 0.8,
                        },
                    });
                    published_date = Some(d);
                }
            }
        }
        other => {
            let in_month = |c: &&&Candidate| match other {
                Some(UrlDate::Month(y, m)) => c.date.date.year() == y && c.date.date.month() == m,
                _ => true,
            };
            // The URL's month narrows the choice, but not against the article's header: a
            // page kept up to date under its first month's address ("ongoing updates") shows
            // its current day under the headline, while older days sit further down.
            let header = published_pool.first().filter(|c| is_visible(c) && c.top);
            let hit = published_pool
                .iter()
                .find(in_month)
                .filter(|c| {
                    header.is_none() || (is_visible(c) && c.top) || c.rank < find::R_TIME_MARKED
                })
                .or_else(|| published_pool.first());
            let hit = hit.map(|c| header_agreeing(c, &published_pool, &modified_pool));
            if let Some(c) = hit {
                let r = refine(c, &published_pool);
                let r = local_restatement(r, &published_pool);
                let r = visible_day(r, &published_pool).unwrap_or(r);
                let agrees = matches!(other, Some(UrlDate::Month(y, m)) if r.date.date.year() == y && r.date.date.month() == m);
                published = Some(found(r, agrees));
                published_date = Some(r.date);
            }
        }
    }

    // Updates: the most trusted one not earlier than the publication.
    let not_before = |c: &&&Candidate| match published_date {
        Some(p) => c.date.date >= p.date,
        None => true,
    };
    let modified = modified_pool.iter().find(not_before).map(|c| {
        let r = refine(c, &modified_pool);
        found(r, false)
    });

    // When the page states only an update, that is the best knowledge of its publication.
    let published = match published {
        Some(p) => Some(p),
        None => modified.clone(),
    };
    DateFindings {
        published,
        modified,
    }
}
