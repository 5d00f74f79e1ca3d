//! Signings (访问期间，双方签署了《…》《…》; 两国元首签署《…》; the statement itself, issued by its
//! parties on its date) and citations of earlier documents (双方重申遵循《…》; 忆及…《…》).

use super::{DocumentContext, Sentences};
use crate::model::{Fact, FactKind, Kind, Role};
use crate::reference::Words;
use regex::Regex;
use std::sync::LazyLock;

/// A signing verb at the end of the words before a title.
static SIGNED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:签署|签订|发表|通过|缔结|交换)(?:了|并发表|并发布)?$").expect("signed"));
static TITLE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"《[^《》]*》").expect("title"));
/// Signings and citations in the document.
pub fn find(s: &Sentences<'_>, context: &DocumentContext, words: &Words) -> Vec<Fact> {
    let mut signings: Vec<Fact> = Vec::new();
    let mut cited: Vec<Fact> = Vec::new();
    if let Some(own) = context.own_treaty {
        let heading = s.spans.first().cloned().unwrap_or(0..0);
        let mut fact = Fact::new(FactKind::Signing, heading);
        fact.roles.push((Role::Document, own));
        fact.start = context.date;
        signings.push(fact);
    }
    for span in &s.spans {
        for t in s.of_kind(span.clone(), Kind::Treaty) {
            let m = &s.mentions[t];
            if s.near(m.start..m.end)
                .iter()
                .any(|o| o.kind == Kind::Treaty && o.start < m.start && m.end <= o.end)
            {
                continue; // a 〈title〉 inside another title is part of that title
            }
            let open = if s.text[..m.start].ends_with('《') { m.start - '《'.len_utf8() } else { m.start };
            let close = if s.text[m.end..].starts_with('》') { m.end + '》'.len_utf8() } else { m.end };
            // A title can run past its sentence's end: clamp to the sentence.
            let (open, close) = (open.clamp(span.start, span.end), close.clamp(span.start, span.end));
            let before = &s.text[span.start..open];
            let near_before: String =
                before.chars().rev().take(10).collect::<Vec<_>>().into_iter().rev().collect();
            let near_after: String = s.text[close..span.end].chars().take(8).collect();
            if words.not_signed_before.iter().any(|w| near_before.contains(w))
                || words.not_signed_after.iter().any(|w| near_after.contains(w))
            {
                continue;
            }
            let signed_now = signs(&without_titles(s, span.start, open))
                && !m.detail.date.or_else(|| date_before(before)).is_some_and(|d| earlier(d, context));
            let kind = if signed_now { FactKind::Signing } else { FactKind::Citation };
            let mut fact = Fact::new(kind, span.clone());
            fact.roles.push((Role::Document, s.entity(t)));
            fact.evidence.push(t);
            if signed_now {
                fact.start = m.detail.date.or(context.date);
            }
            let list = if signed_now { &mut signings } else { &mut cited };
            if !list.iter().any(|f| f.roles == fact.roles) {
                list.push(fact);
            }
        }
    }
    name_untitled(&mut signings, s, words);
    name_untitled(&mut cited, s, words);
    cited.retain(|c| !signings.iter().any(|f| f.roles == c.roles));
    signings.extend(cited);
    signings
}

/// Words that, before a document's kind, still name no document (会谈公报, 联合新闻公报).
const UNTITLED_WORDS: [&str; 4] = ["联合", "新闻", "会谈", "共同"];

/// The kind of document an untitled one is (联合公报, 会谈公报: 公报), or None for a title.
fn untitled<'w>(title: &str, words: &'w Words) -> Option<&'w str> {
    let ending = words.issued_endings.iter().find(|e| title.ends_with(**e))?;
    let mut rest = &title[..title.len() - ending.len()];
    while let Some(word) = UNTITLED_WORDS.iter().find(|w| rest.ends_with(**w)) {
        rest = &rest[..rest.len() - word.len()];
    }
    rest.is_empty().then_some(ending)
}

/// A document said only by its kind (两国政府发表联合公报) is the one document of that kind the text
/// names by title (今天发表的中华人民共和国和锡兰联合公报).
fn name_untitled(facts: &mut Vec<Fact>, s: &Sentences<'_>, words: &Words) {
    let title = |e: usize| s.entities[e].label_zh.as_str();
    let mut named: Vec<usize> = s
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == Kind::Treaty)
        .map(|(t, _)| s.entity(t))
        .filter(|&e| untitled(title(e), words).is_none())
        .collect();
    named.sort_unstable();
    named.dedup();
    for fact in facts.iter_mut() {
        let Some(document) = fact.roles.iter_mut().find(|(role, _)| *role == Role::Document) else {
            continue;
        };
        let Some(kind) = untitled(title(document.1), words) else { continue };
        let mut of_kind = named.iter().filter(|&&e| title(e).ends_with(kind));
        if let (Some(&one), None) = (of_kind.next(), of_kind.next()) {
            document.1 = one;
        }
    }
    let mut seen: Vec<Vec<(Role, usize)>> = Vec::new();
    facts.retain(|f| {
        let new = !seen.contains(&f.roles);
        seen.push(f.roles.clone());
        new
    });
}

/// The text from `from` to `to` without the treaty titles in it (签订了文化合作协定和: 签订了和), so that a
/// title without brackets in a list counts as the titles of a 《》 list do.
fn without_titles(s: &Sentences<'_>, from: usize, to: usize) -> String {
    let mut kept = String::new();
    let mut at = from;
    for m in s.near(from..to).iter().filter(|m| m.kind == Kind::Treaty && from <= m.start && m.end <= to) {
        if m.start >= at {
            kept.push_str(&s.text[at..m.start]);
            at = m.end;
        }
    }
    kept.push_str(&s.text[at..to]);
    kept
}

/// True when the words before a title end with a signing verb, possibly followed by other titles
/// of the same list (签署了《A》《B》、《C》).
fn signs(before: &str) -> bool {
    let without_titles = TITLE.replace_all(before, "");
    let trimmed = without_titles.trim_end_matches(['、', ',', '和', '及', ' ']);
    SIGNED.is_match(trimmed)
}

/// The last date in `before` (the words of a sentence before a title) with no other title after it:
/// 2003年6月,在梅加瓦蒂对越南进行访问之际,两国签署了…联合宣言 was signed in 2003 (not 回顾了2003年签署的
/// 《A》,并签署了《B》: B's date is not said).
fn date_before(before: &str) -> Option<crate::model::Date> {
    let last = crate::text::find_dates(before).into_iter().last()?;
    (!before[last.end..].contains('《')).then_some(last.date)
}

fn earlier(date: crate::model::Date, context: &DocumentContext) -> bool {
    context.date.is_some_and(|d| date.year < d.year || (date.is_complete() && date < d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_said_by_its_kind_alone_is_untitled() {
        let words = crate::extract::lexicon::Lexicon::get().words;
        assert_eq!(untitled("联合公报", words), Some("联合公报"));
        assert_eq!(untitled("会谈公报", words), Some("公报"));
        assert_eq!(untitled("联合新闻公报", words), Some("公报"));
        assert_eq!(untitled("苏印联合公报", words), None);
        assert_eq!(untitled("中华人民共和国和锡兰联合公报", words), None);
    }

    #[test]
    fn an_untitled_document_is_the_one_the_text_names_by_title() {
        let lexicon = crate::extract::lexicon::Lexicon::get();
        let text = "今天发表的中华人民共和国和锡兰联合公报说,双方举行了会谈。";
        let mentions = crate::extract::extract(text, lexicon);
        let date = crate::model::Date::parse("1963-01-08");
        let (resolved, own_treaty) =
            crate::resolve::resolve_document(&mentions, lexicon, "中国和锡兰发表联合公报", date);
        let context = DocumentContext { date, own_treaty, ..DocumentContext::default() };
        let rules = super::super::Rules::new(lexicon);
        let facts = super::super::relate(
            text,
            &mentions,
            &resolved.mention_entity,
            &resolved.entities,
            &context,
            &rules,
        );
        let documents: Vec<(FactKind, &str)> = facts
            .iter()
            .filter(|f| matches!(f.kind, FactKind::Signing | FactKind::Citation))
            .flat_map(|f| f.roles.iter().map(|&(_, e)| (f.kind, e)))
            .map(|(kind, e)| (kind, resolved.entities[e].label_zh.as_str()))
            .collect();
        assert_eq!(documents, [(FactKind::Signing, "中华人民共和国和锡兰联合公报")], "{facts:?}");
    }
}
