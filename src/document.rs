//! A document: an article after the text stage, one row of the `documents` table.
//!
//! [`Document::from_article`] is a pure function (article in, row out): it parses the
//! publication date, identifies script and language, counts characters and words, and computes
//! `doc_id` from the match form of title and text, so the same article reformatted (CR line ends,
//! non-breaking spaces, tashkeel, presentation forms) gets the same id. Duplicate detection
//! needs the whole run and is done by the pipeline.

use std::sync::Arc;

use chrono::NaiveDate;
use xxhash_rust::xxh3::xxh3_128;

use crate::ingest::Article;
use crate::text::{self, normalize::normalize_into, DatePrecision, Language, Script};

#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// xxh3-128 of the match form of title and text, as 32 hex digits.
    pub doc_id: String,
    pub doc_hash: u128,
    pub source: Arc<str>,
    pub record: i64,
    pub offset: i64,
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub published: Option<NaiveDate>,
    pub published_precision: Option<DatePrecision>,
    pub published_raw: Option<String>,
    pub language: Language,
    pub script: Script,
    pub text: String,
    pub n_chars: i64,
    pub n_words: i64,
    pub label: Option<String>,
    pub url: Option<String>,
    pub source_id: Option<String>,
    /// Set by the pipeline when an earlier record had the same `doc_id`.
    pub duplicate_of: Option<String>,
    pub metadata: Option<String>,
}

impl Document {
    pub fn from_article(article: Article) -> Document {
        let mut match_form = String::with_capacity(article.text.len() + 128);
        if let Some(title) = &article.title {
            normalize_into(title, &mut match_form);
        }
        match_form.push('\n');
        normalize_into(&article.text, &mut match_form);
        let doc_hash = xxh3_128(match_form.as_bytes());

        let published = article.published_raw.as_deref().and_then(text::parse_publication_date);
        // The title often carries the only clue on short items (Reuters briefs), and a language
        // guess on text plus title is steadier than on either alone.
        let sample = language_sample(article.title.as_deref(), &article.text);
        let (language, script) = text::detect_language_and_script(&sample);
        let (n_chars, n_words) = text::count_chars_and_words(&article.text);
        Document {
            doc_id: format!("{doc_hash:032x}"),
            doc_hash,
            source: article.source,
            record: article.record,
            offset: article.offset,
            title: article.title,
            subtitle: article.subtitle,
            published: published.map(|p| p.date),
            published_precision: published.map(|p| p.precision),
            published_raw: article.published_raw,
            language,
            script,
            n_chars: n_chars as i64,
            n_words: n_words as i64,
            text: article.text,
            label: article.label,
            url: article.url,
            source_id: article.id,
            duplicate_of: None,
            metadata: article.metadata,
        }
    }
}

/// Title plus the first kilobyte of text: enough to identify a language, and cheap.
fn language_sample(title: Option<&str>, text: &str) -> String {
    let mut end = text.len().min(1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}\n{}", title.unwrap_or(""), &text[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: &str, text: &str) -> Article {
        Article { title: Some(title.into()), text: text.into(), ..Article::default() }
    }

    #[test]
    fn reformatted_copies_share_a_doc_id() {
        let a = Document::from_article(article("سليماني يزور موسكو", "قال مصدر\u{a0}إيراني.\r\nوتابع."));
        let b = Document::from_article(article("سليماني  يزور موسكو", "قال مصدر إيراني.\nوتابع."));
        assert_eq!(a.doc_id, b.doc_id);
        assert_eq!(a.doc_id.len(), 32);
    }

    #[test]
    fn different_titles_give_different_ids() {
        let a = Document::from_article(article("A", "same body"));
        let b = Document::from_article(article("B", "same body"));
        assert_ne!(a.doc_id, b.doc_id);
    }
}
