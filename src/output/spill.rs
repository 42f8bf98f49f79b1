//! Bucket files of the resolve stage: keyed mentions spilled to the staging area by bucket, so
//! that each bucket can be resolved on its own and the whole run's mentions are never in memory
//! at once. A plain length-prefixed encoding: the files live only for the run.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::names::resolve::KeyedMention;

/// Writes keyed mentions into `buckets` files, each with the mention's ordinal in the table.
pub struct BucketWriter {
    paths: Vec<PathBuf>,
    files: Vec<BufWriter<File>>,
}

impl BucketWriter {
    pub fn create(directory: &Path, buckets: usize) -> Result<BucketWriter> {
        std::fs::create_dir_all(directory).with_context(|| format!("cannot create {}", directory.display()))?;
        let mut paths = Vec::new();
        let mut files = Vec::new();
        for bucket in 0..buckets.max(1) {
            let path = directory.join(format!("bucket-{bucket:05}.bin"));
            let file = File::create(&path).with_context(|| format!("cannot create {}", path.display()))?;
            files.push(BufWriter::with_capacity(64 << 10, file));
            paths.push(path);
        }
        Ok(BucketWriter { paths, files })
    }

    pub fn write(&mut self, ordinal: u64, mention: &KeyedMention) -> Result<()> {
        let bucket = mention.bucket(self.files.len());
        let file = &mut self.files[bucket];
        let mut record = Vec::with_capacity(64 + mention.text.len() * 2);
        record.extend_from_slice(&ordinal.to_le_bytes());
        record.extend_from_slice(&mention.published.unwrap_or(i32::MIN).to_le_bytes());
        for field in [&mention.entity_type, &mention.key, &mention.stands_for, &mention.text, &mention.doc_id] {
            record.extend_from_slice(&(field.len() as u32).to_le_bytes());
            record.extend_from_slice(field.as_bytes());
        }
        file.write_all(&record).with_context(|| format!("cannot write {}", self.paths[bucket].display()))
    }

    /// Flushes and closes the files; returns their paths in bucket order.
    pub fn finish(self) -> Result<Vec<PathBuf>> {
        for (mut file, path) in self.files.into_iter().zip(&self.paths) {
            file.flush().with_context(|| format!("cannot write {}", path.display()))?;
        }
        Ok(self.paths)
    }
}

/// Reads one bucket file back: the ordinals and the mentions, in the order they were written.
pub fn read_bucket(path: &Path) -> Result<(Vec<u64>, Vec<KeyedMention>)> {
    let mut bytes = Vec::new();
    BufReader::new(File::open(path).with_context(|| format!("cannot open {}", path.display()))?)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read {}", path.display()))?;
    let corrupt = || anyhow::anyhow!("{} is corrupt", path.display());
    let mut rest: &[u8] = &bytes;
    let take = |rest: &mut &[u8], n: usize| -> Result<Vec<u8>> {
        let (slice, after) = rest.split_at_checked(n).ok_or_else(corrupt)?;
        *rest = after;
        Ok(slice.to_vec())
    };
    let (mut ordinals, mut mentions) = (Vec::new(), Vec::new());
    while !rest.is_empty() {
        let ordinal = u64::from_le_bytes(take(&mut rest, 8)?.try_into().map_err(|_| corrupt())?);
        let published = i32::from_le_bytes(take(&mut rest, 4)?.try_into().map_err(|_| corrupt())?);
        let mut fields: [String; 5] = Default::default();
        for field in &mut fields {
            let length = u32::from_le_bytes(take(&mut rest, 4)?.try_into().map_err(|_| corrupt())?) as usize;
            *field = String::from_utf8(take(&mut rest, length)?).map_err(|_| corrupt())?;
        }
        let [entity_type, key, stands_for, text, doc_id] = fields;
        ordinals.push(ordinal);
        mentions.push(KeyedMention {
            entity_type,
            key,
            stands_for,
            text,
            doc_id,
            published: (published != i32::MIN).then_some(published),
        });
    }
    Ok((ordinals, mentions))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyed_mentions_come_back_from_their_buckets() {
        let directory = tempfile::tempdir().unwrap();
        let mention = |key: &str, published| KeyedMention {
            entity_type: "PER".into(),
            key: key.into(),
            stands_for: "قاسم سليماني".into(),
            text: "سليماني".into(),
            doc_id: "d1".into(),
            published,
        };
        let written = [mention("KSM SLMNi", Some(16906)), mention("PTN", None), mention("KSM SLMNi", None)];
        let mut writer = BucketWriter::create(directory.path(), 3).unwrap();
        for (ordinal, m) in written.iter().enumerate() {
            writer.write(ordinal as u64, m).unwrap();
        }
        let mut read = Vec::new();
        for path in writer.finish().unwrap() {
            let (ordinals, mentions) = read_bucket(&path).unwrap();
            read.extend(ordinals.into_iter().zip(mentions));
        }
        read.sort_by_key(|(ordinal, _)| *ordinal);
        let read: Vec<KeyedMention> = read.into_iter().map(|(_, m)| m).collect();
        assert_eq!(read, written);
    }
}
