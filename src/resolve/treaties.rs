//! Treaty keys: the canonical key of a title (its IRI's last segment), from its parties, its
//! normalized title and, where known, its year.

use super::countries_in_title;
use crate::extract::lexicon::Lexicon;
use crate::model::{Date, Entity, EntityDetail, Kind};
use crate::vocab;

/// A document that is itself a statement, communiqué or declaration is a treaty its parties issue
/// on its `date`; `country_of` reads a one-character form in its title (中阿) as the document's
/// country.
pub fn document_treaty(
    title: &str,
    lexicon: &Lexicon,
    date: Option<Date>,
    country_of: &dyn Fn(char) -> Option<usize>,
) -> Option<Entity> {
    let title = issued_title(title, lexicon)?;
    let doc_type = lexicon.words.issued_endings.iter().find(|t| title.ends_with(*t))?;
    let parties = countries_in_title(title, lexicon);
    let key = dated(&treaty_key_in(title, lexicon, country_of), date);
    Some(Entity {
        kind: Kind::Treaty,
        iri: vocab::entity("treaty", &key),
        label_zh: issued_name(title, lexicon).to_owned(),
        label_en: None,
        wikidata: None,
        country: None,
        office: None,
        detail: EntityDetail { doc_type: Some((*doc_type).to_owned()), parties, ..EntityDetail::default() },
    })
}

/// The title of a document that is a statement its parties issue, without what a page or a
/// compilation adds after it (…联合声明(2005年), 中美联合声明中英文全文); none when it is not one.
pub fn issued_title<'t>(title: &'t str, lexicon: &Lexicon) -> Option<&'t str> {
    let mut title = title.trim();
    // A year or date in brackets at the end: (2005年), （二〇〇五年十二月九日）.
    if let Some(open) = title.rfind(['(', '（']) {
        let inside = title[open..].trim_start_matches(['(', '（']).trim_end_matches([')', '）']);
        let dated = !inside.is_empty()
            && title.ends_with([')', '）'])
            && inside.chars().all(|c| c.is_ascii_digit() || "〇零一二三四五六七八九十年月日 ".contains(c));
        if dated {
            title = title[..open].trim_end();
        }
    }
    for extra in ["全文", "中英文", "中文", "英文", "(全文)", "（全文）"] {
        title = title.strip_suffix(extra).unwrap_or(title).trim_end();
    }
    lexicon.words.issued_endings.iter().any(|t| title.ends_with(t)).then_some(title)
}

/// What an issued document is called in its title: a headline's words after the verb that issues
/// it (周恩来总理和吴努总理发表联合公报: 联合公报), or its last part after a headline's topic or parts
/// (习近平晤阿巴斯 中巴建战略伙伴关系 联合声明); else the whole title.
fn issued_name<'t>(title: &'t str, lexicon: &Lexicon) -> &'t str {
    const VERBS: [&str; 5] = ["发表", "签署", "签订", "通过", "发布"];
    // 关于通过谈判解决…的联合声明: a verb within what the title is about is part of the name.
    let after_verb = VERBS
        .iter()
        .filter_map(|v| title.rfind(v).filter(|&i| !title[..i].contains("关于")).map(|i| i + v.len()))
        .max();
    if let Some(name) = after_verb.map(|i| title[i..].trim_start_matches('了').trim()) {
        if lexicon.words.issued_endings.iter().any(|t| name.ends_with(t)) {
            return name;
        }
    }
    // 胡锦涛国事访美: 中美联合声明: a headline's topic before a colon.
    if let Some((_, name)) = title.rsplit_once([':', '：']) {
        return name.trim();
    }
    // A space before a bare 联合声明 ends a headline's parts; after a party (…俄罗斯联邦 联合声明)
    // it is a broken line within the title.
    match title.rsplit_once([' ', '\u{3000}']) {
        Some((before, last))
            if lexicon.words.issued_endings.contains(&last)
                && !lexicon.find(before).iter().any(|h| h.end == before.len()) =>
        {
            last
        }
        _ => title,
    }
}

/// A treaty key with the year it was concluded, where known: a title issued again in another year
/// (中华人民共和国和俄罗斯联邦联合声明) is another document.
pub fn dated(key: &str, date: Option<Date>) -> String {
    match date {
        Some(d) => format!("{key}-{}", d.year),
        None => key.to_owned(),
    }
}

/// The canonical key of a treaty title with one-character forms read as their first country.
pub fn treaty_key(title: &str, lexicon: &Lexicon) -> String {
    let g = lexicon.gazetteer;
    treaty_key_in(title, lexicon, &|c| g.countries.iter().position(|k| k.abbrev.first() == Some(&c)))
}

/// The canonical key of a treaty title, so short and long forms meet: each party as its
/// one-character form where that names one country only, else as its id in brackets (阿 is
/// Argentina, Algeria and others: 中阿…联合声明 of each must not meet); a compound with 中 in the
/// title (中阿, 中巴) read by `country_of`; 政府 and the connectors between parties dropped; standard
/// contractions applied.
pub fn treaty_key_in(title: &str, lexicon: &Lexicon, country_of: &dyn Fn(char) -> Option<usize>) -> String {
    let g = lexicon.gazetteer;
    let token = |i: usize| -> String {
        let c = &g.countries[i];
        match c.abbrev.first() {
            Some(&a) if g.countries.iter().filter(|k| k.abbrev.contains(&a)).count() == 1 => a.to_string(),
            _ => format!("[{}]", c.id),
        }
    };
    let mut key = String::new();
    let mut last = 0;
    for hit in lexicon.find(title) {
        if let crate::extract::lexicon::Entry::Country(i) = hit.entry {
            key.push_str(&compounds(&title[last..hit.start], lexicon, country_of, &token));
            key.push_str(&token(i));
            last = hit.end;
        }
    }
    key.push_str(&compounds(&title[last..], lexicon, country_of, &token));
    let mut key = key.replace("政府", "").replace("经济贸易", "经贸").replace("科学技术", "科技");
    let abbrev = &lexicon.abbrev_chars;
    loop {
        let chars: Vec<char> = key.chars().collect();
        let joint = (1..chars.len().saturating_sub(1)).find(|&i| {
            matches!(chars[i], '和' | '与' | '同' | '、')
                && (abbrev.contains(chars[i - 1]) || chars[i - 1] == ']')
                && (abbrev.contains(chars[i + 1]) || chars[i + 1] == '[')
        });
        match joint {
            Some(i) => key = chars[..i].iter().chain(&chars[i + 1..]).collect(),
            None => break,
        }
    }
    key
}

/// `text` with the one-character forms of each compound holding 中 written as their countries'
/// tokens (中阿 → 中[AR] in a document with Argentina).
fn compounds(
    text: &str,
    lexicon: &Lexicon,
    country_of: &dyn Fn(char) -> Option<usize>,
    token: &dyn Fn(usize) -> String,
) -> String {
    let chars: Vec<char> = text.chars().collect();
    let is_form = |k: usize| lexicon.abbrev_chars.contains(chars[k]);
    let mut out = String::new();
    let mut k = 0;
    while k < chars.len() {
        let mut end = k;
        while end < chars.len() && is_form(end) {
            end += 1;
        }
        if end - k >= 2 && chars[k..end].contains(&'中') {
            for &c in &chars[k..end] {
                match country_of(c).filter(|_| c != '中') {
                    Some(i) => out.push_str(&token(i)),
                    None => out.push(c),
                }
            }
            k = end;
        } else {
            out.push(chars[k]);
            k += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn country(lexicon: &Lexicon, id: &str) -> Option<usize> {
        lexicon.gazetteer.countries.iter().position(|c| c.id == id)
    }

    #[test]
    fn an_issued_title_is_read_without_what_pages_add() {
        let lexicon = Lexicon::get();
        let name = |title: &str| {
            document_treaty(title, lexicon, None, &|_| None).map(|e| e.label_zh).unwrap_or_default()
        };
        assert_eq!(
            name("中华人民共和国政府和葡萄牙共和国政府关于加强双边关系的联合声明(2005年)"),
            "中华人民共和国政府和葡萄牙共和国政府关于加强双边关系的联合声明"
        );
        assert_eq!(name("中俄联合声明（二〇〇五年七月一日）"), "中俄联合声明");
        assert_eq!(name("胡锦涛国事访美: 中美联合声明中英文全文"), "中美联合声明");
        assert_eq!(name("周恩来总理和吴努总理发表联合公报"), "联合公报");
        assert_eq!(name("习近平晤阿巴斯 中巴建战略伙伴关系 联合声明全文"), "联合声明");
        // A verb within what the title is about, and a line broken after a party, stay in the name.
        assert_eq!(name("中美关于通过对话解决分歧的联合声明"), "中美关于通过对话解决分歧的联合声明");
        assert_eq!(name("中华人民共和国和俄罗斯联邦 联合声明"), "中华人民共和国和俄罗斯联邦 联合声明");
        assert_eq!(name("联合声明的意义(2005年)"), "");
        // The key is the title's, so a headline's statement keeps its parties' key.
        let key =
            |title: &str| document_treaty(title, lexicon, None, &|_| None).map(|e| e.iri).unwrap_or_default();
        assert_ne!(key("周恩来总理和吴努总理发表联合公报"), key("刘少奇主席和苏加诺总统发表联合公报"));
    }

    #[test]
    fn statements_with_two_countries_of_one_form_do_not_meet() {
        let lexicon = Lexicon::get();
        let (ar, dz) = (country(lexicon, "AR"), country(lexicon, "DZ"));
        let argentina = treaty_key_in("中阿关于深化合作的联合声明", lexicon, &|_| ar);
        let algeria = treaty_key_in("中阿关于深化合作的联合声明", lexicon, &|_| dz);
        assert_ne!(argentina, algeria);
        let full = treaty_key_in("中华人民共和国和阿根廷共和国关于深化合作的联合声明", lexicon, &|_| ar);
        assert_eq!(full, argentina);
        // Another year's statement of the same title is another document.
        let d = |year| Some(Date { year, month: None, day: None });
        assert_ne!(dated(&full, d(2019)), dated(&full, d(2023)));
    }
}
