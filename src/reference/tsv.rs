//! The one reader of reference data: a tab-separated file with `#` comment lines, a header naming
//! the columns, and rows checked against a [`Schema`] (column count, required fields, unique key,
//! yes/no flags). Every error names the file and the line.

use std::collections::HashMap;

/// A malformed reference data file: which file, which line (1-based), what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("reference data `{file}` line {line}: {message}")]
pub struct ReferenceError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// What a file must look like.
#[derive(Debug, Clone, Copy)]
pub struct Schema<'s> {
    /// The header, in order.
    pub columns: &'s [&'s str],
    /// Columns that may not be empty.
    pub required: &'s [&'s str],
    /// The column whose values must be unique, if any.
    pub key: Option<&'s str>,
    /// Columns that must be `yes` or `no`.
    pub flags: &'s [&'s str],
}

impl<'s> Schema<'s> {
    /// A schema with these columns, none required, no key, no flags.
    pub const fn new(columns: &'s [&'s str]) -> Self {
        Schema { columns, required: &[], key: None, flags: &[] }
    }
}

/// One data row: its line number and its fields (trimmed), as many as the header has columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<'a> {
    pub line: usize,
    fields: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// The field in column `i` (empty when unknown or not applicable).
    pub fn get(&self, i: usize) -> &'a str {
        self.fields[i]
    }

    /// The field in column `i`, `None` when empty.
    pub fn optional(&self, i: usize) -> Option<String> {
        let f = self.fields[i];
        (!f.is_empty()).then(|| f.to_owned())
    }

    /// The `|`-separated list in column `i`, items trimmed, empty items left out.
    pub fn list(&self, i: usize) -> impl Iterator<Item = &'a str> {
        self.fields[i].split('|').map(str::trim).filter(|s| !s.is_empty())
    }

    /// A flag column (checked to be `yes` or `no`).
    pub fn flag(&self, i: usize) -> bool {
        self.fields[i] == "yes"
    }
}

/// Reads `source` (the file named `file`) against `schema`: comment lines (`#`) and blank lines are
/// skipped, the first other line must be the header, every row must have the header's column count.
pub fn read<'a>(file: &str, source: &'a str, schema: &Schema<'_>) -> Result<Vec<Row<'a>>, ReferenceError> {
    let error = |line: usize, message: String| ReferenceError { file: file.to_owned(), line, message };
    let column = |name: &str| {
        schema.columns.iter().position(|c| *c == name).expect("schema names only its own columns")
    };
    let required: Vec<usize> = schema.required.iter().map(|c| column(c)).collect();
    let flags: Vec<usize> = schema.flags.iter().map(|c| column(c)).collect();
    let key = schema.key.map(column);
    let mut lines = source
        .lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line))
        .filter(|(_, line)| !line.starts_with('#') && !line.trim().is_empty());
    let Some((header_line, header)) = lines.next() else {
        return Err(error(1, "no header line".to_owned()));
    };
    let found: Vec<&str> = header.split('\t').map(str::trim).collect();
    if found != schema.columns {
        let (expected, found) = (schema.columns.join(" "), found.join(" "));
        return Err(error(header_line, format!("header should be `{expected}`, found `{found}`")));
    }
    let mut rows = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (line, text) in lines {
        let fields: Vec<&str> = text.split('\t').map(str::trim).collect();
        if fields.len() != schema.columns.len() {
            let message =
                format!("expected {} tab-separated fields, found {}", schema.columns.len(), fields.len());
            return Err(error(line, message));
        }
        if let Some(&i) = required.iter().find(|&&i| fields[i].is_empty()) {
            return Err(error(line, format!("`{}` is empty", schema.columns[i])));
        }
        if let Some(&i) = flags.iter().find(|&&i| !matches!(fields[i], "yes" | "no")) {
            return Err(error(
                line,
                format!("`{}` should be yes or no, found `{}`", schema.columns[i], fields[i]),
            ));
        }
        if let Some(i) = key {
            if let Some(first) = seen.insert(fields[i], line) {
                let message = format!("`{}` {} repeats line {first}", schema.columns[i], fields[i]);
                return Err(error(line, message));
            }
        }
        rows.push(Row { line, fields });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCHEMA: Schema<'static> =
        Schema { columns: &["zh", "en", "ok"], required: &["zh"], key: Some("zh"), flags: &["ok"] };

    fn error(source: &str) -> ReferenceError {
        read("test.tsv", source, &SCHEMA).unwrap_err()
    }

    #[test]
    fn reads_rows_after_comments_and_header() {
        let rows =
            read("test.tsv", "# what\nzh\ten\tok\n中国\tChina\tyes\n\n俄罗斯\t\tno\n", &SCHEMA).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].line, rows[0].get(1), rows[0].flag(2)), (3, "China", true));
        assert_eq!((rows[1].line, rows[1].optional(1), rows[1].flag(2)), (5, None, false));
    }

    #[test]
    fn a_short_row_names_file_and_line() {
        let e = error("# what\nzh\ten\tok\n中国\tChina\tyes\n俄罗斯\tRussia\n");
        assert_eq!((e.file.as_str(), e.line), ("test.tsv", 4));
        assert!(e.to_string().contains("test.tsv` line 4: expected 3 tab-separated fields, found 2"), "{e}");
    }

    #[test]
    fn an_empty_required_field_names_file_and_line() {
        let e = error("zh\ten\tok\n\tChina\tyes\n");
        assert_eq!((e.file.as_str(), e.line), ("test.tsv", 2));
        assert!(e.message.contains("`zh` is empty"), "{e}");
    }

    #[test]
    fn a_bad_header_names_file_and_line() {
        let e = error("# what\nzh\tname\tok\n");
        assert_eq!((e.file.as_str(), e.line), ("test.tsv", 2));
        assert!(e.message.contains("header should be `zh en ok`"), "{e}");
        assert_eq!(error("# only a comment\n").line, 1);
    }

    #[test]
    fn a_repeated_key_or_a_bad_flag_names_file_and_line() {
        let e = error("zh\ten\tok\n中国\tChina\tyes\n中国\tPRC\tyes\n");
        assert_eq!(e.line, 3);
        assert!(e.message.contains("repeats line 2"), "{e}");
        let e = error("zh\ten\tok\n中国\tChina\tmaybe\n");
        assert_eq!(e.line, 2);
        assert!(e.message.contains("yes or no"), "{e}");
    }
}
