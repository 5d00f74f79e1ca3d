//! Normalization for matching, with an offset map back to the original decoded text.
//!
//! The entry point is [`NormText::new`]. It converts traditional characters to simplified
//! (character for character), applies NFKC (full-width ASCII and punctuation become half-width),
//! unifies the middle dots used in transliterated names, removes the spaces that PDF extraction puts
//! between CJK characters and digits, drops page-number lines and joins lines wrapped mid-sentence.
//! Every normalized character remembers the range of original characters it came from.

use super::CharSet;
use crate::reference::Words;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

/// Normalized text plus, for each of its characters, the original character range it came from.
#[derive(Debug, Clone)]
pub struct NormText {
    text: String,
    /// Byte offset in `text` of each normalized character.
    starts: Vec<usize>,
    /// Original character range `[start, end)` of each normalized character.
    origin: Vec<(usize, usize)>,
}

/// True for CJK ideographs (and the ideographic zero).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
        || c == '〇'
}

/// Punctuation that ends a sentence or paragraph (after NFKC).
pub fn is_terminal(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | ';' | ':' | '…' | '”' | '」' | '』' | ')' | '》' | '】')
}

const DOTS: &[char] =
    &['\u{00B7}', '\u{2022}', '\u{30FB}', '\u{2027}', '\u{2219}', '\u{22C5}', '\u{FF65}', '.'];

impl NormText {
    /// Normalizes `original`.
    pub fn new(original: &str) -> Self {
        let chars = simplified_chars(original);
        let lines = split_lines(&chars);
        let width = wrap_width(&chars, &lines);
        // About one normalized character per original one: reserved once, not grown by copying.
        let mut out = Builder {
            text: String::with_capacity(original.len()),
            starts: Vec::with_capacity(chars.len()),
            origin: Vec::with_capacity(chars.len()),
        };
        // The last line kept, and how far it was indented.
        let mut previous: Option<(Range<usize>, usize)> = None;
        for line in lines {
            let trimmed = trim(&chars, line.clone());
            if trimmed.is_empty() || is_page_number(&chars[trimmed.clone()]) {
                continue;
            }
            let indent = indent_width(&chars[line.start..trimmed.start]);
            if let Some((prev, prev_indent)) = previous.take() {
                // 　　本报加德满都10月13日电 under a long subtitle: a line indented with ideographic spaces,
                // the Chinese paragraph's mark, or further than the one before, opens a paragraph (lines
                // all indented alike with spaces, as a PDF's layout gives them, do not).
                let ideographic = chars[line.start..trimmed.start].contains(&'\u{3000}');
                let opens_paragraph = ideographic || indent >= 2 && indent > prev_indent;
                if opens_paragraph || !joins(&chars[prev.clone()], &chars[trimmed.clone()], width) {
                    out.push('\n', prev.end, trimmed.start);
                }
            }
            out.push_line(&chars, trimmed.clone());
            previous = Some((trimmed, indent));
        }
        out.finish()
    }

    /// The normalized text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Maps a byte range of the normalized text to a character range of the original text.
    pub fn original_span(&self, range: Range<usize>) -> Range<usize> {
        if self.origin.is_empty() {
            return 0..0;
        }
        let first = self.char_index(range.start).min(self.origin.len() - 1);
        let last = self.char_index(range.end.max(range.start + 1) - 1).min(self.origin.len() - 1);
        self.origin[first].0..self.origin[last].1.max(self.origin[first].0)
    }

    fn char_index(&self, byte: usize) -> usize {
        match self.starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }
}

/// What traditional→simplified conversion does to one character on its own, for the characters
/// it changes (fast2s converts only 3-byte, BMP characters, each to one character).
struct Conversions {
    /// The characters converted on their own, and those converted by context.
    changed: CharSet,
    alone: HashMap<char, char>,
}

static CONVERSIONS: LazyLock<Conversions> = LazyLock::new(|| {
    // One conversion of every 3-byte character: apart from the contextual ones, which are not
    // looked up here, a character converts the same whatever its neighbours.
    let all: String = (0x800..=0xFFFF).filter_map(char::from_u32).collect();
    let alone: HashMap<char, char> =
        all.chars().zip(fast2s::convert(&all).chars()).filter(|(c, converted)| c != converted).collect();
    let changed = alone.keys().copied().chain(CONTEXTUAL.chars()).collect();
    Conversions { changed, alone }
});

/// The characters fast2s converts or keeps depending on their neighbours (its special words: 著
/// in 看著, 乾 in 乾隆 …).
const CONTEXTUAL: &str = "兒覆夥藉瞭麽幺於乾著苧闔鍾讎畫";

/// The original text as simplified characters, one output character per input character: what
/// fast2s gives for the whole text, asked only of the characters it may change (a contextual one
/// with its neighbours), since most text has none.
fn simplified_chars(original: &str) -> Vec<char> {
    let conversions = &*CONVERSIONS;
    let mut chars: Vec<char> = original.chars().collect();
    // Converted in place: a contextual character reads its neighbours as they were, so the one
    // before it is remembered before it is converted.
    let mut before: Option<char> = None;
    for i in 0..chars.len() {
        let c = chars[i];
        if conversions.changed.contains(c) {
            chars[i] = if CONTEXTUAL.contains(c) {
                let window: String = before.into_iter().chain([c]).chain(chars.get(i + 1).copied()).collect();
                fast2s::convert(&window).chars().nth(usize::from(before.is_some())).unwrap_or(c)
            } else {
                conversions.alone.get(&c).copied().unwrap_or(c)
            };
        }
        before = Some(c);
    }
    chars
}

fn split_lines(chars: &[char]) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            lines.push(start..i);
            start = i + 1;
        }
    }
    lines.push(start..chars.len());
    lines
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}' || c == '\u{200B}'
}

fn trim(chars: &[char], mut range: Range<usize>) -> Range<usize> {
    while range.start < range.end && is_space(chars[range.start]) {
        range.start += 1;
    }
    while range.end > range.start && is_space(chars[range.end - 1]) {
        range.end -= 1;
    }
    range
}

/// The dashes around a page number (`- 23 -`).
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '—' | '－' | '–')
}

/// A line that is only a page number: `23`, `- 23 -`, `第23页`.
fn is_page_number(line: &[char]) -> bool {
    // Anything but digits, dashes, 第 and 页 makes it text: most lines are told by their first character.
    let page_char = |c: &char| {
        is_space(*c)
            || c.is_ascii_digit()
            || ('０'..='９').contains(c)
            || is_dash(*c)
            || matches!(c, '第' | '页')
    };
    if !line.iter().all(page_char) {
        return false;
    }
    let s: String = line.iter().filter(|c| !is_space(**c)).collect();
    let s = s.trim_matches(is_dash);
    let s = s.strip_prefix('第').and_then(|s| s.strip_suffix('页')).unwrap_or(s);
    !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

/// The typical length of a wrapped line, when the file looks wrapped (many lines of similar length).
fn wrap_width(chars: &[char], lines: &[Range<usize>]) -> Option<usize> {
    let mut lengths: Vec<usize> =
        lines.iter().map(|l| trim(chars, l.clone()).len()).filter(|&n| n >= 10).collect();
    if lengths.len() < 8 {
        return None;
    }
    lengths.sort_unstable();
    let p75 = lengths[lengths.len() * 3 / 4];
    let near = lengths.iter().filter(|&&n| n.abs_diff(p75) <= 3).count();
    (near * 3 >= lengths.len()).then_some(p75)
}

/// How far a line's leading space indents it, in half-width columns (an ideographic space is two, a
/// tab four).
fn indent_width(lead: &[char]) -> usize {
    lead.iter()
        .map(|&c| match c {
            '\u{3000}' => 2,
            '\t' => 4,
            c if is_space(c) => 1,
            _ => 0,
        })
        .sum()
}

/// Whether a line break between `prev` and `next` is a wrap inside a sentence.
fn joins(prev: &[char], next: &[char], width: Option<usize>) -> bool {
    let Some(&last) = prev.iter().rev().find(|c| !is_space(**c)) else {
        return false;
    };
    let last = nfkc_char(last);
    if is_terminal(last) || next.starts_with(&['—', '—']) {
        return false;
    }
    if matches!(last, ',' | '、' | '，') || unclosed(prev) {
        return true;
    }
    let ends_with = |ending: &str| {
        let n = ending.chars().count();
        prev.len() >= n && prev[prev.len() - n..].iter().copied().eq(ending.chars())
    };
    // The text stage reads the embedded word lists itself (the other stages get them passed).
    if Words::embedded().document_endings.iter().any(|e| ends_with(e)) {
        return false;
    }
    let long = width.is_some_and(|w| prev.len() * 5 >= w * 4) || prev.len() >= 45;
    long && (is_cjk(last) || last.is_alphanumeric() || matches!(last, '《' | '“' | '(' | '〈'))
}

/// True when the line opens a 《title》 or a (parenthesis) it does not close.
fn unclosed(line: &[char]) -> bool {
    let count = |set: &[char]| line.iter().filter(|c| set.contains(c)).count();
    count(&['《']) > count(&['》']) || count(&['(', '（']) > count(&[')', '）'])
}

/// Characters NFKC leaves as they are, told without asking the tables: ASCII and the CJK
/// unified ideographs (extension A and the main block), which are most of any document.
fn is_nfkc_stable(c: char) -> bool {
    c.is_ascii() || ('\u{3400}'..='\u{4DBF}').contains(&c) || ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

fn nfkc_char(c: char) -> char {
    let mut it = std::iter::once(c).nfkc();
    match (it.next(), it.next()) {
        (Some(n), None) => n,
        _ => c,
    }
}

struct Builder {
    text: String,
    starts: Vec<usize>,
    origin: Vec<(usize, usize)>,
}

impl Builder {
    fn push(&mut self, c: char, start: usize, end: usize) {
        self.starts.push(self.text.len());
        self.text.push(c);
        self.origin.push((start, end));
    }

    fn last(&self) -> Option<char> {
        self.text.chars().next_back()
    }

    fn push_line(&mut self, chars: &[char], range: Range<usize>) {
        let line_start = self.text.len();
        let mut i = range.start;
        while i < range.end {
            let c = chars[i];
            if c == '\r' {
                i += 1;
                continue;
            }
            if is_space(c) {
                let run_end = (i..range.end).find(|&j| !is_space(chars[j])).unwrap_or(range.end);
                self.push_space(chars, i..run_end, line_start);
                i = run_end;
                continue;
            }
            if c == '?' && self.is_lost_dot(chars, i, range.end) {
                self.push('·', i, i + 1);
                i += 1;
                continue;
            }
            if is_nfkc_stable(c) && c != '.' {
                self.push(c, i, i + 1);
                i += 1;
                continue;
            }
            let mut normalized: Vec<char> = std::iter::once(c).nfkc().collect();
            if normalized.len() == 1 && DOTS.contains(&normalized[0]) && self.is_name_dot(chars, i, range.end)
            {
                normalized[0] = '·';
            }
            for n in normalized {
                self.push(n, i, i + 1);
            }
            i += 1;
        }
    }

    /// An ASCII `?` between two characters of transliterated names: the middle dot of a name that
    /// a conversion to a legacy encoding lost (索尼婭?甘地), not a question (日程安排?将与中方).
    fn is_lost_dot(&self, chars: &[char], i: usize, end: usize) -> bool {
        let name = |c: Option<char>| c.is_some_and(|c| Words::embedded().chars.transliteration.contains(c));
        name(self.last()) && name((i + 1 < end).then(|| chars[i + 1]))
    }

    /// A dot between two parts of a transliterated name (德·阿·梅德韦杰夫, 威廉.J.克林顿).
    fn is_name_dot(&self, chars: &[char], i: usize, end: usize) -> bool {
        let next = (i + 1..end).map(|j| nfkc_char(chars[j])).next();
        let prev = self.last();
        let part = |c: Option<char>| c.is_some_and(|c| is_cjk(c) || c.is_ascii_uppercase());
        let cjk = |c: Option<char>| c.is_some_and(is_cjk);
        part(prev) && part(next) && (cjk(prev) || cjk(next) || chars[i] != '.')
    }

    fn push_space(&mut self, chars: &[char], run: Range<usize>, line_start: usize) {
        if self.text.len() == line_start || run.end >= chars.len() {
            return;
        }
        let Some(next) = chars.get(run.end).copied().filter(|c| *c != '\n' && *c != '\r') else {
            return;
        };
        let ideographic = chars[run.clone()].iter().filter(|c| **c == '\u{3000}').count();
        let prev = self.last().unwrap_or(' ');
        let next = nfkc_char(next);
        if ideographic >= 2 {
            self.push('\n', run.start, run.end);
        } else if run.len() >= 2
            || ((prev.is_ascii_alphanumeric() || prev.is_ascii_punctuation())
                && (next.is_ascii_alphanumeric() || next.is_ascii_punctuation()))
        {
            self.push(' ', run.start, run.end);
        }
    }

    fn finish(self) -> NormText {
        NormText { text: self.text, starts: self.starts, origin: self.origin }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_told_stable_are_stable_under_nfkc() {
        let blocks = [0u32..0x80, 0x3400..0x4DC0, 0x4E00..0xA000];
        for c in blocks.into_iter().flatten().filter_map(char::from_u32) {
            assert!(is_nfkc_stable(c));
            assert_eq!(std::iter::once(c).nfkc().collect::<String>(), c.to_string(), "U+{:04X}", c as u32);
        }
        assert!(!is_nfkc_stable('，') && !is_nfkc_stable('\u{F900}'));
    }

    #[test]
    fn simplified_as_fast2s_converts_every_character_alone_and_in_context() {
        let texts = [
            "中华人民共和国和俄罗斯联邦联合声明",
            "中華人民共和國和越南社會主義共和國聯合聲明",
            "看著計畫,乾隆年間,回覆,憑藉,幺麽,樊於期,闔家,鍾書,校讎,苧麻,瞭望,甚夥,兒寬",
            "看着计划",
            "Ａ１，。",
        ];
        for text in texts {
            let expected: Vec<char> = fast2s::convert(text).chars().collect();
            assert_eq!(simplified_chars(text), expected, "{text}");
        }
        for c in (0x800..=0xFFFF).filter_map(char::from_u32) {
            let alone = c.to_string();
            assert_eq!(simplified_chars(&alone), fast2s::convert(&alone).chars().collect::<Vec<_>>());
        }
        for c in CONTEXTUAL.chars() {
            assert!(CONVERSIONS.changed.contains(c), "{c}");
        }
        assert!(!"中华人民共和国联合声明".chars().any(|c| CONVERSIONS.changed.contains(c)));
    }

    fn norm(s: &str) -> String {
        NormText::new(s).as_str().to_owned()
    }

    #[test]
    fn normalizes_forms() {
        let cases = [
            ("中華人民共和國和越南社會主義共和國聯合聲明", "中华人民共和国和越南社会主义共和国联合声明"),
            ("双方（以下称“双方”），声明如下：", "双方(以下称“双方”),声明如下:"),
            ("2019 年 6 月 5 日", "2019年6月5日"),
            ("埃马纽埃尔•马克龙", "埃马纽埃尔·马克龙"),
            ("德.阿.梅德韦杰夫", "德·阿·梅德韦杰夫"),
            ("會見了索尼婭?甘地,", "会见了索尼娅·甘地,"),
            ("你好吗?我很好", "你好吗?我很好"),
            ("日程安排?将与中方", "日程安排?将与中方"),
            ("是什么？好", "是什么?好"),
            ("威廉.J.克林顿", "威廉·J·克林顿"),
            ("U.S. policy", "U.S. policy"),
            ("一、第一段。　　二、第二段。", "一、第一段。\n二、第二段。"),
            ("十一月二十八日  北京", "十一月二十八日 北京"),
            ("中华人民共和国主席 习近平", "中华人民共和国主席习近平"),
        ];
        for (input, expected) in cases {
            assert_eq!(norm(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn joins_wrapped_lines_and_drops_page_numbers() {
        let line = "双方决心继续遵循在北京签署的《中华人民共和国主席和";
        let text =
            format!("{line}\n\n俄罗斯联邦总统关于加强全球战略稳定的联合声明》精神。\n\n23\n\n新的段落。");
        assert_eq!(
            norm(&text),
            format!("{line}俄罗斯联邦总统关于加强全球战略稳定的联合声明》精神。\n新的段落。")
        );
        let wrapped = "中华人民共和国和某国双方认为两国关系发展良好并将继续深化各\n\n";
        let text = format!("{}领域合作。", wrapped.repeat(9));
        assert!(!norm(&text).contains('\n'));
        assert_eq!(norm("标题联合声明\n\n正文开始。"), "标题联合声明\n正文开始。");
        assert_eq!(norm("携手努力，并肩前行，\n开创未来"), "携手努力,并肩前行,开创未来");
        // A long subtitle over an indented dateline: the indent opens a paragraph.
        let subtitle =
            "——国务委员兼外交部长王毅谈习近平主席赴印度出席中印领导人第二次非正式会晤并对尼泊尔进行国事访问";
        let text = format!("{subtitle}\r\n\u{3000}\u{3000}本报加德满都10月13日电");
        assert_eq!(norm(&text), format!("{subtitle}\n本报加德满都10月13日电"));
        // Lines all indented alike (a PDF's layout) still join where they wrap.
        let text = format!("  {subtitle}\n  继续上一行。");
        assert_eq!(norm(&text), format!("{subtitle}继续上一行。"));
    }

    #[test]
    fn maps_offsets_back_to_original() {
        let original = "甲\n\n乙 年 《中國》";
        let n = NormText::new(original);
        let text = n.as_str();
        let at = text.find("中国").unwrap();
        let span = n.original_span(at..at + "中国".len());
        let orig: Vec<char> = original.chars().collect();
        assert_eq!(orig[span].iter().collect::<String>(), "中國");
        for (i, _) in text.char_indices() {
            let span = n.original_span(i..i + 1);
            assert!(span.start <= span.end && span.end <= orig.len());
        }
    }
}
