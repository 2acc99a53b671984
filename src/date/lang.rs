//! Words that carry dates in the languages we read: month names, zone abbreviations,
//! relative-time units and the phrases that mark a date as published or updated.
//!
//! Everything is matched on lower-cased words, so tables hold lower case only.

/// Month names and their usual abbreviations. Slavic languages are listed in both the
/// nominative ("сентябрь") and the genitive ("5 сентября") because pages write the latter.
/// A word also matches when it is a prefix (of three letters or more) of exactly one month's
/// names, which covers abbreviations such as "Sept", "janv", "Dez", "сент" without listing them.
const MONTHS: &[(&str, u32)] = &[
    // English
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    // German
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("feber", 2),
    ("märz", 3),
    ("maerz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    // French
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    // Spanish
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    // Italian
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    // Portuguese
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("marco", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    // Dutch
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
    // Polish (genitive, as dates are written)
    ("stycznia", 1),
    ("lutego", 2),
    ("marca", 3),
    ("kwietnia", 4),
    ("maja", 5),
    ("czerwca", 6),
    ("lipca", 7),
    ("sierpnia", 8),
    ("września", 9),
    ("października", 10),
    ("listopada", 11),
    ("grudnia", 12),
    // Russian, nominative and genitive
    ("январь", 1),
    ("января", 1),
    ("февраль", 2),
    ("февраля", 2),
    ("март", 3),
    ("марта", 3),
    ("апрель", 4),
    ("апреля", 4),
    ("май", 5),
    ("мая", 5),
    ("июнь", 6),
    ("июня", 6),
    ("июль", 7),
    ("июля", 7),
    ("август", 8),
    ("августа", 8),
    ("сентябрь", 9),
    ("сентября", 9),
    ("октябрь", 10),
    ("октября", 10),
    ("ноябрь", 11),
    ("ноября", 11),
    ("декабрь", 12),
    ("декабря", 12),
    // Ukrainian, nominative and genitive
    ("січень", 1),
    ("січня", 1),
    ("лютий", 2),
    ("лютого", 2),
    ("березень", 3),
    ("березня", 3),
    ("квітень", 4),
    ("квітня", 4),
    ("травень", 5),
    ("травня", 5),
    ("червень", 6),
    ("червня", 6),
    ("липень", 7),
    ("липня", 7),
    ("серпень", 8),
    ("серпня", 8),
    ("вересень", 9),
    ("вересня", 9),
    ("жовтень", 10),
    ("жовтня", 10),
    ("листопад", 11),
    ("листопада", 11),
    ("грудень", 12),
    ("грудня", 12),
    // Turkish
    ("ocak", 1),
    ("şubat", 2),
    ("nisan", 4),
    ("mayıs", 5),
    ("haziran", 6),
    ("temmuz", 7),
    ("ağustos", 8),
    ("eylül", 9),
    ("ekim", 10),
    ("kasım", 11),
    ("aralık", 12),
];

/// The month a word names, if any. `word` must already be lower case.
pub fn month(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    let len = word.chars().count();
    if len < 3 {
        return None;
    }
    let first = word.as_bytes()[0];
    let mut found = None;
    for &(name, m) in MONTHS {
        // One byte rules out most of the table before a string comparison.
        if name.as_bytes()[0] != first {
            continue;
        }
        if name == word {
            return Some(m);
        }
        if name.starts_with(word) {
            match found {
                None => found = Some(m),
                Some(f) if f != m => return None,
                Some(_) => {}
            }
        }
    }
    found
}

/// Offsets, in minutes east of UTC, of the zone abbreviations pages print. Ambiguous ones take
/// the reading most pages mean (IST is India, CST is US Central, BST is British Summer Time).
const ZONES: &[(&str, i32)] = &[
    ("utc", 0),
    ("gmt", 0),
    ("z", 0),
    ("ut", 0),
    ("wet", 0),
    ("west", 60),
    ("bst", 60),
    ("ist", 330),
    ("cet", 60),
    ("cest", 120),
    ("met", 60),
    ("mest", 120),
    ("mez", 60),
    ("mesz", 120),
    ("eet", 120),
    ("eest", 180),
    ("msk", 180),
    ("msd", 240),
    ("est", -300),
    ("edt", -240),
    ("cst", -360),
    ("cdt", -300),
    ("mst", -420),
    ("mdt", -360),
    ("pst", -480),
    ("pdt", -420),
    ("akst", -540),
    ("akdt", -480),
    ("hst", -600),
    ("ast", -240),
    ("adt", -180),
    ("nst", -210),
    ("ndt", -150),
    ("brt", -180),
    ("art", -180),
    ("jst", 540),
    ("kst", 540),
    ("hkt", 480),
    ("sgt", 480),
    ("pht", 480),
    ("wib", 420),
    ("ict", 420),
    ("awst", 480),
    ("acst", 570),
    ("acdt", 630),
    ("aest", 600),
    ("aedt", 660),
    ("nzst", 720),
    ("nzdt", 780),
    ("sast", 120),
    ("cat", 120),
    ("eat", 180),
    ("wat", 60),
    ("gst", 240),
    ("pkt", 300),
];

/// Offset in minutes of a zone abbreviation; `word` must be lower case.
pub fn zone(word: &str) -> Option<i32> {
    ZONES.iter().find(|(n, _)| *n == word).map(|&(_, m)| m)
}

/// Relative-time units, in minutes; a day or more resolves to a calendar day, not an instant.
pub const MINUTE: i64 = 1;
pub const HOUR: i64 = 60;
pub const DAY: i64 = 1440;
pub const WEEK: i64 = 10080;

const UNITS: &[(&str, i64)] = &[
    ("minute", MINUTE),
    ("minutes", MINUTE),
    ("min", MINUTE),
    ("mins", MINUTE),
    ("hour", HOUR),
    ("hours", HOUR),
    ("hr", HOUR),
    ("hrs", HOUR),
    ("h", HOUR),
    ("day", DAY),
    ("days", DAY),
    ("week", WEEK),
    ("weeks", WEEK),
    // German
    ("minuten", MINUTE),
    ("stunde", HOUR),
    ("stunden", HOUR),
    ("std", HOUR),
    ("tag", DAY),
    ("tagen", DAY),
    ("tage", DAY),
    ("woche", WEEK),
    ("wochen", WEEK),
    // French
    ("heure", HOUR),
    ("heures", HOUR),
    ("jour", DAY),
    ("jours", DAY),
    ("semaine", WEEK),
    ("semaines", WEEK),
    // Spanish / Portuguese / Italian
    ("minuto", MINUTE),
    ("minutos", MINUTE),
    ("minuti", MINUTE),
    ("hora", HOUR),
    ("horas", HOUR),
    ("ora", HOUR),
    ("ore", HOUR),
    ("día", DAY),
    ("días", DAY),
    ("dia", DAY),
    ("dias", DAY),
    ("giorno", DAY),
    ("giorni", DAY),
    ("semana", WEEK),
    ("semanas", WEEK),
    ("settimana", WEEK),
    ("settimane", WEEK),
    // Russian
    ("минуту", MINUTE),
    ("минуты", MINUTE),
    ("минут", MINUTE),
    ("мин", MINUTE),
    ("час", HOUR),
    ("часа", HOUR),
    ("часов", HOUR),
    ("день", DAY),
    ("дня", DAY),
    ("дней", DAY),
    ("неделю", WEEK),
    ("недели", WEEK),
    ("недель", WEEK),
    // Ukrainian
    ("хвилину", MINUTE),
    ("хвилини", MINUTE),
    ("хвилин", MINUTE),
    ("годину", HOUR),
    ("години", HOUR),
    ("годин", HOUR),
    ("дні", DAY),
    ("днів", DAY),
    ("тиждень", WEEK),
    ("тижні", WEEK),
    ("тижнів", WEEK),
];

/// Length of a relative-time unit word in minutes; `word` must be lower case.
pub fn unit(word: &str) -> Option<i64> {
    UNITS.iter().find(|(n, _)| *n == word).map(|&(_, m)| m)
}

/// Words that put a relative amount in the past when they follow it ("3 hours ago").
pub fn is_ago_after(word: &str) -> bool {
    matches!(word, "ago" | "назад" | "тому" | "fa" | "atrás")
}

/// Words that put a relative amount in the past when they precede it ("vor 2 Tagen").
pub fn is_ago_before(word: &str) -> bool {
    matches!(word, "vor" | "hace" | "há")
}

/// Days back for words such as "yesterday"; `word` must be lower case.
pub fn day_word(word: &str) -> Option<i64> {
    match word {
        "today" | "heute" | "aujourd" | "hoy" | "oggi" | "hoje" | "сегодня" | "сьогодні" => {
            Some(0)
        }
        "yesterday" | "gestern" | "hier" | "ayer" | "ieri" | "ontem" | "вчера" | "вчора" => {
            Some(1)
        }
        _ => None,
    }
}

/// Words between a date and its time of day ("5 September 2025 at 16:07", "um", "à", "в").
pub fn is_time_connector(word: &str) -> bool {
    matches!(
        word,
        "at" | "um"
            | "à"
            | "a"
            | "las"
            | "la"
            | "alle"
            | "ore"
            | "às"
            | "as"
            | "в"
            | "о"
            | "o"
            | "om"
            | "kl"
            | "klo"
            | "г"
            | "года"
            | "року"
            | "р"
            | "de"
            | "t"
            | "on"
            | "uhr"
    )
}

/// Words between parts of a spelled date ("5 de septiembre de 2025", "the 5th of May").
pub fn is_date_filler(word: &str) -> bool {
    matches!(word, "de" | "del" | "of" | "do" | "da" | "di")
}

/// Ordinal suffixes after a day number ("5th", "1er", "1º").
pub fn is_ordinal(word: &str) -> bool {
    matches!(
        word,
        "st" | "nd" | "rd" | "th" | "er" | "re" | "e" | "º" | "o" | "ª" | "η" | "-го" | "го"
    )
}

/// What a phrase in front of a date says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Published,
    Modified,
    /// Not the page's date at all: when a citation was retrieved, an event's date.
    Other,
}

/// Phrases that label the date after them. Checked against the lower-cased text just before
/// a date, so the longest and most specific entries come first.
const MARKERS: &[(&str, Marker)] = &[
    ("retrieved", Marker::Other),
    ("accessed", Marker::Other),
    ("abgerufen", Marker::Other),
    ("consulté", Marker::Other),
    ("consultado", Marker::Other),
    ("born", Marker::Other),
    ("geboren", Marker::Other),
    // Modified first: "last updated on" must not be read as "on".
    ("last updated", Marker::Modified),
    ("last modified", Marker::Modified),
    ("last edited", Marker::Modified),
    ("zuletzt bearbeitet", Marker::Modified),
    ("editiert am", Marker::Modified),
    ("updated", Marker::Modified),
    ("modified", Marker::Modified),
    ("update:", Marker::Modified),
    ("revised", Marker::Modified),
    ("aktualisiert", Marker::Modified),
    ("geändert", Marker::Modified),
    ("mis à jour", Marker::Modified),
    ("mise à jour", Marker::Modified),
    ("modifié", Marker::Modified),
    ("actualizado", Marker::Modified),
    ("actualización", Marker::Modified),
    ("aggiornato", Marker::Modified),
    ("atualizado", Marker::Modified),
    ("обновлено", Marker::Modified),
    ("обновлен", Marker::Modified),
    ("оновлено", Marker::Modified),
    ("更新", Marker::Modified),
    ("published", Marker::Published),
    ("posted", Marker::Published),
    ("written", Marker::Published),
    ("created", Marker::Published),
    ("released", Marker::Published),
    ("publication date", Marker::Published),
    ("date:", Marker::Published),
    ("veröffentlicht", Marker::Published),
    ("publiziert", Marker::Published),
    ("erschienen", Marker::Published),
    ("erstellt", Marker::Published),
    ("publié", Marker::Published),
    ("publie le", Marker::Published),
    ("mis en ligne", Marker::Published),
    ("publicado", Marker::Published),
    ("publicada", Marker::Published),
    ("pubblicato", Marker::Published),
    ("pubblicata", Marker::Published),
    ("опубликовано", Marker::Published),
    ("опубликован", Marker::Published),
    ("опубліковано", Marker::Published),
    ("дата публикации", Marker::Published),
    ("дата публікації", Marker::Published),
    ("发布", Marker::Published),
    ("發布", Marker::Published),
    ("发表", Marker::Published),
    ("公開", Marker::Published),
    ("投稿", Marker::Published),
    ("掲載", Marker::Published),
];

/// The marker that ends closest to the end of `before` (the text preceding a date), if any
/// marker occurs in its last few dozen characters.
pub fn marker_before(before: &str) -> Option<Marker> {
    let lower = before.to_lowercase();
    let mut best: Option<(usize, Marker)> = None;
    let mut generic = None;
    for &(phrase, m) in MARKERS {
        if let Some(pos) = lower.rfind(phrase) {
            // A bare "Date:" label only speaks when no more specific label precedes it
            // ("Updated: $Date: 2016/11/18 $").
            if phrase == "date:" {
                generic = Some(m);
                continue;
            }
            let end = pos + phrase.len();
            if best.is_none_or(|(b, _)| end > b) {
                best = Some((end, m));
            }
        }
    }
    best.map(|(_, m)| m).or(generic)
}

/// Copyright signs and words: a year after them is the site's, not the article's.
pub fn is_copyright(before: &str) -> bool {
    let lower = before.to_lowercase();
    lower.contains('©') || lower.contains("copyright") || lower.contains("(c)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_by_name_and_prefix() {
        assert_eq!(month("sept"), Some(9));
        assert_eq!(month("sep."), Some(9));
        assert_eq!(month("janv"), Some(1));
        assert_eq!(month("dez"), Some(12));
        assert_eq!(month("сентября"), Some(9));
        assert_eq!(month("вересня"), Some(9));
        assert_eq!(month("jui"), None);
        assert_eq!(month("ma"), None);
        assert_eq!(month("mayo"), Some(5));
    }

    #[test]
    fn markers() {
        assert_eq!(marker_before("Published on "), Some(Marker::Published));
        assert_eq!(
            marker_before("Published 3 May, last updated "),
            Some(Marker::Modified)
        );
        assert_eq!(marker_before("Veröffentlicht am "), Some(Marker::Published));
        assert_eq!(marker_before("By Jane Doe "), None);
        assert_eq!(marker_before("Date: "), Some(Marker::Published));
        assert_eq!(marker_before("Updated: $Date: "), Some(Marker::Modified));
        assert_eq!(
            marker_before("page revision: 8, last edited: "),
            Some(Marker::Modified)
        );
    }
}
