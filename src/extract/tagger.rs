//! A sequence tagger in pure Rust: an averaged structured perceptron over the features of
//! [`super::features`], first-order Viterbi decoding with hard BIO constraints (I-X only after
//! B-X or I-X). Trained by `akhbar train ner` on ANERcorp; the weights ship in
//! data/models/ner-ar.bin (zstd-compressed) and load in milliseconds.
//!
//! Decoding is fast because a word's contribution to the emission scores depends only on the
//! word and its distance from the tagged position: the summed weight vectors are cached per word
//! type and distance, so tagging a token costs five vector additions plus the Viterbi step.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::sync::OnceLock;

use anyhow::{bail, Context, Result};

use super::features::{at_offset, boundary_features, name_match_features, name_variants, WordFeatures};
use super::gazetteer::{EntityType, Gazetteer, NameMatch};

/// O, then B and I for PER, LOC, ORG, MISC.
pub const LABELS: usize = 9;
const START: usize = LABELS;
/// Distances of the neighbours a word sees.
pub const CONTEXT_OFFSETS: [i32; 4] = [-2, -1, 1, 2];

pub type Scores = [f32; LABELS];

/// The label index of B- or I- of a type.
pub fn label_of(entity_type: EntityType, inside: bool) -> usize {
    1 + 2 * (entity_type as usize) + usize::from(inside)
}

/// The type of a label, and whether it is an I- label; `None` for O.
pub fn type_of(label: usize) -> Option<(EntityType, bool)> {
    (label > 0).then(|| (EntityType::ALL[(label - 1) / 2], (label - 1) % 2 == 1))
}

fn allowed(previous: usize, label: usize) -> bool {
    match type_of(label) {
        Some((entity_type, true)) => {
            previous != START && type_of(previous).is_some_and(|(previous_type, _)| previous_type == entity_type)
        }
        _ => true,
    }
}

/// Feature keys are already xxh3 hashes: use them as they are.
#[derive(Clone, Copy, Default)]
pub struct PassThroughHasher(u64);

impl std::hash::Hasher for PassThroughHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 << 8) | u64::from(byte);
        }
    }
    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

type FeatureIndex = HashMap<u64, u32, std::hash::BuildHasherDefault<PassThroughHasher>>;

pub struct Tagger {
    /// Unique per model instance, so per-thread caches of its scores are never reused for
    /// another model.
    id: u64,
    index: FeatureIndex,
    weights: Vec<Scores>,
    /// `transitions[previous][label]`, with `previous == START` for the first word.
    transitions: [Scores; LABELS + 1],
}

const MAGIC: &[u8] = b"AKHBAR-NER-1\n";

impl Tagger {
    /// The Arabic model shipped in data/models/ner-ar.bin, or `None` when akhbar was built
    /// without one (see `akhbar train ner`).
    pub fn bundled() -> Option<&'static Tagger> {
        static BUNDLED: OnceLock<Option<Tagger>> = OnceLock::new();
        BUNDLED
            .get_or_init(|| {
                let bytes = include_bytes!("../../data/models/ner-ar.bin");
                (!bytes.is_empty()).then(|| Tagger::from_bytes(bytes).expect("the bundled NER model is valid"))
            })
            .as_ref()
    }

    fn empty() -> Tagger {
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        Tagger {
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            index: FeatureIndex::default(),
            weights: Vec::new(),
            transitions: [[0.0; LABELS]; LABELS + 1],
        }
    }

    /// Identifies this model instance (for caches).
    pub fn id(&self) -> u64 {
        self.id
    }

    pub fn feature_count(&self) -> usize {
        self.weights.len()
    }

    /// Sum of the weights of known features.
    pub fn score(&self, features: &[u64], scores: &mut Scores) {
        for feature in features {
            if let Some(&index) = self.index.get(feature) {
                add(scores, &self.weights[index as usize]);
            }
        }
    }

    /// Best label sequence under the BIO constraints, and per position the margin between the
    /// chosen label's score and the best other label's (a confidence).
    pub fn decode(&self, emissions: &[Scores]) -> (Vec<usize>, Vec<f32>) {
        viterbi(&self.transitions, emissions)
    }

    /// `transitions[previous][label]`, with `previous == LABELS` for the first word.
    pub fn transitions(&self) -> &[Scores; LABELS + 1] {
        &self.transitions
    }

    /// True when the model has weights for `feature`.
    pub fn knows(&self, feature: u64) -> bool {
        self.index.contains_key(&feature)
    }

    /// The mean of several models' weights and transitions (a feature a model lacks weighs zero
    /// in it).
    pub fn mean_of(models: &[Tagger]) -> Tagger {
        let mut mean = Tagger::empty();
        let share = 1.0 / models.len() as f32;
        for model in models {
            for (previous, row) in model.transitions.iter().enumerate() {
                for (label, weight) in row.iter().enumerate() {
                    mean.transitions[previous][label] += weight * share;
                }
            }
            for (&hash, &index) in &model.index {
                let next = mean.weights.len() as u32;
                let slot = *mean.index.entry(hash).or_insert(next);
                if slot == next {
                    mean.weights.push([0.0; LABELS]);
                }
                for (total, weight) in mean.weights[slot as usize].iter_mut().zip(&model.weights[index as usize]) {
                    *total += weight * share;
                }
            }
        }
        mean
    }

    /// This model without the features whose weights are all below `floor` in size.
    pub fn pruned(&self, floor: f32) -> Tagger {
        let mut pruned = Tagger::empty();
        pruned.transitions = self.transitions;
        for (&hash, &index) in &self.index {
            let weights = self.weights[index as usize];
            if weights.iter().any(|w| w.abs() >= floor) {
                pruned.index.insert(hash, pruned.weights.len() as u32);
                pruned.weights.push(weights);
            }
        }
        pruned
    }

    /// Adds the features of `other` that this model lacks (a second-stage model's own features;
    /// its transitions are not taken).
    pub fn add_features_of(&mut self, other: &Tagger) {
        for (&hash, &index) in &other.index {
            if !self.index.contains_key(&hash) {
                self.index.insert(hash, self.weights.len() as u32);
                self.weights.push(other.weights[index as usize]);
            }
        }
    }

    pub fn to_bytes(&self) -> Result<Vec<u8>> {
        let mut raw = Vec::with_capacity(self.weights.len() * (8 + 4 * LABELS) + 512);
        raw.extend_from_slice(MAGIC);
        raw.extend_from_slice(&(self.weights.len() as u32).to_le_bytes());
        for row in &self.transitions {
            row.iter().for_each(|w| raw.extend_from_slice(&w.to_le_bytes()));
        }
        let mut entries: Vec<(u64, u32)> = self.index.iter().map(|(&h, &i)| (h, i)).collect();
        entries.sort_unstable();
        for (hash, index) in entries {
            raw.extend_from_slice(&hash.to_le_bytes());
            self.weights[index as usize].iter().for_each(|w| raw.extend_from_slice(&w.to_le_bytes()));
        }
        let mut encoder = zstd::stream::Encoder::new(Vec::new(), 19)?;
        encoder.write_all(&raw)?;
        Ok(encoder.finish()?)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger> {
        let mut raw = Vec::new();
        zstd::stream::Decoder::new(bytes)?.read_to_end(&mut raw).context("NER model is not zstd data")?;
        let Some(mut rest) = raw.strip_prefix(MAGIC) else { bail!("not an akhbar NER model (bad header)") };
        let mut take = |n: usize| -> Result<&[u8]> {
            anyhow::ensure!(rest.len() >= n, "NER model is truncated");
            let (head, tail) = rest.split_at(n);
            rest = tail;
            Ok(head)
        };
        let f32_at = |bytes: &[u8], i: usize| f32::from_le_bytes(bytes[4 * i..4 * i + 4].try_into().expect("4 bytes"));
        let count = u32::from_le_bytes(take(4)?.try_into()?) as usize;
        let mut tagger = Tagger::empty();
        for row in tagger.transitions.iter_mut() {
            let bytes = take(4 * LABELS)?;
            for (label, weight) in row.iter_mut().enumerate() {
                *weight = f32_at(bytes, label);
            }
        }
        tagger.index.reserve(count);
        tagger.weights.reserve(count);
        for index in 0..count {
            let hash = u64::from_le_bytes(take(8)?.try_into()?);
            let bytes = take(4 * LABELS)?;
            tagger.weights.push(std::array::from_fn(|label| f32_at(bytes, label)));
            tagger.index.insert(hash, index as u32);
        }
        Ok(tagger)
    }
}

/// Best label sequence under the BIO constraints given emission and transition scores, and per
/// position the margin between the chosen label's score and the best other label's.
fn viterbi(transitions: &[Scores; LABELS + 1], emissions: &[Scores]) -> (Vec<usize>, Vec<f32>) {
    let n = emissions.len();
    if n == 0 {
        return (Vec::new(), Vec::new());
    }
    let mut best = vec![[f32::NEG_INFINITY; LABELS]; n];
    let mut back = vec![[0u8; LABELS]; n];
    for label in 0..LABELS {
        if allowed(START, label) {
            best[0][label] = transitions[START][label] + emissions[0][label];
        }
    }
    for position in 1..n {
        for label in 0..LABELS {
            let mut top = (f32::NEG_INFINITY, 0usize);
            for (previous, previous_best) in best[position - 1].iter().enumerate() {
                if !allowed(previous, label) {
                    continue;
                }
                let score = previous_best + transitions[previous][label];
                if score > top.0 {
                    top = (score, previous);
                }
            }
            best[position][label] = top.0 + emissions[position][label];
            back[position][label] = top.1 as u8;
        }
    }
    let mut labels = vec![0usize; n];
    let last = (0..LABELS).max_by(|&a, &b| best[n - 1][a].total_cmp(&best[n - 1][b])).unwrap_or(0);
    labels[n - 1] = last;
    for position in (1..n).rev() {
        labels[position - 1] = back[position][labels[position]] as usize;
    }
    let margins = labels
        .iter()
        .zip(emissions)
        .map(|(&label, scores)| {
            let other = (0..LABELS).filter(|&l| l != label).map(|l| scores[l]).fold(f32::NEG_INFINITY, f32::max);
            scores[label] - other
        })
        .collect();
    (labels, margins)
}

fn add(scores: &mut Scores, weights: &Scores) {
    for (score, weight) in scores.iter_mut().zip(weights) {
        *score += weight;
    }
}

/// A word as the tagger caches it: its features, and the summed weights of its own features
/// and of its context features at each distance.
pub struct TaggedWord {
    pub features: WordFeatures,
    own: Scores,
    context: [Scores; CONTEXT_OFFSETS.len()],
}

/// Per-thread cache of [`TaggedWord`]s, bounded in size.
pub struct WordCache {
    words: HashMap<String, std::rc::Rc<TaggedWord>, foldhash::fast::RandomState>,
    boundary: [[Scores; CONTEXT_OFFSETS.len()]; 2],
}

const CACHE_LIMIT: usize = 250_000;

impl WordCache {
    pub fn new(tagger: &Tagger) -> WordCache {
        let boundary = [true, false].map(|before| {
            let features = boundary_features(before);
            std::array::from_fn(|slot| {
                let mut scores = [0.0; LABELS];
                let shifted: Vec<u64> = features.iter().map(|&f| at_offset(f, CONTEXT_OFFSETS[slot])).collect();
                tagger.score(&shifted, &mut scores);
                scores
            })
        });
        WordCache { words: HashMap::default(), boundary }
    }

    pub fn word(&mut self, word: &str, tagger: &Tagger, gazetteer: &Gazetteer) -> std::rc::Rc<TaggedWord> {
        if let Some(cached) = self.words.get(word) {
            return cached.clone();
        }
        if self.words.len() >= CACHE_LIMIT {
            self.words.clear();
        }
        let features = WordFeatures::of(word, gazetteer);
        let mut own = [0.0; LABELS];
        tagger.score(&features.own, &mut own);
        let context = std::array::from_fn(|slot| {
            let mut scores = [0.0; LABELS];
            for &feature in &features.context {
                tagger.score(&[at_offset(feature, CONTEXT_OFFSETS[slot])], &mut scores);
            }
            scores
        });
        // The feature hashes are summed into the scores above; only the forms are needed later.
        let features = WordFeatures { own: Vec::new(), context: Vec::new(), ..features };
        let tagged = std::rc::Rc::new(TaggedWord { features, own, context });
        self.words.insert(word.to_string(), tagged.clone());
        tagged
    }

    /// Labels of a sentence of words: gazetteer names, emissions and Viterbi, with this cache.
    pub fn tag(&mut self, words: &[&str], tagger: &Tagger, gazetteer: &Gazetteer) -> Vec<usize> {
        let cached: Vec<_> = words.iter().map(|w| self.word(w, tagger, gazetteer)).collect();
        let features: Vec<&WordFeatures> = cached.iter().map(|w| &w.features).collect();
        let names = gazetteer.find_names(&name_variants(&features));
        tagger.decode(&self.emissions(&cached, &names, tagger)).0
    }

    /// Emission scores of a sentence of cached words, given the gazetteer names matched in it.
    pub fn emissions(&self, words: &[std::rc::Rc<TaggedWord>], names: &[NameMatch], tagger: &Tagger) -> Vec<Scores> {
        let name_features = name_match_features(words.len(), names);
        let n = words.len() as i64;
        (0..words.len())
            .map(|position| {
                let mut scores = words[position].own;
                for (slot, offset) in CONTEXT_OFFSETS.iter().enumerate() {
                    let neighbour = position as i64 + *offset as i64;
                    let contribution = if neighbour < 0 {
                        &self.boundary[0][slot]
                    } else if neighbour >= n {
                        &self.boundary[1][slot]
                    } else {
                        &words[neighbour as usize].context[slot]
                    };
                    add(&mut scores, contribution);
                }
                tagger.score(&name_features[position], &mut scores);
                scores
            })
            .collect()
    }
}

/// All feature hashes of every position of a sentence, as the trainer needs them.
pub fn sentence_features(words: &[&WordFeatures], gazetteer: &Gazetteer) -> Vec<Vec<u64>> {
    let names = gazetteer.find_names(&name_variants(words));
    let name_features = name_match_features(words.len(), &names);
    let n = words.len() as i64;
    (0..words.len())
        .map(|position| {
            let mut all = words[position].own.clone();
            for offset in CONTEXT_OFFSETS {
                let neighbour = position as i64 + offset as i64;
                // Seen from the tagged word, a neighbour at +d carries the salt of +d.
                let features = if neighbour < 0 {
                    boundary_features(true)
                } else if neighbour >= n {
                    boundary_features(false)
                } else {
                    words[neighbour as usize].context.clone()
                };
                all.extend(features.iter().map(|&f| at_offset(f, offset)));
            }
            all.extend(&name_features[position]);
            all
        })
        .collect()
}

/// Averaged-perceptron training over sentences of (feature hashes per position, gold labels).
pub struct Trainer {
    tagger: Tagger,
    /// Sum over updates of (time × change), for the averaging trick.
    weighted: Vec<Scores>,
    weighted_transitions: [Scores; LABELS + 1],
    time: f32,
}

impl Default for Trainer {
    fn default() -> Self {
        Trainer {
            tagger: Tagger::empty(),
            weighted: Vec::new(),
            weighted_transitions: [[0.0; LABELS]; LABELS + 1],
            time: 1.0,
        }
    }
}

impl Trainer {
    fn index_of(&mut self, feature: u64) -> usize {
        let next = self.tagger.weights.len() as u32;
        let index = *self.tagger.index.entry(feature).or_insert(next);
        if index == next {
            self.tagger.weights.push([0.0; LABELS]);
            self.weighted.push([0.0; LABELS]);
        }
        index as usize
    }

    /// Turns feature hashes into indices, registering new features.
    pub fn register(&mut self, positions: &[Vec<u64>]) -> Vec<Vec<u32>> {
        positions.iter().map(|features| features.iter().map(|&f| self.index_of(f) as u32).collect()).collect()
    }

    /// One perceptron step on one sentence; returns whether the prediction was wrong.
    pub fn learn(&mut self, positions: &[Vec<u32>], gold: &[usize]) -> bool {
        let emissions = self.emissions(positions, None);
        let (predicted, _) = self.tagger.decode(&emissions);
        self.correct(positions, gold, &predicted, true)
    }

    /// One perceptron step of a second-stage model: its features' scores are added to `base`
    /// emissions of a first-stage model and decoded with that model's `transitions`, which stay
    /// as they are.
    pub fn learn_on_top(
        &mut self,
        positions: &[Vec<u32>],
        base: &[Scores],
        transitions: &[Scores; LABELS + 1],
        gold: &[usize],
    ) -> bool {
        let emissions = self.emissions(positions, Some(base));
        let (predicted, _) = viterbi(transitions, &emissions);
        self.correct(positions, gold, &predicted, false)
    }

    fn emissions(&self, positions: &[Vec<u32>], base: Option<&[Scores]>) -> Vec<Scores> {
        positions
            .iter()
            .enumerate()
            .map(|(position, features)| {
                let mut scores = base.map_or([0.0; LABELS], |base| base[position]);
                for &index in features {
                    add(&mut scores, &self.tagger.weights[index as usize]);
                }
                scores
            })
            .collect()
    }

    /// The perceptron update for one decoded sentence; returns whether it was wrong.
    fn correct(&mut self, positions: &[Vec<u32>], gold: &[usize], predicted: &[usize], transitions: bool) -> bool {
        let wrong = predicted != gold;
        if wrong {
            for position in 0..gold.len() {
                let (truth, guess) = (gold[position], predicted[position]);
                let (previous_truth, previous_guess) =
                    if position == 0 { (START, START) } else { (gold[position - 1], predicted[position - 1]) };
                if truth != guess {
                    for &index in &positions[position] {
                        self.update(index as usize, truth, 1.0);
                        self.update(index as usize, guess, -1.0);
                    }
                }
                if transitions && (previous_truth, truth) != (previous_guess, guess) {
                    self.tagger.transitions[previous_truth][truth] += 1.0;
                    self.weighted_transitions[previous_truth][truth] += self.time;
                    self.tagger.transitions[previous_guess][guess] -= 1.0;
                    self.weighted_transitions[previous_guess][guess] -= self.time;
                }
            }
        }
        self.time += 1.0;
        wrong
    }

    fn update(&mut self, index: usize, label: usize, change: f32) {
        self.tagger.weights[index][label] += change;
        self.weighted[index][label] += self.time * change;
    }

    /// The averaged model, with features whose weights all round to zero dropped.
    pub fn averaged(&self) -> Tagger {
        let mut tagger = Tagger::empty();
        let average = |weight: f32, weighted: f32| weight - weighted / self.time;
        for (previous, row) in self.tagger.transitions.iter().enumerate() {
            tagger.transitions[previous] =
                std::array::from_fn(|label| average(row[label], self.weighted_transitions[previous][label]));
        }
        for (&hash, &index) in &self.tagger.index {
            let weights = &self.tagger.weights[index as usize];
            let weighted = &self.weighted[index as usize];
            let averaged: Scores = std::array::from_fn(|label| average(weights[label], weighted[label]));
            if averaged.iter().any(|w| w.abs() >= 1e-3) {
                tagger.index.insert(hash, tagger.weights.len() as u32);
                tagger.weights.push(averaged);
            }
        }
        tagger
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mean_of_models_averages_their_weights() {
        let model = |feature: u64, weight: f32| {
            let mut tagger = Tagger::empty();
            tagger.index.insert(feature, 0);
            tagger.weights.push([weight; LABELS]);
            tagger.transitions[START][0] = weight;
            tagger
        };
        let mean = Tagger::mean_of(&[model(7, 2.0), model(7, 4.0), model(9, 3.0)]);
        let mut scores = [0.0; LABELS];
        mean.score(&[7], &mut scores);
        assert_eq!(scores, [2.0; LABELS], "(2 + 4 + 0) / 3");
        let mut scores = [0.0; LABELS];
        mean.score(&[9], &mut scores);
        assert_eq!(scores, [1.0; LABELS], "a feature one model lacks weighs zero in it");
        assert_eq!(mean.transitions()[START][0], 3.0);
        let pruned = mean.pruned(1.5);
        assert!(pruned.knows(7) && !pruned.knows(9));
        assert_eq!(pruned.transitions()[START][0], 3.0);
    }

    #[test]
    fn decoding_never_starts_an_inside_label() {
        let tagger = Tagger::empty();
        let mut emissions = vec![[0.0; LABELS]; 2];
        emissions[0][label_of(EntityType::Per, true)] = 5.0;
        emissions[1][label_of(EntityType::Loc, true)] = 5.0;
        let (labels, _) = tagger.decode(&emissions);
        assert!(type_of(labels[0]).is_none_or(|(_, inside)| !inside), "{labels:?}");
        for pair in labels.windows(2) {
            if let Some((entity_type, true)) = type_of(pair[1]) {
                assert_eq!(type_of(pair[0]).map(|t| t.0), Some(entity_type), "{labels:?}");
            }
        }
    }

    #[test]
    fn cached_emissions_equal_direct_feature_scoring() {
        let gazetteer = Gazetteer::bundled();
        let sentence = ["قال", "الرئيس", "فلاديمير", "بوتين", "في", "موسكو", "."];
        let words: Vec<WordFeatures> = sentence.iter().map(|w| WordFeatures::of(w, gazetteer)).collect();
        let borrowed: Vec<&WordFeatures> = words.iter().collect();
        let positions = sentence_features(&borrowed, gazetteer);
        let mut trainer = Trainer::default();
        let indices = trainer.register(&positions);
        let gold = [
            0,
            0,
            label_of(EntityType::Per, false),
            label_of(EntityType::Per, true),
            0,
            label_of(EntityType::Loc, false),
            0,
        ];
        for _ in 0..5 {
            trainer.learn(&indices, &gold);
        }
        let tagger = trainer.averaged();
        let mut cache = WordCache::new(&tagger);
        let cached: Vec<_> = sentence.iter().map(|w| cache.word(w, &tagger, gazetteer)).collect();
        let names = gazetteer.find_names(&name_variants(&borrowed));
        let fast = cache.emissions(&cached, &names, &tagger);
        for (position, features) in positions.iter().enumerate() {
            let mut direct = [0.0; LABELS];
            tagger.score(features, &mut direct);
            for label in 0..LABELS {
                assert!((direct[label] - fast[position][label]).abs() < 1e-4, "position {position} label {label}");
            }
        }
        assert_eq!(tagger.decode(&fast).0, gold);
    }

    #[test]
    fn model_bytes_round_trip() {
        let mut trainer = Trainer::default();
        let positions = trainer.register(&[vec![1, 2], vec![2, 3]]);
        for _ in 0..3 {
            trainer.learn(&positions, &[label_of(EntityType::Per, false), label_of(EntityType::Per, true)]);
        }
        let tagger = trainer.averaged();
        let restored = Tagger::from_bytes(&tagger.to_bytes().unwrap()).unwrap();
        assert_eq!(restored.feature_count(), tagger.feature_count());
        let (mut a, mut b) = ([0.0; LABELS], [0.0; LABELS]);
        tagger.score(&[1, 2, 3], &mut a);
        restored.score(&[1, 2, 3], &mut b);
        assert_eq!(a, b);
    }
}
