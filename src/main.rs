//! The `akhbar` command line: parses arguments, calls the library, maps outcomes to exit codes.
//!
//! Exit codes: 0 success; 1 error (bad arguments, missing input, bad pipeline file, I/O
//! failure); 2 the share of rejected records exceeded `limits.max_reject_rate`; 3 no document
//! could be read at all.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
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
    /// Work with lists of names.
    #[command(subcommand)]
    Names(NamesCommand),
    /// Train a model shipped in data/.
    #[command(subcommand)]
    Train(TrainCommand),
    /// Measure a stage against labelled data.
    #[command(subcommand)]
    Eval(EvalCommand),
}

#[derive(Subcommand)]
enum NamesCommand {
    /// Cluster a list of names (spellings and scripts of one name together) into a Parquet table
    /// with columns name, cluster_id, canonical: one row per input name, in input order.
    ///
    /// INPUT is a text file with one name per line, or a CSV or Parquet file with --column.
    Cluster {
        input: PathBuf,
        #[arg(long, short = 'o', value_name = "FILE")]
        out: PathBuf,
        /// The column holding the names, for CSV and Parquet input.
        #[arg(long)]
        column: Option<String>,
    },
}

#[derive(Subcommand)]
enum TrainCommand {
    /// Train the Arabic entity tagger on a CoNLL file (`token TAG` lines, ANERcorp's format).
    ///
    /// The last --dev-fraction of the sentences is held out and scored after every epoch with the
    /// full mention pipeline; the model after the last epoch is written to --out.
    Ner {
        #[arg(long, value_name = "FILE")]
        conll: PathBuf,
        #[arg(long, default_value_t = 0.1)]
        dev_fraction: f64,
        #[arg(long, default_value_t = 10)]
        epochs: usize,
        #[arg(long, default_value = "data/models/ner-ar.bin", value_name = "FILE")]
        out: PathBuf,
    },
    /// Learn word clusters (a tagger feature) from the `text` of a documents table, e.g. the
    /// output of `akhbar run --input ../shared/data/corpora/saudinewsnet --out OUT`; then retrain
    /// the tagger (`akhbar train ner`) and rebuild.
    Clusters {
        /// A `documents/` table directory.
        #[arg(long, value_name = "DIR")]
        documents: PathBuf,
        /// Named in the file's header: where the text came from and under which licence.
        #[arg(long, value_name = "TEXT")]
        source: String,
        #[arg(long, default_value = "data/models/word-clusters.tsv", value_name = "FILE")]
        out: PathBuf,
    },
    /// Fit the name matcher's weights on list records: names of one record are the same person,
    /// names of different records that share a skeleton are not. A fifth of the records (by a
    /// hash of their id) is held out for `akhbar eval names`.
    Names {
        #[arg(long, value_name = "FILE", default_value = "../shared/data/names/un-individuals.jsonl")]
        un: PathBuf,
        #[arg(long, value_name = "FILE", default_value = "../shared/data/names/ofac-sdn.jsonl")]
        ofac: PathBuf,
        #[arg(long, value_name = "FILE", default_value = "../shared/data/names/anetac-pairs.jsonl")]
        anetac: PathBuf,
        #[arg(long, default_value = "data/models/names.json", value_name = "FILE")]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Score entity mentions against a CoNLL file: precision, recall and F1 per type and
    /// micro-averaged, exact span and type (CoNLL style).
    Ner {
        #[arg(long, value_name = "FILE")]
        conll: PathBuf,
        /// Score only the sentences after this fraction of the file (0.9 = the dev split that
        /// `akhbar train ner` holds out by default).
        #[arg(long, default_value_t = 0.0)]
        skip_fraction: f64,
        /// Score this model (as written by `akhbar train ner --out FILE`) instead of the bundled one.
        #[arg(long, value_name = "FILE")]
        model: Option<PathBuf>,
        /// Instead: K-fold cross-validation over the whole file (train on K-1 contiguous blocks,
        /// score the remaining one, pool the counts), with and without the document-level pass.
        #[arg(long, value_name = "K")]
        folds: Option<usize>,
    },
    /// Score the name matcher on the held-out fifth of the UN and OFAC records: Recall@1 of
    /// Arabic-script look-up, pairwise and B-cubed F1 of clustering, next to a Jaro-Winkler
    /// baseline on plain transliteration (its threshold tuned on the training records).
    Names {
        #[arg(long, value_name = "FILE", default_value = "../shared/data/names/un-individuals.jsonl")]
        un: PathBuf,
        #[arg(long, value_name = "FILE", default_value = "../shared/data/names/ofac-sdn.jsonl")]
        ofac: PathBuf,
        /// A scorer written by `akhbar train names --out FILE`, instead of the bundled one.
        #[arg(long, value_name = "FILE")]
        scorer: Option<PathBuf>,
    },
    /// Document-level recall of English mentions against Reuters-21578's PEOPLE and PLACES tags.
    Reuters {
        /// The Reuters-21578 directory (reut2-*.xml or .sgm).
        #[arg(long, value_name = "DIR")]
        input: PathBuf,
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
        Command::Train(TrainCommand::Ner { conll, dev_fraction, epochs, out }) => {
            anyhow::ensure!((0.0..1.0).contains(&dev_fraction), "--dev-fraction must be in [0, 1)");
            let (sentences, skipped) = akhbar::extract::conll::read_conll(&conll)?;
            let split = sentences.len() - (sentences.len() as f64 * dev_fraction).round() as usize;
            let (train, dev) = sentences.split_at(split);
            eprintln!(
                "akhbar: training on {} sentences, holding out {} ({} malformed lines skipped)",
                train.len(),
                dev.len(),
                skipped
            );
            let started = std::time::Instant::now();
            let tagger = akhbar::extract::conll::train(train, epochs, |epoch, tagger| {
                if !dev.is_empty() {
                    let evaluation =
                        akhbar::extract::conll::evaluate(dev, akhbar::text::Language::Arabic, Some(tagger));
                    let micro = evaluation.micro(&akhbar::extract::EntityType::ALL);
                    eprintln!(
                        "akhbar: epoch {epoch}, first of {} shuffled orders: dev micro F1 {:.3} (P {:.3}, R {:.3})",
                        akhbar::extract::conll::SHUFFLES,
                        micro.f1(),
                        micro.precision(),
                        micro.recall()
                    );
                }
            });
            let bytes = tagger.to_bytes()?;
            std::fs::write(&out, &bytes).with_context(|| format!("cannot write {}", out.display()))?;
            eprintln!(
                "akhbar: wrote {} ({} features, {:.1} MB) in {:.1} s; rebuild akhbar to ship it",
                out.display(),
                tagger.feature_count(),
                bytes.len() as f64 / 1e6,
                started.elapsed().as_secs_f64()
            );
            if !dev.is_empty() {
                let evaluation = akhbar::extract::conll::evaluate(dev, akhbar::text::Language::Arabic, Some(&tagger));
                print!("{}", evaluation.report());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Names(NamesCommand::Cluster { input, out, column }) => {
            let started = std::time::Instant::now();
            let count = akhbar::names::cli::cluster_file(&input, column.as_deref(), &out)?;
            let seconds = started.elapsed().as_secs_f64();
            eprintln!(
                "akhbar: {count} names clustered into {} in {seconds:.2} s ({:.0} names/s)",
                out.display(),
                count as f64 / seconds
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Train(TrainCommand::Clusters { documents, source, out }) => {
            let started = std::time::Instant::now();
            let mut counts = akhbar::extract::clusters::ContextCounts::default();
            let mut texts = 0usize;
            akhbar::output::for_each_table_batch(&documents, &["text"], |batch| {
                let column = akhbar::output::string_column(&batch, "text")?;
                for row in 0..batch.num_rows() {
                    counts.add_text(column.value(row));
                    texts += 1;
                }
                Ok(())
            })?;
            let settings = akhbar::extract::clusters::ClusterSettings::default();
            let sizes = [64, 256, 1024];
            let clusters = counts.cluster_sizes(settings, &sizes);
            let mut file = format!(
                "# Word clusters for the entity tagger: `akhbar train clusters` ({settings:?}); word, then its cluster among {sizes:?}.\n# Learned from the text of {texts} documents: {source}\n"
            );
            for (word, word_clusters) in &clusters {
                let columns: Vec<String> = word_clusters.iter().map(u16::to_string).collect();
                file.push_str(&format!("{word}\t{}\n", columns.join("\t")));
            }
            std::fs::write(&out, file).with_context(|| format!("cannot write {}", out.display()))?;
            eprintln!(
                "akhbar: {} words in {sizes:?} clusters from {texts} documents in {:.1} s; wrote {}; retrain the tagger and rebuild",
                clusters.len(),
                started.elapsed().as_secs_f64(),
                out.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Train(TrainCommand::Names { un, ofac, anetac, out }) => {
            use akhbar::names::evaluate::{read_anetac, read_ofac_individuals, read_un, training_pairs};
            let mut records = read_un(&un)?;
            records.extend(read_ofac_individuals(&ofac)?);
            let anetac_records = read_anetac(&anetac)?;
            // ANETAC is large and single-token: a deterministic sample (by a hash independent of
            // the held-out split) keeps it from dominating.
            let sampled = |r: &akhbar::names::evaluate::Record| {
                xxhash_rust::xxh3::xxh3_64(format!("sample:{}", r.id).as_bytes()) % 10 == 0
            };
            records.extend(anetac_records.into_iter().filter(sampled));
            let training: Vec<&akhbar::names::evaluate::Record> = records.iter().filter(|r| !r.held_out()).collect();
            let pairs = training_pairs(&training);
            let positives = pairs.iter().filter(|p| p.1).count();
            eprintln!("akhbar: fitting on {} pairs ({positives} matches) from {} records", pairs.len(), training.len());
            let mut scorer = akhbar::names::NameScorer::fit(&pairs, "UN, OFAC individuals and a tenth of ANETAC; four fifths of the records (xxh3(id) % 5 != 0); negatives: blocked look-alikes and random pairs; similarity weights kept non-negative; threshold and mean for merging clusters: best mean B-cubed F1 over held-out-sized dev folds of the UN and OFAC training records with mean pairwise precision >= 0.95");
            let lists: Vec<&akhbar::names::evaluate::Record> =
                training.iter().copied().filter(|r| !r.id.starts_with("anetac:")).collect();
            let dev = akhbar::names::evaluate::tune_clustering(&lists, &scorer);
            (scorer.threshold, scorer.min_average) = (dev.threshold, Some(dev.min_average));
            eprintln!(
                "akhbar: threshold {:.2}, mean over cluster pairs {:.2}: on the dev folds B-cubed F1 {:.3} at pairwise precision {:.3}",
                dev.threshold, dev.min_average, dev.bcubed_f1, dev.pair_precision
            );
            std::fs::write(&out, serde_json::to_string_pretty(&scorer)? + "\n")
                .with_context(|| format!("cannot write {}", out.display()))?;
            for (name, weight) in scorer.features.iter().zip(&scorer.weights) {
                eprintln!("  {name:<24} {weight:+.3}");
            }
            eprintln!("akhbar: wrote {}; rebuild akhbar to ship it", out.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval(EvalCommand::Names { un, ofac, scorer }) => {
            use akhbar::names::evaluate::{
                evaluate_clustering, read_ofac_individuals, read_un, recall_at_1, tune_baseline,
            };
            let scorer = match scorer {
                Some(path) => akhbar::names::NameScorer::from_json(
                    &std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?,
                )
                .with_context(|| format!("in {}", path.display()))?,
                None => akhbar::names::NameScorer::bundled().clone(),
            };
            let scorer = &scorer;
            for (list, records) in [("UN", read_un(&un)?), ("OFAC individuals", read_ofac_individuals(&ofac)?)] {
                let started = std::time::Instant::now();
                let training: Vec<_> = records.iter().filter(|r| !r.held_out()).collect();
                let held_out: Vec<_> = records.iter().filter(|r| r.held_out()).collect();
                let threshold = tune_baseline(&training);
                let (ours, baseline, names) = evaluate_clustering(&held_out, scorer, threshold);
                println!("{list}: {} held-out records, {names} names", held_out.len());
                println!(
                    "  clustering  pairwise P {:.3} R {:.3} F1 {:.3}, B-cubed F1 {:.3}",
                    ours.pair_precision, ours.pair_recall, ours.pair_f1, ours.bcubed_f1
                );
                println!("  baseline    pairwise P {:.3} R {:.3} F1 {:.3}, B-cubed F1 {:.3} (Jaro-Winkler >= {threshold:.2} on plain transliteration, single link)", baseline.pair_precision, baseline.pair_recall, baseline.pair_f1, baseline.bcubed_f1);
                let (recall, baseline_recall, queries) = recall_at_1(&held_out, scorer);
                if queries > 0 {
                    println!("  Recall@1 of {queries} Arabic-script names among all held-out Latin names: {recall:.3} (baseline {baseline_recall:.3})");
                }
                println!("  ({:.1} s)", started.elapsed().as_secs_f64());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval(EvalCommand::Reuters { input }) => {
            let started = std::time::Instant::now();
            let recall = akhbar::extract::recall::reuters_recall(&input)?;
            println!(
                "{} stories with PEOPLE or PLACES tags, scored in {:.1} s",
                recall.stories,
                started.elapsed().as_secs_f64()
            );
            for (name, counts) in [("PEOPLE", recall.people), ("PLACES", recall.places)] {
                println!("{name:<7} recall {:.3} ({} of {} tags found)", counts.rate(), counts.found, counts.tagged);
            }
            let named = recall.places_named;
            println!(
                "PLACES  recall {:.3} over the {} tags whose place the story text names ({} found); the other {} tags name no place in the text",
                named.rate(),
                named.tagged,
                named.found,
                recall.places.tagged - named.tagged
            );
            let list = |missed: &[(String, usize)]| {
                missed.iter().map(|(t, n)| format!("{t} ({n})")).collect::<Vec<_>>().join(", ")
            };
            println!("most missed places the text names: {}", list(&recall.missed_places));
            println!("most missed people: {}", list(&recall.missed_people));
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval(EvalCommand::Ner { conll, skip_fraction, model, folds }) => {
            anyhow::ensure!((0.0..1.0).contains(&skip_fraction), "--skip-fraction must be in [0, 1)");
            let (sentences, _) = akhbar::extract::conll::read_conll(&conll)?;
            if let Some(folds) = folds {
                anyhow::ensure!((2..=sentences.len()).contains(&folds), "--folds must be at least 2");
                for document_pass in [false, true] {
                    let started = std::time::Instant::now();
                    let pooled = akhbar::extract::conll::cross_validate(&sentences, folds, 10, document_pass);
                    println!(
                        "{folds}-fold cross-validation, document pass {}, {} tokens ({:.1} s):",
                        if document_pass { "on" } else { "off" },
                        pooled.tokens,
                        started.elapsed().as_secs_f64()
                    );
                    print!("{}", pooled.report());
                }
                return Ok(ExitCode::SUCCESS);
            }
            let skip = sentences.len() - (sentences.len() as f64 * (1.0 - skip_fraction)).round() as usize;
            let scored = &sentences[skip..];
            let loaded = match model {
                Some(path) => Some(
                    akhbar::extract::Tagger::from_bytes(
                        &std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?,
                    )
                    .with_context(|| format!("in {}", path.display()))?,
                ),
                None => None,
            };
            let tagger = loaded.as_ref().or(akhbar::extract::Tagger::bundled());
            anyhow::ensure!(tagger.is_some(), "this akhbar was built without an NER model (data/models/ner-ar.bin is empty); run `akhbar train ner` first");
            let started = std::time::Instant::now();
            let evaluation = akhbar::extract::conll::evaluate(scored, akhbar::text::Language::Arabic, tagger);
            println!(
                "{} sentences, {} tokens, scored in {:.2} s",
                scored.len(),
                evaluation.tokens,
                started.elapsed().as_secs_f64()
            );
            print!("{}", evaluation.report());
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
