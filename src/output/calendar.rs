//! The schedule as an iCalendar file (`lich-bau-cu.ics`): one all-day event per milestone,
//! UIDs from the milestone ids (stable across builds and edits), DTSTAMP from the build time.

use super::ics::{Event, calendar};
use super::{Body, Output};
use crate::render::{Ctx, ICS_PATH};
use crate::site::urls::{self, Dest};

/// The calendar file, when the site has a schedule.
pub fn schedule(cx: &Ctx<'_>) -> Option<Output> {
    let site = cx.site;
    let s = site.data.schedule.as_ref()?;
    let base = site.config.base_url.as_deref();
    let host = base
        .and_then(|b| b.split("//").nth(1))
        .and_then(|r| r.split('/').next())
        .filter(|h| !h.is_empty())
        .unwrap_or("loa.invalid");
    let page = match (base, site.index.schedule_page) {
        (Some(b), Some(p)) => Some(urls::absolute(b, Dest::Page(&site.node(p).url))),
        _ => None,
    };
    let docs = &site.data.documents;
    let texts: Vec<(String, String, Option<String>)> = s
        .milestones
        .iter()
        .map(|m| {
            let mut lines = Vec::new();
            let when = match m.offset_days {
                Some(0) => Some("Ngày bầu cử".to_string()),
                Some(n) if n < 0 => Some(format!("{} ngày trước ngày bầu cử", -n)),
                Some(n) => Some(format!("{n} ngày sau ngày bầu cử")),
                None => None,
            };
            let mut first = String::new();
            if m.deadline {
                first.push_str("Chậm nhất ngày này");
            }
            if let Some(t) = &m.time {
                if first.is_empty() {
                    first.push_str(&format!("Lúc {t}"));
                } else {
                    first.push_str(&format!(", lúc {t}"));
                }
            }
            if let Some(w) = when {
                if !first.is_empty() {
                    first.push_str(". ");
                }
                first.push_str(&w);
            }
            if !first.is_empty() {
                lines.push(format!("{first}."));
            }
            if let Some(w) = &m.who {
                lines.push(format!("Thực hiện: {w}."));
            }
            let basis: Vec<String> = m
                .basis
                .iter()
                .map(|b| {
                    docs.find(b)
                        .map_or_else(|| b.clone(), |i| docs.list[i].name())
                })
                .collect();
            if !basis.is_empty() {
                lines.push(format!("Căn cứ: {}.", basis.join("; ")));
            }
            if let Some(n) = &m.note {
                lines.push(n.clone());
            }
            (
                format!("{}@{host}", m.id),
                lines.join("\n"),
                page.as_ref().map(|p| format!("{p}#loa-moc-{}", m.id)),
            )
        })
        .collect();
    let events: Vec<Event<'_>> = s
        .milestones
        .iter()
        .zip(&texts)
        .map(|(m, (uid, description, url))| Event {
            uid,
            summary: &m.title,
            description,
            start: m.start,
            end: m.last_day(),
            url: url.as_deref(),
        })
        .collect();
    let text = calendar(&site.config.title, &events, site.now.timestamp());
    Some(Output {
        path: ICS_PATH.to_string(),
        body: Body::Bytes(text.into_bytes()),
    })
}
