//! Finding the input files of a run: the paths a user gave, with directories walked recursively,
//! in a deterministic (sorted) order so that every run sees records in the same sequence.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use anyhow::{bail, Context, Result};

/// One input file, with what the manifest records about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    pub path: PathBuf,
    pub size: u64,
    /// Modification time, seconds since the Unix epoch (0 when the file system does not say).
    pub mtime: i64,
}

/// Expands the given paths into input files. Directories are walked recursively; inside them,
/// hidden files and the corpus's own paperwork (NOTICE, README, LICENSE files) are skipped. A
/// path that does not exist is an error that names it.
pub fn discover_inputs(paths: &[PathBuf]) -> Result<Vec<InputFile>> {
    let mut files = Vec::new();
    for path in paths {
        let metadata =
            std::fs::metadata(path).with_context(|| format!("input path {} cannot be read", path.display()))?;
        if metadata.is_dir() {
            walk_directory(path, &mut files)?;
        } else {
            files.push(input_file(path.clone(), &metadata));
        }
    }
    if files.is_empty() {
        bail!(
            "no input files found under {}",
            paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
        );
    }
    Ok(files)
}

fn walk_directory(directory: &Path, files: &mut Vec<InputFile>) -> Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(directory)
        .with_context(|| format!("cannot list directory {}", directory.display()))?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .with_context(|| format!("cannot list directory {}", directory.display()))?;
    entries.sort();
    for path in entries {
        if is_skipped_in_directory(&path) {
            continue;
        }
        let metadata = std::fs::metadata(&path).with_context(|| format!("cannot read {}", path.display()))?;
        if metadata.is_dir() {
            walk_directory(&path, files)?;
        } else if metadata.is_file() {
            files.push(input_file(path, &metadata));
        }
    }
    Ok(())
}

fn is_skipped_in_directory(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy().to_uppercase()).unwrap_or_default();
    let stem = name.split('.').next().unwrap_or("");
    name.starts_with('.') || ["NOTICE", "README", "LICENSE", "LICENCE"].iter().any(|p| stem.starts_with(p))
}

fn input_file(path: PathBuf, metadata: &std::fs::Metadata) -> InputFile {
    let mtime =
        metadata.modified().ok().and_then(|t| t.duration_since(UNIX_EPOCH).ok()).map_or(0, |d| d.as_secs() as i64);
    InputFile { path, size: metadata.len(), mtime }
}
