//! One-character country forms: compounds (中俄, 中蒙俄, 哈中, 中吉乌铁路) and `X方` forms (俄方, 中方).
//!
//! A run of one-character forms counts when it includes 中 or is followed by a word that compounds
//! take (关系, 两国, 建交 …); `X方` counts unless it is an ordinary word (西方, 南方, 比方). Which country
//! an ambiguous character (乌, 巴, 土) means is decided later, from the document's context.

use super::lexicon::{Hit, Lexicon};
use super::{Key, Kind, Mention};

/// Words of the form `X方` that are not a country's side.
const NOT_SIDES: &[&str] = &[
    "西方",
    "东方",
    "南方",
    "北方",
    "比方",
    "多方",
    "地方",
    "平方",
    "立方",
    "大方",
    "前方",
    "后方",
    "上方",
    "下方",
    "官方",
    "对方",
    "各方",
    "双方",
    "一方",
    "外方",
    "另一方",
    "日方长",
];
/// Characters before 中 that make it part of another word (其中, 集中, 当中 …).
const BEFORE_ZHONG: &str = "其集空心当途暗从居期初高正之年月手家命选看打击热适折网文";
/// Words that follow a compound of country forms.
const COMPOUND_CONTEXT: &[&str] = &[
    "两国",
    "三国",
    "四国",
    "五国",
    "关系",
    "双方",
    "三方",
    "边境",
    "边界",
    "友好",
    "合作",
    "战略",
    "元首",
    "首脑",
    "建交",
    "之间",
    "贸易",
    "会谈",
    "会晤",
    "外长",
    "联合",
    "冲突",
    "战争",
    "谈判",
    "经济走廊",
    "铁路",
    "公路",
    "管道",
    "天然气",
    "原油",
    "总理",
    "政府",
    "人民",
    "友谊",
    "同盟",
    "条约",
    "协定",
    "声明",
    "公报",
    "经贸",
    "全面",
    "永久",
    "睦邻",
    "伙伴",
    "核",
    "对话",
    "交往",
    "往来",
    "互信",
    "博览会",
    "命运共同体",
];

/// Country mentions made of one-character forms, outside the spans of gazetteer `hits`.
pub fn find(text: &str, hits: &[Hit], lexicon: &Lexicon) -> Vec<Mention> {
    let covered = |byte: usize| hits.iter().any(|h| h.start <= byte && byte < h.end);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let is_form = |i: usize| lexicon.abbrev_chars.contains(&chars[i].1) && !covered(chars[i].0);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_form(i) {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < chars.len() && is_form(end) {
            end += 1;
        }
        let mut start = i;
        if chars[start].1 == '中' && start > 0 && BEFORE_ZHONG.contains(chars[start - 1].1) {
            start += 1;
        }
        let byte = |k: usize| chars.get(k).map_or(text.len(), |c| c.0);
        let mut run_end = end;
        if end < chars.len() && chars[end].1 == '方' && start < end {
            let side = &text[byte(end - 1)..byte(end + 1)];
            let before = &text[byte(start.saturating_sub(1).min(end - 1))..byte(end + 1)];
            if !NOT_SIDES.iter().any(|w| before.ends_with(w) && (w.len() > side.len() || *w == side)) {
                let mut m = Mention::new(
                    text,
                    Kind::Country,
                    byte(end - 1),
                    byte(end + 1),
                    Key::Abbrev(chars[end - 1].1),
                );
                m.surface = side.to_owned();
                out.push(m);
                run_end = end - 1;
            }
        }
        if run_end >= start + 2 {
            let run: String = chars[start..run_end].iter().map(|c| c.1).collect();
            let after = &text[byte(run_end)..];
            let followed = COMPOUND_CONTEXT.iter().any(|w| after.starts_with(w));
            if run.contains('中') || followed {
                for (k, &(_, c)) in chars.iter().enumerate().take(run_end).skip(start) {
                    out.push(Mention::new(text, Kind::Country, byte(k), byte(k + 1), Key::Abbrev(c)));
                }
            }
        }
        i = end.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(text: &str) -> Vec<String> {
        let lexicon = Lexicon::get();
        let hits = lexicon.find(text);
        find(text, &hits, lexicon).into_iter().map(|m| m.surface).collect()
    }

    #[test]
    fn compounds_and_sides() {
        let cases: &[(&str, &[&str])] = &[
            ("中蒙俄经济走廊", &["中", "蒙", "俄"]),
            ("哈中关系", &["哈", "中"]),
            ("俄方支持中方立场", &["俄方", "中方"]),
            ("美苏关系", &["美", "苏"]),
            ("其中俄方表示", &["俄方"]),
            ("西方国家和各方", &[]),
            ("集中力量", &[]),
            ("中华人民共和国", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(forms(text), expected.iter().map(|s| s.to_string()).collect::<Vec<_>>(), "{text}");
        }
    }
}
