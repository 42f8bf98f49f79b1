//! Prints the mentions akhbar finds in a text file: `cargo run --example mentions -- FILE [en]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: mentions FILE [ar|en]");
    let language = match args.next().as_deref() {
        Some("en") => akhbar::text::Language::English,
        _ => akhbar::text::Language::Arabic,
    };
    let text = std::fs::read_to_string(path).expect("readable file");
    for m in akhbar::extract::extract_mentions(&text, language) {
        let title = m.title.unwrap_or_default();
        println!(
            "{}\t{}\t{}..{}\t{}\t{}\t{}\t{:.2}",
            m.entity_type.as_str(),
            m.text,
            m.start,
            m.end,
            m.match_text,
            title,
            m.method.as_str(),
            m.score
        );
    }
}
