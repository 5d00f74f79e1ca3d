//! The `build --metadata` file: what an archive's list says of each file (date, title, source
//! URL, language, any other column), overriding what the text stage and the page guess.
//!
//! The entry point is [`MetadataTable::read`]. The file is CSV with a header row, or JSON lines
//! (one object per line), told by its extension (`.csv`; `.jsonl`, `.ndjson`, `.json`) or else by
//! its first character. Columns: `path` (a path or glob, relative to the metadata file's
//! directory; without `/` it matches file names), `date`, `title`, `url`, `language`; any other
//! column is kept as a document property. Every row whose path matches a file applies, in order,
//! so a glob row can set defaults that a later row for one file refines.

use crate::model::Date;
use globset::{GlobBuilder, GlobMatcher};
use std::path::{Path, PathBuf};

/// Where a document's title, date or source URL came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FieldSource {
    /// Guessed by the text stage from the document's heading, dateline or signature.
    Text,
    /// The source's own metadata (an HTML page's `<meta>`, `<title>` or canonical link).
    Page,
    /// The `build --metadata` file.
    Metadata,
}

impl FieldSource {
    /// The name stored as `dg:titleSource`, `dg:dateSource`, `dg:sourceUrlSource`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Page => "page",
            Self::Metadata => "metadata",
        }
    }
}

/// What the metadata file says of one source file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMetadata {
    pub date: Option<Date>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    /// Other columns, in column order: (name, value).
    pub properties: Vec<(String, String)>,
}

impl SourceMetadata {
    /// Fields `later` gives replace these.
    fn merge(&mut self, later: &SourceMetadata) {
        self.date = later.date.or(self.date);
        self.title = later.title.clone().or(self.title.take());
        self.url = later.url.clone().or(self.url.take());
        self.language = later.language.clone().or(self.language.take());
        for (name, value) in &later.properties {
            match self.properties.iter_mut().find(|(n, _)| n == name) {
                Some(kept) => kept.1 = value.clone(),
                None => self.properties.push((name.clone(), value.clone())),
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == SourceMetadata::default()
    }
}

/// Why the metadata file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum MetadataError {
    #[error("cannot read the metadata file `{path}`: {cause}")]
    Read { path: PathBuf, cause: std::io::Error },
    #[error("`{path}` line {line}: {reason}")]
    Row { path: PathBuf, line: u64, reason: String },
}

/// A row's path pattern.
#[derive(Debug, Clone)]
struct Pattern {
    matcher: GlobMatcher,
    /// Without `/`: matched against file names.
    name_only: bool,
}

/// The rows of a metadata file, ready to look files up in.
#[derive(Debug, Clone, Default)]
pub struct MetadataTable {
    /// The metadata file's directory, as a real path.
    base: PathBuf,
    rows: Vec<(Pattern, SourceMetadata)>,
}

const PATH_COLUMNS: &[&str] = &["path", "file", "glob"];
const URL_COLUMNS: &[&str] = &["url", "source_url", "source url", "sourceurl", "source"];
const LANGUAGE_COLUMNS: &[&str] = &["language", "lang", "script"];

impl MetadataTable {
    /// Reads a metadata file (CSV or JSON lines).
    pub fn read(path: &Path) -> Result<Self, MetadataError> {
        let read_error = |cause| MetadataError::Read { path: path.to_owned(), cause };
        let bytes = std::fs::read(path).map_err(read_error)?;
        let base = std::fs::canonicalize(path)
            .map_err(read_error)?
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
        let text =
            String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes)).into_owned();
        let json = match ext.as_deref() {
            Some("jsonl" | "ndjson" | "json") => true,
            Some("csv") => false,
            _ => text.trim_start().starts_with('{'),
        };
        let records = if json { json_records(&text) } else { csv_records(&text) }
            .map_err(|(line, reason)| MetadataError::Row { path: path.to_owned(), line, reason })?;
        let mut rows = Vec::new();
        for (line, fields) in records {
            let row =
                row(&fields).map_err(|reason| MetadataError::Row { path: path.to_owned(), line, reason })?;
            rows.push(row);
        }
        Ok(MetadataTable { base, rows })
    }

    /// What the rows matching `file` (a path as given to `build`) say, merged in row order.
    pub fn lookup(&self, file: &Path) -> SourceMetadata {
        let mut found = SourceMetadata::default();
        let name = file.file_name().map(Path::new);
        let relative = std::fs::canonicalize(file)
            .ok()
            .and_then(|real| real.strip_prefix(&self.base).ok().map(Path::to_path_buf));
        for (pattern, metadata) in &self.rows {
            let matches = if pattern.name_only {
                name.is_some_and(|n| pattern.matcher.is_match(n))
            } else {
                relative.as_deref().is_some_and(|r| pattern.matcher.is_match(r))
                    || pattern.matcher.is_match(file)
            };
            if matches {
                found.merge(metadata);
            }
        }
        found
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// One row's fields as (column, value) pairs, with its line number.
type Record = (u64, Vec<(String, String)>);

fn csv_records(text: &str) -> Result<Vec<Record>, (u64, String)> {
    let mut reader =
        csv::ReaderBuilder::new().flexible(false).trim(csv::Trim::All).from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| (1, e.to_string()))?.clone();
    let mut records = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| (e.position().map_or(0, |p| p.line()), e.to_string()))?;
        let line = record.position().map_or(0, |p| p.line());
        records.push((
            line,
            headers.iter().zip(record.iter()).map(|(h, v)| (h.to_owned(), v.to_owned())).collect(),
        ));
    }
    Ok(records)
}

fn json_records(text: &str) -> Result<Vec<Record>, (u64, String)> {
    let mut records = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line_no = n as u64 + 1;
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(line).map_err(|e| (line_no, e.to_string()))?;
        let serde_json::Value::Object(object) = value else {
            return Err((line_no, "each line must be a JSON object".into()));
        };
        let fields = object
            .into_iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| (k, v.as_str().map_or_else(|| v.to_string(), str::to_owned)))
            .collect();
        records.push((line_no, fields));
    }
    Ok(records)
}

/// A row from its fields.
fn row(fields: &[(String, String)]) -> Result<(Pattern, SourceMetadata), String> {
    let mut metadata = SourceMetadata::default();
    let mut pattern = None;
    for (column, value) in fields {
        let key = column.trim().to_lowercase();
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        if PATH_COLUMNS.contains(&key.as_str()) {
            let glob = GlobBuilder::new(value.trim_start_matches("./"))
                .literal_separator(true)
                .build()
                .map_err(|e| format!("the path `{value}` is not a valid glob: {e}"))?;
            pattern = Some(Pattern { matcher: glob.compile_matcher(), name_only: !value.contains('/') });
        } else if key == "date" {
            let date = Date::parse(value)
                .filter(Date::is_complete)
                .or_else(|| super::html::parse_date(value))
                .ok_or_else(|| format!("the date `{value}` is not a day (write YYYY-MM-DD)"))?;
            metadata.date = Some(date);
        } else if key == "title" {
            metadata.title = Some(value.to_owned());
        } else if URL_COLUMNS.contains(&key.as_str()) {
            if !(value.starts_with("http://") || value.starts_with("https://"))
                || value.contains(char::is_whitespace)
            {
                return Err(format!("the URL `{value}` is not an absolute http(s) URL"));
            }
            metadata.url = Some(value.to_owned());
        } else if LANGUAGE_COLUMNS.contains(&key.as_str()) {
            metadata.language = Some(value.to_owned());
        } else {
            metadata.properties.push((column.trim().to_owned(), value.to_owned()));
        }
    }
    let pattern = pattern.ok_or_else(|| "the row has no `path`".to_owned())?;
    Ok((pattern, metadata))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(name: &str, content: &str) -> (tempfile::TempDir, Result<MetadataTable, MetadataError>) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("pages")).unwrap();
        std::fs::write(dir.path().join("pages/a.html"), "x").unwrap();
        std::fs::write(dir.path().join("b.pdf"), "x").unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        let table = MetadataTable::read(&path);
        (dir, table)
    }

    #[test]
    fn csv_rows_apply_in_order_with_globs_and_extra_columns() {
        let csv = "path,date,title,url,language,archive_id\n\
pages/*.html,2019-06-05,,https://example.org/list,zh-Hans,A1\n\
pages/a.html,,\"Joint statement, full text\",https://example.org/a,,A2\n\
b.pdf,2019年6月6日,汇编,,zh-Hant,\n";
        let (dir, table) = table("list.csv", csv);
        let table = table.unwrap();
        let a = table.lookup(&dir.path().join("pages/a.html"));
        assert_eq!(a.date, Date::ymd(2019, 6, 5));
        assert_eq!(a.title.as_deref(), Some("Joint statement, full text"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(a.language.as_deref(), Some("zh-Hans"));
        assert_eq!(a.properties, [("archive_id".to_owned(), "A2".to_owned())]);
        let b = table.lookup(&dir.path().join("b.pdf"));
        assert_eq!((b.date, b.title.as_deref()), (Date::ymd(2019, 6, 6), Some("汇编")));
        assert!(table.lookup(&dir.path().join("list.csv")).is_empty());
    }

    #[test]
    fn json_lines_rows() {
        let jsonl = "{\"path\": \"a.html\", \"date\": \"2019-06-05\", \"url\": \"https://example.org/a\", \"pages\": 3}\n\n";
        let (dir, table) = table("list.jsonl", jsonl);
        let a = table.unwrap().lookup(&dir.path().join("pages/a.html"));
        assert_eq!(a.date, Date::ymd(2019, 6, 5));
        assert_eq!(a.properties, [("pages".to_owned(), "3".to_owned())]);
    }

    #[test]
    fn bad_rows_name_their_line() {
        let table_error = |name: &str, content: &str| table(name, content).1.unwrap_err().to_string();
        let error = table_error("m.csv", "path,date\na.html,2019-06-05\nb.pdf,June 2019\n");
        assert!(
            error.ends_with("m.csv` line 3: the date `June 2019` is not a day (write YYYY-MM-DD)"),
            "{error}"
        );
        let error = table_error("m.jsonl", "{\"path\": \"a\"}\n[1]\n");
        assert!(error.ends_with("line 2: each line must be a JSON object"), "{error}");
        assert!(table_error("m.csv", "title\nx\n").ends_with("line 2: the row has no `path`"));
        assert!(table_error("m.csv", "path,url\na,ftp://x\n").contains("not an absolute http(s) URL"));
    }
}
