//! The storage layer: the store file's format (each named graph's sorted N-Quads statements) and
//! its atomic writer, the in-memory Oxigraph store that queries run on, and the sink that emit
//! writes quads to. It knows RDF and files, not the stages.
//!
//! Start with [`Snapshot`] (the store file, for building) and [`GraphStore`] (for querying). A
//! store path that is a directory is the indexed store instead ([`is_indexed`]; `indexed`, with
//! the `rocksdb` feature).

mod atomic;
mod error;
mod filtered;
mod graph_store;
#[cfg(feature = "rocksdb")]
pub mod indexed;
mod lines;
mod location;
mod sink;
mod snapshot;

pub use atomic::{write_atomically, write_pieces_atomically};
pub use error::{io_reason, StoreError};
pub use filtered::Selection;
pub use graph_store::GraphStore;
pub use lines::{write_statement, GraphLines, GraphLinesBuilder};
pub use location::{
    changed_on_rebuild, counts_path, is_indexed, open_served, open_snapshot, reopen, store_graph,
};
pub use sink::QuadSink;
pub use snapshot::Snapshot;
