//! A site's own `templates/` and `static/` replace the theme's files one by one; everything
//! it does not replace still comes from the theme.

mod common;

use common::*;
use loa::diagnostics::Problem;

const PAGE: &str = "{% extends \"base.html\" %}\n{% block main -%}\n<h1 class=\"rieng\">{{ page.title }}</h1>\n<div class=\"noi-dung-rieng\">{{ page.content | safe }}</div>\n{%- endblock main %}\n";

#[test]
fn a_site_template_replaces_only_that_theme_template() {
    let s = fixture("basic");
    s.write("templates/page.html", PAGE);
    s.build_ok();
    let page = s.read("huong-dan/cu-tri/danh-sach/index.html");
    assert!(
        page.contains("<h1 class=rieng>Danh sách cử tri</h1>"),
        "{page}"
    );
    assert!(page.contains("noi-dung-rieng"));
    // base.html and its partials still come from the theme…
    assert!(page.contains("class=skip-link"));
    assert!(page.contains("breadcrumbs"));
    // …and the theme's page.html parts are gone.
    assert!(!page.contains("page-meta") && !page.contains("loa-muc-luc"));
    // Sections and the home page keep the theme's templates.
    let section = s.read("huong-dan/cu-tri/index.html");
    assert!(!section.contains("rieng"));
    assert!(section.contains("Các trang trong mục"), "{section}");
    assert!(!s.read("index.html").contains("rieng"));
    // Links made by the override resolve like the theme's.
    assert!(check_links(&s.out, "/", false).problems.is_empty());
}

#[test]
fn a_site_partial_replaces_the_theme_partial_everywhere() {
    let s = fixture("basic");
    s.write(
        "templates/partials/footer.html",
        "<footer class=\"chan-trang-rieng\"><a href=\"{{ home_url }}\">Về đầu</a></footer>\n",
    );
    s.build_ok();
    for f in html_files(&s.out) {
        let html = s.read(&f);
        assert!(html.contains("chan-trang-rieng"), "{f}");
        assert!(!html.contains("site-footer"), "{f}");
    }
}

#[test]
fn front_matter_picks_a_site_template() {
    let s = fixture("basic");
    s.write("templates/dac-biet.html", PAGE.replace("rieng", "dac-biet"));
    let p = "content/huong-dan/lich.md";
    let text = std::fs::read_to_string(s.root.join(p)).unwrap();
    s.write(
        p,
        text.replacen("---\n", "---\ntemplate: dac-biet.html\n", 1),
    );
    s.build_ok();
    assert!(
        s.read("huong-dan/lich/index.html")
            .contains("<h1 class=dac-biet>")
    );
    assert!(
        !s.read("huong-dan/cu-tri/bo-phieu/index.html")
            .contains("dac-biet")
    );

    s.write(
        p,
        text.replacen("---\n", "---\ntemplate: khong-co.html\n", 1),
    );
    let d = s.build_err();
    assert_eq!(d.0.len(), 1, "{d}");
    assert_eq!(
        d.0[0].problem,
        Problem::TemplateNotFound {
            name: "khong-co.html".into()
        }
    );
    assert_eq!(d.0[0].file.as_deref(), Some(std::path::Path::new(p)));
}

#[test]
fn site_static_files_replace_the_theme_css_and_add_files() {
    let s = fixture("basic");
    s.write("static/css/loa.css", "body {\n  color: #ff0000;\n}\n");
    s.write(
        "static/img/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
    );
    s.build_ok();
    assert_eq!(s.read("css/loa.css"), "body{color:red}");
    assert_eq!(
        s.read("img/logo.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"
    );
    // Other theme static files are still there.
    for f in tree(&repo().join("themes/default/static")).into_keys() {
        assert!(s.has(&f), "{f}");
    }
}

#[test]
fn the_theme_can_live_in_the_site_under_another_name() {
    let s = fixture("basic");
    copy_dir(&repo().join("themes/default"), &s.root.join("themes/rieng"));
    s.write(
        "themes/rieng/templates/partials/header.html",
        "<header class=\"dau-trang-rieng\"><a href=\"{{ home_url }}\">{{ site.title }}</a></header>\n",
    );
    std::fs::remove_dir_all(s.root.join("themes/default")).unwrap();
    let cfg = std::fs::read_to_string(s.root.join("site.yaml")).unwrap();
    s.write("site.yaml", cfg.replace("theme: default", "theme: rieng"));
    s.build_ok();
    assert!(s.read("index.html").contains("dau-trang-rieng"));
}
