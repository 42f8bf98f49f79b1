//! `akhbar names cluster`: reading a list of names (text, CSV or Parquet), clustering it, and
//! writing `name, cluster_id, canonical` as Parquet.

use std::path::Path;
use std::sync::Arc;

use anyhow::{bail, Context, Result};
use arrow::array::{Array, Int64Array, RecordBatch, StringArray};
use arrow::datatypes::{DataType, Field, Schema};

use super::{analyze, cluster_names, NameScorer};

fn read_names(input: &Path, column: Option<&str>) -> Result<Vec<String>> {
    let extension = input.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    match (extension.as_str(), column) {
        ("parquet", Some(column)) => {
            let file = std::fs::File::open(input).with_context(|| format!("cannot open {}", input.display()))?;
            let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
                .with_context(|| format!("{} is not Parquet", input.display()))?
                .build()?;
            let mut names = Vec::new();
            for batch in reader {
                let batch = batch?;
                let values = batch
                    .column_by_name(column)
                    .with_context(|| format!("{} has no column {column:?}", input.display()))?;
                let strings = arrow::compute::cast(values, &DataType::Utf8)?;
                let strings = strings.as_any().downcast_ref::<StringArray>().context("names are not strings")?;
                names.extend((0..strings.len()).map(|i| {
                    if strings.is_valid(i) {
                        strings.value(i).to_string()
                    } else {
                        String::new()
                    }
                }));
            }
            Ok(names)
        }
        ("csv" | "tsv", Some(column)) => {
            let delimiter = if extension == "tsv" { b'\t' } else { b',' };
            let mut reader = csv::ReaderBuilder::new()
                .delimiter(delimiter)
                .from_path(input)
                .with_context(|| format!("cannot open {}", input.display()))?;
            let position = reader
                .headers()?
                .iter()
                .position(|h| h == column)
                .with_context(|| format!("{} has no column {column:?}", input.display()))?;
            let mut names = Vec::new();
            for (line, record) in reader.records().enumerate() {
                let record = record.with_context(|| format!("{}: bad row {}", input.display(), line + 2))?;
                names.push(record.get(position).unwrap_or("").to_string());
            }
            Ok(names)
        }
        ("parquet" | "csv" | "tsv", None) => {
            bail!("{} is a table: say which column holds the names with --column", input.display())
        }
        _ => {
            let text = std::fs::read_to_string(input)
                .with_context(|| format!("cannot read {} as UTF-8 text", input.display()))?;
            Ok(text.lines().map(|l| l.trim().to_string()).collect())
        }
    }
}

/// Clusters the names in `input` and writes the table to `out`; returns the number of names.
pub fn cluster_file(input: &Path, column: Option<&str>, out: &Path) -> Result<usize> {
    let names = read_names(input, column)?;
    // Sanctions lists write people `LAST, First`: compared in reading order, shown as given.
    let forms: Vec<_> = names.iter().map(|n| analyze(&super::analyze::reading_order(n))).collect();
    let clusters = cluster_names(&forms, NameScorer::bundled());
    // Number clusters 1, 2, … in order of their first name; the canonical form is the most
    // frequent spelling of the cluster (the first one on a tie).
    let mut number = std::collections::HashMap::new();
    let mut spellings: std::collections::HashMap<usize, Vec<(usize, &str)>> = std::collections::HashMap::new();
    for (name, &cluster) in names.iter().zip(&clusters) {
        let next = number.len() as i64 + 1;
        number.entry(cluster).or_insert(next);
        let list = spellings.entry(cluster).or_default();
        match list.iter_mut().find(|(_, s)| *s == name.as_str()) {
            Some(entry) => entry.0 += 1,
            None => list.push((1, name.as_str())),
        }
    }
    let canonical = |cluster: usize| -> &str {
        let list = &spellings[&cluster];
        list.iter().fold(list[0], |best, &current| if current.0 > best.0 { current } else { best }).1
    };
    let schema = Arc::new(Schema::new(vec![
        Field::new("name", DataType::Utf8, false),
        Field::new("cluster_id", DataType::Int64, false),
        Field::new("canonical", DataType::Utf8, false),
    ]));
    let batch = RecordBatch::try_new(
        schema.clone(),
        vec![
            Arc::new(StringArray::from_iter_values(names.iter())),
            Arc::new(Int64Array::from_iter_values(clusters.iter().map(|c| number[c]))),
            Arc::new(StringArray::from_iter_values(clusters.iter().map(|&c| canonical(c)))),
        ],
    )?;
    let temporary = out.with_extension("parquet.tmp");
    let file = std::fs::File::create(&temporary).with_context(|| format!("cannot create {}", temporary.display()))?;
    let mut writer = parquet::arrow::ArrowWriter::try_new(file, schema, None)?;
    writer.write(&batch)?;
    writer.close()?;
    std::fs::rename(&temporary, out).with_context(|| format!("cannot move {} into place", out.display()))?;
    Ok(names.len())
}
