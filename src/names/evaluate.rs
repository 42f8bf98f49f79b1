//! Fitting and measuring the name matcher on the lists in ../shared/data/names: the UN list
//! (primary names, original-script names, good-quality aliases), the OFAC SDN list (names and
//! a.k.a.s) and ANETAC (Arabic names with their English spellings). Names of the same record are
//! the same person; records are split by a hash of their id, a fifth held out for evaluation.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, Result};
use xxhash_rust::xxh3::xxh3_64;

use super::analyze::{analyze, reading_order, NameForm};
use super::cluster::{cluster_names, cluster_with, join_lone_partials, link_scored, scored_pairs, skeleton_pairs};
use super::score::{jaro_winkler, pair_features, Features, NameScorer};
use crate::text::has_arabic_script as arabic;

/// One list record: its id and every name it is known by.
#[derive(Debug, Clone)]
pub struct Record {
    pub id: String,
    pub names: Vec<String>,
    /// The name in Arabic script, when the list gives one.
    pub arabic: Option<String>,
}

impl Record {
    /// One record in five is held out, chosen by a hash of its id.
    pub fn held_out(&self) -> bool {
        xxh3_64(self.id.as_bytes()) % 5 == 0
    }
}

/// Reads the UN list (`ref`, `name`, `original_script`, `aliases` with `quality`; aliases written
/// `LAST, First` are put in reading order).
pub fn read_un(path: &Path) -> Result<Vec<Record>> {
    let mut records = Vec::new();
    for line in std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?.lines() {
        let value: serde_json::Value =
            serde_json::from_str(line).with_context(|| format!("bad line in {}", path.display()))?;
        let mut names = vec![value["name"].as_str().unwrap_or("").to_string()];
        for alias in value["aliases"].as_array().into_iter().flatten() {
            if alias["quality"].as_str() == Some("Good") {
                names.push(reading_order(alias["name"].as_str().unwrap_or("")).into_owned());
            }
        }
        let original = value["original_script"].as_str().unwrap_or("").to_string();
        let arabic_name = arabic(&original).then(|| original.clone());
        if !original.is_empty() {
            names.push(original);
        }
        names.retain(|n| !n.trim().is_empty());
        records.push(Record { id: format!("un:{}", value["ref"].as_str().unwrap_or("")), names, arabic: arabic_name });
    }
    Ok(records)
}

/// Reads the OFAC list; only individuals (`LAST, First` names turned into `First Last`).
pub fn read_ofac_individuals(path: &Path) -> Result<Vec<Record>> {
    let mut records = Vec::new();
    for line in std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?.lines() {
        let value: serde_json::Value =
            serde_json::from_str(line).with_context(|| format!("bad line in {}", path.display()))?;
        if value["type"].as_str() != Some("individual") {
            continue;
        }
        let mut names = vec![reading_order(value["name"].as_str().unwrap_or("")).into_owned()];
        for alias in value["aliases"].as_array().into_iter().flatten() {
            names.push(reading_order(alias["name"].as_str().unwrap_or("")).into_owned());
        }
        names.retain(|n| !n.trim().is_empty());
        records.push(Record { id: format!("ofac:{}", value["ent_num"].as_str().unwrap_or("")), names, arabic: None });
    }
    Ok(records)
}

/// Reads ANETAC pairs as records: an Arabic name and its English spellings.
pub fn read_anetac(path: &Path) -> Result<Vec<Record>> {
    let mut records = Vec::new();
    for (index, line) in
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?.lines().enumerate()
    {
        let value: serde_json::Value =
            serde_json::from_str(line).with_context(|| format!("bad line in {}", path.display()))?;
        let ar = value["ar"].as_str().unwrap_or("").to_string();
        let mut names = vec![ar.clone()];
        names.extend(value["en"].as_array().into_iter().flatten().filter_map(|v| v.as_str().map(str::to_string)));
        records.push(Record { id: format!("anetac:{index}"), names, arabic: Some(ar) });
    }
    Ok(records)
}

/// Labelled pairs for fitting: all pairs within a record (up to 30 per record) are matches; pairs
/// of different records that share a token skeleton (what blocking would compare) are not, and
/// neither are pairs of different records drawn at random (one per match): look-up ranks every
/// name, not only those blocking would compare, so the model must be sane on those too.
pub fn training_pairs(records: &[&Record]) -> Vec<(Features, bool)> {
    let mut names: Vec<NameForm> = Vec::new();
    let mut owner: Vec<usize> = Vec::new();
    let mut pairs = Vec::new();
    for (record_index, record) in records.iter().enumerate() {
        let start = names.len();
        for name in &record.names {
            names.push(analyze(name));
            owner.push(record_index);
        }
        let mut count = 0;
        'record: for a in start..names.len() {
            for b in a + 1..names.len() {
                pairs.push((pair_features(&names[a], &names[b]), true));
                count += 1;
                if count >= 30 {
                    break 'record;
                }
            }
        }
    }
    let positives = pairs.len();
    let mut negatives = 0;
    for (a, b) in skeleton_pairs(&names) {
        if owner[a] != owner[b] && xxh3_64(&[a.to_le_bytes(), b.to_le_bytes()].concat()) % 4 == 0 {
            pairs.push((pair_features(&names[a], &names[b]), false));
            negatives += 1;
            if negatives >= positives * 3 {
                break;
            }
        }
    }
    for index in 0..positives as u64 {
        let a = (xxh3_64(&index.to_le_bytes()) % names.len() as u64) as usize;
        let b = (xxh3_64(&(index ^ 0x9e37_79b9).to_le_bytes()) % names.len() as u64) as usize;
        if owner[a] != owner[b] {
            pairs.push((pair_features(&names[a], &names[b]), false));
        }
    }
    pairs
}

/// Pairwise and B-cubed scores of a clustering against the truth.
#[derive(Debug, Clone, Copy, Default)]
pub struct ClusterScores {
    pub pair_precision: f64,
    pub pair_recall: f64,
    pub pair_f1: f64,
    pub bcubed_f1: f64,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

pub fn score_clustering(predicted: &[usize], truth: &[usize]) -> ClusterScores {
    let count_pairs = |labels: &[usize]| -> HashMap<usize, usize> {
        let mut sizes = HashMap::new();
        for &l in labels {
            *sizes.entry(l).or_insert(0) += 1;
        }
        sizes
    };
    let mut joint: HashMap<(usize, usize), usize> = HashMap::new();
    for (&p, &t) in predicted.iter().zip(truth) {
        *joint.entry((p, t)).or_insert(0) += 1;
    }
    let (predicted_sizes, truth_sizes) = (count_pairs(predicted), count_pairs(truth));
    let choose2 = |n: usize| (n * n.saturating_sub(1) / 2) as f64;
    let together: f64 = joint.values().map(|&n| choose2(n)).sum();
    let predicted_pairs: f64 = predicted_sizes.values().map(|&n| choose2(n)).sum();
    let truth_pairs: f64 = truth_sizes.values().map(|&n| choose2(n)).sum();
    let pair_precision = if predicted_pairs == 0.0 { 1.0 } else { together / predicted_pairs };
    let pair_recall = if truth_pairs == 0.0 { 1.0 } else { together / truth_pairs };
    let n = predicted.len().max(1) as f64;
    let mut precision = 0.0;
    let mut recall = 0.0;
    for (&(p, t), &both) in &joint {
        precision += both as f64 * both as f64 / predicted_sizes[&p] as f64;
        recall += both as f64 * both as f64 / truth_sizes[&t] as f64;
    }
    ClusterScores {
        pair_precision,
        pair_recall,
        pair_f1: f1(pair_precision, pair_recall),
        bcubed_f1: f1(precision / n, recall / n),
    }
}

/// The baseline the task names: Jaro-Winkler on a plain ASCII transliteration.
pub fn baseline_form(name: &str) -> String {
    analyze(name).plain
}

/// Every name of the records, analyzed, with the index of its record.
pub fn names_of(records: &[&Record]) -> (Vec<NameForm>, Vec<usize>) {
    let mut names = Vec::new();
    let mut truth = Vec::new();
    for (index, record) in records.iter().enumerate() {
        for name in &record.names {
            names.push(analyze(name));
            truth.push(index);
        }
    }
    (names, truth)
}

/// Clusters the names of `records` with the scorer and with the baseline (at `baseline_threshold`).
pub fn evaluate_clustering(
    records: &[&Record],
    scorer: &NameScorer,
    baseline_threshold: f64,
) -> (ClusterScores, ClusterScores, usize) {
    let (names, truth) = names_of(records);
    let ours = cluster_names(&names, scorer);
    (score_clustering(&ours, &truth), baseline_clustering(&names, &truth, baseline_threshold), names.len())
}

/// The baseline's clustering scores: single link at a Jaro-Winkler threshold on plain
/// transliterations.
fn baseline_clustering(names: &[NameForm], truth: &[usize], threshold: f64) -> ClusterScores {
    let plain: Vec<String> = names.iter().map(|n| baseline_form(&n.original)).collect();
    score_clustering(&cluster_with(names, |a, b| jaro_winkler(&plain[a], &plain[b]) >= threshold), truth)
}

/// The least pairwise precision a tuned threshold may give: merging two people is the costlier
/// mistake, so recall is bought only above this.
pub const MIN_PAIR_PRECISION: f64 = 0.95;

/// The training records cut into dev folds the size of the held-out part: one per list and per
/// value of the id hash that is not held out. How many look-alike names a list holds grows with
/// its size, so a threshold is tuned on sets as large as those it is measured on.
fn dev_folds<'a>(records: &[&'a Record]) -> Vec<Vec<&'a Record>> {
    let mut folds: std::collections::BTreeMap<(&str, u64), Vec<&Record>> = Default::default();
    for &record in records {
        let list = record.id.split(':').next().unwrap_or("");
        folds.entry((list, xxh3_64(record.id.as_bytes()) % 5)).or_default().push(record);
    }
    folds.into_values().collect()
}

/// The scorer's clustering bars (pair threshold, mean over cluster pairs) with the best mean
/// B-cubed F1 over dev folds of the given (training) records among those whose mean pairwise
/// precision reaches [`MIN_PAIR_PRECISION`] (the best B-cubed F1 overall if none does).
pub fn tune_clustering(records: &[&Record], scorer: &NameScorer) -> DevClustering {
    let folds: Vec<_> = dev_folds(records)
        .into_iter()
        .map(|fold| {
            let (names, truth) = names_of(&fold);
            // Score every candidate pair once; each setting only re-clusters.
            let scores = scored_pairs(&names, |a, b| scorer.probability(&names[a], &names[b]));
            (names, truth, scores)
        })
        .collect();
    let mut best = (false, 0.0, (0.5, 0.5, 0.0));
    let thresholds = (0..14).map(|step| 0.30 + 0.05 * step as f64).chain([0.97, 0.98, 0.99, 0.995]);
    for threshold in thresholds {
        for average_step in 0..=4 {
            let min_average = (0.2 * average_step as f64).min(threshold);
            let (mut precision, mut bcubed) = (0.0, 0.0);
            for (names, truth, scores) in &folds {
                let clusters = join_lone_partials(names, scores, link_scored(names, scores, threshold, min_average));
                let result = score_clustering(&clusters, truth);
                precision += result.pair_precision / folds.len() as f64;
                bcubed += result.bcubed_f1 / folds.len() as f64;
            }
            let candidate = (precision >= MIN_PAIR_PRECISION, bcubed, (threshold, min_average, precision));
            if (candidate.0, candidate.1) > (best.0, best.1) {
                best = candidate;
            }
        }
    }
    let (threshold, min_average, precision) = best.2;
    DevClustering { threshold, min_average, bcubed_f1: best.1, pair_precision: precision }
}

/// The clustering bars tuned on the dev folds, and what they scored there.
#[derive(Debug, Clone, Copy)]
pub struct DevClustering {
    pub threshold: f64,
    pub min_average: f64,
    /// Mean over the dev folds.
    pub bcubed_f1: f64,
    pub pair_precision: f64,
}

/// The baseline threshold with the best B-cubed F1 on the given (training) records.
pub fn tune_baseline(records: &[&Record]) -> f64 {
    let (names, truth) = names_of(records);
    let mut best = (0.0, 0.9);
    for step in 0..10 {
        let threshold = 0.80 + 0.02 * step as f64;
        let baseline = baseline_clustering(&names, &truth, threshold);
        if baseline.bcubed_f1 > best.0 {
            best = (baseline.bcubed_f1, threshold);
        }
    }
    best.1
}

/// Recall@1 of cross-script look-up: each record's Arabic-script name is looked up among the
/// Latin-script names of all `records`; a hit when the best-scoring name is the record's own.
pub fn recall_at_1(records: &[&Record], scorer: &NameScorer) -> (f64, f64, usize) {
    let mut candidates: Vec<(usize, NameForm, String)> = Vec::new();
    for (index, record) in records.iter().enumerate() {
        for name in record.names.iter().filter(|n| !arabic(n)) {
            candidates.push((index, analyze(name), baseline_form(name)));
        }
    }
    let (mut ours, mut baseline, mut queries) = (0usize, 0usize, 0usize);
    for (index, record) in records.iter().enumerate() {
        let Some(query) = &record.arabic else { continue };
        queries += 1;
        let form = analyze(query);
        let plain = baseline_form(query);
        let ranked = |candidate: &(usize, NameForm, String)| {
            (scorer.ranking_score(&form, &candidate.1), jaro_winkler(&plain, &candidate.2))
        };
        let best_ours = candidates.iter().max_by(|a, b| {
            let (x, y) = (ranked(a), ranked(b));
            x.0.total_cmp(&y.0).then(x.1.total_cmp(&y.1))
        });
        let best_plain =
            candidates.iter().max_by(|a, b| jaro_winkler(&plain, &a.2).total_cmp(&jaro_winkler(&plain, &b.2)));
        ours += usize::from(best_ours.is_some_and(|c| c.0 == index));
        baseline += usize::from(best_plain.is_some_and(|c| c.0 == index));
    }
    let rate = |hits: usize| if queries == 0 { 0.0 } else { hits as f64 / queries as f64 };
    (rate(ours), rate(baseline), queries)
}
