//! Answers kept beside an indexed store's snapshot: each named query that takes no parameters,
//! evaluated once when a build publishes the snapshot, so that asking it again reads one file.
//!
//! A snapshot never changes once published, so its answers stay true for as long as it exists;
//! they go with it. An answer is found by the SHA-256 of the query it answers, spelled one way
//! ([`crate::query::canonical`]: the same query with prefixes declared, other comments or other
//! layout finds it); a query changed by a newer version of diplograph, or any other query, is
//! evaluated as before. Listing 11,000 newspaper documents from the snapshot costs RocksDB reads
//! of three long strings and five index seeks per document (0.67 s); from the kept answer it
//! costs parsing 2 MB. Start with [`save`], [`load`] and [`evaluate`].

use crate::queries::{QueryHeader, NAMED_QUERIES};
use crate::query::{QueryError, Sparql};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsParser, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryResults};
use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Why answers could not be kept.
#[derive(Debug, thiserror::Error)]
pub enum AnswersError {
    #[error("cannot write the answers of `{path}`: {cause}")]
    Write { path: PathBuf, cause: std::io::Error },
    #[error("cannot answer the named query `{name}` for the new snapshot: {cause}")]
    Query { name: &'static str, cause: QueryError },
    #[error(transparent)]
    Store(#[from] crate::storage::StoreError),
}

/// The directory of `snapshot`'s answers (`snapshot-N.answers` beside `snapshot-N`).
pub fn dir(snapshot: &Path) -> PathBuf {
    snapshot.with_extension("answers")
}

/// The file that holds the answer to the query `sparql`, within [`dir`]: named by the query,
/// not its spelling (prefix declarations, comments and layout do not count); `None` when
/// it does not parse.
fn file_name(sparql: &str) -> Option<String> {
    Some(format!("{}.tsv", crate::vocab::short_hash(&crate::query::canonical(sparql)?)))
}

/// Evaluates on `store`, which holds what `snapshot` holds, every named query without
/// parameters, and keeps the answers (SPARQL results as TSV, which spell every term exactly)
/// beside the snapshot. The directory appears whole or not at all.
pub fn save(store: &dyn Sparql, snapshot: &Path) -> Result<(), AnswersError> {
    let target = dir(snapshot);
    let partial = snapshot.with_extension("answers-partial");
    let io = |path: &Path| {
        let path = path.to_owned();
        move |cause| AnswersError::Write { path, cause }
    };
    if partial.exists() {
        std::fs::remove_dir_all(&partial).map_err(io(&partial))?;
    }
    std::fs::create_dir_all(&partial).map_err(io(&partial))?;
    let token = CancellationToken::new();
    for query in NAMED_QUERIES.iter().filter(|q| QueryHeader::parse(q.text).params.is_empty()) {
        let failed = |cause| AnswersError::Query { name: query.name, cause };
        let QueryResults::Solutions(solutions) = store.evaluate(query.text, &token).map_err(failed)? else {
            continue;
        };
        let Some(name) = file_name(query.text) else { continue };
        let path = partial.join(name);
        let file = File::create(&path).map_err(io(&path))?;
        let mut out = BufWriter::new(file);
        let variables = solutions.variables().to_vec();
        let mut writer = QueryResultsSerializer::from_format(QueryResultsFormat::Tsv)
            .serialize_solutions_to_writer(&mut out, variables)
            .map_err(io(&path))?;
        for solution in solutions {
            let solution = solution.map_err(|e| failed(crate::query::evaluation_error(e)))?;
            writer.serialize(&solution).map_err(io(&path))?;
        }
        writer.finish().map_err(io(&path))?;
        out.flush().map_err(io(&path))?;
    }
    if target.exists() {
        std::fs::remove_dir_all(&target).map_err(io(&target))?;
    }
    std::fs::rename(&partial, &target).map_err(io(&target))
}

/// Keeps the answers for the current snapshot of the indexed store at `store` (one that
/// `analyze --write-back` published); nothing for a store file.
pub fn save_for_current(store: &Path) -> Result<(), AnswersError> {
    if !crate::storage::is_indexed(store) {
        return Ok(());
    }
    let (opened, snapshot) = crate::storage::open_served(store)?;
    match snapshot {
        Some(snapshot) => save(opened.inner(), &snapshot),
        None => Ok(()),
    }
}

/// The answer kept beside `snapshot` for the query text `sparql`, if one was kept.
pub fn load(snapshot: &Path, sparql: &str) -> Option<QueryResults<'static>> {
    let answers = dir(snapshot);
    // A snapshot whose answers are still being written has none: nothing to parse the query for.
    if !answers.is_dir() {
        return None;
    }
    let file = File::open(answers.join(file_name(sparql)?)).ok()?;
    let parser = QueryResultsParser::from_format(QueryResultsFormat::Tsv);
    parser.for_reader(BufReader::new(file)).ok().map(QueryResults::from)
}

/// A store that answers from the answers kept beside `snapshot` (when it reads an indexed
/// store's snapshot) before evaluating.
pub struct Answered<'a, S: ?Sized> {
    pub store: &'a S,
    pub snapshot: Option<&'a Path>,
}

impl<S: Sparql + ?Sized> Sparql for Answered<'_, S> {
    fn evaluate(&self, sparql: &str, token: &CancellationToken) -> Result<QueryResults<'_>, QueryError> {
        evaluate(self.store, self.snapshot, sparql, token)
    }
}

/// The answer kept beside `snapshot` for `sparql` if there is one, else `store`'s evaluation.
pub fn evaluate<'a, S: Sparql + ?Sized>(
    store: &'a S,
    snapshot: Option<&Path>,
    sparql: &str,
    token: &CancellationToken,
) -> Result<QueryResults<'a>, QueryError> {
    match snapshot.and_then(|s| load(s, sparql)) {
        Some(answer) => Ok(answer),
        None => store.evaluate(sparql, token),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queries::named;
    use oxigraph::io::RdfFormat;
    use oxigraph::store::Store;

    /// Two documents of a store file, as the default graph shows them.
    fn store() -> Store {
        let store = Store::new().unwrap();
        let nt = r#"
<https://w3id.org/diplograph/id/doc/a> a <https://w3id.org/diplograph/ontology#Document> ;
  <https://w3id.org/diplograph/ontology#title> "甲声明"@zh ; <https://w3id.org/diplograph/ontology#sourceFile> "a.txt" ;
  <https://w3id.org/diplograph/ontology#date> "2019-06-05"^^<http://www.w3.org/2001/XMLSchema#date> .
<https://w3id.org/diplograph/id/doc/b> a <https://w3id.org/diplograph/ontology#Document> ;
  <https://w3id.org/diplograph/ontology#title> "乙报道"@zh ; <https://w3id.org/diplograph/ontology#sourceFile> "b.txt" .
"#;
        store.load_from_slice(RdfFormat::Turtle, nt.as_bytes()).unwrap();
        store
    }

    /// The rows of `results` as N-Triples terms, in order.
    fn rows(results: QueryResults<'_>) -> Vec<Vec<String>> {
        let QueryResults::Solutions(solutions) = results else { panic!("solutions") };
        solutions.map(|s| s.unwrap().values().iter().map(|v| format!("{v:?}")).collect()).collect()
    }

    #[test]
    fn a_kept_answer_is_what_evaluating_its_text_gives() {
        let dir = tempfile::tempdir().unwrap();
        let snapshot = dir.path().join("snapshot-000001");
        let store = store();
        save(&store, &snapshot).unwrap();
        assert!(!snapshot.with_extension("answers-partial").exists(), "nothing half-written is left");
        let documents = named("documents").unwrap().text;
        let token = CancellationToken::new();
        let kept = rows(load(&snapshot, documents).expect("kept"));
        assert_eq!(kept.len(), 2);
        assert_eq!(kept, rows(store.evaluate(documents, &token).unwrap()));
        let respelled =
            format!("PREFIX dg: <https://w3id.org/diplograph/ontology#>\n# respelled\n{documents}  ");
        assert_eq!(rows(load(&snapshot, &respelled).expect("the same query")), kept);
        assert!(
            load(&snapshot, &format!("{documents} LIMIT 1")).is_none(),
            "another query has no answer kept"
        );
        assert!(load(&dir.path().join("snapshot-000002"), documents).is_none(), "nor another snapshot");
        let mentions = named("mentions").unwrap().text;
        assert!(load(&snapshot, mentions).is_none(), "a query with parameters is evaluated each time");
    }

    #[test]
    fn a_store_with_kept_answers_gives_them_before_evaluating() {
        let dir = tempfile::tempdir().unwrap();
        let snapshot = dir.path().join("snapshot-000001");
        save(&store(), &snapshot).unwrap();
        // Answers kept for a store that has since lost a document still answer for the snapshot.
        let emptied = Store::new().unwrap();
        let token = CancellationToken::new();
        let documents = named("documents").unwrap().text;
        let answered = Answered { store: &emptied, snapshot: Some(&snapshot) };
        assert_eq!(rows(answered.evaluate(documents, &token).unwrap()).len(), 2);
        let unanswered = Answered { store: &emptied, snapshot: None };
        assert!(rows(unanswered.evaluate(documents, &token).unwrap()).is_empty());
        let other = Answered { store: &emptied, snapshot: Some(&snapshot) };
        assert!(rows(other.evaluate("SELECT ?s WHERE { ?s ?p ?o }", &token).unwrap()).is_empty());
    }

    #[test]
    fn saving_again_replaces_the_answers_whole() {
        let dir = tempfile::tempdir().unwrap();
        let snapshot = dir.path().join("snapshot-000001");
        save(&store(), &snapshot).unwrap();
        std::fs::create_dir(snapshot.with_extension("answers-partial")).unwrap();
        save(&Store::new().unwrap(), &snapshot).unwrap();
        let documents = named("documents").unwrap().text;
        assert!(rows(load(&snapshot, documents).unwrap()).is_empty());
        assert!(!snapshot.with_extension("answers-partial").exists());
    }
}
