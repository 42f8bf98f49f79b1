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
///
/// The rules are NFKD followed by a per-character fold (see [`fold_decomposed`]). NFKD is
/// context-free per character once combining marks are dropped, so it is applied character by
/// character, and for ASCII and the Arabic block (nearly every character of a news corpus) the
/// result comes from a table built once from the same rules.
pub fn normalize_into(text: &str, out: &mut String) {
    let arabic_block = arabic_block_table();
    let mut chars = text.chars();
    let mut previous = ' ';
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        let before = std::mem::replace(&mut previous, c);
        if c.is_ascii() {
            if c.is_ascii_whitespace() || c == '\u{0b}' {
                pending_space = !out.is_empty();
                continue;
            }
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c.to_ascii_lowercase());
            continue;
        }
        if is_protected_al(c, before, chars.clone()) {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push_str("آل");
            // Skip the rest of the particle: the lam, and the madda first when it was separate.
            if c == 'ا' {
                chars.next();
            }
            chars.next();
            previous = 'ل';
            continue;
        }
        if let Some(index) = (c as usize).checked_sub(0x0600).filter(|&i| i < 0x100) {
            match arabic_block[index] {
                Folded::Drop => {}
                Folded::One(folded) => {
                    if pending_space {
                        out.push(' ');
                        pending_space = false;
                    }
                    out.push(folded);
                }
                Folded::Slow => {}
            }
            if !matches!(arabic_block[index], Folded::Slow) {
                continue;
            }
        }
        for decomposed in DecomposingNormalizerBorrowed::new_nfkd().normalize_iter(std::iter::once(c)) {
            fold_decomposed(decomposed, out, &mut pending_space);
        }
    }
}

/// Folds one character of NFKD output into the match form.
fn fold_decomposed(c: char, out: &mut String, pending_space: &mut bool) {
    if super::is_space(c) {
        *pending_space = !out.is_empty();
        return;
    }
    if is_dropped(c) {
        return;
    }
    if *pending_space {
        out.push(' ');
        *pending_space = false;
    }
    match fold_arabic_letter(c) {
        Some(folded) => out.push(folded),
        None if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        None if c == 'ß' => out.push_str("ss"),
        None => out.extend(c.to_lowercase()),
    }
}

/// What a character of the Arabic block (U+0600–U+06FF) becomes.
#[derive(Clone, Copy)]
enum Folded {
    Drop,
    One(char),
    /// Decomposes into more than one character: take the general path.
    Slow,
}

fn arabic_block_table() -> &'static [Folded; 256] {
    static TABLE: std::sync::OnceLock<[Folded; 256]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        std::array::from_fn(|index| {
            let c = char::from_u32(0x0600 + index as u32).expect("the Arabic block holds no surrogates");
            let mut folded = String::new();
            let mut pending_space = false;
            for decomposed in DecomposingNormalizerBorrowed::new_nfkd().normalize_iter(std::iter::once(c)) {
                fold_decomposed(decomposed, &mut folded, &mut pending_space);
            }
            let mut chars = folded.chars();
            match (chars.next(), chars.next(), pending_space) {
                (None, _, false) => Folded::Drop,
                (Some(one), None, false) => Folded::One(one),
                _ => Folded::Slow,
            }
        })
    })
}

/// True at the family particle آل standing alone as a word (written آ + ل, or ا + madda + ل),
/// which must not become the article ال.
fn is_protected_al(c: char, before: char, mut rest: std::str::Chars<'_>) -> bool {
    let starts = match c {
        'آ' => true,
        'ا' => rest.next() == Some('\u{0653}'),
        _ => false,
    };
    starts && !is_word_char(before) && rest.next() == Some('ل') && rest.next().is_none_or(|c| !is_word_char(c))
}

/// Letters and digits, with fast paths for ASCII and the Arabic block.
fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\u{0000}'..='\u{007F}' => false,
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0660}'..='\u{0669}' | '\u{0671}'..='\u{06D3}' => true,
        '\u{0600}'..='\u{06FF}' => false,
        _ => c.is_alphanumeric(),
    }
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
        | '\u{0674}'                // high hamza
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
    use super::*;

    /// The rules applied the slow, obvious way: NFKD of the whole string, then the fold.
    fn reference(text: &str) -> String {
        let decomposed = DecomposingNormalizerBorrowed::new_nfkd().normalize(text);
        let mut out = String::new();
        let mut pending_space = false;
        let mut chars = decomposed.chars();
        let mut previous = ' ';
        while let Some(c) = chars.next() {
            let before = std::mem::replace(&mut previous, c);
            if is_protected_al(c, before, chars.clone()) {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                out.push_str("آل");
                chars.nth(1);
                previous = 'ل';
                continue;
            }
            fold_decomposed(c, &mut out, &mut pending_space);
        }
        out
    }

    #[test]
    fn table_driven_normalization_matches_whole_string_nfkd() {
        let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/data/sample/seed/000_2b8ce03f76824978.txt");
        let seed = std::fs::read_to_string(sample).unwrap();
        let tricky = "آل سعود آلاف \u{FEFB}\u{FE8D}\u{FEDF} ٱلله ۀ ٵ ﷲ Ǆ ﬁ Straße Ⅻ ½ \u{a0}x\u{2003}y\u{0b}z ئ ؤ";
        for text in [seed.as_str(), tricky] {
            assert_eq!(n(text), reference(text));
        }
        for code in (0x00A0..0x0800u32).chain(0xFB50..0xFF00) {
            if let Some(c) = char::from_u32(code) {
                let text = format!("a {c}b {c}");
                assert_eq!(n(&text), reference(&text), "U+{code:04X}");
            }
        }
    }

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
