//! Throughput of akhbar on SaudiNewsNet (or `AKHBAR_BENCH_INPUT`), each figure next to a
//! baseline measured in the same process:
//!
//! 1. the entity tagger alone, tokens per second on one core (cache cold, then warm), and the
//!    whole mention stage (tokenize, tag, build mentions);
//! 2. `akhbar run` with and without mentions, on 1 and 2 threads, against a bare
//!    read-and-decompress pass of the same files: MB/s of decompressed input, documents/s, peak
//!    RSS, the ratio to the bare pass and the 2-over-1-thread speedup; with mentions, the
//!    extract and resolve stages' times;
//! 3. `akhbar names cluster` on the names of the OFAC list, in names per second.
//!
//! Run: `cargo bench --bench throughput`. Each timing is the best of `AKHBAR_BENCH_REPEAT` runs
//! (default 3).

use std::path::PathBuf;
use std::time::Instant;

use akhbar::config::PipelineConfig;
use akhbar::extract::{extract_mentions, Gazetteer, Tagger};
use akhbar::ingest::{bare_read, discover_inputs};
use akhbar::pipeline::{run, ProgressMode, RunOptions};
use akhbar::text::tokens::{sentences, tokenize};
use rayon::prelude::*;

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(f64::NAN);
    kb / 1024.0
}

/// Resets the kernel's peak-RSS mark so each phase reports its own peak.
fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn best_of<T>(repeat: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best: Option<(f64, T)> = None;
    for _ in 0..repeat {
        let started = Instant::now();
        let value = f();
        let seconds = started.elapsed().as_secs_f64();
        if best.as_ref().is_none_or(|(s, _)| seconds < *s) {
            best = Some((seconds, value));
        }
    }
    best.expect("at least one repetition")
}

fn main() {
    let input = std::env::var_os("AKHBAR_BENCH_INPUT")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/corpora/saudinewsnet"));
    if !input.exists() {
        eprintln!("SKIP: benchmark input {} is absent (set AKHBAR_BENCH_INPUT)", input.display());
        return;
    }
    let repeat: usize = std::env::var("AKHBAR_BENCH_REPEAT").ok().and_then(|v| v.parse().ok()).unwrap_or(3);
    let files = discover_inputs(std::slice::from_ref(&input)).expect("inputs");
    let on_disk: u64 = files.iter().map(|f| f.size).sum();
    println!(
        "input: {} ({} files, {:.1} MB on disk), best of {repeat}",
        input.display(),
        files.len(),
        on_disk as f64 / 1e6
    );
    let out = tempfile::tempdir().expect("temporary directory");

    tagger_throughput(&input, &out.path().join("texts"));

    let mut bare = [0f64; 3];
    let mut decompressed = 0u64;
    for threads in [1usize, 2] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("pool");
        reset_peak_rss();
        let (seconds, bytes) = best_of(repeat, || {
            pool.install(|| files.par_iter().map(|f| bare_read(f).expect("readable input")).sum::<u64>())
        });
        decompressed = bytes;
        bare[threads] = seconds;
        println!(
            "bare read+decompress,     {threads} thread(s): {:7.1} MB/s ({:.3} s, peak RSS {:.0} MB)",
            bytes as f64 / 1e6 / seconds,
            seconds,
            peak_rss_mb()
        );
    }
    for mentions in [false, true] {
        let mut full = [0f64; 3];
        for threads in [1usize, 2] {
            let mut pipeline = PipelineConfig::default();
            pipeline.extract.mentions = mentions;
            let options = RunOptions {
                inputs: vec![input.clone()],
                out: out.path().join(format!("t{threads}")),
                pipeline,
                pipeline_path: None,
                threads,
                progress: ProgressMode::Quiet,
            };
            reset_peak_rss();
            let (seconds, (manifest, _)) = best_of(repeat, || run(&options).expect("run succeeds"));
            full[threads] = seconds;
            println!(
                "run, mentions {:<3},       {threads} thread(s): {:7.1} MB/s ({:.3} s, {:.0} documents/s, peak RSS {:.0} MB), ratio to bare read {:.2}; stages {:?}",
                if mentions { "on" } else { "off" },
                decompressed as f64 / 1e6 / seconds,
                seconds,
                (manifest.documents + manifest.duplicates) as f64 / seconds,
                peak_rss_mb(),
                bare[threads] / seconds,
                manifest.stage_seconds
            );
        }
        println!(
            "run, mentions {:<3}: speedup 2 threads over 1: {:.2}x",
            if mentions { "on" } else { "off" },
            full[1] / full[2]
        );
    }
    println!("decompressed input: {:.1} MB", decompressed as f64 / 1e6);
    names_cluster_throughput(out.path());
}

/// `akhbar names cluster` on every name and a.k.a. of the OFAC list, in names per second.
fn names_cluster_throughput(out: &std::path::Path) {
    let list = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/names/ofac-sdn.jsonl");
    let Ok(text) = std::fs::read_to_string(&list) else {
        println!("names cluster: {} is absent, skipped", list.display());
        return;
    };
    let mut names = String::new();
    for line in text.lines() {
        let value: serde_json::Value = serde_json::from_str(line).expect("OFAC line");
        names.push_str(value["name"].as_str().unwrap_or(""));
        names.push('\n');
        for alias in value["aliases"].as_array().into_iter().flatten() {
            names.push_str(alias["name"].as_str().unwrap_or(""));
            names.push('\n');
        }
    }
    let input = out.join("ofac-names.txt");
    std::fs::write(&input, names).expect("names file");
    let started = Instant::now();
    let count = akhbar::names::cli::cluster_file(&input, None, &out.join("clusters.parquet")).expect("clustering");
    let seconds = started.elapsed().as_secs_f64();
    println!("names cluster, OFAC list: {count} names in {seconds:.2} s, {:.0} names/s", count as f64 / seconds);
}

/// Tokens per second of the tagger alone and of the whole mention stage, on one core.
fn tagger_throughput(input: &std::path::Path, out: &std::path::Path) {
    let Some(tagger) = Tagger::bundled() else {
        println!("tagger: no bundled model, skipped");
        return;
    };
    // Read the documents once with the real pipeline (mentions off), then take their texts.
    let mut pipeline = PipelineConfig::default();
    pipeline.extract.mentions = false;
    let options = RunOptions {
        inputs: vec![input.to_path_buf()],
        out: out.to_path_buf(),
        pipeline,
        pipeline_path: None,
        threads: 2,
        progress: ProgressMode::Quiet,
    };
    run(&options).expect("run succeeds");
    let texts = read_texts(&out.join("documents"));
    let mut sentence_words: Vec<Vec<&str>> = Vec::new();
    for text in &texts {
        let tokens = tokenize(text);
        for range in sentences(text, &tokens) {
            sentence_words.push(tokens[range].iter().map(|t| t.text(text)).collect());
        }
    }
    let tokens: usize = sentence_words.iter().map(Vec::len).sum();
    let gazetteer = Gazetteer::bundled();
    let mut cache = akhbar::extract::tagger::WordCache::new(tagger);
    for pass in ["cold cache", "warm cache"] {
        let started = Instant::now();
        let mut entities = 0usize;
        for words in &sentence_words {
            entities += cache.tag(words, tagger, gazetteer).iter().filter(|&&l| l % 2 == 1).count();
        }
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "tagger alone, {pass}, 1 core: {:.2}M tokens/s ({tokens} tokens, {entities} entity starts, {seconds:.2} s; target >= 2M)",
            tokens as f64 / seconds / 1e6
        );
    }
    let started = Instant::now();
    let mentions: usize = texts.iter().map(|t| extract_mentions(t, akhbar::text::Language::Arabic).len()).sum();
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "mention stage (tokenize + tag + mentions), 1 core: {:.2}M tokens/s ({mentions} mentions, {seconds:.2} s)",
        tokens as f64 / seconds / 1e6
    );
}

fn read_texts(table: &std::path::Path) -> Vec<String> {
    use arrow::array::{Array, StringArray};
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(table).expect("documents table") {
        let path = entry.expect("entry").path();
        let file = std::fs::File::open(&path).expect("part file");
        let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
            .expect("parquet")
            .build()
            .expect("reader");
        for batch in reader {
            let batch = batch.expect("batch");
            let column = batch.column_by_name("text").expect("text column");
            let strings = column.as_any().downcast_ref::<StringArray>().expect("strings");
            texts.extend((0..strings.len()).map(|i| strings.value(i).to_string()));
        }
    }
    texts
}
