//! English display names for Arabic organizations named by what they are: البنك المركزي الأوروبي
//! is European Central Bank, الهيئة العامة للطيران المدني General Authority for Civil Aviation,
//! جامعة نايف العربية للعلوم الأمنية Naif Arab University for Security Sciences, جامعة تبوك Tabuk
//! University. The words and their English are `data/lexicons/arabic-organization-words.tsv`; a
//! name with any other word (but the proper name after an indefinite noun) gets none, and is
//! romanized as before.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::analyze::analyze;

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Noun,
    Adjective,
    Field,
    Title,
}

fn words() -> &'static HashMap<&'static str, (Kind, &'static str)> {
    static WORDS: OnceLock<HashMap<&'static str, (Kind, &'static str)>> = OnceLock::new();
    WORDS.get_or_init(|| {
        crate::extract::lexicon::three_columns(include_str!("../../data/lexicons/arabic-organization-words.tsv"))
            .map(|(word, kind, english)| {
                let kind = match kind {
                    "NOUN" => Kind::Noun,
                    "ADJ" => Kind::Adjective,
                    "FIELD" => Kind::Field,
                    _ => Kind::Title,
                };
                (word, (kind, english))
            })
            .collect()
    })
}

fn english(word: &str, kind: Kind) -> Option<&'static str> {
    words().get(word).filter(|(k, _)| *k == kind).map(|(_, english)| *english)
}

/// A field noun with or without its article (الصحة, صحة → Health).
fn field(word: &str) -> Option<&'static str> {
    english(word.strip_prefix("ال").unwrap_or(word), Kind::Field)
}

/// English for a noun phrase of field nouns, each with its adjectives after it and joined by و or
/// following one another (للتنمية البشرية: Human Development; للثقافة والفنون: Culture and Arts;
/// لمكافحة الفساد: Combating Corruption). `place` names a place the lists know (للجبيل: Jubail).
fn complement(words: &[&str], place: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    // Each noun with the word that joins it to the one before and its adjectives.
    let mut groups: Vec<(&str, String, Vec<&str>)> = Vec::new();
    for (index, &word) in words.iter().enumerate() {
        if index > 0 {
            if let Some(adjective) = english(word, Kind::Adjective) {
                groups.last_mut()?.2.push(adjective);
                continue;
            }
        }
        let (joiner, word) = match word.strip_prefix('و').filter(|w| index > 0 && field(w).is_some()) {
            Some(rest) => ("and", rest),
            None => ("", word),
        };
        let noun = match field(word) {
            Some("-") => String::new(),
            Some(english) => english.to_string(),
            None if index == 0 => place(&format!("ال{word}")).or_else(|| place(word))?,
            None => return None,
        };
        groups.push((joiner, noun, Vec::new()));
    }
    let mut out: Vec<&str> = Vec::new();
    for (joiner, noun, adjectives) in &groups {
        out.push(joiner);
        out.extend(adjectives.iter().rev());
        out.push(noun);
    }
    Some(out.into_iter().filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" "))
}

/// The English of an organization's descriptive name in match form, when every word of it is
/// known (see the module doc); `place` gives the English of a place the curated lists hold.
pub fn described_english(form: &str, place: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    let tokens: Vec<&str> = form.split(' ').collect();
    // A body's noun alone (المدينة, also the paper Al Madina) is not described.
    let (first, rest) = tokens.split_first().filter(|(_, rest)| !rest.is_empty())?;
    let definite = first.starts_with("ال");
    let head = english(first.strip_prefix("ال").unwrap_or(first), Kind::Noun)?;
    let mut index = 0;
    // After a noun without its article: what it is of (وزارة الصحة, Health Ministry; اتحاد كرة
    // القدم, Football Federation) or whom it is named after (جامعة تبوك, جامعة الملك سعود).
    let mut of: Vec<String> = Vec::new();
    let mut named: Vec<String> = Vec::new();
    if !definite {
        while let Some(english) = rest.get(index).and_then(|w| field(w).filter(|_| w.starts_with("ال") || *w == "كره"))
        {
            if english != "-" {
                of.push(english.to_string());
            }
            index += 1;
        }
        if of.is_empty() {
            if let Some(title) = rest.get(index).and_then(|w| english(w, Kind::Title)) {
                named.push(title.to_string());
                index += 1;
            }
            let start = index;
            while index < rest.len()
                && index - start < 2
                && !rest[index].starts_with('ل')
                && english(rest[index], Kind::Adjective).is_none()
            {
                index += 1;
            }
            // A proper name: a place the lists know, or words without the article and not shaped
            // like an adjective (منظمة إرهابية is "a terrorist organization").
            let name = &rest[start..index];
            let proper = |w: &&str| !w.starts_with("ال") && !w.ends_with("يه");
            match name {
                [] => {}
                // اتحاد and a city is a club (اتحاد جدة, Al-Ittihad of Jeddah), no federation.
                _ if *first == "اتحاد" => return None,
                _ => match place(&name.join(" ")) {
                    Some(english) => named.push(english),
                    None if name.iter().all(proper) => named.push(analyze(&name.join(" ")).latin()),
                    None => return None,
                },
            }
        }
    }
    let mut adjectives: Vec<&str> = Vec::new();
    while let Some(adjective) = rest.get(index).and_then(|w| english(w, Kind::Adjective)) {
        adjectives.push(adjective);
        index += 1;
    }
    let purpose = match rest.get(index..).filter(|r| !r.is_empty()) {
        Some([preposition, more @ ..]) => {
            let object = preposition.strip_prefix("لل").or_else(|| preposition.strip_prefix('ل'))?;
            let mut phrase = vec![object];
            phrase.extend_from_slice(more);
            Some(complement(&phrase, place)?)
        }
        _ => None,
    };
    let mut out: Vec<String> = named;
    out.extend(adjectives.iter().rev().map(|a| a.to_string()));
    out.extend(of);
    out.push(head.to_string());
    let mut shown = out.join(" ");
    if let Some(purpose) = purpose {
        shown.push_str(" for ");
        shown.push_str(&purpose);
    }
    Some(shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(arabic: &str) -> Option<String> {
        let places = |form: &str| match form {
            "الجبيل" => Some("Jubail".to_string()),
            "تبوك" => Some("Tabuk".to_string()),
            _ => None,
        };
        described_english(&crate::text::normalize_for_matching(arabic), &places)
    }

    #[test]
    fn descriptive_names_of_saudinewsnet_organizations_read_in_english() {
        assert_eq!(shown("البنك المركزي الأوروبي").as_deref(), Some("European Central Bank"));
        assert_eq!(shown("الهيئة العامة للطيران المدني").as_deref(), Some("General Authority for Civil Aviation"));
        assert_eq!(
            shown("جامعة نايف العربية للعلوم الأمنية").as_deref(),
            Some("Nayif Arab University for Security Sciences")
        );
        assert_eq!(shown("جامعة تبوك").as_deref(), Some("Tabuk University"));
        assert_eq!(shown("الهيئة الملكية للجبيل").as_deref(), Some("Royal Authority for Jubail"));
        assert_eq!(
            shown("الجمعية العربية السعودية للثقافة والفنون").as_deref(),
            Some("Saudi Arab Society for Culture and Arts")
        );
        assert_eq!(shown("منظمة الصحة العالمية").as_deref(), Some("World Health Organization"));
        assert_eq!(shown("اتحاد كرة القدم").as_deref(), Some("Football Federation"));
        assert_eq!(shown("اتحاد جدة"), None, "a club, Al-Ittihad of Jeddah");
        assert_eq!(shown("منظمة الطاقة الذرية").as_deref(), Some("Atomic Energy Organization"));
        assert_eq!(
            shown("الهيئة الوطنية لمكافحة الفساد").as_deref(),
            Some("National Authority for Combating Corruption")
        );
        assert_eq!(shown("مدينة الملك عبدالعزيز للعلوم").as_deref(), Some("King Abdulaziz City for Sciences"));
        assert_eq!(shown("اللجنة الوطنية لمكافحة المخدرات").as_deref(), Some("National Committee for Combating Drugs"));
        assert_eq!(shown("المنظمة الدولية للهجرة").as_deref(), Some("International Organization for Migration"));
        assert_eq!(shown("البنك المركزي اليوناني").as_deref(), Some("Greek Central Bank"));
        for (arabic, english) in [
            ("الاتحاد السعودي للكرة الطائرة", "Saudi Federation for Volleyball"),
            ("الاتحاد السعودي لكرة السلة", "Saudi Federation for Basketball"),
            ("الاتحاد السعودي للرياضات البحرية", "Saudi Federation for Water Sports"),
            ("الاتحاد البرازيلي لكرة القدم", "Brazilian Federation for Football"),
        ] {
            assert_eq!(shown(arabic).as_deref(), Some(english), "{arabic}");
        }
    }

    #[test]
    fn a_name_with_an_unknown_word_gets_none() {
        // حزب العمال: العمال ("the workers") is no field of the table; the name is romanized.
        assert_eq!(shown("حزب العمال"), None);
        assert_eq!(shown("البنك الذي"), None);
        assert_eq!(shown("الشرق الأوسط"), None, "no body's noun");
        assert_eq!(shown("المدينة"), None, "a body's noun alone: also the paper Al Madina");
        assert_eq!(shown("منظمة إرهابية"), None, "an adjective, no name");
        assert_eq!(shown("منظمة البلدان المصدرة"), None, "words with the article that are no listed place");
    }
}
