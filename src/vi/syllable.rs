//! Vietnamese syllables (VIETNAMESE.md §2, §9): onset, medial, nucleus, coda and tone, and the
//! validity rules behind the `suspicious-syllable` lint.
//!
//! Input is NFC (the build normalizes everything on ingest, VIETNAMESE.md N1): every toned vowel
//! is one precomposed code point. A word written with combining marks is not recognized.
//! Words are handled case-insensitively; a "word" here is letters only, no punctuation.

/// The six tones, in the Vietnamese collation order (VIETNAMESE.md §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Tone {
    /// No mark (`a`).
    #[default]
    Ngang,
    /// Grave (`à`).
    Huyen,
    /// Hook above (`ả`).
    Hoi,
    /// Tilde (`ã`).
    Nga,
    /// Acute (`á`).
    Sac,
    /// Dot below (`ạ`).
    Nang,
}

const TONES: [Tone; 6] = {
    use Tone::*;
    [Ngang, Huyen, Hoi, Nga, Sac, Nang]
};

/// The twelve vowel letters (rows) with each tone (columns, in `Tone` order), lowercase.
const LOWER: [[char; 6]; 12] = [
    ['a', 'à', 'ả', 'ã', 'á', 'ạ'],
    ['ă', 'ằ', 'ẳ', 'ẵ', 'ắ', 'ặ'],
    ['â', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ'],
    ['e', 'è', 'ẻ', 'ẽ', 'é', 'ẹ'],
    ['ê', 'ề', 'ể', 'ễ', 'ế', 'ệ'],
    ['i', 'ì', 'ỉ', 'ĩ', 'í', 'ị'],
    ['o', 'ò', 'ỏ', 'õ', 'ó', 'ọ'],
    ['ô', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ'],
    ['ơ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ'],
    ['u', 'ù', 'ủ', 'ũ', 'ú', 'ụ'],
    ['ư', 'ừ', 'ử', 'ữ', 'ứ', 'ự'],
    ['y', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ'],
];

// Dense lookup tables from code point to vowel, built at compile time. Every letter of the two
// tables lies in U+0041..U+01B0 or U+1EA0..U+1EF9. A cell is 0 for "not a vowel", otherwise
// `(row + 1) | tone << 4 | upper << 7`.
const LO_START: u32 = 0x41;
const LO_LEN: usize = 0x1B1 - 0x41;
const HI_START: u32 = 0x1EA0;
const HI_LEN: usize = 0x1EFA - 0x1EA0;
static LO: [u8; LO_LEN] = build(LO_START);
static HI: [u8; HI_LEN] = build(HI_START);

const fn build<const N: usize>(start: u32) -> [u8; N] {
    let mut table = [0u8; N];
    let mut i = 0;
    while i < 144 {
        let (row, tone, upper) = (i / 12, i % 6, (i / 6) % 2);
        let lower = LOWER[row][tone] as u32;
        let c = if upper == 0 { lower } else { to_upper(lower) };
        if c >= start && ((c - start) as usize) < N {
            table[(c - start) as usize] =
                (row as u8 + 1) | ((tone as u8) << 4) | ((upper as u8) << 7);
        }
        i += 1;
    }
    table
}

/// The capital of a vowel letter: U+0041..U+00FF are 0x20 apart, the others are adjacent pairs.
const fn to_upper(lower: u32) -> u32 {
    lower - if lower < 0x100 { 0x20 } else { 1 }
}

/// One vowel letter split into its toneless base (a row of the tables), tone and case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Vowel {
    pub(crate) row: usize,
    pub(crate) tone: Tone,
    pub(crate) upper: bool,
}

/// Splits a precomposed Vietnamese vowel letter; `None` for anything else.
pub(crate) fn vowel(c: char) -> Option<Vowel> {
    let cp = c as u32;
    let cell = if cp >= HI_START {
        HI.get((cp - HI_START) as usize)
    } else {
        LO.get(cp.wrapping_sub(LO_START) as usize)
    };
    let cell = cell.copied().unwrap_or(0);
    if cell == 0 {
        return None;
    }
    Some(Vowel {
        row: usize::from(cell & 0x0F) - 1,
        tone: *TONES.get(usize::from((cell >> 4) & 0x07))?,
        upper: cell & 0x80 != 0,
    })
}

/// The letter of row `row` with `tone`, in upper or lower case.
pub(crate) fn vowel_char(row: usize, tone: Tone, upper: bool) -> Option<char> {
    let lower = *LOWER.get(row)?.get(tone as usize)? as u32;
    char::from_u32(if upper { to_upper(lower) } else { lower })
}

/// The lowercase toneless letter of a row (`'?'` cannot happen for rows from `vowel`).
pub(crate) fn base(row: usize) -> char {
    LOWER.get(row).map_or('?', |r| r[0])
}

/// Whether a lowercase toneless letter (from `letters`) is a vowel.
fn is_vowel(c: char) -> bool {
    vowel(c).is_some()
}

/// A consonant of the Vietnamese alphabet, lowercased (`f j w z` are not in it).
fn consonant(c: char) -> Option<char> {
    let lower = match c {
        'đ' | 'Đ' => return Some('đ'),
        c if c.is_ascii_alphabetic() => c.to_ascii_lowercase(),
        _ => return None,
    };
    "bcdghklmnpqrstvx".contains(lower).then_some(lower)
}

/// Whether `letters` spells exactly `s`.
fn is(letters: &[char], s: &str) -> bool {
    letters.iter().copied().eq(s.chars())
}

/// R1: the length of the onset of lowercase toneless letters, longest first among `ngh ng gh gi
/// qu ch kh nh ph th tr` and the single consonants (every consonant of the alphabet is one).
/// `gi` and `qu` are onsets only before a vowel (`gì` = g + i).
fn onset_len(w: &[char]) -> usize {
    match w {
        ['n', 'g', 'h', ..] => 3,
        ['n' | 'g' | 'c' | 'k' | 'p' | 't', 'h', ..] | ['n', 'g', ..] | ['t', 'r', ..] => 2,
        ['g', 'i', v, ..] | ['q', 'u', v, ..] if is_vowel(*v) => 2,
        [c, ..] if !is_vowel(*c) => 1,
        _ => 0,
    }
}

/// Codas (R2's column headings).
const CODAS: [&str; 8] = ["c", "ch", "m", "n", "ng", "nh", "p", "t"];

/// R2, copied from the spec (one line per row of its table): nucleus (with medial) and the
/// codas it allows; `-` means an open syllable (no coda) is allowed.
#[rustfmt::skip]
const NUCLEI: [(&str, &str); 24] = [
    ("a", "- c ch m n ng nh p t"),
    ("ă", "c m n ng p t"), ("â", "c m n ng p t"),
    ("e", "- c m n ng p t"),
    ("ê", "- ch m n nh p t"), ("i", "- ch m n nh p t"),
    ("o", "- c m n ng p t"), ("ô", "- c m n ng p t"),
    ("ơ", "- m n p t"),
    ("u", "- c m n ng p t"),
    ("ư", "- c m n ng t"),
    ("y", "-"),
    ("iê", "c m n ng p t"), ("ươ", "c m n ng p t"),
    ("yê", "m n ng p t"),
    ("uô", "c m n ng t"),
    ("oa", "- c ch m n ng nh p t"),
    ("oă", "c m n ng p t"),
    ("oe", "- n t"),
    ("uê", "- ch n nh t"),
    ("uâ", "n ng t"),
    ("uy", "- ch nh t"),
    ("uyê", "n t"),
    ("oo", "c ng"), // loanwords: xoong, soóc
];

/// R2: clusters that only occur in open syllables.
const OPEN_ONLY: [&str; 31] = [
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ui", "ưi", "ưu",
    "ua", "ưa", "iêu", "yêu", "uôi", "ươi", "ươu", "oai", "oay", "oeo", "uây", "uya", "uyu", "uơ",
    "oao",
];

/// R8: minority-language place names that break R2/R4 and are never flagged (lowercase).
pub const PROPER_NOUN_ALLOWLIST: &[&str] = &[
    "kạn", "đắk", "đăk", "lắk", "lăk", "kon", "krông", "kông", "pleiku", "ea", "drắk", "đrắk",
    "búk", "glong", "glei", "prông", "păh", "pưh", "plông", "ngọk", "rlấp", "tẻh",
];

const MAX_LETTERS: usize = 12;

/// A word as lowercase toneless letters plus the tone marks found on them.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Letters {
    ch: [char; MAX_LETTERS],
    len: usize,
    /// The tone of the first mark (`Ngang` if none).
    pub(crate) tone: Tone,
    /// Letter (= char) index of the first mark.
    pub(crate) tone_at: Option<usize>,
    /// How many letters carry a tone mark.
    pub(crate) marks: usize,
}

/// `None` when the word is empty, too long, or has a letter outside the Vietnamese alphabet.
fn letters(word: &str) -> Option<Letters> {
    let mut l = Letters::default();
    for (i, c) in word.chars().enumerate() {
        let lower = match vowel(c) {
            Some(v) => {
                if v.tone != Tone::Ngang && l.marks == 0 {
                    (l.tone, l.tone_at) = (v.tone, Some(i));
                }
                l.marks += usize::from(v.tone != Tone::Ngang);
                base(v.row)
            }
            None => consonant(c)?,
        };
        *l.ch.get_mut(i)? = lower;
        l.len = i + 1;
    }
    (l.len > 0).then_some(l)
}

/// A word split as (onset)(vowels)(coda), by letter (= char) index.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Shape {
    /// The letters, tone and tone-mark count.
    pub(crate) l: Letters,
    onset_end: usize,
    vowel_end: usize,
}

impl Shape {
    /// Splits `word`; `None` if it is not shaped like a syllable (the tone marks are not checked).
    pub(crate) fn of(word: &str) -> Option<Shape> {
        let l = letters(word)?;
        let w = l.ch.get(..l.len)?;
        let onset_end = onset_len(w);
        let vowel_end = onset_end
            + w.get(onset_end..)?
                .iter()
                .take_while(|&&c| is_vowel(c))
                .count();
        let coda = w.get(vowel_end..)?;
        if vowel_end == onset_end || !(coda.is_empty() || CODAS.iter().any(|c| is(coda, c))) {
            return None;
        }
        Some(Shape {
            l,
            onset_end,
            vowel_end,
        })
    }
    pub(crate) fn onset(&self) -> &[char] {
        self.l.ch.get(..self.onset_end).unwrap_or(&[])
    }
    /// The vowel letters as written after the onset (`ê` in `giếng`, `y` in `quý`).
    pub(crate) fn written(&self) -> &[char] {
        self.l.ch.get(self.onset_end..self.vowel_end).unwrap_or(&[])
    }
    pub(crate) fn coda(&self) -> &[char] {
        self.l.ch.get(self.vowel_end..self.l.len).unwrap_or(&[])
    }
    /// Letter index of the first written vowel.
    pub(crate) fn vowel_start(&self) -> usize {
        self.onset_end
    }
    /// R1: `gi` + `ê` + coda is read as `gi` + `iê` (`giếng`, `giết`).
    fn gi_ie(&self) -> bool {
        is(self.onset(), "gi") && is(self.written(), "ê") && !self.coda().is_empty()
    }
    /// The cluster looked up in R2, as a prefix plus written vowels: R1's `giê` → `iê` and R3's
    /// `qu` + X → medial u + X. `None` when `qu` is followed by something R3 has no form for.
    fn nucleus(&self) -> Option<(&'static str, &[char])> {
        let w = self.written();
        if self.gi_ie() {
            return Some(("i", w));
        }
        if !is(self.onset(), "qu") {
            return Some(("", w));
        }
        match w {
            ['a' | 'ă' | 'e', ..] => Some(("o", w)),
            ['â' | 'ê' | 'ơ' | 'y', ..] => Some(("u", w)),
            ['i'] => Some(("uy", &[])),
            _ => None,
        }
    }
}

/// Whether `prefix` followed by `rest` spells exactly `s`.
fn is2(prefix: &str, rest: &[char], s: &str) -> bool {
    prefix.chars().chain(rest.iter().copied()).eq(s.chars())
}

/// R2 (with R1/R3 applied): whether the nucleus allows this coda.
fn rhyme_ok(s: &Shape) -> bool {
    let coda = s.coda();
    // R3: `quốc` is a lexical exception (`qu` + `ô` has no medial equivalent).
    if is(s.onset(), "qu") && is(s.written(), "ô") && is(coda, "c") {
        return s.l.tone == Tone::Sac;
    }
    let open_only = |prefix: &str, rest: &[char]| {
        coda.is_empty() && OPEN_ONLY.iter().any(|o| is2(prefix, rest, o))
    };
    let mapped = s.nucleus().is_some_and(|(prefix, rest)| {
        match NUCLEI.iter().find(|(n, _)| is2(prefix, rest, n)) {
            Some((_, codas)) if coda.is_empty() => codas.starts_with('-'),
            Some((_, codas)) => codas.split(' ').any(|c| is(coda, c)),
            None => open_only(prefix, rest),
        }
    });
    // `qu` + an open-only cluster with no medial form (`quạu`, `quều`) is read as written.
    mapped || (is(s.onset(), "qu") && open_only("", s.written()))
}

/// R4/R5 spelling of onset + vowels (looked at on the written vowels).
fn bad_onset(s: &Shape) -> bool {
    let onset = s.onset();
    let w = s.written();
    let first = w.first().copied().unwrap_or('\0');
    let front = matches!(first, 'i' | 'y' | 'e' | 'ê');
    let medial = matches!(
        w,
        ['o', 'a' | 'ă' | 'e', ..] | ['u', 'â' | 'ê' | 'y' | 'ơ', ..]
    );
    let r4 = match onset {
        ['k'] => !front,
        ['g', 'h'] | ['n', 'g', 'h'] => !front || first == 'y',
        ['c'] => front || medial,
        ['g'] => matches!(first, 'e' | 'ê'),
        ['n', 'g'] => front,
        ['q'] => true,
        _ => false,
    };
    // R5: `yê` without an onset, `iê` after one (`qu` + `yê` is `uyê`).
    let r5 = if onset.is_empty() {
        matches!(w, ['i', 'ê', ..])
    } else {
        matches!(w, ['y', 'ê', ..]) && !is(onset, "qu")
    };
    r4 || r5
}

/// Where the tone mark belongs (§2), as indexes into the written vowels: one position given
/// twice, or for open `oa`/`oe`/`uy` the traditional (first) and the modern (second) one.
fn slot(written: &[char], open: bool) -> (usize, usize) {
    let find = |set: &str| written.iter().position(|&c| set.contains(c));
    if let Some(i) = find("ơ").or_else(|| find("ăâêôư")) {
        return (i, i);
    }
    match written {
        [_] => (0, 0),
        ['o', 'a' | 'e'] | ['u', 'y'] if open => (0, 1),
        [_, _] if open => (0, 0),
        _ => (1, 1),
    }
}

/// R7: the mark is on a letter other than the canonical one.
fn misplaced(s: &Shape) -> bool {
    let Some(at) = s.l.tone_at else { return false };
    let (a, b) = slot(s.written(), s.coda().is_empty());
    at != s.vowel_start() + a && at != s.vowel_start() + b
}

/// A parsed syllable (lowercased letters, tone removed from the vowels).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Syllable {
    /// The onset (`ngh`, `qu`, `gi`...), empty when there is none.
    pub onset: String,
    /// Medial + nucleus as written, toneless (`oa`, `uyê`). After the onset `gi`, a written `ê`
    /// followed by a coda is given as `iê` (R1: `giếng` = gi + iê).
    pub vowels: String,
    /// The coda (`c ch m n ng nh p t`), empty for an open syllable.
    pub coda: String,
    /// The tone (`Ngang` when there is no mark).
    pub tone: Tone,
    /// Char index, in the original word, of the letter carrying the tone mark, if any.
    pub tone_at: Option<usize>,
}

/// Parses one word (letters only; case-insensitive). `None` if it is not shaped like a
/// Vietnamese syllable at all: no vowel, a letter outside the Vietnamese alphabet, an onset or
/// coda not in the lists, vowels after the coda, or more than one tone mark.
pub fn parse(word: &str) -> Option<Syllable> {
    let s = Shape::of(word)?;
    if s.l.marks > 1 {
        return None;
    }
    let vowels = if s.gi_ie() {
        "iê".to_string()
    } else {
        s.written().iter().collect()
    };
    Some(Syllable {
        onset: s.onset().iter().collect(),
        vowels,
        coda: s.coda().iter().collect(),
        tone: s.l.tone,
        tone_at: s.l.tone_at,
    })
}

/// Why a word looks like a typo (the `suspicious-syllable` lint).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suspicion {
    /// More than one tone mark.
    TwoTones,
    /// The mark is not on the canonical letter (R7, §2).
    MisplacedTone,
    /// Nucleus/coda combination not in R2 (after R1/R3).
    UnknownRhyme,
    /// R4/R5 spelling: `k`/`gh`/`ngh`/`c`/`g`/`ng`/`q` before the wrong vowel, `iê`/`yê`.
    BadOnset,
    /// R6: a stop coda (`c ch p t`) with a tone other than sắc or nặng (ngang included).
    ToneOnStopCoda,
    /// Not shaped like a syllable (see `parse`).
    NotASyllable,
}

/// Why `word` looks like a typo, or `None` when it is a valid syllable. Checks, in order:
/// letters and shape, tone-mark count, R4/R5, R2/R3, R7, R6. Does not look at R8 (`in_scope`).
pub fn check(word: &str) -> Option<Suspicion> {
    let Some(s) = Shape::of(word) else {
        return Some(if letters(word).is_some_and(|l| l.marks > 1) {
            Suspicion::TwoTones
        } else {
            Suspicion::NotASyllable
        });
    };
    if s.l.marks > 1 {
        Some(Suspicion::TwoTones)
    } else if bad_onset(&s) {
        Some(Suspicion::BadOnset)
    } else if !rhyme_ok(&s) {
        Some(Suspicion::UnknownRhyme)
    } else if misplaced(&s) {
        Some(Suspicion::MisplacedTone)
    } else if matches!(s.coda(), ['c'] | ['c', 'h'] | ['p'] | ['t'])
        && !matches!(s.l.tone, Tone::Sac | Tone::Nang)
    {
        Some(Suspicion::ToneOnStopCoda)
    } else {
        None
    }
}

/// Whether the lint looks at this token at all (R8): it has at least one Vietnamese-specific
/// letter or mark (`đ ă â ê ô ơ ư` or any tone mark), is not ALL CAPS (two or more letters, none
/// lowercase: an abbreviation such as `ĐBQH`; a lone capital like `Ý` is in scope), and is not a
/// minority-language place name from `PROPER_NOUN_ALLOWLIST`.
pub fn in_scope(word: &str) -> bool {
    if word.is_ascii() {
        return false;
    }
    let (mut marked, mut letters, mut lower) = (false, 0usize, false);
    for c in word.chars() {
        if super::is_letter(c) {
            letters += 1;
            lower |= c.is_lowercase();
        }
        marked |= matches!(c, 'đ' | 'Đ')
            || vowel(c).is_some_and(|v| {
                v.tone != Tone::Ngang || matches!(base(v.row), 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư')
            });
    }
    marked && (lower || letters < 2) && !is_allowlisted(word)
}

/// Whether `word` (any case) is in `PROPER_NOUN_ALLOWLIST`.
pub fn is_allowlisted(word: &str) -> bool {
    // Vietnamese capitals and small letters have the same UTF-8 length: a cheap first filter.
    PROPER_NOUN_ALLOWLIST
        .iter()
        .filter(|e| e.len() == word.len())
        .any(|e| e.chars().eq(word.chars().flat_map(char::to_lowercase)))
}

/// A placement-independent key: the word lowercased with its tone mark removed from whichever
/// vowel carries it, plus the tone (the first mark's, if there are several). `hòa`, `hoà` and
/// `HÒA` have equal keys; `hoa` and `hóa` do not.
pub fn key(word: &str) -> (String, Tone) {
    let mut out = String::with_capacity(word.len());
    let mut tone = Tone::Ngang;
    for c in word.chars() {
        match vowel(c) {
            Some(v) => {
                out.push(base(v.row));
                if tone == Tone::Ngang {
                    tone = v.tone;
                }
            }
            None => out.extend(c.to_lowercase()),
        }
    }
    (out, tone)
}

#[cfg(test)]
#[path = "syllable_tests.rs"]
mod tests;
