//! Everything written to disk: the Arrow schemas of the tables (defined once, here), the
//! conversion of rows to record batches, the Parquet part-file writer, and the run manifest.
//!
//! Column meanings are documented in docs/SCHEMA.md; the schemas here are the source of truth for
//! names and types.

mod batches;
mod manifest;
mod schema;
mod spill;
mod table_writer;

pub use batches::{documents_batch, entities_batch, mentions_batch, rejects_batch, DocumentMention};
pub use manifest::{InputEntry, Manifest, TableEntry};
pub use schema::{
    documents_schema, entities_schema, mentions_schema, rejects_schema, DOCUMENTS_DICTIONARY_COLUMNS,
    ENTITIES_DICTIONARY_COLUMNS, MENTIONS_DICTIONARY_COLUMNS, REJECTS_DICTIONARY_COLUMNS,
};
pub use spill::{read_bucket, BucketWriter};
pub use table_writer::{for_each_table_batch, read_table, string_column};
pub use table_writer::{publish_tables, StagingArea, TableWriter};
