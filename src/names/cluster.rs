//! Clustering a list of names: candidates share a token skeleton (blocking), the scorer decides
//! each candidate pair, and pairs judged the same are joined (single link). Deterministic: a
//! cluster is numbered by its first name in input order.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use super::analyze::{latin_skeleton, NameForm};
use super::score::{kin_or_namesakes, one_within_other, NameScorer};

/// Blocks larger than this are too common a skeleton (Mohammed) to compare all pairs in; their
/// names still meet through their other tokens.
const MAX_BLOCK: usize = 1500;

/// Union-find: the root of `x`'s set, halving the path on the way.
pub(super) fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Union-find: joins the items whose keys are equal, each to the first with its key.
pub(super) fn union_alike<'a>(parent: &mut [usize], keys: impl Iterator<Item = &'a str>) {
    let mut first_of: HashMap<&str, usize> = HashMap::new();
    for (index, key) in keys.enumerate() {
        match first_of.get(key) {
            Some(&first) => union(parent, first, index),
            None => {
                first_of.insert(key, index);
            }
        }
    }
}

/// Union-find: joins the sets of `a` and `b`, the smaller index as the root.
pub(super) fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        // The smaller index is the root: cluster numbering follows input order.
        let (low, high) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent[high] = low;
    }
}

/// The keys a name is blocked under: each core token's skeleton of at least two consonants and,
/// when `wide`, for a Latin token that may have an article glued on (`ELKADDAFI`, `ALBATHALI`,
/// `ALHAKIM`), the skeleton of the rest too. On the OFAC list this joins Aisha ELKADDAFI to
/// Aisha QADHAFI and two other people's glued spellings to theirs. Only a consonant after the
/// article counts: a vowel after it is a name's own (Alexander).
/// (Also tried: the first four consonants of a long skeleton, which joined KHANFURAN to
/// KHANFURAH but Alexander to Aleksandrovich; and the folded form of a token whose skeleton is
/// one consonant, Lau or Kim, which chained unrelated Korean and Chinese names.)
fn blocking_keys(name: &NameForm, wide: bool) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    let mut add = |key: String| {
        if !keys.contains(&key) {
            keys.push(key);
        }
    };
    // The whole name run together (articles and bin left out), by its consonants: lists write
    // one name with and without its spaces (Seyedmehdi MOJTAHEDNAJAFI, Seyed Mehdi Mojtahed
    // NAJAFI; Hongri LI, Hong Ri LI), where no word of one is a word of the other. Three
    // consonants are enough (WALIJAN, ولی جان: UN 0.800 -> 0.802; كواك تاي هوي, Kwak Tae-hwi, with
    // كواك تاي on SaudiNewsNet).
    if wide {
        let glued = latin_skeleton(&name.glued());
        if glued.chars().count() >= 3 {
            add(format!("={glued}"));
        }
    }
    for token in name.core() {
        if token.skeleton.chars().count() >= 2 {
            add(token.skeleton.clone());
        }
        if wide && !name.arabic_script {
            let rest = ["al", "il"].iter().find_map(|article| token.folded.strip_prefix(article));
            // After a vowel "al" is a name's own letters (Alexander, Alejandro): such keys only
            // add pairs the scorer rejects.
            if let Some(rest) = rest.filter(|r| r.chars().count() >= 4 && !r.starts_with(['a', 'e', 'i', 'o', 'u'])) {
                let skeleton = latin_skeleton(rest);
                if skeleton.chars().count() >= 2 {
                    add(skeleton);
                }
            }
        }
    }
    keys
}

/// Candidate pairs: names that share a blocking key ([`blocking_keys`]).
pub fn candidate_pairs(names: &[NameForm]) -> Vec<(usize, usize)> {
    pairs_sharing_keys(names, true)
}

/// Pairs of names that share a token skeleton of two consonants or more: the look-alikes the
/// scorer's negatives are drawn from. (Drawing them from all candidate pairs instead, the short
/// tokens' and glued articles' keys included, lowered held-out pairwise precision from 0.978 to
/// 0.905 on the UN list and from 0.924 to 0.872 on OFAC.)
pub fn skeleton_pairs(names: &[NameForm]) -> Vec<(usize, usize)> {
    pairs_sharing_keys(names, false)
}

fn pairs_sharing_keys(names: &[NameForm], wide: bool) -> Vec<(usize, usize)> {
    let mut blocks: HashMap<String, Vec<usize>> = HashMap::new();
    for (index, name) in names.iter().enumerate() {
        for key in blocking_keys(name, wide) {
            blocks.entry(key).or_default().push(index);
        }
    }
    let mut pairs = Vec::new();
    for members in blocks.values() {
        if members.len() > MAX_BLOCK {
            continue;
        }
        for (i, &a) in members.iter().enumerate() {
            for &b in &members[i + 1..] {
                pairs.push((a.min(b), a.max(b)));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The cluster of each name: the index of the first name of its cluster.
pub fn cluster_names(names: &[NameForm], scorer: &NameScorer) -> Vec<usize> {
    let scores = scored_pairs(names, |a, b| scorer.probability(&names[a], &names[b]));
    let clusters = link_scored(names, &scores, scorer.threshold, scorer.min_average());
    join_lone_partials(names, &scores, clusters)
}

/// Joins names whose pair score reaches `threshold`, strongest pairs first, but merges two
/// clusters only when the average score over all their cross pairs reaches it too (pairs that
/// share no skeleton count as 0): one good-looking pair cannot chain two people together. A
/// negative score says two names must never be in one cluster.
pub fn cluster_average_link(
    names: &[NameForm],
    score: impl Fn(usize, usize) -> f64 + Sync,
    threshold: f64,
) -> Vec<usize> {
    cluster_linked(names, score, threshold, threshold)
}

/// [`cluster_average_link`] with its two bars apart: clusters are joined through a pair scoring
/// `threshold` or more when the average over all their cross pairs reaches `min_average`. A
/// list's aliases often share a token only with the full name (`Fuad Khalaf` and `Fuad Shongole`
/// with `Fuad Muhammad Khalaf Shongole`): a lower average lets them meet through it.
pub fn cluster_linked(
    names: &[NameForm],
    score: impl Fn(usize, usize) -> f64 + Sync,
    threshold: f64,
    min_average: f64,
) -> Vec<usize> {
    link_scored(names, &scored_pairs(names, score), threshold, min_average)
}

/// Every candidate pair ([`candidate_pairs`]) with its score, scored in parallel; two names
/// spelled alike score 1.
pub fn scored_pairs(names: &[NameForm], score: impl Fn(usize, usize) -> f64 + Sync) -> HashMap<(usize, usize), f64> {
    let pairs = candidate_pairs(names);
    let values: Vec<f64> = pairs
        .par_iter()
        .map(|&(a, b)| if names[a].original == names[b].original { 1.0 } else { score(a, b) })
        .collect();
    pairs.into_iter().zip(values).collect()
}

/// [`cluster_linked`] over pairs scored once ([`scored_pairs`]).
pub fn link_scored(
    names: &[NameForm],
    scores: &HashMap<(usize, usize), f64>,
    threshold: f64,
    min_average: f64,
) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..names.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..names.len()).map(|i| vec![i]).collect();
    let mut strong: Vec<((usize, usize), f64)> =
        scores.iter().filter(|(_, &v)| v >= threshold).map(|(&k, &v)| (k, v)).collect();
    strong.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    for ((a, b), _) in strong {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra == rb {
            continue;
        }
        let mut total = 0.0;
        let mut cannot_link = false;
        for &x in &members[ra] {
            for &y in &members[rb] {
                let key = (x.min(y), x.max(y));
                let value =
                    scores.get(&key).copied().unwrap_or(if names[x].original == names[y].original { 1.0 } else { 0.0 });
                cannot_link |= value < 0.0;
                total += value;
            }
        }
        if !cannot_link && total / (members[ra].len() * members[rb].len()) as f64 >= min_average {
            union(&mut parent, ra, rb);
            let root = find(&mut parent, ra);
            let other = if root == ra { rb } else { ra };
            let moved = std::mem::take(&mut members[other]);
            members[root].extend(moved);
        }
    }
    (0..names.len()).map(|i| find(&mut parent, i)).collect()
}

/// The least best pair score at which a partial name joins the one cluster it fits.
const LONE_FIT: f64 = 0.8;
/// How far above every other cluster's best pair that one cluster's must be.
const LONE_MARGIN: f64 = 0.2;

/// A short or partial name that fits exactly one cluster of the list joins it, as within an
/// article: lists give a man's surname or two of his names as aliases (`Kashlaf` for `Mohammed
/// Al Amin Al-Arabi Kashlaf`, `Jok Riak` for `GABRIEL JOK RIAK MAKOL`), which score below the
/// threshold against him because they would fit anyone of that name. Two clusters join when
/// their best pair scores [`LONE_FIT`] or more and every word of one of its names is found in the
/// other, each cluster is the other's best, no third cluster comes within [`LONE_MARGIN`] of
/// either, and no two names across them are kin or namesakes ([`kin_or_namesakes`]). A larger
/// list holds more people of one name, so the rule joins less there.
/// (Dev folds of the UN and OFAC training records, means: B-cubed F1 0.795 -> 0.805 on UN and
/// 0.882 -> 0.885 on OFAC, pairwise precision 0.965 on both before and after. Joining through
/// any best pair, not only one within the other, gave 0.821 on UN but joined Konstantin
/// MALOFEYEV and Konstantin KULIK: precision 0.94 on OFAC. Words found only loosely, below 0.9,
/// joined YAKUZA to Kazuya UCHIBORI and DAVAR to Ali AL-DAFEER on the whole OFAC list.)
pub fn join_lone_partials(
    names: &[NameForm],
    scores: &HashMap<(usize, usize), f64>,
    clusters: Vec<usize>,
) -> Vec<usize> {
    // The best pair between each two clusters; a negative pair anywhere between them forbids.
    let mut best: HashMap<(usize, usize), ((usize, usize), f64)> = HashMap::new();
    let mut forbidden: HashSet<(usize, usize)> = HashSet::new();
    for (&(a, b), &value) in scores {
        // A pair further below the bar than the margin neither joins nor stands in the way.
        if (0.0..LONE_FIT - LONE_MARGIN).contains(&value) {
            continue;
        }
        let (x, y) = (clusters[a].min(clusters[b]), clusters[a].max(clusters[b]));
        if x == y {
            continue;
        }
        if value < 0.0 {
            forbidden.insert((x, y));
            continue;
        }
        let entry = best.entry((x, y)).or_insert(((a, b), f64::MIN));
        if value > entry.1 || (value == entry.1 && (a, b) < entry.0) {
            *entry = ((a, b), value);
        }
    }
    // Each cluster's best and second-best neighbour.
    let mut top: HashMap<usize, (f64, usize, f64)> = HashMap::new();
    let mut offer = |x: usize, y: usize, value: f64| {
        let entry = top.entry(x).or_insert((f64::MIN, usize::MAX, f64::MIN));
        if value > entry.0 || (value == entry.0 && y < entry.1) {
            *entry = (value, y, entry.0);
        } else if value > entry.2 {
            entry.2 = value;
        }
    };
    for (&(x, y), &(_, value)) in &best {
        offer(x, y, value);
        offer(y, x, value);
    }
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for (index, &cluster) in clusters.iter().enumerate() {
        members.entry(cluster).or_default().push(index);
    }
    // No compared pair across the two clusters is kin or namesakes: a surname alone does not
    // chain Slobodan MILOSEVIC to Marija MILOSEVIC.
    let compatible = |x: usize, y: usize| {
        members[&x].iter().all(|&a| {
            members[&y]
                .iter()
                .all(|&b| !scores.contains_key(&(a.min(b), a.max(b))) || !kin_or_namesakes(&names[a], &names[b]))
        })
    };
    let mut joins: Vec<(usize, usize)> = best
        .iter()
        .filter(|(&(x, y), &((a, b), value))| {
            let lone = |x: usize, y: usize| {
                top.get(&x).is_some_and(|&(first, partner, second)| partner == y && second <= first - LONE_MARGIN)
            };
            value >= LONE_FIT
                && lone(x, y)
                && lone(y, x)
                && !forbidden.contains(&(x, y))
                && one_within_other(&names[a], &names[b])
                && compatible(x, y)
        })
        .map(|(&pair, _)| pair)
        .collect();
    joins.sort_unstable();
    let mut parent: Vec<usize> = (0..names.len()).collect();
    for (x, y) in joins {
        union(&mut parent, x, y);
    }
    clusters.iter().map(|&c| find(&mut parent, c)).collect()
}

/// Single-link clustering with any pair decision (the baseline's method).
pub fn cluster_with(names: &[NameForm], mut same: impl FnMut(usize, usize) -> bool) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..names.len()).collect();
    union_alike(&mut parent, names.iter().map(|name| name.original.as_str()));
    for (a, b) in candidate_pairs(names) {
        if find(&mut parent, a) != find(&mut parent, b) && same(a, b) {
            union(&mut parent, a, b);
        }
    }
    (0..names.len()).map(|i| find(&mut parent, i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::analyze;

    #[test]
    fn spellings_cluster_and_lookalikes_stay_apart() {
        let inputs = [
            "Qasem Soleimani",
            "قاسم سليماني",
            "Qassem Suleimani",
            "Ghasem Soleymani",
            "محمود سلماني",
            "Vladimir Putin",
            "فلاديمير بوتين",
        ];
        let names: Vec<_> = inputs.iter().map(|n| analyze(n)).collect();
        let clusters = cluster_names(&names, NameScorer::bundled());
        assert_eq!(clusters[0], clusters[1]);
        assert_eq!(clusters[0], clusters[2]);
        assert_eq!(clusters[0], clusters[3]);
        assert_ne!(clusters[0], clusters[4], "محمود سلماني is another man");
        assert_eq!(clusters[5], clusters[6]);
        assert_ne!(clusters[0], clusters[5]);
    }

    fn clusters_of(inputs: &[&str]) -> Vec<usize> {
        let names: Vec<_> = inputs.iter().map(|n| analyze(n)).collect();
        cluster_names(&names, NameScorer::bundled())
    }

    #[test]
    fn variant_spellings_from_the_news_merge() {
        for group in [
            &["Morsi", "Mursi", "Morsy", "مرسي"][..],
            &["Gaddafi", "Gadhafi", "Kadhafi", "القذافي", "القذافى"],
            &["al-Qaeda", "al Qaeda", "al-Qaida", "القاعدة"],
            &["بوتين", "بوتن", "Putin"],
            // One abd- name, however its article is spelled (UN list QDi.293, SaudiNewsNet).
            &["Abdurrahim Bashir", "Abdul Rahim Bashir", "'Abd Al-Rahim Bashir", "عبد الرحيم باشير"],
            &["Abdirahman", "Abdul Rahman", "Abdelrahman", "عبدالرحمن"],
        ] {
            let clusters = clusters_of(group);
            assert!(clusters.iter().all(|&c| c == clusters[0]), "{group:?} → {clusters:?}");
        }
    }

    #[test]
    fn a_glued_article_does_not_hide_a_name() {
        // OFAC list: one record spells her ELKADDAFI, others QADHAFI and EL-QADDAFI.
        let clusters = clusters_of(&["Aisha QADHAFI", "Aisha ELKADDAFI", "Aisha EL-QADDAFI", "Hannibal QADHAFI"]);
        assert_eq!(clusters[0], clusters[1]);
        assert_eq!(clusters[0], clusters[2]);
        assert_ne!(clusters[0], clusters[3], "her brother");
    }

    #[test]
    fn list_aliases_merge_and_brothers_stay_apart() {
        // UN list IQi.081 and IQi.083: two brothers, named alike but for the given name.
        let clusters = clusters_of(&[
            "YASIR SABAWI IBRAHIM HASAN AL-TIKRITI",
            "Yasser Sabawi Ibrahim Hasan Al-Tikriti",
            "ياسر سبعاوي إبراهيم حسن التكريتي",
            "AYMAN SABAWI IBRAHIM HASAN AL-TIKRITI",
            "Aiman Sabawi Ibrahim Hasan Al-Tikriti",
        ]);
        assert_eq!(clusters[0], clusters[1]);
        assert_eq!(clusters[0], clusters[2]);
        assert_eq!(clusters[3], clusters[4]);
        assert_ne!(clusters[0], clusters[3], "Yasir and Ayman are brothers, not one man");
        // Two men's aliases each: each pair merges, the two men stay apart.
        for [a, b, c, d] in [
            // UN list QDi.154 and QDi.352: a glued أبو, and the titles lists write into names.
            [
                "SULAIMAN JASSEM SULAIMAN ALI ABO GHAITH",
                "سليمان جاسم سليمان علي أبوغيث",
                "MAULANA FAZLULLAH",
                "Mullah Fazlullah",
            ],
            // UN list TAi.028 and TAi.143: one script writes two words where the other writes one.
            ["SAID AHMED SHAHIDKHEL", "سيد أحمد شهيد خيل", "HAMDULLAH ALLAH NOOR", "حمد الله الله نور"],
            // UN list KPi.018 and KPi.038: Korean names in McCune-Reischauer and in the North's
            // spelling.
            ["JON MYONG GUK", "Cho’n Myo’ng-kuk", "CHO CHUN RYONG", "Jo Chun Ryong"],
            // OFAC 27028 and 22609: one name with and without its spaces, no word shared.
            ["Seyed Mehdi Mojtahed NAJAFI", "Seyedmehdi MOJTAHEDNAJAFI", "Hong Ri LI", "Hongri LI"],
            // OFAC 29674 and 32211: Belarusian and Russian forms of one name.
            [
                "Vadzim Dzmitrievich IPATAU",
                "Vadim Dmitrievich IPATOV",
                "Siarhei Yaugenavich ZUBKOU",
                "Sergei Yevgenevich ZUBKOV",
            ],
            // UN list TAi.095 and OFAC: a short name written together and apart.
            ["WALIJAN", "ولی جان", "Hong Ri LI", "Hongri LI"],
            // OFAC: one man's aliases, written apart, together and in the other order.
            ["Zakhar KALASHOV", "Zakhary KALASHOV", "Ramzi BIN AL SHIBH", "Ramzi BINALSHIBH"],
        ] {
            let clusters = clusters_of(&[a, b, c, d]);
            assert_eq!(clusters[0], clusters[1], "{a} / {b}");
            assert_eq!(clusters[2], clusters[3], "{c} / {d}");
            assert_ne!(clusters[0], clusters[2], "{a} / {c}");
        }
    }

    #[test]
    fn a_partial_name_joins_the_one_person_it_fits() {
        // UN list LYi.025 and SSi.001: a surname, two of four names.
        let clusters = clusters_of(&[
            "Mohammed Al Amin Al-Arabi Kashlaf",
            "محمد الأمين العربي كشلاف",
            "Kashlaf",
            "GABRIEL JOK RIAK MAKOL",
            "Jok Riak",
        ]);
        assert_eq!(clusters[0], clusters[1]);
        assert_eq!(clusters[0], clusters[2], "Kashlaf");
        assert_eq!(clusters[3], clusters[4], "Jok Riak");
        assert_ne!(clusters[0], clusters[3]);
        // OFAC: names that share only a given name, each with a surname the other lacks, stay
        // apart even alone in a list; so do a father's and a son's names (Hassan son of Ali, Ali
        // son of Hassan).
        for pair in [["Konstantin MALOFEYEV", "Konstantin KULIK"], ["حسن علي", "علي حسن"], ["Ali Hassan", "Hassan Ali"]]
        {
            let clusters = clusters_of(&pair);
            assert_ne!(clusters[0], clusters[1], "{pair:?}");
        }
    }

    #[test]
    fn a_list_name_in_the_other_order_is_the_same_name() {
        // UN list CFi.012 and OFAC: lists write the family name first or last.
        for pair in [["ABDOULAYE HISSENE", "Hissene Abdoulaye"], ["Mebrak YAZID", "Yazid MEBRAK"]] {
            let names: Vec<_> = pair.iter().map(|n| analyze(n)).collect();
            let scorer = NameScorer::bundled();
            assert!(scorer.probability(&names[0], &names[1]) >= scorer.threshold, "{pair:?}");
        }
    }

    #[test]
    fn a_surname_does_not_chain_two_people_who_carry_it() {
        // OFAC: MILOSEVIC alone, already with Marija, fits Slobodan too; they are not one.
        let names: Vec<_> =
            ["Slobodan MILOSEVIC", "Marija MILOSEVIC", "MILOSEVIC"].iter().map(|n| analyze(n)).collect();
        let scores: HashMap<(usize, usize), f64> = [((0, 1), 0.85), ((0, 2), 0.9), ((1, 2), 0.97)].into();
        assert_eq!(join_lone_partials(&names, &scores, vec![0, 1, 1]), vec![0, 1, 1]);
        // Without Marija, the surname joins Slobodan.
        let scores: HashMap<(usize, usize), f64> = [((0, 2), 0.9)].into();
        assert_eq!(join_lone_partials(&names, &scores, vec![0, 1, 2]), vec![0, 1, 0]);
    }

    #[test]
    fn lookalike_names_do_not_merge() {
        for pair in [
            ["قذاف الدم", "القذافي"],
            ["Sulayman", "Soleimani"],
            ["سليمان", "سليماني"],
            ["محمود سلماني", "قاسم سليماني"],
            // UN list TAi.034 and TAi.128: abd- compounds share their first letters, not a name.
            ["Abdul Jalil Haqqani", "Abdul Qadir Haqqani"],
            // OFAC 16688 and 16917: a patronymic is no surname.
            ["Sergei IVANOV", "Sergei Ivanovich NEVEROV"],
        ] {
            let clusters = clusters_of(&pair);
            assert_ne!(clusters[0], clusters[1], "{pair:?}");
        }
    }
}
