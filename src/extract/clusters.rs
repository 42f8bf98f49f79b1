//! Word clusters learned from unlabeled news text: words that occur between the same neighbours
//! get the same cluster, so a name the tagger never saw in training (a new minister, a small
//! town) shares a feature with the names it did see. Spherical k-means over each word's left
//! and right neighbour counts; `akhbar train clusters` builds data/models/word-clusters.tsv from
//! a documents table, and the tagger reads it at start-up.

use std::collections::HashMap;
use std::sync::OnceLock;

use rayon::prelude::*;

use crate::text::normalize_for_matching;
use crate::text::tokens::{tokenize, TokenKind};

/// How the clusters are learned.
#[derive(Debug, Clone, Copy)]
pub struct ClusterSettings {
    /// Words clustered: the most frequent ones (seen at least `min_count` times).
    pub vocabulary: usize,
    pub min_count: u32,
    /// Neighbour words counted: the most frequent ones.
    pub contexts: usize,
    pub clusters: usize,
    pub iterations: usize,
}

impl Default for ClusterSettings {
    fn default() -> Self {
        ClusterSettings { vocabulary: 100_000, min_count: 3, contexts: 1_000, clusters: 256, iterations: 10 }
    }
}

/// Neighbour counts of the words of a corpus, fed one text at a time.
#[derive(Default)]
pub struct ContextCounts {
    ids: HashMap<String, u32>,
    words: Vec<String>,
    frequency: Vec<u32>,
    /// (left neighbour, word, right neighbour) id triples, `u32::MAX` at a sentence edge.
    triples: Vec<[u32; 3]>,
}

impl ContextCounts {
    fn id(&mut self, word: String) -> u32 {
        if let Some(&id) = self.ids.get(&word) {
            self.frequency[id as usize] += 1;
            return id;
        }
        let id = self.words.len() as u32;
        self.ids.insert(word.clone(), id);
        self.words.push(word);
        self.frequency.push(1);
        id
    }

    /// Counts the words of one text (in match form; numbers and punctuation break the context).
    pub fn add_text(&mut self, text: &str) {
        let mut run: Vec<u32> = Vec::new();
        for token in tokenize(text).iter().chain(std::iter::once(&crate::text::tokens::Token {
            start: 0,
            end: 0,
            kind: TokenKind::Punct,
        })) {
            if token.kind == TokenKind::Word {
                run.push(self.id(normalize_for_matching(token.text(text))));
                continue;
            }
            for (index, &word) in run.iter().enumerate() {
                let left = if index == 0 { u32::MAX } else { run[index - 1] };
                let right = run.get(index + 1).copied().unwrap_or(u32::MAX);
                self.triples.push([left, word, right]);
            }
            run.clear();
        }
    }

    /// Clusters the most frequent words at each of `sizes` granularities: each word with its
    /// cluster at every size, most frequent word first.
    pub fn cluster_sizes(&self, settings: ClusterSettings, sizes: &[usize]) -> Vec<(String, Vec<u16>)> {
        let mut words: Vec<(String, Vec<u16>)> = Vec::new();
        for &size in sizes {
            let clustered = self.cluster(ClusterSettings { clusters: size, ..settings });
            if words.is_empty() {
                words = clustered.into_iter().map(|(w, c)| (w, vec![c])).collect();
            } else {
                for ((_, clusters), (_, c)) in words.iter_mut().zip(clustered) {
                    clusters.push(c);
                }
            }
        }
        words
    }

    /// Clusters the most frequent words: `(word, cluster)` pairs, most frequent word first.
    pub fn cluster(&self, settings: ClusterSettings) -> Vec<(String, u16)> {
        let mut by_frequency: Vec<u32> = (0..self.words.len() as u32).collect();
        by_frequency.sort_by(|&a, &b| {
            self.frequency[b as usize]
                .cmp(&self.frequency[a as usize])
                .then(self.words[a as usize].cmp(&self.words[b as usize]))
        });
        let rank_of = |ids: &[u32], limit: usize| -> HashMap<u32, u32> {
            ids.iter().take(limit).enumerate().map(|(rank, &id)| (id, rank as u32)).collect()
        };
        let vocabulary: Vec<u32> = by_frequency
            .iter()
            .copied()
            .take(settings.vocabulary)
            .filter(|&id| self.frequency[id as usize] >= settings.min_count)
            .collect();
        let row_of = rank_of(&vocabulary, vocabulary.len());
        let context_of = rank_of(&by_frequency, settings.contexts);
        let dimensions = 2 * settings.contexts;
        // Sparse rows: neighbour counts, log-scaled and of unit length.
        let mut counts: Vec<HashMap<u32, f32>> = vec![HashMap::new(); vocabulary.len()];
        for &[left, word, right] in &self.triples {
            let Some(&row) = row_of.get(&word) else { continue };
            if let Some(&c) = context_of.get(&left) {
                *counts[row as usize].entry(c).or_default() += 1.0;
            }
            if let Some(&c) = context_of.get(&right) {
                *counts[row as usize].entry(settings.contexts as u32 + c).or_default() += 1.0;
            }
        }
        let rows: Vec<Vec<(u32, f32)>> = counts
            .into_iter()
            .map(|row| {
                let mut row: Vec<(u32, f32)> = row.into_iter().map(|(d, c)| (d, (1.0 + c).ln())).collect();
                row.sort_unstable_by_key(|&(d, _)| d);
                let norm = row.iter().map(|(_, v)| v * v).sum::<f32>().sqrt().max(1e-9);
                row.iter_mut().for_each(|(_, v)| *v /= norm);
                row
            })
            .collect();
        let k = settings.clusters.min(rows.len()).max(1);
        // Deterministic start: words spread evenly over the frequency ranks.
        let mut centroids: Vec<Vec<f32>> = (0..k)
            .map(|c| {
                let mut centroid = vec![0.0f32; dimensions];
                for &(d, v) in &rows[c * rows.len() / k] {
                    centroid[d as usize] = v;
                }
                centroid
            })
            .collect();
        let mut assignment = vec![0u16; rows.len()];
        for _ in 0..settings.iterations {
            assignment = rows
                .par_iter()
                .map(|row| {
                    let mut best = (f32::NEG_INFINITY, 0u16);
                    for (c, centroid) in centroids.iter().enumerate() {
                        let score: f32 = row.iter().map(|&(d, v)| v * centroid[d as usize]).sum();
                        if score > best.0 {
                            best = (score, c as u16);
                        }
                    }
                    best.1
                })
                .collect();
            let mut sums = vec![vec![0.0f32; dimensions]; k];
            for (row, &c) in rows.iter().zip(&assignment) {
                for &(d, v) in row {
                    sums[c as usize][d as usize] += v;
                }
            }
            for (centroid, sum) in centroids.iter_mut().zip(sums) {
                let norm = sum.iter().map(|v| v * v).sum::<f32>().sqrt();
                // An emptied cluster keeps its old centroid.
                if norm > 0.0 {
                    *centroid = sum.into_iter().map(|v| v / norm).collect();
                }
            }
        }
        vocabulary.iter().zip(assignment).map(|(&id, c)| (self.words[id as usize].clone(), c)).collect()
    }
}

/// Word → its cluster at each granularity.
pub type ClusterMap = HashMap<String, Box<[u16]>, foldhash::fast::RandomState>;

/// The shipped clusters (data/models/word-clusters.tsv): match form → its cluster at each
/// granularity.
pub fn bundled() -> &'static ClusterMap {
    static CLUSTERS: OnceLock<ClusterMap> = OnceLock::new();
    CLUSTERS.get_or_init(|| parse(include_str!("../../data/models/word-clusters.tsv")))
}

/// Reads `word<TAB>cluster<TAB>cluster…` lines (`#` comments skipped).
pub fn parse(text: &str) -> ClusterMap {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let word = fields.next()?;
            let clusters: Box<[u16]> = fields.filter_map(|f| f.trim().parse().ok()).collect();
            (!clusters.is_empty()).then(|| (word.to_string(), clusters))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_clusters_group_capitals_speech_verbs_and_leaders() {
        let of = |word: &str| bundled()[&normalize_for_matching(word)].to_vec();
        for group in [["موسكو", "طهران", "دمشق"], ["وقال", "وأكد", "وأضاف"], ["بوتين", "السيسي", "أوباما"]]
        {
            assert!(group.iter().all(|w| of(w) == of(group[0])), "{group:?}");
        }
        assert_ne!(of("موسكو").last(), of("وقال").last());
        assert_ne!(of("موسكو").last(), of("بوتين").last());
    }

    #[test]
    fn a_corpus_is_counted_and_clustered() {
        let mut counts = ContextCounts::default();
        for _ in 0..10 {
            counts.add_text("وصل الرئيس إلى موسكو اليوم. وصل الرئيس إلى طهران اليوم.");
        }
        let settings = ClusterSettings { vocabulary: 100, min_count: 5, contexts: 50, clusters: 3, iterations: 3 };
        let clusters: HashMap<String, u16> = counts.cluster(settings).into_iter().collect();
        assert_eq!(clusters.len(), 6, "{clusters:?}");
        assert_eq!(clusters["موسكو"], clusters["طهران"], "same neighbours, same cluster");
    }
}
