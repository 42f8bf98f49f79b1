//! The Arrow schemas of akhbar's tables. Integers are signed (Spark's Arrow bridge rejects
//! unsigned types); dates are `date32`.

use std::sync::{Arc, OnceLock};

use arrow::datatypes::{DataType, Field, Schema, SchemaRef};

fn utf8(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::Utf8, nullable)
}

fn int64(name: &str) -> Field {
    Field::new(name, DataType::Int64, false)
}

/// The `documents` table.
pub fn documents_schema() -> SchemaRef {
    static SCHEMA: OnceLock<SchemaRef> = OnceLock::new();
    SCHEMA
        .get_or_init(|| {
            Arc::new(Schema::new(vec![
                utf8("doc_id", false),
                utf8("source", false),
                int64("record"),
                int64("offset"),
                utf8("title", true),
                utf8("subtitle", true),
                Field::new("published", DataType::Date32, true),
                utf8("published_precision", false),
                utf8("published_raw", true),
                utf8("language", false),
                utf8("script", false),
                utf8("text", false),
                int64("n_chars"),
                int64("n_words"),
                utf8("label", true),
                utf8("url", true),
                utf8("source_id", true),
                utf8("duplicate_of", true),
                utf8("metadata", true),
            ]))
        })
        .clone()
}

/// The `rejects` table.
pub fn rejects_schema() -> SchemaRef {
    static SCHEMA: OnceLock<SchemaRef> = OnceLock::new();
    SCHEMA
        .get_or_init(|| {
            Arc::new(Schema::new(vec![
                utf8("source", false),
                int64("record"),
                int64("offset"),
                utf8("reason", false),
                utf8("detail", false),
                utf8("excerpt", false),
            ]))
        })
        .clone()
}

/// Low-cardinality string columns of `documents`, dictionary-encoded in Parquet.
pub const DOCUMENTS_DICTIONARY_COLUMNS: &[&str] = &["source", "published_precision", "language", "script", "label"];

/// Low-cardinality string columns of `rejects`, dictionary-encoded in Parquet.
pub const REJECTS_DICTIONARY_COLUMNS: &[&str] = &["source", "reason"];

/// The `mentions` table.
pub fn mentions_schema() -> SchemaRef {
    static SCHEMA: OnceLock<SchemaRef> = OnceLock::new();
    SCHEMA
        .get_or_init(|| {
            Arc::new(Schema::new(vec![
                utf8("mention_id", false),
                utf8("doc_id", false),
                int64("sentence"),
                int64("start"),
                int64("end"),
                utf8("text", false),
                utf8("match_text", false),
                utf8("type", false),
                utf8("title", true),
                utf8("method", false),
                Field::new("score", DataType::Float32, false),
                utf8("entity_id", true),
            ]))
        })
        .clone()
}

/// Low-cardinality string columns of `mentions`, dictionary-encoded in Parquet.
pub const MENTIONS_DICTIONARY_COLUMNS: &[&str] = &["doc_id", "type", "method", "title"];

/// The `entities` table.
pub fn entities_schema() -> SchemaRef {
    static SCHEMA: OnceLock<SchemaRef> = OnceLock::new();
    SCHEMA
        .get_or_init(|| {
            let variant = DataType::Struct(
                vec![utf8("form", false), utf8("script", false), Field::new("count", DataType::Int64, false)].into(),
            );
            Arc::new(Schema::new(vec![
                utf8("entity_id", false),
                utf8("type", false),
                utf8("name", false),
                utf8("name_ar", true),
                Field::new("variants", DataType::List(Arc::new(Field::new("item", variant, false))), false),
                int64("n_mentions"),
                int64("n_docs"),
                Field::new("first_published", DataType::Date32, true),
                Field::new("last_published", DataType::Date32, true),
                utf8("anchor", true),
                Field::new("confidence", DataType::Float32, false),
            ]))
        })
        .clone()
}

/// Low-cardinality string columns of `entities`, dictionary-encoded in Parquet.
pub const ENTITIES_DICTIONARY_COLUMNS: &[&str] = &["type"];
