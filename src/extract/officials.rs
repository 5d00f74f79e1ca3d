//! Whom an office makes a leader and of which country: the chair of an association or a company is
//! none (中国舞蹈家协会主席), and an envoy (驻X大使) represents the country that sends them, not X.
//!
//! The leader recognizer (`leaders.rs`) asks [`heads_no_government`] before taking the name after an
//! office, [`envoy_country`] for the country of an envoy's office, and [`abbreviated_qualifier`] for
//! the country a one-character form before an office names (以总理拉宾).

use super::lexicon::Lexicon;
use super::{Key, Kind, Mention};

/// Offices of envoys: they stand for the country that sends them, which the text names before 驻.
const ENVOY_OFFICES: [&str; 5] = ["大使", "特命全权大使", "临时代办", "总领事", "特使"];

/// Characters that may stand between the sending country and 驻 (中国前驻X大使, 我国常驻).
const ENVOY_GAP: &str = "前原新任首常政府";

/// How far (in characters) before the office 驻 may stand: 驻 + a country's or body's name.
const ENVOY_REACH: usize = 14;

/// True when the office ending at `office_start` heads a body that is no government: the text before
/// it (its qualifier, or the words right before it) ends with an association's, company's or
/// school's ending (协会, 公司, 大学), or names a village (驻村第一书记).
pub(super) fn heads_no_government(text: &str, office_start: usize, lexicon: &Lexicon) -> bool {
    let before = &text[..office_start];
    lexicon.words.not_official_bodies.iter().any(|w| before.ends_with(w))
}

/// The country an envoy's office stands for, when `office` is an envoy's (大使, 临时代办) and 驻
/// precedes it: the country named right before 驻 (德国驻华大使 → Germany), China for 我国驻 and
/// 我驻, else none. `None` when the office is no envoy's or no 驻 stands before it: the caller keeps
/// the country that qualifies the office.
pub(super) fn envoy_country(
    text: &str,
    office_start: usize,
    office: &str,
    existing: &[Mention],
    lexicon: &Lexicon,
) -> Option<Option<usize>> {
    if !ENVOY_OFFICES.contains(&office) {
        return None;
    }
    let window = text[..office_start].char_indices().rev().nth(ENVOY_REACH - 1).map_or(0, |(i, _)| i);
    let zhu = window + text[window..office_start].rfind('驻')?;
    // 驻 and the office are one phrase: no punctuation between them.
    if text[zhu..office_start].chars().any(|c| !crate::text::normalize::is_cjk(c)) {
        return None;
    }
    let mut sender_end = zhu;
    while let Some(c) = text[..sender_end].chars().next_back().filter(|c| ENVOY_GAP.contains(*c)) {
        sender_end -= c.len_utf8();
    }
    let before = &text[..sender_end];
    let china = || lexicon.gazetteer.countries.iter().position(|c| c.id == "CN");
    if before.ends_with("我国") || before.ends_with('我') {
        return Some(china());
    }
    let sender = existing
        .iter()
        .filter(|m| m.kind == Kind::Country && m.end == sender_end)
        .find_map(|m| country_of(m, lexicon));
    Some(sender)
}

/// The country a country mention names (a one-character form: the country it abbreviates first).
pub(super) fn country_of(m: &Mention, lexicon: &Lexicon) -> Option<usize> {
    match &m.key {
        Key::Country(i) => Some(*i),
        Key::Abbrev(c) => lexicon.gazetteer.countries.iter().position(|k| k.abbrev.first() == Some(c)),
        _ => m.country,
    }
}

/// Heads' and ministers' offices a one-character form may abbreviate the country of (以总理, 美国务卿);
/// not 主席 or 书记 (毛主席, 市委书记: a surname, a word).
const ABBREVIATED_OFFICES: [&str; 10] =
    ["总统", "副总统", "总理", "副总理", "首相", "外长", "外交部长", "国防部长", "国务卿", "议长"];

/// For an office `office` starting at `office_start` after a one-character form of a country (以总理拉宾,
/// 泰总理差猜, 会见以外长佩雷斯): `Some` of the country when one country has that form, `Some(None)` when
/// several do (塞: Serbia, Senegal, Cyprus …), `None` when no form stands there. The form must start a
/// word (after punctuation, a function word or a verb of greeting), as news abbreviates a foreign office.
pub(super) fn abbreviated_qualifier(
    text: &str,
    office_start: usize,
    office: &str,
    lexicon: &Lexicon,
) -> Option<Option<usize>> {
    if !ABBREVIATED_OFFICES.contains(&office) {
        return None;
    }
    let form = text[..office_start].chars().next_back()?;
    let start = office_start - form.len_utf8();
    let chars = &lexicon.words.chars;
    let opens = text[..start].chars().next_back().is_none_or(|c| super::ends_word(c, chars));
    let g = lexicon.gazetteer;
    let mut countries = g.countries.iter().enumerate().filter(|(_, k)| k.abbrev.contains(&form));
    let first = countries.next().map(|(i, _)| i);
    match (opens, first, countries.next()) {
        (true, Some(i), None) => Some(Some(i)),
        (true, Some(_), Some(_)) => Some(None),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::extract;
    use super::*;

    /// The leaders of `text` with the English name of their country.
    fn leaders(text: &str) -> Vec<(String, Option<String>)> {
        let lexicon = Lexicon::get();
        extract(text, lexicon)
            .into_iter()
            .filter(|m| m.kind == Kind::Leader)
            .map(|m| (m.surface, m.country.map(|c| lexicon.gazetteer.countries[c].en.clone())))
            .collect()
    }

    fn names(text: &str) -> Vec<String> {
        leaders(text).into_iter().map(|(n, _)| n).collect()
    }

    #[test]
    fn an_envoy_stands_for_the_country_that_sends_them() {
        let china = Some("China".to_owned());
        assert_eq!(leaders("中国驻波兰大使刘光源出席活动。"), [("刘光源".to_owned(), china.clone())]);
        assert_eq!(
            leaders("德国驻华大使约翰·施密特表示。"),
            [("约翰·施密特".to_owned(), Some("Germany".to_owned()))]
        );
        assert_eq!(leaders("我国驻智利大使王小明致辞。"), [("王小明".to_owned(), china.clone())]);
        // The next one listed is of the country the list names, not the envoy's.
        let listed = leaders("中国驻苏丹大使马新民、苏丹总统助理费萨尔·哈桑·易卜拉欣出席。");
        assert_eq!(listed[0], ("马新民".to_owned(), china.clone()));
        assert_ne!(listed[1].1, china, "{listed:?}");
        // No sending country named: none, rather than the host.
        assert_eq!(leaders("驻波兰大使刘光源出席。"), [("刘光源".to_owned(), None)]);
        // A head of government keeps the country of the office.
        assert_eq!(leaders("波兰总统杜达表示。")[0].1.as_deref(), Some("Poland"));
    }

    #[test]
    fn a_known_name_before_a_dot_is_a_given_name_unless_dotted_itself() {
        // 克里斯托弗 alone is a gazetteer name (Warren Christopher): here a Zambian minister's given name.
        let minister = extract("赞比亚部长克里斯托弗·亚卢玛表示。", Lexicon::get());
        let minister: Vec<_> = minister.iter().filter(|m| m.kind == Kind::Leader).collect();
        assert_eq!(minister.len(), 1);
        assert_eq!(minister[0].surface, "克里斯托弗·亚卢玛");
        assert!(matches!(minister[0].key, Key::Name(_)), "{minister:?}");
        let prince = extract("沙特王储穆罕默德·本·萨勒曼·阿勒沙特访华。", Lexicon::get());
        assert!(
            prince.iter().any(|m| m.kind == Kind::Leader && matches!(m.key, Key::Leader(_))),
            "{prince:?}"
        );
    }

    #[test]
    fn heads_of_associations_companies_and_villages_are_no_leaders() {
        assert!(names("中国作家协会主席李四光出席。").is_empty());
        assert!(names("英国商业俱乐部主席彼得·琼斯表示。").is_empty());
        assert!(names("驻村第一书记张大山介绍。").is_empty());
        // A chair of a state body stays a leader.
        assert_eq!(names("全国人大常委会委员长栗战书出席。"), ["栗战书"]);
    }

    #[test]
    fn words_after_an_office_are_no_name() {
        // The plural suffix, common words and 'former' are no name.
        assert!(names("第一书记们奔跑在扶贫一线。").is_empty());
        assert!(names("日本首相或即将访华。").is_empty());
        assert!(names("他与前任第一副总统会面。").is_empty());
        assert!(names("午宴原先只限于在两位政府首脑之间进行。").is_empty());
        assert!(names("法国总理预定在大学看望留学生。").is_empty());
        assert!(names("他希望爱尔兰总理关心推动议会批准协定。").is_empty());
        assert!(names("越南国家主席联袂为客人举行欢迎宴会。").is_empty());
        assert!(names("尼日利亚总统奥巴桑乔和内阁部长在舷梯下迎接。").iter().all(|n| n != "内阁"));
        // Time words and verbs after a name end it.
        assert_eq!(names("欧盟委员会主席容克去年表示。"), ["容克"]);
        assert_eq!(names("全国人大常委会秘书长杨振武作了说明。"), ["杨振武"]);
        assert_eq!(names("基督教社会联盟主席施特劳斯十七日会见了毛泽东。"), ["施特劳斯", "毛泽东"]);
        assert_eq!(names("习近平同几内亚总统孔戴互致贺电。"), ["习近平", "孔戴"]);
        assert_eq!(names("在第二副总统约瑟夫·布托雷见证下签署。"), ["约瑟夫·布托雷"]);
        assert_eq!(names("联合国副秘书长约翰·史密斯介绍说。"), ["约翰·史密斯"]);
        assert_eq!(names("联合国副秘书长约翰·史密斯感慨道。"), ["约翰·史密斯"]);
        // 大使馆 is no office followed by a name; a rank (第一书记) without its body names no leader.
        assert!(names("中国驻法国大使馆举办招待会。").is_empty());
        assert!(names("第一书记张大山带领村民致富。").is_empty());
    }

    #[test]
    fn a_country_qualifies_a_minister_across_the_field_of_the_ministry() {
        let of = |text: &str| leaders(text).into_iter().next().and_then(|(_, c)| c);
        assert_eq!(of("拉脱维亚经济部长拉尔夫斯·奈米罗出席。").as_deref(), Some("Latvia"));
        assert_eq!(of("尼日利亚联邦交通部长罗蒂米·阿马埃奇表示。").as_deref(), Some("Nigeria"));
        assert_eq!(of("新西兰前总理珍妮·希普利说。").as_deref(), Some("New Zealand"));
        // A clause between them is no field: 同 joins another party.
        assert_eq!(of("中方同日本的经济部长山田太郎会谈。"), None);
    }
}
