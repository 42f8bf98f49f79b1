//! `akhbar inspect OUT`: a human summary of a finished output directory — the manifest's counts
//! and timings, each table's rows, files and schema, rejects by reason, and documents by
//! language, month and source (aggregated with polars).

use std::fmt::Write as _;
use std::fs::File;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use arrow::array::{Array, Date32Array};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use polars::prelude::*;

use crate::output::{read_table, string_column, Manifest};

/// Builds the report for the output directory `out`.
pub fn inspect(out: &Path) -> Result<String> {
    anyhow::ensure!(out.is_dir(), "{} is not an output directory", out.display());
    let mut report = String::new();
    match Manifest::read(out) {
        Ok(manifest) => write_manifest(&mut report, &manifest),
        Err(error) => writeln!(report, "no usable manifest ({error:#}); the run may not have finished")?,
    }
    for table in table_directories(out)? {
        write_table(&mut report, &table)?;
    }
    let documents = out.join("documents");
    if documents.is_dir() {
        write_document_statistics(&mut report, &documents)?;
    }
    Ok(report)
}

fn write_manifest(report: &mut String, manifest: &Manifest) {
    let _ = writeln!(
        report,
        "akhbar {} · pipeline {} · status {}",
        manifest.akhbar_version, manifest.pipeline, manifest.status
    );
    let _ = writeln!(
        report,
        "records read {} = documents {} + duplicates {} + rejects {} (reject rate {:.4}%, limit {:.4}%)",
        manifest.records_read,
        manifest.documents,
        manifest.duplicates,
        manifest.rejects,
        manifest.reject_rate * 100.0,
        manifest.max_reject_rate * 100.0
    );
    let _ = writeln!(
        report,
        "{} inputs, {:.1} MB in {:.2} s on {} threads: {:.1} MB/s, {:.0} records/s",
        manifest.inputs.len(),
        manifest.input_bytes as f64 / 1e6,
        manifest.wall_seconds,
        manifest.threads,
        manifest.input_mb_per_second,
        manifest.records_per_second
    );
    let stages: Vec<String> =
        manifest.stage_seconds.iter().map(|(stage, seconds)| format!("{stage} {seconds:.2} s")).collect();
    if !stages.is_empty() {
        let _ = writeln!(report, "stages: {}", stages.join(", "));
    }
    if !manifest.rejects_by_reason.is_empty() {
        let _ = writeln!(report, "\nrejects by reason:");
        for (reason, count) in &manifest.rejects_by_reason {
            let _ = writeln!(report, "  {reason:<20} {count}");
        }
    }
}

fn table_directories(out: &Path) -> Result<Vec<PathBuf>> {
    let mut tables = Vec::new();
    for entry in std::fs::read_dir(out).with_context(|| format!("cannot list {}", out.display()))? {
        let path = entry?.path();
        let hidden = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if path.is_dir() && !hidden {
            tables.push(path);
        }
    }
    tables.sort();
    Ok(tables)
}

fn parquet_files(table: &Path) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(table)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "parquet"))
        .collect();
    files.sort();
    Ok(files)
}

fn write_table(report: &mut String, table: &Path) -> Result<()> {
    let files = parquet_files(table)?;
    let mut rows = 0i64;
    let mut schema = None;
    for path in &files {
        let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
        let builder = ParquetRecordBatchReaderBuilder::try_new(file)
            .with_context(|| format!("{} is not Parquet", path.display()))?;
        rows += builder.metadata().file_metadata().num_rows();
        schema.get_or_insert_with(|| builder.schema().clone());
    }
    let name = table.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    writeln!(report, "\n{name}/: {rows} rows in {} files", files.len())?;
    if let Some(schema) = schema {
        for field in schema.fields() {
            writeln!(
                report,
                "  {:<22} {}{}",
                field.name(),
                field.data_type(),
                if field.is_nullable() { "" } else { " not null" }
            )?;
        }
    }
    Ok(())
}

fn write_document_statistics(report: &mut String, documents: &Path) -> Result<()> {
    // The few compact columns the statistics need, straight from Parquet with arrow-rs.
    let batches = read_table(documents, &["source", "language", "published", "duplicate_of"])?;
    let (mut languages, mut months, mut sources) = (Vec::new(), Vec::new(), Vec::new());
    for batch in &batches {
        let (source, language, duplicate) =
            (string_column(batch, "source")?, string_column(batch, "language")?, string_column(batch, "duplicate_of")?);
        let published = batch
            .column_by_name("published")
            .and_then(|c| c.as_any().downcast_ref::<Date32Array>().cloned())
            .context("column published is missing or not a date")?;
        for row in 0..batch.num_rows() {
            if duplicate.is_valid(row) {
                continue;
            }
            languages.push(language.value(row).to_string());
            sources.push(source_file(source.value(row)).to_string());
            months.push(published.is_valid(row).then(|| month_of(published.value(row))));
        }
    }
    let height = languages.len();
    let frame = DataFrame::new(
        height,
        vec![
            Column::new("language".into(), languages),
            Column::new("month".into(), months),
            Column::new("source".into(), sources),
        ],
    )?;
    for (column, title, limit) in [
        ("language", "documents by language", 10),
        ("month", "documents by month", 24),
        ("source", "documents by source file", 10),
    ] {
        writeln!(report, "\n{title}:")?;
        let counts = count_by(&frame, column)?;
        for (value, count) in counts.iter().take(limit) {
            writeln!(report, "  {:<40} {count}", value.as_deref().unwrap_or("(unknown)"))?;
        }
        if counts.len() > limit {
            writeln!(report, "  … {} more", counts.len() - limit)?;
        }
    }
    Ok(())
}

/// Counts rows per value of `column`, most frequent first (ties by value, for a stable order).
fn count_by(frame: &DataFrame, column: &str) -> Result<Vec<(Option<String>, u32)>> {
    let counted = frame
        .clone()
        .lazy()
        .group_by([col(column)])
        .agg([len().alias("count")])
        .sort_by_exprs(
            [col("count"), col(column)],
            SortMultipleOptions::default().with_order_descending_multi([true, false]).with_nulls_last(true),
        )
        .collect()?;
    let values = counted.column(column)?.str()?.clone();
    let counts = counted.column("count")?.u32()?.clone();
    Ok(values.iter().zip(counts.iter()).map(|(v, c)| (v.map(str::to_string), c.unwrap_or(0))).collect())
}

/// The file part of a source (`corpus.zip!member.json` → `corpus.zip`), without directories.
fn source_file(source: &str) -> &str {
    let file = source.split('!').next().unwrap_or(source);
    file.rsplit(['/', '\\']).next().unwrap_or(file)
}

fn month_of(days_since_epoch: i32) -> String {
    let date = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date")
        + chrono::Duration::days(days_since_epoch as i64);
    date.format("%Y-%m").to_string()
}
