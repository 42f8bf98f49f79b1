//! Reading article dumps: finding input files, undoing compression and archives, splitting each
//! file into records, and turning each record into an [`Article`] or a [`Reject`].
//!
//! Reading is split in two on purpose. [`read_input`] (I/O, sequential per file) only
//! decompresses and cuts the byte stream into [`RawRecord`]s, which is cheap; [`parse_record`]
//! (pure, run in parallel) decodes, parses and maps fields. Bad input never stops a run: every
//! problem becomes a [`Reject`] naming the source, the record, the byte offset and the reason.
//!
//! Sources are named `path` for plain files and `path!member` for members of zip archives.
//! Offsets are byte offsets into the decompressed stream of that source.

mod archive;
mod csv_table;
mod discover;
mod fields;
mod json;
mod lines;
mod parquet_table;
mod reader;
mod reuters;
mod text_file;

use std::fmt;
use std::sync::Arc;

pub use discover::{discover_inputs, InputFile};
pub use reader::{bare_read, read_input};

use crate::config::FieldMapping;

/// One record cut from an input stream, not yet decoded or parsed.
#[derive(Debug)]
pub struct RawRecord {
    pub source: Arc<str>,
    /// Line number (1-based) for line-oriented formats (JSON lines, CSV), else the 0-based index
    /// of the record in its source (array element, Parquet row, Reuters story, text file = 0).
    pub record: i64,
    /// Byte offset of the record's first byte in the decompressed source.
    pub offset: i64,
    pub payload: Payload,
}

/// The bytes or fields of one record, by the format that produced it.
#[derive(Debug)]
pub enum Payload {
    /// One JSON object (a JSON-lines line or an array element).
    Json(Vec<u8>),
    /// A whole plain-text article file; the file name may carry the publication date.
    Text { bytes: Vec<u8>, file_name: Arc<str> },
    /// Named fields of a table row (CSV, TSV, Parquet), already decoded.
    Fields(Vec<(String, String)>),
    /// One `<REUTERS>` element of Reuters-21578.
    Reuters(Vec<u8>),
}

impl RawRecord {
    /// The raw size of the record in bytes, used for batch budgets and throughput.
    pub fn size(&self) -> usize {
        match &self.payload {
            Payload::Json(bytes) | Payload::Reuters(bytes) | Payload::Text { bytes, .. } => bytes.len(),
            Payload::Fields(fields) => fields.iter().map(|(k, v)| k.len() + v.len()).sum(),
        }
    }

    fn reject(&self, reason: RejectReason, detail: impl Into<String>) -> Reject {
        let excerpt = match &self.payload {
            Payload::Json(bytes) | Payload::Reuters(bytes) | Payload::Text { bytes, .. } => excerpt_of(bytes),
            Payload::Fields(fields) => {
                excerpt_of(fields.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(", ").as_bytes())
            }
        };
        Reject {
            source: self.source.clone(),
            record: self.record,
            offset: self.offset,
            reason,
            detail: detail.into(),
            excerpt,
        }
    }
}

/// What the reader produces: a record to parse, or a problem found while reading.
#[derive(Debug)]
pub enum Item {
    Record(RawRecord),
    Reject(Reject),
}

/// An article as its record gives it, before any text processing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    pub source: Arc<str>,
    pub record: i64,
    pub offset: i64,
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub text: String,
    pub published_raw: Option<String>,
    pub url: Option<String>,
    pub id: Option<String>,
    pub label: Option<String>,
    /// The record's other fields as a JSON object, if it had any.
    pub metadata: Option<String>,
}

/// A record that could not be turned into an article, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Reject {
    pub source: Arc<str>,
    pub record: i64,
    pub offset: i64,
    pub reason: RejectReason,
    /// Human-readable specifics (the parser's message, the limit that was exceeded).
    pub detail: String,
    /// The first bytes of the record, lossily decoded, for a quick look.
    pub excerpt: String,
}

impl Reject {
    pub fn new(source: Arc<str>, record: i64, offset: i64, reason: RejectReason, detail: impl Into<String>) -> Self {
        Reject { source, record, offset, reason, detail: detail.into(), excerpt: String::new() }
    }

    pub fn with_excerpt(mut self, bytes: &[u8]) -> Self {
        self.excerpt = excerpt_of(bytes);
        self
    }
}

/// Why a record was rejected. The string forms are the `rejects.reason` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RejectReason {
    UnreadableFile,
    EmptyFile,
    BinaryFile,
    UnsupportedFormat,
    CorruptArchive,
    Truncated,
    InvalidUtf8,
    RecordTooLarge,
    MalformedJson,
    MalformedCsv,
    MalformedXml,
    MalformedParquet,
    EmptyRecord,
}

impl RejectReason {
    pub fn as_str(self) -> &'static str {
        match self {
            RejectReason::UnreadableFile => "unreadable_file",
            RejectReason::EmptyFile => "empty_file",
            RejectReason::BinaryFile => "binary_file",
            RejectReason::UnsupportedFormat => "unsupported_format",
            RejectReason::CorruptArchive => "corrupt_archive",
            RejectReason::Truncated => "truncated",
            RejectReason::InvalidUtf8 => "invalid_utf8",
            RejectReason::RecordTooLarge => "record_too_large",
            RejectReason::MalformedJson => "malformed_json",
            RejectReason::MalformedCsv => "malformed_csv",
            RejectReason::MalformedXml => "malformed_xml",
            RejectReason::MalformedParquet => "malformed_parquet",
            RejectReason::EmptyRecord => "empty_record",
        }
    }
}

impl fmt::Display for RejectReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

const EXCERPT_CHARS: usize = 160;

fn excerpt_of(bytes: &[u8]) -> String {
    let head = &bytes[..bytes.len().min(EXCERPT_CHARS * 4)];
    String::from_utf8_lossy(head).chars().take(EXCERPT_CHARS).collect()
}

/// Decodes and parses one record into an article. Pure: safe to run on any thread.
pub fn parse_record(raw: &RawRecord, mapping: &FieldMapping) -> Result<Article, Reject> {
    let article = match &raw.payload {
        Payload::Json(bytes) => match json::parse_json_object(raw, bytes, mapping) {
            Ok(article) => article,
            // serde_json validates UTF-8 as it parses; name the problem precisely when it fails.
            Err(reject) => {
                decode_utf8(raw, bytes)?;
                return Err(reject);
            }
        },
        Payload::Text { bytes, file_name } => {
            if looks_binary(bytes) {
                return Err(raw.reject(RejectReason::BinaryFile, "file holds NUL or control bytes: not text"));
            }
            let text = decode_utf8(raw, bytes)?;
            text_file::parse_text_article(raw, text, file_name)
        }
        Payload::Fields(row) => {
            fields::article_from_fields(raw, row.iter().map(|(k, v)| (k.as_str(), v.as_str())), mapping)
        }
        Payload::Reuters(bytes) => {
            let text = decode_utf8(raw, bytes)?;
            reuters::parse_reuters_story(raw, text)?
        }
    };
    let has_title = article.title.as_deref().is_some_and(|t| !t.trim().is_empty());
    if article.text.trim().is_empty() && !has_title {
        return Err(raw.reject(RejectReason::EmptyRecord, "record has neither text nor title"));
    }
    Ok(article)
}

fn decode_utf8<'a>(raw: &RawRecord, bytes: &'a [u8]) -> Result<&'a str, Reject> {
    std::str::from_utf8(bytes).map_err(|error| {
        raw.reject(RejectReason::InvalidUtf8, format!("invalid UTF-8 at byte {} of the record", error.valid_up_to()))
    })
}

/// A text file is binary when it holds NUL bytes or many control characters in its first 8 KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    head.contains(&0) || controls * 20 > head.len().max(1)
}
