//! Facts a document states: their kinds, the roles entities play in them, what each kind says
//! besides its roles, and the direct edges between entities each implies.

use super::{Date, Relation, Stance};
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
    Event,
}

impl FactKind {
    /// Every kind, in report order.
    pub const ALL: [FactKind; 9] = [
        FactKind::Visit,
        FactKind::Meeting,
        FactKind::Signing,
        FactKind::Citation,
        FactKind::Partnership,
        FactKind::Position,
        FactKind::Cooperation,
        FactKind::Participation,
        FactKind::Event,
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
            FactKind::Event => "Event",
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

/// What a fact states besides its roles, dates and place; one variant per kind that states more.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum FactDetail {
    /// Nothing more (signings, citations, cooperation, participation).
    #[default]
    None,
    /// The type of visit as the text words it (国事访问, 正式访问, 访问).
    Visit { visit_type: String },
    /// The verb of the talks (会谈, 会见, 会晤).
    Meeting { meeting_type: String },
    /// The partnership level (全面战略伙伴关系 …).
    Partnership { level: String },
    /// Where the party stands on the initiative or project.
    Position { stance: Stance },
    /// The event's name (第二十三届圣彼得堡国际经济论坛).
    Event { name: String },
}

impl FactDetail {
    /// The `dg:` property and the Chinese text of a detail stored as a `@zh` literal.
    pub fn zh_property(&self) -> Option<(&'static str, &str)> {
        match self {
            FactDetail::Visit { visit_type } => Some(("visitType", visit_type)),
            FactDetail::Meeting { meeting_type } => Some(("meetingType", meeting_type)),
            FactDetail::Partnership { level } => Some(("level", level)),
            FactDetail::Event { name } => Some(("eventName", name)),
            FactDetail::None | FactDetail::Position { .. } => None,
        }
    }

    /// The detail as one short text, for reports (a type word, a level, a stance, a name).
    pub fn text(&self) -> Option<&str> {
        match self {
            FactDetail::Position { stance } => Some(stance.name()),
            other => other.zh_property().map(|(_, text)| text),
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
    pub detail: FactDetail,
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub place: Option<String>,
    /// One of several earlier events a count tells without their dates (曾两次访华): no report's
    /// month places it, so it is a statement of its document alone.
    pub recollected: bool,
}

impl Fact {
    /// A fact of `kind` stated by the sentence at `sentence`, with nothing in it yet.
    pub fn new(kind: FactKind, sentence: Range<usize>) -> Self {
        Fact {
            kind,
            sentence,
            roles: Vec::new(),
            evidence: Vec::new(),
            detail: FactDetail::None,
            start: None,
            end: None,
            place: None,
            recollected: false,
        }
    }

    /// The entities in `role`.
    pub fn with_role(&self, role: Role) -> impl Iterator<Item = usize> + '_ {
        self.roles.iter().filter(move |(r, _)| *r == role).map(|(_, e)| *e)
    }

    /// The entity-to-entity edges the fact implies, for graph tools: (subject, relation, object).
    pub fn edges(&self) -> Vec<(usize, Relation, usize)> {
        let all = |r: Role| self.with_role(r).collect::<Vec<_>>();
        let pairs = |a: Vec<usize>, relation: Relation, b: Vec<usize>| {
            a.iter().flat_map(|&x| b.iter().map(move |&y| (x, relation, y))).collect::<Vec<_>>()
        };
        let each_pair = |p: Vec<usize>, relation: Relation| {
            p.iter()
                .enumerate()
                .flat_map(|(i, &a)| p[i + 1..].iter().map(move |&b| (a, relation, b)))
                .collect::<Vec<_>>()
        };
        match (self.kind, &self.detail) {
            (FactKind::Visit, _) => pairs(all(Role::Visitor), Relation::Visited, all(Role::HostCountry)),
            (FactKind::Meeting, _) => each_pair(all(Role::Participant), Relation::Met),
            (FactKind::Partnership, _) => each_pair(all(Role::Partner), Relation::PartnerOf),
            (FactKind::Position, FactDetail::Position { stance }) => {
                pairs(all(Role::Subject), stance.relation(), all(Role::Object))
            }
            (FactKind::Position, _) => pairs(all(Role::Subject), Relation::Supports, all(Role::Object)),
            (FactKind::Cooperation, _) => {
                pairs(all(Role::Party), Relation::CooperatesIn, all(Role::Organization))
            }
            (FactKind::Participation, _) => {
                pairs(all(Role::Party), Relation::ParticipatesIn, all(Role::Project))
            }
            (FactKind::Signing | FactKind::Citation | FactKind::Event, _) => Vec::new(),
        }
    }

    /// The edge from the stating document to the treaty a signing or citation is about.
    pub fn document_relation(&self) -> Option<Relation> {
        match self.kind {
            FactKind::Signing => Some(Relation::Records),
            FactKind::Citation => Some(Relation::Cites),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edges_follow_the_kind_and_the_stance() {
        let mut meeting = Fact::new(FactKind::Meeting, 0..1);
        meeting.roles = vec![(Role::Participant, 0), (Role::Participant, 1), (Role::Participant, 2)];
        assert_eq!(
            meeting.edges(),
            vec![(0, Relation::Met, 1), (0, Relation::Met, 2), (1, Relation::Met, 2)]
        );
        let mut position = Fact::new(FactKind::Position, 0..1);
        position.roles = vec![(Role::Subject, 3), (Role::Object, 4)];
        position.detail = FactDetail::Position { stance: Stance::Opposes };
        assert_eq!(position.edges(), vec![(3, Relation::Opposes, 4)]);
        let mut signing = Fact::new(FactKind::Signing, 0..1);
        signing.roles = vec![(Role::Document, 5)];
        assert!(signing.edges().is_empty());
        assert_eq!(signing.document_relation(), Some(Relation::Records));
    }

    #[test]
    fn only_worded_details_are_zh_literals() {
        let level = FactDetail::Partnership { level: "全面战略伙伴关系".into() };
        assert_eq!(level.zh_property(), Some(("level", "全面战略伙伴关系")));
        let stance = FactDetail::Position { stance: Stance::Welcomes };
        assert_eq!((stance.zh_property(), stance.text()), (None, Some("welcomes")));
        assert_eq!(FactDetail::None.text(), None);
    }
}
