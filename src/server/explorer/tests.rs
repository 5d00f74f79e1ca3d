//! Routing, negotiation and escaping of the explorer on a small store.

use super::*;
use oxigraph::io::RdfFormat;

fn store() -> Store {
    let store = Store::new().unwrap();
    let (id, dg, label) = (vocab::ID, vocab::DG, vocab::RDFS_LABEL);
    let data = format!(
        "<{id}leader/putin> a <{dg}Leader> ; <{label}> \"普京\"@zh , \"Vladimir Putin\"@en ; <{dg}leaderOf> <{id}country/RU> .
         <{id}country/RU> a <{dg}Country> ; <{label}> \"俄罗斯\"@zh .
         <{id}doc/d1> a <{dg}Document> ; <{dg}title> \"<script>alert('t')</script>\"@zh ; <{dg}sourceFile> \"/nonexistent/x.txt\" ; <{dg}startOffset> 0 ; <{dg}endOffset> 9 ;
           <{dg}mentions> <{id}leader/putin> , <{id}country/RU> .
         <{id}doc/d1/f/visit-0-0> a <{dg}Visit> ; <{dg}statedIn> <{id}doc/d1> ; <{dg}visitor> <{id}leader/putin> ;
           <{dg}hostCountry> <{id}country/RU> ; <{dg}evidence> <{id}doc/d1/e/visit-0-0> .
         <{id}doc/d1/e/visit-0-0> a <{dg}Evidence> ; <{dg}inDocument> <{id}doc/d1> ; <{dg}evidenceText> \"普京<b>访问\\\"俄罗斯\" ;
           <{dg}evidenceStart> 0 ; <{dg}evidenceEnd> 9 ; <{dg}basedOn> <{id}doc/d1/m/0-2-Leader> .
         <{id}doc/d1/m/0-2-Leader> a <{dg}Mention> ; <{dg}refersTo> <{id}leader/putin> ; <{dg}text> \"普京\" ;
           <{dg}start> 0 ; <{dg}end> 2 ; <{dg}inDocument> <{id}doc/d1> ."
    );
    // As a built store opened for querying: the document's graph, and its merge as the default graph.
    store.load_from_slice(RdfFormat::Turtle, data.as_bytes()).unwrap();
    let graph = NamedNode::new(format!("{id}doc/d1")).unwrap();
    let parser = oxigraph::io::RdfParser::from_format(RdfFormat::Turtle).with_default_graph(graph);
    store.load_from_reader(parser, data.as_bytes()).unwrap();
    store
}

const BROWSER: &str = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8";

fn get(path: &str, accept: &str) -> Response {
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    route(path, query, accept, &store()).unwrap_or_else(|| Response::text(0, "not routed"))
}

fn body(r: &Response) -> String {
    String::from_utf8_lossy(&r.body).into_owned()
}

#[test]
fn browsers_prefer_html_and_sparql_clients_do_not() {
    let table = [
        (BROWSER, true),
        ("text/html", true),
        ("", false),
        ("*/*", false),
        ("application/sparql-results+json", false),
        ("application/sparql-results+json,*/*;q=0.9", false),
        ("text/turtle, text/html;q=0.5", false),
        ("text/html;q=0", false),
        ("application/sparql-results+xml;q=0.8, text/html", true),
    ];
    for (accept, html) in table {
        assert_eq!(prefers_html(accept), html, "{accept}");
    }
    let params = |raw: &str| form_urlencoded::parse(raw.as_bytes()).into_owned().collect::<Vec<_>>();
    assert!(wants_query_page("", &params("query=ASK{}&format=html")));
    assert!(!wants_query_page(BROWSER, &params("query=ASK{}&format=csv")));
    assert!(wants_query_page(BROWSER, &params("query=ASK{}")));
    assert!(!wants_query_page("application/sparql-results+json", &params("query=ASK{}")));
    assert_eq!(download_accept(BROWSER, &params("format=csv")), "text/csv");
    assert_eq!(download_accept(BROWSER, &params("format=html")), BROWSER);
    let client = "application/sparql-results+xml";
    assert_eq!(download_accept(client, &params("format=json")), client, "a SPARQL client keeps its Accept");
}

#[test]
fn routes_pages_assets_and_not_found() {
    let table: [(&str, u16, &str, &str); 10] = [
        ("/", 200, "text/html; charset=utf-8", "action=\"/search\""),
        ("/search?q=%E6%99%AE%E4%BA%AC", 200, "text/html; charset=utf-8", "/id/leader/putin"),
        ("/search?q=putin", 200, "text/html; charset=utf-8", "Vladimir Putin"),
        ("/assets/explorer.css", 200, "text/css; charset=utf-8", "Noto Sans CJK SC"),
        ("/assets/nothing.js", 404, "text/plain; charset=utf-8", "no such asset"),
        ("/id/leader/putin", 200, "text/html; charset=utf-8", "Vladimir Putin"),
        ("/id/leader/nobody", 404, "text/html; charset=utf-8", "Not found"),
        ("/id/doc/d1", 200, "text/html; charset=utf-8", "cannot read"),
        ("/graph?entity=%E6%99%AE%E4%BA%AC", 200, "text/html; charset=utf-8", "data-src=\"/graph.json?"),
        ("/graph.json?entity=leader:putin&depth=2", 200, "application/json", "\"leaderOf\""),
    ];
    for (path, status, content_type, marker) in table {
        let r = get(path, BROWSER);
        assert_eq!((r.status, r.content_type), (status, content_type), "{path}: {}", body(&r));
        assert!(body(&r).contains(marker), "{path}: {}", body(&r));
    }
    assert!(route("/elsewhere", "", BROWSER, &store()).is_none(), "other paths are left to the endpoint");
    assert!(route("/query", "", BROWSER, &store()).is_none());
    assert_eq!(get("/graph.json?entity=leader:putin&kind=Planet", BROWSER).status, 400);
    assert_eq!(get("/graph.json?entity=leader:putin&depth=3", BROWSER).status, 400);
    let html = get("/", BROWSER);
    assert!(html.headers.contains(&("Content-Security-Policy", "default-src 'self'".to_owned())));
}

#[test]
fn rdf_clients_get_rdf_at_the_same_iri() {
    let r = get("/id/leader/putin", "text/turtle");
    assert_eq!((r.status, r.content_type), (200, "text/turtle"));
    assert!(body(&r).contains("leader:putin") && body(&r).contains("\"普京\"@zh"), "{}", body(&r));
    let r = get("/id/leader/putin", "application/n-triples");
    assert!(body(&r).contains(
        "<https://w3id.org/diplograph/id/leader/putin> <http://www.w3.org/2000/01/rdf-schema#label>"
    ));
    assert_eq!(get("/id/leader/putin", "image/png").status, 406);
    assert_eq!(get("/id/leader/nobody", "text/turtle").status, 404);
    assert_eq!(get("/id/leader/%ZZ", BROWSER).status, 404);
}

#[test]
fn hostile_document_text_comes_out_escaped() {
    for path in ["/id/doc/d1", "/id/leader/putin", "/id/doc/d1/f/visit-0-0", "/search?q=%3Cscript%3E"] {
        let page = body(&get(path, BROWSER));
        assert!(!page.contains("<script>alert"), "{path}: {page}");
        assert!(!page.contains("<b>访问"), "{path}: {page}");
    }
    let fact = body(&get("/id/leader/putin", BROWSER));
    assert!(
        fact.contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;"),
        "the title is shown escaped: {fact}"
    );
    assert!(
        fact.contains("href=\"/id/leader/putin\" title=\"普京 (Leader)\">普京</a>&lt;b&gt;访问&quot;"),
        "{fact}"
    );
}

#[test]
fn long_fact_lists_are_paged() {
    let store = Store::new().unwrap();
    let (id, dg, label) = (vocab::ID, vocab::DG, vocab::RDFS_LABEL);
    let mut data = format!("<{id}country/RU> a <{dg}Country> ; <{label}> \"俄罗斯\"@zh .\n");
    for i in 0..150 {
        data.push_str(&format!(
            "<{id}doc/d/f/partnership-{i}-0> a <{dg}Partnership> ; <{dg}statedIn> <{id}doc/d> ; <{dg}partner> <{id}country/RU> ;
               <{dg}evidence> <{id}doc/d/e/partnership-{i}-0> ; <{dg}startDate> \"2020-01-01\"^^<{}> .
             <{id}doc/d/e/partnership-{i}-0> <{dg}inDocument> <{id}doc/d> ;
               <{dg}evidenceText> \"第{i}句\" ; <{dg}evidenceStart> {i} ; <{dg}evidenceEnd> {} .\n",
            vocab::XSD_DATE,
            i + 1
        ));
    }
    store.load_from_slice(RdfFormat::Turtle, data.as_bytes()).unwrap();
    let page = |from: &str| body(&route("/id/country/RU", from, BROWSER, &store).unwrap());
    let first = page("");
    assert!(
        first.contains("Facts 1–100 of 150") && first.contains("href=\"/id/country/RU?from=100\">later →"),
        "{first}"
    );
    assert!(first.contains("第99句") && !first.contains("第100句"), "by span within a date");
    let second = page("from=100");
    assert!(
        second.contains("Facts 101–150 of 150") && second.contains("第149句") && !second.contains("第99句")
    );
}
