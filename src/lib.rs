//! akhbar turns dumps of news articles into analysis-ready Parquet tables.
//!
//! Data flows one way: [`ingest`] (files → records → articles) → [`text`] (normalization,
//! language, dates) → [`document`] (one row per article) → [`output`] (Arrow schemas, Parquet,
//! manifest). [`pipeline`] wires the stages with threads and progress; [`inspect`] reads a
//! finished output back. The `akhbar` binary is a thin CLI over these.

pub mod config;
pub mod document;
pub mod extract;
pub mod ingest;
pub mod inspect;
pub mod names;
pub mod output;
pub mod pipeline;
pub mod text;

/// mimalloc rather than the system allocator: the tagger and the resolve stage make many small,
/// short-lived allocations (word features, spans, keys).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
