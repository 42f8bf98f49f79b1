//! Text processing that does not depend on where a record came from: normalization for matching,
//! script and language identification, publication-date parsing and simple counts.
//!
//! Everything here is a pure function of a string. Nothing here reads files or knows about
//! Parquet; later stages (extract, names) reuse these functions instead of writing their own.

pub mod date;
pub mod language;
pub mod normalize;
pub mod tokens;

pub use date::{parse_publication_date, DatePrecision, PublicationDate};
pub use language::{detect_language, detect_language_and_script, detect_script, Language, Script};
pub use normalize::{normalize_arabic_for_matching, normalize_for_matching, normalize_latin_for_matching};

/// A character of the Arabic script: the Arabic block or its presentation forms.
pub fn is_arabic_script(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// True when any character of `text` is of the Arabic script.
pub fn has_arabic_script(text: &str) -> bool {
    text.chars().any(is_arabic_script)
}

/// Number of whitespace-separated words, the way a reader would count them.
pub fn count_words(text: &str) -> usize {
    count_chars_and_words(text).1
}

/// Unicode characters and whitespace-separated words of `text`, in one pass over its bytes.
pub fn count_chars_and_words(text: &str) -> (usize, usize) {
    // Byte classes: 0 starts a non-space character, 1 is an ASCII space, 2 continues a
    // multi-byte character, 3 is a lead byte that may start a non-ASCII space.
    const CLASS: [u8; 256] = {
        let mut class = [0u8; 256];
        let mut byte = 0;
        while byte < 256 {
            class[byte] = match byte as u8 {
                b' ' | b'\t'..=b'\r' => 1,
                0x80..=0xBF => 2,
                0xC2 | 0xE1 | 0xE2 | 0xE3 => 3,
                _ => 0,
            };
            byte += 1;
        }
        class
    };
    let bytes = text.as_bytes();
    let (mut chars, mut words) = (0, 0);
    let mut in_word = false;
    for (index, &byte) in bytes.iter().enumerate() {
        let space = match CLASS[byte as usize] {
            0 => false,
            1 => true,
            2 => continue,
            _ => is_multibyte_space(&bytes[index..]),
        };
        chars += 1;
        words += usize::from(in_word && space);
        in_word = !space;
    }
    (chars, words + usize::from(in_word))
}

/// U+0085 and U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F and U+3000 in UTF-8.
fn is_multibyte_space(bytes: &[u8]) -> bool {
    match bytes {
        [0xC2, 0x85 | 0xA0, ..] => true,
        [0xE1, 0x9A, 0x80, ..] | [0xE3, 0x80, 0x80, ..] => true,
        [0xE2, 0x80, third, ..] => matches!(third, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF),
        [0xE2, 0x81, 0x9F, ..] => true,
        _ => false,
    }
}

/// Unicode White_Space (the same set as `char::is_whitespace`), without the table lookup that
/// makes the standard test slow on non-ASCII text.
#[inline]
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'..='\r'
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_space_matches_the_standard_definition() {
        for code in 0..0x11000u32 {
            if let Some(c) = char::from_u32(code) {
                assert_eq!(is_space(c), c.is_whitespace(), "U+{code:04X}");
            }
        }
    }

    #[test]
    fn byte_level_counts_match_char_level_counts() {
        let mut text = String::new();
        for code in (0..0x3100u32).step_by(3) {
            if let Some(c) = char::from_u32(code) {
                text.push(c);
                text.push(if code % 2 == 0 { 'x' } else { '\u{2009}' });
            }
        }
        let seed =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/sample/seed/000_2b8ce03f76824978.txt"))
                .unwrap();
        for text in [text.as_str(), seed.as_str(), "😀 a\u{3000}b"] {
            let expected = (text.chars().count(), text.split_whitespace().count());
            assert_eq!(count_chars_and_words(text), expected);
        }
    }

    #[test]
    fn words_are_counted_across_scripts_and_spaces() {
        assert_eq!(count_words(" قال\u{a0}مصدر  إيراني\r\nكبير "), 4);
        assert_eq!(count_words(""), 0);
    }
}
