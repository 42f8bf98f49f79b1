//! Lists the name matcher's errors on the held-out records of a list: each record split over
//! clusters (with the scores of the pairs across its pieces) and each cluster that joins records.
//! `cargo run --release --example names_errors [un|ofac]`; with `PAIRS=1`, every candidate pair
//! scoring 0.7 or more instead, marked SAME or DIFF; `names_errors pair NAME NAME` prints one
//! pair's features, tokens and score; with `REACH=1`, what a matcher could reach on the list: the
//! B-cubed F1 of clusterings that join exactly the same-record candidate pairs scoring at least
//! a bar (an oracle that never joins two records), and the same- and different-record candidate
//! pairs in each band of score. What the matcher's features were found with.
use akhbar::names::analyze::analyze;
use akhbar::names::cluster::cluster_names;
use akhbar::names::evaluate::{names_of, read_ofac_individuals, read_un};
use akhbar::names::NameScorer;
fn main() {
    let list = std::env::args().nth(1).unwrap_or_else(|| "un".into());
    if list == "pair" {
        let args: Vec<String> = std::env::args().collect();
        let (a, b) = (analyze(&args[2]), analyze(&args[3]));
        let f = akhbar::names::score::pair_features(&a, &b);
        for (name, value) in akhbar::names::score::FEATURES.iter().zip(f) {
            println!("{name:28} {value:.3}");
        }
        for t in a.tokens.iter().chain(&b.tokens) {
            println!("  {} {} {} {:?}", t.form, t.folded, t.skeleton, t.groups);
        }
        println!("p = {:.3}", NameScorer::bundled().probability(&a, &b));
        return;
    }
    let records = if list == "un" {
        read_un("../shared/data/names/un-individuals.jsonl".as_ref())
    } else {
        read_ofac_individuals("../shared/data/names/ofac-sdn.jsonl".as_ref())
    };
    let Ok(records) = records else { return eprintln!("names_errors: list missing") };
    // DEV=k (1..4): a fold of the training records instead of the held-out part.
    let fold: Option<u64> = std::env::var("DEV").ok().and_then(|v| v.parse().ok());
    let held: Vec<_> = records
        .iter()
        .filter(|r| match fold {
            Some(k) => xxhash_rust::xxh3::xxh3_64(r.id.as_bytes()) % 5 == k,
            None => r.held_out(),
        })
        .collect();
    let (names, truth) = names_of(&held);
    let scorer = NameScorer::bundled();
    if std::env::var("PAIRS").is_ok() {
        for (a, b) in akhbar::names::cluster::candidate_pairs(&names) {
            let p = scorer.probability(&names[a], &names[b]);
            if p >= std::env::var("PAIRS").ok().and_then(|v| v.parse().ok()).unwrap_or(0.7)
                && names[a].original != names[b].original
            {
                let tag = if truth[a] == truth[b] { "SAME" } else { "DIFF" };
                println!("{tag} {p:.3} {} ~ {}", names[a].original, names[b].original);
            }
        }
        return;
    }
    if std::env::var("REACH").is_ok() {
        return print_reach(&names, &truth, scorer);
    }
    let clusters = cluster_names(&names, scorer);
    for (i, r) in held.iter().enumerate() {
        let idx: Vec<usize> = (0..names.len()).filter(|&k| truth[k] == i).collect();
        let mut cl: Vec<usize> = idx.iter().map(|&k| clusters[k]).collect();
        cl.sort();
        cl.dedup();
        if cl.len() > 1 {
            println!("SPLIT {} ({} pieces)", r.id, cl.len());
            for c in &cl {
                let piece: Vec<&str> =
                    idx.iter().filter(|&&k| clusters[k] == *c).map(|&k| names[k].original.as_str()).collect();
                println!("   [{}]", piece.join(" | "));
            }
            for &a in &idx {
                for &b in &idx {
                    if a < b && clusters[a] != clusters[b] {
                        println!(
                            "      {:.2} {} ~ {}",
                            scorer.probability(&names[a], &names[b]),
                            names[a].original,
                            names[b].original
                        );
                    }
                }
            }
        }
    }
    let mut by_cluster = std::collections::BTreeMap::<usize, Vec<usize>>::new();
    for (k, &cluster) in clusters.iter().enumerate() {
        by_cluster.entry(cluster).or_default().push(k);
    }
    for members in by_cluster.values() {
        let mut recs: Vec<usize> = members.iter().map(|&k| truth[k]).collect();
        recs.sort();
        recs.dedup();
        if recs.len() > 1 {
            let shown: Vec<String> =
                members.iter().map(|&k| format!("{}:{}", held[truth[k]].id, names[k].original)).collect();
            println!("JOINED {}", shown.join(" | "));
        }
    }
}

/// The reach of a matcher on a list: see the module's doc.
fn print_reach(names: &[akhbar::names::NameForm], truth: &[usize], scorer: &NameScorer) {
    use akhbar::names::cluster::{candidate_pairs, cluster_with};
    use akhbar::names::evaluate::score_clustering;
    let ours = score_clustering(&cluster_names(names, scorer), truth);
    println!("this matcher: B-cubed F1 {:.3} at pairwise precision {:.3}", ours.bcubed_f1, ours.pair_precision);
    let scores: std::collections::HashMap<(usize, usize), f64> =
        candidate_pairs(names).into_iter().map(|(a, b)| ((a, b), scorer.probability(&names[a], &names[b]))).collect();
    for bar in [0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95] {
        let oracle = cluster_with(names, |a, b| truth[a] == truth[b] && scores[&(a.min(b), a.max(b))] >= bar);
        println!(
            "oracle joining the same-record pairs scoring {bar} or more: B-cubed F1 {:.3}",
            score_clustering(&oracle, truth).bcubed_f1
        );
    }
    for (low, high) in [(0.5, 0.8), (0.8, 0.95), (0.95, 1.01)] {
        let band = scores.iter().filter(|(_, &p)| p >= low && p < high);
        let same = band.clone().filter(|(&(a, b), _)| truth[a] == truth[b]).count();
        let different = band.count() - same;
        println!("pairs scoring {low} to {high}: {same} of one record, {different} of two");
    }
}
