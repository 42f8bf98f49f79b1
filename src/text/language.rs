//! Script and language identification for whole documents.
//!
//! Script comes first and is nearly free: counting letters by Unicode block decides Arabic script
//! versus Latin for almost every news article. Within Arabic script, Persian and Urdu are told
//! from Arabic by the letters and function words only they use (پ چ ژ گ ی / ٹ ڈ ڑ ں ے; است، این،
//! که / ہے، کے، میں); within Latin script, English is told from other languages by the share of
//! English function words. This is enough for the languages akhbar extracts (ar, en) and labels
//! everything else honestly as `other`.

/// The writing system most letters of a text belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Arabic,
    Latin,
    /// Both Arabic and Latin letters, neither above 80% of the letters.
    Mixed,
    /// Letters, but mostly of another script (Cyrillic, CJK, ...).
    Other,
    /// No letters at all.
    None,
}

impl Script {
    pub fn as_str(self) -> &'static str {
        match self {
            Script::Arabic => "arabic",
            Script::Latin => "latin",
            Script::Mixed => "mixed",
            Script::Other => "other",
            Script::None => "none",
        }
    }
}

/// The languages akhbar tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    Arabic,
    English,
    Persian,
    Urdu,
    Other,
}

impl Language {
    /// ISO 639-1 code, or `other`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Arabic => "ar",
            Language::English => "en",
            Language::Persian => "fa",
            Language::Urdu => "ur",
            Language::Other => "other",
        }
    }
}

#[derive(Default)]
struct LetterCounts {
    arabic: usize,
    latin: usize,
    other: usize,
    persian_only: usize,
    urdu_only: usize,
    arabic_only: usize,
}

fn count_letters(text: &str) -> LetterCounts {
    let mut counts = LetterCounts::default();
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                counts.latin += 1;
            }
            continue;
        }
        match c {
            'پ' | 'چ' | 'ژ' | 'گ' | 'ی' | 'ک' => {
                counts.arabic += 1;
                counts.persian_only += 1;
            }
            'ٹ' | 'ڈ' | 'ڑ' | 'ں' | 'ے' | 'ہ' | 'ھ' => {
                counts.arabic += 1;
                counts.urdu_only += 1;
            }
            'ة' | 'ى' | 'ي' | 'ك' => {
                counts.arabic += 1;
                counts.arabic_only += 1;
            }
            '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}' => counts.arabic += 1,
            '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}' => counts.arabic += 1,
            // Arabic marks, digits and punctuation; spaces and general punctuation: not letters.
            '\u{0600}'..='\u{06FF}' | '\u{00A0}' | '\u{2000}'..='\u{206F}' | '\u{FEFF}' => {}
            '\u{00C0}'..='\u{024F}' => counts.latin += 1,
            _ if c.is_alphabetic() => counts.other += 1,
            _ => {}
        }
    }
    counts
}

fn script_of(counts: &LetterCounts) -> Script {
    let letters = counts.arabic + counts.latin + counts.other;
    if letters == 0 {
        return Script::None;
    }
    let share = |n: usize| n as f64 / letters as f64;
    if share(counts.arabic) >= 0.8 {
        Script::Arabic
    } else if share(counts.latin) >= 0.8 {
        Script::Latin
    } else if counts.arabic + counts.latin > counts.other {
        Script::Mixed
    } else {
        Script::Other
    }
}

/// The script most letters of `text` are written in.
pub fn detect_script(text: &str) -> Script {
    script_of(&count_letters(text))
}

const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "said", "it", "with", "as", "was", "by", "at",
    "from", "be", "he", "has", "its", "will", "an", "are", "have", "this", "which", "would", "not", "but", "were",
    "after", "year", "mln", "pct", "dlrs", "says",
];
const PERSIAN_FUNCTION_WORDS: &[&str] = &["است", "این", "که", "را", "می", "های", "شد", "آن", "برای", "با"];
const URDU_FUNCTION_WORDS: &[&str] = &["ہے", "کے", "میں", "کی", "اور", "کا", "سے", "نے", "کو", "ہیں"];
const ARABIC_FUNCTION_WORDS: &[&str] = &["في", "من", "على", "إلى", "أن", "التي", "الذي", "عن", "مع", "هذا"];

/// Identifies the language of a document from its title and text together.
///
/// ```
/// use akhbar::text::{detect_language, Language};
/// assert_eq!(detect_language("قالت ثلاثة مصادر إن الجنرال قاسم سليماني توجه إلى موسكو"), Language::Arabic);
/// assert_eq!(detect_language("Showers continued throughout the week in the Bahia cocoa zone"), Language::English);
/// assert_eq!(detect_language("سلیمانی برای دیدار با پوتین به مسکو رفت"), Language::Persian);
/// ```
pub fn detect_language(text: &str) -> Language {
    detect_language_and_script(text).0
}

/// Language and script in one pass over the text.
pub fn detect_language_and_script(text: &str) -> (Language, Script) {
    let counts = count_letters(text);
    let script = script_of(&counts);
    let language = match script {
        Script::Arabic => arabic_script_language(text, &counts),
        Script::Latin => latin_script_language(text),
        Script::Mixed if counts.arabic > counts.latin => arabic_script_language(text, &counts),
        Script::Mixed => latin_script_language(text),
        Script::Other | Script::None => Language::Other,
    };
    (language, script)
}

/// Splits text into runs of letters, with a fast path for ASCII and the Arabic block (the
/// general Unicode letter test is slow, and this runs over every document).
fn letter_runs(text: &str) -> impl Iterator<Item = &str> {
    let is_letter = |c: char| match c {
        'a'..='z' | 'A'..='Z' => true,
        '\u{0000}'..='\u{007F}' => false,
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' => true,
        '\u{0600}'..='\u{06FF}' | '\u{00A0}' | '\u{2000}'..='\u{206F}' => false,
        _ => c.is_alphabetic(),
    };
    text.split(move |c: char| !is_letter(c)).filter(|w| !w.is_empty())
}

fn arabic_script_language(text: &str, counts: &LetterCounts) -> Language {
    let (mut persian_words, mut urdu_words, mut arabic_words) = (0, 0, 0);
    for word in letter_runs(text) {
        persian_words += usize::from(PERSIAN_FUNCTION_WORDS.contains(&word));
        urdu_words += usize::from(URDU_FUNCTION_WORDS.contains(&word));
        arabic_words += usize::from(ARABIC_FUNCTION_WORDS.contains(&word));
    }
    // Letters weigh in first: ة and ى never occur in Persian or Urdu text, پ چ ژ گ rarely in
    // Arabic news (only in foreign names). Function words break ties on short texts.
    let persian = counts.persian_only * 2 + persian_words * 4;
    let urdu = counts.urdu_only * 3 + urdu_words * 4;
    let arabic = counts.arabic_only + arabic_words * 4;
    if arabic >= persian && arabic >= urdu {
        Language::Arabic
    } else if urdu > persian {
        Language::Urdu
    } else {
        Language::Persian
    }
}

fn latin_script_language(text: &str) -> Language {
    let mut english = 0usize;
    let mut other = [0usize; OTHER_LATIN_FUNCTION_WORDS.len()];
    let mut words = 0usize;
    for word in letter_runs(text).take(400) {
        words += 1;
        let word = word.to_lowercase();
        english += usize::from(ENGLISH_FUNCTION_WORDS.contains(&word.as_str()));
        for (count, list) in other.iter_mut().zip(OTHER_LATIN_FUNCTION_WORDS) {
            *count += usize::from(list.contains(&word.as_str()));
        }
    }
    // English unless another language's function words outnumber English ones: news dumps are
    // full of English text with few function words (headlines, earnings tables: "Shr profit 15
    // cts vs four cts"), while running French or German text is thick with its own.
    let best_other = other.iter().copied().max().unwrap_or(0);
    if words == 0 || (best_other > english && best_other >= 2) {
        Language::Other
    } else {
        Language::English
    }
}

/// Function words of other common Latin-script languages of news (fr, es, de, pt, it, id, tr,
/// nl); none of them is an English word.
const OTHER_LATIN_FUNCTION_WORDS: [&[&str]; 8] = [
    &[
        "le", "la", "les", "des", "est", "et", "du", "une", "pour", "dans", "que", "qui", "sur", "avec", "au", "aux",
        "sont", "pas",
    ],
    &["el", "los", "las", "del", "por", "con", "una", "para", "que", "es", "se", "y", "lo", "como", "pero", "fue"],
    &[
        "der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "auf", "ein", "eine", "zu", "sich", "dem",
        "wird",
    ],
    &["os", "da", "do", "não", "com", "uma", "para", "que", "em", "dos", "das", "foi", "ao", "mais"],
    &["il", "di", "che", "della", "per", "con", "non", "una", "sono", "gli", "nel", "delle", "è"],
    &["yang", "dan", "di", "dengan", "untuk", "ini", "itu", "dari", "dalam", "tidak", "akan", "pada"],
    &["ve", "bir", "bu", "için", "ile", "da", "de", "olarak", "olan", "çok", "daha", "gibi"],
    &["het", "een", "van", "en", "de", "dat", "niet", "zijn", "op", "voor", "met", "ook"],
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_are_told_apart() {
        assert_eq!(detect_script("سليماني يزور موسكو"), Script::Arabic);
        assert_eq!(detect_script("Soleimani visits Moscow"), Script::Latin);
        assert_eq!(detect_script("Путин встретился"), Script::Other);
        assert_eq!(detect_script("123 - 456"), Script::None);
        assert_eq!(detect_script("سليماني Soleimani"), Script::Mixed);
    }

    #[test]
    fn urdu_is_not_arabic() {
        assert_eq!(detect_language("سلیمانی نے ماسکو کا دورہ کیا ہے اور پوتن سے ملاقات کی"), Language::Urdu);
    }

    #[test]
    fn french_is_other() {
        assert_eq!(
            detect_language("Le général iranien est arrivé à Moscou pour des entretiens avec les dirigeants russes"),
            Language::Other
        );
    }
}
