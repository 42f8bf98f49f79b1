//! Lists the tagger's errors on the dev split of ANERcorp (its last tenth), by kind: missed
//! names, wrong boundaries, wrong types and spurious mentions, each with its context, then counts:
//! `cargo run --release --example ner_errors`. The text is read as `akhbar eval ner` reads it, in
//! pseudo-documents of consecutive sentences, so the document-level rules see what they see there.
//! What the rules in `mentions.rs` were found with.
use akhbar::extract::conll::{document_text, pseudo_document_ranges, read_conll};
use akhbar::extract::mentions::extract_mentions_with;
fn main() {
    let (sentences, _) = match read_conll("../shared/data/ner/anercorp-train.txt".as_ref()) {
        Ok(read) => read,
        Err(error) => {
            eprintln!("ner_errors: {error:#} (ANERcorp is read from ../shared/data/ner)");
            return;
        }
    };
    let skip = sentences.len() - (sentences.len() as f64 * 0.1).round() as usize;
    let dev = &sentences[skip..];
    let tagger = akhbar::extract::Tagger::bundled();
    let mut cat = std::collections::BTreeMap::<String, usize>::new();
    for document in pseudo_document_ranges(dev) {
        // The document's text (a sentence per line), each gold token's character range, the gold
        // spans in document token indices, and the tokens themselves.
        let (text, ranges, gold) = document_text(&dev[document.clone()]);
        let tokens: Vec<String> = dev[document].iter().flat_map(|s| s.tokens.iter().cloned()).collect();
        let ms = extract_mentions_with(&text, akhbar::text::Language::Arabic, tagger);
        let pred: Vec<(usize, usize, akhbar::extract::EntityType, String)> = ms
            .iter()
            .filter_map(|m| {
                let first = ranges.iter().position(|&(a, e)| a <= m.start && m.start < e)?;
                let last = ranges.iter().position(|&(a, e)| a < m.end && m.end <= e)?;
                Some((first, last + 1, m.entity_type, m.method.as_str().to_string()))
            })
            .collect();
        let words = |a: usize, b: usize| tokens[a..b].join(" ");
        let context = |a: usize, b: usize| words(a.saturating_sub(3), (b + 2).min(tokens.len()));
        for g in &gold {
            if pred.iter().any(|p| (p.0, p.1, p.2) == *g) {
                continue;
            }
            let kind = if let Some(p) = pred.iter().find(|p| p.0 == g.0 && p.1 == g.1) {
                format!("TYPE {}->{} [{}]", g.2.as_str(), p.2.as_str(), p.3)
            } else if let Some(p) = pred.iter().find(|p| p.0 < g.1 && g.0 < p.1) {
                format!("BOUND {} [{}] pred='{}'", g.2.as_str(), p.3, words(p.0, p.1))
            } else {
                format!("MISS {}", g.2.as_str())
            };
            *cat.entry(kind.split(' ').take(2).collect::<Vec<_>>().join(" ")).or_default() += 1;
            println!("{kind}\tgold='{}'\tctx: {}", words(g.0, g.1), context(g.0, g.1));
        }
        for p in &pred {
            if gold.iter().any(|g| g.0 < p.1 && p.0 < g.1) {
                continue;
            }
            *cat.entry(format!("SPURIOUS {}", p.2.as_str())).or_default() += 1;
            println!("SPURIOUS {} [{}]\tpred='{}'\tctx: {}", p.2.as_str(), p.3, words(p.0, p.1), context(p.0, p.1));
        }
    }
    for (k, v) in cat {
        println!("== {k}: {v}");
    }
}
