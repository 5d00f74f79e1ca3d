//! `build` on HTML pages, PDFs and Word files (tests/fixtures/{html,pdf,docx}): the seeds' PDF
//! compilation gives the documents and entities of its text, pages give their title, date and URL,
//! bad files are one line each, and `--metadata` overrides what sources say.

use crate::common::{query_csv, root, run, stderr, stdout};
use std::path::{Path, PathBuf};

fn fixture(path: &str) -> PathBuf {
    root().join("tests/fixtures").join(path)
}

/// Builds `inputs` into `store` (in `dir`), failing the test if the build fails.
fn build(dir: &Path, store: &str, inputs: &[&Path], extra: &[&str]) -> String {
    let mut args: Vec<String> = ["build", "--store", store].map(str::to_owned).to_vec();
    args.extend(extra.iter().map(|s| (*s).to_owned()));
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = run(dir, &args);
    assert!(o.status.success(), "build failed: {}", stderr(&o));
    stdout(&o)
}

const DOCUMENTS: &str =
    "SELECT ?i ?title ?date WHERE { ?d a dg:Document ; dg:documentIndex ?i ; dg:title ?title \
     OPTIONAL { ?d dg:date ?date } } ORDER BY ?i";
const ENTITIES: &str = "SELECT DISTINCT ?e WHERE { ?m dg:refersTo ?e } ORDER BY ?e";

#[test]
fn the_seeds_pdf_compilation_builds_to_the_documents_and_entities_of_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let said = build(dir.path(), "pdf.nq", &[&fixture("pdf/seeds_2019_06.pdf")], &[]);
    assert!(said.starts_with("built 8 documents from 1 file (pdf ×1)"), "{said}");
    build(dir.path(), "txt.nq", &[&root().join("seeds/004_29a462c420fd6910.txt")], &[]);
    let pdf_docs = query_csv(dir.path(), "pdf.nq", DOCUMENTS);
    assert_eq!(pdf_docs.len(), 8);
    assert_eq!(pdf_docs, query_csv(dir.path(), "txt.nq", DOCUMENTS));
    let entities = query_csv(dir.path(), "pdf.nq", ENTITIES);
    assert!(entities.len() > 100, "{}", entities.len());
    assert_eq!(entities, query_csv(dir.path(), "txt.nq", ENTITIES));
    // Pages: the first statement is on pages 1–4, the Tajikistan statement ends on the last page.
    let pages = query_csv(
        dir.path(),
        "pdf.nq",
        "SELECT ?i ?first ?last ?format WHERE { ?d dg:documentIndex ?i ; dg:startPage ?first ; dg:endPage ?last ; \
         dg:sourceFormat ?format } ORDER BY ?i",
    );
    assert_eq!(pages.first().map(String::as_str), Some("0,1,4,pdf"));
    assert_eq!(pages.last().map(String::as_str), Some("7,41,46,pdf"));
    // Every mention says its page, and its span points into the document's stored text.
    let unpaged = query_csv(
        dir.path(),
        "pdf.nq",
        "SELECT (COUNT(*) AS ?n) WHERE { ?m a dg:Mention FILTER NOT EXISTS { ?m dg:page ?p } }",
    );
    assert_eq!(unpaged, ["0"]);
    // Surfaces of Chinese characters only (others are normalized: full-width dashes, brackets,
    // middle dots) read the same in the document's stored text at their span.
    let checked = query_csv(
        dir.path(),
        "pdf.nq",
        "SELECT (SUM(IF(REPLACE(?span, \"\\\\s\", \"\") = ?surface, 1, 0)) AS ?same) (COUNT(*) AS ?n) WHERE { ?m dg:inDocument ?d ; \
         dg:start ?s ; dg:end ?e ; dg:text ?surface . ?d dg:text ?text ; dg:startOffset ?o \
         FILTER(REGEX(?surface, \"^[一-鿿]+$\")) BIND(SUBSTR(?text, ?s - ?o + 1, ?e - ?s) AS ?span) }",
    );
    let (same, n) = checked[0].split_once(',').unwrap();
    assert_eq!(same, n, "mention spans read their surface in the stored text");
    assert!(n.parse::<usize>().unwrap() > 500, "{n}");
    // explain gives the page of the evidence.
    let o = run(dir.path(), &["explain", "--store", "pdf.nq", "--limit", "3", "热恩别科夫"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains(" page 2"), "{}", stdout(&o));
}

#[test]
fn html_pages_give_title_date_url_and_the_main_text_only() {
    let dir = tempfile::tempdir().unwrap();
    for page in ["html/mongolia_2022.html", "html/mongolia_2022_gbk.htm"] {
        let said = build(dir.path(), "html.nq", &[&fixture(page)], &[]);
        assert!(said.starts_with("built 1 document from 1 file (html "), "{said}");
        let rows = query_csv(
            dir.path(),
            "html.nq",
            "SELECT ?title ?date ?url ?ts ?ds ?us WHERE { ?d dg:title ?title ; dg:date ?date ; dg:sourceUrl ?url ; \
             dg:titleSource ?ts ; dg:dateSource ?ds ; dg:sourceUrlSource ?us }",
        );
        assert_eq!(
            rows,
            ["中华人民共和国和蒙古国关于新时代推进全面战略伙伴关系的联合声明,2022-11-28,\
              https://www.example.org/world/2022-11/28/c_1129168911.htm,page,page,page"],
            "{page}"
        );
        let mentioned = query_csv(
            dir.path(),
            "html.nq",
            "SELECT DISTINCT ?label WHERE { ?m dg:refersTo ?e . ?e rdfs:label ?label FILTER(LANG(?label) = \"zh\") } ORDER BY ?label",
        );
        for expected in ["蒙古国", "习近平", "呼日勒苏赫", "上海合作组织", "一带一路", "联合国"]
        {
            assert!(mentioned.iter().any(|l| l == expected), "{page}: `{expected}` in {mentioned:?}");
        }
        // Named only in the navigation, the sidebar, a comment or a script.
        for boilerplate in ["美国", "日本", "法国", "欧盟", "非洲联盟", "哈萨克斯坦"] {
            assert!(!mentioned.iter().any(|l| l == boilerplate), "{page}: `{boilerplate}` is boilerplate");
        }
    }
    // The page's mentions are those of the statement's text.
    let count =
        |store: &str| query_csv(dir.path(), store, "SELECT (COUNT(*) AS ?n) WHERE { ?m a dg:Mention }");
    build(dir.path(), "txt.nq", &[&root().join("seeds/000_8485a5dca28439e8.txt")], &[]);
    assert_eq!(count("html.nq"), count("txt.nq"));
}

#[test]
fn word_paragraphs_are_read_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let said = build(dir.path(), "docx.nq", &[&fixture("docx/uzbekistan_2024.docx")], &[]);
    assert!(said.starts_with("built 1 document from 1 file (docx ×1)"), "{said}");
    let rows =
        query_csv(dir.path(), "docx.nq", "SELECT ?title ?date WHERE { ?d dg:title ?title ; dg:date ?date }");
    assert_eq!(
        rows,
        ["中华人民共和国和乌兹别克斯坦共和国关于新时代全天候全面战略伙伴关系的联合声明,2024-01-24"]
    );
    let o = run(
        dir.path(),
        &[
            "query",
            "--store",
            "docx.nq",
            "--format",
            "json",
            "SELECT ?text WHERE { ?d a dg:Document ; dg:text ?text }",
        ],
    );
    let answer: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    // White space inside a line is compared as one space (the signature block's columns).
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = words(answer["results"]["bindings"][0]["text"]["value"].as_str().unwrap());
    let seed = std::fs::read_to_string(root().join("seeds/002_dcfbf6f175b4b9fa.txt")).unwrap();
    let paragraphs: Vec<String> =
        seed.lines().map(words).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
    assert!(paragraphs.len() > 20);
    let mut at = 0;
    for p in &paragraphs {
        let found = text[at..].find(&p[..]).unwrap_or_else(|| panic!("paragraph `{p}` in order"));
        at += found + p.len();
    }
    let mentioned = query_csv(dir.path(), "docx.nq", "SELECT DISTINCT ?e WHERE { ?m dg:refersTo ?e }");
    for expected in ["country/UZ", "country/CN", "org/SCO"] {
        assert!(mentioned.iter().any(|e| e.ends_with(expected)), "`{expected}` in {mentioned:?}");
    }
}

#[test]
fn bad_inputs_are_one_line_each_and_the_rest_is_built() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("in");
    std::fs::create_dir(&bad).unwrap();
    for name in ["pdf/encrypted.pdf", "pdf/scanned.pdf", "html/links_only.html", "html/mongolia_2022.html"] {
        std::fs::copy(fixture(name), bad.join(Path::new(name).file_name().unwrap())).unwrap();
    }
    let pdf = std::fs::read(fixture("pdf/seeds_2019_06.pdf")).unwrap();
    std::fs::write(bad.join("broken.pdf"), &pdf[..pdf.len() / 3]).unwrap();
    // 500 MB that is never read: its first bytes say PDF, its size refuses it.
    let huge = std::fs::File::create(bad.join("huge.pdf")).unwrap();
    std::io::Write::write_all(&mut &huge, b"%PDF-1.7\n").unwrap();
    huge.set_len(500 * 1000 * 1000).unwrap();
    // A PDF named .txt is read as a PDF: the content decides.
    std::fs::copy(fixture("pdf/scanned.pdf"), bad.join("scan.txt")).unwrap();
    let o = run(dir.path(), &["build", "--store", "s.nq", "in"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    let expected = [
        ("broken.pdf", "a broken PDF file"),
        ("encrypted.pdf", "the PDF file is password-protected"),
        ("huge.pdf", "the PDF file is larger than 100 MiB"),
        ("links_only.html", "the HTML page has no main text"),
        ("scan.txt", "the PDF has no text layer"),
        ("scanned.pdf", "the PDF has no text layer"),
    ];
    assert_eq!(lines.len(), expected.len(), "{err}");
    for (line, (name, reason)) in lines.iter().zip(expected) {
        assert!(
            line.starts_with("diplograph: skipped `in/") && line.contains(name) && line.contains(reason),
            "{line}"
        );
    }
    assert!(stdout(&o).starts_with("built 1 document from 1 file"), "{}", stdout(&o));
}

#[test]
fn metadata_files_override_date_title_and_url_and_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("pages");
    std::fs::create_dir(&pages).unwrap();
    std::fs::copy(fixture("html/mongolia_2022.html"), pages.join("mongolia.html")).unwrap();
    std::fs::copy(fixture("pdf/seeds_2019_06.pdf"), dir.path().join("june.pdf")).unwrap();
    std::fs::write(
        dir.path().join("sources.csv"),
        "path,date,title,url,language,archive_id\n\
         pages/*.html,,,https://example.com/archive/list,zh-Hans,box-1\n\
         pages/mongolia.html,2022-11-29,\"中蒙联合声明, 全文\",https://example.com/archive/mongolia,,box-2\n",
    )
    .unwrap();
    let q = "SELECT ?title ?date ?url ?ts ?ds ?us ?lang ?name ?value WHERE { ?d dg:title ?title ; dg:date ?date ; \
             dg:sourceUrl ?url ; dg:titleSource ?ts ; dg:dateSource ?ds ; dg:sourceUrlSource ?us ; dg:language ?lang ; \
             dg:property [ dg:propertyName ?name ; dg:propertyValue ?value ] }";
    build(dir.path(), "csv.nq", &[Path::new("pages")], &["--metadata", "sources.csv"]);
    assert_eq!(
        query_csv(dir.path(), "csv.nq", q),
        ["\"中蒙联合声明, 全文\",2022-11-29,https://example.com/archive/mongolia,metadata,metadata,metadata,zh-Hans,archive_id,box-2"]
    );
    // JSON lines, for a PDF of several documents: the URL applies to each, the dates stay the text's.
    std::fs::write(
        dir.path().join("sources.jsonl"),
        "{\"path\": \"june.pdf\", \"url\": \"https://example.com/june.pdf\"}\n",
    )
    .unwrap();
    build(dir.path(), "jsonl.nq", &[Path::new("june.pdf")], &["--metadata", "sources.jsonl"]);
    let rows = query_csv(
        dir.path(),
        "jsonl.nq",
        "SELECT ?url ?us ?ds (COUNT(*) AS ?n) WHERE { ?d a dg:Document ; dg:sourceUrl ?url ; dg:sourceUrlSource ?us ; \
         dg:dateSource ?ds } GROUP BY ?url ?us ?ds",
    );
    assert_eq!(rows, ["https://example.com/june.pdf,metadata,text,8"]);
    let o = run(dir.path(), &["explain", "--store", "jsonl.nq", "--limit", "1", "热恩别科夫"]);
    assert!(stdout(&o).contains("  url: https://example.com/june.pdf"), "{}", stdout(&o));
    // A bad row stops the build before anything is stored, naming the file and line.
    std::fs::write(dir.path().join("bad.csv"), "path,date\npages/*.html,June 2019\n").unwrap();
    let o = run(dir.path(), &["build", "--store", "bad.nq", "--metadata", "bad.csv", "pages"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("bad.csv` line 2: the date `June 2019` is not a day"), "{}", stderr(&o));
    assert!(!dir.path().join("bad.nq").exists());
}
