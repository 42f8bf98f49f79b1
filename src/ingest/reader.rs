//! Opening one input file: undoing gzip/zstd compression and zip archives, choosing the format,
//! and handing the byte stream to that format's record splitter.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use super::{archive, csv_table, json, parquet_table, reuters, text_file, InputFile, Item, Reject, RejectReason};
use crate::config::{Format, InputConfig, Limits};

/// Everything a record splitter needs to know about the stream it reads.
pub(super) struct StreamContext<'a> {
    pub source: Arc<str>,
    /// File name after compression suffixes are removed; format detection and text-file dates
    /// read it.
    pub name: String,
    pub config: &'a InputConfig,
    pub limits: &'a Limits,
}

/// Reads one input file and passes every record and every problem found to `emit`, in order.
/// `bytes_read` grows by the number of bytes taken from the file system (for progress bars).
pub fn read_input(
    file: &InputFile,
    config: &InputConfig,
    limits: &Limits,
    bytes_read: &AtomicU64,
    emit: &mut dyn FnMut(Item),
) {
    let source: Arc<str> = Arc::from(file.path.display().to_string());
    let reject = |reason, detail: String| Item::Reject(Reject::new(source.clone(), 0, 0, reason, detail));
    let opened = match File::open(&file.path) {
        Ok(opened) => opened,
        Err(error) => return emit(reject(RejectReason::UnreadableFile, format!("cannot open: {error}"))),
    };
    if file.size == 0 {
        return emit(reject(RejectReason::EmptyFile, "file is empty".to_string()));
    }
    let mut stream = BufReader::with_capacity(256 << 10, CountingReader { inner: opened, counter: bytes_read });
    let magic = match stream.fill_buf() {
        Ok(head) => head.get(..4).unwrap_or(head).to_vec(),
        Err(error) => return emit(reject(RejectReason::UnreadableFile, format!("cannot read: {error}"))),
    };
    let name = file_name(&file.path);
    if magic.starts_with(b"PK\x03\x04") || magic.starts_with(b"PK\x05\x06") {
        // Zip needs random access: reopen the file rather than the buffered stream.
        let context = StreamContext { source, name, config, limits };
        return archive::read_zip(&file.path, &context, bytes_read, emit);
    }
    let context = StreamContext { source, name, config, limits };
    read_stream_of_member(stream, &context, emit);
}

/// Reads a stream that may still be gzip- or zstd-compressed (a plain file, or a zip member).
pub(super) fn read_stream_of_member(mut stream: impl BufRead, context: &StreamContext<'_>, emit: &mut dyn FnMut(Item)) {
    let magic = match stream.fill_buf() {
        Ok(head) => head.get(..4).unwrap_or(head).to_vec(),
        Err(error) => {
            let reject = Reject::new(context.source.clone(), 0, 0, read_error_reason(&error), error.to_string());
            return emit(Item::Reject(reject));
        }
    };
    if magic.starts_with(b"PK\x03\x04") || magic.starts_with(b"PK\x05\x06") {
        let reject = Reject::new(
            context.source.clone(),
            0,
            0,
            RejectReason::UnsupportedFormat,
            "zip archives inside other archives or compressed streams are not supported; unpack the outer layer first",
        );
        return emit(Item::Reject(reject));
    }
    match decompressor(&magic, stream) {
        Ok((reader, suffixes)) => {
            let inner = StreamContext {
                source: context.source.clone(),
                name: strip_suffix(&context.name, suffixes),
                config: context.config,
                limits: context.limits,
            };
            read_stream(BufReader::with_capacity(256 << 10, reader), &inner, emit);
        }
        Err(error) => emit(Item::Reject(Reject::new(
            context.source.clone(),
            0,
            0,
            RejectReason::CorruptArchive,
            error.to_string(),
        ))),
    }
}

/// Reads a decompressed stream of one source with the splitter its format needs.
pub(super) fn read_stream(mut stream: impl BufRead, context: &StreamContext<'_>, emit: &mut dyn FnMut(Item)) {
    let head = match stream.fill_buf() {
        Ok(head) => head,
        Err(error) => {
            let reason = read_error_reason(&error);
            return emit(Item::Reject(Reject::new(context.source.clone(), 0, 0, reason, error.to_string())));
        }
    };
    if head.is_empty() {
        return emit(Item::Reject(Reject::new(
            context.source.clone(),
            0,
            0,
            RejectReason::EmptyFile,
            "no content after decompression",
        )));
    }
    match detect_format(context.config.format, &context.name, head) {
        Format::Jsonl => json::read_json_lines(stream, context, emit),
        Format::Json => json::read_json_values(stream, context, emit),
        Format::Csv => csv_table::read_csv(stream, context, context.config.csv_delimiter, emit),
        Format::Tsv => csv_table::read_csv(stream, context, '\t', emit),
        Format::Parquet => parquet_table::read_parquet(stream, context, emit),
        Format::Reuters => reuters::read_reuters(stream, context, emit),
        Format::Text | Format::Auto => text_file::read_text_file(stream, context, emit),
    }
}

/// Chooses a format from the configured one, the file name, and the first bytes.
fn detect_format(configured: Format, name: &str, head: &[u8]) -> Format {
    if configured != Format::Auto {
        return configured;
    }
    let lower = name.to_lowercase();
    let extension = lower.rsplit('.').next().unwrap_or("");
    match extension {
        "jsonl" | "ndjson" => return Format::Jsonl,
        "json" => return Format::Json,
        "csv" => return Format::Csv,
        "tsv" | "tab" => return Format::Tsv,
        "parquet" | "pq" => return Format::Parquet,
        "txt" | "text" => return Format::Text,
        "xml" | "sgm" | "sgml" if looks_like_reuters(head) => return Format::Reuters,
        _ => {}
    }
    if head.starts_with(b"PAR1") {
        return Format::Parquet;
    }
    if looks_like_reuters(head) {
        return Format::Reuters;
    }
    match head.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'[') => Format::Json,
        Some(b'{') => Format::Jsonl,
        _ => Format::Text,
    }
}

fn looks_like_reuters(head: &[u8]) -> bool {
    let window = &head[..head.len().min(4096)];
    window.windows(8).any(|w| w == b"<REUTERS")
}

/// Wraps a stream in the decompressor its magic bytes call for. Returns the suffix that the
/// compression adds to file names, to strip before format detection.
fn decompressor<'a, R: BufRead + 'a>(
    magic: &[u8],
    stream: R,
) -> io::Result<(Box<dyn Read + 'a>, &'static [&'static str])> {
    if magic.starts_with(&[0x1f, 0x8b]) {
        Ok((Box::new(flate2::bufread::MultiGzDecoder::new(stream)), &[".gz", ".gzip"]))
    } else if magic.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Ok((Box::new(zstd::stream::read::Decoder::with_buffer(stream)?), &[".zst", ".zstd"]))
    } else {
        Ok((Box::new(stream), &[]))
    }
}

fn strip_suffix(name: &str, suffixes: &[&str]) -> String {
    let lower = name.to_lowercase();
    for suffix in suffixes {
        if lower.ends_with(suffix) {
            return name[..name.len() - suffix.len()].to_string();
        }
    }
    name.to_string()
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// A read error in the middle of a stream is almost always a cut-off download.
pub(super) fn read_error_reason(error: &io::Error) -> RejectReason {
    match error.kind() {
        io::ErrorKind::UnexpectedEof
        | io::ErrorKind::InvalidData
        | io::ErrorKind::InvalidInput
        | io::ErrorKind::Other => RejectReason::Truncated,
        _ => RejectReason::UnreadableFile,
    }
}

/// Counts bytes as they come off the disk.
pub(super) struct CountingReader<'a, R> {
    pub inner: R,
    pub counter: &'a AtomicU64,
}

impl<R: Read> Read for CountingReader<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// The baseline a run is measured against: read every input and undo its compression and
/// archives, doing nothing with the bytes. Returns the number of decompressed bytes.
pub fn bare_read(file: &InputFile) -> io::Result<u64> {
    let mut sink = io::sink();
    let mut stream = BufReader::with_capacity(256 << 10, File::open(&file.path)?);
    let magic = stream.fill_buf()?.get(..4).map(<[u8]>::to_vec).unwrap_or_default();
    if magic.starts_with(b"PK\x03\x04") {
        let mut zip = zip::ZipArchive::new(File::open(&file.path)?).map_err(io::Error::other)?;
        let mut total = 0;
        for index in 0..zip.len() {
            let mut member = zip.by_index(index).map_err(io::Error::other)?;
            total += io::copy(&mut member, &mut sink)?;
        }
        return Ok(total);
    }
    let (mut reader, _) = decompressor(&magic, stream)?;
    io::copy(&mut reader, &mut sink)
}
