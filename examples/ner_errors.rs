//! Lists the tagger's errors on the dev split of ANERcorp (its last tenth), by kind: missed
//! names, wrong boundaries, wrong types and spurious mentions, each with its context, then counts:
//! `cargo run --release --example ner_errors`. What the rules in `mentions.rs` were found with.
use akhbar::extract::conll::read_conll;
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
    let tagger = akhbar::extract::Tagger::bundled();
    let mut cat = std::collections::BTreeMap::<String, usize>::new();
    for s in &sentences[skip..] {
        let (text, ranges) = s.text();
        let gold = s.spans();
        let ms = extract_mentions_with(&text, akhbar::text::Language::Arabic, tagger);
        let pred: Vec<(usize, usize, akhbar::extract::EntityType, String)> = ms
            .iter()
            .filter_map(|m| {
                let first = ranges.iter().position(|&(a, e)| a <= m.start && m.start < e)?;
                let last = ranges.iter().position(|&(a, e)| a < m.end && m.end <= e)?;
                Some((first, last + 1, m.entity_type, m.method.as_str().to_string()))
            })
            .collect();
        let words = |a: usize, b: usize| s.tokens[a..b].join(" ");
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
            let ctx0 = g.0.saturating_sub(3);
            let ctx1 = (g.1 + 2).min(s.tokens.len());
            println!("{kind}\tgold='{}'\tctx: {}", words(g.0, g.1), words(ctx0, ctx1));
        }
        for p in &pred {
            if gold.iter().any(|g| g.0 < p.1 && p.0 < g.1) {
                continue;
            }
            *cat.entry(format!("SPURIOUS {}", p.2.as_str())).or_default() += 1;
            let ctx0 = p.0.saturating_sub(3);
            let ctx1 = (p.1 + 2).min(s.tokens.len());
            println!("SPURIOUS {} [{}]\tpred='{}'\tctx: {}", p.2.as_str(), p.3, words(p.0, p.1), words(ctx0, ctx1));
        }
    }
    for (k, v) in cat {
        println!("== {k}: {v}");
    }
}
