//! Publication dates as news dumps write them, in Arabic and English.
//!
//! Handles ISO dates with or without time (`2015-07-21 02:51:32`), slashed dates in either order
//! (`2016/04/15`, `15/04/2016`), Reuters' `26-FEB-1987 15:01:01.79`, month names in English and
//! in both Arabic calendars' names (`15 أبريل 2016`, `15 نيسان 2016`), weekday prefixes
//! (`الجمعة 2016/04/15`), Arabic-Indic digits, and partial dates (`April 2016`, `2016`), whose
//! precision says how much the source gave. Relative dates ("last night") are the extract
//! stage's job, not this one's: they need an anchor date, which is what this function produces.

use chrono::NaiveDate;

/// How much of a date the source actually gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePrecision {
    Day,
    Month,
    Year,
}

impl DatePrecision {
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
        }
    }
}

/// A parsed publication date. Partial dates are stored as the first day of their month or year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublicationDate {
    pub date: NaiveDate,
    pub precision: DatePrecision,
}

/// Parses the date in a publication-date string, or returns `None` when it holds none.
///
/// ```
/// use akhbar::text::{parse_publication_date, DatePrecision};
/// let parsed = parse_publication_date("الجمعة 2016/04/15").unwrap();
/// assert_eq!(parsed.date.to_string(), "2016-04-15");
/// assert_eq!(parsed.precision, DatePrecision::Day);
/// assert_eq!(parse_publication_date("26-FEB-1987 15:01:01.79").unwrap().date.to_string(), "1987-02-26");
/// assert_eq!(parse_publication_date("July 2015").unwrap().precision, DatePrecision::Month);
/// assert!(parse_publication_date("no date here").is_none());
/// ```
pub fn parse_publication_date(raw: &str) -> Option<PublicationDate> {
    let tokens = tokenize(raw);
    let mut numbers: Vec<&str> = Vec::new();
    let mut month_name = None;
    for (index, token) in tokens.iter().enumerate() {
        match token {
            Token::Number(digits) => {
                let starts_time = matches!(tokens.get(index + 1), Some(Token::Colon));
                if starts_time {
                    break;
                }
                numbers.push(digits);
            }
            Token::Word(word) => {
                if month_name.is_none() {
                    month_name = month_from_name(word);
                }
            }
            Token::Colon => {}
        }
    }
    let value = |digits: &str| digits.parse::<u32>().ok();
    let is_year = |digits: &str| digits.len() == 4 && value(digits).is_some_and(|y| (1800..=2200).contains(&y));

    if let Some(month) = month_name {
        let year = numbers.iter().find(|n| is_year(n)).and_then(|n| value(n))?;
        let day = numbers
            .iter()
            .filter(|n| !is_year(n) && n.len() <= 2)
            .find_map(|n| value(n).filter(|d| (1..=31).contains(d)));
        return match day {
            Some(day) => date(year, month, day, DatePrecision::Day),
            None => date(year, month, 1, DatePrecision::Month),
        };
    }
    match numbers.as_slice() {
        [y, m, d, ..] if is_year(y) => date(value(y)?, value(m)?, value(d)?, DatePrecision::Day),
        [a, b, y, ..] if is_year(y) && a.len() <= 2 && b.len() <= 2 => {
            let (a, b, y) = (value(a)?, value(b)?, value(y)?);
            // Day first, as Arabic and European sources write it, unless that cannot be a date.
            if b > 12 {
                date(y, a, b, DatePrecision::Day)
            } else {
                date(y, b, a, DatePrecision::Day)
            }
        }
        [y, m] if is_year(y) && m.len() <= 2 => date(value(y)?, value(m)?, 1, DatePrecision::Month),
        [y] if is_year(y) => date(value(y)?, 1, 1, DatePrecision::Year),
        _ => None,
    }
}

fn date(year: u32, month: u32, day: u32, precision: DatePrecision) -> Option<PublicationDate> {
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    Some(PublicationDate { date, precision })
}

enum Token {
    Number(String),
    Word(String),
    Colon,
}

fn tokenize(raw: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = raw.chars().peekable();
    while let Some(&c) = chars.peek() {
        if let Some(digit) = ascii_digit(c) {
            let mut number = String::from(digit);
            chars.next();
            while let Some(d) = chars.peek().and_then(|&c| ascii_digit(c)) {
                number.push(d);
                chars.next();
            }
            tokens.push(Token::Number(number));
        } else if c.is_alphabetic() {
            let mut word = String::new();
            while let Some(&c) = chars.peek().filter(|c| c.is_alphabetic()) {
                word.extend(c.to_lowercase());
                chars.next();
            }
            tokens.push(Token::Word(word));
        } else {
            if c == ':' {
                tokens.push(Token::Colon);
            }
            chars.next();
        }
    }
    tokens
}

fn ascii_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '\u{0660}'..='\u{0669}' => char::from_u32('0' as u32 + (c as u32 - 0x0660)),
        '\u{06F0}'..='\u{06F9}' => char::from_u32('0' as u32 + (c as u32 - 0x06F0)),
        _ => None,
    }
}

fn month_from_name(word: &str) -> Option<u32> {
    let month = match word {
        "january" | "jan" | "يناير" | "كانون" => 1,
        "february" | "feb" | "فبراير" | "شباط" => 2,
        "march" | "mar" | "مارس" | "آذار" | "اذار" => 3,
        "april" | "apr" | "أبريل" | "ابريل" | "إبريل" | "نيسان" => 4,
        "may" | "مايو" | "أيار" | "ايار" => 5,
        "june" | "jun" | "يونيو" | "يونيه" | "حزيران" => 6,
        "july" | "jul" | "يوليو" | "يوليه" | "تموز" => 7,
        "august" | "aug" | "أغسطس" | "اغسطس" | "آب" => 8,
        "september" | "sep" | "sept" | "سبتمبر" | "أيلول" | "ايلول" => 9,
        "october" | "oct" | "أكتوبر" | "اكتوبر" => 10,
        "november" | "nov" | "نوفمبر" => 11,
        "december" | "dec" | "ديسمبر" => 12,
        _ => return None,
    };
    Some(month)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(raw: &str) -> Option<(String, &'static str)> {
        parse_publication_date(raw).map(|p| (p.date.to_string(), p.precision.as_str()))
    }

    #[test]
    fn real_corpus_formats_parse() {
        assert_eq!(parsed("الجمعة 2016/04/15"), Some(("2016-04-15".into(), "day")));
        assert_eq!(parsed("2015-07-21 02:51:32"), Some(("2015-07-21".into(), "day")));
        assert_eq!(parsed("26-FEB-1987 15:01:01.79"), Some(("1987-02-26".into(), "day")));
        assert_eq!(parsed("2013-01-29 14:10:00"), Some(("2013-01-29".into(), "day")));
    }

    #[test]
    fn arabic_digits_and_month_names_parse() {
        assert_eq!(parsed("١٥ أبريل ٢٠١٦"), Some(("2016-04-15".into(), "day")));
        assert_eq!(parsed("الجمعة 15 نيسان 2016"), Some(("2016-04-15".into(), "day")));
        assert_eq!(parsed("Fri, 15 Apr 2016 10:00:00 +0000"), Some(("2016-04-15".into(), "day")));
        assert_eq!(parsed("April 15, 2016"), Some(("2016-04-15".into(), "day")));
    }

    #[test]
    fn partial_dates_keep_their_precision() {
        assert_eq!(parsed("2016-04"), Some(("2016-04-01".into(), "month")));
        assert_eq!(parsed("2016"), Some(("2016-01-01".into(), "year")));
    }

    #[test]
    fn day_first_unless_impossible() {
        assert_eq!(parsed("05/04/2016"), Some(("2016-04-05".into(), "day")));
        assert_eq!(parsed("04/25/2016"), Some(("2016-04-25".into(), "day")));
    }

    #[test]
    fn impossible_dates_are_rejected() {
        assert_eq!(parsed("2016-02-30"), None);
        assert_eq!(parsed("قالت ثلاثة مصادر"), None);
        assert_eq!(parsed("1"), None);
    }
}
