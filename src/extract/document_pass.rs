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

/// Counts per key: how often it was inside a name of each type, and outside any name (that last
/// count only keeps a word's own label apart from the others').
type Counts = [u32; EntityType::ALL.len() + 1];
const OUTSIDE: usize = EntityType::ALL.len();

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

fn contribution(label: usize) -> usize {
    type_of(label).map_or(OUTSIDE, |(entity_type, _)| entity_type as usize)
}

/// A word's keys: its match form, then its readings without clitics; none shorter than two letters.
fn keys(word: &WordFeatures) -> Vec<&str> {
    let mut keys = vec![word.match_form.as_str()];
    keys.extend(word.readings.iter().map(|(reading, _)| reading.as_str()));
    keys.retain(|k| k.chars().count() >= 2);
    keys.dedup();
    keys
}

/// The second-pass features of every token of a document (all its sentences, in order), given
/// the first pass's labels of those tokens. Most tokens get none.
pub fn document_features(words: &[&WordFeatures], labels: &[usize]) -> Vec<Vec<u64>> {
    let mut counts: HashMap<&str, Counts, foldhash::fast::RandomState> = HashMap::default();
    for (word, &label) in words.iter().zip(labels) {
        for key in keys(word) {
            counts.entry(key).or_default()[contribution(label)] += 1;
        }
    }
    let hashes = hashes();
    words
        .iter()
        .zip(labels)
        .map(|(word, &label)| {
            let word_keys = keys(word);
            // A form too short to be a key has no features (nor do its readings).
            let Some((&form, readings)) = word_keys.split_first().filter(|(form, _)| **form == word.match_form) else {
                return Vec::new();
            };
            let own = contribution(label);
            let elsewhere = |key: &str, index: usize| counts[key][index] - u32::from(index == own);
            (0..OUTSIDE)
                .filter_map(|index| {
                    if elsewhere(form, index) > 0 {
                        Some(hashes.same_form[index])
                    } else if readings.iter().any(|reading| elsewhere(reading, index) > 0) {
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
    }
}
