//! Ministers' titles: the field of a ministry that stands between a country and 部长 (拉脱维亚经济部长),
//! two fields joined by 与 or 和 (自然资源与生态部长), and a ministry named before 部长 (纺织工业部部长).

use super::name_bounds::is_han;
use super::{Kind, Mention};

/// True when `gap`, the text between a country or body and `office`, lets the one qualify the other:
/// words of its government (俄罗斯联邦政府总理), 前 (新西兰前总理), and before a minister the field
/// of the ministry (拉脱维亚经济部长, 尼日利亚联邦交通部长).
pub(super) fn qualifies(gap: &str, office: &str, government_chars: &str) -> bool {
    let gap = gap.strip_suffix('前').unwrap_or(gap);
    let field = gap.trim_start_matches(|c| government_chars.contains(c));
    field.is_empty() || is_ministry_field(field, office)
}

/// True when the greeting's name at `name_start..name_end` before `office` is the second field of a
/// ministry (、自然资源与生态部长): a minister's office, after 与, 和 or 及 that follow two to four
/// characters, no leader's name, opening after a list mark or a comma.
pub(super) fn joins_fields(
    text: &str,
    name_start: usize,
    name_end: usize,
    office: &str,
    existing: &[Mention],
) -> bool {
    if !(office.ends_with("部长") || office.ends_with("大臣")) {
        return false;
    }
    let Some(lead) = text[..name_start].strip_suffix(['与', '和', '及']) else { return false };
    let field: Vec<(usize, char)> = lead
        .char_indices()
        .rev()
        .take_while(|&(_, c)| crate::text::normalize::is_cjk(c) && !"的了在是为对向".contains(c))
        .collect();
    let field_start = field.last().map_or(lead.len(), |&(i, _)| i);
    let opens = lead[..field_start].ends_with(['、', ',', ';']) || field_start == 0;
    (2..=4).contains(&field.len())
        && opens
        && is_ministry_field(&text[name_start..name_end], office)
        && !existing.iter().any(|m| m.kind == Kind::Leader && m.start < lead.len() && m.end > field_start)
}

/// A field of two to four characters before a minister's title, with no word that joins clauses, or
/// two such fields joined by 与 or 和 (国际关系与合作部长, 外交与国际合作部长).
pub(super) fn is_ministry_field(field: &str, office: &str) -> bool {
    let plain = |f: &str| {
        (2..=4).contains(&f.chars().count())
            && f.chars().all(|c| crate::text::normalize::is_cjk(c) && !"的和与同及在是为对向".contains(c))
    };
    let joined = || field.split_once(['与', '和']).is_some_and(|(a, b)| plain(a) && plain(b));
    // 中央统战部部长: a ministry named in full before 部长.
    let named = || office == "部长" && names_a_ministry(field);
    (office.ends_with("部长") || office.ends_with("大臣")) && (plain(field) || joined() || named())
}

/// True when `before` ends with a ministry's name, a field of two to six characters and 部 (纺织工业部,
/// 中央对外部), so the 部长 after it names its body. Words that join clauses end the field.
pub(super) fn names_a_ministry(before: &str) -> bool {
    let Some(lead) = before.strip_suffix('部') else { return false };
    let field = lead.chars().rev().take_while(|&c| is_han(c) && !"的了在是为向和与及同".contains(c)).count();
    (2..=6).contains(&field)
}

/// True when a minister's title before `office_start` opens with its field right after a list mark or
/// the start of a line (、交通部长陆兆福, 、卫生部长王乙康): the title names its ministry, as 外交部长 does,
/// with no country before it.
pub(super) fn field_opens_title(text: &str, office_start: usize, office: &str) -> bool {
    let before = &text[..office_start];
    let field: Vec<(usize, char)> = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_han(c) && !"的了在是为对向同兼、".contains(c))
        .take(9)
        .collect();
    let start = field.last().map_or(office_start, |&(i, _)| i);
    // After a comma the words may be an adverb (随后部长潘特): a list mark is asked for. A party
    // committee's department after its standing member (龙岩市委常委、组织部长) is a local post.
    let opens =
        start == 0 || before[..start].ends_with(['、', '\n', '兼']) && !before[..start].ends_with("常委、");
    let field = &before[start..];
    let joined = field.split_once('及').map_or(field.to_owned(), |(a, b)| format!("{a}和{b}"));
    opens && is_ministry_field(&joined, office)
}
