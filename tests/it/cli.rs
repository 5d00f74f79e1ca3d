//! Integration tests: the real `diplograph` binary on the seeds and on bad input.

use crate::common::{
    bin, copy_seeds_store, query_csv, run, seeds, seeds_store, seeds_store_dir, stderr, stdout, workspace,
    workspace_with_seeds_store,
};
use std::path::Path;

#[test]
fn build_seeds_stores_fifteen_documents_each_in_its_graph() {
    let ws = workspace();
    let o = run(ws.path(), &["build", "seeds"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("built 15 documents from 5 files"), "{}", stdout(&o));
    assert!(ws.path().join("diplograph.nq").exists());
    assert!(
        std::fs::read(ws.path().join("diplograph.nq")).unwrap() == std::fs::read(seeds_store()).unwrap(),
        "the seeds store the other tests share is the one this build gives"
    );
    let rows = query_csv(
        ws.path(),
        "diplograph.nq",
        "SELECT ?g ?src ?title ?date WHERE { GRAPH ?g { ?g a dg:Document ; dg:sourceFile ?src ; dg:title ?title ; dg:date ?date } } ORDER BY ?src ?g",
    );
    assert_eq!(rows.len(), 15, "{rows:?}");
    let per_file = |name: &str| rows.iter().filter(|r| r.contains(name)).count();
    assert_eq!(per_file("000_"), 1);
    assert_eq!(per_file("001_"), 1);
    assert_eq!(per_file("002_"), 1);
    assert_eq!(per_file("003_"), 4);
    assert_eq!(per_file("004_"), 8);
    let dates = query_csv(
        ws.path(),
        "diplograph.nq",
        "SELECT ?d WHERE { ?doc dg:date ?d FILTER(DATATYPE(?d) = xsd:date) }",
    );
    assert_eq!(dates.len(), 15);
}

#[test]
fn output_is_byte_identical_across_runs_and_rebuilds_change_nothing() {
    let ws = workspace();
    assert!(run(ws.path(), &["build", "--store", "a.nq", "seeds"]).status.success());
    assert!(run(ws.path(), &["build", "--store", "b.nq", "seeds"]).status.success());
    let a = std::fs::read(ws.path().join("a.nq")).unwrap();
    assert_eq!(a, std::fs::read(ws.path().join("b.nq")).unwrap());
    assert!(run(ws.path(), &["build", "--store", "a.nq", "seeds"]).status.success());
    assert_eq!(
        a,
        std::fs::read(ws.path().join("a.nq")).unwrap(),
        "re-building the same input changes nothing"
    );
}

#[test]
fn rebuilding_a_changed_file_replaces_only_its_graphs_and_new_files_are_added() {
    let ws = workspace();
    let store = "s.nq";
    copy_seeds_store(&ws.path().join(store));
    let graphs = |ws: &Path| {
        query_csv(ws, store, "SELECT ?g ?src WHERE { GRAPH ?g { ?g dg:sourceFile ?src } } ORDER BY ?g")
    };
    let before = graphs(ws.path());
    let file = ws.path().join("seeds/000_8485a5dca28439e8.txt");
    let text = std::fs::read_to_string(&file).unwrap().replace("远景2050", "远景2060");
    std::fs::write(&file, text).unwrap();
    assert!(run(ws.path(), &["build", "--store", store, "seeds/000_8485a5dca28439e8.txt"]).status.success());
    let after = graphs(ws.path());
    assert_eq!(after.len(), 15);
    let changed: Vec<&String> = before.iter().filter(|g| !after.contains(g)).collect();
    assert_eq!(changed.len(), 1, "only the changed document's graph is new");
    assert!(changed[0].contains("000_"));
    let extra = ws.path().join("extra.txt");
    std::fs::write(
        &extra,
        "中华人民共和国和越南社会主义共和国联合声明\n双方于2015年11月5日在河内举行会谈。\n",
    )
    .unwrap();
    let o = run(ws.path(), &["build", "--store", store, "extra.txt"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(graphs(ws.path()).len(), 16);
}

#[test]
fn bad_files_are_skipped_and_the_rest_is_stored() {
    let ws = workspace();
    let bad = ws.path().join("bad");
    std::fs::create_dir(&bad).unwrap();
    std::fs::write(bad.join("empty.txt"), b"").unwrap();
    std::fs::write(bad.join("binary.txt"), [0u8, 159, 146, 150, 0, 1, 2, 3, 255, 0]).unwrap();
    std::fs::write(bad.join("junk.txt"), (0..3000u32).map(|i| (i * 7919 % 251) as u8).collect::<Vec<u8>>())
        .unwrap();
    std::fs::write(
        bad.join("gbk.txt"),
        encoding_rs::GBK.encode("中华人民共和国和老挝人民民主共和国联合声明\n双方同意加强合作。\n").0,
    )
    .unwrap();
    let o = run(ws.path(), &["build", "seeds", "bad", "missing-dir"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    for name in ["empty.txt", "binary.txt", "junk.txt", "missing-dir"] {
        assert!(err.contains(name), "`{name}` is reported as skipped: {err}");
    }
    assert!(err.lines().all(|l| l.starts_with("diplograph: skipped `")), "one line per skipped file: {err}");
    assert!(stdout(&o).contains("built 16 documents from 6 files"), "{}", stdout(&o));
    assert!(stdout(&o).contains("gb18030"), "{}", stdout(&o));
}

#[test]
fn odd_encodings_cut_files_and_one_long_line_are_built() {
    let ws = workspace();
    let odd = ws.path().join("odd");
    std::fs::create_dir(&odd).unwrap();
    // Pasted together: a UTF-8 heading over a GBK body.
    let mut mixed = "中华人民共和国和老挝人民民主共和国联合声明\n".as_bytes().to_vec();
    mixed.extend_from_slice(&encoding_rs::GBK.encode("双方同意加强在上海合作组织框架内的合作。\n").0);
    std::fs::write(odd.join("mixed.txt"), mixed).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in
        "中华人民共和国和越南社会主义共和国联合声明\n双方重申支持共建“一带一路”倡议。\n".encode_utf16()
    {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    std::fs::write(odd.join("utf16.txt"), utf16).unwrap();
    let whole = std::fs::read_to_string(seeds().join("000_8485a5dca28439e8.txt")).unwrap();
    std::fs::write(odd.join("cut.txt"), &whole.as_bytes()[..whole.len() - 1]).unwrap();
    // One line of 1 MB (PDF extraction without line ends): a document ten times the longest seed.
    // Each copy numbers its sentences, so that none reads as a repeat of an earlier one.
    let flat = whole.replace(['\n', '\r'], "");
    let line: String =
        (0..1024 * 1024 / whole.len() + 1).map(|i| flat.replace('。', &format!("({i})。"))).collect();
    std::fs::write(odd.join("one-line.txt"), &line).unwrap();

    let o = run(ws.path(), &["build", "--store", "odd.nq", "odd"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("from 4 files"), "{out}");
    for encoding in ["mixed utf-8/gb18030", "utf-16le", "utf-8"] {
        assert!(out.contains(encoding), "`{encoding}` is reported: {out}");
    }
    // The GBK line's organization is found, and its span points at it in the decoded text.
    let spans = query_csv(
        ws.path(),
        "odd.nq",
        "SELECT ?start ?end WHERE { ?m dg:text \"上海合作组织\" ; dg:start ?start ; dg:end ?end ; \
         dg:inDocument ?d . ?d dg:sourceFile \"odd/mixed.txt\" }",
    );
    let decoded = "中华人民共和国和老挝人民民主共和国联合声明\n双方同意加强在上海合作组织框架内的合作。\n";
    let start = decoded[..decoded.find("上海").unwrap()].chars().count();
    assert_eq!(spans, [format!("{start},{}", start + 6)], "{spans:?}");
    // The cut file is the seed less its cut character: the same leaders and dates.
    let leaders = query_csv(
        ws.path(),
        "odd.nq",
        "SELECT DISTINCT ?l WHERE { ?m dg:refersTo ?e ; dg:text ?l ; dg:inDocument ?d . ?e a dg:Leader . \
         ?d dg:sourceFile \"odd/cut.txt\" } ORDER BY ?l",
    );
    assert!(leaders.iter().any(|l| l == "习近平"), "{leaders:?}");
    // Every mention of the long line lies inside it.
    let line_chars = line.chars().count();
    let ends = query_csv(
        ws.path(),
        "odd.nq",
        "SELECT (COUNT(?m) AS ?n) (MAX(?end) AS ?last) WHERE { ?m dg:end ?end ; dg:inDocument ?d . \
         ?d dg:sourceFile \"odd/one-line.txt\" }",
    );
    let (count, last) = ends[0].split_once(',').unwrap();
    assert!(count.parse::<usize>().unwrap() > 10_000, "{ends:?}");
    assert!(last.parse::<usize>().unwrap() <= line_chars, "{ends:?}");
}

#[test]
fn a_build_with_nothing_to_read_fails_and_leaves_the_store() {
    let ws = workspace_with_seeds_store();
    let before = std::fs::read(ws.path().join("diplograph.nq")).unwrap();
    std::fs::create_dir(ws.path().join("empty")).unwrap();
    let o = run(ws.path(), &["build", "empty"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no document could be built"), "{}", stderr(&o));
    assert_eq!(before, std::fs::read(ws.path().join("diplograph.nq")).unwrap());
}

#[test]
fn a_build_that_fails_half_way_leaves_the_previous_store_byte_identical() {
    let ws = workspace();
    assert!(run(ws.path(), &["build", "seeds/000_8485a5dca28439e8.txt"]).status.success());
    let before = std::fs::read(ws.path().join("diplograph.nq")).unwrap();
    let o = bin()
        .current_dir(ws.path())
        .env("DIPLOGRAPH_FAILPOINT", "before-rename")
        .args(["build", "seeds"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(before, std::fs::read(ws.path().join("diplograph.nq")).unwrap());
    let leftovers: Vec<_> = std::fs::read_dir(ws.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temp file is left behind");
}

#[test]
fn store_errors_name_the_file() {
    let ws = workspace();
    let o = run(ws.path(), &["stats", "--store", "nowhere.nq"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("`nowhere.nq` does not exist"), "{}", stderr(&o));
    std::fs::write(ws.path().join("corrupt.nq"), "<a> <b> garbage\n").unwrap();
    for args in [&["stats", "--store", "corrupt.nq"][..], &["build", "--store", "corrupt.nq", "seeds"][..]] {
        let o = run(ws.path(), args);
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).contains("`corrupt.nq` is corrupt"), "{}", stderr(&o));
        assert_eq!(stderr(&o).lines().count(), 1);
    }
    assert_eq!(std::fs::read_to_string(ws.path().join("corrupt.nq")).unwrap(), "<a> <b> garbage\n");
}

#[test]
fn queries_answer_in_every_format_and_reject_malformed_sparql() {
    let ws = workspace_with_seeds_store();
    let o = run(ws.path(), &["query", "documents"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("(15 rows)"), "{}", stdout(&o));
    for (format, marker) in
        [("csv", "document,"), ("tsv", "?document\t"), ("json", "\"bindings\""), ("xml", "<sparql")]
    {
        let o = run(ws.path(), &["query", "--format", format, "documents"]);
        assert!(o.status.success(), "{format}: {}", stderr(&o));
        assert!(stdout(&o).contains(marker), "{format}: {}", stdout(&o));
    }
    std::fs::write(ws.path().join("count.rq"), "SELECT (COUNT(*) AS ?n) WHERE { ?d a dg:Document }").unwrap();
    let o = run(ws.path(), &["query", "--format", "csv", "count.rq"]);
    assert_eq!(stdout(&o).lines().nth(1), Some("15"));
    let o = run(ws.path(), &["query", "ASK { ?c a dg:Country }"]);
    assert_eq!(stdout(&o).trim(), "true");
    let o = run(
        ws.path(),
        &["query", "CONSTRUCT { ?c rdfs:label ?l } WHERE { ?c a dg:Country ; rdfs:label ?l } LIMIT 3"],
    );
    assert!(o.status.success() && stdout(&o).contains("rdfs:label"), "{}", stdout(&o));
    let o = run(ws.path(), &["query", "SELECT ?x WHERE { ?x"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("invalid SPARQL"), "{}", stderr(&o));
    assert_eq!(stderr(&o).lines().count(), 1);
    let o = run(ws.path(), &["query", "--format", "yaml", "documents"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(ws.path(), &["query", "no-such-query"]);
    assert!(stderr(&o).contains("named query"), "{}", stderr(&o));
}

#[test]
fn stats_and_help() {
    let dir = seeds_store_dir();
    let o = run(dir, &["stats"]);
    assert!(o.status.success());
    let text = stdout(&o);
    assert!(text.contains("documents: 15"), "{text}");
    assert!(text.contains("Country"), "{text}");
    for cmd in ["build", "query", "stats", "extract"] {
        let o = run(dir, &[cmd, "--help"]);
        assert!(o.status.success());
        assert!(stdout(&o).contains("Example"), "{cmd} --help has an example");
    }
}

#[test]
fn extract_prints_mentions_with_spans_into_the_original_text() {
    let o = run(&seeds(), &["extract", "--format", "jsonl", "000_8485a5dca28439e8.txt"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let original: Vec<char> =
        std::fs::read_to_string(seeds().join("000_8485a5dca28439e8.txt")).unwrap().chars().collect();
    let mut count = 0;
    for line in stdout(&o).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let (start, end) = (v["start"].as_u64().unwrap() as usize, v["end"].as_u64().unwrap() as usize);
        let span: String = original[start..end].iter().collect();
        let normalized = diplograph::text::NormText::new(&span).as_str().replace('\n', "");
        assert_eq!(normalized, v["surface"].as_str().unwrap(), "{line}");
        count += 1;
    }
    assert!(count > 50);
    let o = run(&seeds(), &["extract", "nowhere.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("`nowhere.txt`"));
}

#[test]
fn explain_shows_facts_with_marked_evidence() {
    let dir = seeds_store_dir();
    let o = run(dir, &["explain", "呼日勒苏赫"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("Visit"), "{text}");
    assert!(text.contains("hostCountry: 中国"), "{text}");
    assert!(text.contains("invitedBy: 习近平"), "{text}");
    assert!(text.contains("【习近平】"), "evidence is marked: {text}");
    assert!(text.contains("seeds/000_8485a5dca28439e8.txt ["), "{text}");
    let o = run(dir, &["explain", "country:KZ", "--limit", "3"]);
    assert!(o.status.success() && stdout(&o).contains("哈萨克斯坦"), "{}", stdout(&o));
    let o = run(dir, &["explain", "不存在的实体"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no entity or fact matches `不存在的实体`"), "{}", stderr(&o));
}

#[test]
fn relation_queries_answer_on_the_seeds() {
    let dir = seeds_store_dir();
    let visits = query_csv(dir, "diplograph.nq", "SELECT ?v WHERE { ?v a dg:Visit }");
    // Xi Jinping's 2022 visit to Kazakhstan, which two seeds report, is one event.
    assert_eq!(visits.len(), 9, "{visits:?}");
    let o = run(dir, &["query", "--format", "csv", "visits"]);
    let text = stdout(&o);
    assert!(text.contains("2022-11-27,2022-11-28,呼日勒苏赫,中国,国事访问,习近平"), "{text}");
    let cites = query_csv(
        dir,
        "diplograph.nq",
        "SELECT DISTINCT ?t WHERE { ?d dg:cites ?t . ?t rdfs:label \"中华人民共和国和俄罗斯联邦睦邻友好合作条约\"@zh }",
    );
    assert_eq!(cites.len(), 1, "{cites:?}");
    let levels = query_csv(
        dir,
        "diplograph.nq",
        "SELECT DISTINCT ?l WHERE { ?p dg:partner country:KZ ; dg:level ?l } ORDER BY ?l",
    );
    assert!(levels.contains(&"永久全面战略伙伴关系".to_owned()), "{levels:?}");
    let o = run(dir, &["query", "--list"]);
    assert!(stdout(&o).lines().count() >= 12, "{}", stdout(&o));
}

/// A corpus large enough that a build takes a while: the seeds in varied copies.
fn large_corpus(dir: &Path, copies: usize) {
    std::fs::create_dir_all(dir).unwrap();
    for copy in 0..copies {
        for entry in std::fs::read_dir(seeds())
            .unwrap()
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let varied = format!("{text}\n\n(第{copy}份)\n").replace("2022年", &format!("{}年", 1950 + copy));
            std::fs::write(dir.join(format!("{copy:03}_{}", entry.file_name().to_string_lossy())), varied)
                .unwrap();
        }
    }
}

#[test]
fn kill_during_build_leaves_the_previous_store_intact() {
    let ws = workspace();
    assert!(run(ws.path(), &["build", "seeds/000_8485a5dca28439e8.txt"]).status.success());
    let before = std::fs::read(ws.path().join("diplograph.nq")).unwrap();
    large_corpus(&ws.path().join("big"), 30);
    let mut child = bin().current_dir(ws.path()).args(["build", "big"]).spawn().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(400));
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert_eq!(
        before,
        std::fs::read(ws.path().join("diplograph.nq")).unwrap(),
        "the store is intact after kill -9"
    );
    let o = run(ws.path(), &["stats"]);
    assert!(o.status.success() && stdout(&o).contains("documents: 1"), "{}", stdout(&o));
    // What a kill during saving leaves: a temp file named after the store and the dead writer.
    let mut gone = std::process::Command::new("true").spawn().unwrap();
    let dead = gone.id();
    gone.wait().unwrap();
    let orphan = ws.path().join(format!(".diplograph.nq.diplograph-{dead}-Ab12Cd.tmp"));
    std::fs::write(&orphan, "half a store").unwrap();
    assert!(run(ws.path(), &["build", "seeds/001_fec78014c60057ef.txt"]).status.success());
    let temps: Vec<_> = std::fs::read_dir(ws.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .map(|e| e.file_name())
        .collect();
    assert!(temps.is_empty(), "the next build removes the orphans of killed ones: {temps:?}");
}

#[test]
fn concurrent_builds_on_one_store_take_turns() {
    let ws = workspace();
    large_corpus(&ws.path().join("a"), 4);
    std::fs::create_dir(ws.path().join("b")).unwrap();
    std::fs::copy(seeds().join("000_8485a5dca28439e8.txt"), ws.path().join("b/only.txt")).unwrap();
    let first = bin()
        .current_dir(ws.path())
        .args(["build", "a"])
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let second = bin()
        .current_dir(ws.path())
        .args(["build", "b"])
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    assert!(first.wait_with_output().unwrap().status.success());
    assert!(second.wait_with_output().unwrap().status.success());
    let sources = query_csv(ws.path(), "diplograph.nq", "SELECT DISTINCT ?s WHERE { ?d dg:sourceFile ?s }");
    assert!(sources.iter().any(|s| s.starts_with("a/")), "{sources:?}");
    assert!(
        sources.iter().any(|s| s.starts_with("b/")),
        "both builds are kept, neither overwrote the other: {sources:?}"
    );
}

#[test]
fn counts_are_worded_for_one_and_facts_are_explained_without_mention_counts() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(seeds().join("000_8485a5dca28439e8.txt"), dir.path().join("one.txt")).unwrap();
    let o = run(dir.path(), &["build", "one.txt"]);
    assert!(stdout(&o).starts_with("built 1 document from 1 file "), "{}", stdout(&o));
    let store = std::fs::read_to_string(dir.path().join("diplograph.nq")).unwrap();
    let fact = store.split(['<', '>']).find(|t| t.contains("/event/visit/")).expect("a visit");
    let o = run(dir.path(), &["explain", fact]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.starts_with(&format!("dg:Visit {fact}\n")), "{text}");
    assert!(!text.contains("mentioned"), "a fact has no mention count: {text}");
    let o = run(dir.path(), &["explain", "呼日勒苏赫"]);
    let text = stdout(&o);
    assert!(
        text.lines().nth(1).is_some_and(|l| l.starts_with("mentioned ") && l.contains(" document")),
        "{text}"
    );
    assert!(
        !text.contains(" 1 times") && !text.contains(" 1 documents") && !text.contains(" 1 facts"),
        "{text}"
    );
}

#[cfg(unix)]
#[test]
fn fifos_and_symlink_loops_in_a_corpus_are_reported_not_read() {
    let ws = workspace();
    let corpus = ws.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::copy(seeds().join("000_8485a5dca28439e8.txt"), corpus.join("a.txt")).unwrap();
    assert!(std::process::Command::new("mkfifo").arg(corpus.join("pipe.txt")).status().unwrap().success());
    std::os::unix::fs::symlink(".", corpus.join("self")).unwrap();
    // A FIFO opened for reading waits for a writer forever: the build must finish on its own.
    let mut child = bin()
        .current_dir(ws.path())
        .args(["build", "corpus"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("build hangs on a FIFO or a symlink loop");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let o = child.wait_with_output().unwrap();
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(stdout(&o).starts_with("built 1 document from 1 file"), "{}", stdout(&o));
    assert!(err.contains("pipe.txt`: not a regular file (a FIFO)"), "{err}");
    assert!(err.contains("self`: the same directory as"), "{err}");
    let o = run(ws.path(), &["extract", "corpus/pipe.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not a regular file (a FIFO)"), "{}", stderr(&o));
}

#[cfg(unix)]
#[test]
fn exports_write_through_symlinks_and_refuse_what_is_not_a_regular_file() {
    let ws = workspace_with_seeds_store();
    let dir = ws.path();
    std::fs::write(dir.join("real.graphml"), "old").unwrap();
    std::os::unix::fs::symlink("real.graphml", dir.join("link.graphml")).unwrap();
    let o = run(dir, &["export", "--output", "link.graphml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read_to_string(dir.join("real.graphml")).unwrap().contains("<graphml"));
    assert!(std::fs::symlink_metadata(dir.join("link.graphml")).unwrap().file_type().is_symlink());
    assert!(std::process::Command::new("mkfifo").arg(dir.join("pipe.graphml")).status().unwrap().success());
    std::os::unix::fs::symlink("/dev/null", dir.join("null.graphml")).unwrap();
    for target in ["pipe.graphml", "null.graphml"] {
        let o = run(dir, &["export", "--output", target]);
        assert_eq!(o.status.code(), Some(2), "{target}");
        let err = stderr(&o);
        assert!(err.contains("refusing to replace it") && err.lines().count() == 1, "{target}: {err}");
    }
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata(dir.join("pipe.graphml")).unwrap().file_type().is_fifo());
    assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device());
}
