//! The shapes of what templates see (ARCHITECTURE.md §5). Each render gets one small
//! `PageContext`; lists carry summaries, never full pages.

use serde::Serialize;

/// A date as templates see it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct DateCtx {
    /// `2021-01-21`, for `<time datetime>`.
    pub iso: String,
    /// `ngày 21 tháng 01 năm 2021`.
    pub long: String,
    /// `Thứ Năm, 21/01/2021`.
    pub short: String,
}

impl DateCtx {
    /// From a civil date.
    pub fn new(d: jiff::civil::Date) -> Self {
        Self {
            iso: d.to_string(),
            long: crate::vi::date::long(d),
            short: crate::vi::date::short(d),
        }
    }
}

/// A link with a title.
#[derive(Debug, Clone, Serialize)]
pub struct LinkCtx {
    /// Text.
    pub title: String,
    /// Relative URL.
    pub url: String,
}

/// An item of the main menu.
#[derive(Debug, Clone, Serialize)]
pub struct NavItem {
    /// Text.
    pub title: String,
    /// Relative URL.
    pub url: String,
    /// `"page"` on the page itself, `"section"` on its ancestors, else null.
    pub current: Option<&'static str>,
}

/// A page in a listing.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// Title.
    pub title: String,
    /// Relative URL.
    pub url: String,
    /// Description, if any.
    pub description: Option<String>,
    /// Date, if any.
    pub date: Option<DateCtx>,
    /// Locality, if any.
    pub locality: Option<String>,
}

/// An entry of the table of contents.
#[derive(Debug, Clone, Serialize)]
pub struct TocItem {
    /// 2 or 3.
    pub level: u8,
    /// Heading id.
    pub id: String,
    /// Heading text.
    pub title: String,
}

/// A source of facts.
#[derive(Debug, Clone, Serialize, Default)]
pub struct SourceCtx {
    /// Document identifier, for documents.
    pub id: Option<String>,
    /// Title: of the web page, or the document's name (`Chỉ thị số 45-CT/TW`).
    pub title: Option<String>,
    /// Address of the web page, or relative URL of the document's page.
    pub url: Option<String>,
    /// Publisher, for web pages; issuer, for documents.
    pub publisher: Option<String>,
    /// What a registered document is about.
    pub subject: Option<String>,
    /// When a registered document was issued.
    pub date: Option<DateCtx>,
}

/// The page being rendered.
#[derive(Debug, Clone, Serialize)]
pub struct PageCtx {
    /// `home`, `section`, `page` or `404`.
    pub kind: &'static str,
    /// Title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
    /// Publication date.
    pub date: Option<DateCtx>,
    /// Last update.
    pub updated: Option<DateCtx>,
    /// Publish date.
    pub publish: Option<DateCtx>,
    /// Rendered Markdown.
    pub content: String,
    /// Headings of levels 2–3.
    pub toc: Vec<TocItem>,
    /// Tags.
    pub tags: Vec<String>,
    /// Locality.
    pub locality: Option<String>,
    /// Relative URL of the locality's page, when there is one.
    pub locality_url: Option<String>,
    /// Sources.
    pub sources: Vec<SourceCtx>,
    /// Minutes to read at ~200 words a minute, at least 1.
    pub reading_minutes: usize,
}

/// Listings of a section.
#[derive(Debug, Clone, Serialize)]
pub struct SectionCtx {
    /// Its pages, in order.
    pub pages: Vec<Summary>,
    /// Its subsections, in order.
    pub subsections: Vec<Summary>,
    /// With `group_by:`, its pages grouped by that record field (groups in data-file order).
    pub groups: Vec<GroupCtx>,
}

/// A group of a section's listing.
#[derive(Debug, Clone, Serialize)]
pub struct GroupCtx {
    /// The shared value of the field.
    pub title: String,
    /// Its pages, in the section's order.
    pub pages: Vec<Summary>,
}

/// What a page made from a data record shows besides the record itself.
#[derive(Debug, Clone, Serialize, Default)]
pub struct RecordCtx {
    /// The record's fields.
    pub fields: serde_json::Value,
    /// The data set.
    pub set: String,
    /// Documents: pages citing it in `sources:`.
    pub cited_by: Vec<Summary>,
    /// Documents: milestones it is the legal basis of (URL into the schedule page).
    pub milestones: Vec<Summary>,
    /// Localities: pages about it, newest first.
    pub pages: Vec<Summary>,
    /// Localities: its electoral units.
    pub units: Vec<Summary>,
    /// Localities: relative URL of its own Atom feed.
    pub feed_url: Option<String>,
}

/// Everything one HTML render sees besides the globals `site` and `t`.
#[derive(Debug, Clone, Serialize)]
pub struct PageContext {
    /// Relative path to the root.
    pub root: String,
    /// Relative URL of the home page.
    pub home_url: String,
    /// Relative URL of the stylesheet.
    pub css_url: String,
    /// Relative URL of the updates feed.
    pub feed_url: Option<String>,
    /// Absolute URL of this page.
    pub canonical: Option<String>,
    /// Site-absolute path of this page.
    pub current_path: String,
    /// Main menu.
    pub nav: Vec<NavItem>,
    /// From home to the parent.
    pub breadcrumbs: Vec<LinkCtx>,
    /// The page.
    pub page: PageCtx,
    /// Listings on home and section pages.
    pub section: Option<SectionCtx>,
    /// Show the table of contents.
    pub toc_enabled: bool,
    /// The latest updates, on the home page.
    pub updates: Vec<Summary>,
    /// Pages made from a data record: the record and what relates to it.
    pub record: Option<RecordCtx>,
    /// The data sets the page's `data:` asks for, by name.
    pub data: serde_json::Map<String, serde_json::Value>,
    /// Structured data (JSON-LD, one `@graph`), already safe inside `<script>`.
    pub json_ld: Option<String>,
    /// Absolute URL of the share image (Open Graph), when there is one.
    pub share_image: Option<String>,
    /// Live-reload script under `loa serve`.
    pub live_reload: Option<String>,
    /// Relative URL of the search page, when the site has search.
    pub search_url: Option<String>,
    /// On the search page: its client, index and the no-JavaScript section list.
    pub search: Option<SearchCtx>,
}

/// What the search page needs beyond a page's context.
#[derive(Debug, Clone, Serialize)]
pub struct SearchCtx {
    /// Relative URL of the client script.
    pub client_url: String,
    /// Relative URL of the index manifest, with its cache key.
    pub index_url: String,
    /// Every section's listing, in site order: the page without JavaScript.
    pub sections: Vec<LinkCtx>,
}

/// The site as every template sees it.
#[derive(Debug, Clone, Serialize)]
pub struct SiteCtx {
    /// Name.
    pub title: String,
    /// Description.
    pub description: Option<String>,
    /// Content language.
    pub language: String,
    /// Absolute base URL.
    pub base_url: Option<String>,
}

/// An Atom feed.
#[derive(Debug, Clone, Serialize)]
pub struct FeedCtx {
    /// Feed title.
    pub title: String,
    /// Feed id (absolute URL).
    pub id: String,
    /// URL of the feed itself.
    pub self_url: String,
    /// URL of the section it follows.
    pub alternate_url: String,
    /// RFC 3339.
    pub updated: String,
    /// Newest first.
    pub entries: Vec<FeedEntry>,
}

/// An entry of a feed.
#[derive(Debug, Clone, Serialize)]
pub struct FeedEntry {
    /// Title.
    pub title: String,
    /// Absolute URL.
    pub url: String,
    /// Stable id (the URL).
    pub id: String,
    /// RFC 3339.
    pub published: String,
    /// RFC 3339.
    pub updated: String,
    /// Description.
    pub summary: Option<String>,
    /// Full HTML, with absolute links.
    pub content: String,
    /// Locality.
    pub locality: Option<String>,
}

/// A sitemap entry.
#[derive(Debug, Clone, Serialize)]
pub struct SitemapEntry {
    /// Absolute URL.
    pub loc: String,
    /// `YYYY-MM-DD`.
    pub lastmod: Option<String>,
}
