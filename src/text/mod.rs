//! The text stage: decode bytes, normalize for matching with an offset map, split into documents.

pub mod charset;
pub mod dates;
pub mod decode;
pub mod normalize;
pub mod segment;

pub use charset::CharSet;
pub use dates::{date_in_path, find_dates, DateMention};
pub use decode::{decode, DecodeError};
pub use normalize::NormText;
pub use segment::{segment, Segment};
