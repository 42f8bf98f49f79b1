//! Ingest throughput on SaudiNewsNet (or `AKHBAR_BENCH_INPUT`), against a bare
//! read-and-decompress pass of the same files measured in the same process.
//!
//! Run: `cargo bench --bench ingest`. Prints, for 1 and 2 threads: decompressed MB/s,
//! documents/s, peak RSS, the ratio of the full run (documents + rejects Parquet written) to the
//! bare read pass, and the 2-thread over 1-thread speedup. Each figure is the best of
//! `AKHBAR_BENCH_REPEAT` runs (default 3).

use std::path::PathBuf;
use std::time::Instant;

use akhbar::config::PipelineConfig;
use akhbar::ingest::{bare_read, discover_inputs};
use akhbar::pipeline::{run, ProgressMode, RunOptions};
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
    let mut bare = [0f64; 3];
    let mut full = [0f64; 3];
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
            "bare read+decompress, {threads} thread(s): {:7.1} MB/s  ({:.3} s, peak RSS {:.0} MB)",
            bytes as f64 / 1e6 / seconds,
            seconds,
            peak_rss_mb()
        );

        let options = RunOptions {
            inputs: vec![input.clone()],
            out: out.path().join(format!("t{threads}")),
            pipeline: PipelineConfig::default(),
            pipeline_path: None,
            threads,
            progress: ProgressMode::Quiet,
        };
        reset_peak_rss();
        let (seconds, (manifest, _)) = best_of(repeat, || run(&options).expect("run succeeds"));
        full[threads] = seconds;
        println!(
            "akhbar run,            {threads} thread(s): {:7.1} MB/s  ({:.3} s, {:.0} documents/s, peak RSS {:.0} MB)",
            decompressed as f64 / 1e6 / seconds,
            seconds,
            (manifest.documents + manifest.duplicates) as f64 / seconds,
            peak_rss_mb()
        );
    }
    println!("decompressed input: {:.1} MB", decompressed as f64 / 1e6);
    println!("ratio run / bare read, 1 thread:  {:.2}  (target >= 0.5)", bare[1] / full[1]);
    println!("ratio run / bare read, 2 threads: {:.2}  (target >= 0.5)", bare[2] / full[2]);
    println!("speedup of run, 2 threads over 1: {:.2}x (target >= 1.7)", full[1] / full[2]);
}
