//! The relations between entities: direct edges that facts imply, with their `dg:` property, their
//! name and their labels in one place, and the stances a party takes on an initiative.

use std::fmt;

/// A relation between two entities, stored as a `dg:` property and projected as a graph edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Relation {
    /// A leader visited a country.
    Visited,
    /// Two leaders met.
    Met,
    /// Two countries have a stated partnership.
    PartnerOf,
    /// A party supports an initiative or project.
    Supports,
    /// A party welcomes or praises an initiative or project.
    Welcomes,
    /// A party opposes an initiative or project.
    Opposes,
    /// A party proposes an initiative or project.
    Proposes,
    /// A party cooperates within an organization.
    CooperatesIn,
    /// A country takes part in a project.
    ParticipatesIn,
    /// A leader represents a country.
    LeaderOf,
    /// A treaty's party.
    Party,
    /// An initiative's proposer.
    ProposedBy,
    /// The country a body belongs to.
    Country,
    /// A document cites an earlier treaty.
    Cites,
    /// A document records the signing of a treaty.
    Records,
    /// A country signed a treaty: a party of a document's own statement signed each treaty the
    /// document records (a projection of `records` and `party`, not a stored property).
    Signed,
    /// A document's own statement cites an earlier treaty (a projection of `cites`, not a stored
    /// property).
    CitesTreaty,
    /// Two entities mentioned in the same document (a projection, not a stored property).
    Comention,
}

impl Relation {
    /// The relations between entities that the store holds and the graph projects, in report order.
    pub const PROJECTED: [Relation; 15] = [
        Relation::Visited,
        Relation::Met,
        Relation::PartnerOf,
        Relation::Supports,
        Relation::Welcomes,
        Relation::Opposes,
        Relation::Proposes,
        Relation::CooperatesIn,
        Relation::ParticipatesIn,
        Relation::LeaderOf,
        Relation::Party,
        Relation::ProposedBy,
        Relation::Country,
        Relation::Signed,
        Relation::CitesTreaty,
    ];

    /// The projected relations the store does not hold as triples: the graph derives them from
    /// `records`, `cites` and `party` (see `graph::project`).
    pub const DERIVED: [Relation; 2] = [Relation::Signed, Relation::CitesTreaty];

    /// True for a relation the graph derives rather than reads (see [`Relation::DERIVED`]).
    pub fn is_derived(self) -> bool {
        Self::DERIVED.contains(&self)
    }

    /// The `dg:` property's local name (`visited`), also the name on the command line and in exports.
    pub fn name(self) -> &'static str {
        self.describe().0
    }

    /// The label in Chinese.
    pub fn label_zh(self) -> &'static str {
        self.describe().1
    }

    /// The label in English.
    pub fn label_en(self) -> &'static str {
        self.describe().2
    }

    /// The relation with this name.
    pub fn from_name(name: &str) -> Option<Relation> {
        Self::PROJECTED
            .into_iter()
            .chain([Relation::Cites, Relation::Records, Relation::Comention])
            .find(|r| r.name() == name)
    }

    fn describe(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Relation::Visited => ("visited", "访问了", "visited"),
            Relation::Met => ("met", "会见了", "met"),
            Relation::PartnerOf => ("partnerOf", "伙伴", "partner of"),
            Relation::Supports => ("supports", "支持", "supports"),
            Relation::Welcomes => ("welcomes", "欢迎", "welcomes"),
            Relation::Opposes => ("opposes", "反对", "opposes"),
            Relation::Proposes => ("proposes", "提出", "proposes"),
            Relation::CooperatesIn => ("cooperatesIn", "在其中合作", "cooperates in"),
            Relation::ParticipatesIn => ("participatesIn", "参与", "participates in"),
            Relation::LeaderOf => ("leaderOf", "领导人所属国", "leader of"),
            Relation::Party => ("party", "缔约方", "party"),
            Relation::ProposedBy => ("proposedBy", "提出方", "proposed by"),
            Relation::Country => ("country", "所属国家", "country"),
            Relation::Cites => ("cites", "援引", "cites"),
            Relation::Records => ("records", "记载签署", "records signing of"),
            Relation::Signed => ("signed", "签署", "signed"),
            Relation::CitesTreaty => ("citesTreaty", "援引条约", "cites treaty"),
            Relation::Comention => ("comention", "共同提及", "mentioned together"),
        }
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The stance a party takes on an initiative or project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stance {
    Supports,
    Welcomes,
    Opposes,
    Proposes,
}

impl Stance {
    /// Every stance.
    pub const ALL: [Stance; 4] = [Stance::Supports, Stance::Welcomes, Stance::Opposes, Stance::Proposes];

    /// The direct edge a stance implies.
    pub fn relation(self) -> Relation {
        match self {
            Stance::Supports => Relation::Supports,
            Stance::Welcomes => Relation::Welcomes,
            Stance::Opposes => Relation::Opposes,
            Stance::Proposes => Relation::Proposes,
        }
    }

    /// The name stored as `dg:stance` (`supports`), the same as its relation's.
    pub fn name(self) -> &'static str {
        self.relation().name()
    }

    /// The stance with this name.
    pub fn from_name(name: &str) -> Option<Stance> {
        Self::ALL.into_iter().find(|s| s.name() == name)
    }
}

impl fmt::Display for Stance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_distinct_and_parse_back() {
        let all =
            Relation::PROJECTED.into_iter().chain([Relation::Cites, Relation::Records, Relation::Comention]);
        let mut names = std::collections::BTreeSet::new();
        for r in all {
            assert!(names.insert(r.name()), "{r} is named once");
            assert_eq!(Relation::from_name(r.name()), Some(r));
            assert!(!r.label_zh().is_empty() && !r.label_en().is_empty());
        }
        for s in Stance::ALL {
            assert_eq!(Stance::from_name(s.name()), Some(s));
        }
        assert_eq!(Relation::from_name("vistied"), None);
    }

    #[test]
    fn the_ontology_declares_every_stored_relation_with_the_same_labels() {
        use oxigraph::io::{RdfFormat, RdfParser};
        let ttl = include_str!("../../ontology/diplograph.ttl");
        let triples: Vec<_> =
            RdfParser::from_format(RdfFormat::Turtle).for_slice(ttl.as_bytes()).map(|q| q.unwrap()).collect();
        let label = |r: Relation, lang: &str| {
            triples.iter().find_map(|q| {
                let oxigraph::model::Term::Literal(l) = &q.object else { return None };
                (q.subject.to_string() == format!("<{}>", crate::vocab::dg(r.name()))
                    && q.predicate.as_str() == crate::vocab::RDFS_LABEL
                    && l.language() == Some(lang))
                .then(|| l.value().to_owned())
            })
        };
        for r in Relation::PROJECTED.into_iter().chain([Relation::Cites, Relation::Records]) {
            assert_eq!(label(r, "zh").as_deref(), Some(r.label_zh()), "dg:{r}");
            assert_eq!(label(r, "en").as_deref(), Some(r.label_en()), "dg:{r}");
        }
    }
}
