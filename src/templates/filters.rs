//! The Vietnamese filters every template can use: `ngay` (long date), `ngay_ngan` (short
//! date with weekday), `gio` (time of day), `slug`, `bo_dau` (fold), `sap_xep` (Vietnamese
//! order) and `xep_ten` (ballot order of people). Dates may be a date object or text.

use crate::vi::{collate, date, fold, slugify};
use std::cmp::Ordering;
use tera::{Error, Kwargs, State, Tera, TeraResult, Value};

pub fn register(tera: &mut Tera) {
    tera.register_filter("gio", |v: &Value, _: Kwargs, _: &State| {
        let text = date_text(v)?;
        match date::parse(text) {
            Some(date::Moment::At(dt)) => Ok(date::time(dt.time())),
            _ => Err(Error::message(format!(
                "gio: `{text}` không có giờ (cần dạng `2021-05-23T07:30`)"
            ))),
        }
    });
    tera.register_filter("sap_xep", |v: &[Value], kw: Kwargs, _: &State| {
        let attribute = kw.get::<&str>("attribute")?;
        sort_values(v, |a, b| {
            Ok(collate::compare(
                text_at(a, attribute)?,
                text_at(b, attribute)?,
            ))
        })
    });
    tera.register_filter("xep_ten", |v: &[Value], kw: Kwargs, _: &State| {
        let name = kw.get::<&str>("attribute")?;
        let born = kw.get::<&str>("ngay_sinh")?;
        let person = |x: &Value| -> TeraResult<(String, Option<jiff::civil::Date>)> {
            let birth = match born.and_then(|b| x.get_from_path(b)) {
                Some(d) if !d.is_none() && !d.is_undefined() => Some(to_date(d)?),
                _ => None,
            };
            Ok((text_at(x, name)?.to_string(), birth))
        };
        sort_values(v, |a, b| {
            let (a, b) = (person(a)?, person(b)?);
            Ok(collate::compare_people((&a.0, a.1), (&b.0, b.1)))
        })
    });
    tera.register_filter("ngay", |v: &Value, _: Kwargs, _: &State| {
        to_date(v).map(date::long)
    });
    tera.register_filter("ngay_ngan", |v: &Value, _: Kwargs, _: &State| {
        to_date(v).map(date::short)
    });
    tera.register_filter("slug", |s: &str, _: Kwargs, _: &State| slugify(s));
    tera.register_filter("bo_dau", |s: &str, _: Kwargs, _: &State| fold(s));
}

fn date_text(v: &Value) -> TeraResult<&str> {
    v.get_from_path("iso")
        .and_then(Value::as_str)
        .or_else(|| v.as_str())
        .ok_or_else(|| Error::message("ngay: cần một ngày (date object hoặc chuỗi ngày)"))
}

fn to_date(v: &Value) -> TeraResult<jiff::civil::Date> {
    let text = date_text(v)?;
    date::parse(text)
        .map(|m| m.date())
        .ok_or_else(|| Error::message(format!("ngay: `{text}` không phải ngày hợp lệ")))
}

/// The text of `v` (at `attribute` when given) for sorting.
fn text_at<'v>(v: &'v Value, attribute: Option<&'v str>) -> TeraResult<&'v str> {
    let x = match attribute {
        Some(a) => v
            .get_from_path(a)
            .ok_or_else(|| Error::message(format!("sap_xep: một phần tử không có `{a}`")))?,
        None => v,
    };
    x.as_str()
        .ok_or_else(|| Error::message(format!("sap_xep: cần chuỗi, gặp {}", x.name())))
}

/// A stable sort of `v` by `cmp`, reporting the first error `cmp` meets.
fn sort_values(
    v: &[Value],
    cmp: impl Fn(&Value, &Value) -> TeraResult<Ordering>,
) -> TeraResult<Vec<Value>> {
    let mut err = None;
    let mut out = v.to_vec();
    out.sort_by(|a, b| {
        cmp(a, b).unwrap_or_else(|e| {
            err.get_or_insert(e);
            Ordering::Equal
        })
    });
    match err {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_render_vietnamese_dates_and_slugs() {
        let mut t = Tera::new();
        register(&mut t);
        t.add_raw_template(
            "x",
            "{{ d | ngay }}|{{ d | ngay_ngan }}|{{ o | ngay }}|{{ s | slug }}|{{ s | bo_dau }}",
        )
        .unwrap();
        let mut c = tera::Context::new();
        c.insert("d", "2021-05-23");
        c.insert("o", &serde_json::json!({"iso": "2021-02-05"}));
        c.insert("s", "Đắk Lắk");
        assert_eq!(
            t.render("x", &c).unwrap(),
            "ngày 23 tháng 5 năm 2021|Chủ nhật, 23/05/2021|ngày 05 tháng 02 năm 2021|dak-lak|dak lak"
        );
    }

    #[test]
    fn sorting_filters_use_vietnamese_order() {
        let mut t = Tera::new();
        register(&mut t);
        t.add_raw_template(
            "x",
            "{% for p in ps | sap_xep(attribute=\"t\") %}{{ p.t }};{% endfor %}|{{ ns | sap_xep | join(sep=\";\") }}|{% for c in cs | xep_ten(attribute=\"ten\", ngay_sinh=\"sinh\") %}{{ c.ten }} {{ c.sinh | default(value=\"-\") }};{% endfor %}|{{ \"2021-05-23T08:30\" | gio }}",
        )
        .unwrap();
        let mut c = tera::Context::new();
        c.insert(
            "ps",
            &serde_json::json!([{"t": "Bắc Giang"}, {"t": "Bạc Liêu"}, {"t": "An Giang"}]),
        );
        c.insert("ns", &["Đơn vị số 10", "Đơn vị số 2"]);
        c.insert(
            "cs",
            &serde_json::json!([
                {"ten": "Trần Văn Bình", "sinh": "01/01/1970"},
                {"ten": "Nguyễn Văn Bình", "sinh": "1980-05-02"},
                {"ten": "Lê Thị An"},
                {"ten": "Nguyễn Văn Bình", "sinh": "09/03/1975"}
            ]),
        );
        assert_eq!(
            t.render("x", &c).unwrap(),
            "An Giang;Bạc Liêu;Bắc Giang;|Đơn vị số 2;Đơn vị số 10|Lê Thị An -;Nguyễn Văn Bình 09/03/1975;Nguyễn Văn Bình 1980-05-02;Trần Văn Bình 01/01/1970;|8 giờ 30"
        );
        t.add_raw_template("bad", "{{ [1, 2] | sap_xep }}").unwrap();
        assert!(t.render("bad", &c).is_err());
    }
}
