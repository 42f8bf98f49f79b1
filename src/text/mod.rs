//! Text processing that does not depend on where a record came from: normalization for matching,
//! script and language identification, publication-date parsing and simple counts.
//!
//! Everything here is a pure function of a string. Nothing here reads files or knows about
//! Parquet; later stages (extract, names) reuse these functions instead of writing their own.

pub mod date;
pub mod language;
pub mod normalize;

pub use date::{parse_publication_date, DatePrecision, PublicationDate};
pub use language::{detect_language, detect_script, Language, Script};
pub use normalize::{normalize_arabic_for_matching, normalize_for_matching, normalize_latin_for_matching};

/// Number of whitespace-separated words, the way a reader would count them.
pub fn count_words(text: &str) -> usize {
    text.split_whitespace().count()
}
