//! Pipeline definitions: the TOML files under `pipelines/` that say how to read a dump and what
//! limits a run enforces. Every key has a default, so an empty file is a valid pipeline; unknown
//! keys are an error (a typo must not silently fall back to a default).

use std::path::Path;

use anyhow::{Context, Result};
use serde::Deserialize;

/// A whole pipeline definition.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PipelineConfig {
    /// Name recorded in the manifest.
    pub name: String,
    pub input: InputConfig,
    pub extract: ExtractConfig,
    pub limits: Limits,
    pub output: OutputConfig,
}

impl Default for PipelineConfig {
    fn default() -> Self {
        PipelineConfig {
            name: "default".to_string(),
            input: InputConfig::default(),
            extract: ExtractConfig::default(),
            limits: Limits::default(),
            output: OutputConfig::default(),
        }
    }
}

impl PipelineConfig {
    /// Reads a pipeline file; the error names the file and what is wrong with it.
    pub fn from_file(path: &Path) -> Result<Self> {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("cannot read pipeline file {}", path.display()))?;
        Self::from_toml(&text).with_context(|| format!("bad pipeline file {}", path.display()))
    }

    pub fn from_toml(text: &str) -> Result<Self> {
        let config: PipelineConfig = toml::from_str(text)?;
        config.validate()?;
        Ok(config)
    }

    fn validate(&self) -> Result<()> {
        let limits = &self.limits;
        anyhow::ensure!(
            (0.0..=1.0).contains(&limits.max_reject_rate),
            "limits.max_reject_rate must be between 0 and 1, not {}",
            limits.max_reject_rate
        );
        anyhow::ensure!(limits.max_record_bytes >= 1024, "limits.max_record_bytes must be at least 1024");
        anyhow::ensure!(limits.batch_bytes >= 1024, "limits.batch_bytes must be at least 1024");
        anyhow::ensure!(limits.resolve_bucket_mentions >= 1, "limits.resolve_bucket_mentions must be at least 1");
        anyhow::ensure!(self.output.row_group_rows >= 1, "output.row_group_rows must be at least 1");
        anyhow::ensure!(
            self.output.rows_per_file >= self.output.row_group_rows,
            "output.rows_per_file must be at least output.row_group_rows"
        );
        Ok(())
    }
}

/// How input files are read.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct InputConfig {
    /// Force one format for every file instead of detecting it from the name and content.
    pub format: Format,
    /// Field delimiter for CSV input (TSV files always use a tab).
    pub csv_delimiter: char,
    /// Which record fields (JSON keys, CSV/Parquet columns) hold which part of an article.
    pub fields: FieldMapping,
}

impl Default for InputConfig {
    fn default() -> Self {
        InputConfig { format: Format::Auto, csv_delimiter: ',', fields: FieldMapping::default() }
    }
}

/// Input formats. `Auto` decides per file, from its name (after any `.gz`/`.zst` suffix) and,
/// when the name says nothing, from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Auto,
    Text,
    Jsonl,
    Json,
    Csv,
    Tsv,
    Parquet,
    Reuters,
}

/// For each article part, the field names that may hold it, tried in order; the first present
/// and non-empty one wins. Fields not named here are kept in `documents.metadata`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FieldMapping {
    pub title: Vec<String>,
    pub subtitle: Vec<String>,
    pub text: Vec<String>,
    pub date: Vec<String>,
    pub url: Vec<String>,
    pub id: Vec<String>,
    pub label: Vec<String>,
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

impl Default for FieldMapping {
    fn default() -> Self {
        FieldMapping {
            title: names(&["title", "headline"]),
            subtitle: names(&["subtitle", "subheadline", "dek"]),
            text: names(&["text", "content", "body", "article", "story"]),
            date: names(&["date", "published", "published_at", "pubdate", "date_published", "date_extracted"]),
            url: names(&["url", "link"]),
            id: names(&["id", "guid", "article_id"]),
            label: names(&["label", "category"]),
        }
    }
}

/// Which extraction stages run.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ExtractConfig {
    /// Find entity mentions (the `mentions` table). Off, the table is written empty.
    pub mentions: bool,
}

impl Default for ExtractConfig {
    fn default() -> Self {
        ExtractConfig { mentions: true }
    }
}

/// What a run tolerates and how much it holds in memory.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// The run fails (exit code 2) when rejects / records read exceeds this share.
    pub max_reject_rate: f64,
    /// A single record (line, array element, text file) above this size is rejected unread.
    pub max_record_bytes: usize,
    /// Records are processed in batches of about this many bytes; memory use is a small multiple
    /// of it, whatever the corpus size.
    pub batch_bytes: usize,
    /// The resolve stage splits the run's mentions into buckets of about this many (all
    /// mentions of one key in one bucket), resolved one per worker thread at a time.
    pub resolve_bucket_mentions: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_reject_rate: 0.01,
            max_record_bytes: 8 << 20,
            batch_bytes: 4 << 20,
            resolve_bucket_mentions: 100_000,
        }
    }
}

/// How tables are written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OutputConfig {
    /// Rows per Parquet row group.
    pub row_group_rows: usize,
    /// Rows per Parquet part file before a new one is started.
    pub rows_per_file: usize,
    /// zstd level for Parquet pages.
    pub zstd_level: i32,
}

impl Default for OutputConfig {
    fn default() -> Self {
        OutputConfig { row_group_rows: 100_000, rows_per_file: 1_000_000, zstd_level: 3 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_pipeline_is_all_defaults() {
        let config = PipelineConfig::from_toml("").unwrap();
        assert_eq!(config.limits.max_reject_rate, 0.01);
        assert_eq!(config.input.format, Format::Auto);
    }

    #[test]
    fn unknown_key_is_an_error_naming_it() {
        let error = PipelineConfig::from_toml("[limits]\nmax_reject_rat = 0.5\n").unwrap_err();
        assert!(format!("{error:#}").contains("max_reject_rat"), "{error:#}");
    }

    #[test]
    fn field_mapping_overrides() {
        let config = PipelineConfig::from_toml("[input.fields]\ntitle = [\"headline_ar\"]\n").unwrap();
        assert_eq!(config.input.fields.title, vec!["headline_ar"]);
        assert_eq!(config.input.fields.text, FieldMapping::default().text);
    }
}
