//! The explorer of `diplograph serve` on the seeds store: every page over plain HTTP (status, media
//! type, key content; RDF and SPARQL clients still get RDF and SPARQL results), then a real browser
//! (Debian's chromium driven by playwright-core, tests/e2e/explorer.mjs) doing what an analyst does,
//! a screenshot of each page kept in `target/e2e-screenshots/`.

use crate::common::{root, seeds_store_dir};
use crate::serve::{request, start_in, Endpoint};
use std::path::{Path, PathBuf};
use std::process::Command;

const BROWSER: &str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

/// `serve` on the seeds store, run in its directory so the documents' source files (`seeds/…`) are
/// found for their text.
fn start() -> Endpoint {
    start_in(seeds_store_dir(), &["--store", "diplograph.nq"])
}

fn encode(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

fn get(e: &Endpoint, path: &str, accept: &str) -> (u16, String, String) {
    request(&e.addr, "GET", path, &[("Accept", accept)], b"")
}

fn header<'h>(head: &'h str, name: &str) -> Option<&'h str> {
    head.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.eq_ignore_ascii_case(name).then(|| v.trim())
    })
}

#[test]
fn explorer_pages_answer_browsers_and_rdf_clients() {
    let e = start();
    let putin = "/id/leader/vladimir-putin";
    let pages = [
        ("/", "action=\"/search\""),
        (&format!("/search?q={}", encode("普京")) as &str, "href=\"/id/leader/vladimir-putin\""),
        ("/search?q=Kazakhstan", "哈萨克斯坦"),
        // The evidence sentence, quoted from the source, with its mentions marked at their offsets.
        (putin, "应俄罗斯联邦总统<a class=\"mention k-leader\" href=\"/id/leader/vladimir-putin\" title=\"普京 (Leader)\">普京</a>邀请"),
        ("/id/country/KZ", "Q232"),
        (
            &format!("/dossier?a={}&b={}", encode("中国"), encode("哈萨克斯坦")),
            "class=\"dk dk-visit\">visit</span>",
        ),
        ("/graph?entity=country:KZ&depth=2&kind=Country&kind=Leader", "id=\"cy\""),
        ("/query?example=visits", "dg:Visit"),
        (
            &format!("/query?query={}", encode("SELECT ?c WHERE { ?c a dg:Country } LIMIT 3")),
            "<td><a href=\"/id/country/",
        ),
    ];
    for (path, marker) in pages {
        let (status, head, body) = get(&e, path, BROWSER);
        assert_eq!(status, 200, "{path}: {body}");
        assert_eq!(header(&head, "Content-Type"), Some("text/html; charset=utf-8"), "{path}");
        assert_eq!(header(&head, "Content-Security-Policy"), Some("default-src 'self'"), "{path}");
        assert!(body.contains(marker), "{path} holds {marker}: {body}");
        assert!(body.contains("<html lang=\"zh\">"), "{path}");
    }
    // The document of Putin's 2019 visit: its text from the source file, every mention linked.
    let (_, _, body) = get(&e, putin, BROWSER);
    let doc =
        body.split("· <a href=\"/id/doc/").nth(1).and_then(|s| s.split('"').next()).expect("a document link");
    let (status, _, body) = get(&e, &format!("/id/doc/{doc}"), BROWSER);
    assert_eq!(status, 200);
    assert!(body.contains("<div class=\"text\" lang=\"zh\">"), "{body}");
    assert!(body.matches("class=\"mention ").count() > 50, "{body}");

    let (status, head, body) = get(&e, "/graph.json?entity=country:KZ&depth=2", "application/json");
    assert_eq!((status, header(&head, "Content-Type")), (200, Some("application/json")), "{body}");
    let graph: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert!(graph["nodes"].as_array().unwrap().len() > 5 && !graph["edges"].as_array().unwrap().is_empty());

    for asset in ["explorer.css", "graph.js", "cytoscape.min.js"] {
        let (status, _, body) = get(&e, &format!("/assets/{asset}"), "*/*");
        assert!(status == 200 && body.len() > 1000, "{asset}");
    }
    let (status, head, body) = request(&e.addr, "HEAD", putin, &[("Accept", BROWSER)], b"");
    assert_eq!(status, 200);
    assert!(body.is_empty() && header(&head, "Content-Length").is_some_and(|n| n != "0"), "{head}");
    for path in ["/nowhere", "/id/leader/nobody", "/assets/nothing.js"] {
        assert_eq!(get(&e, path, BROWSER).0, 404, "{path}");
    }
    assert_eq!(request(&e.addr, "HEAD", "/nowhere", &[], b"").0, 404);
}

#[test]
fn rdf_and_sparql_clients_keep_their_formats() {
    let e = start();
    let (status, head, body) = get(&e, "/id/leader/vladimir-putin", "text/turtle");
    assert_eq!((status, header(&head, "Content-Type")), (200, Some("text/turtle")), "{body}");
    assert!(body.contains("owl:sameAs wd:Q7747") || body.contains("wd:Q7747"), "{body}");
    let (status, head, body) = get(&e, "/id/leader/vladimir-putin", "application/n-triples");
    assert_eq!((status, header(&head, "Content-Type")), (200, Some("application/n-triples")));
    assert!(body.contains("<https://w3id.org/diplograph/id/leader/vladimir-putin> <http://www.w3.org/2000/01/rdf-schema#label> \"普京\"@zh ."));
    assert_eq!(get(&e, "/id/leader/vladimir-putin", "image/png").0, 406);

    let query = format!("/query?query={}", encode("SELECT ?v WHERE { ?v a dg:Visit }"));
    let (status, head, body) = get(&e, &query, "application/sparql-results+json");
    assert_eq!(
        (status, header(&head, "Content-Type")),
        (200, Some("application/sparql-results+json; charset=utf-8"))
    );
    assert!(body.contains("\"bindings\""), "{body}");
    let (status, head, _) = get(&e, &query, "*/*");
    assert_eq!(
        (status, header(&head, "Content-Type")),
        (200, Some("application/sparql-results+json; charset=utf-8"))
    );
    let (status, head, body) = get(&e, &format!("{query}&format=csv"), BROWSER);
    assert_eq!((status, header(&head, "Content-Type")), (200, Some("text/csv; charset=utf-8")), "{body}");
    let form = format!("format=html&query={}", encode("SELECT ?x WHERE { ?x"));
    let (status, head, body) = request(
        &e.addr,
        "POST",
        "/query",
        &[("Content-Type", "application/x-www-form-urlencoded"), ("Accept", BROWSER)],
        form.as_bytes(),
    );
    assert_eq!((status, header(&head, "Content-Type")), (400, Some("text/html; charset=utf-8")));
    assert!(body.contains("class=\"query-error\"") && body.contains("line 1, column"), "{body}");
    let (status, head, _) = request(
        &e.addr,
        "POST",
        "/query",
        &[("Content-Type", "application/sparql-query"), ("Accept", "application/sparql-results+xml")],
        b"ASK { ?c a dg:Country }",
    );
    assert_eq!(
        (status, header(&head, "Content-Type")),
        (200, Some("application/sparql-results+xml; charset=utf-8"))
    );
}

/// Chromium and the e2e script's node_modules, or why they are missing.
fn browser_setup() -> Result<(PathBuf, PathBuf), String> {
    let chromium = PathBuf::from(std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()));
    if !chromium.exists() {
        return Err(format!("no chromium at `{}` (apt-get install chromium)", chromium.display()));
    }
    let e2e = root().join("tests/e2e");
    if !e2e.join("node_modules/playwright-core").is_dir() {
        return Err("tests/e2e/node_modules is missing (npm ci --prefix tests/e2e)".into());
    }
    if !Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success()) {
        return Err("node is missing".into());
    }
    Ok((chromium, e2e))
}

/// Where the screenshots are kept: `target/e2e-screenshots/`.
fn screenshot_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap().join("e2e-screenshots")
}

#[test]
fn explorer_in_a_real_browser() {
    let (chromium, e2e) = match browser_setup() {
        Ok(found) => found,
        Err(why) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "the browser test cannot run on CI: {why}; .ci/run installs it"
            );
            eprintln!("skipped: {why}");
            return;
        }
    };
    let e = start();
    let shots = screenshot_dir();
    let _ = std::fs::remove_dir_all(&shots);
    let output = Command::new("node")
        .arg(e2e.join("explorer.mjs"))
        .arg(format!("http://{}", e.addr))
        .arg(&shots)
        .env("CHROMIUM", &chromium)
        .output()
        .expect("node runs");
    let log =
        format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "the browser run failed:\n{log}");
    for name in [
        "01-search.png",
        "02-entity.png",
        "03-document.png",
        "04-dossier.png",
        "05-query.png",
        "06-graph.png",
    ] {
        let png = std::fs::read(shots.join(name)).unwrap_or_else(|e| panic!("{name}: {e}\n{log}"));
        let (width, height, _) = crate::common::png_pixels(&png);
        assert!(width >= 1000 && height >= 600, "{name} is {width}×{height}");
    }
    eprintln!("{log}screenshots in {}", shots.display());
}

/// A document built from a PDF shows the text it was analysed on (kept in the store), not bytes of
/// the PDF decoded as text.
#[test]
fn a_converted_document_shows_the_text_it_was_analysed_on() {
    let dir = crate::common::workspace();
    std::fs::copy(root().join("tests/fixtures/pdf/seeds_2019_06.pdf"), dir.path().join("s.pdf")).unwrap();
    let built = crate::common::run(dir.path(), &["build", "--store", "x.nq", "s.pdf"]);
    assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
    let documents =
        crate::common::query_csv(dir.path(), "x.nq", "SELECT ?d WHERE { ?d a dg:Document } ORDER BY ?d");
    let e = start_in(dir.path(), &["--store", "x.nq"]);
    let path = documents[0].trim_start_matches("https://w3id.org/diplograph");
    let (status, _, body) = get(&e, path, BROWSER);
    assert_eq!(status, 200, "{body}");
    assert!(!body.contains("the text is not shown"), "{body}");
    assert!(body.contains("<div class=\"text\" lang=\"zh\">") && body.contains("中华人民共和国"), "{body}");
    assert!(!body.contains("%PDF"), "not the PDF's bytes");
}
