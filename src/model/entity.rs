//! Entities: the kinds of the vocabulary contract and one document's entities with their IRIs,
//! labels and what the document states about them.

use super::Date;
use std::fmt;

/// The entity kinds of the vocabulary contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Country,
    Leader,
    Treaty,
    Organization,
    Project,
    Initiative,
}

impl Kind {
    /// Every kind, in report order.
    pub const ALL: [Kind; 6] =
        [Kind::Country, Kind::Leader, Kind::Treaty, Kind::Organization, Kind::Project, Kind::Initiative];

    /// The class name (`Country`), as in the ontology and the gold files.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Country => "Country",
            Kind::Leader => "Leader",
            Kind::Treaty => "Treaty",
            Kind::Organization => "Organization",
            Kind::Project => "Project",
            Kind::Initiative => "Initiative",
        }
    }

    /// Parses a class name.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An entity of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub kind: Kind,
    pub iri: String,
    pub label_zh: String,
    pub label_en: Option<String>,
    pub wikidata: Option<String>,
    /// The IRI of the country a leader represents or a body belongs to.
    pub country: Option<String>,
    /// The office stated for a leader.
    pub office: Option<String>,
    /// What the document states about a treaty or initiative.
    pub detail: EntityDetail,
}

/// A treaty's type, parties and date, an initiative's proposer, as one document states them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntityDetail {
    pub doc_type: Option<String>,
    /// Country IRIs.
    pub parties: Vec<String>,
    /// The signing date, to the day, the month or the year.
    pub date: Option<Date>,
    /// The IRI of the country or leader who proposed it.
    pub proposer: Option<String>,
}
