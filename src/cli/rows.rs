//! Typed rows for the commands that print records (`analyze`, `dossier`): one [`Cell`] per value,
//! written as an aligned table, CSV or JSON where numbers stay numbers. The entry point is [`write_rows`].

use diplograph::export::csv_field;
use diplograph::query::write_table;
use serde_json::Value;
use std::io::Write;

/// How rows are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RowFormat {
    // An aligned text table
    Table,
    // Comma-separated values with a header line
    Csv,
    // An array of JSON objects, numbers as numbers
    Json,
}

/// One value of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(u64),
    /// A score: four decimals in a table, every digit in CSV and JSON.
    Float(f64),
    /// No value: empty in a table and CSV, `null` in JSON.
    Empty,
}

impl Cell {
    /// Text, or [`Cell::Empty`] when there is none.
    pub fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }

    fn shown(&self, table: bool) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Float(x) if table => format!("{:.4}", x + 0.0),
            Cell::Float(x) => (x + 0.0).to_string(),
            Cell::Empty => String::new(),
        }
    }

    fn json(&self) -> Value {
        match self {
            Cell::Text(s) => Value::from(s.as_str()),
            Cell::Int(n) => Value::from(*n),
            // `+ 0.0` turns -0 into 0.
            Cell::Float(x) => serde_json::Number::from_f64(x + 0.0).map_or(Value::Null, Value::Number),
            Cell::Empty => Value::Null,
        }
    }
}

/// Writes `rows` under `header`; the table leaves out the columns `table_skips` names (too wide).
pub fn write_rows(
    out: &mut impl Write,
    format: RowFormat,
    header: &[&str],
    rows: &[Vec<Cell>],
    table_skips: &[&str],
) -> std::io::Result<()> {
    match format {
        RowFormat::Csv => {
            writeln!(out, "{}", header.join(","))?;
            for row in rows {
                let cells: Vec<String> = row.iter().map(|c| csv_field(&c.shown(false))).collect();
                writeln!(out, "{}", cells.join(","))?;
            }
        }
        RowFormat::Json => {
            let objects: Vec<Value> = rows
                .iter()
                .map(|row| {
                    Value::Object(
                        header.iter().map(|h| h.to_string()).zip(row.iter().map(Cell::json)).collect(),
                    )
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &objects)?;
            writeln!(out)?;
        }
        RowFormat::Table => {
            let keep: Vec<usize> = (0..header.len()).filter(|&i| !table_skips.contains(&header[i])).collect();
            let head: Vec<String> = keep.iter().map(|&i| header[i].to_owned()).collect();
            let body: Vec<Vec<String>> =
                rows.iter().map(|row| keep.iter().map(|&i| row[i].shown(true)).collect()).collect();
            write_table(out, &head, &body)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(format: RowFormat) -> String {
        let rows = vec![vec![Cell::text("中国"), Cell::Int(3), Cell::Float(-0.0), Cell::text("")]];
        let mut out = Vec::new();
        write_rows(&mut out, format, &["entity", "degree", "score", "iri"], &rows, &["iri"]).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn cells_are_typed_per_format() {
        let json: Value = serde_json::from_str(&written(RowFormat::Json)).unwrap();
        assert_eq!(json[0]["degree"], Value::from(3));
        assert!(json[0]["score"].is_f64() && json[0]["iri"].is_null(), "{json}");
        assert_eq!(written(RowFormat::Csv), "entity,degree,score,iri\n中国,3,0,\n");
        let table = written(RowFormat::Table);
        assert!(table.contains("0.0000") && !table.contains("-0") && !table.contains("iri"), "{table}");
    }
}
