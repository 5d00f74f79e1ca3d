//! Positions (俄方支持建设“一带一路”; 中方欢迎…倡议; 双方反对…), cooperation within organizations
//! (双方在上海合作组织框架内…合作) and the countries taking part in a project (中蒙俄经济走廊).

use super::Sentences;
use crate::model::{Fact, FactDetail, FactKind, Kind, Role, Stance};
use crate::reference::Words;
use std::ops::Range;

/// The subject of a verb whose clause runs over `before` up to it: both parties after 双方 or 两国,
/// else the last country named before the verb (蒙古国欢迎中方…: 中方 for a verb after 中方), else
/// `None` (the clause's subject then).
fn verb_subjects(s: &Sentences<'_>, before: Range<usize>, parties: &[usize]) -> Option<Vec<usize>> {
    let text = &s.text[before.clone()];
    if text.contains("双方") || text.contains("两国") {
        return Some(parties.to_vec());
    }
    s.of_kind(before, Kind::Country).last().map(|&m| vec![s.entity(m)])
}

/// Positions, cooperation and participation facts.
pub fn find(s: &Sentences<'_>, parties: &[usize], words: &Words) -> Vec<Fact> {
    let mut facts: Vec<Fact> = Vec::new();
    for span in &s.spans {
        let sentence = &s.text[span.clone()];
        // Clauses split at commas keep a subject close to its verb.
        let mut clause_start = span.start;
        let mut subjects: Vec<usize> = Vec::new();
        for (i, c) in sentence.char_indices().chain(std::iter::once((sentence.len(), ','))) {
            if c != ',' {
                continue;
            }
            let clause = clause_start..span.start + i;
            let countries = s.of_kind(clause.clone(), Kind::Country);
            let text = &s.text[clause.clone()];
            if text.starts_with("双方") || text.starts_with("两国") {
                subjects = parties.to_vec();
            } else if let Some(&first) =
                countries.first().filter(|&&m| s.mentions[m].start < clause.start + 12)
            {
                subjects = vec![s.entity(first)];
            }
            // Only an initiative or project in the clause can be the object of a stance.
            let has_object = s
                .mentions_in(clause.clone())
                .any(|(_, m)| matches!(m.kind, Kind::Initiative | Kind::Project));
            for (verb, stance) in words.stances.iter().filter(|_| has_object) {
                // 中方提出的全球文明倡议: a verb before 的 describes the object; it is no stance.
                let Some((at, _)) =
                    text.match_indices(verb).find(|(k, _)| !text[k + verb.len()..].starts_with('的'))
                else {
                    continue;
                };
                let objects = s
                    .mentions_in(clause.start + at..clause.end)
                    .filter(|(_, m)| matches!(m.kind, Kind::Initiative | Kind::Project));
                let subjects =
                    verb_subjects(s, clause.start..clause.start + at, parties).unwrap_or(subjects.clone());
                for (o, _) in objects.collect::<Vec<_>>() {
                    for &subject in &subjects {
                        let mut fact = Fact::new(FactKind::Position, span.clone());
                        fact.roles.extend([(Role::Subject, subject), (Role::Object, s.entity(o))]);
                        fact.evidence.push(o);
                        fact.detail = FactDetail::Position { stance: *stance };
                        if !facts.iter().any(|f| f.roles == fact.roles && f.detail == fact.detail) {
                            facts.push(fact);
                        }
                    }
                }
                break;
            }
            clause_start = span.start + i + ','.len_utf8();
        }
        // 中方提出的全球安全倡议: the country before 提出的 proposes the initiative.
        for (o, m) in s.mentions_in(span.clone()).filter(|(_, m)| m.kind == Kind::Initiative) {
            let Some(p) = m.detail.proposer.filter(|&p| s.mentions[p].kind == Kind::Country) else {
                continue;
            };
            let mut fact = Fact::new(FactKind::Position, span.clone());
            fact.roles.extend([(Role::Subject, s.entity(p)), (Role::Object, s.entity(o))]);
            fact.evidence.extend([p, o]);
            fact.detail = FactDetail::Position { stance: Stance::Proposes };
            if !facts.iter().any(|f| f.roles == fact.roles && f.detail == fact.detail) {
                facts.push(fact);
            }
        }
        if sentence.contains("框架") || sentence.contains("机制内") || sentence.contains("平台") {
            for o in s.of_kind(span.clone(), Kind::Organization) {
                let members = if parties.is_empty() { continue } else { parties };
                let mut fact = Fact::new(FactKind::Cooperation, span.clone());
                fact.roles.push((Role::Organization, s.entity(o)));
                fact.roles.extend(members.iter().map(|&p| (Role::Party, p)));
                fact.evidence.push(o);
                if !facts.iter().any(|f| f.kind == FactKind::Cooperation && f.roles == fact.roles) {
                    facts.push(fact);
                }
            }
        }
    }
    for (p, project) in s.mentions.iter().enumerate().filter(|(_, m)| m.kind == Kind::Project) {
        let inside = s.of_kind(project.start..project.end, Kind::Country);
        if inside.is_empty() {
            continue;
        }
        let mut fact = Fact::new(FactKind::Participation, project.start..project.end);
        fact.roles.push((Role::Project, s.entity(p)));
        let mut countries: Vec<usize> = inside.iter().map(|&m| s.entity(m)).collect();
        countries.dedup();
        fact.roles.extend(countries.into_iter().map(|c| (Role::Party, c)));
        fact.evidence.push(p);
        fact.evidence.extend(inside);
        if !facts.iter().any(|f| f.kind == FactKind::Participation && f.roles == fact.roles) {
            facts.push(fact);
        }
    }
    facts
}
