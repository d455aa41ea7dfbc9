//! `content/_data/schedule.yaml`: election day and the milestones around it. A milestone is
//! either `offset_days` from election day (as the law states deadlines) or a fixed `date`, so
//! moving election day moves every offset milestone with it.

use super::file::{DataFile, OneOrMany};
use crate::diagnostics::{DataProblem, Diagnostic};
use crate::yaml::Seg;
use jiff::ToSpan;
use jiff::civil::Date;
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    election_day: String,
    #[serde(default)]
    milestones: Vec<RawMilestone>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMilestone {
    id: String,
    title: String,
    #[serde(default)]
    offset_days: Option<i32>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    end_offset_days: Option<i32>,
    #[serde(default)]
    end_date: Option<String>,
    #[serde(default)]
    deadline: bool,
    #[serde(default)]
    time: Option<String>,
    #[serde(default)]
    who: Option<String>,
    #[serde(default)]
    basis: OneOrMany,
    #[serde(default)]
    note: Option<String>,
}

/// One milestone, its dates resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Milestone {
    /// Stable id (calendar UIDs, anchors).
    pub id: String,
    /// What happens.
    pub title: String,
    /// The day it happens, or its deadline, or the first day of a period.
    pub start: Date,
    /// The last day of a period.
    pub end: Option<Date>,
    /// Days from election day, when defined that way (negative: before).
    pub offset_days: Option<i32>,
    /// "No later than" this day.
    pub deadline: bool,
    /// Time of day, `HH:MM`.
    pub time: Option<String>,
    /// Who acts.
    pub who: Option<String>,
    /// Legal basis: registered document ids (checked against the register on load).
    pub basis: Vec<String>,
    /// A short remark.
    pub note: Option<String>,
    /// 1-based line of its `basis:` (or of the entry), for reference errors.
    pub basis_line: usize,
}

impl Milestone {
    /// The last day it covers.
    pub fn last_day(&self) -> Date {
        self.end.unwrap_or(self.start)
    }
}

/// Where a milestone stands at build time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Over.
    Past,
    /// Happening today (or a period that includes today).
    Now,
    /// The first one still ahead.
    Next,
    /// Further ahead.
    Upcoming,
}

/// The checked schedule, milestones in date order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    /// Election day.
    pub election_day: Date,
    /// Sorted by start date, then file order.
    pub milestones: Vec<Milestone>,
}

impl Schedule {
    /// The status of each milestone on `today`: those under way are `Now`; of those ahead, the
    /// ones on the earliest day are `Next`.
    pub fn statuses(&self, today: Date) -> Vec<Status> {
        let next_day = self
            .milestones
            .iter()
            .filter(|m| m.start > today)
            .map(|m| m.start)
            .min();
        self.milestones
            .iter()
            .map(|m| {
                if m.last_day() < today {
                    Status::Past
                } else if m.start <= today {
                    Status::Now
                } else if Some(m.start) == next_day {
                    Status::Next
                } else {
                    Status::Upcoming
                }
            })
            .collect()
    }
}

/// Parses and checks `file`.
pub fn parse(file: &DataFile<'_>) -> Result<Schedule, Vec<Diagnostic>> {
    let raw: Raw = file.parse()?;
    let election_day = file
        .date(
            &[Seg::Key("election_day")],
            "election_day",
            &raw.election_day,
        )
        .map_err(|d| vec![d])?;
    let mut errors = Vec::new();
    let mut milestones = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, r) in raw.milestones.into_iter().enumerate() {
        let path = |k: &'static str| [Seg::Key("milestones"), Seg::Index(i), Seg::Key(k)];
        let before = errors.len();
        let id = r.id.trim().to_string();
        if id.is_empty()
            || !id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            errors.push(file.error(&path("id"), DataProblem::BadId { id: id.clone() }));
        } else if let Some(first) = seen.get(&id) {
            errors.push(file.error(
                &path("id"),
                DataProblem::DuplicateId {
                    id: id.clone(),
                    first_line: *first,
                },
            ));
        } else {
            seen.insert(id.clone(), file.line(&path("id")));
        }
        if let Err(d) = file.required(&path("title"), "title", &r.title) {
            errors.push(d);
        }
        let shift = |days: i32| election_day.checked_add(days.days()).ok();
        let start = match (r.offset_days, &r.date) {
            (Some(n), None) => shift(n),
            (None, Some(d)) => match file.date(&path("date"), "date", d) {
                Ok(d) => Some(d),
                Err(d) => {
                    errors.push(d);
                    None
                }
            },
            _ => {
                let at = if r.date.is_some() { "date" } else { "id" };
                errors.push(file.error(&path(at), DataProblem::MilestoneWhen { id: id.clone() }));
                None
            }
        };
        let end = match (r.end_offset_days, &r.end_date) {
            (None, None) => None,
            (Some(n), None) => shift(n),
            (None, Some(d)) => match file.date(&path("end_date"), "end_date", d) {
                Ok(d) => Some(d),
                Err(d) => {
                    errors.push(d);
                    None
                }
            },
            (Some(_), Some(_)) => {
                errors.push(file.error(
                    &path("end_date"),
                    DataProblem::MilestoneWhen { id: id.clone() },
                ));
                None
            }
        };
        if let (Some(s), Some(e)) = (start, end)
            && e < s
        {
            let at = if r.end_date.is_some() {
                "end_date"
            } else {
                "end_offset_days"
            };
            errors.push(file.error(&path(at), DataProblem::EndBeforeStart { id: id.clone() }));
        }
        let time = match r.time.as_deref().map(str::trim) {
            None => None,
            Some(t) => match check_time(t) {
                Some(t) => Some(t),
                None => {
                    errors
                        .push(file.error(&path("time"), DataProblem::BadTime { value: t.into() }));
                    None
                }
            },
        };
        let (Some(start), true) = (start, errors.len() == before) else {
            continue;
        };
        let basis_line =
            locate_line(file, &path("basis")).unwrap_or_else(|| file.line(&path("id")));
        milestones.push(Milestone {
            id,
            title: r.title.trim().to_string(),
            start,
            end: end.filter(|e| *e != start),
            offset_days: r.offset_days,
            deadline: r.deadline,
            time,
            who: r
                .who
                .map(|w| w.trim().to_string())
                .filter(|w| !w.is_empty()),
            basis: r
                .basis
                .into_vec()
                .into_iter()
                .map(|b| crate::vi::docid::normalize(&b).unwrap_or_else(|| b.trim().to_string()))
                .collect(),
            note: r
                .note
                .map(|n| n.trim().to_string())
                .filter(|n| !n.is_empty()),
            basis_line,
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    milestones.sort_by_key(|m| m.start);
    Ok(Schedule {
        election_day,
        milestones,
    })
}

fn locate_line(file: &DataFile<'_>, path: &[Seg<'_>]) -> Option<usize> {
    crate::yaml::locate(file.text, path).map(|(l, _)| l)
}

/// `HH:MM` (24-hour, `7:00` accepted) in the form `07:00`, or `None`.
fn check_time(t: &str) -> Option<String> {
    let (h, m) = t.split_once(':')?;
    let (h, m): (u8, u8) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60 && t.len() <= 5).then(|| format!("{h:02}:{m:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn go(text: &str) -> Result<Schedule, Vec<Diagnostic>> {
        parse(&DataFile {
            rel: Path::new("content/_data/schedule.yaml"),
            text,
        })
    }

    const S: &str = "election_day: 23/05/2021\nmilestones:\n  - id: ngay-bau-cu\n    title: Ngày bầu cử\n    offset_days: 0\n  - id: uy-ban\n    title: Thành lập Ủy ban bầu cử\n    offset_days: -105\n    deadline: true\n    basis: \"85/2015/QH13\"\n  - id: quyet-dinh\n    title: Quyết định ngày bầu cử\n    date: 17/11/2020\n";

    #[test]
    fn offsets_follow_election_day_and_sort() {
        let s = go(S).unwrap();
        let ids: Vec<_> = s.milestones.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["quyet-dinh", "uy-ban", "ngay-bau-cu"]);
        assert_eq!(s.milestones[1].start.to_string(), "2021-02-07");
        assert_eq!(s.milestones[1].basis, ["85/2015/QH13"]);
        let moved = go(&S.replace("23/05/2021", "30/05/2021")).unwrap();
        assert_eq!(moved.milestones[1].start.to_string(), "2021-02-14");
        assert_eq!(moved.milestones[0].start.to_string(), "2020-11-17");
    }

    #[test]
    fn statuses_at_build_time() {
        let s = go(S).unwrap();
        let at = |d: &str| s.statuses(d.parse().unwrap());
        assert_eq!(
            at("2020-01-01"),
            [Status::Next, Status::Upcoming, Status::Upcoming]
        );
        assert_eq!(at("2021-02-07"), [Status::Past, Status::Now, Status::Next]);
        assert_eq!(at("2021-03-01"), [Status::Past, Status::Past, Status::Next]);
        assert_eq!(at("2026-01-01"), [Status::Past, Status::Past, Status::Past]);
    }

    #[test]
    fn problems_are_located() {
        let code_line = |t: &str| {
            let e = go(t).unwrap_err();
            (e[0].problem.code(), e[0].line)
        };
        assert_eq!(
            code_line(&S.replace("    offset_days: 0\n", "")),
            ("milestone-date", 3)
        );
        assert_eq!(
            code_line(&S.replace("17/11/2020", "11/17/2020")),
            ("bad-date", 13)
        );
        assert_eq!(
            code_line(&S.replace("id: uy-ban", "id: ngay-bau-cu")),
            ("duplicate-id", 6)
        );
        assert_eq!(
            code_line(&S.replace("id: uy-ban", "id: Ủy ban")),
            ("bad-id", 6)
        );
        assert_eq!(
            code_line(&S.replace("offset_days: -105", "offset_days: sớm")),
            ("bad-value", 8)
        );
        assert_eq!(
            code_line(&S.replace("deadline: true", "deadline: true\n    time: \"25:00\"")),
            ("bad-time", 10)
        );
        assert_eq!(
            code_line(&S.replace(
                "deadline: true",
                "deadline: true\n    end_offset_days: -110"
            )),
            ("end-before-start", 10)
        );
        assert_eq!(code_line("milestones: []\n"), ("bad-value", 1));
    }
}
