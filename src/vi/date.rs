//! Dates the Vietnamese way: parsing ISO and day-first forms, the long form of Decree
//! 30/2020 ("ngày 05 tháng 02 năm 2021") and the short form with weekday ("Thứ Sáu, 05/03/2021").

use jiff::civil::{Date, DateTime, Time, Weekday};

/// A date as written in content: a whole day, or a moment in the site's time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Moment {
    /// A whole day.
    Day(Date),
    /// A day and a time of day (civil, in the site's time zone).
    At(DateTime),
}

impl Moment {
    /// The day.
    pub fn date(&self) -> Date {
        match self {
            Moment::Day(d) => *d,
            Moment::At(dt) => dt.date(),
        }
    }

    /// The start of the moment as a civil date-time (midnight for a whole day).
    pub fn start(&self) -> DateTime {
        match self {
            Moment::Day(d) => d.to_datetime(Time::midnight()),
            Moment::At(dt) => *dt,
        }
    }
}

/// Why a written date was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not a date in any accepted form.
    Unrecognized,
    /// Shaped like a date, but no such day exists (`30/02/2021`, month 13).
    Impossible,
    /// Month first, as in English (`03/25/2021`): impossible day-first; `swapped` is the
    /// day-first spelling that was probably meant (`25/03/2021`).
    MonthFirst {
        /// The date written day-first.
        swapped: String,
    },
    /// The reader cannot tell which is day, month or year: a two-digit year (`05/03/21`),
    /// a year first with slashes or dots (`2021/03/05`), or no year at all (`05/03`).
    Ambiguous,
}

/// Parses a date or a date and time written in content or data. Accepted, always day before
/// month: ISO `2021-05-23`, `2021-05-23T07:30[:00]`, `2021-05-23 07:30`; `23/05/2021`,
/// `23/5/2021`, `23-5-2021` (Party style), `23.05.2021`; `ngày 23 tháng 5 năm 2021`. A time
/// may follow the day: `07:30`, `7 giờ 30`, `7 giờ 30 phút`, `7h30`, or precede it with a
/// comma (`7 giờ 30, ngày 23/5/2021`).
pub fn parse_checked(s: &str) -> Result<Moment, DateError> {
    let s = s.trim();
    // ISO with a `T`.
    if let Some((d, t)) = s.split_once('T')
        && d.len() == 10
    {
        let date = parse_day(d)?;
        let time = parse_time(t).ok_or(DateError::Unrecognized)?;
        return Ok(Moment::At(date.to_datetime(time)));
    }
    let (day_text, time) = split_time(s)?;
    let date = parse_day(day_text)?;
    Ok(match time {
        Some(t) => Moment::At(date.to_datetime(t)),
        None => Moment::Day(date),
    })
}

/// `parse_checked`, without the reason.
pub fn parse(s: &str) -> Option<Moment> {
    parse_checked(s).ok()
}

/// Separates a time of day written before (with a comma) or after the date.
fn split_time(s: &str) -> Result<(&str, Option<Time>), DateError> {
    if let Some((t, d)) = s.split_once(',')
        && let Some(time) = parse_time(t.trim())
    {
        return Ok((d.trim(), Some(time)));
    }
    // The time is the last word (`07:30`, `7h30`) or starts at the last `giờ` phrase.
    if let Some(i) = s.find(" giờ") {
        let head = s[..i].trim_end();
        let start = head.rfind(' ').map_or(0, |j| j + 1);
        if start > 0
            && let Some(time) = parse_time(&s[start..])
        {
            return Ok((s[..start].trim_end().trim_end_matches(','), Some(time)));
        }
    }
    if let Some((d, t)) = s.rsplit_once(' ')
        && t.contains([':', 'h'])
        && !d.trim_end().ends_with("năm")
    {
        let time = parse_time(t).ok_or(DateError::Unrecognized)?;
        return Ok((d.trim_end().trim_end_matches(','), Some(time)));
    }
    Ok((s, None))
}

/// A day: ISO, day-first with `/`, `-` or `.`, or `ngày d tháng m năm yyyy`.
fn parse_day(s: &str) -> Result<Date, DateError> {
    let s = s.trim();
    if let Some(words) = long_form(s) {
        return words;
    }
    let sep = ['/', '-', '.']
        .into_iter()
        .find(|c| s.contains(*c))
        .ok_or(DateError::Unrecognized)?;
    let parts: Vec<&str> = s.split(sep).map(str::trim).collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(DateError::Unrecognized);
    }
    let n = |p: &str| p.parse::<i32>().map_err(|_| DateError::Unrecognized);
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 && sep == '-' => make(n(y)?, n(m)?, n(d)?),
        [y, _, _] if y.len() == 4 => Err(DateError::Ambiguous),
        [d, m, y] if y.len() == 4 && d.len() <= 2 && m.len() <= 2 => {
            let (y, m, d) = (n(y)?, n(m)?, n(d)?);
            make(y, m, d).map_err(|e| {
                if (1..=12).contains(&d) && make(y, d, m).is_ok() {
                    DateError::MonthFirst {
                        swapped: format!("{m:02}{sep}{d:02}{sep}{y}"),
                    }
                } else {
                    e
                }
            })
        }
        [d, m, y] if y.len() == 2 && d.len() <= 2 && m.len() <= 2 => Err(DateError::Ambiguous),
        [d, m] if d.len() <= 2 && m.len() <= 2 && sep != '.' => Err(DateError::Ambiguous),
        _ => Err(DateError::Unrecognized),
    }
}

/// `ngày 05 tháng 3 năm 2021` (any letter case, any spacing).
fn long_form(s: &str) -> Option<Result<Date, DateError>> {
    let lower = s.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let num = |w: &str| -> Option<i32> {
        (!w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse().ok())
            .flatten()
    };
    match words.as_slice() {
        ["ngày", d, "tháng", m, "năm", y] => Some(match (num(d), num(m), num(y)) {
            (Some(d), Some(m), Some(y)) if y >= 1000 => make(y, m, d),
            (Some(_), Some(_), Some(_)) => Err(DateError::Ambiguous),
            _ => Err(DateError::Unrecognized),
        }),
        ["ngày", _, "tháng", _] => Some(Err(DateError::Ambiguous)),
        _ => None,
    }
}

fn make(y: i32, m: i32, d: i32) -> Result<Date, DateError> {
    let y = i16::try_from(y).map_err(|_| DateError::Impossible)?;
    let m = i8::try_from(m).map_err(|_| DateError::Impossible)?;
    let d = i8::try_from(d).map_err(|_| DateError::Impossible)?;
    Date::new(y, m, d).map_err(|_| DateError::Impossible)
}

/// `07:30`, `07:30:15`, `7 giờ`, `7 giờ 30`, `7 giờ 30 phút`, `7h30`, `7h`.
fn parse_time(s: &str) -> Option<Time> {
    let s = s.trim();
    let digits = |p: &str, max_len: usize| -> Option<i8> {
        (!p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    if s.contains(':') {
        let parts: Vec<&str> = s.split(':').collect();
        if !(2..=3).contains(&parts.len()) || parts.iter().skip(1).any(|p| p.len() != 2) {
            return None;
        }
        let mut v = [0i8; 3];
        for (slot, p) in v.iter_mut().zip(&parts) {
            *slot = digits(p, 2)?;
        }
        return Time::new(v[0], v[1], v[2], 0).ok();
    }
    let (h, rest) = if let Some((h, rest)) = s.split_once("giờ") {
        (h.trim(), rest.trim().trim_end_matches("phút").trim())
    } else {
        let (h, rest) = s.split_once('h')?;
        (h, rest)
    };
    let m = if rest.is_empty() { 0 } else { digits(rest, 2)? };
    Time::new(digits(h, 2)?, m, 0, 0).ok()
}

/// A time of day the Vietnamese way (24-hour): `8 giờ 30`, `14 giờ 05`, `7 giờ`.
pub fn time(t: Time) -> String {
    if t.minute() == 0 {
        format!("{} giờ", t.hour())
    } else {
        format!("{} giờ {:02}", t.hour(), t.minute())
    }
}

/// Long form of Decree 30/2020: days below 10 and months 1–2 take a leading zero.
pub fn long(d: Date) -> String {
    let month = if d.month() <= 2 {
        format!("{:02}", d.month())
    } else {
        d.month().to_string()
    };
    format!("ngày {:02} tháng {month} năm {}", d.day(), d.year())
}

/// Short form with the weekday: `Thứ Sáu, 05/03/2021`.
pub fn short(d: Date) -> String {
    format!(
        "{}, {:02}/{:02}/{}",
        weekday(d.weekday()),
        d.day(),
        d.month(),
        d.year()
    )
}

/// The weekday as written at the start of a line: `Thứ Hai` … `Thứ Bảy`, `Chủ nhật`.
pub fn weekday(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "Thứ Hai",
        Weekday::Tuesday => "Thứ Ba",
        Weekday::Wednesday => "Thứ Tư",
        Weekday::Thursday => "Thứ Năm",
        Weekday::Friday => "Thứ Sáu",
        Weekday::Saturday => "Thứ Bảy",
        Weekday::Sunday => "Chủ nhật",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn long_form_pads_days_and_early_months() {
        assert_eq!(long(date(2021, 2, 5)), "ngày 05 tháng 02 năm 2021");
        assert_eq!(long(date(2021, 1, 21)), "ngày 21 tháng 01 năm 2021");
        assert_eq!(long(date(2021, 5, 23)), "ngày 23 tháng 5 năm 2021");
        assert_eq!(long(date(2021, 12, 1)), "ngày 01 tháng 12 năm 2021");
    }

    #[test]
    fn short_form_has_weekday() {
        assert_eq!(short(date(2021, 3, 5)), "Thứ Sáu, 05/03/2021");
        assert_eq!(short(date(2021, 5, 23)), "Chủ nhật, 23/05/2021");
    }

    #[test]
    fn parses_iso_and_day_first() {
        let d = Moment::Day(date(2021, 5, 23));
        for s in [
            "2021-05-23",
            "23/05/2021",
            "23/5/2021",
            "23-5-2021",
            "23.05.2021",
            "ngày 23 tháng 5 năm 2021",
            "Ngày 23  tháng 05 năm 2021",
        ] {
            assert_eq!(parse(s), Some(d), "{s}");
        }
        let at = Moment::At(date(2021, 5, 23).at(7, 30, 0, 0));
        for s in [
            "2021-05-23T07:30",
            "2021-05-23T07:30:00",
            "2021-05-23 07:30",
            "23/05/2021 07:30",
            "23/5/2021 7h30",
            "ngày 23 tháng 5 năm 2021 7 giờ 30",
            "7 giờ 30 phút, ngày 23 tháng 5 năm 2021",
            "7 giờ 30, 23/05/2021",
        ] {
            assert_eq!(parse(s), Some(at), "{s}");
        }
        assert_eq!(
            parse("23/05/2021 7 giờ"),
            Some(Moment::At(date(2021, 5, 23).at(7, 0, 0, 0)))
        );
    }

    #[test]
    fn refuses_impossible_and_ambiguous_dates() {
        use DateError::*;
        assert_eq!(parse_checked("2021-02-30"), Err(Impossible));
        assert_eq!(parse_checked("30/02/2021"), Err(Impossible));
        assert_eq!(parse_checked("ngày 32 tháng 1 năm 2021"), Err(Impossible));
        assert_eq!(parse_checked("13/13/2021"), Err(Impossible));
        assert_eq!(
            parse_checked("03/25/2021"),
            Err(MonthFirst {
                swapped: "25/03/2021".into()
            })
        );
        assert_eq!(parse_checked("05/03/21"), Err(Ambiguous));
        assert_eq!(parse_checked("2021/03/05"), Err(Ambiguous));
        assert_eq!(parse_checked("2021.03.05"), Err(Ambiguous));
        assert_eq!(parse_checked("05/03"), Err(Ambiguous));
        assert_eq!(parse_checked("ngày 5 tháng 3"), Err(Ambiguous));
        assert_eq!(parse_checked("21-05-23"), Err(Ambiguous));
        assert_eq!(parse_checked("2021-05-23T25:00"), Err(Unrecognized));
        assert_eq!(parse_checked("hôm qua"), Err(Unrecognized));
        assert_eq!(parse_checked(""), Err(Unrecognized));
        assert_eq!(parse_checked("23/05/2021 7 giờ 75"), Err(Unrecognized));
    }

    #[test]
    fn times_the_vietnamese_way() {
        assert_eq!(time(Time::new(8, 30, 0, 0).unwrap()), "8 giờ 30");
        assert_eq!(time(Time::new(14, 5, 0, 0).unwrap()), "14 giờ 05");
        assert_eq!(time(Time::new(7, 0, 0, 0).unwrap()), "7 giờ");
    }
}
