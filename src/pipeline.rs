//! The wiring of a run: discover inputs → read (one thread) → parse and build documents (rayon)
//! → drop exact duplicates (in input order) → write Parquet (one thread) → manifest.
//!
//! Memory is bounded by the batch budget (`limits.batch_bytes`): at most a few batches are in
//! flight between the stages, whatever the corpus size. The only state that grows with the corpus
//! is the set of seen document hashes (16 bytes per document) used to find duplicates.
//!
//! Output is deterministic: files are read in sorted order, batches are cut by bytes (not by
//! timing), the parallel map keeps order, and duplicates are resolved in input order, so any
//! thread count gives byte-identical tables.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use arrow::array::RecordBatch;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::config::PipelineConfig;
use crate::document::Document;
use crate::extract::extract_mentions;
use crate::ingest::{self, InputFile, Item, Reject};
use crate::output::{self, DocumentMention, InputEntry, Manifest, StagingArea, TableEntry, TableWriter};

/// How a run reports progress on stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgressMode {
    /// A progress bar on a terminal, periodic plain lines otherwise.
    Auto,
    Quiet,
}

/// What `akhbar run` was asked to do.
#[derive(Debug, Clone)]
pub struct RunOptions {
    pub inputs: Vec<PathBuf>,
    pub out: PathBuf,
    pub pipeline: PipelineConfig,
    pub pipeline_path: Option<PathBuf>,
    /// Worker threads for parsing and text processing; reading and writing each get their own
    /// thread when this is above 1. With 1, the whole run is single-threaded.
    pub threads: usize,
    pub progress: ProgressMode,
}

/// How a run ended. Each outcome has its own exit code in the CLI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunStatus {
    Ok,
    RejectRateExceeded,
    NothingRead,
}

impl RunStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RunStatus::Ok => "ok",
            RunStatus::RejectRateExceeded => "reject_rate_exceeded",
            RunStatus::NothingRead => "nothing_read",
        }
    }
}

/// One batch, ready for the writer: each table's rows as Arrow record batches, in order.
struct TableBatches {
    documents: Vec<RecordBatch>,
    mentions: Vec<RecordBatch>,
    rejects: Vec<RecordBatch>,
}

/// Rows are converted to Arrow in chunks of this many, in parallel. A fixed size, so that the
/// Parquet written does not depend on the number of threads.
const ARROW_CHUNK_ROWS: usize = 4096;

/// Converts rows to record batches of [`ARROW_CHUNK_ROWS`] on the current pool, in order.
fn to_batches<T: Sync>(rows: &[T], convert: impl Fn(&[T]) -> RecordBatch + Sync + Send) -> Vec<RecordBatch> {
    rows.par_chunks(ARROW_CHUNK_ROWS).map(convert).collect()
}

/// A batch of processed records, in input order.
struct ProcessedBatch {
    documents: Vec<Document>,
    rejects: Vec<Reject>,
}

const TABLES: [&str; 4] = ["documents", "entities", "mentions", "rejects"];

/// Runs the ingest stage over the inputs and writes `documents/`, `rejects/` and the manifest.
pub fn run(options: &RunOptions) -> Result<(Manifest, RunStatus)> {
    let started = Instant::now();
    let started_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let inputs = ingest::discover_inputs(&options.inputs)?;
    let total_bytes: u64 = inputs.iter().map(|f| f.size).sum();
    let area = StagingArea::create(&options.out)?;
    let output_config = &options.pipeline.output;
    let mut documents = TableWriter::create(
        &area,
        "documents",
        output::documents_schema(),
        output::DOCUMENTS_DICTIONARY_COLUMNS,
        output_config,
    )?;
    let mut mentions = TableWriter::create(
        &area,
        "mentions",
        output::mentions_schema(),
        output::MENTIONS_DICTIONARY_COLUMNS,
        output_config,
    )?;
    let mut rejects = TableWriter::create(
        &area,
        "rejects",
        output::rejects_schema(),
        output::REJECTS_DICTIONARY_COLUMNS,
        output_config,
    )?;

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads.max(1))
        .build()
        .context("cannot start worker threads")?;
    let bytes_read = AtomicU64::new(0);
    let progress = Progress::start(options.progress, total_bytes);
    let mut counts = Counts::default();

    let mut deduplicator = Deduplicator::default();
    let config = &options.pipeline;
    // Everything between reading and writing, for one batch: parse and build documents in
    // parallel, mark duplicates in input order, count, and convert to Arrow in parallel.
    let mut prepare = |items: Vec<Item>| -> TableBatches {
        let mut batch = pool.install(|| process(items, config));
        deduplicator.mark(&mut batch.documents);
        let found = if config.extract.mentions { pool.install(|| find_mentions(&batch.documents)) } else { Vec::new() };
        counts.add(&batch);
        progress.update(bytes_read.load(Ordering::Relaxed), counts.records());
        let (documents, (mentions, rejects)) = pool.install(|| {
            rayon::join(
                || to_batches(&batch.documents, output::documents_batch),
                || (to_batches(&found, output::mentions_batch), to_batches(&batch.rejects, output::rejects_batch)),
            )
        });
        TableBatches { documents, mentions, rejects }
    };
    let mut write = |batches: TableBatches| -> Result<()> {
        for batch in &batches.documents {
            documents.write(batch)?;
        }
        for batch in &batches.mentions {
            mentions.write(batch)?;
        }
        for batch in &batches.rejects {
            rejects.write(batch)?;
        }
        Ok(())
    };

    if options.threads <= 1 {
        for_each_batch(&inputs, config, &bytes_read, &mut |items| write(prepare(items)))?;
    } else {
        std::thread::scope(|scope| -> Result<()> {
            let (raw_sender, raw_receiver) = sync_channel::<Vec<Item>>(2);
            let (done_sender, done_receiver) = sync_channel::<TableBatches>(2);
            let reader = scope.spawn(|| read_all(&inputs, config, &bytes_read, raw_sender));
            let writer = scope.spawn(move || write_all(done_receiver, &mut write));
            for items in raw_receiver {
                if done_sender.send(prepare(items)).is_err() {
                    break; // the writer stopped on an error, reported below
                }
            }
            drop(done_sender);
            writer.join().expect("writer thread does not panic")?;
            reader.join().expect("reader thread does not panic")
        })?;
    }
    progress.finish();

    let (document_rows, document_files) = documents.finish()?;
    let (mention_rows, mention_files) = mentions.finish()?;
    let (reject_rows, reject_files) = rejects.finish()?;
    let extract_seconds = started.elapsed().as_secs_f64();
    pool.broadcast(|_| crate::extract::release_word_cache());
    let (entity_rows, entity_files) = resolve_entities(&area, config, options.threads, mention_rows)?;
    let resolve_seconds = started.elapsed().as_secs_f64() - extract_seconds;
    publish_output(&area)?;

    let wall_seconds = started.elapsed().as_secs_f64();
    let records_read = counts.records();
    let reject_rate = if records_read == 0 { 0.0 } else { counts.rejects as f64 / records_read as f64 };
    let status = if counts.documents == 0 {
        RunStatus::NothingRead
    } else if reject_rate > config.limits.max_reject_rate {
        RunStatus::RejectRateExceeded
    } else {
        RunStatus::Ok
    };
    let manifest = Manifest {
        akhbar_version: env!("CARGO_PKG_VERSION").to_string(),
        pipeline: config.name.clone(),
        pipeline_path: options.pipeline_path.as_ref().map(|p| p.display().to_string()),
        started_at,
        threads: options.threads,
        inputs: inputs
            .iter()
            .map(|f| InputEntry { path: f.path.display().to_string(), size: f.size, mtime: f.mtime })
            .collect(),
        records_read,
        documents: counts.documents,
        duplicates: counts.duplicates,
        rejects: counts.rejects,
        rejects_by_reason: counts.by_reason,
        reject_rate,
        max_reject_rate: config.limits.max_reject_rate,
        tables: BTreeMap::from([
            ("documents".to_string(), TableEntry { rows: document_rows, files: document_files }),
            ("entities".to_string(), TableEntry { rows: entity_rows, files: entity_files }),
            ("mentions".to_string(), TableEntry { rows: mention_rows, files: mention_files }),
            ("rejects".to_string(), TableEntry { rows: reject_rows, files: reject_files }),
        ]),
        input_bytes: total_bytes,
        wall_seconds,
        stage_seconds: BTreeMap::from([
            ("extract".to_string(), extract_seconds),
            ("resolve".to_string(), resolve_seconds),
        ]),
        input_mb_per_second: total_bytes as f64 / 1e6 / wall_seconds.max(1e-9),
        records_per_second: records_read as f64 / wall_seconds.max(1e-9),
        status: status.as_str().to_string(),
    };
    manifest.write(&options.out)?;
    Ok((manifest, status))
}

/// The resolve stage: streams the staged mentions once, keys them document by document and
/// spills them into buckets by key (`names::resolve::key_mentions`); resolves each bucket as an
/// independent task on one of `threads` threads (`names::resolve::resolve_bucket`); writes `entities/`
/// and rewrites `mentions/` with `entity_id`. Memory holds the buckets being resolved, the
/// entity rows and four bytes per mention, not the mentions themselves.
fn resolve_entities(
    area: &StagingArea,
    config: &PipelineConfig,
    threads: usize,
    mention_rows: u64,
) -> Result<(u64, Vec<String>)> {
    use crate::names::resolve::{join_entities, key_mentions, resolve_bucket, FormCache, MentionKeyRow};
    use arrow::array::{Array, Date32Array, Int64Array, StringArray};
    let staged = area.staging.join("mentions");
    let mut published: HashMap<String, Option<i32>> = HashMap::new();
    output::for_each_table_batch(&area.staging.join("documents"), &["doc_id", "published"], |batch| {
        let ids = output::string_column(&batch, "doc_id")?;
        let dates = batch.column_by_name("published").context("documents.published is missing")?;
        let dates = dates.as_any().downcast_ref::<Date32Array>().context("published is a date column")?;
        for row in 0..batch.num_rows() {
            published.entry(ids.value(row).to_string()).or_insert(dates.is_valid(row).then(|| dates.value(row)));
        }
        Ok(())
    })?;

    // Key the mentions document by document (a document's mentions are together in the table,
    // though a batch may end inside one) and spill them into buckets.
    let buckets = mention_rows.div_ceil(config.limits.resolve_bucket_mentions.max(1) as u64).max(1) as usize;
    let bucket_directory = area.staging.join("resolve-buckets");
    let mut spill = output::BucketWriter::create(&bucket_directory, buckets)?;
    let mut cache = FormCache::default();
    let mut pending: Vec<MentionKeyRow> = Vec::new();
    let mut ordinal = 0u64;
    let mut flush = |rows: &[MentionKeyRow], ordinal: &mut u64| -> Result<()> {
        for keyed in key_mentions(rows, &mut cache) {
            spill.write(*ordinal, &keyed)?;
            *ordinal += 1;
        }
        Ok(())
    };
    output::for_each_table_batch(&staged, &["doc_id", "sentence", "type", "match_text", "text"], |batch| {
        let column = |name: &str| output::string_column(&batch, name);
        let (doc_ids, types, match_texts, texts) =
            (column("doc_id")?, column("type")?, column("match_text")?, column("text")?);
        let sentences = batch.column_by_name("sentence").context("mentions.sentence is missing")?;
        let sentences = sentences.as_any().downcast_ref::<Int64Array>().context("sentence is an integer column")?;
        for row in 0..batch.num_rows() {
            pending.push(MentionKeyRow {
                doc_id: doc_ids.value(row).to_string(),
                sentence: sentences.value(row),
                entity_type: types.value(row).to_string(),
                match_text: match_texts.value(row).to_string(),
                text: texts.value(row).to_string(),
                published: published.get(doc_ids.value(row)).copied().flatten(),
            });
        }
        let last_document = pending.last().map(|m| m.doc_id.clone()).unwrap_or_default();
        let complete = pending.iter().rposition(|m| m.doc_id != last_document).map_or(0, |i| i + 1);
        flush(&pending[..complete], &mut ordinal)?;
        pending.drain(..complete);
        Ok(())
    })?;
    flush(&pending, &mut ordinal)?;
    drop(pending);
    let paths = spill.finish()?;

    // Resolve the buckets in parallel, one per thread at a time; results in bucket order, so the
    // output does not depend on the number of threads. Plain threads, not the rayon pool: a rayon
    // worker waiting on polars' own pool would start other buckets meanwhile, and hold them all.
    type Resolved = (Vec<u64>, Vec<usize>, Vec<crate::names::resolve::EntityRow>);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let resolve_next = || -> Result<Vec<(usize, Resolved)>> {
        let mut done = Vec::new();
        loop {
            let bucket = next.fetch_add(1, Ordering::Relaxed);
            let Some(path) = paths.get(bucket) else { return Ok(done) };
            let (ordinals, mentions) = output::read_bucket(path)?;
            let (entity_of, rows) = resolve_bucket(&mentions)?;
            std::fs::remove_file(path).with_context(|| format!("cannot remove {}", path.display()))?;
            done.push((bucket, (ordinals, entity_of, rows)));
        }
    };
    let mut resolved: Vec<(usize, Resolved)> = std::thread::scope(|scope| -> Result<_> {
        let workers: Vec<_> = (0..threads.clamp(1, paths.len().max(1))).map(|_| scope.spawn(resolve_next)).collect();
        let mut all = Vec::new();
        for worker in workers {
            all.extend(worker.join().expect("resolve worker does not panic")?);
        }
        Ok(all)
    })?;
    resolved.sort_by_key(|(bucket, _)| *bucket);
    let resolved = resolved.into_iter().map(|(_, r)| r);
    let _ = std::fs::remove_dir(&bucket_directory);
    let mut entity_of_mention = vec![u32::MAX; ordinal as usize];
    let mut entities = Vec::new();
    for (ordinals, entity_of, rows) in resolved {
        let base = entities.len();
        for (ordinal, entity) in ordinals.into_iter().zip(entity_of) {
            entity_of_mention[ordinal as usize] = u32::try_from(base + entity).context("too many entities")?;
        }
        entities.extend(rows);
    }
    // Names that chain across buckets (Salman bin Abdulaziz … Al Saud) share an id; rows with
    // one id are merged.
    let ids = join_entities(&mut entities);

    let mut resolved = TableWriter::create(
        area,
        "mentions.resolved",
        output::mentions_schema(),
        output::MENTIONS_DICTIONARY_COLUMNS,
        &config.output,
    )?;
    let mut offset = 0;
    output::for_each_table_batch(&staged, &[], |batch| {
        let rows =
            entity_of_mention.get(offset..offset + batch.num_rows()).context("mentions changed while resolving")?;
        let ids: StringArray = rows.iter().map(|&i| ids.get(i as usize).map(String::as_str)).collect();
        offset += batch.num_rows();
        let index = batch.schema().index_of("entity_id")?;
        let mut columns = batch.columns().to_vec();
        columns[index] = std::sync::Arc::new(ids);
        resolved.write(&RecordBatch::try_new(batch.schema(), columns)?)
    })?;
    resolved.finish()?;
    std::fs::remove_dir_all(&staged).with_context(|| format!("cannot replace {}", staged.display()))?;
    std::fs::rename(area.staging.join("mentions.resolved"), &staged)
        .with_context(|| format!("cannot move {} into place", staged.display()))?;

    let mut writer = TableWriter::create(
        area,
        "entities",
        output::entities_schema(),
        output::ENTITIES_DICTIONARY_COLUMNS,
        &config.output,
    )?;
    for chunk in entities.chunks(50_000) {
        writer.write(&output::entities_batch(chunk))?;
    }
    writer.finish()
}

fn publish_output(area: &StagingArea) -> Result<()> {
    output::publish_tables(area, &TABLES)
}

/// Reads every input in order and hands over batches of about `limits.batch_bytes` bytes.
fn for_each_batch(
    inputs: &[InputFile],
    config: &PipelineConfig,
    bytes_read: &AtomicU64,
    handle: &mut dyn FnMut(Vec<Item>) -> Result<()>,
) -> Result<()> {
    let budget = config.limits.batch_bytes;
    let mut batch = Vec::new();
    let mut batch_bytes = 0usize;
    let mut failure = None;
    for file in inputs {
        ingest::read_input(file, &config.input, &config.limits, bytes_read, &mut |item| {
            if failure.is_some() {
                return;
            }
            batch_bytes += match &item {
                Item::Record(raw) => raw.size(),
                Item::Reject(reject) => reject.excerpt.len(),
            } + 64;
            batch.push(item);
            if batch_bytes >= budget {
                batch_bytes = 0;
                if let Err(error) = handle(std::mem::take(&mut batch)) {
                    failure = Some(error);
                }
            }
        });
        if let Some(error) = failure.take() {
            return Err(error);
        }
    }
    if !batch.is_empty() {
        handle(batch)?;
    }
    Ok(())
}

fn read_all(
    inputs: &[InputFile],
    config: &PipelineConfig,
    bytes_read: &AtomicU64,
    sender: SyncSender<Vec<Item>>,
) -> Result<()> {
    for_each_batch(inputs, config, bytes_read, &mut |items| {
        // A closed channel means processing stopped on an error, which is reported there.
        sender.send(items).map_err(|_| anyhow::anyhow!("processing stopped"))
    })
    .or_else(|error| if error.to_string() == "processing stopped" { Ok(()) } else { Err(error) })
}

fn write_all(receiver: Receiver<TableBatches>, write: &mut dyn FnMut(TableBatches) -> Result<()>) -> Result<()> {
    for batch in receiver {
        write(batch)?;
    }
    Ok(())
}

/// Parses and builds documents for one batch, in parallel, keeping input order.
fn process(items: Vec<Item>, config: &PipelineConfig) -> ProcessedBatch {
    let results: Vec<Result<Document, Reject>> = items
        .into_par_iter()
        .with_min_len(16)
        .map(|item| match item {
            Item::Record(raw) => ingest::parse_record(&raw, &config.input.fields).map(Document::from_article),
            Item::Reject(reject) => Err(reject),
        })
        .collect();
    let mut batch = ProcessedBatch { documents: Vec::with_capacity(results.len()), rejects: Vec::new() };
    for result in results {
        match result {
            Ok(document) => batch.documents.push(document),
            Err(reject) => batch.rejects.push(reject),
        }
    }
    batch
}

/// Entity mentions of the distinct documents of a batch, in parallel, in document order.
fn find_mentions(documents: &[Document]) -> Vec<DocumentMention> {
    documents
        .par_iter()
        .with_min_len(4)
        .filter(|document| document.duplicate_of.is_none())
        .flat_map_iter(|document| {
            extract_mentions(&document.text, document.language)
                .into_iter()
                .map(|mention| DocumentMention { doc_id: document.doc_id.clone(), mention })
        })
        .collect()
}

/// Marks exact duplicates: a document whose `doc_id` was seen earlier in the run.
#[derive(Default)]
struct Deduplicator {
    seen: HashSet<u128>,
}

impl Deduplicator {
    fn mark(&mut self, documents: &mut [Document]) {
        for document in documents {
            if !self.seen.insert(document.doc_hash) {
                document.duplicate_of = Some(document.doc_id.clone());
            }
        }
    }
}

#[derive(Default)]
struct Counts {
    documents: u64,
    duplicates: u64,
    rejects: u64,
    by_reason: BTreeMap<String, u64>,
}

impl Counts {
    fn add(&mut self, batch: &ProcessedBatch) {
        let duplicates = batch.documents.iter().filter(|d| d.duplicate_of.is_some()).count() as u64;
        self.duplicates += duplicates;
        self.documents += batch.documents.len() as u64 - duplicates;
        self.rejects += batch.rejects.len() as u64;
        for reject in &batch.rejects {
            *self.by_reason.entry(reject.reason.as_str().to_string()).or_default() += 1;
        }
    }

    fn records(&self) -> u64 {
        self.documents + self.duplicates + self.rejects
    }
}

/// Progress on stderr: an indicatif bar on a terminal, a plain line every few seconds otherwise.
enum Progress {
    Bar(ProgressBar),
    Plain { started: Instant, last: std::cell::Cell<Instant>, total: u64 },
    Quiet,
}

impl Progress {
    fn start(mode: ProgressMode, total_bytes: u64) -> Self {
        if mode == ProgressMode::Quiet {
            return Progress::Quiet;
        }
        if std::io::stderr().is_terminal() {
            let bar = ProgressBar::new(total_bytes);
            let style = ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} ({binary_bytes_per_sec}, ETA {eta}) {msg}",
            )
            .expect("progress template is valid");
            bar.set_style(style);
            bar.enable_steady_tick(Duration::from_millis(200));
            Progress::Bar(bar)
        } else {
            let now = Instant::now();
            Progress::Plain { started: now, last: std::cell::Cell::new(now), total: total_bytes }
        }
    }

    fn update(&self, bytes: u64, records: u64) {
        match self {
            Progress::Bar(bar) => {
                bar.set_position(bytes);
                bar.set_message(format!("{records} records"));
            }
            Progress::Plain { started, last, total } => {
                if last.get().elapsed() >= Duration::from_secs(5) {
                    last.set(Instant::now());
                    let seconds = started.elapsed().as_secs_f64();
                    eprintln!(
                        "akhbar: {:.1}/{:.1} MB read, {records} records, {:.1} MB/s, {:.0} records/s",
                        bytes as f64 / 1e6,
                        *total as f64 / 1e6,
                        bytes as f64 / 1e6 / seconds,
                        records as f64 / seconds
                    );
                }
            }
            Progress::Quiet => {}
        }
    }

    fn finish(&self) {
        if let Progress::Bar(bar) = self {
            bar.finish_and_clear();
        }
    }
}
