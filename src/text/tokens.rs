//! Tokens and sentences of news text as it really is: Arabic and Latin words, both digit sets,
//! Arabic and Latin punctuation, quotes and brackets around names, hyphenated names (al-Qaeda,
//! إس-300).
//!
//! Offsets are byte offsets into the text the tokens came from; [`char_offsets`] turns them into
//! character offsets for output. Clitics stay attached to their word here (`بموسكو` is one token):
//! which prefix is a clitic depends on the word, and the entity stage decides it.

use std::ops::Range;

/// What kind of token a span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with digits, inner hyphens, apostrophes and dots: `al-Qaeda`, `U.S.`).
    Word,
    /// Digits, possibly with inner separators (`2016/04/15`, `1,750`, `٣٫٥`).
    Number,
    /// One punctuation or symbol character.
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }
}

fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\u{0000}'..='\u{007F}' => false,
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | '\u{06FA}'..='\u{06FC}' => true,
        // Tashkeel, superscript alef and tatweel belong to the word they sit in.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => true,
        '\u{0600}'..='\u{06FF}' => false,
        _ => c.is_alphabetic() || is_mark(c),
    }
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{200C}' | '\u{200D}')
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('\u{0660}'..='\u{0669}').contains(&c) || ('\u{06F0}'..='\u{06F9}').contains(&c)
}

/// Characters that join two word or number parts into one token when they stand between them.
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | '_' | '/' | ',' | '٫' | '٬' | ':')
}

/// Splits `text` into tokens; whitespace separates, and every punctuation character is a token of
/// its own unless it joins two parts of a word or number.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 6);
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if crate::text::is_space(c)
            || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{FEFF}' | '\u{202A}'..='\u{202E}')
        {
            continue;
        }
        let kind = if is_letter(c) {
            TokenKind::Word
        } else if is_digit(c) {
            TokenKind::Number
        } else {
            tokens.push(Token { start, end: start + c.len_utf8(), kind: TokenKind::Punct });
            continue;
        };
        let mut end = start + c.len_utf8();
        let mut kind = kind;
        while let Some(&(index, next)) = chars.peek() {
            if is_letter(next) || is_digit(next) {
                if kind == TokenKind::Number && is_letter(next) {
                    // 300s, 5th: a number with a letter tail reads as a word.
                    kind = TokenKind::Word;
                }
                end = index + next.len_utf8();
                chars.next();
                continue;
            }
            if is_joiner(next) {
                // Join only when the character after the joiner continues the token, and only the
                // joiners that make sense for its kind: 1,750 and 3.5 but not "Moscow,Tehran".
                let after = text[index + next.len_utf8()..].chars().next();
                let continues = match (kind, after) {
                    (TokenKind::Number, Some(a)) => {
                        is_digit(a) && matches!(next, '.' | ',' | '/' | ':' | '٫' | '٬' | '-')
                    }
                    (TokenKind::Word, Some(a)) => {
                        let possessive =
                            matches!(next, '\'' | '’') && is_possessive_s(&text[index + next.len_utf8()..]);
                        (is_letter(a) || is_digit(a)) && matches!(next, '-' | '\'' | '’' | '_') && !possessive
                            || (next == '.' && is_abbreviation_dot(text, start, index))
                    }
                    _ => false,
                };
                if continues {
                    end = index + next.len_utf8();
                    chars.next();
                    continue;
                }
                // A trailing dot of an abbreviation (U.S., Gen.) belongs to the word.
                if kind == TokenKind::Word && next == '.' && is_abbreviation_dot(text, start, index) {
                    end = index + 1;
                    chars.next();
                }
            }
            break;
        }
        tokens.push(Token { start, end, kind });
    }
    tokens
}

/// True when `rest` (after an apostrophe) is the English possessive `s`: Volcker's is Volcker + 's.
fn is_possessive_s(rest: &str) -> bool {
    let mut chars = rest.chars();
    chars.next() == Some('s') && chars.next().is_none_or(|c| !is_letter(c))
}

/// English abbreviations whose dot does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen", "rep", "pres", "prof",
    "st", "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "mln", "bln", "pct", "dlrs", "u.s", "u.n", "u.k", "e.g", "i.e",
];

/// True when the dot at `dot` ends an abbreviation of the word that starts at `word_start`:
/// single letters (`U.S.`, `J.`, also after a hyphen: `Franco-U.S.`) and the listed
/// abbreviations.
fn is_abbreviation_dot(text: &str, word_start: usize, dot: usize) -> bool {
    let word = &text[word_start..dot];
    let last_part = word.rsplit(['.', '-']).next().unwrap_or(word);
    let single_capital = last_part.chars().count() == 1 && last_part.chars().all(|c| c.is_ascii_uppercase());
    single_capital || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// True when `text` is hard-wrapped, as wire stories and plain-text dumps often are: Reuters
/// breaks its lines at about 65 characters, mid-sentence and mid-name ("Nigel\nLawson"). Its
/// longest line has 40 to 100 characters (shorter lines are a list), and where a line runs on into the next (neither blank,
/// the next not indented as a new paragraph), the next line's first word would, three times in
/// four, not have fit on it. The first line is not counted when there are others (a story whose
/// dateline was cut starts with a short line).
fn is_hard_wrapped(text: &str) -> bool {
    let lines: Vec<&str> = text.split('\n').map(str::trim_end).collect();
    let Some(width) = lines.iter().map(|l| l.chars().count()).max().filter(|w| (40..=100).contains(w)) else {
        return false;
    };
    let first_word = |line: &str| line.chars().take_while(|c| !c.is_whitespace()).count();
    let running_on: Vec<(usize, bool)> = (0..lines.len().saturating_sub(1))
        .filter(|&i| {
            let next = lines[i + 1];
            !lines[i].trim().is_empty() && !next.trim().is_empty() && !next.starts_with(char::is_whitespace)
        })
        .map(|i| (i, lines[i].chars().count() + 1 + first_word(lines[i + 1]) > width))
        .collect();
    let counted: Vec<bool> = match running_on.as_slice() {
        [] => return false,
        [only] => vec![only.1],
        all => all.iter().filter(|(i, _)| *i > 0).map(|&(_, full)| full).collect(),
    };
    counted.iter().filter(|&&full| full).count() * 4 >= counted.len() * 3
}

/// Splits tokens into sentences: a sentence ends after `.`, `!`, `?`, `؟`, `…` or `؛` tokens
/// (closing quotes and brackets stay with it), and at every blank line or line break between
/// tokens (news paragraphs and headlines), except the breaks that only wrap a line of a
/// hard-wrapped text (see [`is_hard_wrapped`]). Returns ranges of token indices.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let wrapped = text.contains('\n') && is_hard_wrapped(text);
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut index = 0;
    while index < tokens.len() {
        let token = tokens[index];
        let mut ends = token.kind == TokenKind::Punct && matches!(token.text(text), "." | "!" | "?" | "؟" | "…" | "؛");
        if ends {
            while let Some(next) = tokens.get(index + 1) {
                if next.kind == TokenKind::Punct && matches!(next.text(text), "\"" | "'" | "”" | "»" | ")" | "]" | "’")
                {
                    index += 1;
                } else {
                    break;
                }
            }
        } else if let Some(next) = tokens.get(index + 1) {
            let gap = &text[token.end..next.start];
            // In a hard-wrapped text, one line break with the next line starting right after it
            // only wraps the line.
            let wraps = wrapped && gap.ends_with('\n') && gap.matches('\n').count() == 1;
            ends = gap.contains('\n') && !wraps;
        }
        if ends || index + 1 == tokens.len() {
            sentences.push(start..index + 1);
            start = index + 1;
        }
        index += 1;
    }
    sentences
}

/// Converts byte offsets of `text` to character offsets (what Python's `str` slicing uses).
/// `offsets` must be sorted; returns them converted, in order.
pub fn char_offsets(text: &str, offsets: &[usize]) -> Vec<usize> {
    let mut result = Vec::with_capacity(offsets.len());
    let mut chars = 0;
    let mut byte = 0;
    for &offset in offsets {
        chars += text[byte..offset].chars().count();
        byte = offset;
        result.push(chars);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn arabic_punctuation_quotes_and_brackets_split() {
        assert_eq!(
            words("الجنرال الإيراني \"قاسم سلماني\"، قد أعلن (إس-300)؟"),
            ["الجنرال", "الإيراني", "\"", "قاسم", "سلماني", "\"", "،", "قد", "أعلن", "(", "إس-300", ")", "؟"]
        );
    }

    #[test]
    fn clitics_stay_attached_and_tashkeel_stays_inside() {
        assert_eq!(words("وبوتين بموسكو لروسيا فضّلت"), ["وبوتين", "بموسكو", "لروسيا", "فضّلت"]);
    }

    #[test]
    fn latin_names_abbreviations_and_numbers() {
        assert_eq!(
            words("Gen. Qassem Soleimani of al-Qaeda met U.S. officials; 1,750 dlrs, 3.5 pct."),
            [
                "Gen.",
                "Qassem",
                "Soleimani",
                "of",
                "al-Qaeda",
                "met",
                "U.S.",
                "officials",
                ";",
                "1,750",
                "dlrs",
                ",",
                "3.5",
                "pct."
            ]
        );
        assert_eq!(words("Moscow,Tehran ٢٠١٦/٠٤/١٥"), ["Moscow", ",", "Tehran", "٢٠١٦/٠٤/١٥"]);
        assert_eq!(words("Volcker's O'Neill"), ["Volcker", "'", "s", "O'Neill"]);
        // Reuters-21578: "Franco-U" "." "S." had been three tokens.
        assert_eq!(
            words("the Franco-U.S. group, non-U.S. firms"),
            ["the", "Franco-U.S.", "group", ",", "non-U.S.", "firms"]
        );
    }

    #[test]
    fn sentences_end_at_stops_and_line_breaks() {
        let text = "موسكو - قالت مصادر إن سليماني توجه إلى موسكو. وقال \"نعم.\"\nعنوان بلا نقطة\nThe U.S. envoy left.";
        let tokens = tokenize(text);
        let found: Vec<String> = sentences(text, &tokens)
            .into_iter()
            .map(|r| text[tokens[r.start].start..tokens[r.end - 1].end].to_string())
            .collect();
        assert_eq!(
            found,
            ["موسكو - قالت مصادر إن سليماني توجه إلى موسكو.", "وقال \"نعم.\"", "عنوان بلا نقطة", "The U.S. envoy left."]
        );
    }

    #[test]
    fn a_hard_wrapped_story_keeps_its_sentences_whole() {
        // Reuters-21578 (reut2-000.xml): lines wrapped at about 65 characters, paragraphs indented.
        let text = "U.K. Chancellor of the Exchequer Nigel\nLawson has told Brazil's Finance Minister Dilson Funaro that\nnegotiations on Brazil's debt to commercial banks are a matter\nfor the commercial banks themselves, a Treasury spokesman said.\n    The spokesman said the Chancellor had emphasised in talks\nthis morning with Funaro the need for the Brazilian authorities";
        let tokens = tokenize(text);
        let found: Vec<&str> =
            sentences(text, &tokens).into_iter().map(|r| &text[tokens[r.start].start..tokens[r.end - 1].end]).collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].contains("Nigel\nLawson") && found[0].ends_with("said."), "{found:?}");
        assert!(found[1].starts_with("The spokesman") && found[1].ends_with("authorities"), "{found:?}");
        // Paragraphs on lines of their own are not wrapped: each line is its own sentence, after a
        // headline too; nor is a list of short lines.
        let text = "Headline here\nA first paragraph on a line of its own, as most dumps write them, longer than any line a wrapped text has\nShort";
        let tokens = tokenize(text);
        assert_eq!(sentences(text, &tokens).len(), 3);
        let text = "Qasem Soleimani\nVladimir Putin\nSergei Shoigu\nBashar al-Assad";
        let tokens = tokenize(text);
        assert_eq!(sentences(text, &tokens).len(), 4);
    }

    #[test]
    fn byte_offsets_convert_to_char_offsets() {
        let text = "قال Putin";
        let tokens = tokenize(text);
        let offsets = char_offsets(text, &[tokens[1].start, tokens[1].end]);
        assert_eq!(offsets, [4, 9]);
    }
}
