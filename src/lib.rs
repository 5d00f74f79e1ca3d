//! diplograph: a knowledge-graph builder for Chinese-language diplomatic documents.
//!
//! The pipeline runs one way: [`text`] (decode, normalize, split into documents) → [`extract`]
//! (mentions) → [`resolve`] (entities with stable IRIs) → [`emit`] (RDF quads, one named graph per
//! document) → [`store`] (Oxigraph, persisted as N-Quads). [`query`] answers SPARQL over the store.
//! Start with [`pipeline::build`] or [`pipeline::analyze`].

pub mod answers;
pub mod dossier;
pub mod emit;
pub mod explain;
pub mod export;
pub mod extract;
pub mod graph;
pub mod input;
pub mod lookup;
pub mod model;
pub mod ordered;
pub mod pipeline;
pub mod push;
pub mod queries;
pub mod query;
pub mod reference;
pub mod relate;
pub mod resolve;
pub mod server;
pub mod source;
pub mod stats;
pub mod storage;
pub mod summary;
pub mod text;
pub mod vocab;
