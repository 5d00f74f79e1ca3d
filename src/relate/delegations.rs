//! Delegations met in their head: a delegation the document named with its head before (以金日成首相为首的
//! …代表团) and met later by name alone (毛泽东接见了…代表团). Start with [`head_met`].

use super::Sentences;
use crate::model::Kind;
use regex::Regex;
use std::sync::LazyLock;

/// A delegation and its head (以金日成首相为首的朝鲜民主主义人民共和国政府代表团).
static LED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"以(?P<head>[^,;。]{2,30}?)为首的(?P<delegation>[^,;。]{2,40}?代表团)").expect("led by")
});
/// A delegation right after a verb of meeting (接见了朝鲜民主主义人民共和国政府代表团).
static DELEGATION_MET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^了?(?P<delegation>[^,;。、]{2,40}?代表团)").expect("delegation met"));

/// The head of the delegation met right after `verb_end` (up to `clause_end`), as the document named
/// it before (以X为首的…代表团): the leader of the last such naming of the same delegation.
pub(super) fn head_met(s: &Sentences<'_>, verb_end: usize, clause_end: usize) -> Option<usize> {
    let met = DELEGATION_MET.captures(&s.text[verb_end..clause_end])?;
    let name = met.name("delegation")?.as_str();
    let led = LED_BY.captures_iter(&s.text[..verb_end]).filter(|c| {
        let named = &c["delegation"];
        named.ends_with(name) || name.ends_with(named)
    });
    let head = led.last()?.name("head")?.range();
    s.of_kind(head, Kind::Leader).first().copied()
}
