//! Tests of `syllable.rs`: the spec's words, real civic vocabulary, and every kind of typo.

use super::*;

/// Words §2 and §9 name as valid, including loanwords and marginal rhymes.
const SPEC_WORDS: &str = "người thuở viết quốc cửa huế tuấn oái xoáy ngoẹo khuỷu khuya hoàng \
    hoạch khoét huỳnh huýt toán hòa hoà khỏe khoẻ thủy thuỷ ủy uỷ quý quà quỳnh mía của mùa túi \
    hái cáo đầu gì gìn giếng giết yên yêu tiên kiên nghiêng nghĩa nguyễn trường đường bầu cử \
    đại biểu quốc hội hội đồng nhân dân ủy ban tổ chức ứng cử viên cử tri nhiệm kỳ khóa xoong \
    soóc éc hừm quạu quều quơ quở quầy Ủy HÒA Khánh Hòa";

/// Ordinary words of election and civic text.
const CIVIC_WORDS: &str = "các cấp danh sách phiếu bỏ khu vực đơn vị thông báo kết quả kiểm \
    ngày tháng năm thời gian địa điểm giờ sáng chiều tối công việt nam quyền nghĩa vụ pháp luật \
    hiến chính phủ tỉnh thành phố huyện xã phường thị trấn thôn bản ấp mặt trận đoàn thể chủ \
    tịch phó thường trực thư ký hiệp thương giới thiệu người tự lý lịch tiểu sử trình độ học vấn \
    chuyên môn nghề nghiệp chức vụ nơi làm cơ quan quê quán tộc tôn giáo đảng sinh nữ kinh tế \
    văn hóa xã giáo dục y an ninh quốc phòng trật bảo đảm chủ bình đẳng trực tiếp bí mật phổ \
    hợp lệ không số lượng tổng được trúng đủ thiếu hủy gạch tên thẻ căn cước giấy chứng minh \
    mang theo đến đi nhà trường hướng dẫn quy định điều khoản nghị thông tư quyết chỉ thị kế \
    hoạch cáo biên niêm yết bố khiếu nại tố giải kiến xúc vận động tranh chương trình hành \
    phát biểu câu hỏi trả lời ý góp cuộc họp tục thủ hồ sơ mẫu ký đóng dấu xác nhận lưu trữ \
    tài liệu tin tuyên truyền phương tiện chí đài hình trang điện tử mạng lưới xin cảm ơn \
    trân trọng kính mời tham gia đầy đúng chấp hành nghiêm túc vì với và hoặc nhưng nếu thì là \
    có những một hai ba bốn sáu bảy tám chín mười trăm nghìn triệu cũng đã sẽ đang phải cần \
    nên trong ngoài trên dưới giữa sau trước này đó ấy mỗi từng mọi tất cả toàn nước cộng độc \
    lập do hạnh phúc khuyết tật ốm đau già yếu hòm phụ quân đội bệnh viện tạm trú đăng thuộc \
    diện xóa bổ sung sửa đổi nhầm lẫn lại lợi ích chuẩn bị trưởng tuổi đủ đoàn kết dân chủ";

fn assert_valid(words: &str) -> usize {
    let words: std::collections::HashSet<&str> = words.split_whitespace().collect();
    let bad: Vec<_> = words
        .iter()
        .filter_map(|w| check(w).map(|s| (*w, s)))
        .collect();
    assert!(bad.is_empty(), "flagged: {bad:?}");
    words.len()
}

#[test]
fn spec_words_pass() {
    assert_valid(SPEC_WORDS);
}

#[test]
fn civic_words_pass() {
    assert!(assert_valid(CIVIC_WORDS) >= 150);
}

/// Typos and non-words, after the reason each is flagged.
const FLAGGED: &str = "
    MisplacedTone: ngừơi qúy hóan cuả gịa hòang tòan QÚY mià cuạ thụân khủya
    ToneOnStopCoda: bàt bảt bãc bat têt xit gip hoàt
    TwoTones: hóà ngườí
    BadOnset: gen ka kan ghy nghy ngi cy cen coa cuy qa iên tyên ghá
    UnknownRhyme: quấc quoắt quoàng tuyn ping tout ơc uôp yêc oec uyn quôn
    NotASyllable: web email gram tivi palăng v bak zá ưrt ph Ðại";

#[test]
fn typos_are_flagged() {
    for (want, words) in FLAGGED.lines().filter_map(|l| l.trim().split_once(": ")) {
        for w in words.split(' ') {
            assert_eq!(
                check(w).map(|s| format!("{s:?}")).as_deref(),
                Some(want),
                "{w}"
            );
        }
    }
    assert_eq!(check(""), Some(Suspicion::NotASyllable));
}

#[test]
fn parses_onsets_and_clusters() {
    let p = |w| parse(w).map(|s| (s.onset, s.vowels, s.coda, s.tone, s.tone_at));
    let s = |x: &str| x.to_string();
    use Tone::*;
    let cases = [
        ("gì", ("g", "i", ""), Huyen, Some(1)),
        ("gìn", ("g", "i", "n"), Huyen, Some(1)),
        ("giếng", ("gi", "iê", "ng"), Sac, Some(2)),
        ("giữa", ("gi", "ưa", ""), Nga, Some(2)),
        ("Quốc", ("qu", "ô", "c"), Sac, Some(2)),
        ("NGƯỜI", ("ng", "ươi", ""), Huyen, Some(3)),
        ("nghiêng", ("ngh", "iê", "ng"), Ngang, None),
        ("hoà", ("h", "oa", ""), Huyen, Some(2)),
        ("qúy", ("qu", "y", ""), Sac, Some(1)),
        ("ủy", ("", "uy", ""), Hoi, Some(0)),
    ];
    for (w, (onset, vowels, coda), tone, at) in cases {
        assert_eq!(p(w), Some((s(onset), s(vowels), s(coda), tone, at)), "{w}");
    }
    for w in ["", "hóà", "web", "bak", "tivi", "str", "ngh"] {
        assert_eq!(parse(w), None, "{w}");
    }
}

#[test]
fn scope() {
    for w in ["bầu", "Ủy", "đi", "Ý", "Hòa", "ngừơi", "Đà"] {
        assert!(in_scope(w), "{w}");
    }
    for w in "bau email UBND ĐBQH HĐND ỦY Kạn ĐẮK Lắk Krông".split(' ') {
        assert!(!in_scope(w), "{w}");
    }
}

#[test]
fn vowel_table_round_trips() {
    for (row, letters) in LOWER.iter().enumerate() {
        for ((t, &l), up) in letters
            .iter()
            .enumerate()
            .flat_map(|x| [(x, false), (x, true)])
        {
            let c = if up {
                l.to_uppercase().next().unwrap_or(l)
            } else {
                l
            };
            let v = vowel(c).map(|v| (v.row, v.tone as usize, v.upper));
            assert_eq!(v, Some((row, t, up)), "{c}");
            assert_eq!(vowel_char(row, TONES[t], up), Some(c));
        }
    }
    for c in ['b', 'đ', 'Đ', 'ç', 'ñ', 'ò', 'ǹ', '\u{300}', 'ð'] {
        assert_eq!(vowel(c).is_some(), c == 'ò', "{c}");
    }
}
