//! Gazetteers: the names akhbar knows before it reads a document, shipped in data/gazetteers
//! (built from permissive sources by data/scripts/build_gazetteers.py, compiled into the binary).
//!
//! Every form is stored in its match form (see `text::normalize_for_matching`), so lookups see
//! through spelling variation in hamza, alef maqsura, teh marbuta, tashkeel and case. Multi-word
//! names are keys of whole token n-grams: a hash lookup per n-gram finds the same matches as an
//! Aho-Corasick automaton over the match form, but only on token boundaries, which is what a
//! name match must respect, and lets each token be tried with and without its clitics.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::lexicon::WordSet;
use crate::text::normalize_for_matching;

/// Entity types of mentions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    Per,
    Loc,
    Org,
    Misc,
}

impl EntityType {
    pub const ALL: [EntityType; 4] = [EntityType::Per, EntityType::Loc, EntityType::Org, EntityType::Misc];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Loc => "LOC",
            EntityType::Org => "ORG",
            EntityType::Misc => "MISC",
        }
    }

    /// Parses `PER`/`PERS`, `LOC`, `ORG`, `MISC`.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "PER" | "PERS" | "PERSON" => Some(EntityType::Per),
            "LOC" | "LOCATION" => Some(EntityType::Loc),
            "ORG" | "ORGANIZATION" => Some(EntityType::Org),
            "MISC" => Some(EntityType::Misc),
            _ => None,
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// Membership flags of a single word.
pub mod flags {
    pub const PERSON_NAME: u8 = 1;
    pub const PERSON_PART: u8 = 2;
    pub const LOCATION: u8 = 4;
    pub const ORGANIZATION: u8 = 8;
    pub const TITLE: u8 = 16;
    pub const CALENDAR: u8 = 32;
    /// A sports club's one-word name (الهلال, الشمال, Arsenal): mostly a common word or a city.
    pub const CLUB: u8 = 64;
}

pub struct Gazetteer {
    /// Match form of a whole name (tokens joined by one space) → entity type bits.
    names: HashMap<String, u8, foldhash::fast::FixedState>,
    /// Match form of a single word → [`flags`].
    words: HashMap<String, u8, foldhash::fast::FixedState>,
    /// Every proper prefix (in whole tokens) of a multi-word name, so that a match can stop
    /// extending as soon as no name continues the words seen so far.
    prefixes: std::collections::HashSet<String, foldhash::fast::FixedState>,
    /// Longest name, in tokens.
    max_tokens: usize,
}

/// A gazetteer name found in a sentence: words `start..end`, its types, and how many characters
/// of clitics the first word dropped to match.
#[derive(Debug, Clone, PartialEq)]
pub struct NameMatch {
    pub start: usize,
    pub end: usize,
    pub types: Vec<EntityType>,
    /// The match form of the name as matched.
    pub match_form: String,
    pub clitic_chars: usize,
}

/// Every name of a curated list written for akhbar (tab-separated columns of alternatives split
/// by `|`, after `#` comments and a header line), without a parenthesized note ("Tripoli
/// (Lebanon)").
fn listed_forms(list: &str) -> impl Iterator<Item = &str> {
    list.lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .flat_map(|line| line.split(['\t', '|']))
        .map(|form| form.split(" (").next().unwrap_or(form))
        .filter(|form| !form.is_empty())
}

/// True for a name of `data/names/other-names.tsv` (currencies, holy books and places, feasts,
/// wars, a few products: MISC), by match form, in both scripts.
pub fn is_other_name(match_form: &str) -> bool {
    other_names().contains(match_form)
}

/// True for the last word of a name of two words or more of `data/names/other-names.tsv` (الحرام
/// of المسجد الحرام): what a mention must be for a listed name to end in it.
pub fn ends_an_other_name(match_form: &str) -> bool {
    static TAILS: OnceLock<WordSet<String>> = OnceLock::new();
    TAILS
        .get_or_init(|| {
            other_names().iter().filter_map(|n| n.rsplit_once(' ').map(|(_, last)| last.to_string())).collect()
        })
        .contains(match_form)
}

fn other_names() -> &'static WordSet<String> {
    static NAMES: OnceLock<WordSet<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        listed_forms(include_str!("../../data/names/other-names.tsv")).map(normalize_for_matching).collect()
    })
}

/// The type of a name of the curated lists written for akhbar (countries and capitals, places:
/// LOC; organizations: ORG), by match form, in both scripts. Unlike the large lists, these hold
/// no person's name.
pub fn curated_type(match_form: &str) -> Option<EntityType> {
    static TYPES: OnceLock<HashMap<String, EntityType, foldhash::fast::FixedState>> = OnceLock::new();
    let types = TYPES.get_or_init(|| {
        let lists = [
            (include_str!("../../data/gazetteers/countries-capitals.tsv"), EntityType::Loc),
            (include_str!("../../data/gazetteers/places-curated.tsv"), EntityType::Loc),
            (include_str!("../../data/gazetteers/organizations-curated.tsv"), EntityType::Org),
        ];
        let mut types = HashMap::default();
        for (list, entity_type) in lists {
            for form in listed_forms(list) {
                types.entry(normalize_for_matching(form)).or_insert(entity_type);
            }
        }
        types
    });
    types.get(match_form).copied()
}

impl Gazetteer {
    /// The gazetteers shipped with akhbar, loaded once.
    pub fn bundled() -> &'static Gazetteer {
        static BUNDLED: OnceLock<Gazetteer> = OnceLock::new();
        BUNDLED.get_or_init(|| {
            let mut gazetteer = Gazetteer {
                names: HashMap::default(),
                words: HashMap::default(),
                prefixes: std::collections::HashSet::default(),
                max_tokens: 1,
            };
            let sources: [(&str, Option<EntityType>, u8); 5] = [
                (include_str!("../../data/gazetteers/person-names.txt"), Some(EntityType::Per), flags::PERSON_NAME),
                (include_str!("../../data/gazetteers/person-name-parts.txt"), None, flags::PERSON_PART),
                (include_str!("../../data/gazetteers/locations.txt"), Some(EntityType::Loc), flags::LOCATION),
                (include_str!("../../data/gazetteers/organizations.txt"), Some(EntityType::Org), flags::ORGANIZATION),
                (include_str!("../../data/gazetteers/titles.txt"), None, flags::TITLE),
            ];
            for (text, entity_type, flag) in sources {
                for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
                    gazetteer.add(line, entity_type, flag);
                }
            }
            // A club's name of two words or more is an organization's, unless it also names a
            // place (Al Ain, أم صلال: the context tells); a one-word name is a flag.
            for form in listed_forms(include_str!("../../data/gazetteers/clubs-curated.tsv")) {
                if !form.trim().contains(' ') {
                    gazetteer.add(form, None, flags::CLUB);
                } else if gazetteer.name_types(&normalize_for_matching(form)).is_empty() {
                    gazetteer.add(form, Some(EntityType::Org), 0);
                }
            }
            // Currencies, holy books and places, wars: other named things, in both scripts.
            for form in listed_forms(include_str!("../../data/names/other-names.tsv")) {
                gazetteer.add(form, Some(EntityType::Misc), 0);
            }
            let calendar = include_str!("../../data/lexicons/calendar-words.txt");
            for word in calendar.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
                gazetteer.add(word, None, flags::CALENDAR);
            }
            gazetteer
        })
    }

    fn add(&mut self, form: &str, entity_type: Option<EntityType>, flag: u8) {
        let key = normalize_for_matching(form);
        if key.is_empty() {
            return;
        }
        let tokens = key.split(' ').count();
        if let Some(entity_type) = entity_type {
            if tokens > 6 {
                return; // long formal names ("… for the Liberation of …") are not how news refers to them
            }
            *self.names.entry(key.clone()).or_default() |= entity_type.bit();
            self.max_tokens = self.max_tokens.max(tokens);
            for (index, _) in key.match_indices(' ') {
                self.prefixes.insert(key[..index].to_string());
            }
        }
        if tokens == 1 {
            *self.words.entry(key).or_default() |= flag;
        }
    }

    /// The [`flags`] of one word in match form.
    pub fn word_flags(&self, match_form: &str) -> u8 {
        self.words.get(match_form).copied().unwrap_or(0)
    }

    /// Entity types of a whole name in match form (tokens joined by single spaces).
    pub fn name_types(&self, match_form: &str) -> Vec<EntityType> {
        let bits = self.names.get(match_form).copied().unwrap_or(0);
        EntityType::ALL.into_iter().filter(|t| bits & t.bit() != 0).collect()
    }

    pub fn max_tokens(&self) -> usize {
        self.max_tokens
    }

    /// Longest-first matches of names over a sentence. `variants[i]` lists the match forms word
    /// `i` may be read as: itself first, then its readings without clitics with the number of
    /// characters each drops. Only the first word of a name may drop its clitics.
    pub fn find_names<S: AsRef<str>>(&self, variants: &[Vec<(S, usize)>]) -> Vec<NameMatch> {
        let mut found = Vec::new();
        let mut start = 0;
        let mut key = String::new();
        while start < variants.len() {
            let mut best: Option<NameMatch> = None;
            for (first, clitic_chars) in &variants[start] {
                key.clear();
                key.push_str(first.as_ref());
                let mut end = start + 1;
                loop {
                    let bits = self.names.get(&key).copied().unwrap_or(0);
                    if bits != 0 && best.as_ref().is_none_or(|b| end > b.end) {
                        let types = EntityType::ALL.into_iter().filter(|t| bits & t.bit() != 0).collect();
                        best =
                            Some(NameMatch { start, end, types, match_form: key.clone(), clitic_chars: *clitic_chars });
                    }
                    if end >= variants.len() || !self.prefixes.contains(&key) {
                        break;
                    }
                    key.push(' ');
                    key.push_str(variants[end].first().map_or("", |v| v.0.as_ref()));
                    end += 1;
                }
            }
            match best {
                Some(name) => {
                    start = name.end;
                    found.push(name);
                }
                None => start += 1,
            }
        }
        found
    }
}

/// Arabic proclitic prefixes in the order they are tried: conjunctions (و ف), prepositions (ب ل
/// ك) and their combinations. `لل` stands for ل + ال with the alef dropped (للأمم = ل + الأمم).
const PROCLITICS: &[&str] =
    &["وبال", "وال", "فال", "بال", "كال", "ولل", "لل", "وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك"];

/// The readings of an Arabic word in match form without its proclitics, longest prefix first,
/// each with the number of letters to cut from the word's start for the name alone. Only readings
/// that leave at least two letters are given; the definite article is restored where the clitic
/// swallowed its alef (للأمم reads الأمم, but no letter can be cut) and kept where it was part of
/// the prefix (والأمم reads الأمم, cutting the و).
pub fn clitic_readings(word: &str) -> Vec<(String, usize)> {
    let mut readings = Vec::new();
    for prefix in PROCLITICS {
        if let Some(rest) = word.strip_prefix(prefix) {
            if rest.chars().count() < 2 {
                continue;
            }
            let removed = prefix.chars().count();
            let reading = match *prefix {
                // The alef of the article is not in the text: cut only the conjunction, if any.
                "لل" => (format!("ال{rest}"), 0),
                "ولل" => (format!("ال{rest}"), 1),
                p if p.ends_with("ال") => (format!("ال{rest}"), removed - 2),
                _ => (rest.to_string(), removed),
            };
            if !readings.iter().any(|(r, _)| *r == reading.0) {
                readings.push(reading);
            }
        }
    }
    readings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn and_glued_to_a_listed_name_is_no_name_of_its_own() {
        // ANETAC lists وعمان and وغيانا as organizations: "and Oman", "and Guyana".
        let gazetteer = Gazetteer::bundled();
        for glued in ["وعمان", "وغيانا"] {
            assert!(gazetteer.name_types(&normalize_for_matching(glued)).is_empty(), "{glued}");
            assert!(!gazetteer.name_types(&normalize_for_matching(&glued[2..])).is_empty(), "{glued}");
        }
    }

    #[test]
    fn clubs_are_features_and_their_long_names_organizations() {
        let gazetteer = Gazetteer::bundled();
        let club = |word: &str| gazetteer.word_flags(&normalize_for_matching(word)) & flags::CLUB != 0;
        assert!(club("الهلال") && club("الشمال") && club("برشلونة"));
        assert!(!club("الرياض"), "a city no club list names");
        // One-word club names are no gazetteer names (الشمال is the north) ...
        assert!(gazetteer.name_types(&normalize_for_matching("الشمال")).is_empty());
        // ... longer ones are organizations, unless a place has the name.
        assert_eq!(gazetteer.name_types(&normalize_for_matching("ريال مدريد")), [EntityType::Org]);
        assert_eq!(gazetteer.name_types(&normalize_for_matching("مانشستر يونايتد")), [EntityType::Org]);
    }

    #[test]
    fn bundled_gazetteer_knows_places_and_organizations_in_both_scripts() {
        let gazetteer = Gazetteer::bundled();
        // (ANETAC also lists some cities as organizations: types are features, not verdicts.)
        assert!(gazetteer.name_types(&normalize_for_matching("موسكو")).contains(&EntityType::Loc));
        assert!(gazetteer.name_types(&normalize_for_matching("Moscow")).contains(&EntityType::Loc));
        assert!(gazetteer.name_types(&normalize_for_matching("الأمم المتحدة")).contains(&EntityType::Org));
        assert_ne!(gazetteer.word_flags(&normalize_for_matching("الرئيس")) & flags::TITLE, 0);
        assert_ne!(gazetteer.word_flags(&normalize_for_matching("أغسطس")) & flags::CALENDAR, 0);
    }

    #[test]
    fn clitics_come_off_in_every_reading() {
        let readings: Vec<String> = clitic_readings("بموسكو").into_iter().map(|r| r.0).collect();
        assert_eq!(readings, ["موسكو"]);
        let readings: Vec<(String, usize)> = clitic_readings("للامم");
        assert_eq!(readings[0], ("الامم".to_string(), 0));
        assert!(clitic_readings("بو").is_empty());
    }

    #[test]
    fn names_are_matched_longest_first_with_clitics_off_the_first_word() {
        let gazetteer = Gazetteer::bundled();
        let words = ["وفرض", "مجلس", "الامن", "الدولي", "على", "بموسكو"];
        let variants: Vec<Vec<(String, usize)>> =
            words.iter().map(|w| std::iter::once((w.to_string(), 0)).chain(clitic_readings(w)).collect()).collect();
        let found = gazetteer.find_names(&variants);
        assert!(found.iter().any(|m| (m.start, m.end) == (1, 4) && m.types.contains(&EntityType::Org)), "{found:?}");
        let moscow = found.iter().find(|m| m.start == 5).expect("بموسكو matches");
        assert_eq!((moscow.match_form.as_str(), moscow.clitic_chars), ("موسكو", 1));
    }
}
