//! Document-level recall of English mentions against Reuters-21578's PEOPLE and PLACES tags: a
//! tagged person counts as found when a PER mention in the story carries the tag's surname (or
//! all its names); a tagged place when a LOC mention names it (`usa` is found by "U.S.", "United
//! States" or "America": the names of countries-capitals.tsv, plus the corpus's own codes for
//! countries that no longer exist). Only the story text is searched, as in a real run.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::AtomicU64;

use anyhow::Result;

use super::gazetteer::EntityType;
use super::mentions::extract_mentions;
use crate::config::PipelineConfig;
use crate::ingest::{self, Item};
use crate::text::{normalize_for_matching, Language};

/// Found / tagged counts.
#[derive(Debug, Default, Clone, Copy)]
pub struct Recall {
    pub found: usize,
    pub tagged: usize,
}

impl Recall {
    pub fn rate(&self) -> f64 {
        if self.tagged == 0 {
            0.0
        } else {
            self.found as f64 / self.tagged as f64
        }
    }
}

#[derive(Debug, Default)]
pub struct ReutersRecall {
    pub stories: usize,
    pub people: Recall,
    pub places: Recall,
    /// The place tags whose name the story text writes (one of its names from
    /// [`place_names`], as a whole word): what a mention could find. Reuters tags a story with
    /// the places it is about, and most `usa` stories never name the country.
    pub places_named: Recall,
    /// Place tags the story text names but no mention found, most frequent first (what the
    /// gazetteer or rules miss).
    pub missed_places: Vec<(String, usize)>,
    pub missed_people: Vec<(String, usize)>,
}

/// Place codes of the corpus → the names a story may use for them.
fn place_names() -> HashMap<String, Vec<String>> {
    let mut names: HashMap<String, Vec<String>> = HashMap::new();
    for line in include_str!("../../data/gazetteers/countries-capitals.tsv").lines().skip(1) {
        if line.starts_with('#') || line.starts_with("country_en") {
            continue;
        }
        let country = line.split('\t').next().unwrap_or("");
        let forms: Vec<String> = country.split('|').map(normalize_for_matching).collect();
        for form in &forms {
            names.entry(form.replace(' ', "-")).or_default().extend(forms.iter().cloned());
        }
    }
    let extra: [(&str, &[&str]); 6] = [
        ("usa", &["u.s.", "us", "united states", "america", "usa", "u.s.a."]),
        ("uk", &["britain", "united kingdom", "u.k.", "uk", "great britain", "england"]),
        ("ussr", &["soviet union", "ussr", "soviet", "u.s.s.r."]),
        ("west-germany", &["west germany", "germany", "bonn"]),
        ("east-germany", &["east germany"]),
        ("hong-kong", &["hong kong"]),
    ];
    for (code, forms) in extra {
        names.entry(code.to_string()).or_default().extend(forms.iter().map(|f| f.to_string()));
    }
    names
}

/// Whether `text` writes the place name `name` (lower case, from [`place_names`]) as a whole
/// word: in any case, but a name of three letters or fewer only in capitals (`US`, `UK`; not the
/// pronoun "us").
fn names_place(text: &str, name: &str) -> bool {
    let (haystack, needle) = if name.chars().filter(|c| c.is_alphabetic()).count() <= 3 {
        (text.to_string(), name.to_uppercase())
    } else {
        (text.to_lowercase(), name.to_string())
    };
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    haystack.match_indices(&needle).any(|(at, found)| {
        !word(haystack[..at].chars().next_back()) && !word(haystack[at + found.len()..].chars().next())
    })
}

/// Reads the Reuters files under `input` and measures recall.
pub fn reuters_recall(input: &Path) -> Result<ReutersRecall> {
    let files = ingest::discover_inputs(&[input.to_path_buf()])?;
    let config = PipelineConfig::default();
    let places = place_names();
    let mut result = ReutersRecall::default();
    let mut missed_places: HashMap<String, usize> = HashMap::new();
    let mut missed_people: HashMap<String, usize> = HashMap::new();
    let counter = AtomicU64::new(0);
    for file in &files {
        let mut records = Vec::new();
        ingest::read_input(file, &config.input, &config.limits, &counter, &mut |item| {
            if let Item::Record(raw) = item {
                records.push(raw);
            }
        });
        for raw in records {
            let Ok(article) = ingest::parse_record(&raw, &config.input.fields) else { continue };
            let metadata: serde_json::Value =
                serde_json::from_str(article.metadata.as_deref().unwrap_or("{}")).unwrap_or_default();
            let tags = |key: &str| -> Vec<String> {
                metadata[key]
                    .as_array()
                    .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
                    .unwrap_or_default()
            };
            let (people, story_places) = (tags("people"), tags("places"));
            if article.text.is_empty() || (people.is_empty() && story_places.is_empty()) {
                continue;
            }
            result.stories += 1;
            let mentions = extract_mentions(&article.text, Language::English);
            let of_type = |entity_type: EntityType| -> Vec<Vec<String>> {
                mentions
                    .iter()
                    .filter(|m| m.entity_type == entity_type)
                    .map(|m| m.match_text.split([' ', '-']).map(str::to_string).collect())
                    .collect()
            };
            let (persons, locations) = (of_type(EntityType::Per), of_type(EntityType::Loc));
            for person in &people {
                let names: Vec<&str> = person.split('-').collect();
                let surname = names.last().copied().unwrap_or("");
                let found = persons
                    .iter()
                    .any(|m| m.last().is_some_and(|l| l == surname) || names.iter().all(|n| m.iter().any(|t| t == n)));
                result.people.tagged += 1;
                result.people.found += usize::from(found);
                if !found {
                    *missed_people.entry(person.clone()).or_default() += 1;
                }
            }
            for place in &story_places {
                let wanted = places.get(place).cloned().unwrap_or_else(|| vec![place.replace('-', " ")]);
                let found = locations.iter().any(|m| wanted.contains(&m.join(" ")));
                result.places.tagged += 1;
                result.places.found += usize::from(found);
                if wanted.iter().any(|name| names_place(&article.text, name)) {
                    result.places_named.tagged += 1;
                    result.places_named.found += usize::from(found);
                    if !found {
                        *missed_places.entry(place.clone()).or_default() += 1;
                    }
                }
            }
        }
    }
    let sorted = |map: HashMap<String, usize>| {
        let mut list: Vec<(String, usize)> = map.into_iter().collect();
        list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        list.truncate(15);
        list
    };
    result.missed_places = sorted(missed_places);
    result.missed_people = sorted(missed_people);
    Ok(result)
}
