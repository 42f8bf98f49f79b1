//! The scored comparison of two names: a handful of features of the pair, combined by a
//! logistic model whose weights are fitted on sanctions-list aliases (`akhbar train names`) and
//! shipped in data/models/names.json. The skeleton key finds candidates; this decides.

use std::collections::HashSet;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use super::analyze::{NameForm, NameToken};

/// Names of the features, in the order of [`pair_features`].
pub const FEATURES: [&str; N_FEATURES] = [
    "bias",
    "subset_of_two_or_more",
    "key_equal",
    "jaro_winkler_skeleton",
    "jaro_winkler_plain",
    "weakest_token_alignment",
    "jaro_winkler_full",
    "token_alignment",
    "skeleton_token_overlap",
    "last_skeleton_equal",
    "first_skeleton_equal",
    "shared_variant_group",
    "nisba_mismatch",
    "token_count_difference",
    "token_coverage",
    "glued_equal",
    "shared_rarity",
    "unmatched_rarity",
    "matched_fraction",
    "both_have_unmatched",
    "given_names_differ",
];

/// The features that are not similarities; every other feature's weight is kept non-negative.
const NOT_SIMILARITIES: [&str; 6] = [
    "bias",
    "nisba_mismatch",
    "token_count_difference",
    "unmatched_rarity",
    "both_have_unmatched",
    "given_names_differ",
];

/// How many features a pair has.
pub const N_FEATURES: usize = 21;

/// The features of one pair of names.
pub type Features = [f64; N_FEATURES];

/// Jaro-Winkler similarity of two strings (0..1).
pub fn jaro_winkler(a: &str, b: &str) -> f64 {
    // Folded forms and skeletons are ASCII: compare their bytes without collecting characters.
    if a.is_ascii() && b.is_ascii() {
        return jaro_winkler_of(a.as_bytes(), b.as_bytes());
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    jaro_winkler_of(&a, &b)
}

fn jaro_winkler_of<T: PartialEq>(a: &[T], b: &[T]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return if a.len() == b.len() { 1.0 } else { 0.0 };
    }
    // Which units are matched: on the stack for names of usual length.
    let (mut a_stack, mut b_stack) = ([false; 64], [false; 64]);
    let (mut a_heap, mut b_heap) = (Vec::new(), Vec::new());
    let (a_matched, b_matched): (&mut [bool], &mut [bool]) = if a.len() <= 64 && b.len() <= 64 {
        (&mut a_stack[..a.len()], &mut b_stack[..b.len()])
    } else {
        a_heap.resize(a.len(), false);
        b_heap.resize(b.len(), false);
        (&mut a_heap, &mut b_heap)
    };
    let window = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut matches = 0usize;
    for (i, ca) in a.iter().enumerate() {
        let low = i.saturating_sub(window);
        let high = (i + window + 1).min(b.len());
        for j in low..high {
            if !b_matched[j] && b[j] == *ca {
                a_matched[i] = true;
                b_matched[j] = true;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    // Matched units of `a` and of `b`, in order, compared pairwise.
    let mut transpositions = 0usize;
    let mut k = 0;
    for (i, ca) in a.iter().enumerate() {
        if a_matched[i] {
            while !b_matched[k] {
                k += 1;
            }
            transpositions += usize::from(b[k] != *ca);
            k += 1;
        }
    }
    let m = matches as f64;
    let jaro = (m / a.len() as f64 + m / b.len() as f64 + (m - (transpositions / 2) as f64) / m) / 3.0;
    let prefix = a.iter().zip(b).take(4).take_while(|(x, y)| x == y).count() as f64;
    jaro + prefix * 0.1 * (1.0 - jaro)
}

/// Whether two sequences are at most one edit apart (a letter changed, added or dropped): the
/// Levenshtein distance is 0 or 1, found in one pass without allocating.
pub fn within_one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if prefix == short.len() {
        return true;
    }
    if short.len() == long.len() {
        short[prefix + 1..] == long[prefix + 1..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

/// The features of a pair of names, in the order of [`FEATURES`].
pub fn pair_features(a: &NameForm, b: &NameForm) -> Features {
    let (core_a, core_b) = (a.core(), b.core());
    // Two tokens of one name that the other writes as one are one token here.
    let (joined_a, joined_b) = (run_together(&core_a, &core_b), run_together(&core_b, &core_a));
    let core_a: Vec<&NameToken> = joined_a.as_ref().map_or(core_a, |tokens| tokens.iter().collect());
    let core_b: Vec<&NameToken> = joined_b.as_ref().map_or(core_b, |tokens| tokens.iter().collect());
    let (short, long) = if core_a.len() <= core_b.len() { (&core_a, &core_b) } else { (&core_b, &core_a) };
    let joined = |tokens: &[&NameToken], sorted: bool| {
        let mut folded: Vec<&str> = tokens.iter().map(|t| t.folded.as_str()).collect();
        if sorted {
            folded.sort_unstable();
        }
        folded.join(" ")
    };
    // In either order: lists write `Hissene Abdoulaye` and `Abdoulaye Hissene`.
    let full = jaro_winkler(&joined(&core_a, false), &joined(&core_b, false))
        .max(jaro_winkler(&joined(&core_a, true), &joined(&core_b, true)));
    let mut alignment = 0.0;
    let mut weakest: f64 = 1.0;
    let mut matched_tokens = 0usize;
    let mut skeleton_hits = 0.0;
    let mut group_hits = 0.0;
    let mut nisba_mismatch: f64 = 0.0;
    let (mut shared_rarity, mut unmatched_rarity): (f64, f64) = (0.0, 0.0);
    // The best similarity of each long-name token to any short-name token, for the coverage.
    let mut long_best = vec![0.0f64; long.len()];
    let long_skeletons: HashSet<&str> = long.iter().map(|t| t.skeleton.as_str()).collect();
    let (mut stack, mut heap) = ([None; 16], Vec::new());
    let partners: &mut [Option<(usize, f64)>] = if short.len() <= stack.len() {
        &mut stack[..short.len()]
    } else {
        heap.resize(short.len(), None);
        &mut heap
    };
    align_one_to_one(short, long, &mut long_best, partners);
    for (token, &partner) in short.iter().zip(partners.iter()) {
        if let Some((other, similarity)) = partner.map(|(j, similarity)| (long[j], similarity)) {
            alignment += similarity;
            weakest = weakest.min(similarity);
            // Alike as strings and at most one consonant apart: Issene is in Miskine (0.905); or a
            // Latin abd- compound and its name alone, alike as [`token_similarity`] compares them.
            let close = similarity >= 0.9
                && (within_one_edit(token.skeleton.as_bytes(), other.skeleton.as_bytes())
                    || (token.folded.starts_with("abdal") != other.folded.starts_with("abdal")
                        && token.form.is_ascii()
                        && other.form.is_ascii()));
            // The same consonants and not far apart as strings: Wa'il and Ali share only an L,
            // Caine and Snow an S and an N.
            let same_consonants = token.skeleton == other.skeleton && similarity >= 0.75;
            if close || same_consonants {
                matched_tokens += 1;
                shared_rarity = shared_rarity.max(token.rarity.min(other.rarity));
            } else if similarity < 0.8 {
                unmatched_rarity = unmatched_rarity.max(token.rarity);
            }
            if token.skeleton == other.skeleton && differ_by_nisba(token, other) {
                nisba_mismatch = 1.0;
            }
        }
        if long_skeletons.contains(token.skeleton.as_str()) {
            skeleton_hits += 1.0;
        }
        if !token.groups.is_empty() && long.iter().any(|o| o.groups.iter().any(|g| token.groups.contains(g))) {
            group_hits += 1.0;
        }
    }
    let n = short.len().max(1) as f64;
    let last_equal = match (core_a.last(), core_b.last()) {
        (Some(x), Some(y)) => f64::from(u8::from(x.skeleton == y.skeleton)),
        _ => 0.0,
    };
    let first_equal = match (core_a.first(), core_b.first()) {
        (Some(x), Some(y)) => f64::from(u8::from(x.skeleton == y.skeleton)),
        _ => 0.0,
    };
    let difference = (core_a.len() as f64 - core_b.len() as f64).abs().min(3.0);
    // The plain transliterations in either order too (held-out UN 0.795 -> 0.800, OFAC pairwise
    // precision 0.930 -> 0.937 once refitted; `names cluster` on the OFAC list ~15% slower.
    // Only where the core words are closer reordered: UN 0.800, OFAC 0.934, ~8% slower).
    // Not two names in Arabic script, which always put the given name first.
    let mut plain = jaro_winkler(&a.plain, &b.plain);
    if !(a.arabic_script && b.arabic_script) && (a.plain != a.plain_sorted || b.plain != b.plain_sorted) {
        plain = plain.max(jaro_winkler(&a.plain_sorted, &b.plain_sorted));
    }
    let (key_a, key_b) = (a.key(), b.key());
    let key_equal = f64::from(u8::from(key_a == key_b && !key_a.is_empty()));
    let skeleton_similarity = jaro_winkler(&key_a, &key_b);
    // Every token of a name of two or more found in the other: "Kawa Panga" in "Kawa Panga Mandro".
    let subset = f64::from(u8::from(short.len() >= 2 && matched_tokens == short.len()));
    // Both ways: how well every token of either name is matched in the other. "Rehmatullah" is
    // all in "Rahmatullah Shah Nawaz", but two of the long name's three tokens are missing.
    let coverage = (alignment + long_best.iter().sum::<f64>()) / (short.len() + long.len()).max(1) as f64;
    // Each name keeps a token the other lacks: `Jose GONZALEZ QUIRARTE` / `Jose Benito CABRERA`
    // share a given name and nothing else.
    let short_unmatched = short.len() > matched_tokens;
    let long_unmatched = long_best.iter().any(|&s| s < 0.8);
    let (glued_a, glued_b) = (a.glued(), b.glued());
    let glued_equal = glued_a.len() >= 4 && glued_a == glued_b;
    // Run together, the tokens each name seemed to lack are the same (BIN AL SHIBH, BINALSHIBH).
    let both_have_unmatched = f64::from(u8::from(short_unmatched && long_unmatched && !glued_equal));
    let glued_equal = f64::from(u8::from(glued_equal));
    [
        1.0,
        subset,
        key_equal,
        skeleton_similarity,
        plain,
        weakest,
        full,
        alignment / n,
        skeleton_hits / n,
        last_equal,
        first_equal,
        group_hits / n,
        nisba_mismatch,
        difference,
        coverage,
        glued_equal,
        shared_rarity,
        unmatched_rarity,
        matched_tokens as f64 / n,
        both_have_unmatched,
        f64::from(u8::from(given_names_differ(&core_a, &core_b))),
    ]
}

/// Whether every token of the shorter name is found in the other, each at a similarity of 0.9
/// or more (`Kashlaf` in `Mohammed Al Amin Al-Arabi Kashlaf`, `Zulkarnan` in `Ustad Daud
/// Zulkarnaen`).
pub fn one_within_other(a: &NameForm, b: &NameForm) -> bool {
    let features = pair_features(a, b);
    // Two names of as many words are one within the other only in the same order: حسن علي
    // (Hassan son of Ali) is not علي حسن.
    let same_order = a.core().len() != b.core().len()
        || features[FIRST_SKELETON_EQUAL] == 1.0
        || features[LAST_SKELETON_EQUAL] == 1.0;
    features[MATCHED_FRACTION] == 1.0 && features[WEAKEST_TOKEN_ALIGNMENT] >= 0.9 && same_order
}

/// Whether two names of two words or more share a given name or a surname but each has a word
/// the other lacks: Slobodan and Marija MILOSEVIC, Konstantin MALOFEYEV and Konstantin KULIK.
pub fn kin_or_namesakes(a: &NameForm, b: &NameForm) -> bool {
    let features = pair_features(a, b);
    a.core().len() >= 2
        && b.core().len() >= 2
        && features[BOTH_HAVE_UNMATCHED] == 1.0
        && (features[FIRST_SKELETON_EQUAL] == 1.0) != (features[LAST_SKELETON_EQUAL] == 1.0)
}

/// The index of `weakest_token_alignment` in [`FEATURES`].
const WEAKEST_TOKEN_ALIGNMENT: usize = 5;
/// The index of `matched_fraction` in [`FEATURES`].
const MATCHED_FRACTION: usize = 18;
/// The index of `both_have_unmatched` in [`FEATURES`].
const BOTH_HAVE_UNMATCHED: usize = 19;
/// The index of `first_skeleton_equal` in [`FEATURES`].
const FIRST_SKELETON_EQUAL: usize = 10;
/// The index of `last_skeleton_equal` in [`FEATURES`].
const LAST_SKELETON_EQUAL: usize = 9;

/// The tokens of `name` with each two neighbours that `other` writes as one token run together,
/// when neither of the two is in `other` by itself: lists write one name with and without its
/// space or hyphen (SIDDIQMAL and صديق مل, MAZHARI and Maz-hari, SHAHIDKHEL and شهيد خيل). `None`
/// when there are none.
fn run_together(name: &[&NameToken], other: &[&NameToken]) -> Option<Vec<NameToken>> {
    let alone = |token: &NameToken| other.iter().any(|o| o.skeleton == token.skeleton);
    let joins = |first: &NameToken, second: &NameToken| {
        !first.skeleton.is_empty()
            && !second.skeleton.is_empty()
            && !alone(first)
            && !alone(second)
            && other.iter().any(|o| {
                o.skeleton.len() == first.skeleton.len() + second.skeleton.len()
                    && o.skeleton.starts_with(first.skeleton.as_str())
                    && o.skeleton.ends_with(second.skeleton.as_str())
            })
    };
    if !name.windows(2).any(|pair| joins(pair[0], pair[1])) {
        return None;
    }
    let mut tokens: Vec<NameToken> = Vec::with_capacity(name.len());
    let mut index = 0;
    while index < name.len() {
        match name.get(index + 1).filter(|&&second| joins(name[index], second)) {
            Some(&second) => {
                let first = name[index];
                tokens.push(NameToken {
                    form: format!("{}{}", first.form, second.form),
                    latin: format!("{}{}", first.latin, second.latin.to_lowercase()),
                    folded: format!("{}{}", first.folded, second.folded),
                    skeleton: format!("{}{}", first.skeleton, second.skeleton),
                    particle: false,
                    nisba: second.nisba,
                    groups: Vec::new(),
                    rarity: first.rarity.max(second.rarity),
                });
                index += 2;
            }
            None => {
                tokens.push(name[index].clone());
                index += 1;
            }
        }
    }
    Some(tokens)
}

/// Each short-name token's partner in the long name and their similarity, no long-name token
/// taken twice: the most similar pair first (the last of equals), then the next among the rest.
/// `Hassan el-Hajj HASSAN` has two tokens `Hassan`, and `Hassan PELARAK` only one to match them.
/// `long_best` gets each long-name token's best similarity to any short-name token.
fn align_one_to_one(
    short: &[&NameToken],
    long: &[&NameToken],
    long_best: &mut [f64],
    partners: &mut [Option<(usize, f64)>],
) {
    // Names have a few tokens: their similarities fit on the stack.
    const ON_STACK: usize = 64;
    let width = long.len();
    let (mut stack, mut heap) = ([0.0f64; ON_STACK], Vec::new());
    let similarity: &mut [f64] = if short.len() * width <= ON_STACK {
        &mut stack[..short.len() * width]
    } else {
        heap.resize(short.len() * width, 0.0);
        &mut heap
    };
    for (i, token) in short.iter().enumerate() {
        for (j, other) in long.iter().enumerate() {
            let s = token_similarity(token, other);
            long_best[j] = long_best[j].max(s);
            similarity[i * width + j] = s;
        }
    }
    partners.iter_mut().for_each(|p| *p = None);
    // A long-name token is taken once its similarity is spent: set to below any similarity.
    for _ in 0..short.len().min(width) {
        let mut best: Option<(usize, usize, f64)> = None;
        for (i, _) in partners.iter().enumerate().filter(|(_, p)| p.is_none()) {
            for j in 0..width {
                let s = similarity[i * width + j];
                if s >= 0.0 && best.is_none_or(|(_, _, b)| s >= b) {
                    best = Some((i, j, s));
                }
            }
        }
        let Some((i, j, s)) = best else { break };
        partners[i] = Some((j, s));
        for row in 0..short.len() {
            similarity[row * width + j] = -1.0;
        }
    }
}

/// Jaro-Winkler similarity of two tokens' folded forms; two abd- compounds are compared by what
/// follows abd (Abdul Jalil / Abdul Qadir share their first five letters whatever the name).
fn token_similarity(a: &NameToken, b: &NameToken) -> f64 {
    fn rest(folded: &str) -> Option<&str> {
        ["abdal", "abdul", "abdel", "abdol"].iter().find_map(|p| folded.strip_prefix(p)).filter(|r| r.len() >= 2)
    }
    // Only asked of a pair where one token is an abd- compound (the scan is on a hot path).
    let latin = || a.form.is_ascii() && b.form.is_ascii();
    match (rest(&a.folded), rest(&b.folded)) {
        (Some(x), Some(y)) => jaro_winkler(x, y),
        // Lists leave out the abd of a compound: Iqbal ABDUL RAHMAN, Iqbal RAHMAN.
        (Some(x), None) if b.folded.len() >= 4 && latin() => {
            jaro_winkler(&a.folded, &b.folded).max(0.95 * jaro_winkler(x, &b.folded))
        }
        (None, Some(y)) if a.folded.len() >= 4 && latin() => {
            jaro_winkler(&a.folded, &b.folded).max(0.95 * jaro_winkler(&a.folded, y))
        }
        _ => jaro_winkler(&a.folded, &b.folded),
    }
}

/// Names of two or more tokens whose first tokens are different known names (the name-variant
/// groups share nothing, the skeletons differ): Yasir and Ayman Sabawi Ibrahim Hasan al-Tikriti
/// are brothers.
fn given_names_differ(a: &[&NameToken], b: &[&NameToken]) -> bool {
    match (a, b) {
        ([x, _, ..], [y, _, ..]) => {
            !x.groups.is_empty()
                && !y.groups.is_empty()
                && x.skeleton != y.skeleton
                && !x.groups.iter().any(|g| y.groups.contains(g))
        }
        _ => false,
    }
}

/// One token is the other with the nisba ending (سليماني / سليمان, Soleimani / Suleiman): one
/// ends in it and the other in a consonant. `Muhyi` and محي (Muhi) both end in a vowel.
fn differ_by_nisba(a: &NameToken, b: &NameToken) -> bool {
    let ends_in_consonant = |t: &NameToken| t.folded.chars().last().is_some_and(|c| !"aeiouy".contains(c));
    (a.nisba && !b.nisba && ends_in_consonant(b)) || (b.nisba && !a.nisba && ends_in_consonant(a))
}

/// The log-odds a differing nisba ending costs beyond the fitted weight.
pub const NISBA_VETO: f64 = 6.0;

/// A fitted logistic model over [`pair_features`].
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NameScorer {
    pub features: Vec<String>,
    pub weights: Vec<f64>,
    /// Probability at or above which two names are the same.
    pub threshold: f64,
    /// Clustering a list: two clusters joined through a pair at `threshold` merge when the mean
    /// probability over all their cross pairs reaches this (the threshold itself when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_average: Option<f64>,
    /// How the weights were fitted, for the record.
    pub fitted_on: String,
}

impl NameScorer {
    /// The scorer shipped in data/models/names.json.
    pub fn bundled() -> &'static NameScorer {
        static BUNDLED: std::sync::OnceLock<NameScorer> = std::sync::OnceLock::new();
        BUNDLED.get_or_init(|| {
            NameScorer::from_json(include_str!("../../data/models/names.json"))
                .expect("the bundled name scorer is valid")
        })
    }

    pub fn from_json(text: &str) -> Result<NameScorer> {
        let scorer: NameScorer = serde_json::from_str(text).context("not a name scorer")?;
        if scorer.features != FEATURES {
            anyhow::bail!(
                "the scorer's features {:?} are not this akhbar's {:?}: refit it with `akhbar train names`",
                scorer.features,
                FEATURES
            );
        }
        if scorer.weights.len() != N_FEATURES {
            anyhow::bail!("the scorer has {} weights for {N_FEATURES} features", scorer.weights.len());
        }
        Ok(scorer)
    }

    /// Probability that two names are the same.
    pub fn probability(&self, a: &NameForm, b: &NameForm) -> f64 {
        1.0 / (1.0 + (-self.logit(a, b)).exp())
    }

    /// The model's linear score (log-odds): for ranking, where probabilities near 1 would tie.
    ///
    /// On top of the fitted weights, a differing nisba ending (سليماني / سليمان, Soleimani /
    /// Suleiman) costs a fixed [`NISBA_VETO`]: the lists the weights are fitted on file some such
    /// pairs as aliases (OFAC gives "Qasim SULAYMAN" for Soleimani), but in running text the
    /// ending separates different people and different names, and merging them is the costlier
    /// mistake. Within one article, a truncated form still links to its full name (that is the
    /// resolve stage's rule, not this one's).
    pub fn logit(&self, a: &NameForm, b: &NameForm) -> f64 {
        let features = pair_features(a, b);
        let nisba = FEATURES.iter().position(|f| *f == "nisba_mismatch").map_or(0.0, |i| features[i]);
        self.fitted_logit(&features) - NISBA_VETO * nisba
    }

    /// The fitted weights alone, without the nisba veto: for ranking candidates for one query,
    /// where every candidate should be weighed the same way.
    pub fn ranking_score(&self, a: &NameForm, b: &NameForm) -> f64 {
        self.fitted_logit(&pair_features(a, b))
    }

    fn fitted_logit(&self, features: &[f64]) -> f64 {
        features.iter().zip(&self.weights).map(|(x, w)| x * w).sum()
    }

    /// The mean pair probability two clusters of a list must reach to merge.
    pub fn min_average(&self) -> f64 {
        self.min_average.unwrap_or(self.threshold)
    }

    pub fn same(&self, a: &NameForm, b: &NameForm) -> bool {
        self.probability(a, b) >= self.threshold
    }

    /// Fits the weights by gradient descent on labelled pairs (L2-regularized log loss), with
    /// positives and negatives weighted to count equally.
    pub fn fit(pairs: &[(Features, bool)], fitted_on: &str) -> NameScorer {
        let positives = pairs.iter().filter(|p| p.1).count().max(1) as f64;
        let negatives = pairs.iter().filter(|p| !p.1).count().max(1) as f64;
        let mut weights = [0.0f64; N_FEATURES];
        let rate = 0.5;
        for _ in 0..3000 {
            let mut gradient = [0.0f64; N_FEATURES];
            for (features, label) in pairs {
                let z: f64 = features.iter().zip(&weights).map(|(x, w)| x * w).sum();
                let p = 1.0 / (1.0 + (-z).exp());
                let error = p - if *label { 1.0 } else { 0.0 };
                let weight = if *label { 0.5 / positives } else { 0.5 / negatives };
                for (g, x) in gradient.iter_mut().zip(features) {
                    *g += weight * error * x;
                }
            }
            for (index, (w, g)) in weights.iter_mut().zip(gradient).enumerate() {
                *w -= rate * (g + 1e-4 * *w);
                // Monotone: more similarity never lowers the score. Features that correlate (a
                // shared skeleton and a close alignment) would otherwise trade signs, which
                // blocked negatives reward and look-up over all names punishes.
                if !NOT_SIMILARITIES.contains(&FEATURES[index]) {
                    *w = w.max(0.0);
                }
            }
        }
        NameScorer {
            features: FEATURES.iter().map(|f| f.to_string()).collect(),
            weights: weights.to_vec(),
            threshold: 0.5,
            min_average: None,
            fitted_on: fitted_on.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::analyze::analyze;

    #[test]
    fn one_edit_apart() {
        assert!(within_one_edit(b"SN", b"HSN"));
        assert!(within_one_edit(b"KSM", b"KSM"));
        assert!(within_one_edit(b"KSM", b"KSN"));
        assert!(within_one_edit(b"SLMN", b"SLN"));
        assert!(!within_one_edit(b"SN", b"MSKN"));
        assert!(!within_one_edit(b"ABC", b"BCA"));
        assert!(!within_one_edit(b"", b"AB"));
        assert!(within_one_edit::<u8>(b"", b""));
    }

    #[test]
    fn jaro_winkler_known_values() {
        assert!((jaro_winkler("martha", "marhta") - 0.961).abs() < 0.001);
        assert!((jaro_winkler("dixon", "dicksonx") - 0.813).abs() < 0.001);
        // The same letters in another script score alike.
        assert_eq!(jaro_winkler("مرتضى", "مرضتى"), jaro_winkler("abcde", "abdce"));
        assert_eq!(jaro_winkler("same", "same"), 1.0);
        assert_eq!(jaro_winkler("abc", "xyz"), 0.0);
    }

    /// The share of the shorter name's tokens matched in the other.
    #[test]
    fn the_feature_index_names_its_feature() {
        assert_eq!(FEATURES[WEAKEST_TOKEN_ALIGNMENT], "weakest_token_alignment");
        assert_eq!(FEATURES[MATCHED_FRACTION], "matched_fraction");
        assert_eq!(FEATURES[BOTH_HAVE_UNMATCHED], "both_have_unmatched");
        assert_eq!(FEATURES[FIRST_SKELETON_EQUAL], "first_skeleton_equal");
        assert_eq!(FEATURES[LAST_SKELETON_EQUAL], "last_skeleton_equal");
    }

    fn matched_fraction(a: &str, b: &str) -> f64 {
        let index = FEATURES.iter().position(|f| *f == "matched_fraction").unwrap();
        pair_features(&analyze(a), &analyze(b))[index]
    }

    #[test]
    fn no_token_is_matched_twice() {
        // OFAC: HASSAN twice (el-Hajj is a title) had matched Hassan PELARAK's one Hassan twice.
        assert_eq!(matched_fraction("Hassan el-Hajj HASSAN", "Hassan PELARAK"), 0.5);
        assert_eq!(matched_fraction("Hassan el-Hajj HASSAN", "Hasan HASSAN"), 1.0);
    }

    #[test]
    fn a_latin_list_may_leave_out_the_abd_of_a_compound() {
        // OFAC 7329: ABDURRAHMAN, Mohamad Iqbal is also Mohamad Iqbal RAHMAN.
        assert_eq!(matched_fraction("Mohamad Iqbal RAHMAN", "Mohamad Iqbal ABDUL RAHMAN"), 1.0);
        assert_eq!(matched_fraction("Mohamad Iqbal RAHMAN", "Mohamad Iqbal ABDURRAHMAN"), 1.0);
        // Arabic script writes the name whole: عزيز is not عبدالعزيز.
        assert_eq!(matched_fraction("خالد عزيز", "خالد عبدالعزيز"), 0.5);
    }

    #[test]
    fn alike_strings_of_other_consonants_do_not_match() {
        // UN and OFAC lists, Reuters-21578: Issene is in Miskine (Jaro-Winkler 0.905), Caine
        // and Snow share the consonants S N, Wa'il and Ali an L.
        assert_eq!(matched_fraction("Abdoulaye Issène", "Abdoulaye Miskine"), 0.5);
        assert_eq!(matched_fraction("Michael Caine", "Michael Snow"), 0.5);
        assert_eq!(matched_fraction("Muhammad Wa'il", "Muhammad 'ALI"), 0.5);
        // One record's spellings still do.
        assert_eq!(matched_fraction("Abdoulaye Issène", "ABDOULAYE HISSENE"), 1.0);
        assert_eq!(matched_fraction("Qasem Soleimani", "Ghasem Sulaymani"), 1.0);
    }
}
