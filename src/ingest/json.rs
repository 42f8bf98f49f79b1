//! JSON input: JSON lines (one object per line) and JSON documents holding an array of article
//! objects or a sequence of objects (SaudiNewsNet ships one array per file). Arrays are split
//! into elements by a streaming scanner, so a huge array is never held whole and one broken
//! element costs only itself.

use std::io::{self, BufRead};

use serde_json::{Map, Value};

use super::lines::{BoundedLines, LineContent};
use super::reader::{read_error_reason, StreamContext};
use super::{fields, Article, Item, Payload, RawRecord, Reject, RejectReason};
use crate::config::FieldMapping;

pub(super) fn read_json_lines(stream: impl BufRead, context: &StreamContext<'_>, emit: &mut dyn FnMut(Item)) {
    let mut lines = BoundedLines::new(stream, context.limits.max_record_bytes);
    loop {
        match lines.next_line() {
            Ok(Some(line)) => match line.content {
                LineContent::Bytes(bytes) if bytes.iter().all(u8::is_ascii_whitespace) => {}
                LineContent::Bytes(bytes) => emit(Item::Record(RawRecord {
                    source: context.source.clone(),
                    record: line.number,
                    offset: line.offset,
                    payload: Payload::Json(bytes),
                })),
                LineContent::TooLong { length, head } => {
                    emit(too_long(context, line.number, line.offset, length, &head))
                }
            },
            Ok(None) => break,
            Err(error) => {
                emit(stream_error(context, lines.offset(), &error).with_record(lines.next_number()));
                break;
            }
        }
    }
}

pub(super) fn read_json_values(stream: impl BufRead, context: &StreamContext<'_>, emit: &mut dyn FnMut(Item)) {
    let mut splitter = ValueSplitter::new(stream, context.limits.max_record_bytes);
    let mut index = 0i64;
    loop {
        match splitter.next_value() {
            Ok(Some((offset, LineContent::Bytes(bytes)))) => emit(Item::Record(RawRecord {
                source: context.source.clone(),
                record: index,
                offset,
                payload: Payload::Json(bytes),
            })),
            Ok(Some((offset, LineContent::TooLong { length, head }))) => {
                emit(too_long(context, index, offset, length, &head))
            }
            Ok(None) => break,
            Err(error) => {
                emit(stream_error(context, splitter.offset as i64, &error).with_record(index));
                break;
            }
        }
        index += 1;
    }
}

fn too_long(context: &StreamContext<'_>, record: i64, offset: i64, length: u64, head: &[u8]) -> Item {
    let detail =
        format!("record of {length} bytes exceeds limits.max_record_bytes = {}", context.limits.max_record_bytes);
    Item::Reject(
        Reject::new(context.source.clone(), record, offset, RejectReason::RecordTooLarge, detail).with_excerpt(head),
    )
}

fn stream_error(context: &StreamContext<'_>, offset: i64, error: &io::Error) -> Reject {
    Reject::new(context.source.clone(), 0, offset, read_error_reason(error), format!("stream ends early: {error}"))
}

impl Reject {
    fn with_record(mut self, record: i64) -> Item {
        self.record = record;
        Item::Reject(self)
    }
}

enum Mode {
    Start,
    /// Inside a top-level `[ ... ]`: values are its elements.
    Array,
    /// A sequence of top-level values (concatenated or pretty-printed JSON lines).
    Values,
    Done,
}

/// Cuts a JSON stream into its top-level values (or the elements of a top-level array) by
/// tracking nesting and strings, without parsing.
struct ValueSplitter<R> {
    stream: R,
    max_bytes: usize,
    offset: u64,
    mode: Mode,
}

impl<R: BufRead> ValueSplitter<R> {
    fn new(stream: R, max_bytes: usize) -> Self {
        ValueSplitter { stream, max_bytes, offset: 0, mode: Mode::Start }
    }

    /// Skips whitespace (and separators inside an array); returns the next significant byte.
    fn skip_to_value(&mut self) -> io::Result<Option<u8>> {
        loop {
            let buffer = self.stream.fill_buf()?;
            let Some(&byte) = buffer.first() else { return Ok(None) };
            let separator = byte.is_ascii_whitespace() || (matches!(self.mode, Mode::Array) && byte == b',');
            if !separator {
                return Ok(Some(byte));
            }
            self.stream.consume(1);
            self.offset += 1;
        }
    }

    fn next_value(&mut self) -> io::Result<Option<(i64, LineContent)>> {
        if matches!(self.mode, Mode::Done) {
            return Ok(None);
        }
        let first = self.skip_to_value()?;
        if matches!(self.mode, Mode::Start) {
            if first == Some(b'[') {
                self.stream.consume(1);
                self.offset += 1;
                self.mode = Mode::Array;
                return self.next_value();
            }
            self.mode = Mode::Values;
        }
        match (first, &self.mode) {
            (None, Mode::Array) => {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "JSON array is not closed: the file is cut short",
                ));
            }
            (None, _) => return Ok(None),
            (Some(b']'), Mode::Array) => {
                self.mode = Mode::Done;
                return Ok(None);
            }
            _ => {}
        }
        let start = self.offset;
        let mut content = Vec::new();
        let mut length = 0u64;
        let mut depth = 0usize;
        let mut in_string = false;
        let mut escaped = false;
        let mut started = false;
        loop {
            let buffer = self.stream.fill_buf()?;
            if buffer.is_empty() {
                if depth == 0 && !in_string && started && matches!(self.mode, Mode::Values) {
                    break; // a scalar at the very end
                }
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    format!("JSON value starting at byte {start} is cut short"),
                ));
            }
            let mut end = None; // (bytes to take into the value, bytes to consume)
            let mut position = 0;
            while position < buffer.len() {
                let byte = buffer[position];
                if in_string {
                    // Jump to the next quote or backslash: strings are most of an article's bytes.
                    if escaped {
                        escaped = false;
                        position += 1;
                        continue;
                    }
                    match memchr::memchr2(b'"', b'\\', &buffer[position..]) {
                        Some(found) => {
                            position += found;
                            if buffer[position] == b'\\' {
                                escaped = true;
                            } else {
                                in_string = false;
                            }
                            position += 1;
                        }
                        None => position = buffer.len(),
                    }
                    continue;
                }
                match byte {
                    // A stray closing bracket or comma where a value should start: take it as a
                    // (malformed) value of its own so the scan always moves forward.
                    b'}' | b']' | b',' if depth == 0 && !started => {
                        end = Some((position + 1, position + 1));
                        break;
                    }
                    b'"' => in_string = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' if depth == 0 => {
                        end = Some((position, position));
                        break;
                    }
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            end = Some((position + 1, position + 1));
                            break;
                        }
                    }
                    b',' if depth == 0 => {
                        end = Some((position, position));
                        break;
                    }
                    byte if depth == 0 && started && byte.is_ascii_whitespace() => {
                        end = Some((position, position));
                        break;
                    }
                    _ => {}
                }
                started = true;
                position += 1;
            }
            let (take, consume) = end.unwrap_or((position, position));
            if content.len() <= self.max_bytes {
                content.extend_from_slice(&buffer[..take]);
            }
            length += take as u64;
            self.stream.consume(consume);
            self.offset += consume as u64;
            if end.is_some() {
                break;
            }
        }
        let content = if length as usize > self.max_bytes {
            content.truncate(256);
            LineContent::TooLong { length, head: content }
        } else {
            LineContent::Bytes(content)
        };
        Ok(Some((start as i64, content)))
    }
}

/// Parses one JSON object into an article with the configured field mapping.
pub(super) fn parse_json_object(raw: &RawRecord, bytes: &[u8], mapping: &FieldMapping) -> Result<Article, Reject> {
    let object: Map<String, Value> = match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Object(object)) => object,
        Ok(other) => {
            let kind = match other {
                Value::Array(_) => "an array",
                Value::String(_) => "a string",
                Value::Number(_) => "a number",
                Value::Bool(_) => "a boolean",
                _ => "null",
            };
            return Err(raw.reject(RejectReason::MalformedJson, format!("expected a JSON object, found {kind}")));
        }
        Err(error) => return Err(raw.reject(RejectReason::MalformedJson, error.to_string())),
    };
    Ok(fields::article_from_json(raw, object, mapping))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(input: &str) -> (Vec<(i64, String)>, Option<String>) {
        let mut splitter = ValueSplitter::new(input.as_bytes(), 1000);
        let mut values = Vec::new();
        loop {
            match splitter.next_value() {
                Ok(Some((offset, LineContent::Bytes(bytes)))) => {
                    values.push((offset, String::from_utf8(bytes).unwrap()))
                }
                Ok(Some((_, LineContent::TooLong { .. }))) => panic!("too long"),
                Ok(None) => return (values, None),
                Err(error) => return (values, Some(error.to_string())),
            }
        }
    }

    #[test]
    fn array_elements_split_with_offsets() {
        let (values, error) = split("[\n {\"a\": \"x, ] }\"},\n {\"b\": [1, {\"c\": \"\\\"\"}]}\n]\n");
        assert_eq!(error, None);
        assert_eq!(
            values,
            vec![(3, "{\"a\": \"x, ] }\"}".to_string()), (21, "{\"b\": [1, {\"c\": \"\\\"\"}]}".to_string())]
        );
    }

    #[test]
    fn concatenated_objects_split() {
        let (values, _) = split("{\"a\":1}\n{\"a\":2} {\"a\":3}");
        assert_eq!(values.iter().map(|v| v.1.as_str()).collect::<Vec<_>>(), ["{\"a\":1}", "{\"a\":2}", "{\"a\":3}"]);
    }

    #[test]
    fn truncated_array_keeps_complete_elements() {
        let (values, error) = split("[{\"a\":1},{\"a\":2},{\"a\":");
        assert_eq!(values.len(), 2);
        assert!(error.unwrap().contains("cut short"));
    }
}
