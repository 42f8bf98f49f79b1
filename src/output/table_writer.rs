//! Writing a table as a directory of Parquet part files, atomically: a run writes every table
//! into a staging directory inside the output directory, and only a finished run moves its
//! tables into place. A crashed run leaves the previous output untouched.

use std::fs::File;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use arrow::array::RecordBatch;
use arrow::datatypes::SchemaRef;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::{EnabledStatistics, WriterProperties};
use parquet::schema::types::ColumnPath;

use crate::config::OutputConfig;

/// The directory a run writes into before it publishes its tables.
pub struct StagingArea {
    pub out: PathBuf,
    pub staging: PathBuf,
}

impl StagingArea {
    /// Creates `<out>/.akhbar-staging` afresh (removing what a crashed run left there).
    pub fn create(out: &Path) -> Result<Self> {
        let staging = out.join(".akhbar-staging");
        if staging.exists() {
            std::fs::remove_dir_all(&staging).with_context(|| format!("cannot clear {}", staging.display()))?;
        }
        std::fs::create_dir_all(&staging)
            .with_context(|| format!("cannot create output directory {}", staging.display()))?;
        Ok(StagingArea { out: out.to_path_buf(), staging })
    }
}

/// Moves each staged table directory over its published one, then removes the staging area.
pub fn publish_tables(area: &StagingArea, tables: &[&str]) -> Result<()> {
    for table in tables {
        let staged = area.staging.join(table);
        let published = area.out.join(table);
        if published.exists() {
            std::fs::remove_dir_all(&published).with_context(|| format!("cannot replace {}", published.display()))?;
        }
        std::fs::rename(&staged, &published)
            .with_context(|| format!("cannot move {} into place", published.display()))?;
    }
    std::fs::remove_dir_all(&area.staging).with_context(|| format!("cannot remove {}", area.staging.display()))?;
    Ok(())
}

/// Writes record batches of one table into `part-NNNNN.parquet` files of bounded size.
pub struct TableWriter {
    directory: PathBuf,
    schema: SchemaRef,
    properties: WriterProperties,
    rows_per_file: usize,
    current: Option<(ArrowWriter<File>, PathBuf, usize)>,
    files: Vec<String>,
    rows: u64,
}

impl TableWriter {
    /// `dictionary_columns` are the low-cardinality string columns worth dictionary-encoding;
    /// for the others (texts, ids) a dictionary only costs time before the writer gives up on it.
    pub fn create(
        area: &StagingArea,
        table: &str,
        schema: SchemaRef,
        dictionary_columns: &[&str],
        config: &OutputConfig,
    ) -> Result<Self> {
        let directory = area.staging.join(table);
        std::fs::create_dir_all(&directory).with_context(|| format!("cannot create {}", directory.display()))?;
        let level = ZstdLevel::try_new(config.zstd_level).context("output.zstd_level is not a valid zstd level")?;
        let mut properties = WriterProperties::builder().set_dictionary_enabled(false);
        for column in dictionary_columns {
            properties = properties.set_column_dictionary_enabled(ColumnPath::from(*column), true);
        }
        let properties = properties
            .set_compression(Compression::ZSTD(level))
            .set_max_row_group_row_count(Some(config.row_group_rows))
            // Long articles: also cap a row group's encoded size, which the writer holds in memory.
            .set_max_row_group_bytes(Some(64 << 20))
            .set_statistics_enabled(EnabledStatistics::Page)
            .set_created_by(format!("akhbar {}", env!("CARGO_PKG_VERSION")))
            .build();
        Ok(TableWriter {
            directory,
            schema,
            properties,
            rows_per_file: config.rows_per_file,
            current: None,
            files: Vec::new(),
            rows: 0,
        })
    }

    pub fn write(&mut self, batch: &RecordBatch) -> Result<()> {
        let mut offset = 0;
        while offset < batch.num_rows() {
            if self.current.is_none() {
                let name = format!("part-{:05}.parquet", self.files.len());
                let path = self.directory.join(&name);
                let file = File::create(&path).with_context(|| format!("cannot create {}", path.display()))?;
                let writer = ArrowWriter::try_new(file, self.schema.clone(), Some(self.properties.clone()))?;
                self.files.push(name);
                self.current = Some((writer, path, 0));
            }
            let (writer, _, rows_in_file) = self.current.as_mut().expect("a part file is open");
            let take = (self.rows_per_file - *rows_in_file).min(batch.num_rows() - offset);
            writer.write(&batch.slice(offset, take))?;
            *rows_in_file += take;
            offset += take;
            if *rows_in_file >= self.rows_per_file {
                self.close_part()?;
            }
        }
        self.rows += batch.num_rows() as u64;
        Ok(())
    }

    fn close_part(&mut self) -> Result<()> {
        if let Some((writer, path, _)) = self.current.take() {
            writer.close().with_context(|| format!("cannot finish {}", path.display()))?;
        }
        Ok(())
    }

    /// Closes the last part file. A table with no rows still gets one (empty) part file, so
    /// readers always find its schema.
    pub fn finish(mut self) -> Result<(u64, Vec<String>)> {
        if self.files.is_empty() {
            let name = "part-00000.parquet".to_string();
            let path = self.directory.join(&name);
            let file = File::create(&path).with_context(|| format!("cannot create {}", path.display()))?;
            ArrowWriter::try_new(file, self.schema.clone(), Some(self.properties.clone()))?.close()?;
            self.files.push(name);
        }
        self.close_part()?;
        Ok((self.rows, self.files))
    }
}

/// Reads the given columns (all when `columns` is empty) of a table directory's part files, in
/// file order.
pub fn read_table(directory: &Path, columns: &[&str]) -> Result<Vec<RecordBatch>> {
    let mut batches = Vec::new();
    for_each_table_batch(directory, columns, |batch| {
        batches.push(batch);
        Ok(())
    })?;
    Ok(batches)
}

/// Streams the given columns (all when `columns` is empty) of a table directory's part files,
/// batch by batch in file order, without holding the table in memory.
pub fn for_each_table_batch(
    directory: &Path,
    columns: &[&str],
    mut each: impl FnMut(RecordBatch) -> Result<()>,
) -> Result<()> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(directory)
        .with_context(|| format!("cannot list {}", directory.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "parquet"))
        .collect();
    files.sort();
    for path in files {
        let file = File::open(&path).with_context(|| format!("cannot open {}", path.display()))?;
        let builder = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)?;
        let builder = if columns.is_empty() {
            builder
        } else {
            let mask = parquet::arrow::ProjectionMask::columns(builder.parquet_schema(), columns.iter().copied());
            builder.with_projection(mask)
        };
        for batch in builder.build()? {
            each(batch?)?;
        }
    }
    Ok(())
}

/// A string column of a batch, by name; the error says which column is missing or mistyped.
pub fn string_column(batch: &RecordBatch, name: &str) -> Result<arrow::array::StringArray> {
    let column = batch.column_by_name(name).with_context(|| format!("column {name} is missing"))?;
    column
        .as_any()
        .downcast_ref::<arrow::array::StringArray>()
        .cloned()
        .with_context(|| format!("column {name} is not a string column"))
}
