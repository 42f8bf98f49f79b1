//! Rows to Arrow record batches, column by column, in schema order.

use std::sync::Arc;

use arrow::array::{ArrayRef, Date32Array, Float32Array, Int64Array, RecordBatch, StringArray};
use chrono::NaiveDate;
use xxhash_rust::xxh3::xxh3_64;

use super::schema::{documents_schema, entities_schema, mentions_schema, rejects_schema};
use crate::document::Document;
use crate::extract::Mention;
use crate::ingest::Reject;
use crate::names::resolve::EntityRow;

fn strings<'a, T: 'a>(rows: &'a [T], value: impl Fn(&'a T) -> Option<&'a str>) -> ArrayRef {
    Arc::new(rows.iter().map(value).collect::<StringArray>())
}

fn integers<T>(rows: &[T], value: impl Fn(&T) -> i64) -> ArrayRef {
    Arc::new(rows.iter().map(value).collect::<Int64Array>())
}

fn days_since_epoch(date: NaiveDate) -> i32 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");
    (date - epoch).num_days() as i32
}

pub fn documents_batch(documents: &[Document]) -> RecordBatch {
    let columns = vec![
        strings(documents, |d| Some(d.doc_id.as_str())),
        strings(documents, |d| Some(&*d.source)),
        integers(documents, |d| d.record),
        integers(documents, |d| d.offset),
        strings(documents, |d| d.title.as_deref()),
        strings(documents, |d| d.subtitle.as_deref()),
        Arc::new(documents.iter().map(|d| d.published.map(days_since_epoch)).collect::<Date32Array>()),
        strings(documents, |d| Some(d.published_precision.map_or("unknown", |p| p.as_str()))),
        strings(documents, |d| d.published_raw.as_deref()),
        strings(documents, |d| Some(d.language.code())),
        strings(documents, |d| Some(d.script.as_str())),
        strings(documents, |d| Some(d.text.as_str())),
        integers(documents, |d| d.n_chars),
        integers(documents, |d| d.n_words),
        strings(documents, |d| d.label.as_deref()),
        strings(documents, |d| d.url.as_deref()),
        strings(documents, |d| d.source_id.as_deref()),
        strings(documents, |d| d.duplicate_of.as_deref()),
        strings(documents, |d| d.metadata.as_deref()),
    ];
    RecordBatch::try_new(documents_schema(), columns).expect("documents columns match their schema")
}

pub fn rejects_batch(rejects: &[Reject]) -> RecordBatch {
    let columns = vec![
        strings(rejects, |r| Some(&*r.source)),
        integers(rejects, |r| r.record),
        integers(rejects, |r| r.offset),
        strings(rejects, |r| Some(r.reason.as_str())),
        strings(rejects, |r| Some(r.detail.as_str())),
        strings(rejects, |r| Some(r.excerpt.as_str())),
    ];
    RecordBatch::try_new(rejects_schema(), columns).expect("rejects columns match their schema")
}

/// A mention with the document it was found in.
pub struct DocumentMention {
    pub doc_id: String,
    pub mention: Mention,
}

/// A mention's stable id: xxh3 of document, span and type, as 16 hex digits.
fn mention_id(doc_id: &str, mention: &Mention) -> String {
    let key = format!("{doc_id}:{}:{}:{}", mention.start, mention.end, mention.entity_type.as_str());
    format!("{:016x}", xxh3_64(key.as_bytes()))
}

pub fn mentions_batch(mentions: &[DocumentMention]) -> RecordBatch {
    let ids: Vec<String> = mentions.iter().map(|m| mention_id(&m.doc_id, &m.mention)).collect();
    let columns = vec![
        Arc::new(ids.iter().map(|id| Some(id.as_str())).collect::<StringArray>()) as ArrayRef,
        strings(mentions, |m| Some(m.doc_id.as_str())),
        integers(mentions, |m| m.mention.sentence as i64),
        integers(mentions, |m| m.mention.start as i64),
        integers(mentions, |m| m.mention.end as i64),
        strings(mentions, |m| Some(m.mention.text.as_str())),
        strings(mentions, |m| Some(m.mention.match_text.as_str())),
        strings(mentions, |m| Some(m.mention.entity_type.as_str())),
        strings(mentions, |m| m.mention.title.as_deref()),
        strings(mentions, |m| Some(m.mention.method.as_str())),
        Arc::new(mentions.iter().map(|m| Some(m.mention.score)).collect::<Float32Array>()),
        Arc::new(StringArray::new_null(mentions.len())),
    ];
    RecordBatch::try_new(mentions_schema(), columns).expect("mentions columns match their schema")
}

pub fn entities_batch(entities: &[EntityRow]) -> RecordBatch {
    use arrow::array::{ListBuilder, StringBuilder, StructBuilder};
    use arrow::datatypes::{DataType, Field};
    let schema = entities_schema();
    let DataType::List(item) = schema.field_with_name("variants").expect("variants column").data_type().clone() else {
        unreachable!("variants is a list")
    };
    let DataType::Struct(fields) = item.data_type().clone() else { unreachable!("variants hold structs") };
    let mut variants =
        ListBuilder::new(StructBuilder::from_fields(fields, entities.len())).with_field(Arc::new(Field::clone(&item)));
    for entity in entities {
        let builder = variants.values();
        for variant in &entity.variants {
            builder.field_builder::<StringBuilder>(0).expect("form").append_value(&variant.form);
            builder.field_builder::<StringBuilder>(1).expect("script").append_value(variant.script);
            builder.field_builder::<arrow::array::Int64Builder>(2).expect("count").append_value(variant.count);
            builder.append(true);
        }
        variants.append(true);
    }
    let dates = |value: fn(&EntityRow) -> Option<i32>| -> ArrayRef {
        Arc::new(entities.iter().map(value).collect::<Date32Array>())
    };
    let columns = vec![
        strings(entities, |e| Some(e.entity_id.as_str())),
        strings(entities, |e| Some(e.entity_type.as_str())),
        strings(entities, |e| Some(e.name.as_str())),
        strings(entities, |e| e.name_ar.as_deref()),
        Arc::new(variants.finish()) as ArrayRef,
        integers(entities, |e| e.n_mentions),
        integers(entities, |e| e.n_docs),
        dates(|e| e.first_published),
        dates(|e| e.last_published),
        strings(entities, |e| e.anchor.as_deref()),
        Arc::new(entities.iter().map(|e| Some(e.confidence)).collect::<Float32Array>()),
    ];
    RecordBatch::try_new(schema, columns).expect("entities columns match their schema")
}
