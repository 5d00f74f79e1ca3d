//! Signings (访问期间，双方签署了《…》; 两国元首签署《…》; 本声明于…签署) and citations of earlier documents
//! (双方重申遵循《…》; 忆及…《…》; 恪守…签署的《…》).

use super::{DocumentContext, Fact, FactKind, Role, Sentences};
use crate::extract::Kind;
use regex::Regex;
use std::sync::LazyLock;

/// A signing verb and what may stand between it and the first title (了, 并发表, a count).
static SIGNED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:签署|签订|发表|通过|缔结|共同签署)(?:了)?$").expect("signed"));
/// Words of negotiation or plans: a title in such a sentence is neither signed nor cited.
const FUTURE: &[&str] =
    &["商签", "谈判", "尽早签署", "早日签署", "推动签署", "将签署", "研究签署", "磋商", "拟订", "制定"];

/// Signings and citations in the document.
pub fn find(s: &Sentences<'_>, context: &DocumentContext) -> Vec<Fact> {
    let mut signings: Vec<Fact> = Vec::new();
    let mut cited: Vec<Fact> = Vec::new();
    for span in &s.spans {
        let sentence = &s.text[span.clone()];
        let treaties = s.of_kind(span.clone(), Kind::Treaty);
        if treaties.is_empty() || FUTURE.iter().any(|w| sentence.contains(w)) {
            continue;
        }
        for &t in &treaties {
            let m = &s.mentions[t];
            let open = if s.text[..m.start].ends_with('《') { m.start - '《'.len_utf8() } else { m.start };
            if s.mentions.iter().any(|o| o.kind == Kind::Treaty && o.start < m.start && m.end <= o.end) {
                continue; // a 〈title〉 inside another title is part of that title
            }
            let before = &s.text[span.start..open];
            let signed_now =
                signs(before, &s.text[..open]) && !m.detail.date.is_some_and(|d| earlier(d, context));
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
    cited.retain(|c| !signings.iter().any(|f| f.roles == c.roles));
    signings.extend(cited);
    signings
}

/// True when the words right before a title (or a list of titles) are a signing verb.
fn signs(before: &str, head: &str) -> bool {
    let trimmed = head.trim_end_matches(|c: char| c == '》' || c == '、' || c == ',');
    if SIGNED.is_match(before) || SIGNED.is_match(trimmed) {
        return true;
    }
    // 签署了《A》《B》: a title that follows another title of the same list.
    let last_verb = before.rfind("签署").or_else(|| before.rfind("签订"));
    last_verb.is_some_and(|i| {
        let rest = &before[i..];
        !rest.contains("的") && rest.contains('》') && !rest.contains(['。', ';'])
    })
}

fn earlier(date: crate::text::Date, context: &DocumentContext) -> bool {
    context.date.is_some_and(|d| date.year < d.year || (date.is_complete() && date < d))
}
