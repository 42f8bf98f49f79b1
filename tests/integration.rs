//! End-to-end tests: the `akhbar` binary on the bundled sample, on the real corpora in
//! ../shared/data (skipped with a message when absent), and on damaged inputs made here.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use arrow::array::{Array, Date32Array, Int64Array, RecordBatch, StringArray};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shared data directory, or `None` (with a note on stderr) when this checkout has none.
fn shared(relative: &str) -> Option<PathBuf> {
    let path = repo().join("../shared/data").join(relative);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("SKIP: {} is absent; this test needs ../shared/data beside the repository", path.display());
        None
    }
}

struct Run {
    code: i32,
    stderr: String,
    out: PathBuf,
    _dir: tempfile::TempDir,
}

fn akhbar(args: &[&str]) -> (i32, String, String) {
    let output =
        Command::new(env!("CARGO_BIN_EXE_akhbar")).args(args).current_dir(repo()).output().expect("akhbar runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn run(inputs: &[&Path], extra: &[&str]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let mut args: Vec<String> = vec!["run".into(), "--quiet".into(), "--out".into(), out.display().to_string()];
    for input in inputs {
        args.push("--input".into());
        args.push(input.display().to_string());
    }
    args.extend(extra.iter().map(|s| s.to_string()));
    let (code, _, stderr) = akhbar(&args.iter().map(String::as_str).collect::<Vec<_>>());
    Run { code, stderr, out, _dir: dir }
}

fn read_table(directory: &Path) -> Vec<RecordBatch> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(directory).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut batches = Vec::new();
    for file in files {
        let reader =
            ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(file).unwrap()).unwrap().build().unwrap();
        batches.extend(reader.map(Result::unwrap));
    }
    batches
}

fn strings(batches: &[RecordBatch], column: &str) -> Vec<Option<String>> {
    batches
        .iter()
        .flat_map(|b| {
            let array = b.column_by_name(column).unwrap().as_any().downcast_ref::<StringArray>().unwrap().clone();
            (0..array.len()).map(move |i| array.is_valid(i).then(|| array.value(i).to_string()))
        })
        .collect()
}

fn integers(batches: &[RecordBatch], column: &str) -> Vec<i64> {
    batches
        .iter()
        .flat_map(|b| {
            b.column_by_name(column).unwrap().as_any().downcast_ref::<Int64Array>().unwrap().values().to_vec()
        })
        .collect()
}

fn manifest(out: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(out.join("_manifest.json")).unwrap()).unwrap()
}

/// records read = documents + duplicates + rejects, and the tables hold exactly those rows.
fn assert_counts_add_up(out: &Path) -> serde_json::Value {
    let m = manifest(out);
    let (read, documents, duplicates, rejects) = (
        m["records_read"].as_u64().unwrap(),
        m["documents"].as_u64().unwrap(),
        m["duplicates"].as_u64().unwrap(),
        m["rejects"].as_u64().unwrap(),
    );
    assert_eq!(read, documents + duplicates + rejects, "{m}");
    let document_rows: usize = read_table(&out.join("documents")).iter().map(RecordBatch::num_rows).sum();
    let reject_rows: usize = read_table(&out.join("rejects")).iter().map(RecordBatch::num_rows).sum();
    assert_eq!(document_rows as u64, documents + duplicates);
    assert_eq!(reject_rows as u64, rejects);
    m
}

#[test]
fn bundled_sample_runs_with_no_arguments_and_accounts_for_all_50_articles() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let (code, _, stderr) = akhbar(&["run", "--out", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let m = assert_counts_add_up(&out);
    assert_eq!(m["records_read"], 50);
    assert_eq!(m["rejects"], 0);
    assert_eq!(m["status"], "ok");
    assert_eq!(m["inputs"].as_array().unwrap().len(), 3, "NOTICE is not an input: {m}");
    let (code, report, _) = akhbar(&["inspect", out.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(report.contains("documents by language"), "{report}");
    assert!(report.contains("records read 50 = documents 50"), "{report}");
}

#[test]
fn seed_article_parses_title_subtitle_date_language_and_label() {
    let seed = repo().join("data/sample/seed");
    let result = run(&[&seed], &[]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let documents = read_table(&result.out.join("documents"));
    assert_eq!(
        strings(&documents, "title")[0].as_deref(),
        Some("سليماني يزور موسكو لبحث تعزيز التعاون العسكري مع طهران")
    );
    assert_eq!(strings(&documents, "subtitle")[0].as_deref(), Some("تحالف ايراني روسي لدعم الاسد"));
    let published = documents[0].column_by_name("published").unwrap().as_any().downcast_ref::<Date32Array>().unwrap();
    assert_eq!(published.value_as_date(0).unwrap().to_string(), "2016-04-15");
    assert_eq!(strings(&documents, "published_precision")[0].as_deref(), Some("day"));
    assert_eq!(strings(&documents, "published_raw")[0].as_deref(), Some("الجمعة 2016/04/15"));
    assert_eq!(strings(&documents, "language")[0].as_deref(), Some("ar"));
    assert_eq!(strings(&documents, "script")[0].as_deref(), Some("arabic"));
    assert_eq!(strings(&documents, "label")[0].as_deref(), Some("1"));
    let text = strings(&documents, "text")[0].clone().unwrap();
    assert!(text.starts_with("موسكو - قالت ثلاثة مصادر"), "{text}");
    assert!(text.ends_with("بأن سليمان زار موسكو."), "the label line is not part of the text: {text}");
    // The seed's text is the file's body, untouched.
    let file = std::fs::read_to_string(seed.join("000_2b8ce03f76824978.txt")).unwrap();
    assert!(file.contains(&text));
}

#[test]
fn saudinewsnet_all_31030_articles_are_accounted_for_and_its_names_resolve() {
    let Some(corpus) = shared("corpora/saudinewsnet") else { return };
    let result = run(&[&corpus], &[]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let m = assert_counts_add_up(&result.out);
    assert_eq!(m["records_read"], 31030);
    // The only rejects are articles whose title and content are both empty in the source.
    assert_eq!(m["rejects_by_reason"].as_object().unwrap().keys().collect::<Vec<_>>(), ["empty_record"]);
    let documents = read_table(&result.out.join("documents"));
    let languages = strings(&documents, "language");
    let arabic = languages.iter().filter(|l| l.as_deref() == Some("ar")).count();
    assert!(arabic as f64 > 0.99 * languages.len() as f64, "{arabic} of {} are Arabic", languages.len());
    let precision = strings(&documents, "published_precision");
    assert!(precision.iter().all(|p| p.as_deref() == Some("day")), "every SaudiNewsNet article has date_extracted");
    let metadata = strings(&documents, "metadata");
    assert!(
        metadata.iter().all(|m| m.as_deref().is_some_and(|m| m.contains("\"source\":"))),
        "newspaper kept in metadata"
    );

    // Resolution on the real corpus: the entities each spelling's mentions went to.
    let mentions = read_table(&result.out.join("mentions"));
    let mut entities_of: std::collections::HashMap<String, std::collections::HashMap<String, usize>> =
        Default::default();
    for (text, entity) in strings(&mentions, "text").into_iter().zip(strings(&mentions, "entity_id")) {
        if let (Some(text), Some(entity)) = (text, entity) {
            *entities_of.entry(text).or_default().entry(entity).or_default() += 1;
        }
    }
    let of = |text: &str| entities_of.get(text).unwrap_or_else(|| panic!("{text} is not a mention"));
    let shared = |a: &str, b: &str| of(a).keys().any(|entity| of(b).contains_key(entity));
    // The entity most of a spelling's mentions went to.
    let main =
        |text: &str| of(text).iter().max_by_key(|(id, n)| (**n, (*id).clone())).map(|(id, _)| id.clone()).unwrap();
    // Must merge: the king with and without the family name; Putin's two spellings.
    assert!(shared("سلمان بن عبدالعزيز", "سلمان بن عبدالعزيز آل سعود"));
    assert!(shared("فلاديمير بوتين", "فلاديمير بوتن"));
    assert_eq!(main("بوتين"), main("فلاديمير بوتين"), "Putin alone is Vladimir Putin across articles");
    // Must not merge: the king and his son; places whose consonants agree; Salman and Sulayman.
    assert!(!shared("سلمان بن عبدالعزيز آل سعود", "محمد بن سلمان بن عبدالعزيز"));
    assert!(!shared("سوريا", "سويسرا"));
    assert!(!shared("سوريا", "عسير"));
    // (An article's own typo can join one Waleed Suleiman's سليمان and سلمان; the main
    // entities of the two names stay apart.)
    assert!(!of("سليمان").contains_key(&main("سلمان")));
    assert!(!of("سلمان").contains_key(&main("سليمان")));
}

#[test]
fn reuters_all_21578_stories_are_accounted_for_and_19043_have_a_body() {
    let Some(corpus) = shared("corpora/reuters21578") else { return };
    let result = run(&[&corpus], &[]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let m = assert_counts_add_up(&result.out);
    assert_eq!(m["records_read"], 21578);
    let documents = read_table(&result.out.join("documents"));
    let with_body = strings(&documents, "metadata")
        .iter()
        .filter(|m| m.as_deref().is_some_and(|m| m.contains("\"text_type\":\"NORMAL\"")))
        .count();
    // A rejected story is still accounted for: find its bytes and see whether it had a body.
    let rejects = read_table(&result.out.join("rejects"));
    let mut rejected_with_body = 0;
    for (source, offset) in strings(&rejects, "source").iter().zip(integers(&rejects, "offset")) {
        let bytes = std::fs::read(source.as_deref().unwrap()).unwrap();
        let story = &bytes[offset as usize..];
        let end = story.windows(10).position(|w| w == b"</REUTERS>").unwrap();
        rejected_with_body += usize::from(story[..end].windows(6).any(|w| w == b"<BODY>"));
    }
    assert_eq!(with_body + rejected_with_body, 19043);
    let languages = strings(&documents, "language");
    let english = languages.iter().filter(|l| l.as_deref() == Some("en")).count();
    assert!(english as f64 > 0.99 * languages.len() as f64, "{english} of {} are English", languages.len());
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn good_line(i: usize) -> String {
    format!("{{\"title\": \"Story {i}\", \"text\": \"Body of story number {i} said the minister.\", \"date\": \"2020-01-{:02}\"}}\n", 1 + i % 28)
}

#[test]
fn damaged_inputs_become_rejects_with_reasons_and_no_good_record_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("dump");
    std::fs::create_dir(&inputs).unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(inputs.join(name), bytes).unwrap();

    // JSON lines: 3 good, one malformed, one with invalid UTF-8, one 2 MB line.
    let mut lines = String::new();
    for i in 0..3 {
        lines.push_str(&good_line(i));
    }
    lines.push_str("{\"title\": \"broken\", \"text\": \n");
    let mut jsonl = lines.into_bytes();
    jsonl.extend_from_slice(b"{\"title\": \"bad \xff byte\", \"text\": \"x\"}\n");
    jsonl.extend_from_slice(format!("{{\"title\": \"huge\", \"text\": \"{}\"}}\n", "x".repeat(2 << 20)).as_bytes());
    jsonl.extend_from_slice(good_line(3).as_bytes());
    write("a.jsonl", &jsonl);

    // A gzip file cut in half: the lines before the cut survive.
    let many: String = (10..2010).map(good_line).collect();
    let compressed = gzip(many.as_bytes());
    write("b.jsonl.gz", &compressed[..compressed.len() / 2]);

    // A JSON array cut short, a zip cut short, an empty file, a binary file, an invalid text file.
    write("c.json", b"[{\"title\": \"one\", \"text\": \"first\"}, {\"title\": \"two\", \"text\": \"sec");
    let mut zip_bytes = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut zip_bytes);
        let options = zip::write::SimpleFileOptions::default();
        for member in 0..3 {
            zip.start_file(format!("part{member}.jsonl"), options).unwrap();
            let lines: String = (member * 100..member * 100 + 50).map(|i| good_line(5000 + i)).collect();
            zip.write_all(lines.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
    }
    let zip_bytes = zip_bytes.into_inner();
    write("d.zip", &zip_bytes[..zip_bytes.len() * 2 / 3]);
    write("e.txt", b"");
    write("f.txt", &[0u8, 159, 146, 150, 0, 0, 1, 2, 3, 4, 5, 6, 7]);
    write("g.txt", b"Title line\nBody with a bad byte \xc3\x28 here.\n");
    // CSV with one row of the wrong width; a Reuters story without its closing tag.
    write(
        "h.csv",
        b"headline,body,date\nFirst,Body one,2020-02-01\nSecond,too,many,fields\nThird,Body three,2020-02-03\n",
    );
    write(
        "i.xml",
        b"<REUTERS NEWID=\"1\">\n<DATE>26-FEB-1987</DATE>\n<TEXT><TITLE>T1</TITLE><BODY>b1</BODY></TEXT>\n</REUTERS>\n<REUTERS NEWID=\"2\">\n<TEXT><TITLE>T2</TITLE>\n",
    );
    // A CSV row above the record limit, and a zip inside a zip.
    write("j.csv", format!("title,text\nok,fine\nhuge,{}\n", "y".repeat(2 << 20)).as_bytes());
    let mut nested = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut nested);
        zip.start_file("inner.zip", zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(&zip_bytes).unwrap();
        zip.finish().unwrap();
    }
    write("k.zip", &nested.into_inner());
    let pipeline = dir.path().join("p.toml");
    std::fs::write(
        &pipeline,
        "[limits]\nmax_record_bytes = 1048576\nmax_reject_rate = 0.5\n[input.fields]\ntitle = [\"title\", \"headline\"]\ntext = [\"text\", \"body\"]\n",
    )
    .unwrap();

    let result = run(&[&inputs], &["--pipeline", pipeline.to_str().unwrap()]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let m = assert_counts_add_up(&result.out);
    let rejects = read_table(&result.out.join("rejects"));
    let reasons: Vec<(String, String)> = strings(&rejects, "source")
        .into_iter()
        .zip(strings(&rejects, "reason"))
        .map(|(s, r)| (Path::new(&s.unwrap()).file_name().unwrap().to_string_lossy().into_owned(), r.unwrap()))
        .collect();
    let has = |file: &str, reason: &str| reasons.iter().any(|(f, r)| f.starts_with(file) && r == reason);
    assert!(has("a.jsonl", "malformed_json"), "{reasons:?}");
    assert!(has("a.jsonl", "invalid_utf8"), "{reasons:?}");
    assert!(has("a.jsonl", "record_too_large"), "{reasons:?}");
    assert!(has("b.jsonl.gz", "truncated"), "{reasons:?}");
    assert!(has("c.json", "truncated"), "{reasons:?}");
    assert!(has("d.zip", "corrupt_archive") || has("d.zip", "truncated"), "{reasons:?}");
    assert!(has("e.txt", "empty_file"), "{reasons:?}");
    assert!(has("f.txt", "binary_file"), "{reasons:?}");
    assert!(has("g.txt", "invalid_utf8"), "{reasons:?}");
    assert!(has("h.csv", "malformed_csv"), "{reasons:?}");
    assert!(has("i.xml", "truncated"), "{reasons:?}");
    assert!(has("j.csv", "record_too_large"), "{reasons:?}");
    assert!(has("k.zip", "unsupported_format"), "{reasons:?}");
    // Every reject says where: a byte offset and a human-readable detail.
    assert!(strings(&rejects, "detail").iter().all(|d| d.as_deref().is_some_and(|d| !d.is_empty())));

    let documents = read_table(&result.out.join("documents"));
    let titles: Vec<String> = strings(&documents, "title").into_iter().flatten().collect();
    for i in 0..4 {
        assert!(titles.contains(&format!("Story {i}")), "good JSON line {i} survives");
    }
    let from_gzip = titles
        .iter()
        .filter(|t| t.strip_prefix("Story ").is_some_and(|n| (10..2010).contains(&n.parse::<usize>().unwrap_or(0))))
        .count();
    assert!(from_gzip > 500, "lines before the gzip cut survive: {from_gzip}");
    assert!(titles.contains(&"one".to_string()), "complete array element before the cut survives");
    let from_zip = titles
        .iter()
        .filter(|t| t.strip_prefix("Story ").is_some_and(|n| n.parse::<usize>().unwrap_or(0) >= 5000))
        .count();
    assert!(from_zip >= 50, "the first zip member survives the cut: {from_zip}");
    assert!(
        titles.contains(&"First".to_string()) && titles.contains(&"Third".to_string()),
        "CSV rows around the bad one survive"
    );
    assert!(titles.contains(&"T1".to_string()), "the complete Reuters story survives");
    assert!(m["rejects"].as_u64().unwrap() >= 11);
}

#[test]
fn reject_rate_above_the_limit_exits_2_and_nothing_readable_exits_3() {
    let dir = tempfile::tempdir().unwrap();
    let mixed = dir.path().join("mixed.jsonl");
    std::fs::write(&mixed, format!("{}not json\n", good_line(1))).unwrap();
    let result = run(&[&mixed], &[]);
    assert_eq!(result.code, 2, "{}", result.stderr);
    assert!(result.stderr.contains("max_reject_rate"), "{}", result.stderr);
    assert_counts_add_up(&result.out);

    let broken = dir.path().join("broken.jsonl");
    std::fs::write(&broken, "not json\nnor this\n").unwrap();
    let result = run(&[&broken], &[]);
    assert_eq!(result.code, 3, "{}", result.stderr);
    assert!(result.stderr.contains("no document could be read"), "{}", result.stderr);
}

#[test]
fn missing_input_and_bad_pipeline_are_clear_errors_not_panics() {
    let result = run(&[Path::new("/no/such/dump")], &[]);
    assert_eq!(result.code, 1);
    assert!(result.stderr.contains("/no/such/dump") && !result.stderr.contains("panicked"), "{}", result.stderr);

    let dir = tempfile::tempdir().unwrap();
    let pipeline = dir.path().join("typo.toml");
    std::fs::write(&pipeline, "[limits]\nmax_reject_rat = 0.5\n").unwrap();
    let result = run(&[&repo().join("data/sample")], &["--pipeline", pipeline.to_str().unwrap()]);
    assert_eq!(result.code, 1);
    assert!(result.stderr.contains("typo.toml") && result.stderr.contains("max_reject_rat"), "{}", result.stderr);
}

#[test]
fn one_and_two_threads_and_any_resolve_bucket_size_write_byte_identical_tables() {
    let dir = tempfile::tempdir().unwrap();
    let pipeline = dir.path().join("small-batches.toml");
    // Tiny batches, so that the parallel path really interleaves many of them.
    let small = "[limits]\nbatch_bytes = 4096\n[output]\nrow_group_rows = 7\nrows_per_file = 20\n";
    std::fs::write(&pipeline, small).unwrap();
    // And tiny resolve buckets: every name key is resolved in one bucket, however many there are.
    let buckets = dir.path().join("small-buckets.toml");
    std::fs::write(&buckets, small.replace("[output]", "resolve_bucket_mentions = 9\n[output]")).unwrap();
    let sample = repo().join("data/sample");
    let one = run(&[&sample], &["--threads", "1", "--pipeline", buckets.to_str().unwrap()]);
    let two = run(&[&sample], &["--threads", "2", "--pipeline", pipeline.to_str().unwrap()]);
    assert_eq!((one.code, two.code), (0, 0));
    for table in ["documents", "mentions", "entities", "rejects"] {
        let files: Vec<PathBuf> = std::fs::read_dir(one.out.join(table)).unwrap().map(|e| e.unwrap().path()).collect();
        assert!(table == "rejects" || files.len() >= 3, "rows_per_file splits the table: {files:?}");
        for file in files {
            let name = file.file_name().unwrap();
            assert_eq!(
                std::fs::read(&file).unwrap(),
                std::fs::read(two.out.join(table).join(name)).unwrap(),
                "{table}/{name:?}"
            );
        }
    }
}

#[test]
fn csv_tsv_parquet_zstd_and_json_lines_map_their_fields() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::write(
        inputs.join("a.csv"),
        "headline_ar,story,when,desk\n\"عنوان، مع فاصلة\",\"نص الخبر\",2016-04-15,سياسة\n",
    )
    .unwrap();
    std::fs::write(inputs.join("b.tsv"), "headline_ar\tstory\twhen\nTSV title\tTSV body text\t15 April 2016\n")
        .unwrap();
    let jsonl = "{\"headline_ar\": \"zstd title\", \"story\": \"zstd body\", \"when\": \"2016-04\", \"tags\": [\"a\", \"b\"]}\n";
    std::fs::write(inputs.join("c.jsonl.zst"), zstd::encode_all(jsonl.as_bytes(), 3).unwrap()).unwrap();
    {
        use arrow::datatypes::{DataType, Field, Schema};
        let schema = std::sync::Arc::new(Schema::new(vec![
            Field::new("headline_ar", DataType::Utf8, false),
            Field::new("story", DataType::Utf8, false),
            Field::new("views", DataType::Int64, false),
        ]));
        let batch = RecordBatch::try_new(
            schema.clone(),
            vec![
                std::sync::Arc::new(StringArray::from(vec!["parquet title"])),
                std::sync::Arc::new(StringArray::from(vec!["parquet body"])),
                std::sync::Arc::new(Int64Array::from(vec![42])),
            ],
        )
        .unwrap();
        let file = std::fs::File::create(inputs.join("d.parquet")).unwrap();
        let mut writer = parquet::arrow::ArrowWriter::try_new(file, schema, None).unwrap();
        writer.write(&batch).unwrap();
        writer.close().unwrap();
    }
    let pipeline = dir.path().join("mapping.toml");
    std::fs::write(&pipeline, "[input.fields]\ntitle = [\"headline_ar\"]\ntext = [\"story\"]\ndate = [\"when\"]\n")
        .unwrap();
    let result = run(&[&inputs], &["--pipeline", pipeline.to_str().unwrap()]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let documents = read_table(&result.out.join("documents"));
    let titles: Vec<_> = strings(&documents, "title").into_iter().flatten().collect();
    assert_eq!(titles, ["عنوان، مع فاصلة", "TSV title", "zstd title", "parquet title"]);
    let metadata = strings(&documents, "metadata");
    assert_eq!(metadata[0].as_deref(), Some("{\"desk\":\"سياسة\"}"));
    assert_eq!(metadata[2].as_deref(), Some("{\"tags\":[\"a\",\"b\"]}"));
    assert_eq!(metadata[3].as_deref(), Some("{\"views\":\"42\"}"));
    let precision = strings(&documents, "published_precision");
    assert_eq!(precision, [Some("day".into()), Some("day".into()), Some("month".into()), Some("unknown".into())]);
    let sources = strings(&documents, "source");
    assert!(sources[2].as_deref().unwrap().ends_with("c.jsonl.zst"));
}

#[test]
fn exact_duplicates_point_to_the_first_copy() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("dupes.jsonl");
    // The second copy differs only in CR line ends and a non-breaking space: same match form.
    let lines = "{\"title\": \"A\", \"text\": \"one two\\nthree\"}\n{\"title\": \"B\", \"text\": \"other\"}\n{\"title\": \"A\", \"text\": \"one\\u00a0two\\r\\nthree\"}\n";
    std::fs::write(&input, lines).unwrap();
    let result = run(&[&input], &[]);
    let m = assert_counts_add_up(&result.out);
    assert_eq!((m["documents"].as_u64(), m["duplicates"].as_u64()), (Some(2), Some(1)));
    let documents = read_table(&result.out.join("documents"));
    let ids = strings(&documents, "doc_id");
    let duplicate_of = strings(&documents, "duplicate_of");
    assert_eq!(duplicate_of, [None, None, ids[0].clone()]);
    assert_eq!(strings(&documents, "text")[2].as_deref(), Some("one\u{a0}two\r\nthree"), "text stays untouched");
}

fn floats(batches: &[RecordBatch], column: &str) -> Vec<f32> {
    batches
        .iter()
        .flat_map(|b| {
            b.column_by_name(column)
                .unwrap()
                .as_any()
                .downcast_ref::<arrow::array::Float32Array>()
                .unwrap()
                .values()
                .to_vec()
        })
        .collect()
}

#[test]
fn seed_mentions_find_its_people_places_and_organizations_with_exact_offsets() {
    let result = run(&[&repo().join("data/sample/seed")], &[]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let documents = read_table(&result.out.join("documents"));
    let text: Vec<char> = strings(&documents, "text")[0].clone().unwrap().chars().collect();
    let mentions = read_table(&result.out.join("mentions"));
    let (starts, ends) = (integers(&mentions, "start"), integers(&mentions, "end"));
    let texts: Vec<String> = strings(&mentions, "text").into_iter().flatten().collect();
    let types: Vec<String> = strings(&mentions, "type").into_iter().flatten().collect();
    // Offsets are character offsets: documents.text[start:end] in Python is the mention.
    for ((start, end), mention) in starts.iter().zip(&ends).zip(&texts) {
        let sliced: String = text[*start as usize..*end as usize].iter().collect();
        assert_eq!(&sliced, mention);
    }
    let has = |name: &str, kind: &str| texts.iter().zip(&types).any(|(t, k)| t == name && k == kind);
    for person in ["قاسم سليماني", "فلاديمير بوتين", "سيرغي شويجو", "بشار الأسد"]
    {
        assert!(has(person, "PER"), "person {person} not found: {texts:?}");
    }
    for place in ["موسكو", "طهران", "روسيا", "إيران", "سوريا", "دمشق", "إدلب", "حماة", "اللاذقية", "حلب"]
    {
        assert!(has(place, "LOC"), "place {place} not found: {texts:?}");
    }
    for organization in ["الحرس الثوري", "فيلق القدس", "مجلس الأمن الدولي", "الأمم المتحدة", "الكرملين", "رويترز"]
    {
        assert!(has(organization, "ORG"), "organization {organization} not found: {texts:?}");
    }
    // لروسيا: the clitic is outside the mention.
    let russia = texts.iter().zip(&starts).find(|(t, s)| *t == "روسيا" && text[**s as usize - 1] == 'ل');
    assert!(russia.is_some(), "لروسيا gives the mention روسيا");
    // Not mentions: clitics alone, month names, weekdays.
    for never in ["و", "ب", "ل", "الجمعة", "يوليو", "تموز", "أغسطس", "سبتمبر", "مارس", "فبراير"]
    {
        assert!(!texts.iter().any(|t| t == never), "{never} must not be a mention");
    }
    // Titles are kept apart from names.
    let titles = strings(&mentions, "title");
    let putin = texts.iter().position(|t| t == "فلاديمير بوتين").unwrap();
    assert_eq!(titles[putin].as_deref(), Some("الرئيس الروسي"));
    let shoigu = texts.iter().position(|t| t == "سيرغي شويجو").unwrap();
    assert_eq!(titles[shoigu].as_deref(), Some("وزير الدفاع"));
    assert!(floats(&mentions, "score").iter().all(|s| (0.0..=1.0).contains(s)));
    assert!(strings(&mentions, "entity_id").iter().all(Option::is_some), "every mention is resolved to an entity");
}

#[test]
fn seed_soleimani_spellings_are_one_entity_anchored_to_the_un_record() {
    let result = run(&[&repo().join("data/sample/seed")], &[]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let mentions = read_table(&result.out.join("mentions"));
    let entities = read_table(&result.out.join("entities"));
    let entity_ids: Vec<String> = strings(&entities, "entity_id").into_iter().flatten().collect();
    let types: Vec<String> = strings(&entities, "type").into_iter().flatten().collect();
    let texts: Vec<String> = strings(&mentions, "text").into_iter().flatten().collect();
    let mention_entities: Vec<String> = strings(&mentions, "entity_id").into_iter().flatten().collect();
    assert!(
        mention_entities.iter().all(|id| entity_ids.contains(id)),
        "every mention's entity is in the entities table"
    );
    // The article spells him سليماني, سلماني (in قاسم سلماني) and سليمان: one entity, the UN's.
    let of = |text: &str| -> Vec<&String> {
        texts.iter().zip(&mention_entities).filter(|(t, _)| *t == text).map(|(_, e)| e).collect()
    };
    for spelling in ["قاسم سليماني", "سليماني", "قاسم سلماني", "سليمان"] {
        let found = of(spelling);
        assert!(!found.is_empty(), "{spelling} is a mention");
        assert!(found.iter().all(|e| *e == "un:IRi.039"), "{spelling} → {found:?}");
    }
    let soleimani: Vec<usize> =
        entity_ids.iter().enumerate().filter(|(_, id)| *id == "un:IRi.039").map(|(i, _)| i).collect();
    assert_eq!(soleimani.len(), 1, "exactly one entity row");
    assert_eq!(types[soleimani[0]], "PER");
    assert_eq!(strings(&entities, "anchor")[soleimani[0]].as_deref(), Some("un:IRi.039"));
    assert_eq!(strings(&entities, "name")[soleimani[0]].as_deref(), Some("Qasem Soleimani"));
    // Other people of the article are other entities.
    for other in ["فلاديمير بوتين", "بشار الأسد", "سيرغي شويجو"] {
        assert!(of(other).iter().all(|e| *e != "un:IRi.039"), "{other}");
    }
}

#[test]
fn reuters_sample_mentions_places_nationalities_and_repeated_surnames() {
    let result = run(&[&repo().join("data/sample/reut2-000-excerpt.xml")], &[]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let mentions = read_table(&result.out.join("mentions"));
    let found: Vec<(String, String)> = strings(&mentions, "text")
        .into_iter()
        .flatten()
        .zip(strings(&mentions, "type").into_iter().flatten())
        .collect();
    let has = |text: &str, kind: &str| found.iter().any(|(t, k)| t == text && k == kind);
    for place in ["Brazil", "New York", "U.S.", "Bahia", "Uruguay"] {
        assert!(has(place, "LOC"), "{place}: {found:?}");
    }
    assert!(has("Brazilian", "MISC"), "a nationality is MISC: {found:?}");
    // "Lawrence Cohn" in full, then "Cohn" alone in the same story.
    assert!(has("Lawrence Cohn", "PER") && has("Cohn", "PER"), "{found:?}");
    for never in ["Aug", "Sales", "Corp", "Friday"] {
        assert!(!found.iter().any(|(t, _)| t == never), "{never} is not a name: {found:?}");
    }
}

#[test]
fn names_cluster_reads_a_lists_last_name_first_and_keeps_lookalikes_apart() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("names.txt");
    let out = dir.path().join("clusters.parquet");
    std::fs::write(&input, "SOLEIMANI, Qasem\nQasem Soleimani\nقاسم سليماني\nمحمود سلماني\nPUTIN, Vladimir\n").unwrap();
    let (code, _, stderr) = akhbar(&["names", "cluster", input.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let file = std::fs::File::open(&out).unwrap();
    let batches: Vec<RecordBatch> =
        ParquetRecordBatchReaderBuilder::try_new(file).unwrap().build().unwrap().map(Result::unwrap).collect();
    let names = strings(&batches, "name");
    let clusters = integers(&batches, "cluster_id");
    assert_eq!(names[0].as_deref(), Some("SOLEIMANI, Qasem"), "shown as given");
    assert_eq!(clusters[..3], [clusters[0]; 3], "{names:?} {clusters:?}");
    assert_ne!(clusters[3], clusters[0], "محمود سلماني is another man");
    assert_ne!(clusters[4], clusters[0]);
}
