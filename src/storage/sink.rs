//! Where the quads of a graph go as they are made: a list of quads, or formatted statements.

use oxigraph::model::{Quad, QuadRef};

/// Where a graph's quads go: a list of quads, or (in `build`) their formatted statements.
pub trait QuadSink {
    /// Takes one quad.
    fn push(&mut self, quad: QuadRef<'_>);
}

impl QuadSink for Vec<Quad> {
    fn push(&mut self, quad: QuadRef<'_>) {
        Vec::push(self, quad.into_owned());
    }
}
