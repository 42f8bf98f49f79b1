//! CSV and TSV tables with a header row. Each row is a record; its columns are mapped onto the
//! article by the pipeline's field mapping. A row with the wrong number of fields or invalid
//! UTF-8 is rejected alone.

use std::io::BufRead;

use super::reader::{read_error_reason, StreamContext};
use super::{Item, Payload, RawRecord, Reject, RejectReason};

pub(super) fn read_csv(stream: impl BufRead, context: &StreamContext<'_>, delimiter: char, emit: &mut dyn FnMut(Item)) {
    let reject = |line: u64, offset: u64, reason, detail: String| {
        Item::Reject(Reject::new(context.source.clone(), line as i64, offset as i64, reason, detail))
    };
    let Ok(delimiter) = u8::try_from(delimiter) else {
        return emit(reject(
            0,
            0,
            RejectReason::UnsupportedFormat,
            format!("CSV delimiter {delimiter:?} is not a single byte"),
        ));
    };
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).has_headers(true).flexible(false).from_reader(stream);
    let headers: Vec<String> = match reader.byte_headers() {
        Ok(headers) => headers.iter().map(|h| String::from_utf8_lossy(h).trim().to_string()).collect(),
        Err(error) => {
            return emit(reject(1, 0, RejectReason::MalformedCsv, format!("cannot read the header row: {error}")))
        }
    };
    let mut row = csv::ByteRecord::new();
    loop {
        let position = reader.position().clone();
        match reader.read_byte_record(&mut row) {
            Ok(false) => break,
            Ok(true) => {
                let start = row.position().unwrap_or(&position);
                let (line, offset) = (start.line() as i64, start.byte() as i64);
                if row.as_slice().len() > context.limits.max_record_bytes {
                    let detail = format!(
                        "row of {} bytes exceeds limits.max_record_bytes = {}",
                        row.as_slice().len(),
                        context.limits.max_record_bytes
                    );
                    let item = Reject::new(context.source.clone(), line, offset, RejectReason::RecordTooLarge, detail);
                    emit(Item::Reject(item.with_excerpt(row.as_slice())));
                    continue;
                }
                let mut fields = Vec::with_capacity(headers.len());
                let mut invalid = None;
                for (header, value) in headers.iter().zip(row.iter()) {
                    match std::str::from_utf8(value) {
                        Ok(value) => fields.push((header.clone(), value.to_string())),
                        Err(_) => invalid = Some(header.clone()),
                    }
                }
                if let Some(column) = invalid {
                    let item = Reject::new(
                        context.source.clone(),
                        line,
                        offset,
                        RejectReason::InvalidUtf8,
                        format!("column {column:?} is not valid UTF-8"),
                    );
                    emit(Item::Reject(item.with_excerpt(row.as_slice())));
                    continue;
                }
                emit(Item::Record(RawRecord {
                    source: context.source.clone(),
                    record: line,
                    offset,
                    payload: Payload::Fields(fields),
                }));
            }
            Err(error) => {
                let at = error.position().cloned().unwrap_or(position);
                match error.kind() {
                    csv::ErrorKind::Io(io_error) => {
                        let reason = read_error_reason(io_error);
                        return emit(reject(at.line(), at.byte(), reason, format!("stream ends early: {io_error}")));
                    }
                    _ => emit(reject(at.line(), at.byte(), RejectReason::MalformedCsv, error.to_string())),
                }
            }
        }
    }
}
