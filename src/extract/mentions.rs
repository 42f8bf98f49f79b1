//! Entity mentions of one document: the tagger and the gazetteer combined, with Arabic clitics
//! trimmed off the span (in `بموسكو` the mention is `موسكو`), titles and roles kept apart from the
//! name (`الرئيس الروسي` is the title of `فلاديمير بوتين`), and offsets that slice the original
//! text exactly.
//!
//! Arabic-script text is tagged by the model trained on ANERcorp, with gazetteer names as
//! features and as mentions of their own where the model found nothing. Latin-script text has no
//! trained model yet: runs of capitalized words are typed by the gazetteer, by a title before
//! them, or by an organization word in them.

use std::cell::RefCell;
use std::ops::Range;

use super::document_pass;
use super::features::name_variants;
use super::gazetteer::{flags, EntityType, Gazetteer, NameMatch};
use super::lexicon::{
    institution_word, lexicon, lexicon_in_match_form, without_lam, InstitutionWord, Lexicon, WordSet,
};
use super::tagger::{type_of, Scores, TaggedWord, Tagger, WordCache};
use crate::text::tokens::{char_offsets, sentences, tokenize, Token, TokenKind};
use crate::text::{normalize_for_matching, Language};

/// How a mention was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionMethod {
    Model,
    Gazetteer,
    Both,
}

impl MentionMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            MentionMethod::Model => "model",
            MentionMethod::Gazetteer => "gazetteer",
            MentionMethod::Both => "both",
        }
    }
}

/// One mention. Offsets are character offsets into the document text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Index of the sentence in the document.
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    /// Exactly `text[start..end]` (in characters).
    pub text: String,
    /// The mention's match form, without clitics.
    pub match_text: String,
    pub entity_type: EntityType,
    /// Role words before the name (`الرئيس الروسي`, `Gen.`), if any.
    pub title: Option<String>,
    pub method: MentionMethod,
    /// Confidence in (0, 1).
    pub score: f32,
}

thread_local! {
    /// The word cache of the tagger last used on this thread (keyed by its id).
    static CACHE: RefCell<Option<(u64, WordCache)>> = const { RefCell::new(None) };
}

/// Frees this thread's word cache (a run calls it on every worker once extraction is done, so
/// the cache does not sit in memory through the resolve stage).
pub fn release_word_cache() {
    CACHE.with(|cell| cell.borrow_mut().take());
}

/// A mention before offsets are converted: byte range in the text, token range in the sentence.
#[derive(Clone)]
struct Candidate {
    sentence: usize,
    tokens: Range<usize>,
    start: usize,
    end: usize,
    match_text: String,
    entity_type: EntityType,
    method: MentionMethod,
    score: f32,
    /// Byte range of the title words before the mention, if any.
    title: Option<Range<usize>>,
}

impl Candidate {
    /// A mention a rule finds in the text itself (no tagger span under it): bytes `start..end`,
    /// tokens `tokens` of sentence `sentence`.
    fn found(
        text: &str,
        sentence: usize,
        tokens: Range<usize>,
        span: Range<usize>,
        entity_type: EntityType,
        score: f32,
    ) -> Candidate {
        let match_text = normalize_for_matching(&text[span.clone()]);
        Candidate {
            sentence,
            tokens,
            start: span.start,
            end: span.end,
            match_text,
            entity_type,
            method: MentionMethod::Model,
            score,
            title: None,
        }
    }
}

/// The letters to cut from a word (its proclitics) for it to read as one of `nouns` (match forms),
/// as written first: للبنك is ل + البنك.
fn read_as(form: &str, nouns: &[&str]) -> Option<usize> {
    std::iter::once((form.to_string(), 0))
        .chain(super::gazetteer::clitic_readings(form))
        .find(|(reading, _)| nouns.contains(&reading.as_str()))
        .map(|(_, cut)| cut)
}

/// Finds the entity mentions of a document with the bundled model.
pub fn extract_mentions(text: &str, language: Language) -> Vec<Mention> {
    extract_mentions_with(text, language, Tagger::bundled())
}

/// Finds the entity mentions of a document with the given model (for Arabic-script text).
pub fn extract_mentions_with(text: &str, language: Language, tagger: Option<&Tagger>) -> Vec<Mention> {
    let gazetteer = Gazetteer::bundled();
    let tokens = tokenize(text);
    let arabic_script = matches!(language, Language::Arabic | Language::Persian | Language::Urdu);
    let tagger = if arabic_script { tagger } else { None };
    let sentence_ranges = sentences(text, &tokens);
    // The tagger's analysis of every token, in token order (Arabic script only).
    let mut tagged = Vec::new();
    let mut candidates = Vec::new();
    match tagger {
        Some(tagger) => CACHE.with(|cell| {
            let mut cell = cell.borrow_mut();
            let key = tagger.id();
            if cell.as_ref().is_none_or(|(cached_for, _)| *cached_for != key) {
                *cell = Some((key, WordCache::new(tagger)));
            }
            let (_, cache) = cell.as_mut().expect("cache was just set");
            let mut analyses: Vec<SentenceAnalysis> = sentence_ranges
                .iter()
                .map(|range| first_pass(text, &tokens[range.clone()], tagger, cache, gazetteer))
                .collect();
            if document_pass::has_document_pass(tagger) {
                second_pass(&mut analyses, tagger);
            }
            for (index, (analysis, range)) in analyses.iter().zip(&sentence_ranges).enumerate() {
                let found = sentence_candidates(text, &tokens[range.clone()], analysis, gazetteer);
                candidates.extend(found.into_iter().map(|c| Candidate { sentence: index, ..c }));
            }
            tagged = analyses.into_iter().flat_map(|a| a.words).collect();
        }),
        None => {
            for (index, range) in sentence_ranges.iter().enumerate() {
                let found = capitalized_names(text, &tokens[range.clone()], gazetteer);
                candidates.extend(found.into_iter().map(|c| Candidate { sentence: index, ..c }));
            }
        }
    }
    if !tagged.is_empty() {
        names_after_ali(text, &tokens, &sentence_ranges, &mut candidates);
    }
    join_family_names(text, &mut candidates);
    if !tagged.is_empty() {
        cut_clitic_tails(text, &mut candidates, gazetteer);
        cut_conjunctions(text, &tokens, &sentence_ranges, &mut candidates);
        split_joined_persons(text, &mut candidates, gazetteer);
        leading_ranks_are_titles(text, &mut candidates);
        institutions_of_places(text, &mut candidates);
        federations(text, &mut candidates);
        banks_named_by_adjectives(text, &tokens, &sentence_ranges, &mut candidates);
        bodies_named_for_their_field(text, &tokens, &sentence_ranges, &mut candidates);
        titled_works(text, &tokens, &sentence_ranges, &mut candidates);
        bodies_named_after_places(text, &mut candidates);
        leagues_named_after_sponsors(text, &mut candidates);
        curated_types(text, &mut candidates, gazetteer);
        quoted_publications(text, &mut candidates, gazetteer);
        common_words_are_no_places(text, &mut candidates);
        countries_named_like_adjectives(text, &mut candidates);
    }
    if !tagged.is_empty() {
        clubs_in_sports_stories(text, &tokens, &sentence_ranges, &tagged, &mut candidates, gazetteer);
        clubs_by_their_common_words(text, &mut candidates, gazetteer, || sports_words(&tagged) == 0);
    }
    firms_named_after_people(&mut candidates);
    surnames_are_persons(&mut candidates);
    let repeated = repeated_surnames(text, &tokens, &sentence_ranges, &candidates, gazetteer, &tagged);
    candidates.extend(repeated);
    if !tagged.is_empty() {
        everyday_words_are_no_names(text, &mut candidates);
        saints_names(text, &mut candidates, gazetteer);
        dutch_names(text, &mut candidates);
        listed_names_before(text, &mut candidates);
        names_cut_after_a_particle(text, &mut candidates);
    }
    finish(text, candidates)
}

/// A word that goes before الله in a blessing or formula (رحمه الله, بإذن الله): data/lexicons.
fn is_blessing_word(form: &str) -> bool {
    lexicon(Lexicon::ArabicBlessings).contains(form)
}

/// The surname of a person's name of two or more words: its last word, of three letters or more.
/// The second half of a compound is none: الله in حسن نصر الله and العزيز in عبد العزيز are
/// words of their own elsewhere (God is not Nasrallah), and neither is a regnal number (الثاني in
/// عبدالله الثاني is "the second" everywhere else).
fn surname_of(match_text: &str) -> Option<&str> {
    let mut words = match_text.rsplit(' ');
    let (last, before) = (words.next()?, words.next()?);
    (last.chars().count() >= 3 && last != "الله" && before != "عبد" && !ends_in_ordinal(last)).then_some(last)
}

/// Normalized Arabic writes على ("on") and the name علي (Ali) alike, and the tagger, trained on
/// text that spells both علي, leaves Ali out of a name: علي عبدالله صالح came out as عبدالله صالح
/// 163 times on SaudiNewsNet. In a document that spells "on" على, a word written علي right
/// before a person's name is the name Ali and starts it.
fn names_after_ali(text: &str, tokens: &[Token], sentence_ranges: &[Range<usize>], candidates: &mut [Candidate]) {
    let mut spells_on = None;
    for candidate in candidates.iter_mut().filter(|c| c.entity_type == EntityType::Per) {
        let Some(range) = sentence_ranges.get(candidate.sentence) else { continue };
        let Some(before) = (range.start + candidate.tokens.start).checked_sub(1).filter(|&b| b >= range.start) else {
            continue;
        };
        let word = tokens[before].text(text);
        let clitic = match word {
            "علي" => 0,
            "وعلي" | "لعلي" => 1,
            _ => continue,
        };
        if !*spells_on.get_or_insert_with(|| tokens.iter().any(|t| t.text(text) == "على")) {
            return;
        }
        candidate.start = skip_letters(text, tokens[before], clitic);
        candidate.tokens.start -= 1;
        candidate.match_text = format!("علي {}", candidate.match_text);
        candidate.title = None;
    }
}

/// A person's name that ends in the family particle آل, or is followed by it, goes on with the
/// family name the tagger took for a name of its own (سلمان بن عبدالعزيز آل + سعود: "Saud" was a
/// person entity of 1,103 mentions on SaudiNewsNet): the two are one mention. So does a person's
/// name right before a person's name that begins with بن ("son of", in a name), or with ابن after
/// a regnal number (عبدالله الثاني بن الحسين: "bin al-Hussein" was a person of 159 mentions);
/// ابن after another name is often a relation (سليمان الأسد ابن هلال الأسد, "… the son of …").
fn join_family_names(text: &str, candidates: &mut Vec<Candidate>) {
    join_into_previous(candidates, |previous, candidate| {
        let between = text.get(previous.end..candidate.start).unwrap_or("").trim();
        let particle_inside = previous.match_text.ends_with(" آل") && between.is_empty();
        let particle_between = between == "آل" && candidate.tokens.start == previous.tokens.end + 1;
        // عبدالله الثاني + بن الحسين: the tagger split the name where the list's ends.
        let patronymic = between.is_empty()
            && candidate.tokens.start == previous.tokens.end
            && (candidate.match_text.starts_with("بن ")
                || (candidate.match_text.starts_with("ابن ") && ends_in_ordinal(&previous.match_text)));
        let continues = previous.entity_type == EntityType::Per
            && candidate.entity_type == EntityType::Per
            && previous.sentence == candidate.sentence
            && previous.tokens.end <= candidate.tokens.start
            && (particle_inside || particle_between || patronymic);
        continues.then_some((EntityType::Per, if particle_between { " آل " } else { " " }))
    });
}

/// Joins each candidate, in text order, to the one before it where `join` says so, with the type
/// and the separator of their match texts it gives.
fn join_into_previous(
    candidates: &mut Vec<Candidate>,
    mut join: impl FnMut(&Candidate, &Candidate) -> Option<(EntityType, &'static str)>,
) {
    candidates.sort_by_key(|c| (c.start, c.end));
    let mut joined: Vec<Candidate> = Vec::with_capacity(candidates.len());
    for candidate in candidates.drain(..) {
        if let Some(previous) = joined.last_mut() {
            if let Some((entity_type, separator)) = join(previous, &candidate) {
                previous.end = candidate.end;
                previous.tokens.end = candidate.tokens.end;
                previous.match_text = format!("{}{separator}{}", previous.match_text, candidate.match_text);
                previous.entity_type = entity_type;
                previous.score = previous.score.min(candidate.score);
                continue;
            }
        }
        joined.push(candidate);
    }
    *candidates = joined;
}

/// "And" (و) glued to a name the tagger found is not part of it when the same document has a
/// mention that begins with the rest of that word: وعمان is و + Oman where the article names
/// عمان elsewhere, ومورينيو و + Mourinho. A name that begins with the letter (وليد, وائل, وسام)
/// keeps it: no mention of the document begins with its rest. Nor is it part of علي, the
/// commonest given name (وعلي صالح is و + Ali Saleh: 65 SaudiNewsNet persons began so), though
/// the lists hold وعلي too (the Maghreb's Ouali).
fn cut_conjunctions(text: &str, tokens: &[Token], sentence_ranges: &[Range<usize>], candidates: &mut [Candidate]) {
    let first_token = |candidate: &Candidate| {
        let range = sentence_ranges.get(candidate.sentence)?;
        let first = tokens.get(range.start + candidate.tokens.start)?;
        (candidate.start == first.start).then_some(*first)
    };
    let mentioned: WordSet<&str> = candidates.iter().filter_map(&first_token).map(|t| t.text(text)).collect();
    for candidate in candidates.iter_mut() {
        let Some(first) = first_token(candidate) else { continue };
        let Some(rest) = first.text(text).strip_prefix('و') else { continue };
        let ali = rest == "علي" && candidate.entity_type == EntityType::Per;
        if candidate.match_text.starts_with('و') && rest.chars().count() >= 3 && (mentioned.contains(rest) || ali) {
            candidate.start = skip_letters(text, first, 1);
            candidate.match_text = candidate.match_text.chars().skip(1).collect();
        }
    }
}

/// A name's last word is a regnal number (عبدالله الثاني, الحسن الأول).
fn ends_in_ordinal(match_text: &str) -> bool {
    let last = match_text.rsplit(' ').next().unwrap_or("");
    ["الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس"].contains(&last)
}

/// An institution's noun the tagger took alone as a name, right before a place, names the
/// institution of that place: جامعة + جدة is the University of Jeddah, مستشفى + بريدة a
/// hospital (جامعة alone was an organization of 243 mentions on SaudiNewsNet).
fn institutions_of_places(text: &str, candidates: &mut Vec<Candidate>) {
    join_into_previous(candidates, |previous, candidate| {
        let noun = match institution_word(&previous.match_text) {
            // مدينة حائل is the city of Hail (مدينة الملك عبدالعزيز an organization).
            Some(_) if previous.match_text == "مدينه" => EntityType::Loc,
            Some((InstitutionWord::Organization, _)) => EntityType::Org,
            Some((InstitutionWord::Place, _)) => EntityType::Loc,
            _ => return None,
        };
        let adjacent = previous.sentence == candidate.sentence
            && previous.tokens.end == candidate.tokens.start
            && text.get(previous.end..candidate.start).is_some_and(|between| between.trim().is_empty());
        (adjacent && candidate.entity_type == EntityType::Loc).then_some((noun, " "))
    });
}

/// A person's name of three words or more does not end in a proclitic (و, ب, ل, ف) before the
/// article or a title, a word no list knows as a name: the tagger ran on into the next words
/// (محمد بن سلمان بالإيعاز "… by order", سلمان بن عبدالعزيز آل سعود وسمو "… and His Highness").
/// Other words with a proclitic's letter first are often names (باسلمة, بلمار, فاعور), so any other
/// word with a proclitic goes only when the rest of it is a word of the news, not a name, and the
/// article names the person without it: the name before it, or its last word, ends another
/// person's name there (فيصل بن خالد وتعزيزا "… and in support", بندر محمد سلطان عسيري بأعمال
/// beside بندر عسيري, عبدالوهاب فقال "… then said"; not Kevin-Prince Boateng, بواتينغ).
fn cut_clitic_tails(text: &str, candidates: &mut [Candidate], gazetteer: &Gazetteer) {
    let persons: Vec<String> =
        candidates.iter().filter(|c| c.entity_type == EntityType::Per).map(|c| c.match_text.clone()).collect();
    let is_name = |word: &str| gazetteer.word_flags(word) & (flags::PERSON_NAME | flags::PERSON_PART) != 0;
    for candidate in candidates.iter_mut().filter(|c| c.entity_type == EntityType::Per) {
        let words: Vec<&str> = candidate.match_text.split(' ').collect();
        let Some(last) = words.last().filter(|_| words.len() >= 2) else { continue };
        let after_clitic = |(reading, removed): &(String, usize)| {
            let article = reading.starts_with("ال") && !last.starts_with("ال");
            (*removed > 0 && gazetteer.word_flags(reading) & flags::TITLE != 0) || article
        };
        // Every reading below cuts a proclitic; most names' last words have none.
        if !last.starts_with(['و', 'ف', 'ب', 'ل', 'ك']) || is_name(last) {
            continue;
        }
        let readings = super::gazetteer::clitic_readings(last);
        let head = &words[..words.len() - 1];
        let named_without_it = || {
            let head_text = head.join(" ");
            let known_head = persons.iter().any(|p| {
                *p != candidate.match_text
                    && (*p == head_text || (p.contains(' ') && p.rsplit(' ').next() == head.last().copied()))
            });
            // Not ك ("like"; كفوري is Kfoury), nor ب before an alif, which begins Hadhrami names
            // (باسهل, باعشن), nor ب after a one-word name (بترجي).
            let clitic: String = last.chars().take_while(|c| "وفبل".contains(*c)).collect();
            let ba = clitic.starts_with('ب') && (head.len() < 2 || last.chars().nth(1) == Some('ا'));
            known_head
                && !ba
                && readings.iter().any(|(reading, removed)| {
                    // A word the news uses, not a foreign name read as ب + واتينغ (Boateng).
                    (1..=clitic.chars().count()).contains(removed)
                        && !is_name(reading)
                        && super::clusters::bundled().get(reading).is_some()
                })
        };
        let run_on = (words.len() >= 3 && readings.iter().any(after_clitic)) || named_without_it();
        if !run_on {
            continue;
        }
        let span = &text[candidate.start..candidate.end];
        let Some(cut) = span.trim_end().rfind(char::is_whitespace) else { continue };
        candidate.end = candidate.start + span[..cut].trim_end().len();
        candidate.tokens.end -= 1;
        candidate.match_text = words[..words.len() - 1].join(" ");
    }
}

/// الاتحاد ("the union") with a nationality after it, and the sport it governs, is a federation:
/// الاتحاد السعودي لكرة القدم, where the tagger took الاتحاد alone (as a place 127 times on
/// SaudiNewsNet). Like الاتحاد الأوروبي, the adjective is part of the name.
fn federations(text: &str, candidates: &mut [Candidate]) {
    for candidate in candidates.iter_mut().filter(|c| c.match_text == "الاتحاد") {
        let mut end = candidate.end;
        let mut words = Vec::new();
        let next_word = |from: usize| -> Option<(usize, String)> {
            let rest = &text[from..];
            let start = from + rest.len() - rest.trim_start_matches([' ', '\u{0640}']).len();
            let length = text[start..].find(|c: char| !c.is_alphabetic()).unwrap_or(text.len() - start);
            (length > 0 && start > from).then(|| (start + length, normalize_for_matching(&text[start..start + length])))
        };
        let Some((adjective_end, adjective)) = next_word(end).filter(|(_, w)| is_nisba_adjective(w)) else { continue };
        end = adjective_end;
        words.push(adjective);
        if let Some((ball_end, ball)) = next_word(end).filter(|(_, w)| w == "لكره") {
            if let Some((sport_end, sport)) = next_word(ball_end) {
                end = sport_end;
                words.extend([ball, sport]);
            }
        }
        candidate.end = end;
        candidate.tokens.end += words.len();
        candidate.match_text = format!("{} {}", candidate.match_text, words.join(" "));
        // (الاتحاد السوفيتي is the Soviet Union, a place of the curated lists.)
        candidate.entity_type = super::gazetteer::curated_type(&candidate.match_text).unwrap_or(EntityType::Org);
    }
}

/// A bank named by its adjectives is an organization, all of them: البنك التجاري (the Commercial
/// Bank, which the tagger missed 18 times in one ANERcorp article), البنك الأهلي التجاري and البنك
/// العربي الوطني, where it stopped after the first (SaudiNewsNet). The bank's noun is البنك or
/// المصرف, clitics apart (للبنك); each adjective is a nisba of the article (التجاري, السعودي).
fn banks_named_by_adjectives(
    text: &str,
    tokens: &[Token],
    sentence_ranges: &[Range<usize>],
    candidates: &mut Vec<Candidate>,
) {
    let word_at = |index: usize| tokens.get(index).filter(|t| t.kind == TokenKind::Word);
    let mut found: Vec<Candidate> = Vec::new();
    for (sentence, range) in sentence_ranges.iter().enumerate() {
        for index in range.clone() {
            let Some(&noun) = word_at(index) else { continue };
            if !may_be_nisba(tokens.get(index + 1), text) {
                continue;
            }
            // Most words are no bank: look at the letters before normalizing (unless tatweel or
            // vowel marks stand between them: للبـنـك).
            let raw = noun.text(text);
            let marked = raw.chars().any(|c| c == '\u{0640}' || ('\u{064B}'..='\u{0652}').contains(&c));
            if !marked && !raw.contains("بنك") && !raw.contains("مصرف") {
                continue;
            }
            let Some(cut) = read_as(&normalize_for_matching(raw), &["البنك", "المصرف"]) else { continue };
            let adjectives = (index + 1..range.end)
                .map_while(|i| word_at(i).filter(|t| is_nisba_adjective(&normalize_for_matching(t.text(text)))))
                .count();
            if adjectives == 0 {
                continue;
            }
            let span = skip_letters(text, noun, cut)..tokens[index + adjectives].end;
            found.push(Candidate::found(text, sentence, index..index + adjectives + 1, span, EntityType::Org, 0.8));
        }
    }
    // A bank's name replaces the mentions inside it (البنك الأهلي, السعودي alone).
    add_over_covered(candidates, found);
}

/// A body named by its nationality and its field is an organization, the whole name: الشركة
/// السعودية للكهرباء, الهيئة السعودية للتخصصات الصحية, الجمعية السعودية لطب العيون (SaudiNewsNet,
/// where السعودية alone had been taken for the country). The body's noun with the article, one
/// or more nisba adjectives, then ل with the field and at most two more of its words (definite,
/// or joined by و: للمواصفات والمقاييس والجودة). Without the field it is no name (الشركة السعودية,
/// "the Saudi company").
fn bodies_named_for_their_field(
    text: &str,
    tokens: &[Token],
    sentence_ranges: &[Range<usize>],
    candidates: &mut Vec<Candidate>,
) {
    const BODIES: [&str; 10] =
        ["الشركه", "الهيئه", "الهييه", "الجمعيه", "المؤسسه", "الموسسه", "اللجنه", "المنظمه", "الوكاله", "الاتحاد"];
    const NOT_THE_FIELD: [&str; 9] =
        ["اليوم", "الماضي", "الجاري", "الحالي", "المقبل", "العام", "الاسبوع", "الشهر", "امس"];
    let word_at = |index: usize| tokens.get(index).filter(|t| t.kind == TokenKind::Word);
    let form_at = |index: usize| word_at(index).map(|t| normalize_for_matching(t.text(text)));
    let adjective = |form: &str| {
        form.starts_with("ال") && (form.ends_with('ي') || form.ends_with("يه")) && form.chars().count() >= 5
    };
    let mut found: Vec<Candidate> = Vec::new();
    for (sentence, range) in sentence_ranges.iter().enumerate() {
        for index in range.clone() {
            let Some(&noun) = word_at(index) else { continue };
            if !may_be_nisba(tokens.get(index + 1), text) {
                continue;
            }
            // Most words are no such body: look at the letters before normalizing.
            let raw = noun.text(text);
            if !["شرك", "هيئ", "جمعي", "مؤسس", "لجن", "منظم", "وكال", "اتحاد"].iter().any(|b| raw.contains(b))
            {
                continue;
            }
            let Some(cut) = read_as(&normalize_for_matching(raw), &BODIES) else { continue };
            let adjectives = (index + 1..range.end).map_while(|i| form_at(i).filter(|f| adjective(f))).count();
            let field = index + 1 + adjectives;
            // The field, not a listed body of its own (اللجنة التنفيذية للفيفا is FIFA's).
            let gazetteer = Gazetteer::bundled();
            let listed = |f: &str| {
                let bare = f.strip_prefix("لل").map(|r| format!("ال{r}"));
                bare.is_some_and(|b| gazetteer.name_types(&b).contains(&EntityType::Org))
            };
            // Nor another body (اللجنة التنفيذية للاتحاد الدولي لكرة القدم is the committee of FIFA).
            let body =
                |f: &str| f.strip_prefix("لل").is_some_and(|rest| BODIES.contains(&format!("ال{rest}").as_str()));
            let is_field = |f: &str| {
                f.starts_with('ل') && f.chars().count() >= 4 && !is_function_word(f) && !listed(f) && !body(f)
            };
            if adjectives == 0 || !range.contains(&field) || !form_at(field).is_some_and(|f| is_field(&f)) {
                continue;
            }
            // A federation only for its sport (الاتحاد السعودي للرياضات البحرية): the unions are
            // followed by other words after ل (الاتحاد الأوروبي لحسم مسألة, "… to settle").
            let federation = normalize_for_matching(raw).ends_with("الاتحاد");
            if federation && !form_at(field).is_some_and(|f| FEDERATION_FIELDS.iter().any(|s| f.starts_with(s))) {
                continue;
            }
            // Then one definite word of the field (للطاقة الذرية), or up to two joined by و
            // (للمواصفات والمقاييس والجودة); not "to" (الى), a title or a date.
            let field_word = |b: &str| {
                b.starts_with("ال")
                    && !NOT_THE_FIELD.contains(&b)
                    && !is_function_word(b)
                    && gazetteer.word_flags(b) & (flags::TITLE | flags::CALENDAR) == 0
                    && !b.starts_with("التابع")
            };
            let joined = |i: usize| form_at(i).is_some_and(|f| f.strip_prefix('و').is_some_and(field_word));
            let more = if joined(field + 1) {
                (field + 1..range.end.min(field + 3)).take_while(|&i| joined(i)).count()
            } else {
                usize::from(range.contains(&(field + 1)) && form_at(field + 1).is_some_and(|f| field_word(&f)))
            };
            let last = field + more;
            let span = skip_letters(text, noun, cut)..tokens[last].end;
            found.push(Candidate::found(text, sentence, index..last + 1, span, EntityType::Org, 0.8));
        }
    }
    add_over_covered(candidates, found);
}

/// The first word of a sports federation's field, after ل (match form): لكرة القدم, للرياضات
/// البحرية, لألعاب القوى, للعبة (the game), للسباحة …
const FEDERATION_FIELDS: [&str; 16] = [
    "لكره",
    "للكره",
    "لالعاب",
    "للالعاب",
    "للعبه",
    "للرياضات",
    "لرياضات",
    "للرياضه",
    "لرياضه",
    "للسباحه",
    "للسهام",
    "للفروسيه",
    "للسيارات",
    "لركوب",
    "للمصارعه",
    "للدراجات",
];

/// Whether a token may be a nisba adjective as written (الأهلي, السعودية), before any normalizing:
/// the cheap test the bank and body rules make of the word after a noun.
fn may_be_nisba(token: Option<&Token>, text: &str) -> bool {
    token.is_some_and(|t| {
        let raw = t.text(text);
        let mut letters = raw.chars().rev().filter(|c| !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0640}'));
        let (last, before) = (letters.next(), letters.next());
        let yeh = |c: Option<char>| matches!(c, Some('ي' | 'ى' | 'ئ'));
        t.kind == TokenKind::Word
            && raw.starts_with("ال")
            && (yeh(last) || (matches!(last, Some('ة' | 'ه')) && yeh(before)))
    })
}

/// Adds mentions a rule found in the text, each in place of the mentions it covers; one that only
/// overlaps a mention gives way to it.
fn add_over_covered(candidates: &mut Vec<Candidate>, mut found: Vec<Candidate>) {
    candidates.retain(|c| !found.iter().any(|f| f.start <= c.start && c.end <= f.end));
    let overlapping = |f: &Candidate| candidates.iter().any(|c| c.start < f.end && f.start < c.end);
    found.retain(|f| !overlapping(f));
    candidates.extend(found);
}

/// A work's title in quotes after the word for it is another named thing: برنامج «الناس وأنا» (a
/// programme), فيلم «…», رواية «…», استاد «…» (a stadium), and anything بعنوان «…» ("entitled"),
/// as ANERcorp tags them (MISC): the tagger missed nine such titles in one dev article. After the
/// word for a paper, a firm, a channel or an agency the name in quotes is an organization: صحيفة
/// «…», شركة «…». Up to six words; the mentions inside give way.
fn titled_works(text: &str, tokens: &[Token], sentence_ranges: &[Range<usize>], candidates: &mut Vec<Candidate>) {
    const WORKS: [&str; 10] =
        ["برنامج", "بعنوان", "فيلم", "كتاب", "مسلسل", "مسرحيه", "اغنيه", "روايه", "استاد", "ملعب"];
    const BODIES: [&str; 8] = ["صحيفه", "جريده", "مجله", "شركه", "مؤسسه", "موسسه", "قناه", "وكاله"];
    const LONGEST: usize = 6;
    let mut found: Vec<Candidate> = Vec::new();
    for (sentence, range) in sentence_ranges.iter().enumerate() {
        for index in range.clone() {
            let noun = tokens[index];
            let opens = |i: usize| range.contains(&i) && matches!(tokens[i].text(text), "«" | "\"" | "“");
            if noun.kind != TokenKind::Word || !opens(index + 1) {
                continue;
            }
            let form = normalize_for_matching(noun.text(text));
            let entity_type = if read_as(&form, &WORKS).is_some() {
                EntityType::Misc
            } else if read_as(&form, &BODIES).is_some() {
                EntityType::Org
            } else {
                continue;
            };
            let first = index + 2;
            let Some(close) =
                (first..range.end.min(first + LONGEST + 1)).find(|&i| matches!(tokens[i].text(text), "»" | "\"" | "”"))
            else {
                continue;
            };
            if close == first || tokens[first..close].iter().any(|t| t.kind != TokenKind::Word) {
                continue;
            }
            let span = tokens[first].start..tokens[close - 1].end;
            found.push(Candidate::found(text, sentence, first..close, span, entity_type, 0.7));
        }
    }
    add_over_covered(candidates, found);
}

/// A country named like an adjective (السعودية, "the Saudi one": the only such name of
/// countries-capitals.tsv), or العربية, right after a definite noun is that noun's adjective, no mention: الهيئة
/// السعودية, الكرة السعودية, السفارة السعودية (4,822 of 8,341 SaudiNewsNet mentions of Saudi
/// Arabia stood so; ANERcorp tags such adjectives O). After المملكة العربية it is the country's
/// full name, which the mention then is. So is a place or organization of one word in the
/// masculine form of such an adjective, but after a club's noun: التعليم الأهلي ("private
/// education", 30 SaudiNewsNet mentions of Al Ahli), الذئب الرمادي ("the grey wolf", not Ramadi).
fn countries_named_like_adjectives(text: &str, candidates: &mut Vec<Candidate>) {
    static ADJECTIVE_LIKE: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let names = ADJECTIVE_LIKE.get_or_init(|| {
        let list = include_str!("../../data/gazetteers/countries-capitals.tsv");
        let rows = list.lines().filter(|l| !l.starts_with('#')).skip(1);
        rows.filter_map(|l| l.split('\t').nth(1))
            .flat_map(|c| c.split('|'))
            .map(normalize_for_matching)
            .filter(|n| n.starts_with("ال") && n.ends_with("يه") && !n.contains(' '))
            // "Arab", "Arabic": الدول العربية, المنطقة العربية (78 SaudiNewsNet places, all
            // adjectives).
            .chain(std::iter::once("العربيه".to_string()))
            .collect()
    });
    let definite = |form: &str| {
        let bare = ["و", "ف", "ب", "ك", "ل"].iter().find_map(|c| form.strip_prefix(c)).unwrap_or(form);
        (bare.starts_with("ال") || form.starts_with("لل")) && form.chars().count() >= 4
    };
    let places: Vec<(usize, usize)> =
        candidates.iter().filter(|c| c.entity_type == EntityType::Loc).map(|c| (c.start, c.end)).collect();
    let mut dropped = Vec::new();
    for (index, candidate) in candidates.iter_mut().enumerate() {
        // As written, without a clitic (للسعودية, والسعودية are the country).
        let written = &text[candidate.start..candidate.end];
        let glued = text[..candidate.start].chars().next_back().is_some_and(char::is_alphabetic);
        let country = candidate.entity_type == EntityType::Loc && names.contains(&candidate.match_text);
        let nisba = matches!(candidate.entity_type, EntityType::Loc | EntityType::Org)
            && candidate.match_text.starts_with("ال")
            && candidate.match_text.ends_with('ي')
            && !candidate.match_text.contains(' ')
            && candidate.match_text.chars().count() >= 5;
        if !(country || nisba) || glued || normalize_for_matching(written) != candidate.match_text {
            continue;
        }
        // Nor in a list of places: الفرق القوية السعودية والجزائر والعراق.
        let rest = &text[candidate.end..];
        let next_start = candidate.end + rest.len() - rest.trim_start().len();
        if places.iter().any(|&(start, _)| start == next_start || start == next_start + 'و'.len_utf8()) {
            continue;
        }
        let previous = word_before(text, candidate.start);
        let form = normalize_for_matching(previous);
        if is_function_word(previous) || !definite(&form) {
            continue;
        }
        // A club after its noun (النادي الأهلي) or after an adjective or a rival in apposition
        // (منافسه التقليدي الفيصلي, الغريمين الأهلي والهلال, ناديه السابق الأهلي) is named.
        let apposition = form.ends_with('ي')
            || form.ends_with("ين")
            || matches!(form.as_str(), "النادي" | "الفريق" | "المنتخب" | "السابق" | "الكبير" | "الغريم" | "المنافس");
        if !country && apposition {
            continue;
        }
        if form == "العربيه" {
            let at = text[..candidate.start].rfind(previous).unwrap_or(0);
            let kingdom = word_before(text, at);
            if normalize_for_matching(kingdom).ends_with("المملكه") {
                let kingdom_at = text[..at].rfind(kingdom).unwrap_or(at);
                let cut = kingdom.chars().count() - "المملكة".chars().count();
                candidate.start = kingdom_at + kingdom.char_indices().nth(cut).map_or(0, |(i, _)| i);
                candidate.match_text = normalize_for_matching(&text[candidate.start..candidate.end]);
                continue;
            }
        }
        dropped.push(index);
    }
    for index in dropped.into_iter().rev() {
        candidates.remove(index);
    }
}

/// A brand or a place of the curated lists is no person (فيس بوك was one 86 times on
/// SaudiNewsNet), and an organization of theirs that no list names as a place is none (داعش was a
/// place 613 times).
fn curated_types(text: &str, candidates: &mut [Candidate], gazetteer: &Gazetteer) {
    for candidate in candidates.iter_mut() {
        // A person's name after the noun of a place is that place's: شارع عبدالله بن خميس (a
        // street), وادي الدواسر, بئر بن هرماس, جبل عمر (148 SaudiNewsNet persons).
        let place_noun = candidate
            .match_text
            .split_once(' ')
            .is_some_and(|(first, _)| matches!(first, "شارع" | "وادي" | "جبل" | "بير"));
        if candidate.entity_type == EntityType::Per && place_noun {
            candidate.entity_type = EntityType::Loc;
            continue;
        }
        // A curated place whose name begins with a title's word is that place, not a person and
        // his title: الشيخ زويد (Sheikh Zuweid, 48 SaudiNewsNet persons), الشيخ عثمان in Aden.
        if let Some(title) = candidate.title.clone().filter(|_| candidate.entity_type == EntityType::Per) {
            let whole = normalize_for_matching(&text[title.start..candidate.end]);
            if super::gazetteer::curated_type(&whole) == Some(EntityType::Loc) {
                candidate.start = title.start;
                candidate.match_text = whole;
                candidate.entity_type = EntityType::Loc;
                candidate.title = None;
                continue;
            }
        }
        // A currency or a feast is no person (دينار after a price, رمضان the month: 180
        // SaudiNewsNet persons).
        if candidate.entity_type == EntityType::Per && super::gazetteer::is_other_name(&candidate.match_text) {
            candidate.entity_type = EntityType::Misc;
            continue;
        }
        let Some(curated) = super::gazetteer::curated_type(&candidate.match_text) else { continue };
        let overrides = match candidate.entity_type {
            EntityType::Per => true,
            EntityType::Loc => {
                curated == EntityType::Org && !gazetteer.name_types(&candidate.match_text).contains(&EntityType::Loc)
            }
            _ => false,
        };
        if overrides {
            candidate.entity_type = curated;
        }
    }
}

/// The word, as written, right before byte `start` of `text` (spaces and tatweel between them left
/// out; empty after punctuation).
fn word_before(text: &str, start: usize) -> &str {
    let before = text[..start].trim_end_matches([' ', '\u{0640}']);
    before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("")
}

/// The word right before byte `start`, read as one of `nouns` (match forms) as written or without
/// its proclitics (لنادي, بدوري: [`super::gazetteer::clitic_readings`]): that noun, and the byte
/// where it begins in `text`, its clitics left out.
fn noun_before<'n>(text: &str, start: usize, nouns: &[&'n str]) -> Option<(&'n str, usize)> {
    let written = word_before(text, start);
    let at = text[..start].rfind(written).filter(|_| !written.is_empty())?;
    let form = normalize_for_matching(written);
    let readings = std::iter::once((form.clone(), 0)).chain(super::gazetteer::clitic_readings(&form));
    let (noun, cut) =
        readings.into_iter().find_map(|(reading, cut)| nouns.iter().find(|n| **n == reading).map(|n| (*n, cut)))?;
    Some((noun, at + written.char_indices().nth(cut).map_or(written.len(), |(i, _)| i)))
}

/// The match form of the word after byte `end` of `text`, punctuation after it left out.
fn word_after(text: &str, end: usize) -> String {
    let next = text[end..].split_whitespace().next().unwrap_or("");
    normalize_for_matching(next.trim_end_matches(|c: char| !c.is_alphabetic()))
}

/// The Arabic word, as written, one space after byte `end` of `text`: none after punctuation, a
/// line break or another script, and none that is a function word.
fn arabic_word_after(text: &str, end: usize) -> Option<&str> {
    let after = text[end..].strip_prefix(' ')?;
    let word = &after[..after.find(|c: char| !c.is_alphabetic()).unwrap_or(after.len())];
    let arabic = !word.is_empty() && word.chars().all(|c| ('\u{0620}'..='\u{064A}').contains(&c));
    (arabic && !is_function_word(word)).then_some(word)
}

/// Takes `word`, the word one space after it ([`arabic_word_after`]), into `candidate`.
fn take_next_word(candidate: &mut Candidate, word: &str) {
    candidate.end += 1 + word.len();
    candidate.tokens.end += 1;
    candidate.match_text = format!("{} {}", candidate.match_text, normalize_for_matching(word));
}

/// Drops the candidates that overlap one of `spans` (byte ranges that grew over them) and do not
/// reach past its end; the candidate of the span itself stays.
fn drop_covered(candidates: &mut Vec<Candidate>, spans: &[(usize, usize)]) {
    candidates.retain(|c| {
        !spans
            .iter()
            .any(|&(start, end)| c.start < end && start < c.end && c.end <= end && (start, end) != (c.start, c.end))
    });
}

/// الرباط is Rabat and, in sports news, a knee's ligament: الرباط الصليبي (the cruciate ligament),
/// الرباط الداخلي, الرباط الجانبي. Before these adjectives it is no place (about 80 of 166
/// SaudiNewsNet mentions of Rabat).
/// So is بنين ("boys") beside بنات ("girls") or after a school's noun: مدرسة الفيض الابتدائية بنين,
/// «بنين» و«بنات» (not جمهورية بنين), المدينة ("the city") where the article does not name
/// Medina, and مالي where it is "financial" ([`financial`]).
fn common_words_are_no_places(text: &str, candidates: &mut Vec<Candidate>) {
    const LIGAMENT: [&str; 8] = ["الصليبي", "الداخلي", "الخارجي", "الجانبي", "المتصالب", "الامامي", "الخلفي", "الانسي"];
    const SCHOOL: [&str; 5] = ["مدارس", "مدرس", "الابتدائي", "الثانوي", "كلي"];
    candidates.retain(|c| {
        let ligament = c.match_text == "الرباط" && LIGAMENT.contains(&word_after(text, c.end).as_str());
        let boys = c.match_text == "بنين" && {
            let after: String = text[c.end..].chars().take(12).collect();
            let before: Vec<char> = text[..c.start].chars().rev().take(30).collect();
            let before: String = before.into_iter().rev().collect();
            after.contains("بنات") || SCHOOL.iter().any(|w| before.contains(w))
        };
        !(ligament || boys || financial(text, c))
    });
    // المدينة alone is "the city" (شوارع المدينة, غرب المدينة) unless the article names Medina in
    // full (المدينة المنورة, المدينة النبوية) or the word before is one of its region's offices
    // (منطقة المدينة, إمارة المدينة; not its airport: مطار المدينة was Aden's). Of 480 SaudiNewsNet
    // places so written, 294 stood in articles that never name Medina: Taiz, Kirkuk, Mumbai, Abha.
    let names_medina = candidates.iter().any(|c| {
        c.match_text
            .strip_prefix(MEDINA)
            .is_some_and(|rest| rest.starts_with(" المنوره") || rest.starts_with(" النبويه"))
    });
    if !names_medina {
        const OFFICES: [&str; 5] = ["منطقه", "امانه", "امين", "امير", "اماره"];
        candidates.retain(|c| {
            let city = c.match_text == MEDINA
                && c.entity_type == EntityType::Loc
                && !OFFICES.contains(&normalize_for_matching(word_before(text, c.start)).as_str());
            !city
        });
    }
}

/// مالي is Mali and the adjective "financial": after a noun it qualifies (مبلغ مالي, دعم مالي,
/// إنقاذ مالي, وسيط مالي), or after "and" following another adjective (دعم عسكري ومالي), it is
/// the adjective: about 60 of 277 SaudiNewsNet mentions of Mali. After في, شمال, حكومة … it is
/// the country.
fn financial(text: &str, candidate: &Candidate) -> bool {
    const QUALIFIED: [&str; 34] = [
        "مبلغ",
        "دعم",
        "انقاذ",
        "وسيط",
        "مقابل",
        "نظام",
        "فساد",
        "عبء",
        "مورد",
        "عرض",
        "ارهاق",
        "مستشار",
        "هدر",
        "مازق",
        "سوق",
        "منتج",
        "ادماج",
        "بدل",
        "ربع",
        "عجز",
        "حافز",
        "تعويض",
        "عائد",
        "مردود",
        "استقرار",
        "اداء",
        "قطاع",
        "مركز",
        "التزام",
        "ضمان",
        "غطاء",
        "خبير",
        "محلل",
        "اصلاح",
    ];
    if candidate.match_text != "مالي" {
        return false;
    }
    if text[..candidate.start].ends_with('و') {
        // و glued on: the word before "and" is another adjective (عسكري, سياسي).
        let before = normalize_for_matching(word_before(text, candidate.start - 'و'.len_utf8()));
        return before.chars().count() >= 4 && before.ends_with('ي') && !before.starts_with("ال");
    }
    noun_before(text, candidate.start, &QUALIFIED).is_some()
}

/// المدينة in match form.
const MEDINA: &str = "المدينه";

/// A one-word place, person or other name that is an everyday word (`data/lexicons/arabic-everyday-
/// words.txt`: جوار "beside", خانة "box", أدري "I know"), alone or with the clitic that was cut off
/// to reach it (فسادا "corruption" read as ف + سادا), is no name; an organization's is left to
/// the context (النهار, the Lebanese paper). On SaudiNewsNet about 1,800 mentions stood so.
fn everyday_words_are_no_names(text: &str, candidates: &mut Vec<Candidate>) {
    let words = lexicon_in_match_form(Lexicon::ArabicEverydayWords);
    let bodies = lexicon_in_match_form(Lexicon::ArabicBodyNouns);
    // A body's noun alone, clitics and all (جامعة, بمنظمة, البنك: data/lexicons/arabic-body-
    // nouns.txt), names nothing, whatever its type: 723 SaudiNewsNet mentions were such nouns.
    candidates.retain(|c| {
        let form = &c.match_text;
        // Only a word ending in such a noun is read without its clitics.
        if form.contains(' ') || !bodies.iter().any(|b| form.ends_with(b.as_str())) {
            return true;
        }
        let readings =
            std::iter::once(form.clone()).chain(super::gazetteer::clitic_readings(form).into_iter().map(|r| r.0));
        !readings.into_iter().any(|r| bodies.contains(&r))
    });
    // لصالح before a word of content is "in favour of" (لصالح القرار, لصالح جماعة الحوثي), not
    // "to Saleh", which ends a phrase (القوات الموالية لصالح في …, لصالح.) or follows "loyal to",
    // "belonging to" (الموالون لصالح شنوا, التابع لصالح): 133 SaudiNewsNet persons were written لصالح.
    candidates.retain(|c| {
        let favour = c.entity_type == EntityType::Per
            && c.match_text == "صالح"
            && text[..c.start].ends_with('ل')
            && arabic_word_after(text, c.end).is_some()
            && {
                let before = normalize_for_matching(word_before(text, c.start - 'ل'.len_utf8()));
                let before = before.strip_prefix('و').unwrap_or(&before);
                let before = before.strip_prefix("ال").unwrap_or(before);
                !["موال", "تابع", "ممثل"].iter().any(|w| before.starts_with(w))
            };
        !favour
    });
    // العهد after ولي is the crown prince's title (ولي العهد), whatever the tagger typed it (89
    // SaudiNewsNet places and organizations); the club Al-Ahed is named without ولي.
    candidates.retain(|c| {
        let crown = c.match_text == "العهد" && normalize_for_matching(word_before(text, c.start)).ends_with("ولي");
        !crown
    });
    let gazetteer = Gazetteer::bundled();
    // An adjective of relation in the feminine after an indefinite feminine noun is no name
    // unless the lists hold it: صحيفة يونانية ("a Greek paper"), منطقة جبلية ("a mountainous
    // area"): 136 SaudiNewsNet mentions, all but about 8 adjectives (مدينة ساحلية "a coastal city"
    // but مدينة قليبية "the city of Kelibia"). Written with ة: foreign names end in يه (جينيه).
    candidates.retain(|c| {
        let form = c.match_text.as_str();
        let before = word_before(text, c.start);
        let adjective = !form.contains(' ')
            && !form.starts_with("ال")
            && text[c.start..c.end].ends_with("ية")
            && form.chars().count() >= 5
            && before.ends_with('ة')
            && !before.starts_with("ال")
            && c.title.is_none()
            && gazetteer.name_types(form).is_empty()
            && gazetteer.word_flags(form) & (flags::PERSON_NAME | flags::PERSON_PART) == 0;
        !adjective
    });
    // Nor is a preposition as written (وعلى الرغم, وعلى آله: على, whose match form is Ali's
    // علي, had been a person 76 times after و).
    candidates.retain(|c| !is_function_word(&text[c.start..c.end]));
    // Nor is an adjective of nationality before الجنسية ("of … nationality": مقيم باكستاني
    // الجنسية, 30 SaudiNewsNet organizations; سورية الجنسية), nor God's praise after His name
    // (الله عز وجل, الله سبحانه وتعالى: 74 organizations and persons).
    candidates.retain(|c| {
        let form = c.match_text.as_str();
        let next = arabic_word_after(text, c.end).map(normalize_for_matching);
        let nationality = !form.contains(' ')
            && !form.starts_with("ال")
            && (form.ends_with('ي') || form.ends_with("يه"))
            && next.as_deref().is_some_and(|w| w.starts_with("الجنسي"));
        let praise = (form == "عز" && next.as_deref() == Some("وجل")) || form == "سبحانه";
        !(nationality || praise)
    });
    candidates.retain(|c| {
        // After a title it is a name (الدكتور رايت is Dr Wright, رايت alone رأيت "I saw").
        if c.entity_type == EntityType::Org || c.match_text.contains(' ') || c.title.is_some() {
            return true;
        }
        let word_start = text[..c.start]
            .char_indices()
            .rev()
            .take_while(|(_, ch)| ch.is_alphabetic())
            .last()
            .map_or(c.start, |(i, _)| i);
        let word_end = text[c.end..].find(|ch: char| !ch.is_alphabetic()).map_or(text.len(), |i| c.end + i);
        let with_clitic = (word_start, word_end) != (c.start, c.end);
        let everyday = words.contains(&c.match_text)
            || (with_clitic && words.contains(&normalize_for_matching(&text[word_start..word_end])));
        !everyday
    });
    // Nor does a person's name end in one that is no name's part, without the article: the tagger
    // ran on into it (حجاج عبد العظيم برنامجا, "… a programme", in ANERcorp; but صلاح الدين, and
    // خالد بن صالح العباد, where العباد "the people" is a family's name).
    // Nor in a word for a relative, though the large lists hold some as names' parts: the name
    // is followed by whose son or brother he is (يعقوب نجل الملا عمر, عبدالكريم الحوثي شقيق زعيم).
    const RELATIVES: [&str; 10] = ["نجل", "نجله", "شقيق", "شقيقه", "حفيد", "حفيده", "والد", "والده", "ارمله", "صهر"];
    // Nor in a title without the article: it begins an apposition (سعود بن عبدالمحسن أمير منطقة
    // حائل, أحمد قطان سفير خادم الحرمين). With the article it may be a family's name (الوزير).
    const TITLES_AFTER: [&str; 8] = ["امير", "سفير", "وزير", "ولي", "رئيس", "نائب", "مدير", "محافظ"];
    for candidate in candidates.iter_mut().filter(|c| c.entity_type == EntityType::Per) {
        let Some((name, last)) = candidate.match_text.rsplit_once(' ') else { continue };
        let part = gazetteer.word_flags(last) & (flags::PERSON_NAME | flags::PERSON_PART) != 0;
        let everyday = !part && !last.starts_with("ال") && (words.contains(last) || bodies.contains(last));
        if !everyday && !RELATIVES.contains(&last) && !TITLES_AFTER.contains(&last) {
            continue;
        }
        let span = &text[candidate.start..candidate.end];
        let Some(cut) = span.trim_end().rfind(char::is_whitespace) else { continue };
        candidate.end = candidate.start + span[..cut].trim_end().len();
        candidate.tokens.end = candidate.tokens.end.saturating_sub(1).max(candidate.tokens.start);
        candidate.match_text = name.to_string();
    }
    // Nor does it begin with a noun whose genitive the person is: زيارة أوباما ("Obama's visit"),
    // أنصار صالح ("Saleh's supporters"), لولاية شانلي ("for Shanley's term"), نظام الأسد ("Assad's
    // regime"), ميليشيات صالح, نجله جمال ("his son Gamal"): 83 SaudiNewsNet names began with the
    // first three, and أنصار صالح had kept صالح alone from Ali Abdullah Saleh in 36 stories.
    const GOVERNING: [&str; 12] =
        ["زياره", "انصار", "ولايه", "نظام", "رحيل", "تنحي", "ميليشيات", "مليشيات", "ميليشيا", "عناصر", "نجله", "حليفهم"];
    for candidate in candidates.iter_mut().filter(|c| c.entity_type == EntityType::Per) {
        let Some((first, rest)) = candidate.match_text.split_once(' ') else { continue };
        let governs = GOVERNING.contains(&first)
            || super::gazetteer::clitic_readings(first).iter().any(|(r, _)| GOVERNING.contains(&r.as_str()));
        let span = &text[candidate.start..candidate.end];
        let Some(cut) = span.find(char::is_whitespace).filter(|_| governs) else { continue };
        candidate.start += cut + span[cut..].len() - span[cut..].trim_start().len();
        candidate.tokens.start = (candidate.tokens.start + 1).min(candidate.tokens.end);
        candidate.match_text = rest.to_string();
        candidate.title = None;
    }
}

/// A person's name does not end in بن, بنت, ابن, أبو, أبي, عبد or آل ("son of", "daughter of",
/// "father of", "servant of", "family of"): the tagger stopped there in 96 SaudiNewsNet mentions
/// (الشيخ بدر بن علي بن طامي العتيبي gave بدر بن). The name goes on over the next word, and over
/// each particle and word after it (a chain of "son of" names), but not over a word for kin or a
/// child's age (`data/lexicons/arabic-kinship-words.txt`). آل keeps its madda in match form: until
/// it was listed as such, 177 SaudiNewsNet names still ended in it (عبداللطيف بن عبدالملك آل).
///
/// Nor in the particle of a European surname (دافيد دي خيا gave دافيد دي, لويس فان جال لويس فان: 110
/// SaudiNewsNet mentions): فان as written, without the hamza of فإن ("indeed"), and not before a
/// word with the article (فان الحكومة).
fn names_cut_after_a_particle(text: &str, candidates: &mut Vec<Candidate>) {
    const PARTICLES: [&str; 11] = ["بن", "بنت", "ابن", "ابو", "ابي", "عبد", "ال", "آل", "دي", "دا", "ديل"];
    let kin = lexicon_in_match_form(Lexicon::ArabicKinshipWords);
    let ends_in_particle = |c: &Candidate| {
        let van = || {
            text[c.start..c.end].ends_with(" فان")
                && arabic_word_after(text, c.end).is_some_and(|next| !normalize_for_matching(next).starts_with("ال"))
        };
        c.match_text.rsplit(' ').next().is_some_and(|last| PARTICLES.contains(&last) || (last == "فان" && van()))
    };
    let mut extended: Vec<(usize, usize)> = Vec::new();
    for candidate in candidates.iter_mut().filter(|c| c.entity_type == EntityType::Per) {
        let mut words = 0;
        while words < 6 && ends_in_particle(candidate) {
            // Kin and ages are no names: ابن عم (a cousin), ابن الأربع سنوات (four years old).
            let next = arabic_word_after(text, candidate.end).filter(|w| !kin.contains(&normalize_for_matching(w)));
            let Some(word) = next else { break };
            take_next_word(candidate, word);
            words += 1;
            // A particle after the word continues the chain.
            if let Some(particle) = arabic_word_after(text, candidate.end) {
                if PARTICLES.contains(&normalize_for_matching(particle).as_str()) {
                    take_next_word(candidate, particle);
                }
            }
        }
        if words > 0 {
            extended.push((candidate.start, candidate.end));
        }
    }
    // What the name now covers is no mention of its own (علي بن طامي العتيبي after بدر بن).
    drop_covered(candidates, &extended);
}

/// A name of other-names.tsv that holds the word before a mention is the name: the tagger, as
/// ANERcorp, takes الحرام alone in المسجد الحرام (the Grand Mosque of Mecca; 133 SaudiNewsNet
/// mentions were الحرام, an organization), the clitic before the noun left out (بالمسجد الحرام).
fn listed_names_before(text: &str, candidates: &mut Vec<Candidate>) {
    let mut extended: Vec<(usize, usize)> = Vec::new();
    for candidate in candidates.iter_mut().filter(|c| super::gazetteer::ends_an_other_name(&c.match_text)) {
        let written = word_before(text, candidate.start);
        let Some(at) = text[..candidate.start].rfind(written).filter(|_| !written.is_empty()) else { continue };
        let form = normalize_for_matching(written);
        let readings = std::iter::once((form.clone(), 0)).chain(super::gazetteer::clitic_readings(&form));
        let listed = readings.into_iter().find_map(|(reading, cut)| {
            let name = format!("{reading} {}", candidate.match_text);
            super::gazetteer::is_other_name(&name).then_some((name, cut))
        });
        let Some((name, cut)) = listed else { continue };
        candidate.start = at + written.char_indices().nth(cut).map_or(written.len(), |(i, _)| i);
        candidate.tokens.start = candidate.tokens.start.saturating_sub(1);
        candidate.match_text = name;
        candidate.entity_type = EntityType::Misc;
        extended.push((candidate.start, candidate.end));
    }
    // The noun was often a mention of its own (المسجد, MISC): it is part of the name now.
    drop_covered(candidates, &extended);
}

/// فان (van) before a person's name is the name's own (فان غال, فان بيرسي: ANERcorp spans it so
/// 13 times in 14) unless it is فإن ("then") written without its hamza: after a comma or a
/// bracket, or before an Arabic name with the article (الحكم، فان حسين حبري; فان الشريف). About
/// 130 SaudiNewsNet mentions had left it out.
fn dutch_names(text: &str, candidates: &mut [Candidate]) {
    for candidate in candidates.iter_mut().filter(|c| c.entity_type == EntityType::Per) {
        let Some(before) = text[..candidate.start].strip_suffix("فان ") else { continue };
        let clause_start = before.trim_end().ends_with(['،', ',', ')', '.', '؛', ';', '»', '"', '«']);
        let own_word = before.is_empty() || before.ends_with([' ', '\n', ':']);
        let arabic_name =
            candidate.match_text.starts_with("ال") || matches!(candidate.match_text.as_str(), "دير" | "در");
        if !own_word || clause_start || arabic_name {
            continue;
        }
        candidate.start -= "فان ".len();
        candidate.tokens.start = candidate.tokens.start.saturating_sub(1);
        candidate.match_text = format!("فان {}", candidate.match_text);
    }
}

/// سان and سانت (San, Saint) begin a place's or a club's name and are none alone: سان مورتيز,
/// سان بطرسبرغ, سان جرمان, as ANERcorp spans them (سان فرانسيسكو). After باريس they name the club:
/// باريس سان جرمان (also لباريس), and a listed club's name is the club (سان جرمان alone).
/// The tagger had left 239 SaudiNewsNet mentions of سان alone.
fn saints_names(text: &str, candidates: &mut Vec<Candidate>, gazetteer: &Gazetteer) {
    let mut absorbed: Vec<(usize, usize)> = Vec::new();
    for candidate in candidates.iter_mut().filter(|c| matches!(c.match_text.as_str(), "سان" | "سانت")) {
        let Some(word) = arabic_word_after(text, candidate.end).filter(|w| w.chars().count() >= 3) else { continue };
        take_next_word(candidate, word);
        let after_paris = text[..candidate.start].strip_suffix("باريس ").filter(|before| {
            before.chars().rev().take_while(|c| c.is_alphabetic()).all(|c| matches!(c, 'و' | 'ل' | 'ب' | 'ف'))
        });
        if after_paris.is_some() {
            let paris = candidate.start - "باريس ".len();
            candidate.start = paris;
            candidate.tokens.start = candidate.tokens.start.saturating_sub(1);
            candidate.match_text = format!("باريس {}", candidate.match_text);
        }
        if gazetteer.name_types(&candidate.match_text).contains(&EntityType::Org) {
            candidate.entity_type = EntityType::Org;
        }
        absorbed.push((candidate.start, candidate.end));
    }
    // The words taken in are no mentions of their own (جرمان, باريس).
    drop_covered(candidates, &absorbed);
}

/// A place's name in quotes after لـ ("to", as in "told «Al-Riyadh»") is a newspaper's or other
/// publication's: قال لـ«الشرق الأوسط», لـ«الرياض», لـ«الوطن». On SaudiNewsNet 5,633 names
/// stand so, and nearly all are papers, agencies or organizations (1,070 Asharq Al-Awsat alone).
/// So is a place's name in quotes anywhere that the lists also give as an organization's, or
/// as a paper's: علمت «الشرق الأوسط» ("Asharq Al-Awsat learned": 246 more), تلقته «الرياض»
/// ("Al Riyadh received": 116, صحيفة الرياض); not «لندن» or «تونس».
fn quoted_publications(text: &str, candidates: &mut [Candidate], gazetteer: &Gazetteer) {
    for candidate in candidates.iter_mut().filter(|c| c.entity_type == EntityType::Loc) {
        let before = text[..candidate.start].trim_end_matches([' ', '\u{0640}']);
        let opened = before.strip_suffix(['«', '"']).map(|b| b.trim_end_matches([' ', '\u{0640}']));
        let after_lam = opened.is_some_and(|b| {
            b.strip_suffix('ل').is_some_and(|rest| rest.is_empty() || rest.ends_with(|c: char| !c.is_alphabetic()))
        });
        let closed = text[candidate.end..].trim_start().starts_with(['»', '"']);
        // Listed as an organization, or as a paper by that name (صحيفة الرياض: «الرياض»).
        let organization = |form: &str| gazetteer.name_types(form).contains(&EntityType::Org);
        let listed = || organization(&candidate.match_text) || organization(&format!("صحيفه {}", candidate.match_text));
        if closed && (after_lam || (opened.is_some() && listed())) {
            candidate.entity_type = EntityType::Org;
        }
    }
}

/// Within one document, a name typed a person by the capitalization rules that elsewhere in it
/// starts the name of an organization or other named thing is that organization: "Salomon
/// Brothers" beside "Salomon Brothers Inc", "Merrill Lynch" beside "Merrill Lynch Capital Markets".
fn firms_named_after_people(candidates: &mut [Candidate]) {
    let organizations: Vec<String> = candidates
        .iter()
        .filter(|c| matches!(c.entity_type, EntityType::Org | EntityType::Misc) && c.match_text.contains(' '))
        .map(|c| c.match_text.clone())
        .collect();
    for candidate in candidates.iter_mut() {
        let firm = candidate.entity_type == EntityType::Per
            && candidate.method == MentionMethod::Model
            && candidate.match_text.is_ascii()
            && organizations
                .iter()
                .any(|o| o.strip_prefix(candidate.match_text.as_str()).is_some_and(|rest| rest.starts_with(' ')));
        if firm {
            candidate.entity_type = EntityType::Org;
        }
    }
}

/// Within one document, a one-word organization or other name that is the surname of a person
/// named in full in it is that person: "Volcker" after "Paul Volcker", though a noisy list has
/// Volcker as an organization. Places keep their type (Washington the city is more common than
/// Washington the surname).
fn surnames_are_persons(candidates: &mut [Candidate]) {
    let surnames: WordSet<String> = candidates
        .iter()
        .filter(|c| c.entity_type == EntityType::Per)
        .filter_map(|c| surname_of(&c.match_text).map(str::to_string))
        .collect();
    for candidate in candidates.iter_mut() {
        let retype = matches!(candidate.entity_type, EntityType::Org | EntityType::Misc)
            && !candidate.match_text.contains(' ')
            && surnames.contains(&candidate.match_text);
        if retype {
            candidate.entity_type = EntityType::Per;
        }
    }
}

/// Within one document, a word that is the surname of a person named in full elsewhere in it is
/// that person too: "Yeutter" after "Clayton Yeutter", and in Arabic also the article's own
/// truncations and typos of the surname, which drop a long vowel or the nisba ending
/// (سليمان and سلماني after قاسم سليماني). Latin words must be capitalized; Arabic words may
/// carry clitics (وسليماني).
fn repeated_surnames(
    text: &str,
    tokens: &[Token],
    sentence_ranges: &[Range<usize>],
    candidates: &[Candidate],
    gazetteer: &Gazetteer,
    tagged: &[std::rc::Rc<TaggedWord>],
) -> Vec<Candidate> {
    let arabic = !tagged.is_empty();
    let mut surnames: Vec<&str> = candidates
        .iter()
        .filter(|c| c.entity_type == EntityType::Per)
        .filter_map(|c| surname_of(&c.match_text))
        .collect();
    surnames.sort_unstable();
    surnames.dedup();
    if surnames.is_empty() {
        return Vec::new();
    }
    let covered: Vec<(usize, usize)> = candidates.iter().map(|c| (c.start, c.end)).collect();
    let mut sentence_of_token = vec![0; tokens.len()];
    for (index, range) in sentence_ranges.iter().enumerate() {
        sentence_of_token[range.clone()].iter_mut().for_each(|s| *s = index);
    }
    let mut found = Vec::new();
    for (position, token) in tokens.iter().enumerate() {
        let word = token.text(text);
        let cased = word.chars().next().is_some_and(char::is_uppercase);
        if token.kind != TokenKind::Word || (!arabic && !cased) {
            continue;
        }
        if covered.iter().any(|&(start, end)| start < token.end && token.start < end) {
            continue;
        }
        if is_function_word(word) {
            continue;
        }
        // Arabic words come analyzed by the tagger (match form and clitic readings, cached per
        // word type); Latin ones are few (capitalized) and normalized here.
        let latin_form;
        let (own, clitic_readings): (&str, &[(String, usize)]) = match tagged.get(position) {
            Some(word) => (word.features.match_form.as_str(), &word.features.readings),
            None => {
                latin_form = crate::text::normalize_for_matching(word);
                (latin_form.as_str(), &[])
            }
        };
        let readings = std::iter::once((own, 0)).chain(clitic_readings.iter().map(|(r, n)| (r.as_str(), *n)));
        let matched = readings.into_iter().find(|(reading, _)| {
            let fits = surnames
                .iter()
                .any(|surname| *surname == *reading || (arabic && is_shortened_spelling(reading, surname)));
            fits && gazetteer.word_flags(reading) & (flags::TITLE | flags::CALENDAR) == 0
        });
        let matched = matched.map(|(reading, cut)| (reading.to_string(), cut));
        if let Some((reading, cut)) = matched {
            // The title before it, as before a name the tagger found: الرئيس السيسي (96
            // SaudiNewsNet mentions had had none). Not before an everyday word, which a title would
            // keep as a name (ولي العهد معالي, "His Excellency").
            let everyday = lexicon_in_match_form(Lexicon::ArabicEverydayWords).contains(&reading);
            let title =
                sentence_ranges.get(sentence_of_token[position]).filter(|_| arabic && !everyday).and_then(|range| {
                    let words: Vec<&super::features::WordFeatures> =
                        tagged[range.clone()].iter().map(|w| &w.features).collect();
                    title_span(text, &tokens[range.clone()], &words, position - range.start, gazetteer)
                });
            found.push(Candidate {
                sentence: sentence_of_token[position],
                tokens: 0..0,
                start: skip_letters(text, *token, cut),
                end: token.end,
                match_text: reading,
                entity_type: EntityType::Per,
                method: MentionMethod::Model,
                score: 0.6,
                title,
            });
        }
    }
    found
}

/// Titles (match form) that are no part of a name, whatever comes before them: inside a person's
/// span such a word starts another person. (Not الشيخ, الملك or المهندس: ولد الشيخ, عبد الملك and
/// ماجد المهندس are names.)
/// The [`RANKS`] are such titles too.
const INNER_TITLES: [&str; 9] =
    ["الملا", "الرييس", "الوزير", "الدكتور", "اللواء", "العميد", "العقيد", "المستشار", "السفير"];

/// Ranks that are titles, but not in the title list, whose words are features of the tagger (there
/// they cost 0.003 of 5-fold CV on ANERcorp once its folds were refitted): المقدم "lieutenant
/// colonel", النقيب "captain", البروفيسور "professor".
const RANKS: [&str; 3] = ["المقدم", "النقيب", "البروفيسور"];

/// A rank that begins a person's span is the person's title, not his name: المقدم القرني, النقيب
/// نايف محمد الجهني, البروفيسور كريستيان فيت (87 SaudiNewsNet names began so). A title right
/// before it goes on through it. A rank alone is no name.
fn leading_ranks_are_titles(text: &str, candidates: &mut Vec<Candidate>) {
    candidates.retain(|c| !RANKS.contains(&c.match_text.as_str()));
    for candidate in candidates.iter_mut().filter(|c| c.entity_type == EntityType::Per) {
        let Some((first, rest)) = candidate.match_text.split_once(' ') else { continue };
        let span = &text[candidate.start..candidate.end];
        let Some(cut) = span.find(char::is_whitespace).filter(|_| RANKS.contains(&first)) else { continue };
        let rank = candidate.start..candidate.start + cut;
        candidate.title = Some(match candidate.title.clone() {
            Some(title) if text.get(title.end..rank.start).is_some_and(|gap| gap.trim().is_empty()) => {
                title.start..rank.end
            }
            _ => rank,
        });
        candidate.start += cut + span[cut..].len() - span[cut..].trim_start().len();
        candidate.tokens.start = (candidate.tokens.start + 1).min(candidate.tokens.end);
        candidate.match_text = rest.to_string();
    }
}

/// Two people joined by "and" are two mentions: سعود وفيصل, خالد وفهد, كيري ولافروف, عمرو وصالح
/// القميزي (about 150 SaudiNewsNet person mentions). A word after the first of a person's span
/// that is و and a listed name part, and no listed name as written, starts a second person (ويب,
/// وهبي, واتارا and وسام stay whole).
fn split_joined_persons(text: &str, candidates: &mut Vec<Candidate>, gazetteer: &Gazetteer) {
    let listed = |form: &str| gazetteer.word_flags(form) & (flags::PERSON_PART | flags::PERSON_NAME) != 0;
    let persons: Vec<String> =
        candidates.iter().filter(|c| c.entity_type == EntityType::Per).map(|c| c.match_text.clone()).collect();
    let mut added = Vec::new();
    for candidate in candidates.iter_mut().filter(|c| c.entity_type == EntityType::Per) {
        let span = &text[candidate.start..candidate.end];
        let words: Vec<(usize, &str)> =
            span.split(' ').scan(0, |at, w| Some((std::mem::replace(at, *at + w.len() + 1), w))).collect();
        let forms: Vec<&str> = candidate.match_text.split(' ').collect();
        if words.len() != forms.len() || words.iter().any(|(_, w)| w.is_empty()) {
            continue;
        }
        // A title inside the span, after a name's word and before another, starts a second person
        // with that title: للملا عمر الملا أختر محمد منصور ("Mullah Omar's deputy, Mullah Akhtar
        // Mohammad Mansour"), which had joined the two men.
        let titled = (1..forms.len().saturating_sub(1)).find(|&k| {
            (INNER_TITLES.contains(&forms[k]) || RANKS.contains(&forms[k]))
                && !matches!(forms[k - 1], "بن" | "ابن" | "عبد" | "ابو" | "ال" | "ولد")
        });
        if let Some(k) = titled {
            let (title_at, title) = words[k];
            let (next_at, _) = words[k + 1];
            let mut rest = candidate.clone();
            rest.start = candidate.start + next_at;
            rest.match_text = forms[k + 1..].join(" ");
            rest.tokens.start = (candidate.tokens.start + k + 1).min(candidate.tokens.end);
            rest.title = Some(candidate.start + title_at..candidate.start + title_at + title.len());
            candidate.end = candidate.start + title_at - 1;
            candidate.match_text = forms[..k].join(" ");
            candidate.tokens.end = (candidate.tokens.start + k).min(candidate.tokens.end);
            added.push(rest);
            continue;
        }
        let second = (1..forms.len()).find(|&k| {
            forms[k]
                .strip_prefix('و')
                .is_some_and(|rest| rest.chars().count() >= 3 && listed(rest) && !listed(forms[k]))
        });
        let Some(k) = second else { continue };
        let (at, _) = words[k];
        // وليا للعهد, وليا لولي العهد ("as crown prince"): the name ends before it.
        if forms[k] == "وليا" {
            candidate.end = candidate.start + at - 1;
            candidate.match_text = forms[..k].join(" ");
            candidate.tokens.end = (candidate.tokens.start + k).min(candidate.tokens.end);
            continue;
        }
        // Two given names alone, a second name of two words or more, or a second name the
        // article also writes alone (the lists hold words such as شاي, tea, and ليا, as in وليا
        // للعهد, as name parts).
        let rest = &forms[k]['و'.len_utf8()..];
        let evidence = (forms.len() == 2 && listed(forms[0]))
            || forms.len() - k >= 2
            || persons.iter().any(|p| p.split(' ').next() == Some(rest));
        if !evidence {
            continue;
        }
        let first_end = candidate.start + at - 1;
        let mut rest = candidate.clone();
        rest.start = candidate.start + at + 'و'.len_utf8();
        rest.match_text = forms[k]['و'.len_utf8()..].to_string()
            + &forms[k + 1..].iter().map(|f| format!(" {f}")).collect::<String>();
        rest.tokens.start = (candidate.tokens.start + k).min(candidate.tokens.end);
        rest.title = None;
        candidate.end = first_end;
        candidate.match_text = forms[..k].join(" ");
        candidate.tokens.end = rest.tokens.start;
        added.push(rest);
    }
    candidates.extend(added);
}

/// A person's name right after دوري ("league") names the league after its sponsor: دوري
/// عبداللطيف جميل, the Saudi Professional League (221 SaudiNewsNet person mentions of Abdul Latif
/// Jameel before). The mention is the league's name, دوري included (its clitics not: بدوري).
fn leagues_named_after_sponsors(text: &str, candidates: &mut [Candidate]) {
    for candidate in candidates.iter_mut().filter(|c| c.entity_type == EntityType::Per) {
        // The tagger's own span may hold دوري already.
        if candidate.match_text.starts_with("دوري ") {
            candidate.entity_type = EntityType::Misc;
            continue;
        }
        let Some((_, noun_start)) = noun_before(text, candidate.start, &["دوري"]) else { continue };
        candidate.start = noun_start;
        candidate.match_text = format!("دوري {}", candidate.match_text);
        candidate.entity_type = EntityType::Misc;
        candidate.title = None;
    }
}

/// A place right after نادي ("club") names the club: نادي أبها, نادي الخليج, مع نادي قطر (ANERcorp
/// tags قطر there ORG, and leaves نادي out of the name): 255 SaudiNewsNet place mentions. So does
/// one after صحيفة, جريدة or مجلة (a paper or magazine: صحيفة مكة, جريدة الرياض) or وكالة (an
/// agency: وكالة الأناضول, وكالة فارس): about 130 more. A person's name after a paper's noun is
/// the paper's too (صحيفة دايلي ميل, مجلة روز اليوسف; after الصحيفة it is its editor's).
fn bodies_named_after_places(text: &str, candidates: &mut [Candidate]) {
    for candidate in candidates.iter_mut().filter(|c| matches!(c.entity_type, EntityType::Loc | EntityType::Per)) {
        let Some((noun, noun_start)) = noun_before(text, candidate.start, &["نادي", "وكاله", "صحيفه", "جريده", "مجله"])
        else {
            continue;
        };
        let paper = matches!(noun, "صحيفه" | "جريده" | "مجله");
        let body = paper || matches!(noun, "نادي" | "وكاله");
        if (candidate.entity_type == EntityType::Loc && body) || (candidate.entity_type == EntityType::Per && paper) {
            candidate.entity_type = EntityType::Org;
        }
        // A literary club is named whole: نادي جدة الأدبي (129 in SaudiNewsNet).
        if noun == "نادي" && word_after(text, candidate.end) == "الادبي" {
            let after = &text[candidate.end..];
            let rest = after.trim_start();
            let adjective = rest.split_whitespace().next().unwrap_or("").trim_end_matches(|c: char| !c.is_alphabetic());
            candidate.start = noun_start;
            candidate.end += after.len() - rest.len() + adjective.len();
            candidate.match_text = format!("نادي {} الادبي", candidate.match_text);
        }
    }
}

/// How many words of a football report ([`Lexicon::ArabicSportsWords`], clitics off) make a story
/// one about sports.
const SPORTS_STORY_WORDS: usize = 4;

/// How many sports words (data/lexicons/arabic-sports-words.txt, clitics and all) a story has:
/// [`SPORTS_STORY_WORDS`] or more make it a sports story.
fn sports_words(tagged: &[std::rc::Rc<TaggedWord>]) -> usize {
    let sports = |word: &TaggedWord| {
        lexicon(Lexicon::ArabicSportsWords).contains(word.features.match_form.as_str())
            || word.features.readings.iter().any(|(r, _)| lexicon(Lexicon::ArabicSportsWords).contains(r.as_str()))
    };
    tagged.iter().filter(|w| sports(w)).count()
}

/// A listed club's one-word name with the article is a common word first (الاتفاق "the
/// agreement", الاتحاد "the union", الأهلي "private", الشباب "the youth"; اندرلخت is only a
/// club). An organization of that name alone, in a story without a single sports word, is no
/// club: on SaudiNewsNet 532 such mentions, most of them the nuclear agreement, the European
/// Union or private schools, had been the clubs (a story's sports words without those of
/// everyday use, هدف "aim" or الجولة "tour", dropped 453 more, a third of them rightly clubs in
/// stories on their boards and fans). After a body's noun it is that body's name, in any story
/// (حركة الشباب al-Shabaab, شركة الاتحاد, جيش الفتح); after نادي or فريق ("club", "team") the club
/// still; الشباب after a noun of youth (لرعاية الشباب, شريحة الشباب) never. Nor is it a name after ب and before مع, in any story: بالاتفاق مع, بالتعاون مع are "in
/// agreement with", "in cooperation with".
fn clubs_by_their_common_words(
    text: &str,
    candidates: &mut Vec<Candidate>,
    gazetteer: &Gazetteer,
    no_sports_words: impl Fn() -> bool,
) {
    const TEAMS: [&str; 4] = ["نادي", "النادي", "فريق", "الفريق"];
    const BODIES: [&str; 6] = ["حركه", "شركه", "جيش", "جبهه", "مصرف", "بنك"];
    const OF_YOUTH: [&str; 13] =
        ["رعايه", "شوون", "شريحه", "شرايح", "فيه", "فيات", "بيوت", "لدي", "اوساط", "قطاع", "قطاعات", "تمكين", "طاقات"];
    let mut no_sports = None;
    candidates.retain_mut(|c| {
        let club = c.entity_type == EntityType::Org
            && c.match_text.starts_with("ال")
            && !c.match_text.contains(' ')
            && gazetteer.word_flags(&c.match_text) & flags::CLUB != 0;
        if !club || noun_before(text, c.start, &TEAMS).is_some() {
            return true;
        }
        if text[..c.start].ends_with('ب') && word_after(text, c.end) == "مع" {
            return false;
        }
        if let Some((body, at)) = noun_before(text, c.start, &BODIES) {
            c.start = at;
            c.tokens.start = c.tokens.start.saturating_sub(1);
            c.match_text = format!("{body} {}", c.match_text);
            return true;
        }
        // Youth, in any story: لرعاية الشباب, شريحة الشباب, بيوت الشباب.
        if c.match_text == "الشباب" && noun_before(text, c.start, &OF_YOUTH).is_some() {
            return false;
        }
        !*no_sports.get_or_insert_with(&no_sports_words)
    });
}

/// Adjectives after a club's name that make it another body: الاتحاد الآسيوي is the Asian
/// confederation, not Al Ittihad (الأهلي المصري is Al Ahly of Egypt).
const NOT_A_CLUBS_COUNTRY: [&str; 9] =
    ["الدولي", "الاسيوي", "الاوروبي", "الافريقي", "العربي", "الخليجي", "الوطني", "العالمي", "الاولمبي"];

/// In a sports story, a listed club's one-word name that no mention covers is the club: ANERcorp
/// tags الأهلي, السد, الريان, الوكرة and الشمال ORG in match reports, where the tagger, which
/// sees them mostly as the common words they also are (the dam, the north), left them out. Not
/// an adjective after a definite noun (الدوري العربي, الخليج العربي), unless that noun is a team
/// (الفريق الأهلي) or a club (السد والريان), or a preposition is glued to the word (المدير الفني
/// للأهلي: an adjective takes none).
fn clubs_in_sports_stories(
    text: &str,
    tokens: &[Token],
    sentence_ranges: &[Range<usize>],
    tagged: &[std::rc::Rc<TaggedWord>],
    candidates: &mut Vec<Candidate>,
    gazetteer: &Gazetteer,
) {
    if sports_words(tagged) < SPORTS_STORY_WORDS {
        return;
    }
    // The club reading of a word: its own form or one without clitics (للأهلي, والريان).
    let club = |word: &TaggedWord| -> Option<(String, usize)> {
        let is_club = |form: &str| gazetteer.word_flags(form) & flags::CLUB != 0;
        if is_club(&word.features.match_form) {
            return Some((word.features.match_form.clone(), 0));
        }
        word.features.readings.iter().filter(|(r, _)| is_club(r)).min_by_key(|(_, cut)| *cut).cloned()
    };
    // A listed club's city before a nationality in the masculine is the club, a city taking the
    // feminine: روما الإيطالي (AS Roma), الكويت الكويتي (Kuwait SC), not روما الإيطالية; so too
    // before الذي ("which", masculine: المدير الفني السابق لروما الذي), not التي.
    for candidate in candidates.iter_mut().filter(|c| c.entity_type == EntityType::Loc) {
        let next = word_after(text, candidate.end);
        if gazetteer.word_flags(&candidate.match_text) & flags::CLUB != 0
            && (is_nisba_adjective(&next) || next == "الذي")
            && !NOT_A_CLUBS_COUNTRY.contains(&next.as_str())
        {
            candidate.entity_type = EntityType::Org;
        }
    }
    let team = |form: &str| matches!(form, "الفريق" | "فريق" | "النادي" | "نادي");
    let named_clubs: Vec<&str> = candidates
        .iter()
        .filter(|c| c.entity_type == EntityType::Org && gazetteer.word_flags(&c.match_text) & flags::CLUB != 0)
        .map(|c| c.match_text.as_str())
        .collect();
    let mut found = Vec::new();
    for (index, range) in sentence_ranges.iter().enumerate() {
        for position in range.clone() {
            let token = tokens[position];
            if token.kind != TokenKind::Word || candidates.iter().any(|c| c.start < token.end && token.start < c.end) {
                continue;
            }
            let Some((form, cut)) = club(&tagged[position]) else { continue };
            let word_at = |at: Option<usize>| {
                at.filter(|&i| range.contains(&i) && tokens[i].kind == TokenKind::Word).map(|i| &tagged[i])
            };
            let (before, after) = (word_at(position.checked_sub(1)), word_at(Some(position + 1)));
            let match_word = |word: &TaggedWord| {
                let listed = |form: &str| lexicon(Lexicon::ArabicMatchWords).contains(form);
                listed(&word.features.match_form) || word.features.readings.iter().any(|(r, _)| listed(r))
            };
            // فاز الهلال, مرمى الشمال, الهلال والنصر.
            let in_a_match =
                before.is_some_and(|w| match_word(w) || club(w).is_some()) || after.is_some_and(|w| club(w).is_some());
            if !named_clubs.contains(&form.as_str()) && !in_a_match {
                continue;
            }
            let previous = (position > range.start && tokens[position - 1].kind == TokenKind::Word)
                .then(|| &tagged[position - 1].features);
            let adjective = previous.is_some_and(|p| {
                let definite = p.match_form.starts_with("ال") || p.readings.iter().any(|(r, _)| r.starts_with("ال"));
                let team_or_club = team(&p.match_form)
                    || p.readings.iter().any(|(r, _)| team(r))
                    || club(&tagged[position - 1]).is_some();
                definite && !team_or_club && cut == 0
            });
            let next = (position + 1 < range.end).then(|| tagged[position + 1].features.match_form.as_str());
            // A club named like a nationality (المصري, العربي) after a team, a club or a name is
            // that one's nationality: الفريق المصري, الاتحاد المصري, إيلايت المصري.
            let after_name = previous.is_some_and(|p| team(&p.match_form) || p.readings.iter().any(|(r, _)| team(r)))
                || before.is_some_and(|w| club(w).is_some())
                || (position > range.start
                    && candidates.iter().chain(&found).any(|c| c.end == tokens[position - 1].end));
            // الاتحاد السعودي, الاتحاد البوليفي: a country's federation, not Al Ittihad.
            let federation = form == "الاتحاد" && next.is_some_and(is_nisba_adjective);
            // After "and" a word starts a new name: والفيصلي in الفتح والفيصلي.
            let after_and = cut > 0 && tagged[position].features.match_form.starts_with('و');
            if adjective
                || federation
                || next.is_some_and(|n| NOT_A_CLUBS_COUNTRY.contains(&n))
                || (is_nisba_adjective(&form) && after_name && !after_and)
            {
                continue;
            }
            found.push(Candidate {
                sentence: index,
                tokens: 0..0,
                start: skip_letters(text, token, cut),
                end: token.end,
                match_text: form,
                entity_type: EntityType::Org,
                method: MentionMethod::Gazetteer,
                score: 0.61,
                title: None,
            });
        }
    }
    candidates.extend(found);
}

/// True when `word` is `surname` with one long vowel (ا و ي) left out or without its nisba
/// ending: the truncations and typos an article makes of a name it spells in full elsewhere.
fn is_shortened_spelling(word: &str, surname: &str) -> bool {
    // The letter left out (ا, و or ي) is two bytes in UTF-8: compare lengths before letters.
    if word.len() + 2 != surname.len() {
        return false;
    }
    // One pass: the surname's letters in order, each the word's next one but a single long
    // vowel (removing any letter of a run of equal ones gives the same word).
    let mut rest = word.chars();
    let mut next = rest.next();
    let (mut skipped, mut letters) = (false, 0);
    for letter in surname.chars() {
        letters += 1;
        if next == Some(letter) {
            next = rest.next();
        } else if !skipped && matches!(letter, 'ا' | 'و' | 'ي') {
            skipped = true;
        } else {
            return false;
        }
    }
    skipped && next.is_none() && letters >= 5
}

/// What the tagger made of one sentence.
struct SentenceAnalysis {
    words: Vec<std::rc::Rc<TaggedWord>>,
    names: Vec<NameMatch>,
    emissions: Vec<Scores>,
    labels: Vec<usize>,
    margins: Vec<f32>,
}

/// Tags one sentence on its own: gazetteer names, emissions and Viterbi.
fn first_pass(
    text: &str,
    sentence: &[Token],
    tagger: &Tagger,
    cache: &mut WordCache,
    gazetteer: &Gazetteer,
) -> SentenceAnalysis {
    let words: Vec<_> = sentence.iter().map(|t| cache.word(t.text(text), tagger, gazetteer)).collect();
    let borrowed: Vec<_> = words.iter().map(|w| &w.features).collect();
    let names = gazetteer.find_names(&name_variants(&borrowed));
    let emissions = cache.emissions(&words, &names, tagger);
    let (labels, margins) = tagger.decode(&emissions);
    SentenceAnalysis { words, names, emissions, labels, margins }
}

/// Re-tags the sentences in which a word was tagged differently elsewhere in the document (see
/// [`document_pass`]); the others keep their first-pass labels.
fn second_pass(analyses: &mut [SentenceAnalysis], tagger: &Tagger) {
    let words: Vec<_> = analyses.iter().flat_map(|a| a.words.iter().map(|w| &w.features)).collect();
    let labels: Vec<usize> = analyses.iter().flat_map(|a| a.labels.iter().copied()).collect();
    let features = document_pass::document_features(&words, &labels);
    let mut start = 0;
    for analysis in analyses.iter_mut() {
        let sentence = &features[start..start + analysis.words.len()];
        start += analysis.words.len();
        if sentence.iter().all(Vec::is_empty) {
            continue;
        }
        let mut emissions = analysis.emissions.clone();
        for (scores, features) in emissions.iter_mut().zip(sentence) {
            tagger.score(features, scores);
        }
        (analysis.labels, analysis.margins) = tagger.decode(&emissions);
    }
}

/// Mentions from a sentence's labels, and gazetteer names the tagger did not find.
fn sentence_candidates(
    text: &str,
    sentence: &[Token],
    analysis: &SentenceAnalysis,
    gazetteer: &Gazetteer,
) -> Vec<Candidate> {
    let borrowed: Vec<_> = analysis.words.iter().map(|w| &w.features).collect();
    let (labels, margins) = (&analysis.labels, &analysis.margins);
    let mut found = Vec::new();
    let mut position = 0;
    while position < labels.len() {
        let Some((entity_type, _)) = type_of(labels[position]) else {
            position += 1;
            continue;
        };
        let mut end = position + 1;
        while end < labels.len() && type_of(labels[end]) == Some((entity_type, true)) {
            end += 1;
        }
        let margin = margins[position..end].iter().sum::<f32>() / (end - position) as f32;
        let score = 1.0 / (1.0 + (-margin / 4.0).exp());
        if let Some(candidate) = span_candidate(
            text,
            sentence,
            &borrowed,
            position..end,
            entity_type,
            MentionMethod::Model,
            score,
            gazetteer,
        ) {
            found.push(candidate);
        }
        position = end;
    }
    add_gazetteer_names(text, sentence, &borrowed, &analysis.names, labels, &mut found, gazetteer);
    found
}

/// Gazetteer names the model did not find become mentions of their own; where the model found
/// the same span, the mention is marked as found by both.
fn add_gazetteer_names(
    text: &str,
    sentence: &[Token],
    words: &[&super::features::WordFeatures],
    names: &[NameMatch],
    labels: &[usize],
    found: &mut Vec<Candidate>,
    gazetteer: &Gazetteer,
) {
    for name in names {
        let same = found.iter_mut().find(|c| c.tokens == (name.start..name.end));
        if let Some(candidate) = same {
            if name.types.contains(&candidate.entity_type) {
                candidate.method = MentionMethod::Both;
                candidate.score = candidate.score.max(0.9);
            }
            continue;
        }
        let overlapping: Vec<usize> = (0..found.len())
            .filter(|&i| found[i].tokens.start < name.end && name.start < found[i].tokens.end)
            .collect();
        // A listed feast, war or holy place holds the shorter span the tagger found in it: عيد
        // الفطر, where the tagger took عيد alone (the lists' other types follow ANERcorp's spans,
        // which are often shorter than the lists' names: مجلس الأمن in مجلس الأمن الدولي).
        // So does a country or region of the curated lists named from a point of the compass:
        // جنوب أفريقيا is South Africa, where the tagger took أفريقيا alone (127 SaudiNewsNet
        // mentions had been Africa), جنوب السودان South Sudan, جنوب شرق آسيا Southeast Asia.
        // (ANERcorp leaves the compass word out, جنوب O أفريقيا B-LOC, and other places' longer
        // listed names too: holding every curated place lowered cross-validated LOC F1 from 0.863
        // to 0.847.)
        let compass = name.match_form.split(' ').next().is_some_and(|w| lexicon(Lexicon::CompassWords).contains(w));
        let held_type = if name.types == [EntityType::Misc] {
            Some(EntityType::Misc)
        } else {
            super::gazetteer::curated_type(&name.match_form).filter(|&t| t == EntityType::Loc && compass)
        };
        let holds = |i: &usize| {
            let c = &found[*i];
            name.start <= c.tokens.start && c.tokens.end <= name.end && Some(c.entity_type) == held_type
        };
        if let Some(held_type) =
            held_type.filter(|_| name.end - name.start > 1 && !overlapping.is_empty() && overlapping.iter().all(holds))
        {
            let candidate = span_candidate(
                text,
                sentence,
                words,
                name.start..name.end,
                held_type,
                MentionMethod::Both,
                0.9,
                gazetteer,
            );
            if let Some(candidate) = candidate {
                for &i in overlapping.iter().rev() {
                    found.remove(i);
                }
                found.push(candidate);
            }
            continue;
        }
        let overlaps = !overlapping.is_empty();
        // Places and organizations are named the same way everywhere; person names only count as
        // full names (the lists of name parts are too common as words to be mentions alone).
        let Some(&entity_type) = name.types.iter().find(|&&t| t != EntityType::Per || name.end - name.start > 1) else {
            continue;
        };
        if overlaps || sentence[name.start].kind != TokenKind::Word {
            continue;
        }
        // One listed word the tagger read as no name is the common word it also is: الخبر (the
        // news, and Khobar), صور (pictures, and Tyre), ماليه (financial). The tagger has seen the
        // listing (a feature) and the context; names of two words or more still count.
        if name.end - name.start == 1 && labels[name.start] == 0 {
            continue;
        }
        if let Some(candidate) = span_candidate(
            text,
            sentence,
            words,
            name.start..name.end,
            entity_type,
            MentionMethod::Gazetteer,
            0.6,
            gazetteer,
        ) {
            found.push(candidate);
        }
    }
}

/// Builds a mention from a token span: punctuation trimmed from both ends, title words moved out
/// of its start, the first word's clitics cut off when a reading without them is a known name.
#[allow(clippy::too_many_arguments)]
fn span_candidate(
    text: &str,
    sentence: &[Token],
    words: &[&super::features::WordFeatures],
    mut span: Range<usize>,
    entity_type: EntityType,
    method: MentionMethod,
    score: f32,
    gazetteer: &Gazetteer,
) -> Option<Candidate> {
    while span.start < span.end && sentence[span.start].kind == TokenKind::Punct {
        span.start += 1;
    }
    while span.end > span.start && sentence[span.end - 1].kind == TokenKind::Punct {
        span.end -= 1;
    }
    // (And "first" after a rank: العريف أول.)
    let rank_first = |i: usize| words[i].match_form == "اول" && i > 0 && words[i - 1].flags & flags::TITLE != 0;
    while span.end - span.start > 1
        && (words[span.start].flags & flags::TITLE != 0 || rank_first(span.start))
        && entity_type == EntityType::Per
    {
        span.start += 1;
    }
    // Two title words or more after a full name are his title, not his name (محمد بن نايف بن
    // عبدالعزيز ولي العهد); one may be a surname (محمد الأمير).
    if entity_type == EntityType::Per {
        let trailing_titles = words[span.clone()].iter().rev().take_while(|w| w.flags & flags::TITLE != 0).count();
        if trailing_titles >= 2 && span.len() >= trailing_titles + 2 {
            span.end -= trailing_titles;
        }
    }
    // A nisba adjective right after a title qualifies the title, not the name (الرئيس السوداني
    // عمر حسن البشير: the name is عمر حسن البشير, the title الرئيس السوداني).
    while entity_type == EntityType::Per
        && span.start < span.end
        && span.start > 0
        && words[span.start - 1].flags & flags::TITLE != 0
        && is_nisba_adjective(&words[span.start].match_form)
    {
        span.start += 1;
    }
    // A blessing is no name: in رحمه الله, حفظه الله, صلى الله the verb is O and God MISC, as
    // ANERcorp tags them.
    while span.end - span.start > 1
        && words[span.end - 1].match_form == "الله"
        && (is_blessing_word(&words[span.start].match_form)
            || words[span.start].readings.iter().any(|(reading, _)| is_blessing_word(reading)))
    {
        span.start += 1;
    }
    // Nor does a blessing end one: علي بن أبي طالب رضي الله عنه, محمد صلى الله عليه وسلم, محمد
    // عليه السلام (59 SaudiNewsNet person mentions had ended in رضي, صلى or عليه).
    // (Only before الله or السلام: عباد is a blessing's word and a surname, حمود عباد.)
    while span.end - span.start > 1 && entity_type == EntityType::Per && {
        let next = words.get(span.end).map(|w| w.match_form.as_str());
        let last = words[span.end - 1].match_form.as_str();
        (is_blessing_word(last) && next == Some("الله")) || (last == "عليه" && matches!(next, Some("السلام" | "الصلاه")))
    } {
        span.end -= 1;
    }
    // Nor does a whole blessing end one: نايف بن عبدالعزيز رحمه الله ("God rest him").
    while span.end - span.start > 2
        && entity_type == EntityType::Per
        && words[span.end - 1].match_form == "الله"
        && is_blessing_word(&words[span.end - 2].match_form)
    {
        span.end -= 2;
    }
    // A number of five digits or more is a phone or message code, not a model (Mobily 737221,
    // beside Boeing 777 and Windows 10).
    while span.end - span.start > 1 && {
        let last = sentence[span.end - 1].text(text);
        last.len() >= 5 && last.bytes().all(|b| b.is_ascii_digit())
    } {
        span.end -= 1;
    }
    // A quote or bracket opened inside the span and not closed in it starts the name: منظمة «أوبك
    // is أوبك (111 SaudiNewsNet mentions had held the noun and the open quote).
    let opened = (span.start + 1..span.end).rev().find(|&i| {
        let mark = sentence[i].text(text);
        sentence[i].kind == TokenKind::Punct
            && matches!(mark, "«" | "\"" | "“" | "(")
            && !sentence[i + 1..span.end].iter().any(|t| matches!(t.text(text), "»" | "\"" | "”" | ")"))
    });
    if let Some(i) = opened.filter(|&i| i + 1 < span.end) {
        span.start = i + 1;
    }
    // A name does not begin with a particle (بأن سليمان زار موسكو: the name is سليمان), unless a
    // listed person's name begins so, which the name then is whole (بان كي مون, Ban Ki-moon, where
    // the tagger took بان كي).
    let listed_end = |start: usize| {
        let longest = (start + gazetteer.max_tokens()).min(words.len()).min(sentence.len());
        (start + 2..=longest).rev().find(|&end| {
            let forms: Vec<&str> = words[start..end].iter().map(|w| w.match_form.as_str()).collect();
            sentence[start..end].iter().all(|t| t.kind == TokenKind::Word)
                && gazetteer.name_types(&forms.join(" ")).contains(&EntityType::Per)
        })
    };
    let particle_first = span.start < span.end && is_function_word(sentence[span.start].text(text));
    let whole = (particle_first && entity_type == EntityType::Per).then(|| listed_end(span.start)).flatten();
    match whole.filter(|&end| end >= span.end) {
        Some(end) => span.end = end,
        None => {
            while span.end - span.start > 1 && is_function_word(sentence[span.start].text(text)) {
                span.start += 1;
            }
        }
    }
    // Nor does it end in one (… إلى, … أو: about 120 SaudiNewsNet mentions), but على is also Ali
    // as some papers spell it (وليد بن على), إن the N of CNN (سي إن إن) and فان "van" (لويس فان
    // خال).
    while span.end - span.start > 1 && {
        let last = sentence[span.end - 1].text(text);
        is_function_word(last) && !matches!(last, "على" | "إن" | "ان" | "فان" | "فإن" | "وإن" | "وان")
    } {
        span.end -= 1;
    }
    // "and the hospital" ends a name before it (جامعة الملك سعود ومستشفى الملك فهد).
    while span.end - span.start > 1 && is_and_institution(words[span.end - 1]) {
        span.end -= 1;
    }
    if span.is_empty() {
        return None;
    }
    if entity_type == EntityType::Per {
        if let Some(named) = named_after_royal(text, sentence, words, &span, method, score) {
            return Some(named);
        }
    }
    let first = words[span.start];
    let first_token = sentence[span.start];
    let mut start = first_token.start;
    let mut first_form = first.match_form.clone();
    let known = |form: &str| gazetteer.word_flags(form) & !flags::TITLE != 0 || !gazetteer.name_types(form).is_empty();
    let rest: Vec<&str> = words[span.start + 1..span.end].iter().map(|w| w.match_form.as_str()).collect();
    let whole_known = |first: &str| {
        !rest.is_empty() && {
            let mut key = first.to_string();
            for word in &rest {
                key.push(' ');
                key.push_str(word);
            }
            !gazetteer.name_types(&key).is_empty()
        }
    };
    // The known reading with the fewest letters cut: وكامل is و + كامل (Kamel), not وك + امل. A
    // word some list knows alone still loses its clitic when only a reading makes the span a
    // listed name: لعيد الفطر is ل + عيد الفطر.
    // No name begins with a clitic before عبد: وعبدالمحسن is و + عبدالمحسن, the lists knowing the
    // compound or not, nor بعبد اللهيان (28 SaudiNewsNet persons kept the و or ب).
    let abd = |r: &str| r.starts_with("عبد") && (r.chars().count() > 3 || !rest.is_empty());
    let reading = if whole_known(&first.match_form) {
        None // the span is a listed name as written: لاس فيغاس is Las Vegas
    } else if !known(&first.match_form) {
        first.readings.iter().filter(|(r, _)| known(r) || whole_known(r) || abd(r)).min_by_key(|(_, cut)| *cut)
    } else {
        first.readings.iter().filter(|(r, _)| whole_known(r)).min_by_key(|(_, cut)| *cut)
    };
    if let Some((reading, removed)) = reading {
        start = skip_letters(text, first_token, *removed);
        first_form = reading.clone();
    }
    let end = sentence[span.end - 1].end;
    let mut match_text = first_form;
    for word in &words[span.start + 1..span.end] {
        match_text.push(' ');
        match_text.push_str(&word.match_form);
    }
    // A month that is also a listed firm's name is the firm where the tagger says so and no date
    // is beside it: نيسان is April in the Levant and Nissan (تقدم نيسان «أورفان», but أبريل
    // (نيسان) الماضي and 28 نيسان are months).
    let listed_firm = || {
        let not_punct = |i: &usize| sentence[*i].kind != TokenKind::Punct;
        let is_date = |i: usize| sentence[i].kind == TokenKind::Number || words[i].flags & flags::CALENDAR != 0;
        entity_type == EntityType::Org
            && super::gazetteer::curated_type(&match_text) == Some(EntityType::Org)
            && !(0..span.start).rev().find(not_punct).is_some_and(is_date)
            && !(span.end..sentence.len()).find(not_punct).is_some_and(is_date)
    };
    // لي alone is "to me" (183 SaudiNewsNet person mentions), not the Chinese surname Li, which
    // comes with a given name (لي كه تشيانغ).
    let to_me = match_text == "لي";
    if (is_never_a_mention(&match_text, gazetteer) && !listed_firm()) || is_function_word(&text[start..end]) || to_me {
        return None;
    }
    let title = title_span(text, sentence, words, span.start, gazetteer);
    // God is not a person: ANERcorp tags الله on its own MISC (48 times; PERS 3 times).
    let entity_type = if match_text == "الله" { EntityType::Misc } else { entity_type };
    Some(Candidate { sentence: 0, tokens: span, start, end, match_text, entity_type, method, score, title })
}

/// و ("and") glued to an institution's or a place's noun: ومستشفى, وجامعة.
fn is_and_institution(word: &super::features::WordFeatures) -> bool {
    word.match_form.starts_with('و')
        && word.readings.iter().any(|(reading, cut)| {
            *cut == 1
                && matches!(
                    institution_word(reading),
                    Some((InstitutionWord::Organization | InstitutionWord::Place, _))
                )
        })
}

/// A royal's, sheikh's or imam's name after an institution's or a place's noun and the title names
/// that institution or place, not the person: مركز الملك سلمان للإغاثة, جامعة الملك سعود,
/// مستشفى الملك فهد (organizations), مطار الملك عبدالعزيز, طريق الملك فهد (places): 4,278
/// mentions on SaudiNewsNet, most of them person mentions of kings before. The mention runs from the noun
/// (without its clitics: وجامعة) to the end of the name; `span` is the name's.
fn named_after_royal(
    text: &str,
    sentence: &[Token],
    words: &[&super::features::WordFeatures],
    span: &Range<usize>,
    method: MentionMethod,
    score: f32,
) -> Option<Candidate> {
    let title = span.start.checked_sub(1)?;
    let noun = span.start.checked_sub(2)?;
    if !matches!(institution_word(&words[title].match_form), Some((InstitutionWord::Title, _))) {
        return None;
    }
    let readings = std::iter::once((words[noun].match_form.as_str(), 0))
        .chain(words[noun].readings.iter().map(|(reading, cut)| (reading.as_str(), *cut)));
    let (noun_form, cut, entity_type) = readings.into_iter().find_map(|(form, cut)| match institution_word(form) {
        Some((InstitutionWord::Organization, _)) => Some((form, cut, EntityType::Org)),
        Some((InstitutionWord::Place, _)) => Some((form, cut, EntityType::Loc)),
        _ => None,
    })?;
    let match_text = std::iter::once(noun_form)
        .chain(words[title..span.end].iter().map(|w| w.match_form.as_str()))
        .collect::<Vec<_>>()
        .join(" ");
    Some(Candidate {
        sentence: 0,
        tokens: noun..span.end,
        start: skip_letters(text, sentence[noun], cut),
        end: sentence[span.end - 1].end,
        match_text,
        entity_type,
        method,
        score,
        title: None,
    })
}

/// Where the title before word `start` of a sentence is written ([`title_before`]), without a
/// conjunction glued to it (ووزير الدفاع).
fn title_span(
    text: &str,
    sentence: &[Token],
    words: &[&super::features::WordFeatures],
    start: usize,
    gazetteer: &Gazetteer,
) -> Option<Range<usize>> {
    title_before(sentence, words, start).map(|first| {
        let clitic = if gazetteer.word_flags(&words[first].match_form) & flags::TITLE != 0 {
            0
        } else {
            words[first].readings.iter().find(|(r, _)| gazetteer.word_flags(r) & flags::TITLE != 0).map_or(0, |r| r.1)
        };
        skip_letters(text, sentence[first], clitic)..sentence[start - 1].end
    })
}

/// The first word of the run of title words right before word `start` of a sentence: titles
/// (`الرئيس`, `Gen.`), the nisba adjectives that qualify them (`الرئيس الروسي`) and the nouns that
/// complete them (`وزير الدفاع`).
fn title_before(sentence: &[Token], words: &[&super::features::WordFeatures], start: usize) -> Option<usize> {
    let mut first = None;
    let mut index = start;
    while index > 0 && start - index < 5 {
        let position = index - 1;
        if sentence[position].kind != TokenKind::Word {
            break;
        }
        let form = words[position].match_form.as_str();
        let title_at = |p: usize| {
            (words[p].flags & flags::TITLE != 0 || RANKS.contains(&words[p].match_form.as_str()))
                && half_of_a_title(words, p) != Some(false)
        };
        let is_title = title_at(position);
        let is_qualifier = is_nisba_adjective(form) && position > 0 && title_at(position - 1);
        // A complement follows a title or another complement: Secretary of the Treasury.
        let is_complement = is_title_complement(form)
            && (position > 0 && title_at(position - 1)
                || position > 1 && is_title_complement(&words[position - 1].match_form));
        // A field before a title already found is part of it: External Trade Commissioner, Farm
        // Commissioner (Reuters-21578 had External Trade alone as a name).
        let is_field = first.is_some() && is_title_field(form);
        if !(is_title || is_qualifier || is_complement || is_field) {
            break;
        }
        // The title's words start with a title, not with "of the".
        if is_title || is_qualifier || is_field {
            first = Some(position);
        }
        index = position;
    }
    first
}

/// Words of the title list that are titles only with the title word they complete: آية الله (آية
/// alone is the end of ولاية, "state", read as و + ل + آية: 645 SaudiNewsNet titles had been اية;
/// الله alone is God: حزب الله, رحمه الله), الأمين العام and المدير العام (العام alone: النقل العام
/// بجدة), ولي العهد (ولاية العهد), خادم الحرمين الشريفين. `Some(true)` for such a word beside the
/// one it completes, `Some(false)` without it, `None` for other words.
fn half_of_a_title(words: &[&super::features::WordFeatures], position: usize) -> Option<bool> {
    let reads = |index: usize, form: &str| {
        words[index].match_form == form || words[index].readings.iter().any(|(reading, _)| reading == form)
    };
    let after = |form: &str| position > 0 && reads(position - 1, form);
    if reads(position, "ايه") {
        return Some(words.get(position + 1).is_some_and(|next| next.match_form == "الله"));
    }
    match words[position].match_form.as_str() {
        "الله" => Some(after("ايه")),
        "العام" => Some(position > 0 && words[position - 1].flags & flags::TITLE != 0),
        "العهد" => Some(after("ولي")),
        "الحرمين" => Some(after("خادم")),
        "الشريفين" => Some(after("الحرمين")),
        _ => None,
    }
}

/// The byte offset in `token` after its first `letters` letters (tashkeel and tatweel, which the
/// match form drops, do not count).
fn skip_letters(text: &str, token: Token, letters: usize) -> usize {
    let mut seen = 0;
    for (offset, c) in text[token.start..token.end].char_indices() {
        let is_letter = !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}');
        if is_letter {
            if seen == letters {
                return token.start + offset;
            }
            seen += 1;
        }
    }
    token.end
}

/// Arabic prepositions and particles, as written: على is "on" even though its match form is that
/// of the name علي.
fn is_function_word(text: &str) -> bool {
    lexicon(Lexicon::ArabicFunctionWords).contains(text)
}

/// Month and weekday names, lone letters and numbers are not entities.
fn is_never_a_mention(match_text: &str, gazetteer: &Gazetteer) -> bool {
    let letters = match_text.chars().filter(|c| c.is_alphabetic()).count();
    letters < 2
        || match_text
            .split(' ')
            .all(|w| gazetteer.word_flags(w) & flags::CALENDAR != 0 || w.chars().all(|c| c.is_ascii_digit()))
        || lexicon(Lexicon::ArabicHonorifics).contains(match_text)
        || lexicon(Lexicon::ArabicLetterNames).contains(match_text)
}

/// Everyday English words that are also listed as surnames (Street, April, Lynch is not one).
fn is_english_word(word: &str) -> bool {
    lexicon(Lexicon::EverydayWords).contains(word)
}

/// Nationality adjectives and demonyms (English): the -ian and -ean endings, a listed place's name
/// ending in -a with an -n after it (Venezuelan, Nicaraguan, Ugandan: places on Reuters-21578
/// 100 times), and data/lexicons/english-demonyms.txt.
fn is_demonym(match_text: &str) -> bool {
    let last = match_text.rsplit(' ').next().unwrap_or(match_text);
    let ian = match_text.chars().all(|c| c.is_ascii_alphabetic() || c == ' ')
        && (last.ends_with("ian") || last.ends_with("ean"))
        && last.len() > 5;
    let place_an = last.len() > 4
        && last.strip_suffix('n').is_some_and(|place| {
            place.ends_with('a') && Gazetteer::bundled().name_types(place).contains(&EntityType::Loc)
        });
    ian || place_an || lexicon(Lexicon::Demonyms).contains(match_text)
}

/// Latin-script mentions: maximal runs of capitalized words (with connectors such as "of" and
/// "al" inside), typed by the gazetteer, a title before them, or an organization word in them.
fn capitalized_names(text: &str, sentence: &[Token], gazetteer: &Gazetteer) -> Vec<Candidate> {
    let words: Vec<super::features::WordFeatures> =
        sentence.iter().map(|t| super::features::WordFeatures::of(t.text(text), gazetteer)).collect();
    let borrowed: Vec<&super::features::WordFeatures> = words.iter().collect();
    let names = gazetteer.find_names(&name_variants(&borrowed));
    let shouting =
        sentence.iter().filter(|t| t.kind == TokenKind::Word).all(|t| !t.text(text).chars().any(|c| c.is_lowercase()));
    let capitalized = |i: usize| {
        let token = sentence[i];
        let word = token.text(text);
        token.kind == TokenKind::Word
            && word.chars().next().is_some_and(char::is_uppercase)
            && !shouting
            && words[i].flags & flags::TITLE == 0
    };
    let mut found = Vec::new();
    let mut position = 0;
    while position < sentence.len() {
        if !capitalized(position) {
            position += 1;
            continue;
        }
        let mut end = position + 1;
        // A weekday or month ends a name it follows ("Clayton Yeutter Monday", "EDT March").
        let continues = |i: usize| capitalized(i) && words[i].flags & flags::CALENDAR == 0;
        // A person is not "of" the place after him ("Robert Dole of Kansas", "Hissene Habre of
        // Chad"); "Bank of America" is a name, with its organization word.
        let person_of_place = |start: usize, connector: usize| {
            words[start].flags & flags::PERSON_PART != 0
                && words[connector].match_form == "of"
                && !words[start..connector].iter().any(is_organization_word)
                && names.iter().any(|n| n.start == connector + 1 && n.types.contains(&EntityType::Loc))
        };
        // "Moody's Investors Service Inc", "Standard and Poor's Corp": a possessive inside a firm's
        // name, after one word, when the run after it ends in a legal form. After two words it is
        // a person's ("Rupert Murdoch's News Corp Ltd").
        let possessive_firm = |word: usize, apostrophe: usize| -> Option<usize> {
            let is_possessive = sentence.get(apostrophe).is_some_and(|t| matches!(t.text(text), "'" | "’"))
                && sentence
                    .get(apostrophe + 1)
                    .is_some_and(|t| t.text(text) == "s" && t.start == sentence[apostrophe].end);
            if !is_possessive || apostrophe != word + 1 || is_company_suffix(&words[word].match_form) {
                return None;
            }
            let mut after = apostrophe + 2;
            while after < sentence.len() && continues(after) {
                after += 1;
                if is_company_suffix(&words[after - 1].match_form) {
                    return Some(after);
                }
            }
            None
        };
        // "Securities and Exchange Commission", "Procter and Gamble Co": "and" joins two runs into
        // one organization's name when the second ends in an organization word and the first has
        // none and is no name of its own (not "Britain and France", "Bank of England and …").
        let joined_by_and = |start: usize, and: usize| -> Option<usize> {
            if !matches!(words[and].match_form.as_str(), "and" | "&") || and + 1 >= sentence.len() {
                return None;
            }
            let first = &words[start..and];
            let first_form = first.iter().map(|w| w.match_form.as_str()).collect::<Vec<_>>().join(" ");
            let mut after = and + 1;
            while after < sentence.len() && continues(after) {
                after += 1;
            }
            if let Some(firm) = (after == and + 2).then(|| possessive_firm(and + 1, after)).flatten() {
                return Some(firm);
            }
            let second = &words[and + 1..after];
            // Nor after a person's full name ("Clayton Yeutter and Commerce Department") or a
            // listed name, unless only "Co" and the like follow: Bear Stearns and Co Inc, Samuel
            // Montagu and Co Ltd, Morgan Stanley and Co Inc.
            let only_company = !second.is_empty() && second.iter().all(is_organization_word);
            if first.iter().any(is_organization_word)
                || (!gazetteer.name_types(&first_form).is_empty() && !only_company)
            {
                return None;
            }
            let person = first.len() >= 2 && first[0].flags & flags::PERSON_PART != 0;
            (second.iter().any(is_organization_word) && (!person || only_company)).then_some(after)
        };
        // A weekday or month starts no longer name either ("Friday Reagan").
        let calendar_start = words[position].flags & flags::CALENDAR != 0;
        loop {
            // "Standard and Poor's Corp. Stephens Inc": a legal form with its full stop ends a
            // firm's name unless another follows (Co. Inc).
            let after_legal_form = words[end - 1].match_form.ends_with('.')
                && is_company_suffix(&words[end - 1].match_form)
                && !(end < sentence.len() && is_company_suffix(&words[end].match_form));
            if calendar_start || after_legal_form {
                break;
            } else if end < sentence.len() && continues(end) {
                end += 1;
            } else if end + 2 < sentence.len()
                && words[end].match_form == "of"
                && words[end + 1].match_form == "the"
                && continues(end + 2)
            {
                // "Bank of the West": "the" joins only after "of".
                end += 3;
            } else if let Some(after) = (end < sentence.len()).then(|| joined_by_and(position, end)).flatten() {
                end = after;
            } else if let Some(after) = (end == position + 1).then(|| possessive_firm(position, end)).flatten() {
                end = after;
            } else if end + 1 < sentence.len()
                && lexicon(Lexicon::Connectors).contains(words[end].match_form.as_str())
                && continues(end + 1)
                && !person_of_place(position, end)
            {
                end += 2;
            } else {
                break;
            }
        }
        let mut span = position..end;
        // "The", "In", "But" … capitalized only because they start a sentence.
        while span.len() > 1 && lexicon(Lexicon::SentenceStarters).contains(words[span.start].match_form.as_str()) {
            span.start += 1;
        }
        // "Secretary of State George Shultz", "Secretary of the Treasury James Baker": the
        // department ends the title, a given name starts the person's name.
        let department_of_title = span.len() >= 3
            && is_title_complement(&words[span.start].match_form)
            && words[span.start + 1].flags & flags::PERSON_PART != 0
            && title_before(sentence, &borrowed, span.start).is_some();
        if department_of_title {
            span.start += 1;
        }
        // A listed name that goes on past the run is the name: "General Agreement on Tariffs
        // and Trade" ("on" joins no other run).
        if let Some(listed) = names.iter().find(|n| n.start == span.start && n.end > span.end) {
            span.end = listed.end;
        }
        // A known place or organization that starts a longer run ("U.S. Treasury", "Japanese
        // Finance Ministry" aside) is a mention of its own, unless the whole run is a known name.
        // A firm's legal form at the end makes the whole run a firm's name: "Texas Instruments
        // Inc", "Piedmont Aviation Inc", "Japan Airlines" (the places that begin firms' names were
        // 935 place mentions on Reuters-21578).
        let whole_known = names.iter().any(|n| n.start == span.start && n.end == span.end)
            || is_company_suffix(&words[span.end - 1].match_form);
        let first_names = words[span.start].flags & (flags::PERSON_PART | flags::PERSON_NAME) != 0;
        if let Some(head) =
            names.iter().find(|n| n.start == span.start && n.end < span.end && !whole_known && !first_names)
        {
            span.end = head.end;
        }
        position = span.end.max(position + 1);
        if span.len() == 1 && lexicon(Lexicon::SentenceStarters).contains(words[span.start].match_form.as_str()) {
            continue;
        }
        let mut match_text = words[span.clone()].iter().map(|w| w.match_form.as_str()).collect::<Vec<_>>().join(" ");
        // "New York-based", "Edelman-led": the name ends at the hyphen.
        let last = sentence[span.end - 1];
        let suffix = lower_case_suffix(last.text(text));
        if let Some(suffix) = suffix {
            match_text.truncate(match_text.len() - suffix.len());
        }
        let known = gazetteer.name_types(&match_text);
        let after_title = span.start > 0 && words[span.start - 1].flags & flags::TITLE != 0;
        // After a comma a capital is the name's own ("the Federal Reserve Board, Paul Volcker, …").
        let sentence_start = span.start == 0
            || (sentence[span.start - 1].kind == TokenKind::Punct && sentence[span.start - 1].text(text) != ",");
        let single_common = span.len() == 1 && lexicon(Lexicon::CommonCapitalized).contains(match_text.as_str());
        let entity_type = if is_demonym(&match_text) {
            // "French", "West German", "Canadian": adjectives of a place, MISC as in CoNLL.
            EntityType::Misc
        } else if single_common {
            continue;
        } else if after_title
            && span.len() == 1
            && known.iter().all(|t| matches!(t, EntityType::Org | EntityType::Misc))
        {
            // "Chairman Volcker": right after a title, one word is a person, whatever a noisy
            // list says (places keep their type: "President Obama" aside, "Minister Israel" is
            // not a person).
            EntityType::Per
        } else if let Some(&first) = known.first() {
            // Of a name's listed types, the curated lists' (Mobil: a firm, though a list of
            // places has it).
            super::gazetteer::curated_type(&match_text).filter(|t| known.contains(t)).unwrap_or(first)
        } else if words[span.clone()].iter().any(is_organization_word)
            || is_company_suffix(&words[span.end - 1].match_form)
        {
            EntityType::Org
        } else if after_title
            || (span.len() > 1
                && words[span.start].flags & flags::PERSON_PART != 0
                && words[span.clone()].iter().all(|w| {
                    w.flags & flags::PERSON_PART != 0
                        && !lexicon(Lexicon::CommonCapitalized).contains(w.match_form.as_str())
                })
                && !is_english_word(&words[span.end - 1].match_form))
            || is_given_name_and_surname(&words[span.clone()], sentence[span.end - 1].text(text))
            || has_middle_initial(text, &sentence[span.clone()], &words[span.clone()])
        {
            EntityType::Per
        } else if compass_place(&words[span.clone()], gazetteer) {
            EntityType::Loc
        } else if span.len() > 1 && !sentence_start {
            EntityType::Misc
        } else {
            continue;
        };
        let method = if known.is_empty() { MentionMethod::Model } else { MentionMethod::Gazetteer };
        let score = if known.is_empty() { 0.5 } else { 0.8 };
        if let Some(mut candidate) =
            span_candidate(text, sentence, &borrowed, span, entity_type, method, score, gazetteer)
        {
            candidate.match_text = candidate.match_text.replace(" ' s ", "'s ").replace(" ’ s ", "'s ");
            // The suffix is ASCII: as long in the match form as in the text.
            if let Some(suffix) = suffix.filter(|_| candidate.end == last.end) {
                candidate.end -= suffix.len();
                let kept = candidate.match_text.len().saturating_sub(suffix.len());
                candidate.match_text.truncate(kept);
            }
            found.push(candidate);
        }
    }
    for name in names {
        let overlaps = found.iter().any(|c| c.tokens.start < name.end && name.start < c.tokens.end);
        let Some(&entity_type) = name.types.iter().find(|&&t| t != EntityType::Per || name.end - name.start > 1) else {
            continue;
        };
        // "German" in "West German Finance Minister": a demonym, MISC as everywhere else.
        let entity_type = if is_demonym(&name.match_form) { EntityType::Misc } else { entity_type };
        let starts_with_word = sentence[name.start].kind == TokenKind::Word;
        if name.end - name.start == 1 && lexicon(Lexicon::CommonCapitalized).contains(name.match_form.as_str()) {
            continue;
        }
        // Lower-case words that happen to be names ("china" the material) are not taken;
        // "al-Qaeda" is cased inside.
        let cased = sentence[name.start].text(text).chars().any(char::is_uppercase);
        if !overlaps && starts_with_word && (cased || shouting) {
            if let Some(candidate) = span_candidate(
                text,
                sentence,
                &borrowed,
                name.start..name.end,
                entity_type,
                MentionMethod::Gazetteer,
                0.7,
                gazetteer,
            ) {
                found.push(candidate);
            }
        }
    }
    for (index, &token) in sentence.iter().enumerate() {
        // After a capitalized word the compound is part of a longer name ("Landesbank
        // Rheinland-Pfalz International SA").
        let after_capital = index > 0
            && sentence[index - 1].kind == TokenKind::Word
            && sentence[index - 1].text(text).starts_with(char::is_uppercase);
        if token.kind == TokenKind::Word && !after_capital && !found.iter().any(|c| c.tokens.contains(&index)) {
            found.extend(hyphenated_names(text, token, index, gazetteer));
        }
    }
    found
}

/// Lower-case particles of Arabic and European names, hyphenated to the name ("al-Sabah").
const NAME_PARTICLES: [&str; 17] =
    ["al", "el", "ul", "ad", "ar", "as", "at", "an", "ash", "az", "bin", "ibn", "abu", "abd", "de", "van", "von"];

/// The first parts of compounds such as Franco-U.S. or Sino-Soviet: no names of their own.
const COMBINING_FORMS: [&str; 12] =
    ["anglo", "franco", "sino", "russo", "indo", "afro", "greco", "italo", "austro", "belgo", "hispano", "luso"];

/// "U.S.-Japan talks", "the Iran-Iraq war", "U.S.-Soviet relations", "U.S.-made": the listed
/// places and organizations a hyphen joins in one word that no longer name covers are mentions
/// of their own, and so are their nationality adjectives (MISC). Every other part must be lower
/// case ("made", "non") or a combining form (Franco-, Sino-): "Petro-Canada", "Trans-Canada"
/// and "Georgia-Pacific" are firms, and give no place. A number or a name's particle among the
/// parts makes the word no such compound: "Karbala-5" is an offensive, "IL-2" a drug,
/// "al-Sabah" a family.
fn hyphenated_names(text: &str, token: Token, index: usize, gazetteer: &Gazetteer) -> Vec<Candidate> {
    let word = token.text(text);
    if !word.contains('-') || !gazetteer.name_types(&normalize_for_matching(word)).is_empty() {
        return Vec::new();
    }
    let mut names = Vec::new();
    let mut start = token.start;
    for part in word.split('-') {
        let (part_start, end) = (start, start + part.len());
        start = end + 1;
        let form = normalize_for_matching(part);
        if part.chars().any(|c| c.is_ascii_digit()) || NAME_PARTICLES.contains(&form.as_str()) {
            return Vec::new();
        }
        if !part.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        if COMBINING_FORMS.contains(&form.as_str()) {
            continue;
        }
        let types = gazetteer.name_types(&form);
        let entity_type = if is_demonym(&form) {
            EntityType::Misc
        } else {
            match super::gazetteer::curated_type(&form).or_else(|| types.first().copied()) {
                Some(t @ (EntityType::Loc | EntityType::Org)) if types.contains(&t) => t,
                _ => return Vec::new(),
            }
        };
        names.push(Candidate {
            sentence: 0,
            tokens: index..index + 1,
            start: part_start,
            end,
            match_text: form,
            entity_type,
            method: MentionMethod::Gazetteer,
            score: 0.7,
            title: None,
        });
    }
    // Nationality adjectives alone ("Sino-Soviet") are no more than the one word they are.
    if names.iter().all(|c| c.entity_type == EntityType::Misc) {
        return Vec::new();
    }
    names
}

/// A word that makes a run of capitalized words an organization (Corp, Ministry, Commission).
/// A firm's legal form or trade (Inc, Corp, Co, Ltd, Airlines): the last word of a firm's name.
fn is_company_suffix(form: &str) -> bool {
    lexicon(Lexicon::LegalForms).contains(form) || matches!(form, "airlines" | "airways")
}

fn is_organization_word(word: &super::features::WordFeatures) -> bool {
    lexicon(Lexicon::OrganizationWords).contains(word.match_form.as_str())
}

/// Two capitalized words, a known name part and a word no list knows, neither of them an English
/// word: "Paul Volcker", "Dilson Funaro" (the surnames the lists lack are mostly foreign ones),
/// not "Reagan Administration", "Perkins Engines", "Mark IV", "Paris Club" (Paris is a place).
/// A surname's particle may stand between them: "Willy De Clercq", "Miguel de la Madrid".
fn is_given_name_and_surname(words: &[super::features::WordFeatures], surname_as_written: &str) -> bool {
    const PARTICLES: [&str; 10] = ["de", "van", "von", "del", "da", "di", "du", "der", "la", "dos"];
    let (given, surname) = match words {
        [given, surname] => (given, surname),
        [given, particles @ .., surname] if particles.len() <= 2 => {
            if !particles.iter().all(|p| PARTICLES.contains(&p.match_form.as_str())) {
                return false;
            }
            (given, surname)
        }
        _ => return false,
    };
    let english = |form: &str| {
        is_english_word(form)
            || lexicon(Lexicon::EnglishWords).contains(form)
            || lexicon(Lexicon::CommonCapitalized).contains(form)
            || form.strip_suffix('s').is_some_and(|stem| lexicon(Lexicon::EnglishWords).contains(stem))
    };
    given.flags & !(flags::PERSON_PART | flags::PERSON_NAME) == 0
        && given.flags & flags::PERSON_PART != 0
        && !english(&given.match_form)
        && surname.flags == 0
        && surname.match_form.chars().count() >= 3
        && surname_as_written.chars().any(char::is_lowercase)
        && !english(&surname.match_form)
        && !is_demonym(&surname.match_form)
}

/// A point of the compass and a listed place are a place: Western Europe, West Texas, Southern
/// California, Northern Ireland, Eastern Canada (about 100 Reuters-21578 mentions had been MISC).
fn compass_place(words: &[super::features::WordFeatures], gazetteer: &Gazetteer) -> bool {
    match words {
        [compass, place] => {
            lexicon(Lexicon::CompassWords).contains(compass.match_form.as_str())
                && gazetteer.name_types(&place.match_form).contains(&EntityType::Loc)
        }
        _ => false,
    }
}

/// A given name, middle initials and a surname: "John H. Geiger", "Ivan F. Boesky" (206 such
/// names on Reuters-21578 had been MISC).
fn has_middle_initial(text: &str, run: &[Token], words: &[super::features::WordFeatures]) -> bool {
    let initial = |token: &Token| {
        let mut chars = token.text(text).chars();
        matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
    };
    match (run, words) {
        ([first_token, middle @ .., last_token], [first, .., last]) if !middle.is_empty() => {
            first.flags & flags::PERSON_PART != 0
                && !initial(first_token)
                && middle.iter().all(initial)
                && !initial(last_token)
                && !is_organization_word(last)
                && !is_company_suffix(&last.match_form)
        }
        _ => false,
    }
}

/// The lower-case end of a hyphenated word after a capitalized start, hyphen included: "-based"
/// in "York-based", "-led" in "Edelman-led"; not in "al-Qaeda" (lower case first) or "Rolls-Royce".
fn lower_case_suffix(word: &str) -> Option<&str> {
    let hyphen = word.rfind('-')?;
    let (head, suffix) = (&word[..hyphen], &word[hyphen + 1..]);
    let capitalized = head.chars().next().is_some_and(char::is_uppercase);
    let lower = suffix.len() >= 2 && suffix.chars().all(|c| c.is_ascii_lowercase());
    (capitalized && lower).then(|| &word[hyphen..])
}

/// Titles before each mention, character offsets, and the final order (by position).
fn finish(text: &str, mut candidates: Vec<Candidate>) -> Vec<Mention> {
    // A body's noun after ل keeps the ل in the span, which cannot part them (للبنك is ل + البنك),
    // but is matched with its article, as the name is written alone: للبنك المركزي الأوروبي and
    // البنك المركزي الأوروبي are one bank (~500 SaudiNewsNet organizations were matched so).
    // Before its article or the noun itself, و, ف, ب, ك or ل is cut off the span (والبنك المركزي:
    // "and the bank"; لمنظمة بتسيلم: "according to the B'Tselem organization").
    let bodies = lexicon_in_match_form(Lexicon::ArabicBodyNouns);
    let body = |word: &str| bodies.contains(word) || matches!(word, "البنك" | "المصرف");
    for candidate in &mut candidates {
        let first_word = |form: &str| form.split(' ').next().unwrap_or_default().to_string();
        if let Some(rest) = candidate.match_text.strip_prefix("لل") {
            // So is a name of more words that begins with an organization's noun: للاتحاد السعودي
            // لكرة القدم, للوكالة الدولية للطاقة الذرية.
            if body(&format!("ال{}", first_word(rest))) {
                candidate.match_text = format!("ال{rest}");
            } else if let Some(alone) = without_lam(&candidate.match_text) {
                candidate.match_text = alone;
            }
            continue;
        }
        let mut letters = candidate.match_text.chars();
        let (Some(clitic @ ('و' | 'ف' | 'ب' | 'ك' | 'ل')), rest) = (letters.next(), letters.as_str()) else {
            continue;
        };
        let whole = first_word(&candidate.match_text);
        if body(&first_word(rest)) && !body(&whole) && text[candidate.start..].starts_with(clitic) {
            candidate.start += clitic.len_utf8();
            candidate.match_text = rest.to_string();
        }
    }
    // An English name inside another's title is part of that title (EC External Trade
    // Commissioner Willy De Clercq: External Trade had been a name of its own).
    let titles: Vec<Range<usize>> = candidates.iter().filter_map(|c| c.title.clone()).collect();
    candidates.retain(|c| !(c.match_text.is_ascii() && titles.iter().any(|t| t.start <= c.start && c.end <= t.end)));
    candidates.sort_by_key(|c| (c.start, c.end));
    candidates.dedup_by(|b, a| a.start < b.end && b.start < a.end); // drop overlaps, keep the first
    let mut byte_offsets: Vec<usize> = candidates.iter().flat_map(|c| [c.start, c.end]).collect();
    byte_offsets.sort_unstable();
    let chars = char_offsets(text, &byte_offsets);
    let to_char = |byte: usize| chars[byte_offsets.partition_point(|&b| b < byte)];
    candidates
        .into_iter()
        .map(|c| Mention {
            sentence: c.sentence,
            start: to_char(c.start),
            end: to_char(c.end),
            text: text[c.start..c.end].to_string(),
            title: c.title.map(|range| text[range].to_string()),
            match_text: c.match_text,
            entity_type: c.entity_type,
            method: c.method,
            score: c.score,
        })
        .collect()
}

/// A match form shaped like a nisba adjective with the article (السوداني, الروسي).
fn is_nisba_adjective(form: &str) -> bool {
    // Not الذي, التي ("which") nor الي (إلى, "to").
    form.starts_with("ال") && form.ends_with('ي') && form.chars().count() >= 5
}

/// Fields an English title names before itself: External Trade Commissioner, Farm Commissioner.
fn is_title_field(form: &str) -> bool {
    matches!(
        form,
        "external"
            | "trade"
            | "relations"
            | "farm"
            | "agriculture"
            | "foreign"
            | "finance"
            | "industry"
            | "competition"
            | "railroad"
            | "energy"
            | "monetary"
            | "fisheries"
            | "transport"
            | "budget"
            | "commerce"
            | "treasury"
    )
}

/// Words that continue a title: "وزير الدفاع", "قائد العمليات الخارجية" hold nouns after the
/// title word itself.
fn is_title_complement(form: &str) -> bool {
    matches!(
        form,
        "الدفاع"
            | "الخارجيه"
            | "الداخليه"
            | "العام"
            | "الوزراء"
            | "الجمهوريه"
            | "الاركان"
            // الفريق أول, العريف أول, ملازم أول: "first" of a rank.
            | "اول"
            | "of"
            | "the"
            | "defense"
            | "defence"
            | "state"
            | "treasury"
            | "commerce"
            | "agriculture"
            | "energy"
            | "labor"
            | "interior"
            | "transportation"
            | "justice"
            | "health"
            | "education"
            | "housing"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each mention's text and type.
    fn texts_and_types(mentions: &[Mention]) -> Vec<(&str, &str)> {
        mentions.iter().map(|m| (m.text.as_str(), m.entity_type.as_str())).collect()
    }

    /// The texts of the persons found in an Arabic text.
    fn persons_in(text: &str) -> Vec<String> {
        extract_mentions(text, Language::Arabic)
            .into_iter()
            .filter(|m| m.entity_type == EntityType::Per)
            .map(|m| m.text)
            .collect()
    }

    #[test]
    fn clitic_is_not_part_of_the_mention() {
        let text = "وصل الوفد بموسكو أمس";
        let token = tokenize(text)[2];
        assert_eq!(&text[skip_letters(text, token, 1)..token.end], "موسكو");
    }

    #[test]
    fn and_glued_to_a_name_the_article_also_writes_alone_is_cut() {
        // SaudiNewsNet (2015-07-21): "… تقلق جماهير تشلسي ومورينيو" after two bare مورينيو.
        let text = "الفريق اللندني قادرا على تكرار سيناريو 2005 و2006 والفوز مع مورينيو باللقب للمرة الثانية على التوالي. \nويأمل مورينيو أن يتخلص مهاجمه الإسباني دييجو كوستا من مشكلته العضلية، ولا سيما أنها تقلق جماهير تشلسي ومورينيو خصوصا أنها ليست جديدة. وقال وزير الخارجية السوري وليد المعلم إن بلاده ستشارك.";
        let mentions = extract_mentions(text, Language::Arabic);
        let mourinho: Vec<_> = mentions.iter().filter(|m| m.match_text == "مورينيو").collect();
        assert_eq!(mourinho.len(), 3, "{mentions:?}");
        // Offsets count characters, as documents.text does.
        let slice = |m: &Mention| text.chars().skip(m.start).take(m.end - m.start).collect::<String>();
        assert!(mourinho.iter().all(|m| slice(m) == "مورينيو" && m.text == "مورينيو"), "{mourinho:?}");
        // Walid al-Muallem's name begins with the letter: no mention begins with ليد.
        assert!(mentions.iter().any(|m| m.text == "وليد المعلم"), "{mentions:?}");
    }

    #[test]
    fn a_title_inside_a_persons_span_starts_another_person() {
        // SaudiNewsNet (the Taliban's statement on Mullah Omar's successor), twice as many times.
        let text = "وبعد مشاورات طويلة عينوا الرفيق القريب والنائب السابق للملا عمر الملا أختر محمد منصور أميرا جديدا لإمارة أفغانستان الإسلامية.";
        let mentions = extract_mentions(text, Language::Arabic);
        assert!(mentions.iter().all(|m| !(m.text.contains("عمر") && m.text.contains("منصور"))), "{mentions:?}");
        let mansour = mentions.iter().find(|m| m.text.starts_with("أختر محمد منصور"));
        assert_eq!(mansour.and_then(|m| m.title.as_deref()), Some("الملا"), "{mentions:?}");
    }

    /// The types of the mentions written `text`, in order.
    fn types_of(mentions: &[Mention], text: &str) -> Vec<EntityType> {
        mentions.iter().filter(|m| m.text == text).map(|m| m.entity_type).collect()
    }

    /// The texts of the mentions of one type, in order.
    fn texts_of(mentions: &[Mention], entity_type: EntityType) -> Vec<&str> {
        mentions.iter().filter(|m| m.entity_type == entity_type).map(|m| m.text.as_str()).collect()
    }

    #[test]
    fn a_clubs_common_word_outside_sports_is_no_club() {
        // SaudiNewsNet: the nuclear agreement and the European Union had been the clubs Al
        // Ettifaq and Al Ittihad; al-Shabaab is a movement, Etihad a company.
        let text = "وقال جون كيري أمام الكونغرس الأميركي أمس إن الاتفاق الذي تم التوصل إليه مع طهران لا يقوم على الثقة. وتحاول بريطانيا تحسين شروط بقائها في الاتحاد. وينشر الاتحاد الإفريقي أكثر من 20 ألف جندي في الصومال لمساعدة الحكومة في مواجهة حركة الشباب. وأكدت شركة الاتحاد أنها تعارض دفع تعويضات. وتم ذلك بالتعاون مع وزارة الخارجية.";
        let mentions = extract_mentions(text, Language::Arabic);
        let organizations = texts_of(&mentions, EntityType::Org);
        for word in ["الاتفاق", "الاتحاد", "الشباب", "التعاون"] {
            assert!(!organizations.contains(&word), "{word} in {organizations:?}");
        }
        assert!(organizations.contains(&"حركة الشباب"), "{organizations:?}");
        assert!(organizations.contains(&"شركة الاتحاد"), "{organizations:?}");
        // In a sports story the club is still found.
        let sports = "وقال مدرب الفريق إن لاعب الاتفاق سجل هدفين في المباراة أمام الهلال في الدوري.";
        let mentions = extract_mentions(sports, Language::Arabic);
        assert!(texts_of(&mentions, EntityType::Org).contains(&"الاتفاق"), "{mentions:?}");
    }

    #[test]
    fn youth_and_bodies_before_a_clubs_name_in_any_story() {
        // SaudiNewsNet: the tagger, in whole sports stories, read الشباب as the club after these
        // (31 after لرعاية) and in حركة الشباب; the rule on such candidates.
        let gazetteer = Gazetteer::bundled();
        for (text, expected) in [
            ("وحضر الرئيس العام لرعاية الشباب المباراة", None),
            ("بهدف مشاركة شريحة الشباب في الانتخابات", None),
            ("واظهرت حركة الشباب مهارة في شن هجمات", Some("حركه الشباب")),
        ] {
            let start = text.find("الشباب").unwrap();
            let span = start..start + "الشباب".len();
            let mut candidates = vec![Candidate::found(text, 0, 1..2, span, EntityType::Org, 0.9)];
            // In a sports story.
            clubs_by_their_common_words(text, &mut candidates, gazetteer, || false);
            let found: Vec<&str> = candidates.iter().map(|c| c.match_text.as_str()).collect();
            assert_eq!(found, Vec::from_iter(expected), "{text}");
        }
    }

    #[test]
    fn a_sports_federation_is_named_whole() {
        // SaudiNewsNet: the federation with its sport; a union with a purpose after it; a body's
        // committee, where the body is the name.
        let text = "ويشرف عليه الاتحاد السعودي للرياضات البحرية ويتخلل السباق فعاليات. ودعا الاتحاد الأوروبي لحسم مسألة اللاجئين. وحددت اللجنة التنفيذية للاتحاد الدولي لكرة القدم موعدا للانتخابات.";
        let mentions = extract_mentions(text, Language::Arabic);
        let orgs = texts_of(&mentions, EntityType::Org);
        assert!(orgs.contains(&"الاتحاد السعودي للرياضات البحرية"), "{orgs:?}");
        assert!(orgs.contains(&"الاتحاد الأوروبي"), "{orgs:?}");
        assert!(orgs.iter().any(|o| o.ends_with("لاتحاد الدولي لكرة القدم")), "{orgs:?}");
        assert!(!orgs.iter().any(|o| o.starts_with("اللجنة")), "{orgs:?}");
    }

    #[test]
    fn curated_firms_papers_and_raters_are_found() {
        // SaudiNewsNet: names the tagger had missed or cut before they were listed.
        let text = "وأعلنت شركة موبايلي عن نتائجها، فيما خفضت وكالة ستاندرد آند بورز تصنيفها. وقالت جماعة بوكو حرام إنها نفذت الهجوم.";
        let mentions = extract_mentions(text, Language::Arabic);
        let orgs = texts_of(&mentions, EntityType::Org);
        for name in ["موبايلي", "ستاندرد آند بورز", "بوكو حرام"] {
            assert!(orgs.contains(&name), "{name}: {orgs:?}");
        }
    }

    #[test]
    fn crude_benchmarks_are_no_places() {
        // SaudiNewsNet: West Texas Intermediate had been Texas and "the intermediate" (67 places).
        let text = "وارتفع سعر الخام الأمريكي (غرب تكساس الوسيط) عند التسوية 59 سنتا، وزاد خام برنت دولارا. وزار الحاكم ولاية تكساس.";
        let mentions = extract_mentions(text, Language::Arabic);
        let typed = |name: &str| types_of(&mentions, name);
        assert_eq!(typed("غرب تكساس الوسيط"), [EntityType::Misc], "{mentions:?}");
        assert_eq!(typed("خام برنت"), [EntityType::Misc], "{mentions:?}");
        assert_eq!(typed("تكساس"), [EntityType::Loc], "{mentions:?}");
    }

    #[test]
    fn a_phone_or_message_code_is_no_part_of_a_name() {
        // SaudiNewsNet: a quiz's entry codes, and a contact's mobile number.
        let text = "للمشاركة أرسل بالرمز (3) ثم مسافة ثم نص الرسالة إلى 88591 - Stc 635031 - Mobily 737221 - Zain 709990. وللتواصل مع عبدالله 0505122804 أو محمد 0503123484 في جدة.";
        let mentions = extract_mentions(text, Language::Arabic);
        assert!(mentions.iter().all(|m| !m.text.contains(|c: char| c.is_ascii_digit())), "{mentions:?}");
        assert!(mentions.iter().any(|m| m.text == "Mobily"), "{mentions:?}");
    }

    #[test]
    fn a_latin_letter_spelled_in_arabic_is_no_name() {
        // SaudiNewsNet: BBC and NBC written بي.بي.سي and ان.بي.سي.
        for text in [
            "كما أفاد فالون لهيئة الاذاعة البريطانية (بي.بي.سي)، «أثبتت أسراب طائرات التورنادو جدارتها».",
            "وقال كاميرون لشبكة \"ان.بي.سي\" الاميركية \"أود أن تبذل بريطانيا المزيد\".",
        ] {
            let mentions = extract_mentions(text, Language::Arabic);
            assert!(!mentions.iter().any(|m| ["بي", "سي", "ان"].contains(&m.match_text.as_str())), "{mentions:?}");
        }
    }

    #[test]
    fn a_kings_patronymic_after_his_regnal_name_is_one_name() {
        // SaudiNewsNet: the list's عبدالله الثاني ended the tagger's name; "bin al-Hussein" was a
        // person of its own, and الثاني ("the second") a surname repeated all over the article.
        let text = "وصل إلى عمان تلبية لدعوة من جلالة الملك عبدالله الثاني  بن الحسين ملك المملكة الأردنية الهاشمية. وقال عبدالله الثاني إن النمو في الربع الثاني من العام كان قويا.";
        let mentions = extract_mentions(text, Language::Arabic);
        assert!(mentions.iter().any(|m| m.text == "عبدالله الثاني  بن الحسين"), "{mentions:?}");
        assert!(!mentions.iter().any(|m| m.match_text == "بن الحسين" || m.match_text == "الثاني"), "{mentions:?}");
    }

    #[test]
    fn an_institution_of_a_place_is_one_organization() {
        // SaudiNewsNet: the tagger took جامعة alone as an organization and لشبونة as a place.
        let text =
            "بدأت جامعة لشبونة السابقة، التي تأسست في عام 1911، والجامعة التقنية في لشبونة، التي تأسست في عام 1930.";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        assert!(found.contains(&("جامعة لشبونة", "ORG")), "{found:?}");
    }

    #[test]
    fn the_fewest_letters_are_cut_from_a_name() {
        // SaudiNewsNet: وكامل was cut to امل (وك + Amal), وباسم to اسم, ولبنان to بنان.
        let text = "وضمت القائمة ياسر المسيليم، وأحمد الرحيلي، وكامل الموسى، وأسامة هوساوي. ويشارك في العمل نجوم الدراما العربية، وبينهم جمال سليمان وباسم ياخور وباسل خياط وغيرهم.";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        for name in ["كامل الموسى", "باسم ياخور"] {
            assert!(found.contains(&(name, "PER")), "{name}: {found:?}");
        }
    }

    #[test]
    fn a_listed_city_keeps_its_first_letters() {
        // SaudiNewsNet: لاس فيجاس came out as اس فيجاس (ل + a Latin letter), before Las Vegas
        // was listed; with it listed, the span is the name as written.
        let text = "ويتحكم الجناح 432 - الذي يقع مقره في قاعدة كريتش الجوية إلى الشمال من لاس فيجاس مباشرة - في معظم طائرات سلاح الجو بلا طيار.";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        assert!(found.contains(&("لاس فيجاس", "LOC")), "{found:?}");
        // فلوريدا was cut to وريدا (فل + a word a list knows): 129 times.
        let text = "وتوسع نطاق عمل اللجنة لما وراء تكساس، بحيث أصبح يضم أكثر من 20 فرعًا، يوجد الكثير منها داخل فلوريدا وواحد في لندن.";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        assert!(found.contains(&("فلوريدا", "LOC")), "{found:?}");
    }

    #[test]
    fn a_nisba_after_a_title_is_part_of_the_title() {
        // An ANERcorp dev sentence: the tagger's span starts at السوداني.
        let text = "وصلت رسالة من الرئيس السوداني عمر حسن البشير الي كل القادة .";
        let mentions = extract_mentions(text, Language::Arabic);
        let person = mentions.iter().find(|m| m.entity_type == EntityType::Per).expect("a person");
        assert_eq!(person.text, "عمر حسن البشير");
        assert_eq!(person.title.as_deref(), Some("الرئيس السوداني"));
        // And with no name after it (ANERcorp dev: the tagger took السوداني for a person).
        let text = "جانبه , أكد مجذوب الخليفة مستشار الرئيس السوداني ـ في تصريحات للصحفيين .";
        let mentions = extract_mentions(text, Language::Arabic);
        assert!(!mentions.iter().any(|m| m.text == "السوداني"), "{mentions:?}");
    }

    #[test]
    fn a_listed_word_the_tagger_reads_as_no_name_is_a_word() {
        // الخبر (the news; also Khobar), ماليا (financial; also Mali), صور (pictures; also Tyre)
        // were thousands of places on SaudiNewsNet, from the gazetteer alone.
        let text = "وأكد الخبر الذي نشرته الصحيفة أن الحكومة ستقدم دعما ماليا. ونشرت صور من الموقع.";
        let mentions = extract_mentions(text, Language::Arabic);
        assert!(mentions.is_empty(), "{mentions:?}");
    }

    #[test]
    fn common_words_after_kaf_are_no_places() {
        // SaudiNewsNet: كانوا (they were) and كبيرا (large) were 1,791 and 1,821 places, read as
        // ك + انوا and ك + بيرا, two names of the locations gazetteer.
        let text = "وقال مسؤولون إن عددا كبيرا من السكان كانوا في المدينة.";
        let mentions = extract_mentions(text, Language::Arabic);
        assert!(mentions.iter().all(|m| !matches!(m.match_text.as_str(), "بيرا" | "انوا")), "{mentions:?}");
    }

    #[test]
    fn a_place_quoted_as_a_paper_is_the_paper() {
        // SaudiNewsNet: "told «Asharq Al-Awsat»" (1,070 times) and the region itself.
        let text = "وقال المحمدي في حديث لـ«الشرق الأوسط» إن القوات الأمنية تقدمت. وتواجه الدول تحديات على مستوى الشرق الأوسط بالكامل.";
        let mentions = extract_mentions(text, Language::Arabic);
        let paper: Vec<_> = mentions.iter().filter(|m| m.text == "الشرق الأوسط").map(|m| m.entity_type).collect();
        assert_eq!(paper, [EntityType::Org, EntityType::Loc], "{mentions:?}");
        // Quoted without لـ: "Asharq Al-Awsat learned" (SaudiNewsNet, 246 times; ANERcorp tags its
        // datelines so); a city in quotes stays a place.
        // "Al Riyadh" (صحيفة الرياض is listed) the same.
        let text = "علمت «الشرق الأوسط» من مصدر أمني مسؤول أن الهجوم وقع في «لندن» أمس. وحسب البيان الذي تلقته \"الرياض\" فإن الشركة ستعقد اجتماعها في الرياض.";
        let mentions = extract_mentions(text, Language::Arabic);
        let typed = |name: &str| types_of(&mentions, name);
        assert_eq!(typed("الشرق الأوسط"), [EntityType::Org], "{mentions:?}");
        assert_eq!(typed("لندن"), [EntityType::Loc], "{mentions:?}");
        assert_eq!(typed("الرياض"), [EntityType::Org, EntityType::Loc], "{mentions:?}");
    }

    #[test]
    fn a_name_does_not_run_on_into_a_word_with_a_proclitic() {
        // SaudiNewsNet sentences: the tagger took "by order" and "and al-Khansa" into the name.
        let text = "ونطالب ولي ولي العهد الأمير محمد بن سلمان بالإيعاز لوزارة المالية لتطبيق عقد الفيديك.";
        let mentions = extract_mentions(text, Language::Arabic);
        assert!(mentions.iter().any(|m| m.text == "محمد بن سلمان"), "{mentions:?}");
        let text = "أنشد الشعر شعراء العرب الأول من مثل الأعشى وحسّان بن ثابت والخنساء وعمرو بن كلثوم وغيرهم.";
        let mentions = extract_mentions(text, Language::Arabic);
        assert!(!mentions.iter().any(|m| m.text.ends_with("والخنساء")), "{mentions:?}");
        // Any word with a proclitic, where the article names the person without it: "… and in
        // support of", "… then said".
        let text = "جاء نتيجة جهد ورعاية صاحب السمو الملكي الأمير فيصل بن خالد وتعزيزاً لما أعلنه سموه قبل أربع سنوات. وشكر الأمير فيصل بن خالد الحضور.";
        let mentions = extract_mentions(text, Language::Arabic);
        assert!(!mentions.iter().any(|m| m.text.contains("وتعزيز")), "{mentions:?}");
        // Not a name's own first letters: the Hadhrami Basahl (باسهل, not ب + أسهل "easier").
        let text = "وأكد أحمد المرزوقي أن خالد باسهل سينضم للمجلس الجديد، وأن الاختيار وقع حتى الآن على خالد باسهل. وسيحتفل الأهلاويون مساء الغد بتنصيب الأمير فهد بن خالد.";
        let mentions = extract_mentions(text, Language::Arabic);
        let texts: Vec<&str> = mentions.iter().map(|m| m.text.as_str()).collect();
        assert!(texts.contains(&"خالد باسهل"), "{texts:?}");
    }

    #[test]
    fn listed_currencies_and_feasts_are_whole_and_without_clitics() {
        // SaudiNewsNet: للدولار and بالدولار were entities of their own, and the tagger took عيد
        // alone out of عيد الفطر 425 times.
        let text = "وتراجعت قيمة اليورو بالنسبة للدولار أمس. وعاد الموظفون بعد عطلة عيد الفطر المبارك إلى أعمالهم.";
        let mentions = extract_mentions(text, Language::Arabic);
        let dollar = mentions.iter().find(|m| m.text == "للدولار").expect("the dollar");
        assert_eq!((dollar.match_text.as_str(), dollar.entity_type), ("الدولار", EntityType::Misc));
        let feast = mentions.iter().find(|m| m.text.starts_with("عيد")).expect("the feast");
        assert_eq!((feast.text.as_str(), feast.entity_type), ("عيد الفطر", EntityType::Misc));
        // SaudiNewsNet: جنيه alone is the Egyptian pound; with إسترليني it is sterling.
        let text = "وكان بينتيكي انضم إلى صفوف أستون فيلا قادما من غنك البلجيكي عام 2012 مقابل 7 ملايين جنيه إسترليني وسجل له 49 هدفا.";
        let mentions = extract_mentions(text, Language::Arabic);
        assert!(
            mentions.iter().any(|m| m.text == "جنيه إسترليني" && m.entity_type == EntityType::Misc),
            "{mentions:?}"
        );
        // SaudiNewsNet: a list knows لعيد alone, so the ل stayed in the feast's span.
        let text =
            "وبلدية أشيقر أقامت لجنة الاحتفالات حفل الأهالي السنوي لعيد الفطر المبارك 36 . وقد شرف الحفل محافظ شقراء.";
        let mentions = extract_mentions(text, Language::Arabic);
        assert!(mentions.iter().any(|m| m.text == "عيد الفطر" && m.entity_type == EntityType::Misc), "{mentions:?}");
    }

    #[test]
    fn a_federation_is_named_with_its_nationality_and_sport() {
        // SaudiNewsNet: the tagger took الاتحاد alone, as a place 127 times.
        let text = "وقال رئيس لجنة الاحتراف إن أمام الاتحاد السعودي لكرة القدم مهلة أسبوعين للرد. وانهار الاتحاد السوفيتي عام 1991.";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        assert!(found.contains(&("الاتحاد السعودي لكرة القدم", "ORG")), "{found:?}");
        assert!(found.contains(&("الاتحاد السوفيتي", "LOC")), "{found:?}");
    }

    #[test]
    fn nissan_is_a_firm_beside_no_date_and_april_beside_one() {
        // SaudiNewsNet sentences: نيسان is Nissan and the Levantine April.
        let text = "وخلال هذه الفترة، أطلقت «نيسان» الجيل الجديد كليًا من طراز «ماكسيما». وكان مجلس الأمن الدولي فرض في أبريل (نيسان) الماضي عقوبات.";
        let mentions = extract_mentions(text, Language::Arabic);
        let nissan: Vec<_> = mentions.iter().filter(|m| m.text == "نيسان").collect();
        assert_eq!(nissan.len(), 1, "{mentions:?}");
        assert_eq!(
            (nissan[0].start, nissan[0].entity_type),
            (text[..text.find("نيسان").unwrap()].chars().count(), EntityType::Org)
        );
    }

    #[test]
    fn a_surname_repeated_after_a_title_has_that_title() {
        // SaudiNewsNet: the surname found again after the full name had no title (1,000 such
        // mentions, الرئيس السيسي 96 times); ولي العهد معالي ("His Excellency") stays no name.
        let text = "ظهر طفل يرتدي الزي العسكري بجوار الرئيس عبد الفتاح السيسي أمس خلال افتتاحه قناة السويس الجديدة. وقالت والدته إنه يحلم بمقابلة الرئيس السيسي ويرتدي البدلة العسكرية دائما.";
        let mentions = extract_mentions(text, Language::Arabic);
        let sisi: Vec<_> = mentions.iter().filter(|m| m.text.ends_with("السيسي")).map(|m| m.title.as_deref()).collect();
        assert_eq!(sisi, [Some("الرئيس"), Some("الرئيس")], "{mentions:?}");
        let text = "وكان في وداع الأمير محمد بن سلمان لدى مغادرته مطار القاهرة الدولي معالي القائد العام للقوات المسلحة وزير الدفاع والإنتاج الفريق أول صدقي صبحي ومعالي سفير خادم الحرمين الشريفين لدى جمهورية مصر العربية. ويضم الوفد الرسمي لسمو ولي ولي العهد معالي وزير الدولة عضو مجلس الوزراء الدكتور مساعد العيبان.";
        let mentions = extract_mentions(text, Language::Arabic);
        assert!(!mentions.iter().any(|m| m.text == "معالي"), "{mentions:?}");
    }

    #[test]
    fn titles_after_a_full_name_are_no_part_of_it() {
        // SaudiNewsNet's usual wording: the tagger took ولي العهد into the name 114 times.
        let text = "وأكد صاحب السمو الملكي الأمير محمد بن نايف بن عبدالعزيز ولي العهد نائب رئيس مجلس الوزراء وزير الداخلية أن المملكة ماضية في حربها على الإرهاب.";
        let mentions = extract_mentions(text, Language::Arabic);
        let person = mentions.iter().find(|m| m.entity_type == EntityType::Per).expect("a person");
        assert_eq!(person.text, "محمد بن نايف بن عبدالعزيز");
    }

    #[test]
    fn a_listed_organization_is_no_place() {
        // SaudiNewsNet: داعش was a place 613 times once clubs joined the gazetteer features.
        let text = "وأكدوا الإطاحة بتنظيم مكون من خلايا عنقودية مرتبط بتنظيم داعش الإرهابي، مؤكدين أن هذه الإنجازات تأتي بفضل الله.";
        let mentions = extract_mentions(text, Language::Arabic);
        let isis = mentions.iter().find(|m| m.text == "داعش").expect("داعش found");
        assert_eq!(isis.entity_type, EntityType::Org, "{mentions:?}");
    }

    #[test]
    fn a_blessing_is_no_name() {
        // SaudiNewsNet had رحمه الله 790 times and حفظه الله 204 times as persons or organizations.
        let text = "وقال الأمير خالد الفيصل رحمه الله إن المنطقة تحتاج إلى مشاريع، حفظه الله.";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        assert_eq!(found, [("خالد الفيصل", "PER"), ("الله", "MISC"), ("الله", "MISC")]);
    }

    #[test]
    fn god_is_not_the_surname_of_nasrallah() {
        // God is named in the same article as حسن نصر الله (SaudiNewsNet has 2,472 such PER
        // mentions of الله without this rule).
        let text = "قال الأمين العام لحزب الله حسن نصر الله في كلمته أمس. وأضاف: نسأل الله أن يحفظ لبنان.";
        let mentions = extract_mentions(text, Language::Arabic);
        let god: Vec<_> = mentions.iter().filter(|m| m.match_text == "الله").collect();
        assert!(!god.is_empty(), "{mentions:?}");
        assert!(god.iter().all(|m| m.entity_type != EntityType::Per), "{god:?}");
        assert_eq!(surname_of("حسن نصر الله"), None);
        assert_eq!(surname_of("سلمان بن عبد العزيز"), None);
        assert_eq!(surname_of("قاسم سليماني"), Some("سليماني"));
    }

    #[test]
    fn shortened_spellings_are_one_long_vowel_or_the_nisba_short() {
        assert!(is_shortened_spelling("سليمان", "سليماني"));
        assert!(is_shortened_spelling("سلماني", "سليماني"));
        assert!(is_shortened_spelling("بوتن", "بوتين"));
        assert!(!is_shortened_spelling("الاسود", "الاسد"));
        assert!(!is_shortened_spelling("سلمان", "سليماني"));
    }

    #[test]
    fn institutions_named_after_kings_and_family_names() {
        // SaudiNewsNet sentences: a king's name after an institution's noun is the institution;
        // آل سعود is part of the person's name.
        let text = "وحظيت أربع جامعات بالنسبة الأعلى، تمثلت في جامعة الملك عبد العزيز، وجامعة الملك سعود. \
                    ووصل إلى مطار الملك خالد الدولي الأمير محمد بن نايف بن عبد العزيز آل سعود ولي ولي العهد.";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        for (name, kind) in [
            ("جامعة الملك عبد العزيز", "ORG"),
            ("جامعة الملك سعود", "ORG"),
            ("محمد بن نايف بن عبد العزيز آل سعود", "PER"),
        ] {
            assert!(found.contains(&(name, kind)), "{name}: {found:?}");
        }
        assert!(found.iter().any(|(t, k)| t.starts_with("مطار الملك خالد") && *k == "LOC"), "{found:?}");
        assert!(!found.iter().any(|(t, k)| *k == "PER" && matches!(*t, "سعود" | "خالد" | "عبد العزيز")), "{found:?}");
        // Parks and gates too (SaudiNewsNet: these princes and kings had been persons).
        let text = "روضٍ اشتهرت بها المنطقة في منتزه الأمير مشاري بن سعود. وباب الملك عبدالعزيز.";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        assert_eq!(found, [("منتزه الأمير مشاري بن سعود", "LOC"), ("باب الملك عبدالعزيز", "LOC")]);
    }

    #[test]
    fn ali_before_a_name_is_part_of_it_where_on_is_spelled_otherwise() {
        // SaudiNewsNet: the paper spells "on" على, so علي before a name is Ali.
        let text = "وقالت المصادر إن قوات المخلوع علي عبدالله صالح سيطرت على المدينة.";
        let people = persons_in(text);
        assert!(people.iter().any(|p| p == "علي عبدالله صالح"), "{people:?}");
    }

    #[test]
    fn clubs_in_a_sports_story_are_organizations() {
        // SaudiNewsNet (sabq.org, the professional committee on the clubs' payments): of these
        // clubs the tagger had found only الفتح.
        let text = "الأندية التي أوفت جميع الالتزامات المالية وتستطيع التسجيل مباشرة وهي الاتحاد والشباب والفتح والفيصلي والتعاون. فيما يخص الأندية التي لا توجد عليها شكاوى فهي الهلال والنصر والأهلي والرائد والقادسية وهجر. أما الأندية التي توجد شكاوى عليها فهي ناديي نجران والوحدة. وأوقعت القرعة فالنسيا الإسباني مع موناكو الفرنسي. وكشف رئيس لجنة الاحتراف عن إعطاء 22 موافقة لتسجيل لاعبين محترفين، مشيراً إلى أن نادي الفتح كان هو السباق.";
        let mentions = extract_mentions(text, Language::Arabic);
        let organizations: Vec<&str> =
            mentions.iter().filter(|m| m.entity_type == EntityType::Org).map(|m| m.text.as_str()).collect();
        for club in [
            "الاتحاد",
            "الشباب",
            "الفيصلي",
            "التعاون",
            "الهلال",
            "النصر",
            "الأهلي",
            "الرائد",
            "القادسية",
            "هجر",
            "الوحدة",
            "موناكو",
        ] {
            assert!(organizations.contains(&club), "{club} in {organizations:?}");
        }
        // The federation, "in cooperation with" and the youth in a sports story (SaudiNewsNet),
        // and a club's word outside one: no clubs.
        let text = "يعقد الاتحاد السعودي لكرة القدم اليوم اجتماعاً مع الأندية قبل مباراة السوبر بين الفريقين. وأشار إلى أنه يسعى حاليا بالتعاون مع الرئاسة العامة لرعاية الشباب إلى تطوير الملعب ورفع مستوى اللاعب. وقال إن الاتفاق مع الشركة أنجز. والمدرب لم يجدد عقده مع الاتحاد الأمريكي حتى الآن.";
        let mentions = extract_mentions(text, Language::Arabic);
        let texts: Vec<&str> = mentions.iter().map(|m| m.text.as_str()).collect();
        for word in ["الاتحاد", "بالتعاون", "التعاون", "الشباب", "الاتفاق"] {
            assert!(!texts.contains(&word), "{word} in {texts:?}");
        }
        // A club the story names is still a country's federation with its adjective (the second
        // sentence is SaudiNewsNet's; "Bolivian federation" had been Al Ittihad).
        let text = "وقال رئيس نادي الاتحاد إن الفريق جاهز للمباراة. وسجل اللاعب هدف المباراة في الدوري. وأعيد اختيار تشافيز لفترة ولاية ثالثة لرئاسة الاتحاد البوليفي لكرة القدم عام 2014.";
        let bolivian = text[..text.find("الاتحاد البوليفي").unwrap()].chars().count();
        let mentions = extract_mentions(text, Language::Arabic);
        assert!(mentions.iter().any(|m| m.text == "الاتحاد" && m.entity_type == EntityType::Org), "{mentions:?}");
        assert!(!mentions.iter().any(|m| m.text == "الاتحاد" && m.start == bolivian), "{mentions:?}");
        let text = "وأكد أهمية دور الشباب في التنمية، لافتاً الى ان لديهم اجتماعات خاصة مع الشباب لتوعيتهم، وأشاد بالتعاون بين الوزارتين والاتفاق الذي وقعتاه.";
        assert!(extract_mentions(text, Language::Arabic).is_empty());
    }

    #[test]
    fn blessings_end_names_and_and_joins_two_people() {
        // SaudiNewsNet sentences.
        let persons = |text: &str| -> Vec<String> {
            extract_mentions(text, Language::Arabic)
                .into_iter()
                .filter(|m| m.entity_type == EntityType::Per)
                .map(|m| m.text)
                .collect()
        };
        // "… رضي" had ended 59 person mentions, and رضي and صلى were then "surnames" of their own.
        assert_eq!(persons("بساحات شعب عامر، وباب علي بن أبي طالب رضي الله عنه، وباب الملك."), ["علي بن أبي طالب"]);
        // A whole blessing inside the span is cut too (Nayif bin Abdulaziz "Rahmatullah" had been
        // an entity's name).
        let found = persons("وسمو رئيسها الفخري الاسبق الأمير نايف بن عبدالعزيز رحمه الله والعديد من اصحاب السمو.");
        assert!(found.iter().any(|p| p == "نايف بن عبدالعزيز"), "{found:?}");
        assert!(!found.iter().any(|p| p.contains("رحمه")), "{found:?}");
        assert_eq!(
            persons("وعهود الملوك سعود وفيصل وخالد وفهد وعبد الله، في إشارة إلى العلاقات."),
            ["سعود", "فيصل", "خالد", "فهد", "عبد الله"]
        );
        assert_eq!(
            persons("بطلب إعفائه، وتعيين الأمير محمد بن نايف وليا للعهد، والأمير محمد بن سلمان وليا لولي العهد."),
            ["محمد بن نايف", "محمد بن سلمان"]
        );
        // A name and "and" a word some list holds as a name part (tea): no second person.
        assert!(!persons("من اللحوم وخلاصات ومركزات بن وشاي ومواد غذائية أخرى.").iter().any(|p| p == "شاي"));
    }

    #[test]
    fn a_name_ends_before_a_particle() {
        // SaudiNewsNet sentences: "دييجو مارادونا أو" and "أنجلينا جولي هي" had been the names.
        let text = "وهناك مرشحون محتملون كالأسطورة الأرجنتينية دييجو مارادونا أو النجم الفرنسي السابق دافيد جينولا. وقالت شركة نتفليكس إن أنجلينا جولي هي أحدث المنضمين للشركة. ونقلت شبكة سي إن إن الخبر.";
        let mentions = extract_mentions(text, Language::Arabic);
        let texts: Vec<&str> = mentions.iter().map(|m| m.text.as_str()).collect();
        for name in ["دييجو مارادونا", "دافيد جينولا", "أنجلينا جولي", "سي إن إن"]
        {
            assert!(texts.contains(&name), "{name} in {texts:?}");
        }
        // Nor with a quote it opens (SaudiNewsNet: "منظمة «أوبك").
        let text = "لقد تعلمت السعودية بعد أكثر من 50 عامًا على قيادتها منظمة «أوبك» أن استقرار الأسواق أهم.";
        let mentions = extract_mentions(text, Language::Arabic);
        assert!(mentions.iter().any(|m| m.text == "أوبك" && m.entity_type == EntityType::Org), "{mentions:?}");
    }

    #[test]
    fn a_league_named_after_its_sponsor_and_to_me() {
        // SaudiNewsNet sentences: Abdul Latif Jameel and لي ("to me") had been persons.
        let text = "وكان قد لعب مع الرائد في الموسم الماضي بدوري عبداللطيف جميل للمحترفين. وقالت لي «انبسطت في رحلتك».";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        assert!(found.contains(&("دوري عبداللطيف جميل", "MISC")), "{found:?}");
        assert!(!found.iter().any(|(_, k)| *k == "PER"), "{found:?}");
    }

    #[test]
    fn everyday_words_are_no_places() {
        // SaudiNewsNet sentences: جوار ("beside"), فسادا ("corruption", read as ف + سادا) and أدري
        // ("I know") had been places, beside the real ones.
        let text = "وأضاف: «أحدثكم من جوار بيت الله الحرام في مكة». ويتعرض صحافيون في المكسيك، كشفوا فسادا أو أنشطة لعصابات. فإنني وبكل صراحة لا أدري متى ستتم الانتخابات في اليمن.";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        for word in ["جوار", "سادا", "فسادا", "أدري"] {
            assert!(!found.iter().any(|(t, _)| *t == word), "{word}: {found:?}");
        }
        for place in ["مكة", "المكسيك", "اليمن"] {
            assert!(found.contains(&(place, "LOC")), "{place}: {found:?}");
        }
    }

    #[test]
    fn everyday_words_are_no_persons() {
        // SaudiNewsNet sentences: المصدر ("the source"), القارئ ("the reader") and ومعالي ("and
        // His Excellency") had been persons.
        let text = "وسوف يُطرح على قادة منطقة اليورو لإقراره. وقال المصدر: بعد دقائق على إعلان المجلس الأوروبي استئناف المحادثات. ويقول القارئ \"مجرد رأي\" إن شركات التأمين تخلط الحابل بالنابل. وحضر رئيس الديوان الملكي الأستاذ خالد العيسى، ومعالي رئيس الاستخبارات العامة.";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        for word in ["المصدر", "القارئ", "ومعالي", "معالي"] {
            assert!(!found.iter().any(|(t, _)| *t == word), "{word}: {found:?}");
        }
        assert!(found.contains(&("خالد العيسى", "PER")), "{found:?}");
        // Nor does one end a person's name (the tagger took صبحي ومعالي).
        let text = "وكان في وداع الأمير محمد بن سلمان لدى مغادرته مطار القاهرة الدولي معالي القائد العام للقوات المسلحة وزير الدفاع والإنتاج الفريق أول صدقي صبحي ومعالي سفير خادم الحرمين الشريفين لدى جمهورية مصر العربية.";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        assert!(found.contains(&("صبحي", "PER")), "{found:?}");
        assert!(!found.iter().any(|(t, _)| t.ends_with("ومعالي")), "{found:?}");
        // ولي العهد is a title, the crown prince's, whatever the tagger made of العهد (a place,
        // with the title ولي, in a SaudiNewsNet article read whole).
        let text = "بايع المواطنون الملك سلمان وولي العهد وولي ولي العهد.";
        let at = text.find("العهد").unwrap();
        let crown = Candidate {
            sentence: 0,
            tokens: 0..0,
            start: at,
            end: at + "العهد".len(),
            match_text: "العهد".into(),
            entity_type: EntityType::Loc,
            method: MentionMethod::Model,
            score: 0.9,
            title: Some(at - "وولي ".len()..at - 1),
        };
        let mut candidates = vec![crown];
        everyday_words_are_no_names(text, &mut candidates);
        assert!(candidates.is_empty());
    }

    #[test]
    fn a_listed_name_may_begin_with_a_particle() {
        // SaudiNewsNet sentences: بان (also "that") began Ban Ki-moon's name (people-curated.tsv),
        // and 74 of his mentions had been lost; بأن before a name still goes.
        let text = "وأكد الأمين العام للأمم المتحدة بان كي مون أن الوضع خطير. وأعلن المتحدث بأن سليمان زار موسكو.";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        assert!(found.contains(&("بان كي مون", "PER")), "{found:?}");
        assert!(found.contains(&("سليمان", "PER")), "{found:?}");
    }

    #[test]
    fn titles_of_works_are_named_things() {
        // ANERcorp and SaudiNewsNet sentences: a programme's, a series' and a film's title in
        // quotes; برنامجا ("a programme") is no person.
        let text = "ويقدم أيضا الفنان حجاج عبد العظيم برنامجا تليفزيونيا بعنوان « الدماغ فيها إيه » . من يشاهد مسلسل \"مبتعثات\" لن يصدق أن مخرجته هي ذاتها مخرجة فيلم \"وجدة\"، فالفرق واضح.";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        for work in ["الدماغ فيها إيه", "مبتعثات", "وجدة"] {
            assert!(found.contains(&(work, "MISC")), "{work}: {found:?}");
        }
        assert!(found.contains(&("حجاج عبد العظيم", "PER")), "{found:?}");
        assert!(!found.iter().any(|(t, _)| t.contains("برنامج")), "{found:?}");
        // A stadium's name in quotes is one too; a paper's is an organization, not the city.
        let text = "وستقام المباراة على ملعب «لوفتس رود» في 12 أغسطس. وقال لصحيفة «الرياض» إن الفريق جاهز.";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        assert!(found.contains(&("لوفتس رود", "MISC")), "{found:?}");
        assert!(found.contains(&("الرياض", "ORG")), "{found:?}");
    }

    #[test]
    fn a_name_does_not_end_in_a_relative_nor_begin_with_a_visit() {
        // SaudiNewsNet sentences: the tagger ran on into نجل ("son of") and شقيق ("brother of").
        let text = "وقالت المصادر إن يعقوب نجل الملا عمر انسحب من الاجتماع. وقال عبدالكريم الحوثي شقيق زعيم الميليشيات إن الحوار فشل.";
        let persons = persons_in(text);
        assert!(persons.iter().any(|p| p == "يعقوب"), "{persons:?}");
        assert!(persons.iter().any(|p| p == "عبدالكريم الحوثي"), "{persons:?}");
        assert!(!persons.iter().any(|p| p.contains("نجل") || p.contains("شقيق")), "{persons:?}");
        // Nor in a title without the article, which begins an apposition.
        let persons = persons_in(
            "بل سيكتفى بدعوة صاحب السمو الملكي الامير محمد بن نواف بن عبدالعزيز سفير خادم الحرمين الشريفين في بريطانيا.",
        );
        assert!(persons.iter().any(|p| p == "محمد بن نواف بن عبدالعزيز"), "{persons:?}");
        // Nor begin in a noun whose genitive the person is: "Saleh's supporters", "Carter's visit".
        let text =
            "وقالت إن العمليات العسكرية للحوثيين وأنصار صالح تصنف جرائم حرب. وتأتي زيارة كارتر بعد أسبوع من الاتفاق. معظم السوريين اللاجئين لمصر من المعادين لنظام الأسد، وغالبيتهم من ذوي التوجهات الراديكالية.";
        let persons = persons_in(text);
        assert!(
            persons.iter().any(|p| p == "صالح")
                && persons.iter().any(|p| p == "كارتر")
                && persons.iter().any(|p| p == "الأسد"),
            "{persons:?}"
        );
        assert!(
            !persons.iter().any(|p| p.contains("أنصار") || p.contains("زيارة") || p.contains("نظام")),
            "{persons:?}"
        );
    }

    #[test]
    fn in_favour_of_is_no_saleh() {
        // SaudiNewsNet sentences: لصالح is "in favour of" before a word of content, Saleh after
        // "loyal to" or at a phrase's end.
        let text = "وقال الرئيس اليمني المخلوع علي عبدالله صالح إن الحرب لن تتوقف. وتحول ميزان القوى بالمنطقة لصالح دول الخليج. وقال إن الحوثيين والموالين لصالح شنوا هجمات عنيفة. واستهدفت الغارات منزل قائد عسكري موال لصالح في محافظة صنعاء.";
        let mentions = extract_mentions(text, Language::Arabic);
        let saleh: Vec<usize> = mentions.iter().filter(|m| m.match_text == "صالح").map(|m| m.start).collect();
        let first = text[..text.find("لصالح").unwrap()].chars().count();
        assert_eq!(saleh.len(), 2, "{:?}", texts_and_types(&mentions));
        assert!(saleh.iter().all(|&start| start > first + 10), "{saleh:?}");
    }

    #[test]
    fn saudi_after_a_noun_is_its_adjective() {
        // SaudiNewsNet sentences: السعودية after a definite noun is "Saudi", no place; with a
        // clitic, in a list of countries and after المملكة العربية it is the country.
        let text = "أعلنت الهيئة السعودية للمواصفات والمقاييس أن السفارة السعودية في عمّان تعمل. وأطلقوا التهديد والوعيد للسعودية. وتكون الفرق القوية السعودية والجزائر والعراق. وزار المملكة العربية السعودية وفد.";
        let mentions = extract_mentions(text, Language::Arabic);
        let saudi: Vec<&str> =
            mentions.iter().filter(|m| m.match_text.ends_with("السعوديه")).map(|m| m.text.as_str()).collect();
        // (ل before the article merges with it: للسعودية is written whole.)
        assert_eq!(saudi, ["للسعودية", "السعودية", "المملكة العربية السعودية"], "{mentions:?}");
    }

    #[test]
    fn arab_after_a_noun_is_its_adjective() {
        // SaudiNewsNet: in whole articles the tagger had read العربية after المنطقة and الدول as
        // a place (78 mentions); the rule on such a candidate.
        for (text, kept) in [
            ("مع تزايد التدخل الإيراني في المنطقة العربية أصبح", false),
            ("ورفض التدخل في الشؤون الداخلية للدول العربية، وتم", false),
            ("وتحدث إلى العربية أمس", true),
        ] {
            let start = text.find("العربية").unwrap();
            let span = start..start + "العربية".len();
            let mut candidates = vec![Candidate::found(text, 0, 0..1, span, EntityType::Loc, 0.9)];
            countries_named_like_adjectives(text, &mut candidates);
            assert_eq!(!candidates.is_empty(), kept, "{text}");
        }
    }

    #[test]
    fn a_one_word_name_like_an_adjective_after_a_noun_is_its_adjective() {
        // SaudiNewsNet: التعليم الأهلي ("private education") had been Al Ahli 30 times, الذئب
        // الرمادي ("the grey wolf") Ramadi 9 times; the club after its noun or a rival stays.
        for (text, word, entity_type, kept) in [
            ("وأكد أن قطاع التعليم الأهلي يشهد نموا", "الأهلي", EntityType::Org, false),
            ("وظهر الذئب الرمادي في الفيلم", "الرمادي", EntityType::Loc, false),
            ("وفاز النادي الأهلي على ضيفه", "الأهلي", EntityType::Org, true),
            ("في مواجهة الغريمين الأهلي والهلال", "الأهلي", EntityType::Org, true),
            ("وسقطت مدينة الرمادي بيد التنظيم", "الرمادي", EntityType::Loc, true),
        ] {
            let start = text.find(word).unwrap();
            let span = start..start + word.len();
            let mut candidates = vec![Candidate::found(text, 0, 0..1, span, entity_type, 0.9)];
            countries_named_like_adjectives(text, &mut candidates);
            assert_eq!(!candidates.is_empty(), kept, "{text}");
        }
    }

    #[test]
    fn mali_after_a_noun_it_qualifies_is_financial() {
        // SaudiNewsNet sentences: 63 of 277 mentions of Mali were "financial".
        for (text, financial_) in [
            ("مع دفع مبلغ مالي كبير", true),
            ("لبدء محادثات حزمة إنقاذ مالي تستمر", true),
            ("مثلها مثل روسيا بدعم عسكري ومالي إنها", true),
            ("المنطقة الشمالية الصحراوية في مالي موطن", false),
            ("وأعلنت حكومة مالي في وقت سابق", false),
            ("وتصل إلى دولة مالي عبر دروب", false),
        ] {
            let start = text.find("مالي").unwrap();
            let candidate = Candidate::found(text, 0, 0..1, start..start + "مالي".len(), EntityType::Loc, 0.9);
            assert_eq!(financial(text, &candidate), financial_, "{text}");
        }
        let text =
            "وتسهم في هدر مالي وبشري كبير. وتعد المنطقة الشمالية الصحراوية في مالي موطنا لعدد من الجماعات المسلحة.";
        let places = texts_of(&extract_mentions(text, Language::Arabic), EntityType::Loc).len();
        assert_eq!(places, 1, "{:?}", extract_mentions(text, Language::Arabic));
    }

    #[test]
    fn and_before_an_abd_name_is_no_part_of_it() {
        // A SaudiNewsNet sentence: the mention had been وعبدالفتاح عسيري.
        let text = "وانتهت المناورة بهدفين نظيفين للتشكيل الاساسي سجلهما مهاجم الفريق مختار فلاتة وعبدالفتاح عسيري.";
        let mentions = extract_mentions(text, Language::Arabic);
        assert!(mentions.iter().any(|m| m.text == "عبدالفتاح عسيري"), "{mentions:?}");
    }

    #[test]
    fn ranks_and_callings_are_titles() {
        // SaudiNewsNet sentences: العريف أول ("corporal first class") and الفنان ("the artist")
        // had begun the names.
        let text = "والشهيد العريف أول خالد محمد عبدالله الشحي والشهيد العريف أول فاهم سعيد أحمد الحبسي، الذين قدموا أرواحهم فداء للواجب. ورئيس المسرح الفنان بخيت العامري، ورئيس الفنون التشكيلية الفنان مازن صفطة.";
        let mentions = extract_mentions(text, Language::Arabic);
        for (name, title) in [("فاهم سعيد أحمد الحبسي", "العريف أول"), ("بخيت العامري", "الفنان")]
        {
            let mention = mentions.iter().find(|m| m.text == name);
            assert_eq!(mention.and_then(|m| m.title.as_deref()), Some(title), "{name}: {mentions:?}");
        }
        // المقدم, النقيب and البروفيسور had begun 87 SaudiNewsNet names (المقدم القرني), with the
        // title before them when there is one.
        let text = "أوضح مدير الشؤون الإعلامية في جوازات منطقة الرياض المقدم سعود الرشود أن منسوبي الجوازات بموقع التصحيح. وأوضح النقيب عمر الأكلبي المتحدث الرسمي بقيادة حرس الحدود بالمنطقة الشرقية. وقال البروفيسور كريستيان فيت في تصريحات إن الملاحظات مهمة.";
        let mentions = extract_mentions(text, Language::Arabic);
        for (name, title) in [("سعود الرشود", "المقدم"), ("عمر الأكلبي", "النقيب"), ("كريستيان فيت", "البروفيسور")]
        {
            let mention = mentions.iter().find(|m| m.text == name);
            assert_eq!(mention.and_then(|m| m.title.as_deref()), Some(title), "{name}: {mentions:?}");
        }
    }

    #[test]
    fn bodies_are_named_with_their_field() {
        // SaudiNewsNet sentences: السعودية alone had been the country in these bodies' names.
        let text = "أعلنت الهيئة السعودية للمواصفات والمقاييس والجودة أنها تعمل مع الشركة السعودية للكهرباء بشأن انقطاع التيار. وتجتمع اللجنة التنفيذية للفيفا اليوم الاثنين.";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        for body in ["الهيئة السعودية للمواصفات والمقاييس والجودة", "الشركة السعودية للكهرباء"]
        {
            assert!(found.contains(&(body, "ORG")), "{body}: {found:?}");
        }
        // A listed body after ل keeps its own name: FIFA's executive committee.
        assert!(!found.iter().any(|(t, _)| t.starts_with("اللجنة التنفيذية")), "{found:?}");
    }

    #[test]
    fn banks_are_named_by_all_their_adjectives() {
        // ANERcorp and SaudiNewsNet sentences: the tagger missed البنك التجاري and stopped after
        // the first adjective of البنك الأهلي التجاري and البنك السعودي الفرنسي.
        let text = "وقال خليفة العطية ان البنك التجاري الذي يعتبر من أكبر البنوك حقق أرباحا. مبينا إن الصكوك ستُحسّن فترات استحقاق مطلوبات البنك الأهلي التجاري وتزيد من تعدّد مصادر التمويل. النائب الأول الرئيس التنفيذي في البنك السعودي الفرنسي منير خياط. وبعد إجراء التقييم من جانب صندوق النقد الدولي والمصرف المركزي الأوروبي يأتي دور دول اليورو.";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        for bank in ["البنك التجاري", "البنك الأهلي التجاري", "البنك السعودي الفرنسي", "المصرف المركزي الأوروبي"]
        {
            assert!(found.contains(&(bank, "ORG")), "{bank}: {found:?}");
        }
        // Listed banks named for a city or a family (SaudiNewsNet had Riyadh and England as places
        // in 71 such names, and Msrf al-Rajhi).
        let text = "طرأ تحسن ملموس على أرباح بنك الرياض عن أعماله حتى نهاية النصف الأول. ومصرف الراجحي الأكثر نشاطاً بالقيمة. الباحث في وحدة أبحاث بنك إنجلترا يحمل معدل التضخم الحالي.";
        let banks = extract_mentions(text, Language::Arabic);
        let named = texts_and_types(&banks);
        for bank in ["بنك الرياض", "مصرف الراجحي", "بنك إنجلترا"] {
            assert!(named.contains(&(bank, "ORG")), "{bank}: {named:?}");
        }
        // Not over "which" (a federation neither: محبي الاتحاد الذي, the club's fans).
        assert!(!found.iter().any(|(t, _)| t.ends_with("الذي")), "{found:?}");
        let text = "وهذا حقيقة غير مستغرب على محبي الاتحاد الذي قضيت بينهم سنوات عديدة.";
        let mentions = extract_mentions(text, Language::Arabic);
        assert!(!mentions.iter().any(|m| m.text.ends_with("الذي")), "{mentions:?}");
    }

    #[test]
    fn a_bodys_noun_alone_is_no_name() {
        // SaudiNewsNet sentences: البنك, منظمة and جامعة had been organizations alone.
        let text = "وأوضح البنك أن الأسر الألمانية استفادت من الأوضاع الجيدة. اتهمت منظمة \"هيومن رايتس ووتش\" اسرائيل، اليوم. وفي عام 1972، انتقل إلى جامعة أخرى في القاهرة.";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        for noun in ["البنك", "منظمة", "جامعة"] {
            assert!(!found.iter().any(|(t, _)| *t == noun), "{noun}: {found:?}");
        }
        assert!(found.contains(&("القاهرة", "LOC")), "{found:?}");
    }

    #[test]
    fn a_currency_is_no_person() {
        // SaudiNewsNet sentences: دينار had been a person after prices.
        let text = "تلاه سعر سهم م سلطان بواقع 4.65 في المائة وصولا إلى سعر 0.082 دينار. واحتل سهم أدنك المركز الأول بحجم التداولات بواقع 31.7 مليون دينار وصولا إلى سعر 0.038 دينار تلاه سهم هيتس تيليكوم بواقع 15.1 مليون دينار وصولا إلى سعر 0.033 دينار.";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        assert!(found.contains(&("دينار", "MISC")), "{found:?}");
        assert!(!found.contains(&("دينار", "PER")), "{found:?}");
    }

    #[test]
    fn van_is_the_names_own_but_not_then() {
        // SaudiNewsNet sentences: فان غال had been غال; فان after a comma is فإن ("then").
        let text = "وقال فان غال للإعلاميين في مانشستر إن الفريق جاهز. وفي حال صدور الحكم، فان حسين حبري سيواجه السجن.";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        assert!(found.contains(&("فان غال", "PER")), "{found:?}");
        assert!(!found.iter().any(|(t, _)| t.starts_with("فان حسين")), "{found:?}");
    }

    #[test]
    fn the_grand_mosque_is_named_whole() {
        // SaudiNewsNet sentences: الحرام had been an organization alone, المسجد another thing.
        let text = "وقال مدير العلاقات العامة بالمسجد الحرام عبدالحفيظ الثبيتي إن الخدمات جاهزة. وصلى المعتمرون في المسجد الحرام.";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        assert_eq!(found.iter().filter(|f| **f == ("المسجد الحرام", "MISC")).count(), 2, "{found:?}");
        assert!(!found.iter().any(|(t, _)| *t == "الحرام" || t.ends_with("المسجد")), "{found:?}");
    }

    #[test]
    fn a_body_after_a_preposition_is_matched_with_its_article() {
        // SaudiNewsNet: للبنك المركزي الأوروبي (ل + البنك) had been an organization of its own
        // beside البنك المركزي الأوروبي; والبنك ("and the bank") kept its و in the span.
        let text = "وقال رئيس البنك المركزي الأوروبي إن الأسواق مستقرة، وقدم تقريرا للبنك المركزي الأوروبي.";
        let mentions = extract_mentions(text, Language::Arabic);
        let ecb: Vec<_> =
            mentions.iter().filter(|m| m.text.contains("البنك المركزي") || m.text.contains("للبنك")).collect();
        assert_eq!(ecb.len(), 2, "{mentions:?}");
        assert!(ecb.iter().all(|m| m.match_text == "البنك المركزي الاوروبي"), "{ecb:?}");
        assert!(mentions.iter().any(|m| m.text == "للبنك المركزي الأوروبي"), "{mentions:?}");
        let text = "وأصبح بإمكان أثينا الآن الحصول مجددا على تمويل وقروض من صندوق النقد الذي أسهم إلى جانب المفوضية الأوروبية والبنك المركزي الأوروبي في إنقاذ البلاد.";
        let mentions = extract_mentions(text, Language::Arabic);
        assert!(mentions.iter().any(|m| m.text.starts_with("البنك المركزي")), "{mentions:?}");
        assert!(!mentions.iter().any(|m| m.text.starts_with("والبنك")), "{mentions:?}");
        // And before the noun without its article (لمنظمة: "according to the organization").
        let text = "ووفقا لمنظمة بتسيلم الاسرائيلية لحقوق الإنسان فإن المستوطنين هاجموا القرية.";
        let mentions = extract_mentions(text, Language::Arabic);
        assert!(mentions.iter().any(|m| m.text.starts_with("منظمة بتسيلم")), "{mentions:?}");
        let slice = |m: &Mention| text.chars().skip(m.start).take(m.end - m.start).collect::<String>();
        assert!(mentions.iter().all(|m| slice(m) == m.text), "{mentions:?}");
    }

    #[test]
    fn an_adjective_after_an_indefinite_noun_is_no_name() {
        // SaudiNewsNet sentences: يونانية ("a Greek paper") had been an organization, جبلية ("a
        // mountainous area") a place.
        let text = "على صعيد آخر، ذكرت صحيفة يونانية أن أثينا كانت تنوي تطبيق خطة طارئة. \
                    وتقع القرية في منطقة جبلية شمال سورية قرب مدينة إدلب.";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        assert!(!found.iter().any(|&(t, _)| t == "يونانية" || t == "جبلية"), "{found:?}");
        for name in ["أثينا", "سورية", "إدلب"] {
            assert!(found.iter().any(|&(t, _)| t == name), "{name}: {found:?}");
        }
    }

    #[test]
    fn a_nationality_and_gods_praise_are_no_names() {
        // SaudiNewsNet: باكستاني before الجنسية had been an organization 30 times, عز of عز وجل
        // and سبحانه of سبحانه وتعالى 65 times.
        let text = "وأوضح أن المقبوض عليه مقيم -باكستاني الجنسية- في مدينة جدة. \
                    نسأل الله -عز وجل- أن يحفظ البلاد، فقد قال الله -سبحانه وتعالى- في كتابه.";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        for word in ["باكستاني", "عز", "سبحانه"] {
            assert!(!found.iter().any(|&(t, _)| t == word), "{word}: {found:?}");
        }
        assert!(found.iter().any(|&(t, _)| t == "جدة"), "{found:?}");
    }

    #[test]
    fn places_the_lists_had_lacked_are_places_and_keep_apart_the_bodies_named_after_them() {
        // SaudiNewsNet sentences: Arish had been an organization 11 times (al-Rish), England was
        // unlisted (Anjltra); once the Levant was listed, Ahrar al-Sham lost its first word.
        let text = "وتفجير عبوة ناسفة في العريش استهدفت مدير عام مديرية الطرق في شمال سيناء. وفي إنجلترا ذكرت شبكة «بي بي سي» ووسائل إعلام بريطانية أخرى. وبشكل خاص بعد أحداث مسكنة بين «أحرار الشام» و«داعش». وعدد من قادة الدول العربية أثناء انعقاد قمة شرم الشيخ الشهر الماضي.";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        // Sharm el-Sheikh had been شرم alone (25), its second word read as a title.
        for expected in [("العريش", "LOC"), ("إنجلترا", "LOC"), ("أحرار الشام", "ORG"), ("شرم الشيخ", "LOC")]
        {
            assert!(found.contains(&expected), "{expected:?}: {found:?}");
        }
    }

    #[test]
    fn a_curated_place_named_with_a_titles_word_is_that_place() {
        // SaudiNewsNet: الشيخ زويد (Sheikh Zuweid, in Sinai) had been the person زويد, titled
        // الشيخ, 58 times; بني مالك (a province of Jazan) مالك, 34.
        let text = "رغم أن مساحة العملية في الشيخ زويد لم تتجاوز 20 كيلومترا طولا. \
                    وتأتي العملية الإرهابية الأخيرة في الشيخ زويد استجابة لنداء قيادات التنظيم. \
                    وزار المحافظ محافظة بني مالك.";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        assert_eq!(found.iter().filter(|&&f| f == ("الشيخ زويد", "LOC")).count(), 2, "{found:?}");
        assert!(found.contains(&("بني مالك", "LOC")), "{found:?}");
    }

    #[test]
    fn a_preposition_after_and_is_no_name() {
        // SaudiNewsNet: على of وعلى ("and on") had been a person 76 times, read as Ali (علي in
        // match form) by the document pass; the rule on such a candidate.
        let text = "في الأماكن التي زرعتها فيه.\nوعلى الرغم من كشف السلطات الأمنية عن هوية الانتحاري.";
        let start = text.find("على").unwrap();
        let mut candidates = vec![Candidate::found(text, 0, 0..1, start..start + "على".len(), EntityType::Per, 0.9)];
        everyday_words_are_no_names(text, &mut candidates);
        assert!(candidates.is_empty());
    }

    #[test]
    fn and_before_ali_is_no_part_of_the_name() {
        // SaudiNewsNet: وعلي صالح ("and Ali Saleh") had been a person Ouali Saleh, 65 persons
        // began with وعلي.
        let text = "وتواصل ميليشيات الحوثي وعلي صالح قصف الأحياء السكنية في تعز.";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        assert!(found.contains(&("علي صالح", "PER")), "{found:?}");
    }

    #[test]
    fn a_name_after_a_places_noun_is_the_place() {
        // SaudiNewsNet: streets and valleys had been persons (شارع عبدالله بن خميس 11 times).
        for (text, name) in [
            ("وأغلقت الأمانة شارع عبدالله بن خميس أمام حركة السير.", "شارع عبدالله بن خميس"),
            ("وهطلت أمطار غزيرة على محافظة وادي الدواسر أمس.", "وادي الدواسر"),
        ] {
            let start = text.find(name).unwrap();
            let mut candidates = vec![Candidate::found(text, 0, 0..1, start..start + name.len(), EntityType::Per, 0.9)];
            curated_types(text, &mut candidates, Gazetteer::bundled());
            assert_eq!(candidates[0].entity_type, EntityType::Loc, "{text}");
        }
    }

    #[test]
    fn a_title_of_two_words_is_one_only_whole() {
        // SaudiNewsNet: 645 mentions had the title اية, the end of ولاية ("state"), 179 الله and
        // 148 العام.
        let text = "أنه لا يوجد أي مواطن سعودي قريب من الحرائق التي اندلعت في شمال ولاية كاليفورنيا. \
                    وأكد المرجع الشيعي الأعلى آية الله علي السيستاني أن حزب الله وحماس تلقيا الدعم. \
                    وأوضح القنصل العام للمملكة العربية السعودية في لوس أنجلوس أن المواطنين بخير. وقال الأمين العام بان كي مون إن الوضع خطير.";
        let mentions = extract_mentions(text, Language::Arabic);
        let title_of = |name: &str| mentions.iter().find(|m| m.text == name).map(|m| m.title.clone());
        assert_eq!(title_of("كاليفورنيا"), Some(None), "{mentions:?}");
        assert_eq!(title_of("حماس"), Some(None), "{mentions:?}");
        assert_eq!(title_of("علي السيستاني"), Some(Some("آية الله".to_string())), "{mentions:?}");
        assert_eq!(title_of("للمملكة العربية السعودية"), Some(None), "{mentions:?}");
        assert_eq!(title_of("بان كي مون"), Some(Some("الأمين العام".to_string())), "{mentions:?}");
    }

    #[test]
    fn a_named_organization_after_a_preposition_is_matched_with_its_article() {
        // SaudiNewsNet: للوكالة الدولية للطاقة الذرية (11 mentions), للاتحاد السعودي لكرة القدم
        // (34) had been organizations of their own, shown Llukala, Llathad.
        let text = "من جهة اخرى يزور المدير العام للوكالة الدولية للطاقة الذرية يوكيا امانو الاسبوع المقبل واشنطن.";
        let mentions = extract_mentions(text, Language::Arabic);
        let iaea = mentions.iter().find(|m| m.text == "للوكالة الدولية للطاقة الذرية").expect("the IAEA");
        assert_eq!(iaea.match_text, "الوكاله الدوليه للطاقه الذريه");
        // A noun that begins with ل keeps it: للجنة is ل + اللجنة.
        assert_eq!(without_lam("للجنه المنظمه لكاس العالم").as_deref(), Some("اللجنه المنظمه لكاس العالم"));
        assert_eq!(without_lam("للاتحاد السعودي لكرة القدم").as_deref(), Some("الاتحاد السعودي لكرة القدم"));
        // Not a place or a word alone: لبنان and لله are no organizations.
        assert_eq!(without_lam("للبنان"), None);
        assert_eq!(without_lam("لله الحمد"), None);
    }

    #[test]
    fn a_name_goes_on_after_son_of() {
        // SaudiNewsNet sentences: the tagger had stopped at بن and at بنت.
        let text = "وقال الشيخ بدر بن علي بن طامي العتيبي مدير الإدارة إن العمل مستمر. وحضرت الأميرة مشاعل بنت عبدالمحسن بن عبدالعزيز الحفل.";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        assert!(!found.iter().any(|(t, _)| t.ends_with(" بن") || t.ends_with(" بنت")), "{found:?}");
        assert!(found.iter().any(|(t, k)| t.starts_with("بدر بن علي") && *k == "PER"), "{found:?}");
        // And at آل ("family of"): 23 mentions of the minister had ended there.
        let text = "أصدر وزير الشؤون البلدية والقروية م. عبداللطيف بن عبدالملك آل الشيخ قرارًا باعتماد لجنة الفصل. ولعب محمد أمان، ومحمد آل فتيل، ومعتز هوساوي.";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        assert!(found.contains(&("عبداللطيف بن عبدالملك آل الشيخ", "PER")), "{found:?}");
        assert!(found.contains(&("محمد آل فتيل", "PER")), "{found:?}");
        // Nor at the particle of a European surname (SaudiNewsNet: the tagger had stopped at دي
        // and فان); فإن "indeed" written without its hamza before a word with the article is none.
        let text = "وقال المدرب لويس فان جال إن الفريق جاهز. وتصدى دافيد دي خيا لركلة جزاء. وإذا تأخر الوسيط ستيفان دي مستورا فان الحكومة سترد.";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        assert!(!found.iter().any(|(t, _)| t.ends_with(" فان") || t.ends_with(" دي")), "{found:?}");
        assert!(found.contains(&("لويس فان جال", "PER")), "{found:?}");
        assert!(found.contains(&("دافيد دي خيا", "PER")), "{found:?}");
        assert!(!found.iter().any(|(t, _)| t.contains("الحكومة")), "{found:?}");
    }

    #[test]
    fn saints_begin_names() {
        // SaudiNewsNet sentences: سان had been a place alone, and باريس Paris.
        let text =
            "وصل معسكر فريق الأهلي في مدينة سان مورتيز السويسرية. وانتقل اللاعب إلى باريس سان جرمان الموسم الماضي.";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        assert!(found.contains(&("سان مورتيز", "LOC")), "{found:?}");
        assert!(found.contains(&("باريس سان جرمان", "ORG")), "{found:?}");
        assert!(!found.iter().any(|(t, _)| *t == "سان" || *t == "باريس"), "{found:?}");
    }

    #[test]
    fn a_knees_ligament_is_no_rabat() {
        // SaudiNewsNet sentences: الرباط الصليبي had been the city.
        let text = "كان هو المتسبب في إصابة إبراهيم غالب لاعب النصر بقطع في الرباط الصليبي. ووصلت البعثة إلى العاصمة المغربية الرباط أمس.";
        let places: Vec<String> = extract_mentions(text, Language::Arabic)
            .into_iter()
            .filter(|m| m.text == "الرباط")
            .map(|m| m.entity_type.as_str().to_string())
            .collect();
        assert_eq!(places, ["LOC"]);
        // Boys and girls, and the Republic of Benin (SaudiNewsNet).
        let text = "وكان الأهالي يتأهبون لهؤلاء الأطفال بنين وبنات ليعطوهم. وبعث برقية لفخامة رئيس جمهورية بنين.";
        let benin: Vec<usize> = extract_mentions(text, Language::Arabic)
            .into_iter()
            .filter(|m| m.text == "بنين")
            .map(|m| m.start)
            .collect();
        assert_eq!(benin.len(), 1, "{benin:?}");
        assert!(benin[0] > text.chars().count() / 2);
    }

    #[test]
    fn the_city_is_medina_only_where_the_article_names_it() {
        // SaudiNewsNet: a story from Taiz, and one from Medina.
        let taiz = "وتمكنت المقاومة من السيطرة على منطقة الربيعي غرب المدينة، وسط استمرار الاشتباكات في شوارع المدينة.";
        let places: Vec<String> = extract_mentions(taiz, Language::Arabic)
            .into_iter()
            .filter(|m| m.match_text == MEDINA)
            .map(|m| m.text)
            .collect();
        assert!(places.is_empty(), "{places:?}");
        let medina = format!("وصل الوفد إلى المدينة المنورة أمس. {taiz}");
        let places = extract_mentions(&medina, Language::Arabic).into_iter().filter(|m| m.match_text == MEDINA).count();
        assert_eq!(places, 2, "where the article names Medina, المدينة alone is it");
        let region = "ودعا إلى تنظيم السائقين من خلال لجنة مشكلة من إمارة المدينة، هيئة الطيران المدني، المرور.";
        let places = extract_mentions(region, Language::Arabic).into_iter().filter(|m| m.match_text == MEDINA).count();
        assert_eq!(places, 1, "the region's government is Medina's");
    }

    #[test]
    fn countries_named_from_the_compass_are_whole() {
        // SaudiNewsNet sentences: South Africa and South Sudan had been Africa and Sudan.
        let text = "ولا سيما مؤخرا مع رفض جنوب أفريقيا تنفيذ مذكرة توقيف بحق الرئيس السوداني. وصرحت بأن بلادها تتعاون مع جنوب السودان، كقاعدة مراقبة.";
        let places: Vec<String> = extract_mentions(text, Language::Arabic)
            .into_iter()
            .filter(|m| m.entity_type == EntityType::Loc)
            .map(|m| m.text)
            .collect();
        assert_eq!(places, ["جنوب أفريقيا", "جنوب السودان"]);
    }

    #[test]
    fn a_place_after_club_names_the_club() {
        // SaudiNewsNet sentences: the club's city or region had been a place.
        let text = "أكد فوزي الباشا رئيس نادي الخليج أن المستوى المميز. وكشف المدير التنفيذي لنادي روما ايتالو زانزي بان الفريق واجه صعوبات. ووصل الوفد إلى جدة أمس.";
        let mentions = extract_mentions(text, Language::Arabic);
        let type_of = |name: &str| mentions.iter().find(|m| m.text == name).map(|m| m.entity_type);
        assert_eq!(type_of("الخليج"), Some(EntityType::Org), "{mentions:?}");
        assert_eq!(type_of("روما"), Some(EntityType::Org), "{mentions:?}");
        // A paper named like a person, and the paper's editor (SaudiNewsNet).
        let text = "وتقول صحيفة دايلي ميل إن المان يونايتد قدم عرضا. وقال رئيس تحرير الصحيفة سعد بن عبدالله آل ثابت إن الصحيفة تهدف إلى ذلك.";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        assert!(found.contains(&("دايلي ميل", "ORG")), "{found:?}");
        assert!(found.contains(&("سعد بن عبدالله آل ثابت", "PER")), "{found:?}");
        // A literary club is named whole (SaudiNewsNet).
        let text = "من جانب آخر، دخل نادي جدة الأدبي، لأول مرة مهرجان الكتاب.";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        assert!(found.contains(&("نادي جدة الأدبي", "ORG")), "{found:?}");
        // A paper named after its city (SaudiNewsNet).
        let text = "تتقدم جريدة الرياض بأسمى آيات التهاني والتبريكات إلى مقام خادم الحرمين الشريفين.";
        let mentions = extract_mentions(text, Language::Arabic);
        assert!(mentions.iter().any(|m| m.text == "الرياض" && m.entity_type == EntityType::Org), "{mentions:?}");
        assert_eq!(type_of("جدة"), Some(EntityType::Loc), "{mentions:?}");
    }

    #[test]
    fn honorifics_are_no_names_and_brands_no_persons() {
        // SaudiNewsNet: سموه ("His Highness") was a person entity of 238 mentions, فيس بوك one of 86.
        let text = "وقال سموه في تغريدة نشرها على حسابه في فيس بوك إن معاليه سيزور جدة.";
        let mentions = extract_mentions(text, Language::Arabic);
        let found = texts_and_types(&mentions);
        assert!(found.contains(&("فيس بوك", "ORG")), "{found:?}");
        assert!(!found.iter().any(|(t, _)| matches!(*t, "سموه" | "معاليه")), "{found:?}");
    }

    #[test]
    fn a_firms_full_name_is_one_organization() {
        // Reuters-21578: a place that begins a firm's name was a place, and the rest a firm of
        // its own ("Texas" + "Instruments Inc"); a possessive or "and Co" cut the name in two.
        let text = "Texas Instruments Inc said it has\ndeveloped the first 32-bit computer chip design. Moody's Investors Service Inc said it\nlowered the debt and preferred stock ratings of USX. Standard and Poor's Corp said it\nupgraded 500 mln dlrs of debt. Morgan Stanley and Co Inc will act as agent. It is controlled by News\nCorp Ltd chief executive Rupert Murdoch's family.";
        let mentions = extract_mentions(text, Language::English);
        let found = texts_and_types(&mentions);
        for firm in [
            "Texas Instruments Inc",
            "Moody's Investors Service Inc",
            "Standard and Poor's Corp",
            "Morgan Stanley and Co Inc",
        ] {
            assert!(found.contains(&(firm, "ORG")), "{firm}: {found:?}");
        }
        assert!(!found.iter().any(|(text, _)| *text == "Texas"), "{found:?}");
        assert!(found.contains(&("Rupert Murdoch", "PER")), "{found:?}");
    }

    #[test]
    fn english_capitalized_names_are_typed() {
        let text = "Iranian Gen. Qassem Soleimani met President Vladimir Putin in Moscow on Friday, Reuters said.";
        let mentions = extract_mentions(text, Language::English);
        let found = texts_and_types(&mentions);
        assert!(found.contains(&("Vladimir Putin", "PER")), "{found:?}");
        assert!(found.contains(&("Moscow", "LOC")), "{found:?}");
        assert!(found.contains(&("Qassem Soleimani", "PER")), "{found:?}");
        assert!(!found.iter().any(|(t, _)| *t == "Friday"), "{found:?}");
        let putin = mentions.iter().find(|m| m.text == "Vladimir Putin").unwrap();
        assert_eq!(putin.title.as_deref(), Some("President"));
        for mention in &mentions {
            let sliced: String = text.chars().skip(mention.start).take(mention.end - mention.start).collect();
            assert_eq!(sliced, mention.text);
        }
    }

    #[test]
    fn a_surname_particle_and_a_commissioner_make_persons() {
        // Reuters-21578: these had been MISC (21 mentions, and 9 of De Clercq's stories).
        let text = "Italian Prime Minister Ciriaco De Mita met Paul de Keersmaeker on Monday. \
                    EC External Trade Commissioner Willy De Clercq said talks would go on.";
        let mentions = extract_mentions(text, Language::English);
        let found = texts_and_types(&mentions);
        assert!(found.contains(&("Ciriaco De Mita", "PER")), "{found:?}");
        assert!(found.contains(&("Paul de Keersmaeker", "PER")), "{found:?}");
        let clercq = mentions.iter().find(|m| m.text == "Willy De Clercq");
        assert_eq!(
            clercq.map(|m| (m.entity_type.as_str(), m.title.as_deref())),
            Some(("PER", Some("External Trade Commissioner")))
        );
        assert!(!found.iter().any(|(t, _)| *t == "External Trade"), "{found:?}");
    }

    #[test]
    fn a_demonym_starting_a_sentence_is_misc() {
        // Reuters-21578: "German" was typed LOC here and MISC in every other sentence.
        let text = "West German Finance Minister Gerhard Stoltenberg said growth would slow.";
        let mentions = extract_mentions(text, Language::English);
        let types = texts_and_types(&mentions);
        assert!(types.contains(&("German", "MISC")), "{types:?}");
        assert!(types.contains(&("Gerhard Stoltenberg", "PER")), "{types:?}");
    }

    #[test]
    fn reuters_people_after_titles_and_full_names_are_persons() {
        // Sentences as Reuters-21578 writes them; "Volcker" is an organization on a noisy list.
        let text = "Fed Chairman Volcker said rates would rise. Chancellor of the Exchequer Nigel Lawson \
                    told parliament. Federal Reserve Board Chairman Paul Volcker testified. Lawson said \
                    sterling was stable, and Volcker agreed.";
        let mentions = extract_mentions(text, Language::English);
        let types = texts_and_types(&mentions);
        for person in ["Volcker", "Nigel Lawson", "Paul Volcker", "Lawson"] {
            assert!(types.contains(&(person, "PER")), "{person}: {types:?}");
        }
        assert!(!types.iter().any(|(t, kind)| t.contains("Volcker") && *kind != "PER"), "{types:?}");
        assert!(!types.iter().any(|(t, _)| t.contains("Exchequer")), "a title, not a name: {types:?}");
    }

    #[test]
    fn reuters_departments_end_titles_and_listed_names_run_on() {
        // Reuters-21578: "State George Shultz" was a MISC entity of 53 mentions, GATT was
        // "General Agreement" (94), and Philippine, South African and Asian were places.
        let text = "Secretary of State George Shultz met Secretary of the Treasury James Baker on the General Agreement on Tariffs and Trade. Philippine and South African officials met Asian bankers in the US.";
        let mentions = extract_mentions(text, Language::English);
        let found: Vec<(&str, &str, Option<&str>)> =
            mentions.iter().map(|m| (m.text.as_str(), m.entity_type.as_str(), m.title.as_deref())).collect();
        assert_eq!(
            found,
            [
                ("George Shultz", "PER", Some("Secretary of State")),
                ("James Baker", "PER", Some("Secretary of the Treasury")),
                ("General Agreement on Tariffs and Trade", "ORG", None),
                ("Philippine", "MISC", None),
                ("South African", "MISC", None),
                ("Asian", "MISC", None),
                ("US", "LOC", None),
            ]
        );
    }

    #[test]
    fn places_joined_by_a_hyphen_are_mentions_of_their_own() {
        // Reuters-21578 sentences: a hyphenated word had given no mention at all (the places of
        // 21 story tags were found only in such words).
        let text = "Exports have not been affected by the seven-year Iran-Iraq war. Tokyo complied with a U.S.-Japanese pact on semiconductors. It was satisfied with cooperation from non-OPEC producers and the Franco-U.S. consortium.";
        let mentions = extract_mentions(text, Language::English);
        let found: Vec<(&str, &str)> = mentions.iter().map(|m| (m.text.as_str(), m.entity_type.as_str())).collect();
        assert_eq!(
            found,
            [
                ("Iran", "LOC"),
                ("Iraq", "LOC"),
                ("Tokyo", "LOC"),
                ("U.S.", "LOC"),
                ("Japanese", "MISC"),
                ("OPEC", "ORG"),
                ("U.S.", "LOC")
            ]
        );
        // Firms, an offensive, a family name and a firm's place: no places.
        let text = "Petro-Canada raised its posted price. Iran launched the offensive, codenamed Karbala-7, on Tuesday. Kuwaiti oil minister Sheikh Ali al-Khalifa al-Sabah said so. Landesbank Rheinland-Pfalz International SA is issuing a bond.";
        let mentions = extract_mentions(text, Language::English);
        let texts: Vec<&str> = mentions.iter().map(|m| m.text.as_str()).collect();
        for never in ["Canada", "Karbala", "Sabah", "Rheinland", "Pfalz"] {
            assert!(!texts.contains(&never), "{never} in {texts:?}");
        }
    }

    #[test]
    fn reuters_middle_initials_and_demonyms_in_an() {
        // Reuters-21578: "Ivan F. Boesky" had been MISC, "Venezuelan" and "Ugandan" places.
        let text = "He agreed to purchase stocks from entities controlled\nby Ivan F. Boesky and later resell the stock to the Boesky\nfirms.\n    The breakthrough in the Venezuelan talks came today. The Ugandan government depends on coffee export duties.";
        let mentions = extract_mentions(text, Language::English);
        let found: Vec<(&str, &str)> = mentions.iter().map(|m| (m.text.as_str(), m.entity_type.as_str())).collect();
        assert_eq!(found, [("Ivan F. Boesky", "PER"), ("Boesky", "PER"), ("Venezuelan", "MISC"), ("Ugandan", "MISC")]);
        // "Western Europe" had been MISC.
        let text = "For 1987, the hotel group will focus on expansion on\nWestern Europe and Asia, citing China as an untapped source.";
        let mentions = extract_mentions(text, Language::English);
        let found: Vec<(&str, &str)> = mentions.iter().map(|m| (m.text.as_str(), m.entity_type.as_str())).collect();
        assert_eq!(found, [("Western Europe", "LOC"), ("Asia", "LOC"), ("China", "LOC")]);
    }

    #[test]
    fn reuters_brokerages_are_organizations() {
        // Reuters-21578 sentences: Smith Barney and Kidder Peabody were person entities.
        let text = "The bonds were priced by Kidder Peabody. Smith Barney analyst Craig Sloane said the offer was low.";
        let mentions = extract_mentions(text, Language::English);
        let of = |name: &str| mentions.iter().find(|m| m.text == name).map(|m| m.entity_type);
        assert_eq!(of("Kidder Peabody"), Some(EntityType::Org), "{mentions:?}");
        assert_eq!(of("Smith Barney"), Some(EntityType::Org), "{mentions:?}");
        let text = "Mobil Corp said it would sell the refinery. Mobil said the sale would close in May.";
        let mentions = extract_mentions(text, Language::English);
        assert!(mentions.iter().all(|m| m.entity_type == EntityType::Org), "{mentions:?}");
        assert_eq!(of("Craig Sloane"), Some(EntityType::Per), "{mentions:?}");
    }

    #[test]
    fn reuters_wrapped_lines_and_unlisted_surnames() {
        // Reuters-21578 as it is stored: lines wrapped at about 65 characters, paragraphs
        // indented; Volcker and Funaro are on no name list.
        let text =
            "The chairman of the Federal Reserve\nBoard, Paul Volcker, has written to the chairman of the House\n\
                    Banking Committee to raise concerns about legislative proposals\nscheduled for consideration \
                    Wednesday.\n    He had earlier met Brazil's Finance Minister Dilson Funaro and\n\
                    U.S. Treasury Secretary James Baker, officials of the Reagan\nAdministration said, and \
                    analysts at Salomon Brothers Inc.\n    Salomon Brothers said the unit was sold.";
        let mentions = extract_mentions(text, Language::English);
        let types = texts_and_types(&mentions);
        for person in ["Paul Volcker", "Dilson Funaro", "James Baker"] {
            assert!(types.contains(&(person, "PER")), "{person}: {types:?}");
        }
        assert!(types.contains(&("House\nBanking Committee", "ORG")), "{types:?}");
        assert!(types.contains(&("Salomon Brothers", "ORG")), "a firm named after people: {types:?}");
        assert!(!types.contains(&("Reagan\nAdministration", "PER")), "{types:?}");
        // "and" inside an organization's name, not between two places.
        let text = "Shares rose, the Securities and Exchange Commission said, and Britain and France agreed.";
        let mentions = extract_mentions(text, Language::English);
        let types = texts_and_types(&mentions);
        assert!(types.contains(&("Securities and Exchange Commission", "ORG")), "{types:?}");
        assert!(types.contains(&("Britain", "LOC")) && types.contains(&("France", "LOC")), "{types:?}");
        // A hyphenated lower-case end is no part of the name.
        let text = "The San Francisco-based company said the Asher Edelman-led group, and al-Qaeda, agreed.";
        let mentions = extract_mentions(text, Language::English);
        let types = texts_and_types(&mentions);
        assert!(types.contains(&("San Francisco", "LOC")), "{types:?}");
        assert!(types.contains(&("Asher Edelman", "PER")), "{types:?}");
        assert!(types.iter().any(|(t, _)| *t == "al-Qaeda"), "{types:?}");
        // A weekday ends a name and starts none; a person is not "of" a place; "the" joins a name
        // only after "of".
        let text = "U.S. Trade Representative Clayton Yeutter Monday met Senator Robert Dole of Kansas. \
                    On Friday Reagan met the Comptroller of the Currency and the House Appropriations Committee \
                    the President addressed.";
        let mentions = extract_mentions(text, Language::English);
        let types = texts_and_types(&mentions);
        for (name, kind) in [("Clayton Yeutter", "PER"), ("Robert Dole", "PER"), ("Kansas", "LOC")] {
            assert!(types.contains(&(name, kind)), "{name}: {types:?}");
        }
        assert!(types.iter().any(|(t, _)| *t == "Comptroller of the Currency"), "{types:?}");
        assert!(!types.iter().any(|(t, _)| t.contains("Friday") || t.contains("Committee the")), "{types:?}");
    }
}
