//! Reuters-21578 wire stories (the SGML distribution and its XML edition): each `<REUTERS>`
//! element is one record. TITLE, DATELINE, BODY and DATE map onto the article; TOPICS, PLACES,
//! PEOPLE, ORGS, EXCHANGES and the story's ids and type go to `metadata`.
//!
//! Stories come in three kinds (the TYPE attribute of TEXT): normal stories with a BODY, BRIEF
//! stories that are a title only (their `text` is empty), and UNPROC stories whose text was never
//! split into parts (their whole TEXT becomes `text`).

use std::io::BufRead;

use quick_xml::events::Event;
use quick_xml::Reader;
use serde_json::{Map, Value};

use super::lines::{BoundedLines, LineContent};
use super::reader::{read_error_reason, StreamContext};
use super::{Article, Item, Payload, RawRecord, Reject, RejectReason};

/// Cuts the stream into `<REUTERS ...> ... </REUTERS>` elements. Each story starts on its own
/// line in every edition of the corpus.
pub(super) fn read_reuters(stream: impl BufRead, context: &StreamContext<'_>, emit: &mut dyn FnMut(Item)) {
    let mut lines = BoundedLines::new(stream, context.limits.max_record_bytes);
    let mut story: Option<(i64, Vec<u8>)> = None;
    let mut index = 0i64;
    loop {
        let line = match lines.next_line() {
            Ok(Some(line)) => line,
            Ok(None) => break,
            Err(error) => {
                let detail = format!("stream ends early: {error}");
                emit(Item::Reject(Reject::new(
                    context.source.clone(),
                    index,
                    lines.offset(),
                    read_error_reason(&error),
                    detail,
                )));
                return;
            }
        };
        let bytes = match line.content {
            LineContent::Bytes(bytes) => bytes,
            LineContent::TooLong { length, head } => {
                let detail = format!("line of {length} bytes exceeds limits.max_record_bytes");
                emit(Item::Reject(
                    Reject::new(context.source.clone(), index, line.offset, RejectReason::RecordTooLarge, detail)
                        .with_excerpt(&head),
                ));
                story = None;
                index += 1;
                continue;
            }
        };
        let opens = bytes.starts_with(b"<REUTERS");
        if opens {
            if let Some((offset, unfinished)) = story.take() {
                let detail = "story has no closing </REUTERS> before the next story starts";
                emit(Item::Reject(
                    Reject::new(context.source.clone(), index, offset, RejectReason::MalformedXml, detail)
                        .with_excerpt(&unfinished),
                ));
                index += 1;
            }
            story = Some((line.offset, Vec::with_capacity(4096)));
        }
        if let Some((offset, buffer)) = story.as_mut() {
            buffer.extend_from_slice(&bytes);
            buffer.push(b'\n');
            if memchr::memmem::find(&bytes, b"</REUTERS>").is_some() {
                let offset = *offset;
                let (_, complete) = story.take().expect("story is open");
                emit(Item::Record(RawRecord {
                    source: context.source.clone(),
                    record: index,
                    offset,
                    payload: Payload::Reuters(complete),
                }));
                index += 1;
            } else if buffer.len() > context.limits.max_record_bytes {
                let detail = "story exceeds limits.max_record_bytes without a closing </REUTERS>";
                emit(Item::Reject(
                    Reject::new(context.source.clone(), index, *offset, RejectReason::RecordTooLarge, detail)
                        .with_excerpt(buffer),
                ));
                story = None;
                index += 1;
            }
        }
    }
    if let Some((offset, unfinished)) = story {
        let detail = "file ends inside a story (no closing </REUTERS>)";
        emit(Item::Reject(
            Reject::new(context.source.clone(), index, offset, RejectReason::Truncated, detail)
                .with_excerpt(&unfinished),
        ));
    }
}

/// Parses one `<REUTERS>` element.
pub(super) fn parse_reuters_story(raw: &RawRecord, xml: &str) -> Result<Article, Reject> {
    let mut reader = Reader::from_str(xml);
    let mut article =
        Article { source: raw.source.clone(), record: raw.record, offset: raw.offset, ..Article::default() };
    let mut metadata = Map::new();
    let mut path: Vec<String> = Vec::new();
    let mut text_type = String::from("NORMAL");
    let mut unprocessed = String::new();
    let mut lists: Vec<(String, Vec<Value>)> = Vec::new();
    let malformed = |error: String| raw.reject(RejectReason::MalformedXml, error);
    loop {
        let event = reader.read_event().map_err(|e| malformed(format!("at byte {}: {e}", reader.error_position())))?;
        match event {
            Event::Start(start) => {
                let name = String::from_utf8_lossy(start.name().as_ref()).into_owned();
                for attribute in start.attributes().flatten() {
                    let key = String::from_utf8_lossy(attribute.key.as_ref()).to_lowercase();
                    let value = attribute.unescape_value().map_err(|e| malformed(e.to_string()))?.into_owned();
                    match (name.as_str(), key.as_str()) {
                        ("TEXT", "type") => text_type = value,
                        ("REUTERS", _) => {
                            metadata.insert(key, Value::String(value));
                        }
                        _ => {}
                    }
                }
                if matches!(name.as_str(), "TOPICS" | "PLACES" | "PEOPLE" | "ORGS" | "EXCHANGES" | "COMPANIES") {
                    lists.push((name.to_lowercase(), Vec::new()));
                }
                path.push(name);
            }
            Event::End(_) => {
                path.pop();
            }
            Event::Text(text) => {
                let value = text.decode().map_err(|e| malformed(e.to_string()))?;
                append_text(&path, &value, &mut article, &mut lists, &mut unprocessed, &mut metadata);
            }
            Event::GeneralRef(reference) => {
                let name = String::from_utf8_lossy(reference.as_ref()).into_owned();
                let value = match name.as_str() {
                    "lt" => "<".to_string(),
                    "gt" => ">".to_string(),
                    "amp" => "&".to_string(),
                    "quot" => "\"".to_string(),
                    "apos" => "'".to_string(),
                    _ => match reference.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        _ => format!("&{name};"),
                    },
                };
                append_text(&path, &value, &mut article, &mut lists, &mut unprocessed, &mut metadata);
            }
            Event::CData(data) => {
                let value = String::from_utf8_lossy(&data).into_owned();
                append_text(&path, &value, &mut article, &mut lists, &mut unprocessed, &mut metadata);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if text_type == "UNPROC" && article.text.is_empty() {
        article.text = unprocessed.trim().to_string();
    }
    article.text = article.text.trim_end().to_string();
    article.title = article.title.map(|t| t.trim().to_string()).filter(|t| !t.is_empty());
    article.published_raw = article.published_raw.map(|d| d.trim().to_string());
    metadata.insert("text_type".to_string(), Value::String(text_type));
    for (name, values) in lists {
        metadata.insert(name, Value::Array(values));
    }
    if let Some(Value::String(dateline)) = metadata.get_mut("dateline") {
        *dateline = dateline.trim().trim_end_matches('-').trim().to_string();
    }
    article.id = metadata.get("newid").and_then(Value::as_str).map(str::to_string);
    article.metadata = Some(Value::Object(metadata).to_string());
    Ok(article)
}

fn append_text(
    path: &[String],
    value: &str,
    article: &mut Article,
    lists: &mut [(String, Vec<Value>)],
    unprocessed: &mut String,
    metadata: &mut Map<String, Value>,
) {
    let Some(element) = path.last() else { return };
    match element.as_str() {
        "TITLE" => article.title.get_or_insert_with(String::new).push_str(value),
        "BODY" => article.text.push_str(value),
        "DATE" => article.published_raw.get_or_insert_with(String::new).push_str(value),
        "DATELINE" => match metadata.get_mut("dateline") {
            Some(Value::String(existing)) => existing.push_str(value),
            _ => {
                metadata.insert("dateline".to_string(), Value::String(value.to_string()));
            }
        },
        "TEXT" => unprocessed.push_str(value),
        "D" => {
            let parent = path.len().checked_sub(2).and_then(|i| path.get(i));
            if let Some((_, values)) =
                lists.iter_mut().rev().find(|(name, _)| parent.is_some_and(|p| p.eq_ignore_ascii_case(name)))
            {
                values.push(Value::String(value.to_string()));
            }
        }
        _ => {}
    }
}
