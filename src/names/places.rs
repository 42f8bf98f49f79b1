//! A place name the shipped list gives to two places: عمان is the country Oman and Amman, the
//! capital of Jordan (data/gazetteers/countries-capitals.tsv). The mention and its article tell
//! which, in this order:
//! 1. its vowel marks, where the list spells a place with them (عمّان Amman, عُمان Oman);
//! 2. a list of two or more other countries in its sentence makes it the country (المغرب والبحرين
//!    وعمان والعراق), of capitals the capital (القاهرة ودمشق وبغداد وعمان); Jordan and Muscat
//!    themselves are no part of such a list;
//! 3. the article naming one of the places' own country or capital (الأردن or المملكة الأردنية
//!    for Amman; مسقط or سلطنة عمان for Oman);
//! 4. with no sign either way, the place listed first, as before.
//!
//! Of SaudiNewsNet's 483 mentions of عمان all had been Amman; about half are Oman.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::resolve::MentionKeyRow;
use crate::text::normalize_for_matching;

/// Whether a spelling names a row's country or its capital.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Role {
    Country,
    Capital,
}

/// The places of the countries-and-capitals list, by the match form of their spellings.
struct Places {
    /// Each spelling's places, in list order: (row, role).
    of_form: HashMap<String, Vec<(usize, Role)>>,
    /// Each row's first spelling of its country and of its capital that names no other place.
    own_spelling: HashMap<(usize, Role), String>,
    /// Spellings with vowel marks, by their match form: (letters with their marks, place).
    vocalized: HashMap<String, Vec<Vocalized>>,
}

/// A letter and the vowel marks written on it.
type Letter = (char, Vec<char>);

/// A place: its row of the list, and whether the spelling names the row's country or capital.
type Place = (usize, Role);

/// A spelling with vowel marks, and the place it names.
type Vocalized = (Vec<Letter>, Place);

/// The letters of a word with their marks (tatweel dropped).
fn letters_with_marks(word: &str) -> Vec<Letter> {
    let mut letters: Vec<Letter> = Vec::new();
    for c in word.chars().filter(|&c| c != '\u{0640}') {
        match letters.last_mut() {
            Some((_, marks)) if ('\u{064B}'..='\u{0652}').contains(&c) => marks.push(c),
            _ => letters.push((c, Vec::new())),
        }
    }
    letters
}

/// A mention written with at least the marks of a vocalized spelling, on the same letters.
fn written_with_marks(text: &[Letter], spelling: &[Letter]) -> bool {
    text.len() == spelling.len()
        && text.iter().zip(spelling).all(|((_, marks), (_, wanted))| wanted.iter().all(|m| marks.contains(m)))
}

fn places() -> &'static Places {
    static PLACES: OnceLock<Places> = OnceLock::new();
    PLACES.get_or_init(|| {
        let list = include_str!("../../data/gazetteers/countries-capitals.tsv");
        let mut of_form: HashMap<String, Vec<(usize, Role)>> = HashMap::new();
        let mut vocalized: HashMap<String, Vec<Vocalized>> = HashMap::new();
        let rows = list.lines().filter(|l| !l.starts_with('#')).skip(1);
        for (row, line) in rows.enumerate() {
            let columns: Vec<&str> = line.split('\t').collect();
            for (column, role) in [(1, Role::Country), (3, Role::Capital)] {
                let spellings =
                    columns.get(column).into_iter().chain(columns.get(column - 1)).flat_map(|c| c.split('|'));
                for spelling in spellings {
                    let form = normalize_for_matching(spelling);
                    let letters = letters_with_marks(spelling);
                    if letters.iter().any(|(_, marks)| !marks.is_empty()) {
                        vocalized.entry(form.clone()).or_default().push((letters, (row, role)));
                    }
                    let places = of_form.entry(form).or_default();
                    if !places.contains(&(row, role)) {
                        places.push((row, role));
                    }
                }
            }
        }
        let mut own_spelling = HashMap::new();
        // A place's first Arabic spelling in list order that names it alone.
        for line in list.lines().filter(|l| !l.starts_with('#')).skip(1).enumerate() {
            let columns: Vec<&str> = line.1.split('\t').collect();
            for (column, role) in [(1, Role::Country), (3, Role::Capital)] {
                let first_own = columns
                    .get(column)
                    .into_iter()
                    .flat_map(|c| c.split('|'))
                    .map(normalize_for_matching)
                    .find(|form| of_form.get(form).is_some_and(|p| p.len() == 1));
                if let Some(form) = first_own {
                    own_spelling.insert((line.0, role), form);
                }
            }
        }
        Places { of_form, own_spelling, vocalized }
    })
}

/// For each mention, the match form of the place it stands for when its own spelling names two
/// places and its article points to the one not listed first; `None` otherwise. `sentence`
/// numbers come with the mentions; each document's mentions are together.
pub fn read_two_place_names(mentions: &[MentionKeyRow]) -> Vec<Option<String>> {
    let places = places();
    let mut readings = vec![None; mentions.len()];
    let mut start = 0;
    while start < mentions.len() {
        let end = start + mentions[start..].iter().take_while(|m| m.doc_id == mentions[start].doc_id).count();
        let document = &mentions[start..end];
        // The places the document names with a spelling of one place only.
        let named: Vec<(usize, (usize, Role))> = document
            .iter()
            .enumerate()
            .filter(|(_, m)| m.entity_type == "LOC")
            .filter_map(|(i, m)| match places.of_form.get(&m.match_text)?.as_slice() {
                [place] => Some((i, *place)),
                _ => None,
            })
            .collect();
        for (i, mention) in document.iter().enumerate().filter(|(_, m)| m.entity_type == "LOC") {
            let Some(candidates) = places.of_form.get(&mention.match_text).filter(|p| p.len() > 1) else { continue };
            let marked = || {
                let text = letters_with_marks(&mention.text);
                let spellings = places.vocalized.get(&mention.match_text)?;
                spellings.iter().find(|(spelling, _)| written_with_marks(&text, spelling)).map(|(_, place)| *place)
            };
            // Other places of the sentence, each once, not counting the candidates' own countries
            // and capitals: الأردن twice beside عمان is no list of countries.
            let mut in_sentence: Vec<(usize, Role)> = named
                .iter()
                .filter(|(j, (row, _))| {
                    document[*j].sentence == mention.sentence && !candidates.iter().any(|c| c.0 == *row)
                })
                .map(|(_, place)| *place)
                .collect();
            in_sentence.sort_unstable_by_key(|&(row, role)| (row, role == Role::Capital));
            in_sentence.dedup();
            let listed_with = |&(_, role): &(usize, Role)| {
                let alike = in_sentence.iter().filter(|(_, r)| *r == role).count();
                if alike >= 2 {
                    alike
                } else {
                    0
                }
            };
            let named_in_document =
                |&(row, _): &(usize, Role)| named.iter().filter(|(j, other)| *j != i && other.0 == row).count();
            let chosen = marked()
                .or_else(|| most_voted(candidates, listed_with))
                .or_else(|| most_voted(candidates, named_in_document));
            if let Some(place) = chosen.filter(|&place| place != candidates[0]) {
                readings[start + i] = places.own_spelling.get(&place).cloned();
            }
        }
        start = end;
    }
    readings
}

/// The candidate with strictly the most votes, if one has.
fn most_voted(candidates: &[(usize, Role)], votes: impl Fn(&(usize, Role)) -> usize) -> Option<(usize, Role)> {
    let mut counted: Vec<(usize, (usize, Role))> = candidates.iter().map(|c| (votes(c), *c)).collect();
    counted.sort_by_key(|c| std::cmp::Reverse(c.0));
    match counted.as_slice() {
        [(best, place), (second, _), ..] if best > second => Some(*place),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn located(doc: &str, sentence: i64, text: &str) -> MentionKeyRow {
        MentionKeyRow {
            doc_id: doc.into(),
            sentence,
            entity_type: "LOC".into(),
            match_text: normalize_for_matching(text),
            text: text.into(),
            published: None,
        }
    }

    #[test]
    fn oman_and_amman_are_read_by_their_article() {
        // SaudiNewsNet: "منتخبات المغرب والبحرين وعمان والعراق" (Oman among countries), "القاهرة
        // ودمشق وبغداد وعمان" (Amman among capitals), an article on Jordan, one on Muscat.
        let mentions = vec![
            located("a", 0, "المغرب"),
            located("a", 0, "البحرين"),
            located("a", 0, "عمان"),
            located("a", 0, "العراق"),
            located("b", 3, "القاهرة"),
            located("b", 3, "دمشق"),
            located("b", 3, "بغداد"),
            located("b", 3, "عمان"),
            located("c", 1, "الأردن"),
            located("c", 2, "عمان"),
            located("d", 1, "عمان"),
            located("d", 5, "مسقط"),
            located("e", 1, "عمان"),
            located("f", 0, "عمّان"),
            located("f", 0, "البحرين"),
            located("f", 0, "قطر"),
            located("g", 0, "عُمان"),
            located("g", 1, "الأردن"),
            located("h", 0, "العراق"),
            located("h", 0, "عمان"),
            located("h", 1, "المملكة الأردنية الهاشمية"),
            located("i", 0, "الأردن"),
            located("i", 0, "عمان"),
            located("i", 0, "الأردن"),
            located("j", 0, "قطر"),
            located("j", 0, "الأردن"),
            located("j", 0, "الإمارات"),
            located("j", 0, "عمان"),
        ];
        let readings = read_two_place_names(&mentions);
        let oman = Some(normalize_for_matching("سلطنة عمان"));
        assert_eq!(readings[2], oman);
        assert_eq!(readings[7], None, "Amman, listed first");
        assert_eq!(readings[9], None);
        assert_eq!(readings[10], oman);
        assert_eq!(readings[12], None, "no sign either way");
        assert_eq!(readings[13], None, "Amman by its shadda, whatever the sentence");
        assert_eq!(readings[16], oman, "Oman by its damma, whatever the article");
        assert_eq!(readings[19], None, "one other country is no list; the article names Jordan");
        assert_eq!(readings[22], None, "Jordan twice in its sentence is no list");
        assert_eq!(readings[27], oman, "a list of countries with Jordan in it");
        let omans = [2, 10, 16, 27];
        assert!(readings.iter().enumerate().all(|(i, r)| r.is_none() || omans.contains(&i)));
    }
}
