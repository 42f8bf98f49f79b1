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
}

const SOURCES: [(Lexicon, &str); 9] = [
    (Lexicon::Connectors, include_str!("../../data/lexicons/english-connectors.txt")),
    (Lexicon::CommonCapitalized, include_str!("../../data/lexicons/english-common-capitalized.txt")),
    (Lexicon::SentenceStarters, include_str!("../../data/lexicons/english-sentence-starters.txt")),
    (Lexicon::OrganizationWords, include_str!("../../data/lexicons/english-organization-words.txt")),
    (Lexicon::EverydayWords, include_str!("../../data/lexicons/english-everyday-words.txt")),
    (Lexicon::EnglishWords, include_str!("../../data/lexicons/english-words.txt")),
    (Lexicon::Demonyms, include_str!("../../data/lexicons/english-demonyms.txt")),
    (Lexicon::ArabicFunctionWords, include_str!("../../data/lexicons/arabic-function-words.txt")),
    (Lexicon::ArabicBlessings, include_str!("../../data/lexicons/arabic-blessings.txt")),
];

/// The entries of a word list.
pub fn lexicon(which: Lexicon) -> &'static HashSet<&'static str> {
    static LOADED: OnceLock<Vec<(Lexicon, HashSet<&'static str>)>> = OnceLock::new();
    let loaded = LOADED.get_or_init(|| {
        SOURCES
            .iter()
            .map(|(kind, text)| {
                let words = text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
                (*kind, words)
            })
            .collect()
    });
    &loaded.iter().find(|(kind, _)| *kind == which).expect("every lexicon is loaded").1
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
}
