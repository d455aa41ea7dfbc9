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

/// Parses `2021-05-23`, `2021-05-23T07:00[:00]`, `2021-05-23 07:00`, or the day-first
/// forms `23/05/2021` and `23/5/2021`. `None` for anything else or an impossible date.
pub fn parse(s: &str) -> Option<Moment> {
    let s = s.trim();
    if let Some((d, t)) = s.split_once(['T', ' ']) {
        let date = parse_day(d)?;
        let time = parse_time(t)?;
        return Some(Moment::At(date.to_datetime(time)));
    }
    parse_day(s).map(Moment::Day)
}

fn parse_day(s: &str) -> Option<Date> {
    let nums = |sep: char| -> Option<Vec<i32>> {
        let parts: Vec<&str> = s.split(sep).collect();
        if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4) {
            return None;
        }
        parts
            .iter()
            .map(|p| {
                p.chars()
                    .all(|c| c.is_ascii_digit())
                    .then(|| p.parse().ok())
                    .flatten()
            })
            .collect()
    };
    let (y, m, d) = if let Some(v) = nums('-') {
        if s.split('-').next()?.len() != 4 {
            return None;
        }
        (v[0], v[1], v[2])
    } else if let Some(v) = nums('/') {
        if s.split('/').nth(2)?.len() != 4 {
            return None;
        }
        (v[2], v[1], v[0])
    } else {
        return None;
    };
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

fn parse_time(s: &str) -> Option<Time> {
    let parts: Vec<&str> = s.split(':').collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    let mut v = [0i8; 3];
    for (slot, p) in v.iter_mut().zip(&parts) {
        if p.len() != 2 || !p.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        *slot = p.parse().ok()?;
    }
    Time::new(v[0], v[1], v[2], 0).ok()
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
        assert_eq!(parse("2021-05-23"), Some(d));
        assert_eq!(parse("23/05/2021"), Some(d));
        assert_eq!(parse("23/5/2021"), Some(d));
        assert_eq!(
            parse("2021-05-23T07:30"),
            Some(Moment::At(date(2021, 5, 23).at(7, 30, 0, 0)))
        );
        assert_eq!(parse("2021-02-30"), None);
        assert_eq!(parse("21-05-23"), None);
        assert_eq!(parse("2021-05-23T25:00"), None);
        assert_eq!(parse("hôm qua"), None);
    }
}
