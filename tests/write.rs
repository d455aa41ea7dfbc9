//! Writing: a failed build leaves the previous output byte-identical and no staging folder; a
//! good build swaps the new output in whole; two builds of the same site are byte-identical.

mod common;

use common::*;
use std::collections::BTreeMap;
use std::path::Path;

/// Names in the folder holding the output (to spot a leftover `.out.staging`).
fn siblings(out: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(out.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn assert_same_tree(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>) {
    assert_eq!(
        a.keys().collect::<Vec<_>>(),
        b.keys().collect::<Vec<_>>(),
        "file lists differ"
    );
    for (k, v) in a {
        assert!(b[k] == *v, "{k} differs");
    }
}

#[test]
fn a_failed_build_leaves_the_output_untouched() {
    let s = fixture("basic");
    s.build_ok();
    let before = tree(&s.out);
    assert!(before.len() > 10);
    assert_eq!(siblings(&s.out), ["out", "site"]);

    // A broken link in a new page.
    s.write(
        "content/tin-tuc/moi.md",
        "---\ntitle: \"Tin mới\"\ndate: 2021-05-30\n---\n\nXem [trang](khong-co.md).\n",
    );
    let d = s.build_err();
    assert_eq!(codes(&d), ["broken-link"]);
    assert_same_tree(&before, &tree(&s.out));
    assert_eq!(
        siblings(&s.out),
        ["out", "site"],
        "staging folder left behind"
    );

    // An unknown front-matter key.
    s.write(
        "content/tin-tuc/moi.md",
        "---\ntitle: \"Tin mới\"\ndate: 2021-05-30\ntag: [a]\n---\n\nTin.\n",
    );
    let d = s.build_err();
    assert_eq!(codes(&d), ["unknown-key"]);
    assert_same_tree(&before, &tree(&s.out));
    assert_eq!(siblings(&s.out), ["out", "site"]);

    // Fixed: the new output is swapped in whole, and nothing is left beside it.
    s.write(
        "content/tin-tuc/moi.md",
        "---\ntitle: \"Tin mới\"\ndate: 2021-05-30\ntags: [a]\n---\n\nTin.\n",
    );
    s.build_ok();
    let after = tree(&s.out);
    assert!(after.contains_key("tin-tuc/moi/index.html"));
    assert_ne!(before["tin-tuc/atom.xml"], after["tin-tuc/atom.xml"]);
    assert_eq!(siblings(&s.out), ["out", "site"]);
}

#[test]
fn files_of_the_previous_build_do_not_survive_the_swap() {
    let s = fixture("basic");
    s.build_ok();
    std::fs::write(s.out.join("rac.txt"), "left over").unwrap();
    s.remove("content/tin-tuc/hai-phong.md");
    s.build_ok();
    assert!(!s.has("rac.txt"), "stray file survived");
    assert!(
        !s.out.join("tin-tuc/hai-phong").exists(),
        "removed page survived"
    );
    assert!(s.has("tin-tuc/bac-kan/index.html"));
    assert_eq!(siblings(&s.out), ["out", "site"]);
}

#[test]
fn a_stale_staging_folder_is_replaced() {
    let s = fixture("basic");
    let staging = s.out.parent().unwrap().join(".out.staging");
    std::fs::create_dir_all(staging.join("cu")).unwrap();
    std::fs::write(staging.join("cu/index.html"), "old").unwrap();
    s.build_ok();
    assert!(!s.out.join("cu").exists());
    assert!(!staging.exists());
}

#[test]
fn the_default_output_is_public_inside_the_site() {
    let s = fixture("basic");
    let mut o = s.opts();
    o.output = None;
    loa::build(&o).unwrap();
    assert!(s.root.join("public/index.html").is_file());
    assert!(!s.root.join(".public.staging").exists());
    assert!(!s.out.exists());
}

#[test]
fn the_site_itself_is_never_used_as_output() {
    let s = fixture("basic");
    for out in [
        s.root.clone(),
        s.tmp.path().to_path_buf(),
        s.root.join("content"),
        s.root.join("themes/x"),
    ] {
        let mut o = s.opts();
        o.output = Some(out.clone());
        let d = loa::build(&o).expect_err("unsafe output accepted");
        assert_eq!(codes(&d), ["unsafe-output"], "{}", out.display());
    }
    assert!(s.root.join("content/_index.md").is_file());
    assert!(s.root.join("site.yaml").is_file());
}

#[test]
fn two_builds_are_byte_identical() {
    let s = fixture("basic");
    let mut a = s.opts();
    a.output = Some(s.tmp.path().join("a"));
    let mut b = s.opts();
    b.output = Some(s.tmp.path().join("b"));
    loa::build(&a).unwrap();
    loa::build(&b).unwrap();
    let ta = tree(&s.tmp.path().join("a"));
    assert!(ta.len() > 10);
    assert_same_tree(&ta, &tree(&s.tmp.path().join("b")));
}

#[test]
fn epoch_build_time_is_deterministic_and_in_the_site_time_zone() {
    let s = fixture("basic");
    // 2021-06-01T00:00:00+07:00.
    let midnight = 1_622_480_400;
    let mut dirs = Vec::new();
    for (name, now) in [
        ("civil", loa::BuildTime::Civil(NOW.into())),
        ("epoch1", loa::BuildTime::Epoch(midnight)),
        ("epoch2", loa::BuildTime::Epoch(midnight)),
    ] {
        let mut o = s.opts();
        o.now = now;
        o.output = Some(s.tmp.path().join(name));
        loa::build(&o).unwrap();
        dirs.push(tree(&s.tmp.path().join(name)));
    }
    assert_same_tree(&dirs[0], &dirs[1]);
    assert_same_tree(&dirs[1], &dirs[2]);

    // `publish: 2021-07-01T08:00:00` is 01:00 UTC: one second before it, still hidden.
    let publish = 1_625_101_200;
    let mut o = s.opts();
    o.now = loa::BuildTime::Epoch(publish - 1);
    loa::build(&o).unwrap();
    assert!(!s.has("tin-tuc/sap-toi/index.html"));
    o.now = loa::BuildTime::Epoch(publish);
    loa::build(&o).unwrap();
    assert!(s.has("tin-tuc/sap-toi/index.html"));
}
