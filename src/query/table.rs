//! The aligned text table answers are shown in; the entry point is [`TableWriter`], which streams.
//!
//! Column widths need the rows, so a table holds back a bounded window of rows
//! ([`TableWriter::new`]'s `window`), takes the widths from them and the header, and writes every
//! later row as it comes with those widths (a wider cell pushes its line out, nothing is cut). A
//! query with a huge answer thus starts writing after `window` rows and never holds more.

use std::io::Write;
use unicode_width::UnicodeWidthStr;

/// Rows held back to measure the columns of a streamed table.
pub const TABLE_WINDOW: usize = 1000;

/// Writes an aligned table row by row; widths count East Asian wide characters as two columns.
pub struct TableWriter<W: Write> {
    out: W,
    header: Vec<String>,
    window: usize,
    held: Vec<Vec<String>>,
    widths: Option<Vec<usize>>,
    rows: usize,
}

fn clean(s: &str) -> String {
    s.replace(['\n', '\r', '\t'], " ")
}

impl<W: Write> TableWriter<W> {
    /// A table with these column names that holds back at most `window` rows to measure columns.
    pub fn new(out: W, header: Vec<String>, window: usize) -> Self {
        Self { out, header, window, held: Vec::new(), widths: None, rows: 0 }
    }

    /// Adds one row (one cell per column).
    pub fn push(&mut self, row: Vec<String>) -> std::io::Result<()> {
        self.rows += 1;
        match &self.widths {
            Some(widths) => line(&mut self.out, widths, &row),
            None => {
                self.held.push(row);
                if self.held.len() >= self.window {
                    self.release()?;
                }
                Ok(())
            }
        }
    }

    /// Measures the held rows, writes the header, the rule and the held rows.
    fn release(&mut self) -> std::io::Result<()> {
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.width()).collect();
        for row in &self.held {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(clean(cell).width());
            }
        }
        line(&mut self.out, &widths, &self.header)?;
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        line(&mut self.out, &widths, &rule)?;
        for row in std::mem::take(&mut self.held) {
            line(&mut self.out, &widths, &row)?;
        }
        self.widths = Some(widths);
        Ok(())
    }

    /// Writes what is held and the row count; gives the writer back.
    pub fn finish(mut self) -> std::io::Result<W> {
        if self.widths.is_none() {
            self.release()?;
        }
        let rows = self.rows;
        writeln!(self.out, "({rows} row{})", if rows == 1 { "" } else { "s" })?;
        Ok(self.out)
    }
}

fn line(out: &mut impl Write, widths: &[usize], cells: &[String]) -> std::io::Result<()> {
    let mut text = String::new();
    for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
        let cell = clean(cell);
        if i > 0 {
            text.push_str("  ");
        }
        text.push_str(&cell);
        if i + 1 < cells.len() {
            text.push_str(&" ".repeat(w.saturating_sub(cell.width())));
        }
    }
    writeln!(out, "{}", text.trim_end())
}

/// Writes a whole aligned table (every row measured).
pub fn write_table(out: &mut impl Write, header: &[String], rows: &[Vec<String>]) -> std::io::Result<()> {
    let mut table = TableWriter::new(out, header.to_vec(), usize::MAX);
    for row in rows {
        table.push(row.clone())?;
    }
    table.finish().map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_aligns_wide_characters() {
        let mut out = Vec::new();
        let rows = vec![vec!["中国".to_owned(), "x".to_owned()], vec!["ab".to_owned(), "y".to_owned()]];
        write_table(&mut out, &["name".into(), "v".into()], &rows).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[2], "中国  x");
        assert_eq!(lines[3], "ab    y");
        assert_eq!(lines[4], "(2 rows)");
    }

    #[test]
    fn rows_past_the_window_are_written_at_once_with_the_window_widths() {
        let mut out = Vec::new();
        let mut table = TableWriter::new(&mut out, vec!["a".into(), "b".into()], 2);
        table.push(vec!["x".into(), "1".into()]).unwrap();
        assert!(table.out.is_empty(), "held until the window is full");
        table.push(vec!["yy".into(), "2".into()]).unwrap();
        table.push(vec!["zzzz".into(), "3".into()]).unwrap();
        let written = String::from_utf8(table.out.clone()).unwrap();
        assert!(written.ends_with("zzzz  3\n"), "streamed after the window: {written}");
        table.finish().unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines, ["a   b", "--  -", "x   1", "yy  2", "zzzz  3", "(3 rows)"]);
    }

    #[test]
    fn an_empty_table_has_its_header() {
        let mut out = Vec::new();
        write_table(&mut out, &["n".into()], &[]).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "n\n-\n(0 rows)\n");
    }
}
