//! Reference knowledge about the world and the language, as data: the gazetteer tables and the word
//! lists in `ontology/`, compiled into the binary and read by one strict reader ([`tsv`]).
//!
//! [`Gazetteer::embedded`] and [`Words::embedded`] are the data compiled into the binary; stages get
//! them from their caller (through the lexicon), except the text stage, which reads
//! [`Words::embedded`] itself.

pub mod gazetteer;
pub mod tsv;
pub mod words;

pub use gazetteer::{
    Country, Gazetteer, KnownInitiative, KnownTreaty, Leader, Office, Organization, Place, Sources,
};
pub use tsv::{ReferenceError, Row, Schema};
pub use words::Words;
