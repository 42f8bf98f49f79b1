//! Zip archives: every member is its own source (`archive.zip!member`), read with the splitter
//! its own name and content call for. A zip whose central directory is missing (a cut-off
//! download) is read member by member from its local headers instead, so the members before the
//! cut are not lost.

use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

use super::reader::{read_stream_of_member, CountingReader, StreamContext};
use super::{Item, Reject, RejectReason};

impl<R: Seek> Seek for CountingReader<'_, R> {
    fn seek(&mut self, position: SeekFrom) -> io::Result<u64> {
        self.inner.seek(position)
    }
}

pub(super) fn read_zip(path: &Path, context: &StreamContext<'_>, bytes_read: &AtomicU64, emit: &mut dyn FnMut(Item)) {
    let archive_reject =
        |detail: String| Item::Reject(Reject::new(context.source.clone(), 0, 0, RejectReason::CorruptArchive, detail));
    let file = match File::open(path) {
        Ok(file) => file,
        Err(error) => return emit(archive_reject(format!("cannot open: {error}"))),
    };
    let counted = BufReader::new(CountingReader { inner: file, counter: bytes_read });
    match zip::ZipArchive::new(counted) {
        Ok(mut archive) => {
            for index in 0..archive.len() {
                match archive.by_index(index) {
                    Ok(member) => read_member(member, context, emit),
                    Err(error) => emit(archive_reject(format!("member {index} cannot be read: {error}"))),
                }
            }
        }
        Err(directory_error) => {
            // No usable central directory: walk the local headers from the start.
            let file = match File::open(path) {
                Ok(file) => file,
                Err(error) => return emit(archive_reject(format!("cannot open: {error}"))),
            };
            let mut stream = BufReader::new(file);
            let mut members = 0usize;
            loop {
                match zip::read::read_zipfile_from_stream(&mut stream) {
                    Ok(Some(member)) => {
                        members += 1;
                        read_member(member, context, emit);
                    }
                    Ok(None) => break,
                    Err(error) => {
                        emit(archive_reject(format!(
                            "zip archive is truncated or corrupt after {members} readable members ({directory_error}; then: {error})"
                        )));
                        break;
                    }
                }
            }
        }
    }
}

fn read_member<R: Read>(member: zip::read::ZipFile<'_, R>, context: &StreamContext<'_>, emit: &mut dyn FnMut(Item)) {
    let member_name = member.name().to_string();
    let base_name = member_name.rsplit('/').next().unwrap_or(&member_name).to_string();
    if member.is_dir() || member_name.starts_with("__MACOSX/") || base_name.starts_with('.') || base_name.is_empty() {
        return;
    }
    let source: Arc<str> = Arc::from(format!("{}!{}", context.source, member_name));
    let member_context = StreamContext { source, name: base_name, config: context.config, limits: context.limits };
    read_stream_of_member(BufReader::with_capacity(256 << 10, member), &member_context, emit);
}
