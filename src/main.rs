//! The `akhbar` command line: parses arguments, calls the library, maps outcomes to exit codes.
//!
//! Exit codes: 0 success; 1 error (bad arguments, missing input, bad pipeline file, I/O
//! failure); 2 the share of rejected records exceeded `limits.max_reject_rate`; 3 no document
//! could be read at all.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand};

use akhbar::config::PipelineConfig;
use akhbar::pipeline::{self, ProgressMode, RunOptions, RunStatus};

#[derive(Parser)]
#[command(name = "akhbar", version, about = "Turn dumps of news articles into analysis-ready Parquet tables")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Ingest article dumps into documents/ and rejects/ Parquet tables plus _manifest.json.
    ///
    /// With no --input, processes the bundled sample corpus (data/sample).
    Run {
        /// Input files or directories (walked recursively). Repeatable.
        #[arg(long = "input", short = 'i', value_name = "PATH")]
        inputs: Vec<PathBuf>,
        /// Output directory; each table becomes a directory of Parquet files in it.
        #[arg(long, short = 'o', default_value = "out", value_name = "DIR")]
        out: PathBuf,
        /// Pipeline definition (TOML). Defaults to pipelines/default.toml when it exists.
        #[arg(long, short = 'p', value_name = "FILE")]
        pipeline: Option<PathBuf>,
        /// Worker threads (default: all cores). 1 runs everything on one thread.
        #[arg(long, short = 't')]
        threads: Option<usize>,
        /// No progress output on stderr.
        #[arg(long, short = 'q')]
        quiet: bool,
    },
    /// Summarize an output directory: counts, rejects by reason, schemas, timings.
    Inspect {
        /// The output directory of a run.
        #[arg(default_value = "out")]
        out: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match execute(cli.command) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("akhbar: error: {error:#}");
            ExitCode::from(1)
        }
    }
}

fn execute(command: Command) -> Result<ExitCode> {
    match command {
        Command::Run { inputs, out, pipeline, threads, quiet } => {
            let inputs = if inputs.is_empty() { vec![bundled("data/sample")?] } else { inputs };
            let pipeline_path = match pipeline {
                Some(path) => Some(path),
                None => bundled("pipelines/default.toml").ok(),
            };
            let config = match &pipeline_path {
                Some(path) => PipelineConfig::from_file(path)?,
                None => PipelineConfig::default(),
            };
            let threads = threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
            anyhow::ensure!(threads >= 1, "--threads must be at least 1");
            let options = RunOptions {
                inputs,
                out,
                pipeline: config,
                pipeline_path,
                threads,
                progress: if quiet { ProgressMode::Quiet } else { ProgressMode::Auto },
            };
            let (manifest, status) = pipeline::run(&options)?;
            if !quiet {
                eprintln!(
                    "akhbar: {} records → {} documents, {} duplicates, {} rejects in {:.2} s ({:.1} MB/s); wrote {}",
                    manifest.records_read,
                    manifest.documents,
                    manifest.duplicates,
                    manifest.rejects,
                    manifest.wall_seconds,
                    manifest.input_mb_per_second,
                    options.out.display()
                );
            }
            Ok(match status {
                RunStatus::Ok => ExitCode::SUCCESS,
                RunStatus::RejectRateExceeded => {
                    eprintln!(
                        "akhbar: error: {:.2}% of records were rejected, above limits.max_reject_rate = {:.2}%; see {}/rejects/",
                        manifest.reject_rate * 100.0,
                        manifest.max_reject_rate * 100.0,
                        options.out.display()
                    );
                    ExitCode::from(2)
                }
                RunStatus::NothingRead => {
                    eprintln!(
                        "akhbar: error: no document could be read from the inputs; see {}/rejects/",
                        options.out.display()
                    );
                    ExitCode::from(3)
                }
            })
        }
        Command::Inspect { out } => {
            print!("{}", akhbar::inspect::inspect(&out)?);
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// A path shipped with akhbar: relative to the working directory when it exists there (the
/// usual `cargo run` from the repository), else relative to the source tree the binary was built
/// from.
fn bundled(relative: &str) -> Result<PathBuf> {
    let here = Path::new(relative);
    if here.exists() {
        return Ok(here.to_path_buf());
    }
    let built_from = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    anyhow::ensure!(
        built_from.exists(),
        "{relative} not found (looked in the current directory and {})",
        env!("CARGO_MANIFEST_DIR")
    );
    Ok(built_from)
}
