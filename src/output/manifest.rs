//! `_manifest.json`: what a run read, what it wrote, what it rejected and how long it took.
//! Written last and atomically, so its presence means the tables beside it are complete.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Manifest {
    pub akhbar_version: String,
    pub pipeline: String,
    /// The pipeline file, when one was given.
    pub pipeline_path: Option<String>,
    pub started_at: String,
    pub threads: usize,
    pub inputs: Vec<InputEntry>,
    /// records_read = documents + duplicates + rejects.
    pub records_read: u64,
    pub documents: u64,
    pub duplicates: u64,
    pub rejects: u64,
    pub rejects_by_reason: BTreeMap<String, u64>,
    pub reject_rate: f64,
    pub max_reject_rate: f64,
    pub tables: BTreeMap<String, TableEntry>,
    pub input_bytes: u64,
    pub wall_seconds: f64,
    /// Wall time of each stage: `extract` (read, documents, mentions, write) and `resolve`.
    pub stage_seconds: BTreeMap<String, f64>,
    pub input_mb_per_second: f64,
    pub records_per_second: f64,
    /// `ok`, `reject_rate_exceeded` or `nothing_read`.
    pub status: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct InputEntry {
    pub path: String,
    pub size: u64,
    pub mtime: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct TableEntry {
    pub rows: u64,
    pub files: Vec<String>,
}

impl Manifest {
    pub const FILE_NAME: &'static str = "_manifest.json";

    pub fn write(&self, out: &Path) -> Result<()> {
        let path = out.join(Self::FILE_NAME);
        let temporary = out.join(format!("{}.tmp", Self::FILE_NAME));
        let json = serde_json::to_string_pretty(self)?;
        std::fs::write(&temporary, json + "\n").with_context(|| format!("cannot write {}", temporary.display()))?;
        std::fs::rename(&temporary, &path).with_context(|| format!("cannot move {} into place", path.display()))?;
        Ok(())
    }

    pub fn read(out: &Path) -> Result<Self> {
        let path = out.join(Self::FILE_NAME);
        let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
        serde_json::from_str(&text).with_context(|| format!("{} is not a valid akhbar manifest", path.display()))
    }
}
