//! The storage layer: the store file's format (each named graph's sorted N-Quads statements) and
//! its atomic writer, the in-memory Oxigraph store that queries run on, and the sink that emit
//! writes quads to. It knows RDF and files, not the stages.
//!
//! Start with [`Snapshot`] (the store file, for building) and [`GraphStore`] (for querying).

mod atomic;
mod error;
mod filtered;
mod graph_store;
mod lines;
mod sink;
mod snapshot;

pub use atomic::{write_atomically, write_pieces_atomically};
pub use error::{io_reason, StoreError};
pub use filtered::Selection;
pub use graph_store::GraphStore;
pub use lines::{write_statement, GraphLines, GraphLinesBuilder};
pub use sink::QuadSink;
pub use snapshot::Snapshot;
