//! Word lists the mention rules consult, shipped as data files in data/lexicons (one entry per
//! line, `#` comments), compiled into the binary and loaded once.

use std::collections::HashSet;
use std::sync::OnceLock;

/// The shipped word lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lexicon {
    Connectors,
    CommonCapitalized,
    SentenceStarters,
    OrganizationWords,
    EverydayWords,
    EnglishWords,
    Demonyms,
    ArabicFunctionWords,
    ArabicBlessings,
    ArabicHonorifics,
    ArabicLetterNames,
    LegalForms,
    ArabicSportsWords,
    ArabicMatchWords,
    CompassWords,
    ArabicEverydayWords,
    ArabicBodyNouns,
    ArabicKinshipWords,
}

const SOURCES: [(Lexicon, &str); 18] = [
    (Lexicon::Connectors, include_str!("../../data/lexicons/english-connectors.txt")),
    (Lexicon::CommonCapitalized, include_str!("../../data/lexicons/english-common-capitalized.txt")),
    (Lexicon::SentenceStarters, include_str!("../../data/lexicons/english-sentence-starters.txt")),
    (Lexicon::OrganizationWords, include_str!("../../data/lexicons/english-organization-words.txt")),
    (Lexicon::EverydayWords, include_str!("../../data/lexicons/english-everyday-words.txt")),
    (Lexicon::EnglishWords, include_str!("../../data/lexicons/english-words.txt")),
    (Lexicon::Demonyms, include_str!("../../data/lexicons/english-demonyms.txt")),
    (Lexicon::ArabicFunctionWords, include_str!("../../data/lexicons/arabic-function-words.txt")),
    (Lexicon::ArabicBlessings, include_str!("../../data/lexicons/arabic-blessings.txt")),
    (Lexicon::ArabicHonorifics, include_str!("../../data/lexicons/arabic-honorifics.txt")),
    (Lexicon::ArabicLetterNames, include_str!("../../data/lexicons/arabic-letter-names.txt")),
    (Lexicon::LegalForms, include_str!("../../data/lexicons/english-legal-forms.txt")),
    (Lexicon::ArabicSportsWords, include_str!("../../data/lexicons/arabic-sports-words.txt")),
    (Lexicon::ArabicMatchWords, include_str!("../../data/lexicons/arabic-match-words.txt")),
    (Lexicon::CompassWords, include_str!("../../data/lexicons/compass-words.txt")),
    (Lexicon::ArabicEverydayWords, include_str!("../../data/lexicons/arabic-everyday-words.txt")),
    (Lexicon::ArabicBodyNouns, include_str!("../../data/lexicons/arabic-body-nouns.txt")),
    (Lexicon::ArabicKinshipWords, include_str!("../../data/lexicons/arabic-kinship-words.txt")),
];

/// A set of words, hashed with foldhash: the word lists are looked up for every token, where
/// the standard library's SipHash had cost 2% of a run.
pub type WordSet<T> = HashSet<T, foldhash::fast::FixedState>;

/// The entries of a word list.
pub fn lexicon(which: Lexicon) -> &'static WordSet<&'static str> {
    static LOADED: OnceLock<Vec<(Lexicon, WordSet<&'static str>)>> = OnceLock::new();
    let loaded = LOADED.get_or_init(|| {
        SOURCES
            .iter()
            .map(|(kind, text)| {
                // A list may give each entry a second, tab-separated column: not part of the word.
                let words = text
                    .lines()
                    .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
                    .map(|l| l.split('\t').next().unwrap_or(l).trim())
                    .collect();
                (*kind, words)
            })
            .collect()
    });
    &loaded.iter().find(|(kind, _)| *kind == which).expect("every lexicon is loaded").1
}

/// The entries of a word list in match form, for lists written as the text writes words
/// (أدري, خانة) and compared with mentions' match forms.
pub fn lexicon_in_match_form(which: Lexicon) -> &'static WordSet<String> {
    static LOADED: OnceLock<Vec<(Lexicon, WordSet<String>)>> = OnceLock::new();
    let loaded = LOADED.get_or_init(|| {
        SOURCES
            .iter()
            .map(|(kind, _)| (*kind, lexicon(*kind).iter().map(|w| crate::text::normalize_for_matching(w)).collect()))
            .collect()
    });
    &loaded.iter().find(|(kind, _)| *kind == which).expect("every lexicon is loaded").1
}

/// The Latin letter an Arabic letter name (match form) names: بي B, دبليو W
/// (data/lexicons/arabic-letter-names.txt).
pub fn latin_letter(form: &str) -> Option<&'static str> {
    static TABLE: OnceLock<std::collections::HashMap<&'static str, &'static str, foldhash::fast::FixedState>> =
        OnceLock::new();
    TABLE
        .get_or_init(|| {
            include_str!("../../data/lexicons/arabic-letter-names.txt")
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.split_once('\t'))
                .collect()
        })
        .get(form)
        .copied()
}

/// The part a word plays in the name of an institution or place named after a royal
/// (data/lexicons/arabic-institutions.tsv): جامعة الملك سعود is noun, title, name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InstitutionWord {
    /// An organization's noun: مركز, جامعة, مستشفى.
    Organization,
    /// A place's noun: مطار, طريق, ملعب.
    Place,
    /// A royal's, sheikh's or imam's title: الملك, الأمير.
    Title,
    /// A qualifier after the name: الدولي, الطبية.
    Qualifier,
}

/// The rows of a three-column table of data/lexicons (word, kind, English), comments and blank
/// lines left out.
pub fn three_columns(table: &'static str) -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    table.lines().filter(|line| !line.starts_with('#') && !line.trim().is_empty()).filter_map(|line| {
        let mut fields = line.split('\t');
        Some((fields.next()?, fields.next()?, fields.next()?))
    })
}

/// What `form` (match form) is in an institution's name, and its English word.
pub fn institution_word(form: &str) -> Option<(InstitutionWord, &'static str)> {
    static TABLE: OnceLock<
        std::collections::HashMap<&'static str, (InstitutionWord, &'static str), foldhash::fast::FixedState>,
    > = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        three_columns(include_str!("../../data/lexicons/arabic-institutions.tsv"))
            .map(|(word, kind, english)| {
                let kind = match kind {
                    "ORG" => InstitutionWord::Organization,
                    "LOC" => InstitutionWord::Place,
                    "TITLE" => InstitutionWord::Title,
                    _ => InstitutionWord::Qualifier,
                };
                (word, (kind, english))
            })
            .collect()
    });
    table.get(form).copied()
}

/// Whether `form` (match form, no article) is a noun of what an organization is in
/// data/lexicons/arabic-organization-words.tsv: اتحاد, وكاله, لجنه.
fn is_organization_noun(form: &str) -> bool {
    static NOUNS: OnceLock<std::collections::HashSet<&'static str, foldhash::fast::FixedState>> = OnceLock::new();
    NOUNS
        .get_or_init(|| {
            three_columns(include_str!("../../data/lexicons/arabic-organization-words.tsv"))
                .filter(|(_, kind, _)| *kind == "NOUN")
                .map(|(word, _, _)| word)
                .collect()
        })
        .contains(form)
}

/// A name of more words after ل, which takes its article's alif (للاتحاد السعودي is ل +
/// الاتحاد السعودي, للجنة الأولمبية ل + اللجنة الأولمبية), as it is written alone, when its first
/// word is an organization's noun ([`is_organization_noun`]). `form` as written or in match form.
pub fn without_lam(form: &str) -> Option<String> {
    let rest = form.strip_prefix("لل")?;
    let (word, _) = rest.split_once(' ')?;
    let word = crate::text::normalize_for_matching(word);
    if is_organization_noun(&word) {
        Some(format!("ال{rest}"))
    } else if is_organization_noun(&format!("ل{word}")) {
        Some(format!("الل{rest}"))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_lexicons_load() {
        assert!(lexicon(Lexicon::Connectors).contains("bin"));
        assert!(lexicon(Lexicon::ArabicFunctionWords).contains("على"));
        assert!(lexicon(Lexicon::Demonyms).contains("french"));
        assert!(lexicon(Lexicon::CommonCapitalized).contains("corp"));
        assert!(lexicon(Lexicon::ArabicBlessings).contains("رحمه"));
        assert!(lexicon(Lexicon::EnglishWords).contains("administration"));
    }

    #[test]
    fn arabic_lexicons_are_in_match_form() {
        let matched = [
            Lexicon::ArabicBlessings,
            Lexicon::ArabicHonorifics,
            Lexicon::ArabicSportsWords,
            Lexicon::ArabicMatchWords,
        ];
        for word in matched.iter().flat_map(|&which| lexicon(which)) {
            assert_eq!(crate::text::normalize_for_matching(word), *word);
        }
        let institutions = include_str!("../../data/lexicons/arabic-institutions.tsv");
        for line in institutions.lines().filter(|l| !l.starts_with('#')) {
            let word = line.split('\t').next().unwrap();
            assert_eq!(crate::text::normalize_for_matching(word), word);
            assert!(institution_word(word).is_some(), "{line}");
        }
        assert_eq!(institution_word("جامعه"), Some((InstitutionWord::Organization, "University")));
    }
}
