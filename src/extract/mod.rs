//! Extraction: pure functions of one document that find what it talks about. For now, entity
//! mentions (persons, places, organizations, other named things) with exact character offsets
//! into `documents.text`.
//!
//! The pieces: [`gazetteer`] (names shipped in data/gazetteers, matched on token n-grams of the
//! match form), [`features`] (what the tagger sees of a word and its neighbours), [`tagger`] (an
//! averaged structured perceptron with Viterbi decoding, trained on ANERcorp), [`mentions`] (the
//! tagger and the gazetteer combined into mentions, with clitics trimmed and titles kept apart),
//! [`clusters`] (word clusters learned from unlabeled news, a tagger feature), and [`conll`]
//! (reading CoNLL files, training and scoring).

pub mod clusters;
pub mod conll;
pub mod document_pass;
pub mod features;
pub mod gazetteer;
pub mod lexicon;
pub mod mentions;
pub mod recall;
pub mod tagger;

pub use gazetteer::{EntityType, Gazetteer};
pub use mentions::{extract_mentions, extract_mentions_with, release_word_cache, Mention, MentionMethod};
pub use tagger::Tagger;
