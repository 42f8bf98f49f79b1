//! Splitting a stream into lines without ever holding more than a size limit of one line, so a
//! multi-gigabyte line (a dump without newlines) costs a bounded amount of memory.

use std::io::{self, BufRead};

/// One line of a stream, without its line terminator.
pub(super) struct Line {
    /// 1-based line number.
    pub number: i64,
    /// Byte offset of the line's first byte.
    pub offset: i64,
    pub content: LineContent,
}

pub(super) enum LineContent {
    Bytes(Vec<u8>),
    /// The line was longer than the limit; its length in bytes, its first bytes kept.
    TooLong {
        length: u64,
        head: Vec<u8>,
    },
}

/// Reads lines of at most `max_bytes` bytes.
pub(super) struct BoundedLines<R> {
    stream: R,
    max_bytes: usize,
    number: i64,
    offset: u64,
}

impl<R: BufRead> BoundedLines<R> {
    pub fn new(stream: R, max_bytes: usize) -> Self {
        BoundedLines { stream, max_bytes, number: 0, offset: 0 }
    }

    /// The byte offset the next line would start at (where an error stopped the stream).
    pub fn offset(&self) -> i64 {
        self.offset as i64
    }

    /// The number the next line would get (where an error stopped the stream).
    pub fn next_number(&self) -> i64 {
        self.number + 1
    }

    /// The next line, `Ok(None)` at the end, or the read error that cut the stream short.
    pub fn next_line(&mut self) -> io::Result<Option<Line>> {
        let start = self.offset;
        let mut content = Vec::new();
        let mut length: u64 = 0;
        let mut saw_anything = false;
        loop {
            let buffer = self.stream.fill_buf()?;
            if buffer.is_empty() {
                if !saw_anything {
                    return Ok(None);
                }
                break;
            }
            saw_anything = true;
            let (taken, done) = match memchr::memchr(b'\n', buffer) {
                Some(end) => (end + 1, true),
                None => (buffer.len(), false),
            };
            let piece = &buffer[..if done { taken - 1 } else { taken }];
            if content.len() < self.max_bytes {
                let room = self.max_bytes - content.len();
                content.extend_from_slice(&piece[..piece.len().min(room + 1)]);
            }
            length += piece.len() as u64;
            self.stream.consume(taken);
            self.offset += taken as u64;
            if done {
                break;
            }
        }
        self.number += 1;
        if content.last() == Some(&b'\r') && length as usize <= self.max_bytes {
            content.pop();
        }
        let content = if length as usize > self.max_bytes {
            content.truncate(256);
            LineContent::TooLong { length, head: content }
        } else {
            LineContent::Bytes(content)
        };
        Ok(Some(Line { number: self.number, offset: start as i64, content }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &str, max: usize) -> Vec<(i64, i64, Result<String, u64>)> {
        let mut reader = BoundedLines::new(input.as_bytes(), max);
        let mut out = Vec::new();
        while let Some(line) = reader.next_line().unwrap() {
            let content = match line.content {
                LineContent::Bytes(bytes) => Ok(String::from_utf8(bytes).unwrap()),
                LineContent::TooLong { length, .. } => Err(length),
            };
            out.push((line.number, line.offset, content));
        }
        out
    }

    #[test]
    fn lines_carry_numbers_and_offsets() {
        assert_eq!(
            lines("ab\r\ncd\n\nef", 10),
            vec![(1, 0, Ok("ab".into())), (2, 4, Ok("cd".into())), (3, 7, Ok("".into())), (4, 8, Ok("ef".into()))]
        );
    }

    #[test]
    fn overlong_lines_are_flagged_not_buffered() {
        let long = "x".repeat(100);
        let input = format!("ok\n{long}\nnext\n");
        let result = lines(&input, 10);
        assert_eq!(result[1], (2, 3, Err(100)));
        assert_eq!(result[2], (3, 104, Ok("next".into())));
    }
}
