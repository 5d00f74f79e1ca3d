//! 《Titles》: treaties, agreements, statements and plans between parties, nested 〈titles〉, and the
//! national plans and strategies of one party (《哈萨克斯坦—2050》战略), which are initiatives.

use super::lexicon::{Entry, Lexicon};
use super::{Key, Kind, Mention};
use regex::Regex;
use std::sync::LazyLock;

static TITLE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"《([^《》\n。]{1,200})》").expect("title"));
static NESTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"〈([^〈〉\n]{1,120})〉").expect("nested title"));

/// Treaty and initiative mentions for every 《》 and 〈〉 title in `text`.
pub fn find(text: &str, lexicon: &Lexicon) -> Vec<Mention> {
    let mut out = Vec::new();
    for caps in TITLE.captures_iter(text) {
        let inner = caps.get(1).expect("title group");
        let after = &text[caps.get(0).expect("match").end()..];
        if let Some(m) = classify(text, inner.start(), inner.end(), after, lexicon) {
            out.push(m);
        }
        for nested in NESTED.captures_iter(inner.as_str()) {
            let n = nested.get(1).expect("nested group");
            let (start, end) = (inner.start() + n.start(), inner.start() + n.end());
            if let Some(m) = classify(text, start, end, "", lexicon) {
                out.push(m);
            }
        }
    }
    out
}

fn classify(text: &str, start: usize, end: usize, after: &str, lexicon: &Lexicon) -> Option<Mention> {
    let words = lexicon.words;
    let title = &text[start..end];
    // 《公约》 alone refers back to a convention named earlier: not a name of its own.
    if words.treaty_types.contains(&title) {
        return None;
    }
    if words.plan_words_after_title.iter().any(|w| after.starts_with(w)) {
        return Some(Mention::new(text, Kind::Initiative, start, end, Key::Name(title.to_owned())));
    }
    let known = lexicon.find(title).into_iter().find_map(|h| match h.entry {
        Entry::Treaty(i) if h.start == 0 && h.end == title.len() => Some(i),
        _ => None,
    });
    if let Some(i) = known {
        return Some(Mention::new(text, Kind::Treaty, start, end, Key::Treaty(i)));
    }
    if !words.treaty_types.iter().any(|t| title.contains(t)) {
        return None;
    }
    let plan = words.plan_words.iter().any(|t| strip_years(title).ends_with(t));
    if plan && parties(title, lexicon) <= 1 && !words.party_words.iter().any(|w| title.contains(w)) {
        return Some(Mention::new(text, Kind::Initiative, start, end, Key::Name(title.to_owned())));
    }
    let mut m = Mention::new(text, Kind::Treaty, start, end, Key::Name(title.to_owned()));
    describe(&mut m, text, lexicon);
    Some(m)
}

/// Fills a treaty mention's type, parties and date from its title and the words before it.
pub(super) fn describe(m: &mut Mention, text: &str, lexicon: &Lexicon) {
    let title = strip_years(&m.surface);
    m.detail.doc_type = lexicon
        .words
        .treaty_types
        .iter()
        .filter(|t| title.ends_with(*t))
        .max_by_key(|t| t.len())
        .map(|t| t.to_string());
    let hits = lexicon.find(&m.surface);
    let mut parties: Vec<Key> = hits
        .iter()
        .filter_map(|h| if let Entry::Country(i) = h.entry { Some(Key::Country(i)) } else { None })
        .collect();
    let forms = super::compounds::find(&m.surface, &hits, lexicon);
    parties.extend(forms.iter().filter(|f| !f.surface.ends_with('方')).map(|f| f.key.clone()));
    let mut seen = Vec::new();
    parties.retain(|p| {
        if seen.contains(p) {
            false
        } else {
            seen.push(p.clone());
            true
        }
    });
    m.detail.parties = parties;
    let open = if text[..m.start].ends_with('《') { m.start - '《'.len_utf8() } else { m.start };
    let before_start = text[..open].char_indices().rev().nth(29).map_or(0, |(i, _)| i);
    m.detail.date = date_before(&text[before_start..open]);
}

static SIGNED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:在\p{Han}{1,8}?)?(?:签署|签订|缔结|发表|通过|达成|批准|发布)?的?$")
        .expect("signed before")
});

/// The date that ends right before a title, possibly followed by `签署的` (2001年7月16日签署的《…》).
fn date_before(before: &str) -> Option<crate::model::Date> {
    let last = crate::text::find_dates(before).into_iter().last()?;
    let rest = &before[last.end..];
    let m = SIGNED_BEFORE.find(rest)?;
    (m.start() == 0).then_some(last.date)
}

/// The title without a trailing `(2023-2027年)` or `(二期)`.
fn strip_years(title: &str) -> &str {
    match title.rfind('(') {
        Some(i) if title.ends_with(')') => &title[..i],
        _ => title,
    }
}

/// How many distinct countries a title names.
pub fn parties(title: &str, lexicon: &Lexicon) -> usize {
    let hits = lexicon.find(title);
    let mut countries: Vec<usize> =
        hits.iter().filter_map(|h| if let Entry::Country(i) = h.entry { Some(i) } else { None }).collect();
    countries.sort_unstable();
    countries.dedup();
    let forms = super::compounds::find(title, &hits, lexicon);
    countries.len() + forms.iter().filter(|m| !m.surface.ends_with('方')).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, String)> {
        find(text, Lexicon::get()).into_iter().map(|m| (m.kind, m.surface)).collect()
    }

    #[test]
    fn classifies_titles() {
        let t = |s: &str| (Kind::Treaty, s.to_owned());
        let i = |s: &str| (Kind::Initiative, s.to_owned());
        assert_eq!(kinds("《中蒙友好合作关系条约》"), [t("中蒙友好合作关系条约")]);
        assert_eq!(
            kinds("《中华人民共和国和俄罗斯联邦关于〈中俄睦邻友好合作条约〉签署20周年的联合声明》"),
            [
                t("中华人民共和国和俄罗斯联邦关于〈中俄睦邻友好合作条约〉签署20周年的联合声明"),
                t("中俄睦邻友好合作条约")
            ]
        );
        assert_eq!(kinds("欢迎出台《哈萨克斯坦—2050》战略"), [i("哈萨克斯坦—2050")]);
        assert_eq!(kinds("《全球人工智能治理倡议》"), [i("全球人工智能治理倡议")]);
        assert_eq!(
            kinds("《中华人民共和国和乌兹别克斯坦共和国新时代全面战略伙伴关系发展规划(2023-2027年)》").len(),
            1
        );
        assert_eq!(
            kinds("《中华人民共和国和乌兹别克斯坦共和国新时代全面战略伙伴关系发展规划(2023-2027年)》")[0].0,
            Kind::Treaty
        );
        assert!(kinds("《人民日报》").is_empty());
        assert!(kinds("重申《公约》的作用").is_empty());
    }

    #[test]
    fn reads_type_parties_and_date() {
        let found =
            find("遵循2001年7月16日签署的《中华人民共和国和俄罗斯联邦睦邻友好合作条约》", Lexicon::get());
        let d = &found[0].detail;
        assert_eq!(d.doc_type.as_deref(), Some("条约"));
        assert_eq!(d.parties.len(), 2);
        assert_eq!(d.date.map(|d| d.to_string()).as_deref(), Some("2001-07-16"));
        let found = find("双方忆及1994年《中蒙友好合作关系条约》", Lexicon::get());
        assert_eq!(found[0].detail.date.map(|d| d.to_string()).as_deref(), Some("1994"));
        assert_eq!(found[0].detail.parties.len(), 2);
        let found = find("2016年以来,《中华人民共和国和越南社会主义共和国联合声明》", Lexicon::get());
        assert_eq!(found[0].detail.date, None);
    }
}
