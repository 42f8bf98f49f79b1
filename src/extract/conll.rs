//! CoNLL-style NER data (`token TAG` per line, ANERcorp's format): reading it, training the
//! tagger on it, and scoring the real mention pipeline against it (exact span and type, CoNLL
//! style: a stray I- starts a span).
//!
//! ANERcorp has no sentence breaks; a sentence ends after `.`, `!`, `?` or `؟`. Sentences are
//! rebuilt as text (tokens joined by spaces) and go through akhbar's own tokenizer, so training
//! and evaluation see tokens exactly as a real run does; gold labels are projected onto those
//! tokens, and predicted mentions are mapped back to the gold tokens they cover. Nor does it mark
//! article boundaries: evaluation and the document pass's training read runs of consecutive
//! sentences as pseudo-documents ([`PSEUDO_DOCUMENT_TOKENS`]).

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, Result};

use super::document_pass::document_features;
use super::features::WordFeatures;
use super::gazetteer::{EntityType, Gazetteer};
use super::mentions::extract_mentions_with;
use super::tagger::{label_of, sentence_features, Scores, Tagger, Trainer, LABELS};
use crate::text::tokens::tokenize;
use crate::text::Language;

/// One sentence of gold data: tokens and their BIO tags (type and inside-ness, or `None` for O).
#[derive(Debug, Clone)]
pub struct GoldSentence {
    pub tokens: Vec<String>,
    pub tags: Vec<Option<(EntityType, bool)>>,
}

impl GoldSentence {
    /// The sentence as text, and each token's character range in it.
    pub fn text(&self) -> (String, Vec<(usize, usize)>) {
        let mut text = String::new();
        let mut ranges = Vec::with_capacity(self.tokens.len());
        for token in &self.tokens {
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.chars().count();
            text.push_str(token);
            ranges.push((start, start + token.chars().count()));
        }
        (text, ranges)
    }

    /// Gold spans (first token, end token exclusive, type), CoNLL style.
    pub fn spans(&self) -> Vec<(usize, usize, EntityType)> {
        spans_of(&self.tags)
    }
}

fn spans_of(tags: &[Option<(EntityType, bool)>]) -> Vec<(usize, usize, EntityType)> {
    let mut spans = Vec::new();
    let mut index = 0;
    while index < tags.len() {
        let Some((entity_type, _)) = tags[index] else {
            index += 1;
            continue;
        };
        let mut end = index + 1;
        while end < tags.len() && tags[end] == Some((entity_type, true)) {
            end += 1;
        }
        spans.push((index, end, entity_type));
        index = end;
    }
    spans
}

/// Reads a CoNLL file into sentences. Lines that are not `token TAG` are skipped and counted.
pub fn read_conll(path: &Path) -> Result<(Vec<GoldSentence>, usize)> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut sentences = Vec::new();
    let mut current = GoldSentence { tokens: Vec::new(), tags: Vec::new() };
    let mut skipped = 0;
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        let Some((token, tag)) = line.rsplit_once(' ') else {
            if !line.trim().is_empty() {
                skipped += 1;
            }
            continue;
        };
        let token = token.trim();
        let tag = match tag {
            "O" => None,
            _ => match tag.split_once('-').and_then(|(bio, kind)| Some((bio, EntityType::parse(kind)?))) {
                Some(("B", kind)) => Some((kind, false)),
                Some(("I", kind)) => Some((kind, true)),
                _ => {
                    skipped += 1;
                    continue;
                }
            },
        };
        if token.is_empty() {
            skipped += 1;
            continue;
        }
        let ends_sentence = matches!(token, "." | "!" | "?" | "؟");
        current.tokens.push(token.to_string());
        current.tags.push(tag);
        if ends_sentence {
            sentences.push(std::mem::replace(&mut current, GoldSentence { tokens: Vec::new(), tags: Vec::new() }));
        }
    }
    if !current.tokens.is_empty() {
        sentences.push(current);
    }
    anyhow::ensure!(!sentences.is_empty(), "{} holds no `token TAG` lines", path.display());
    Ok((sentences, skipped))
}

/// The sentence as akhbar tokenizes it, with gold labels projected onto those tokens.
fn training_example(sentence: &GoldSentence) -> (String, Vec<(usize, usize)>, Vec<usize>) {
    let (text, ranges) = sentence.text();
    let byte_of_char: Vec<usize> = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).collect();
    let tokens = tokenize(&text);
    let mut labels = Vec::with_capacity(tokens.len());
    let mut previous_gold = usize::MAX;
    for token in &tokens {
        let gold = ranges
            .iter()
            .position(|&(start, end)| byte_of_char[start] <= token.start && token.start < byte_of_char[end]);
        let label = match gold.and_then(|g| sentence.tags[g].map(|t| (g, t))) {
            Some((g, (entity_type, inside))) => label_of(entity_type, inside || g == previous_gold),
            None => 0,
        };
        previous_gold = gold.unwrap_or(usize::MAX);
        labels.push(label);
    }
    // Projection can leave an I- after an O (a gold token split oddly): make it a B-.
    for index in 0..labels.len() {
        if let Some((entity_type, true)) = super::tagger::type_of(labels[index]) {
            let previous = index.checked_sub(1).and_then(|p| super::tagger::type_of(labels[p]));
            if previous.map(|(t, _)| t) != Some(entity_type) {
                labels[index] = label_of(entity_type, false);
            }
        }
    }
    let token_ranges = tokens.iter().map(|t| (t.start, t.end)).collect();
    (text, token_ranges, labels)
}

/// The training sentences as the trainer needs them: each word's features once, and per sentence
/// its words, the feature hashes of each position and the gold labels.
struct Examples {
    features_of: HashMap<String, WordFeatures>,
    sentences: Vec<Example>,
}

struct Example {
    words: Vec<String>,
    positions: Vec<Vec<u64>>,
    labels: Vec<usize>,
}

impl Examples {
    fn new(sentences: &[GoldSentence]) -> Examples {
        let gazetteer = Gazetteer::bundled();
        let mut features_of: HashMap<String, WordFeatures> = HashMap::new();
        let mut examples = Vec::with_capacity(sentences.len());
        for sentence in sentences {
            let (text, ranges, labels) = training_example(sentence);
            let words: Vec<String> = ranges.iter().map(|&(s, e)| text[s..e].to_string()).collect();
            for word in &words {
                features_of.entry(word.clone()).or_insert_with(|| WordFeatures::of(word, gazetteer));
            }
            let borrowed: Vec<&WordFeatures> = words.iter().map(|w| &features_of[w]).collect();
            let positions = sentence_features(&borrowed, gazetteer);
            examples.push(Example { words, positions, labels });
        }
        Examples { features_of, sentences: examples }
    }
}

/// A deterministic shuffle (xorshift), the same on every machine.
fn shuffle(order: &mut [usize], state: &mut u64) {
    for index in (1..order.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        order.swap(index, (*state % (index as u64 + 1)) as usize);
    }
}

/// The sentence-level tagger is the mean of this many averaged perceptrons, each trained on the
/// examples shuffled in another (deterministic) order: an averaged perceptron depends on the
/// order it sees the examples in, and the mean of five moves 5-fold cross-validated F1 on
/// ANERcorp from 0.734 to 0.738 (three: 0.737, eight: 0.739) at five times the training time.
pub const SHUFFLES: usize = 5;

/// Trains the sentence-level tagger on the examples at `indices` for `epochs` passes (see
/// [`SHUFFLES`]), calling `after_epoch(epoch, averaged model)` after each pass of the first.
fn train_first_pass(
    examples: &Examples,
    indices: &[usize],
    epochs: usize,
    mut after_epoch: impl FnMut(usize, &Tagger),
) -> Tagger {
    let models: Vec<Tagger> = (0..SHUFFLES as u64)
        .map(|shuffle| {
            let seed = 0x2545_F491_4F6C_DD1D ^ shuffle.wrapping_mul(0x9E37_79B9_7F4A_7C15);
            // Epoch reports follow the first model (the others see the same data in other orders).
            let report = |epoch: usize, tagger: &Tagger| {
                if shuffle == 0 {
                    after_epoch(epoch, tagger);
                }
            };
            train_first_pass_seeded(examples, indices, epochs, seed, report)
        })
        .collect();
    Tagger::mean_of(&models).pruned(PRUNE_BELOW)
}

/// Features of the mean model whose weights all stay below this in size are dropped: half of
/// them, at no loss (5-fold CV 0.739 with or without them; 1.0 would cost 0.001, 2.0 0.003),
/// for a model of 1.0 MB instead of 1.7.
const PRUNE_BELOW: f32 = 0.5;

fn train_first_pass_seeded(
    examples: &Examples,
    indices: &[usize],
    epochs: usize,
    seed: u64,
    mut after_epoch: impl FnMut(usize, &Tagger),
) -> Tagger {
    let mut trainer = Trainer::default();
    let registered: Vec<_> = indices
        .iter()
        .map(|&i| (trainer.register(&examples.sentences[i].positions), &examples.sentences[i].labels))
        .collect();
    let mut order: Vec<usize> = (0..registered.len()).collect();
    let mut state = seed;
    let mut tagger = trainer.averaged();
    for epoch in 1..=epochs {
        shuffle(&mut order, &mut state);
        for &index in &order {
            let (positions, labels) = &registered[index];
            if !labels.is_empty() {
                trainer.learn(positions, labels);
            }
        }
        tagger = trainer.averaged();
        after_epoch(epoch, &tagger);
    }
    tagger
}

/// Folds of the document pass's training: first-pass models are trained on the other folds, so
/// the first-pass labels the second pass learns from are as wrong as on unseen text.
const DOCUMENT_PASS_FOLDS: usize = 5;
const DOCUMENT_PASS_EPOCHS: usize = 5;

/// Fits the second, document-level pass (see [`super::document_pass`]) on top of first-pass
/// models trained on the other folds of pseudo-documents.
fn train_document_pass(examples: &Examples, sentences: &[GoldSentence], epochs: usize) -> Tagger {
    let documents = pseudo_document_ranges(sentences);
    // Per sentence: second-pass feature hashes, first-pass emissions, the index of that model's
    // transitions, and the sentence's gold labels.
    type Stacked<'a> = (Vec<Vec<u64>>, Vec<Scores>, usize, &'a [usize]);
    let mut stacked: Vec<Stacked> = Vec::new();
    let mut transitions = Vec::new();
    for fold in 0..DOCUMENT_PASS_FOLDS {
        let training: Vec<usize> = documents
            .iter()
            .enumerate()
            .filter(|(d, _)| d % DOCUMENT_PASS_FOLDS != fold)
            .flat_map(|(_, range)| range.clone())
            .collect();
        let first = train_first_pass(examples, &training, epochs, |_, _| {});
        for range in documents.iter().skip(fold).step_by(DOCUMENT_PASS_FOLDS) {
            let mut words = Vec::new();
            let mut labels = Vec::new();
            let mut emissions = Vec::new();
            for Example { words: sentence_words, positions, labels: gold } in &examples.sentences[range.clone()] {
                let sentence_emissions: Vec<Scores> = positions
                    .iter()
                    .map(|features| {
                        let mut scores = [0.0; LABELS];
                        first.score(features, &mut scores);
                        scores
                    })
                    .collect();
                labels.extend(first.decode(&sentence_emissions).0);
                words.extend(sentence_words.iter().map(|w| &examples.features_of[w]));
                emissions.push((sentence_emissions, gold.as_slice()));
            }
            let mut features = document_features(&words, &labels).into_iter();
            for (sentence_emissions, gold) in emissions {
                let sentence_features: Vec<Vec<u64>> = features.by_ref().take(sentence_emissions.len()).collect();
                stacked.push((sentence_features, sentence_emissions, transitions.len(), gold));
            }
        }
        transitions.push(*first.transitions());
    }
    // As the first pass, the mean of models trained in several shuffled orders.
    let models: Vec<Tagger> = (0..SHUFFLES as u64)
        .map(|shuffle_number| {
            let mut trainer = Trainer::default();
            let registered: Vec<_> = stacked.iter().map(|(features, ..)| trainer.register(features)).collect();
            let mut order: Vec<usize> = (0..stacked.len()).collect();
            let mut state = 0x9E37_79B9_7F4A_7C15u64 ^ shuffle_number.wrapping_mul(0x2545_F491_4F6C_DD1D);
            for _ in 0..DOCUMENT_PASS_EPOCHS {
                shuffle(&mut order, &mut state);
                for &index in &order {
                    let (features, base, model, gold) = &stacked[index];
                    if !gold.is_empty() && features.iter().any(|f| !f.is_empty()) {
                        trainer.learn_on_top(&registered[index], base, &transitions[*model], gold);
                    }
                }
            }
            trainer.averaged()
        })
        .collect();
    Tagger::mean_of(&models)
}

/// Trains the tagger: the sentence-level model for `epochs` passes over `sentences` (calling
/// `after_epoch(epoch, averaged model)` after each), then its document-level second pass.
pub fn train(sentences: &[GoldSentence], epochs: usize, after_epoch: impl FnMut(usize, &Tagger)) -> Tagger {
    train_with(sentences, epochs, true, after_epoch)
}

/// [`train`], with or without the document-level pass.
pub fn train_with(
    sentences: &[GoldSentence],
    epochs: usize,
    document_pass: bool,
    after_epoch: impl FnMut(usize, &Tagger),
) -> Tagger {
    let examples = Examples::new(sentences);
    let all: Vec<usize> = (0..sentences.len()).collect();
    let mut tagger = train_first_pass(&examples, &all, epochs, after_epoch);
    if document_pass {
        tagger.add_features_of(&train_document_pass(&examples, sentences, epochs));
    }
    tagger
}

/// Precision, recall and F1 counts for one type.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub correct: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, other: Counts) {
        self.correct += other.correct;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores of the mention pipeline on gold sentences.
#[derive(Debug, Clone, Default)]
pub struct Evaluation {
    pub by_type: HashMap<EntityType, Counts>,
    pub tokens: usize,
}

impl Evaluation {
    /// Micro-average over the given types.
    pub fn micro(&self, types: &[EntityType]) -> Counts {
        let mut total = Counts::default();
        for entity_type in types {
            total.add(self.by_type.get(entity_type).copied().unwrap_or_default());
        }
        total
    }

    pub fn report(&self) -> String {
        let mut report =
            format!("{:<8} {:>9} {:>9} {:>9} {:>7} {:>7}\n", "type", "precision", "recall", "F1", "gold", "found");
        let mut line = |name: &str, counts: Counts| {
            report.push_str(&format!(
                "{name:<8} {:>9.3} {:>9.3} {:>9.3} {:>7} {:>7}\n",
                counts.precision(),
                counts.recall(),
                counts.f1(),
                counts.gold,
                counts.predicted
            ));
        };
        for entity_type in EntityType::ALL {
            line(entity_type.as_str(), self.by_type.get(&entity_type).copied().unwrap_or_default());
        }
        line("micro", self.micro(&EntityType::ALL));
        line("PER+LOC+ORG", self.micro(&[EntityType::Per, EntityType::Loc, EntityType::Org]));
        report
    }
}

/// ANERcorp marks no article boundaries, so its sentences are read as pseudo-documents: runs of
/// consecutive sentences of about this many tokens (a SaudiNewsNet article averages about 320).
/// Training and evaluation cut them the same way, so the document-level pass of the tagger sees
/// what it sees in a real run: other sentences of (mostly) the same article.
pub const PSEUDO_DOCUMENT_TOKENS: usize = 300;

/// Consecutive sentences grouped into pseudo-documents of about [`PSEUDO_DOCUMENT_TOKENS`]: the
/// sentence index range of each.
pub fn pseudo_document_ranges(sentences: &[GoldSentence]) -> Vec<std::ops::Range<usize>> {
    let mut documents = Vec::new();
    let (mut start, mut tokens) = (0, 0);
    for (index, sentence) in sentences.iter().enumerate() {
        tokens += sentence.tokens.len();
        if tokens >= PSEUDO_DOCUMENT_TOKENS || index + 1 == sentences.len() {
            documents.push(start..index + 1);
            (start, tokens) = (index + 1, 0);
        }
    }
    documents
}

/// A name's tokens (first, end exclusive) and type.
pub type Span = (usize, usize, EntityType);

/// A pseudo-document as text (sentences on lines of their own), each gold token's character
/// range in it, and the gold spans in document token indices.
pub fn document_text(sentences: &[GoldSentence]) -> (String, Vec<(usize, usize)>, Vec<Span>) {
    let (mut text, mut ranges, mut gold) = (String::new(), Vec::new(), Vec::new());
    let mut chars = 0;
    for sentence in sentences {
        if !text.is_empty() {
            text.push('\n');
            chars += 1;
        }
        let (sentence_text, sentence_ranges) = sentence.text();
        let base = ranges.len();
        gold.extend(sentence.spans().into_iter().map(|(s, e, t)| (base + s, base + e, t)));
        ranges.extend(sentence_ranges.into_iter().map(|(s, e)| (chars + s, chars + e)));
        chars += sentence_text.chars().count();
        text.push_str(&sentence_text);
    }
    (text, ranges, gold)
}

/// Runs the real mention pipeline (tagger and its document pass, gazetteer, clitic trimming,
/// document-level rules) on each pseudo-document of the gold sentences and scores exact spans: a
/// mention counts for the gold tokens its characters fall in.
pub fn evaluate(sentences: &[GoldSentence], language: Language, tagger: Option<&Tagger>) -> Evaluation {
    let mut evaluation = Evaluation::default();
    for document in pseudo_document_ranges(sentences) {
        let (text, ranges, gold) = document_text(&sentences[document]);
        let mentions = extract_mentions_with(&text, language, tagger);
        let predicted: Vec<(usize, usize, EntityType)> = mentions
            .iter()
            .filter_map(|m| {
                let first = ranges.iter().position(|&(s, e)| s <= m.start && m.start < e)?;
                let last = ranges.iter().position(|&(s, e)| s < m.end && m.end <= e)?;
                Some((first, last + 1, m.entity_type))
            })
            .collect();
        evaluation.tokens += ranges.len();
        for entity_type in EntityType::ALL {
            let counts = evaluation.by_type.entry(entity_type).or_default();
            let gold_of: Vec<_> = gold.iter().filter(|g| g.2 == entity_type).collect();
            let predicted_of: Vec<_> = predicted.iter().filter(|p| p.2 == entity_type).collect();
            counts.gold += gold_of.len();
            counts.predicted += predicted_of.len();
            counts.correct += predicted_of.iter().filter(|p| gold_of.contains(p)).count();
        }
    }
    evaluation
}

/// K-fold cross-validation over contiguous blocks of `sentences`: a model trained on the other
/// blocks scores each block, and the counts are pooled. Steadier than one small dev split.
pub fn cross_validate(sentences: &[GoldSentence], folds: usize, epochs: usize, document_pass: bool) -> Evaluation {
    let mut pooled = Evaluation::default();
    let n = sentences.len();
    for fold in 0..folds {
        let (start, end) = (n * fold / folds, n * (fold + 1) / folds);
        let training: Vec<GoldSentence> = sentences[..start].iter().chain(&sentences[end..]).cloned().collect();
        let model = train_with(&training, epochs, document_pass, |_, _| {});
        let evaluation = evaluate(&sentences[start..end], Language::Arabic, Some(&model));
        for (entity_type, counts) in evaluation.by_type {
            pooled.by_type.entry(entity_type).or_default().add(counts);
        }
        pooled.tokens += evaluation.tokens;
    }
    pooled
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stray_inside_tag_starts_a_span() {
        let tags =
            vec![None, Some((EntityType::Loc, true)), Some((EntityType::Loc, true)), Some((EntityType::Per, false))];
        assert_eq!(spans_of(&tags), vec![(1, 3, EntityType::Loc), (3, 4, EntityType::Per)]);
    }

    #[test]
    fn labels_project_onto_split_tokens() {
        let sentence = GoldSentence {
            tokens: vec!["قال".into(), "(بوتين)".into(), "في".into(), "موسكو".into(), ".".into()],
            tags: vec![None, Some((EntityType::Per, false)), None, Some((EntityType::Loc, false)), None],
        };
        let (text, ranges, labels) = training_example(&sentence);
        let words: Vec<&str> = ranges.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(words, ["قال", "(", "بوتين", ")", "في", "موسكو", "."]);
        let per_b = label_of(EntityType::Per, false);
        let per_i = label_of(EntityType::Per, true);
        assert_eq!(labels, [0, per_b, per_i, per_i, 0, label_of(EntityType::Loc, false), 0]);
    }
}
