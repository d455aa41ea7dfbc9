//! The Vietnamese filters every template can use: `ngay` (long date), `ngay_ngan` (short
//! date with weekday), `slug` and `bo_dau` (fold). Dates may be a date object or ISO text.

use crate::vi::{date, fold, slugify};
use tera::{Error, Kwargs, State, Tera, TeraResult, Value};

pub fn register(tera: &mut Tera) {
    tera.register_filter("ngay", |v: &Value, _: Kwargs, _: &State| {
        to_date(v).map(date::long)
    });
    tera.register_filter("ngay_ngan", |v: &Value, _: Kwargs, _: &State| {
        to_date(v).map(date::short)
    });
    tera.register_filter("slug", |s: &str, _: Kwargs, _: &State| slugify(s));
    tera.register_filter("bo_dau", |s: &str, _: Kwargs, _: &State| fold(s));
}

fn to_date(v: &Value) -> TeraResult<jiff::civil::Date> {
    let text = v
        .get_from_path("iso")
        .and_then(Value::as_str)
        .or_else(|| v.as_str())
        .ok_or_else(|| Error::message("ngay: cần một ngày (date object hoặc chuỗi ISO)"))?;
    date::parse(text)
        .map(|m| m.date())
        .ok_or_else(|| Error::message(format!("ngay: `{text}` không phải ngày hợp lệ")))
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
}
