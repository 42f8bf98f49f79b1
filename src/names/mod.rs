//! Names across spellings and scripts: analysis of a name into tokens with a readable Latin form
//! and a phonetic skeleton ([`analyze`]), a scored comparison of two names with weights fitted
//! on sanctions-list aliases ([`score`]), and clustering of many names ([`cluster`]).
//!
//! The skeleton is shared by Arabic and Latin script (ق ك غ / q k g gh fold together, vowels and
//! weak letters drop out, particles such as ال، بن، أبو / al-, bin, abu are set apart), so it
//! finds candidates; the scorer decides, with evidence a skeleton cannot see: string similarity
//! of the romanized forms, token alignment, shared name-variant groups, and a differing nisba
//! ending (سليماني vs سليمان, Soleimani vs Suleiman).

pub mod analyze;
pub mod cli;
pub mod cluster;
pub mod described;
pub mod evaluate;
pub mod places;
pub mod resolve;
pub mod score;

pub use analyze::{analyze, NameForm, NameToken};
pub use cluster::cluster_names;
pub use score::NameScorer;
