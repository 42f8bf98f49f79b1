//! What the tagger sees of a word and its neighbours. Features are hashed strings (xxh3), so a
//! model is a map from feature hash to label weights.
//!
//! Features are split so that their work can be cached per word type (news vocabulary is
//! Zipfian): [`WordFeatures::own`] describe a word at the position being tagged, and
//! [`WordFeatures::context`] describe it as a neighbour, to be combined with its distance.
//! Gazetteer matches of multi-word names depend on the sentence, not the word, and are computed
//! per sentence by [`name_match_features`].

use xxhash_rust::xxh3::xxh3_64;

use super::gazetteer::{clitic_readings, flags, Gazetteer, NameMatch};
use crate::text::normalize_for_matching;

/// The features of one word type.
#[derive(Debug, Clone, Default)]
pub struct WordFeatures {
    /// The word's match form.
    pub match_form: String,
    /// Its readings without Arabic proclitics: (reading, characters removed).
    pub readings: Vec<(String, usize)>,
    /// Gazetteer flags of the word (or, failing that, of its first known reading).
    pub flags: u8,
    pub own: Vec<u64>,
    pub context: Vec<u64>,
}

pub(crate) fn feature(template: &str, value: &str) -> u64 {
    let length = template.len() + value.len() + 1;
    let mut stack = [0u8; 96];
    let mut heap = Vec::new();
    let bytes: &mut [u8] = if length <= stack.len() {
        &mut stack[..length]
    } else {
        heap.resize(length, 0);
        &mut heap
    };
    bytes[..template.len()].copy_from_slice(template.as_bytes());
    bytes[template.len()] = 0x1f;
    bytes[template.len() + 1..].copy_from_slice(value.as_bytes());
    xxh3_64(bytes)
}

/// The feature of a word's cluster at one granularity, hashed once per cluster.
fn cluster_feature(level: usize, cluster: u16) -> u64 {
    static HASHES: std::sync::OnceLock<Vec<Vec<u64>>> = std::sync::OnceLock::new();
    let hashes = HASHES.get_or_init(|| {
        (0..4).map(|level| (0..2048).map(|c| feature("cl", &format!("{level}:{c}"))).collect()).collect()
    });
    match hashes.get(level) {
        Some(row) if (cluster as usize) < row.len() => row[cluster as usize],
        _ => feature("cl", &format!("{level}:{cluster}")),
    }
}

/// A context feature seen at a distance from the tagged word (-2, -1, +1, +2).
pub fn at_offset(feature: u64, offset: i32) -> u64 {
    let salt = 0x9E37_79B9_7F4A_7C15u64.wrapping_mul((offset + 16) as u64);
    (feature ^ salt).wrapping_mul(0xBF58_476D_1CE4_E5B9).rotate_left(29)
}

/// Word shape: `Xx` for a capitalized Latin word, `X` all caps, `x` lower, `d` digits, `a` Arabic,
/// runs collapsed; punctuation is itself.
fn shape(word: &str) -> String {
    let mut shape = String::new();
    for c in word.chars() {
        let class = if c.is_ascii_uppercase() {
            'X'
        } else if c.is_ascii_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if ('\u{0600}'..='\u{06FF}').contains(&c) {
            'a'
        } else if c.is_alphabetic() {
            'l'
        } else {
            c
        };
        if !shape.ends_with(class) {
            shape.push(class);
        }
    }
    shape
}

/// The first or last `count` characters of a word, when it is longer than that.
fn affix(word: &str, count: usize, from_end: bool) -> Option<&str> {
    let length = word.chars().count();
    if length <= count {
        return None;
    }
    let split = if from_end { length - count } else { count };
    let byte = word.char_indices().nth(split).map_or(word.len(), |(b, _)| b);
    Some(if from_end { &word[byte..] } else { &word[..byte] })
}

fn flag_names(bits: u8) -> impl Iterator<Item = &'static str> {
    [
        (flags::PERSON_NAME, "pername"),
        (flags::PERSON_PART, "perpart"),
        (flags::LOCATION, "loc"),
        (flags::ORGANIZATION, "org"),
        (flags::TITLE, "title"),
        (flags::CALENDAR, "cal"),
        (flags::CLUB, "club"),
    ]
    .into_iter()
    .filter(move |(bit, _)| bits & bit != 0)
    .map(|(_, name)| name)
}

impl WordFeatures {
    pub fn of(word: &str, gazetteer: &Gazetteer) -> WordFeatures {
        let match_form = normalize_for_matching(word);
        let readings = if match_form.chars().next().is_some_and(|c| ('\u{0621}'..='\u{064A}').contains(&c)) {
            clitic_readings(&match_form)
        } else {
            Vec::new()
        };
        let own_flags = gazetteer.word_flags(&match_form);
        let reading_flags: Vec<u8> = readings.iter().map(|(r, _)| gazetteer.word_flags(r)).collect();
        let flags =
            if own_flags != 0 { own_flags } else { reading_flags.iter().copied().find(|&f| f != 0).unwrap_or(0) };

        let mut own = vec![feature("bias", ""), feature("w", &match_form), feature("raw", word)];
        let word_shape = shape(word);
        own.push(feature("shape", &word_shape));
        for (n, (prefix_template, suffix_template)) in
            [("p1", "s1"), ("p2", "s2"), ("p3", "s3")].into_iter().enumerate()
        {
            if let Some(prefix) = affix(&match_form, n + 1, false) {
                own.push(feature(prefix_template, prefix));
            }
            if let Some(suffix) = affix(&match_form, n + 1, true) {
                own.push(feature(suffix_template, suffix));
            }
        }
        own.push(feature("len", &match_form.chars().count().min(12).to_string()));
        for name in flag_names(own_flags) {
            own.push(feature("gz", name));
        }
        for ((reading, removed), reading_flags) in readings.iter().zip(&reading_flags) {
            own.push(feature("stem", reading));
            own.push(feature("clitic", &removed.to_string()));
            for name in flag_names(*reading_flags) {
                own.push(feature("stemgz", name));
            }
        }

        // The word's clusters, or failing that its first known reading's (بموسكو → موسكو).
        let clusters = super::clusters::bundled();
        let cluster_features: Vec<u64> = clusters
            .get(&match_form)
            .or_else(|| readings.iter().find_map(|(reading, _)| clusters.get(reading)))
            .map(|word_clusters| {
                word_clusters.iter().enumerate().map(|(level, &c)| cluster_feature(level, c)).collect()
            })
            .unwrap_or_default();
        own.extend(&cluster_features);

        let mut context = vec![feature("w", &match_form), feature("shape", &word_shape)];
        context.extend(&cluster_features);
        if let Some(suffix) = affix(&match_form, 2, true) {
            context.push(feature("s2", suffix));
        }
        if let Some(prefix) = affix(&match_form, 2, false) {
            context.push(feature("p2", prefix));
        }
        for name in flag_names(flags) {
            context.push(feature("gz", name));
        }
        if let Some((reading, _)) = readings.first() {
            context.push(feature("stem", reading));
        }
        WordFeatures { match_form, readings, flags, own, context }
    }
}

/// The context features of the positions before the first and after the last word.
pub fn boundary_features(before_start: bool) -> Vec<u64> {
    vec![feature("boundary", if before_start { "bos" } else { "eos" })]
}

/// The match forms each word of a sentence may be read as (for [`Gazetteer::find_names`]). Not
/// after the preposition ك ("like"), which names seldom take and common words often begin with:
/// كانوا is not ك + a place انوا, nor كبيرا ك + بيرا (3,600 false places on SaudiNewsNet).
pub fn name_variants<'a>(words: &[&'a WordFeatures]) -> Vec<Vec<(&'a str, usize)>> {
    words
        .iter()
        .map(|w| {
            let after_kaf = |cut: usize| w.match_form.chars().take(cut.max(1)).any(|c| c == 'ك');
            std::iter::once((w.match_form.as_str(), 0))
                .chain(w.readings.iter().filter(|(_, n)| !after_kaf(*n)).map(|(r, n)| (r.as_str(), *n)))
                .collect()
        })
        .collect()
}

/// Per-position features from the gazetteer names matched over a sentence: `B`/`I` of a matched
/// name and its type.
pub fn name_match_features(length: usize, matches: &[NameMatch]) -> Vec<Vec<u64>> {
    let mut features = vec![Vec::new(); length];
    for name in matches {
        for (position, slot) in features.iter_mut().enumerate().take(name.end).skip(name.start) {
            let part = if position == name.start { "B" } else { "I" };
            for entity_type in &name.types {
                slot.push(feature("name", &format!("{part}-{}", entity_type.as_str())));
                if name.end - name.start > 1 {
                    slot.push(feature("multiname", &format!("{part}-{}", entity_type.as_str())));
                }
            }
        }
    }
    features
}
