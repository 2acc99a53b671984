//! The date parser on arbitrary strings: as a structured field (`parse_date`, with and without
//! a clock), as loose page text (`scan`), and a found date's normalised forms. Never panics;
//! a match lies within the input on character boundaries.
#![no_main]

use chrono::{TimeZone, Utc};
use cleanview::date::{parse_date, parse_with, ParseOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let now = Utc.with_ymd_and_hms(2025, 9, 6, 12, 0, 0).single();
    for d in [parse_date(s, None), parse_date(s, now)].into_iter().flatten() {
        let _ = d.to_value();
        let _ = d.instant();
        let _ = d.plausible(now);
        let _ = d.precision();
    }
    for (month_first, dash_month_first, text) in [(false, false, true), (true, true, false)] {
        let opts = ParseOptions {
            now,
            month_first,
            dash_month_first,
            text,
            ..ParseOptions::default()
        };
        let _ = parse_with(s, &opts);
        for m in cleanview::date::parse::scan(s, &opts, 16) {
            assert!(m.start <= m.end && m.end <= s.len(), "{}..{} of {}", m.start, m.end, s.len());
            assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
        }
    }
});
