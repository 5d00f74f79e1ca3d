//! The document model every stage shares: entity kinds, dates with their precision, entities,
//! facts with typed details, the relations they imply, and analysed documents.
//!
//! It sits below the stages and imports none of them. Start with [`AnalyzedDocument`], what the
//! pipeline makes of one document, and [`Fact`].

mod date;
mod document;
mod entity;
mod event;
mod fact;
mod relation;

pub use date::{Date, Precision};
pub use document::{AnalyzedDocument, Encoding, LocatedFact, LocatedMention, Provenance};
pub use entity::{Entity, EntityDetail, Kind};
pub use event::EventIdentity;
pub use fact::{Fact, FactDetail, FactKind, Role};
pub use relation::{Relation, Stance};
