//! Organizations, projects and initiatives found by pattern, for names no gazetteer lists:
//! a country or compound plus a body (蒙古国经济发展部, 中哈合作委员会), a named undertaking ending in a
//! project word (中蒙俄经济走廊, “安格连—帕普”铁路隧道, 援蒙古学校项目), and quoted or 全球…倡议 initiatives.

use super::lexicon::{Entry, Hit, Lexicon};
use super::{Key, Kind, Mention};
use crate::text::normalize::is_cjk;
use regex::Regex;
use std::sync::LazyLock;

/// Endings of bodies, longest first within each family.
const ORG_SUFFIXES: &[&str] = &[
    "政府间合作委员会",
    "合作委员会",
    "联合委员会",
    "委员会",
    "联委会",
    "分委会",
    "工作组",
    "办公厅",
    "红十字会",
    "广播电视台",
    "广播电视总台",
    "电视台",
    "通讯社",
    "科学院",
    "研究院",
    "研发中心",
    "中心",
    "银行",
    "基金会",
    "协会",
    "议会",
    "大学",
    "集团公司",
    "公司",
    "最高会议",
    "总局",
    "总署",
    "总台",
    "部",
    "局",
    "署",
    "党",
];
/// Characters that may follow a body's name (a boundary), so 部署, 部长, 局势 are not bodies.
const ORG_FOLLOW: &str = "和与同及、,。;:)“”《》在将的间为共对是也于关签代负主已等就向";
/// Endings of projects.
const PROJECT_SUFFIXES: &[&str] = &[
    "经济走廊",
    "交通走廊",
    "运输走廊",
    "铁路走廊",
    "走廊",
    "天然气管道",
    "原油管道",
    "输油管道",
    "油气管道",
    "管道",
    "铁路隧道",
    "铁路",
    "公路",
    "高速公路",
    "高铁",
    "班列",
    "无水港",
    "港",
    "口岸",
    "隧道",
    "大桥",
    "水电站",
    "核电站",
    "电站",
    "产业园",
    "工业园",
    "经济合作区",
    "合作区",
    "经济特区",
    "自由贸易区",
    "物流合作基地",
    "博览会",
    "项目",
];
/// Words that end a name on its left (a verb or connector precedes the name).
const LEFT_STOPS: &[&str] = &[
    "推进",
    "建设",
    "共建",
    "实施",
    "落实",
    "加快",
    "支持",
    "开展",
    "参与",
    "利用",
    "发挥",
    "打造",
    "深化",
    "对接",
    "推动",
    "研究",
    "开通",
    "完成",
    "运营",
    "启动",
    "修建",
    "签署",
    "包括",
    "通过",
    "经由",
    "发展",
    "加强",
    "提升",
    "扩大",
    "促进",
    "做好",
    "办好",
    "举办",
    "承办",
    "重启",
    "开工",
    "竣工",
    "建成",
    "欢迎",
    "积极",
    "继续",
    "愿",
    "将",
    "在",
    "的",
    "是",
    "为",
    "对",
    "向",
    "从",
    "等",
    "以及",
    "和",
    "与",
    "及",
    "同",
    "就",
    "关于",
    "有关",
    "其他",
    "各",
    "该",
    "这",
    "此",
    "框架内",
    "沿线",
    "合作",
];
/// Words after a quotation that make it an initiative (“远景2050”长期发展政策).
const INITIATIVE_WORDS: &[&str] =
    &["倡议", "战略", "政策", "计划", "规划", "构想", "愿景", "议程", "纲要", "方案"];

static QUOTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[“「]([^“”「」\n]{2,40})[”」]").expect("quoted"));
static GLOBAL_INITIATIVE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"全球\p{Han}{2,8}?倡议").expect("global initiative"));
static VISION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{Han}{2,12}[—-](?:19|20)\d\d$").expect("vision"));

/// Pattern-found organizations, projects and initiatives in `text`.
pub fn find(text: &str, lexicon: &Lexicon) -> Vec<Mention> {
    let hits = lexicon.find(text);
    let mut out = organizations(text, &hits, lexicon);
    out.extend(projects(text, &hits, lexicon));
    out.extend(initiatives(text));
    out
}

/// Spans that can qualify a body: a country name or a compound of one-character forms (中哈).
fn qualifiers(text: &str, hits: &[Hit], lexicon: &Lexicon) -> Vec<(usize, usize, Option<usize>)> {
    let mut spans: Vec<(usize, usize, Option<usize>)> = hits
        .iter()
        .filter_map(|h| if let Entry::Country(i) = h.entry { Some((h.start, h.end, Some(i))) } else { None })
        .collect();
    let forms = super::compounds::find(text, hits, lexicon);
    let mut i = 0;
    while i < forms.len() {
        let mut j = i;
        while j + 1 < forms.len() && forms[j + 1].start == forms[j].end && !forms[j].surface.ends_with('方')
        {
            j += 1;
        }
        if j > i {
            spans.push((forms[i].start, forms[j].end, None));
        }
        i = j + 1;
    }
    spans
}

fn organizations(text: &str, hits: &[Hit], lexicon: &Lexicon) -> Vec<Mention> {
    let mut out = Vec::new();
    for (start, body_start, country) in qualifiers(text, hits, lexicon) {
        let rest = &text[body_start..];
        let mut best: Option<usize> = None;
        for (count, (i, c)) in rest.char_indices().enumerate() {
            if count > 16
                || !(is_cjk(c) || c == '、')
                || (i > 0 && starts_with_any(&rest[i..], &["关于", "签署", "的"]))
            {
                break;
            }
            let at = &rest[..i + c.len_utf8()];
            if let Some(suffix) = ORG_SUFFIXES.iter().find(|s| at.ends_with(*s)) {
                let follow = rest[at.len()..].chars().next();
                let bounded = follow.is_none_or(|f| ORG_FOLLOW.contains(f) || !is_cjk(f));
                if bounded && at.len() > suffix.len() && !at.ends_with("、") {
                    best = Some(at.len());
                    break;
                }
            }
        }
        if let Some(len) = best {
            let end = body_start + len;
            let mut m =
                Mention::new(text, Kind::Organization, start, end, Key::Name(text[start..end].to_owned()));
            m.country = country;
            out.push(m);
        }
    }
    out
}

fn starts_with_any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.starts_with(w))
}

fn projects(text: &str, hits: &[Hit], lexicon: &Lexicon) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut last_end = 0;
    for (end_idx, _) in text.char_indices().map(|(i, c)| (i + c.len_utf8(), c)) {
        let head = &text[..end_idx];
        let Some(suffix) = PROJECT_SUFFIXES.iter().find(|s| head.ends_with(*s)) else { continue };
        // Prefer the longest name: skip a suffix that a longer suffix continues (管道 in 管道项目).
        let next = &text[end_idx..];
        if PROJECT_SUFFIXES.iter().any(|s| next.starts_with(s)) || next.starts_with("二期") {
            continue;
        }
        let suffix_start = end_idx - suffix.len();
        let start = left_edge(text, suffix_start);
        if start >= suffix_start || start < last_end {
            continue;
        }
        let name = &text[start..end_idx];
        if is_proper(name, start, hits, text, lexicon) {
            out.push(Mention::new(
                text,
                Kind::Project,
                start,
                end_idx,
                Key::Name(name.trim_matches(['“', '”']).to_owned()),
            ));
            last_end = end_idx;
        }
    }
    out
}

/// Walks left from `from` over the characters a name may hold, stopping at punctuation or a stop word.
fn left_edge(text: &str, from: usize) -> usize {
    let mut start = from;
    for (count, (i, c)) in text[..from].char_indices().rev().enumerate() {
        let allowed = is_cjk(c) || c.is_ascii_digit() || matches!(c, '—' | '-' | '“' | '”' | '(' | ')');
        if !allowed || count >= 16 || starts_with_any_end(&text[..i + c.len_utf8()], LEFT_STOPS) {
            break;
        }
        start = i;
        if c == '“' {
            break;
        }
    }
    start
}

fn starts_with_any_end(head: &str, words: &[&str]) -> bool {
    words.iter().any(|w| head.ends_with(w))
}

/// A project name must hold something proper: a country or compound, a quotation, a dash between
/// names, or begin with 援 (an aid project).
fn is_proper(name: &str, start: usize, hits: &[Hit], text: &str, lexicon: &Lexicon) -> bool {
    let end = start + name.len();
    let has_country =
        hits.iter().any(|h| matches!(h.entry, Entry::Country(_)) && h.start >= start && h.end <= end);
    let forms = super::compounds::find(name, &lexicon.find(name), lexicon);
    let _ = text;
    has_country
        || forms.len() >= 2
        || name.contains('“')
        || name.contains('—')
        || name.contains('-')
        || name.starts_with('援')
}

fn initiatives(text: &str) -> Vec<Mention> {
    let mut out = Vec::new();
    for caps in QUOTED.captures_iter(text) {
        let inner = caps.get(1).expect("quoted group");
        let after = &text[caps.get(0).expect("match").end()..];
        let window: String = after.chars().take(8).collect();
        let ends_initiative = INITIATIVE_WORDS.iter().any(|w| inner.as_str().ends_with(w));
        let followed = INITIATIVE_WORDS.iter().any(|w| window.contains(w))
            && !window.starts_with(['、', ',', '和', '与']);
        if ends_initiative || followed || VISION.is_match(inner.as_str()) {
            out.push(Mention::new(
                text,
                Kind::Initiative,
                inner.start(),
                inner.end(),
                Key::Name(inner.as_str().to_owned()),
            ));
        }
    }
    for m in GLOBAL_INITIATIVE.find_iter(text) {
        out.push(Mention::new(text, Kind::Initiative, m.start(), m.end(), Key::Name(m.as_str().to_owned())));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(text: &str) -> Vec<(Kind, String)> {
        crate::extract::extract(text)
            .into_iter()
            .filter(|m| m.kind != Kind::Country)
            .map(|m| (m.kind, m.surface))
            .collect()
    }

    #[test]
    fn finds_bodies_projects_and_initiatives() {
        let f = named("中华人民共和国商务部和蒙古国经济发展部关于建立工作组的谅解备忘录");
        assert!(f.contains(&(Kind::Organization, "蒙古国经济发展部".into())), "{f:?}");
        assert!(f.contains(&(Kind::Organization, "中华人民共和国商务部".into())), "{f:?}");
        assert!(named("双方将推进中蒙俄经济走廊建设").contains(&(Kind::Project, "中蒙俄经济走廊".into())));
        assert!(named("“安格连—帕普”铁路隧道等").contains(&(Kind::Project, "“安格连—帕普”铁路隧道".into())));
        assert!(named("在“远景2050”长期发展政策引领下").contains(&(Kind::Initiative, "远景2050".into())));
        assert!(named("支持全球发展倡议").contains(&(Kind::Initiative, "全球发展倡议".into())));
        assert!(named("中方部署工作,局势稳定").is_empty());
        assert!(!named("授予“金鹰”勋章").iter().any(|(k, _)| *k == Kind::Initiative));
    }
}
