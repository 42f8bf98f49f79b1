//! The tagger's second, document-level pass. A news article names the same club, party or person
//! many times, and the first pass, which sees one sentence at a time, tags some of those mentions
//! and misses others (الأهلي found in one sentence, missed in the next). The second pass adds, for
//! each word, what the first pass made of the same word elsewhere in the document: inside a name
//! of some type, or only outside names. Its weights are fitted on top of the first pass's scores
//! (see `conll::train`); a model without them tags in one pass.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::features::{feature, WordFeatures};
use super::gazetteer::EntityType;
use super::tagger::{type_of, Tagger};

/// How often a key was inside a name of each type.
type Counts = [u32; EntityType::ALL.len()];

struct Hashes {
    /// The same word form was inside a name of this type elsewhere in the document.
    same_form: Vec<u64>,
    /// The word without its clitics was inside a name of this type elsewhere.
    reading: Vec<u64>,
}

fn hashes() -> &'static Hashes {
    static HASHES: OnceLock<Hashes> = OnceLock::new();
    HASHES.get_or_init(|| {
        let per_type = |template: &str| EntityType::ALL.iter().map(|t| feature(template, t.as_str())).collect();
        Hashes { same_form: per_type("doc"), reading: per_type("docread") }
    })
}

/// True when `tagger` has second-pass weights.
pub fn has_document_pass(tagger: &Tagger) -> bool {
    let hashes = hashes();
    hashes.same_form.iter().chain(&hashes.reading).any(|&h| tagger.knows(h))
}

/// A word's readings without clitics that are long enough to be keys (two letters or more).
fn reading_keys(word: &WordFeatures) -> impl Iterator<Item = &str> {
    word.readings.iter().map(|(reading, _)| reading.as_str()).filter(|r| r.chars().nth(1).is_some())
}

/// The second-pass features of every token of a document (all its sentences, in order), given
/// the first pass's labels of those tokens. Most tokens get none: only words whose form or
/// reading was tagged as a name somewhere else in the document have any.
pub fn document_features(words: &[&WordFeatures], labels: &[usize]) -> Vec<Vec<u64>> {
    let is_key = |word: &WordFeatures| word.match_form.chars().nth(1).is_some();
    // The keys (forms and readings) of the words tagged as names, by type.
    let mut tagged: HashMap<&str, Counts, foldhash::fast::RandomState> = HashMap::default();
    for (word, &label) in words.iter().zip(labels) {
        if let Some((entity_type, _)) = type_of(label).filter(|_| is_key(word)) {
            tagged.entry(word.match_form.as_str()).or_default()[entity_type as usize] += 1;
            for reading in reading_keys(word) {
                tagged.entry(reading).or_default()[entity_type as usize] += 1;
            }
        }
    }
    if tagged.is_empty() {
        return vec![Vec::new(); words.len()];
    }
    let hashes = hashes();
    words
        .iter()
        .zip(labels)
        .map(|(word, &label)| {
            if !is_key(word) {
                return Vec::new();
            }
            let own = type_of(label).map(|(entity_type, _)| entity_type as usize);
            // Times a key was tagged as each type, not counting this occurrence.
            let elsewhere = |key: &str| -> Counts {
                let mut counts = tagged.get(key).copied().unwrap_or_default();
                if let Some(own) = own {
                    counts[own] = counts[own].saturating_sub(1);
                }
                counts
            };
            let same_form = elsewhere(&word.match_form);
            let mut from_readings = Counts::default();
            for reading in reading_keys(word) {
                for (total, count) in from_readings.iter_mut().zip(elsewhere(reading)) {
                    *total += count;
                }
            }
            // Evidence for the type the first pass already gave this word adds nothing new: only
            // other types are features (and a sentence without any is not tagged again).
            (0..EntityType::ALL.len())
                .filter(|&index| own != Some(index))
                .filter_map(|index| {
                    if same_form[index] > 0 {
                        Some(hashes.same_form[index])
                    } else if from_readings[index] > 0 {
                        Some(hashes.reading[index])
                    } else {
                        None
                    }
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::gazetteer::Gazetteer;
    use crate::extract::tagger::label_of;

    #[test]
    fn a_word_tagged_elsewhere_in_the_document_carries_that_type() {
        let gazetteer = Gazetteer::bundled();
        let words: Vec<WordFeatures> =
            ["الأهلي", "فاز", "بالأهلي", "الأهلي"].iter().map(|w| WordFeatures::of(w, gazetteer)).collect();
        let borrowed: Vec<&WordFeatures> = words.iter().collect();
        let labels = [label_of(EntityType::Org, false), 0, 0, 0];
        let features = document_features(&borrowed, &labels);
        let hashes = hashes();
        let org = EntityType::Org as usize;
        // The first occurrence was tagged; nothing else in the document says ORG of it.
        assert!(features[0].is_empty(), "{:?}", features[0]);
        assert!(features[1].is_empty());
        // With its clitic, the word reads as the tagged form.
        assert_eq!(features[2], [hashes.reading[org]]);
        assert_eq!(features[3], [hashes.same_form[org]]);
        // Evidence for the type a word already has is no feature.
        let labels = [label_of(EntityType::Org, false), 0, 0, label_of(EntityType::Org, false)];
        let features = document_features(&borrowed, &labels);
        assert!(features[0].is_empty() && features[3].is_empty(), "{features:?}");
        assert_eq!(features[2], [hashes.reading[org]]);
    }
}
