//! The match form of a text: what two spellings of the same word have in common.
//!
//! The match form is for comparing and hashing, never for display: `documents.text` keeps the
//! original. Arabic: tashkeel, tatweel and direction/zero-width marks are dropped; alef and
//! hamza forms are unified (أ إ آ ٱ → ا, ؤ → و, ئ → ي); ى → ي; ة → ه; Persian and Urdu letters
//! map to their Arabic counterparts; Arabic-Indic digits become ASCII digits; presentation forms
//! are unfolded by NFKC. The family particle آل is protected from alef folding (otherwise آل سعود
//! would read as the article ال). Latin: NFKC, case fold, accents stripped. Every run of
//! whitespace (including non-breaking spaces and CR line ends) becomes one space, and leading and
//! trailing whitespace is removed.
//!
//! Transliteration-level folding (kh/gh/sh digraphs, vowels) is not done here: that belongs to
//! the phonetic keys of the names stage.

use icu_normalizer::DecomposingNormalizerBorrowed;

/// Normalizes text of any script for matching. See the module documentation for the rules.
///
/// ```
/// use akhbar::text::normalize_for_matching;
/// assert_eq!(normalize_for_matching("قاسِم  سُليمانيّ"), "قاسم سليماني");
/// assert_eq!(normalize_for_matching("Qāsem\u{a0}SOLEIMANI\r\n"), "qasem soleimani");
/// ```
pub fn normalize_for_matching(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalize_into(text, &mut out);
    out
}

/// Arabic-script normalization for matching (the same rules as [`normalize_for_matching`],
/// named for readers who only deal with Arabic).
pub fn normalize_arabic_for_matching(text: &str) -> String {
    normalize_for_matching(text)
}

/// Latin-script normalization for matching: NFKC, case fold, accents stripped, whitespace
/// collapsed (the same rules as [`normalize_for_matching`]).
pub fn normalize_latin_for_matching(text: &str) -> String {
    normalize_for_matching(text)
}

/// Appends the match form of `text` to `out`.
pub fn normalize_into(text: &str, out: &mut String) {
    // NFKD unfolds presentation forms and ligatures (the K) and splits precomposed letters into
    // base + mark (the D): dropping the marks afterwards strips Latin accents and unifies the
    // Arabic hamza and madda forms in one rule.
    let decomposed = if text.is_ascii() {
        std::borrow::Cow::Borrowed(text)
    } else {
        DecomposingNormalizerBorrowed::new_nfkd().normalize(text)
    };
    let mut chars = decomposed.chars();
    let mut previous = ' ';
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        let before = std::mem::replace(&mut previous, c);
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if is_dropped(c) {
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        if c == 'ا' && !before.is_alphanumeric() && is_protected_al(chars.clone()) {
            out.push_str("آل");
            chars.nth(1); // skip the madda and the lam
            previous = 'ل';
            continue;
        }
        match fold_arabic_letter(c) {
            Some(folded) => out.push(folded),
            None if c == 'ß' => out.push_str("ss"),
            None => out.extend(c.to_lowercase()),
        }
    }
}

/// True when the characters after a word-initial alef are madda + lam + a non-letter: the
/// decomposed word آل standing alone, the family particle, which must not become the article ال.
fn is_protected_al(mut rest: std::str::Chars<'_>) -> bool {
    rest.next() == Some('\u{0653}') && rest.next() == Some('ل') && rest.next().is_none_or(|c| !c.is_alphanumeric())
}

/// Characters with no place in the match form: combining marks (tashkeel, accents), tatweel,
/// and the invisible direction and zero-width controls.
fn is_dropped(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'     // Latin combining accents
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{0610}'..='\u{061A}'   // Arabic honorific and Quranic marks
        | '\u{061C}'                // Arabic letter mark
        | '\u{064B}'..='\u{065F}'   // tashkeel, hamza above/below, madda
        | '\u{0670}'                // superscript alef
        | '\u{0640}'                // tatweel
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08FF}'
        | '\u{200B}'..='\u{200F}'   // zero-width space, ZWNJ, ZWJ, LRM, RLM
        | '\u{202A}'..='\u{202E}'   // bidi embeddings and overrides
        | '\u{2066}'..='\u{2069}'   // bidi isolates
        | '\u{FEFF}'                // byte-order mark
        | '\u{00AD}'                // soft hyphen
    )
}

/// The Arabic letter a letter variant is matched as, for the letters NFKD leaves alone.
fn fold_arabic_letter(c: char) -> Option<char> {
    Some(match c {
        'ٱ' => 'ا',                               // alef wasla
        'ى' | 'ی' | 'ې' | 'ۍ' | 'ے' | 'ۓ' => 'ي', // alef maqsura, Persian and Urdu yeh
        'ة' | 'ۀ' | 'ە' | 'ہ' | 'ۂ' | 'ھ' => 'ه', // teh marbuta, heh variants
        'ک' | 'ڪ' | 'گ' => 'ك',                   // Persian keheh and gaf
        'پ' => 'ب',
        'چ' => 'ج',
        'ژ' => 'ز',
        'ڤ' | 'ڥ' => 'ف',
        'ں' => 'ن',
        'ٹ' => 'ت',
        'ڈ' => 'د',
        'ڑ' => 'ر',
        '،' => ',',
        '؛' => ';',
        '؟' => '?',
        '٪' => '%',
        '٫' => '.',
        '٬' => ',',
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::normalize_for_matching as n;

    #[test]
    fn tashkeel_and_tatweel_are_dropped() {
        assert_eq!(n("سُلَيْمَانِيّ"), "سليماني");
        assert_eq!(n("قـــاسم"), "قاسم");
    }

    #[test]
    fn alef_and_hamza_forms_are_unified() {
        assert_eq!(n("أحمد إبراهيم آمنة ٱلله"), "احمد ابراهيم امنه الله");
        assert_eq!(n("مؤتمر رئيس"), "موتمر رييس");
    }

    #[test]
    fn alef_maqsura_and_teh_marbuta_fold() {
        assert_eq!(n("مصطفى فاطمة"), "مصطفي فاطمه");
    }

    #[test]
    fn family_particle_al_is_protected_but_words_starting_with_it_fold() {
        assert_eq!(n("آل سعود"), "آل سعود");
        assert_eq!(n("آلاف"), "الاف");
    }

    #[test]
    fn persian_letters_and_digits_fold() {
        assert_eq!(n("پیکان گل"), "بيكان كل");
        assert_eq!(n("٢٠١٦/٠٤/١٥ ۱۳۹۵"), "2016/04/15 1395");
    }

    #[test]
    fn presentation_forms_unfold() {
        // U+FEDF U+FEE0... : lam-alef ligature and isolated forms from old PDFs.
        assert_eq!(n("\u{FEFB}"), "لا");
        assert_eq!(n("\u{FE8D}\u{FEDF}"), "ال");
    }

    #[test]
    fn direction_marks_and_nbsp_and_cr_are_removed() {
        assert_eq!(n("\u{200F}موسكو\u{200E}\u{a0}-\r\nطهران "), "موسكو - طهران");
    }

    #[test]
    fn latin_case_and_accents_fold() {
        assert_eq!(n("Qāsem SOLEIMANI, Ghāsem Soleymānī"), "qasem soleimani, ghasem soleymani");
        assert_eq!(n("Straße ﬁnal"), "strasse final");
    }
}
