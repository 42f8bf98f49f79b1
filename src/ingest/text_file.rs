//! Plain-text articles, one per file. Two layouts are recognised:
//!
//! - the seed's: a title line, a date line (`الجمعة 2016/04/15`: weekday + date), a subtitle line
//!   right under the date, body paragraphs, and optionally a last line holding only a label
//!   (`1`);
//! - the simple one: a title line, then the body.
//!
//! When the text has no date line, a date in the file name (`2013-01-29 14:10:00#<uuid>.txt`) is
//! used. `text` is the body exactly as it stands in the file, from its first to its last
//! character, so offsets into it are offsets into the file's body.

use std::io::{BufRead, Read};
use std::sync::Arc;

use super::reader::{read_error_reason, StreamContext};
use super::{Article, Item, Payload, RawRecord, Reject, RejectReason};
use crate::text::parse_publication_date;

pub(super) fn read_text_file(stream: impl BufRead, context: &StreamContext<'_>, emit: &mut dyn FnMut(Item)) {
    let limit = context.limits.max_record_bytes;
    let mut bytes = Vec::new();
    if let Err(error) = stream.take(limit as u64 + 1).read_to_end(&mut bytes) {
        let reject =
            Reject::new(context.source.clone(), 0, 0, read_error_reason(&error), format!("stream ends early: {error}"));
        return emit(Item::Reject(reject.with_excerpt(&bytes)));
    }
    if bytes.len() > limit {
        let detail = format!("text file exceeds limits.max_record_bytes = {limit}");
        return emit(Item::Reject(
            Reject::new(context.source.clone(), 0, 0, RejectReason::RecordTooLarge, detail).with_excerpt(&bytes),
        ));
    }
    let file_name: Arc<str> = Arc::from(context.name.as_str());
    emit(Item::Record(RawRecord {
        source: context.source.clone(),
        record: 0,
        offset: 0,
        payload: Payload::Text { bytes, file_name },
    }));
}

/// A non-empty line of the file with its byte range.
struct LineSpan<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    /// True when an empty line separates it from the previous non-empty line.
    after_blank: bool,
}

fn non_empty_lines(text: &str) -> Vec<LineSpan<'_>> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut after_blank = false;
    for raw_line in text.split_inclusive('\n') {
        let line = raw_line.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim();
        if trimmed.is_empty() {
            after_blank = true;
        } else {
            let leading = line.len() - line.trim_start().len();
            lines.push(LineSpan {
                text: trimmed,
                start: start + leading,
                end: start + leading + trimmed.len(),
                after_blank,
            });
            after_blank = false;
        }
        start += raw_line.len();
    }
    lines
}

/// A date line is short and is mostly a date (a weekday name may come with it).
fn date_line(line: &str) -> Option<String> {
    let short = line.chars().count() <= 40;
    let digits = line.chars().filter(|c| c.is_numeric()).count();
    (short && digits >= 4 && parse_publication_date(line).is_some()).then(|| line.to_string())
}

/// A label line holds a single short token: a number or an ASCII word.
fn is_label_line(line: &str) -> bool {
    let short = line.chars().count() <= 16 && !line.contains(char::is_whitespace);
    short
        && (line.chars().all(|c| c.is_ascii_digit())
            || line.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'))
}

/// The date part of names such as `2013-01-29 14:10:00#<uuid>.txt`.
fn date_in_file_name(file_name: &str) -> Option<String> {
    let stem = file_name.split('#').next().unwrap_or(file_name);
    let stem = stem.strip_suffix(".txt").unwrap_or(stem);
    parse_publication_date(stem).map(|_| stem.trim().to_string())
}

pub(super) fn parse_text_article(raw: &RawRecord, text: &str, file_name: &str) -> Article {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines = non_empty_lines(text);
    let mut article =
        Article { source: raw.source.clone(), record: raw.record, offset: raw.offset, ..Article::default() };
    let Some(first) = lines.first() else { return article };
    article.title = Some(first.text.to_string());
    let mut body_start = 1;
    if let Some(date) = lines.get(1).and_then(|line| date_line(line.text)) {
        article.published_raw = Some(date);
        body_start = 2;
        // The seed's subtitle sits directly under the date line, with no blank line between.
        if let Some(next) = lines.get(2).filter(|l| !l.after_blank && l.text.chars().count() <= 200 && lines.len() > 3)
        {
            article.subtitle = Some(next.text.to_string());
            body_start = 3;
        }
    }
    let mut body_end = lines.len();
    if body_end > body_start + 1 {
        let last = &lines[body_end - 1];
        if last.after_blank && is_label_line(last.text) {
            article.label = Some(last.text.to_string());
            body_end -= 1;
        }
    }
    if body_start < body_end {
        article.text = text[lines[body_start].start..lines[body_end - 1].end].to_string();
    }
    if article.published_raw.is_none() {
        article.published_raw = date_in_file_name(file_name);
    }
    article
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str, name: &str) -> Article {
        let raw = RawRecord {
            source: Arc::from("test.txt"),
            record: 0,
            offset: 0,
            payload: Payload::Text { bytes: text.as_bytes().to_vec(), file_name: Arc::from(name) },
        };
        parse_text_article(&raw, text, name)
    }

    #[test]
    fn seed_layout_parses_title_date_subtitle_body_label() {
        let article = parse("العنوان\n\nالجمعة 2016/04/15\nعنوان فرعي\n\nفقرة أولى.\n\nفقرة ثانية.\n\n1\n", "x.txt");
        assert_eq!(article.title.as_deref(), Some("العنوان"));
        assert_eq!(article.published_raw.as_deref(), Some("الجمعة 2016/04/15"));
        assert_eq!(article.subtitle.as_deref(), Some("عنوان فرعي"));
        assert_eq!(article.text, "فقرة أولى.\n\nفقرة ثانية.");
        assert_eq!(article.label.as_deref(), Some("1"));
    }

    #[test]
    fn simple_layout_takes_date_from_file_name() {
        let article = parse("Title here\r\nBody line one.\r\nBody line two.\r\n", "2013-01-29 14:10:00#0a1b.txt");
        assert_eq!(article.title.as_deref(), Some("Title here"));
        assert_eq!(article.text, "Body line one.\r\nBody line two.");
        assert_eq!(article.published_raw.as_deref(), Some("2013-01-29 14:10:00"));
        assert_eq!(article.subtitle, None);
        assert_eq!(article.label, None);
    }
}
