//! The relate stage: sentence rules turn a document's mentions into facts — visits, meetings,
//! signings, citations, partnership levels, positions on initiatives, cooperation within
//! organizations and participation in projects — each with the sentence it came from.
//!
//! The entry point is [`relate`]; roles point at the document's entities (after resolution).

mod documents;
mod partnerships;
mod positions;
mod visits;

use crate::extract::{Kind, Mention};
use crate::resolve::Entity;
use crate::text::Date;
use std::ops::Range;

/// The kinds of fact, each a class in the ontology.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FactKind {
    Visit,
    Meeting,
    Signing,
    Citation,
    Partnership,
    Position,
    Cooperation,
    Participation,
}

impl FactKind {
    /// Every kind, in report order.
    pub const ALL: [FactKind; 8] = [
        FactKind::Visit,
        FactKind::Meeting,
        FactKind::Signing,
        FactKind::Citation,
        FactKind::Partnership,
        FactKind::Position,
        FactKind::Cooperation,
        FactKind::Participation,
    ];

    /// The class name in the ontology.
    pub fn name(self) -> &'static str {
        match self {
            FactKind::Visit => "Visit",
            FactKind::Meeting => "Meeting",
            FactKind::Signing => "Signing",
            FactKind::Citation => "Citation",
            FactKind::Partnership => "Partnership",
            FactKind::Position => "Position",
            FactKind::Cooperation => "Cooperation",
            FactKind::Participation => "Participation",
        }
    }
}

/// The part an entity plays in a fact; each is a property in the ontology.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    Visitor,
    HostCountry,
    InvitedBy,
    Participant,
    Document,
    Party,
    Partner,
    Subject,
    Object,
    Organization,
    Project,
}

impl Role {
    /// The property name in the ontology.
    pub fn name(self) -> &'static str {
        match self {
            Role::Visitor => "visitor",
            Role::HostCountry => "hostCountry",
            Role::InvitedBy => "invitedBy",
            Role::Participant => "participant",
            Role::Document => "treaty",
            Role::Party => "party",
            Role::Partner => "partner",
            Role::Subject => "subject",
            Role::Object => "object",
            Role::Organization => "organization",
            Role::Project => "project",
        }
    }
}

/// One fact stated by a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub kind: FactKind,
    /// Byte span of the sentence in the document text.
    pub sentence: Range<usize>,
    /// Entity indices with their roles.
    pub roles: Vec<(Role, usize)>,
    /// Indices of the mentions the fact was built from.
    pub evidence: Vec<usize>,
    /// Type words: 国事访问, 会谈, 全面战略伙伴关系, supports …
    pub label: Option<String>,
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub place: Option<String>,
}

impl Fact {
    fn new(kind: FactKind, sentence: Range<usize>) -> Self {
        Fact {
            kind,
            sentence,
            roles: Vec::new(),
            evidence: Vec::new(),
            label: None,
            start: None,
            end: None,
            place: None,
        }
    }

    /// The entities in `role`.
    pub fn with_role(&self, role: Role) -> impl Iterator<Item = usize> + '_ {
        self.roles.iter().filter(move |(r, _)| *r == role).map(|(_, e)| *e)
    }
}

/// What relate needs to know about the document besides its mentions.
#[derive(Debug, Clone, Default)]
pub struct DocumentContext {
    pub title: String,
    pub date: Option<Date>,
    /// A signature line closes the document.
    pub signed: bool,
}

/// The document's text with its mentions, resolved entities and sentences.
pub struct Sentences<'a> {
    pub text: &'a str,
    pub mentions: &'a [Mention],
    pub mention_entity: &'a [usize],
    pub entities: &'a [Entity],
    pub spans: Vec<Range<usize>>,
}

impl<'a> Sentences<'a> {
    fn new(
        text: &'a str,
        mentions: &'a [Mention],
        mention_entity: &'a [usize],
        entities: &'a [Entity],
    ) -> Self {
        let mut spans = Vec::new();
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if matches!(c, '。' | '!' | '?' | ';' | '\n') {
                let end = i + c.len_utf8();
                if text[start..i].trim().chars().count() > 1 {
                    spans.push(start..end);
                }
                start = end;
            }
        }
        if text[start..].trim().chars().count() > 1 {
            spans.push(start..text.len());
        }
        Sentences { text, mentions, mention_entity, entities, spans }
    }

    /// Mentions (index) inside `range`, in order.
    fn mentions_in(&self, range: Range<usize>) -> impl Iterator<Item = (usize, &'a Mention)> + '_ {
        self.mentions.iter().enumerate().filter(move |(_, m)| range.start <= m.start && m.end <= range.end)
    }

    /// Mentions of `kind` inside `range`.
    fn of_kind(&self, range: Range<usize>, kind: Kind) -> Vec<usize> {
        self.mentions_in(range).filter(|(_, m)| m.kind == kind).map(|(i, _)| i).collect()
    }

    fn entity(&self, mention: usize) -> usize {
        self.mention_entity[mention]
    }

    /// The countries the document is between: those its title names, else the two it names most.
    fn parties(&self, title: &str) -> Vec<usize> {
        let lexicon = crate::extract::lexicon::Lexicon::get();
        let mut from_title: Vec<String> = lexicon
            .find(title)
            .into_iter()
            .filter_map(|h| match h.entry {
                crate::extract::lexicon::Entry::Country(i) => {
                    Some(crate::vocab::entity("country", &lexicon.gazetteer.countries[i].id))
                }
                _ => None,
            })
            .collect();
        from_title.dedup();
        let by_iri = |iri: &str| self.entities.iter().position(|e| e.iri == iri);
        let mut parties: Vec<usize> = from_title.iter().filter_map(|iri| by_iri(iri)).collect();
        if parties.len() < 2 {
            let mut counts: Vec<(usize, usize)> = Vec::new();
            for (i, m) in self.mentions.iter().enumerate() {
                if m.kind == Kind::Country {
                    let e = self.entity(i);
                    match counts.iter_mut().find(|(x, _)| *x == e) {
                        Some((_, n)) => *n += 1,
                        None => counts.push((e, 1)),
                    }
                }
            }
            counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            for (e, _) in counts {
                if parties.len() >= 2 {
                    break;
                }
                if !parties.contains(&e) {
                    parties.push(e);
                }
            }
        }
        parties
    }
}

/// Every fact the document states.
pub fn relate(
    text: &str,
    mentions: &[Mention],
    mention_entity: &[usize],
    entities: &[Entity],
    context: &DocumentContext,
) -> Vec<Fact> {
    let s = Sentences::new(text, mentions, mention_entity, entities);
    let parties = s.parties(&context.title);
    let mut facts = visits::find(&s);
    facts.extend(visits::meetings(&s, &parties));
    facts.extend(documents::find(&s, context));
    facts.extend(partnerships::find(&s, &parties));
    facts.extend(positions::find(&s, &parties));
    facts
}
