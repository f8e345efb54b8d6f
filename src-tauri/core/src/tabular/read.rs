//! Reading an uploaded file into a [`Sheet`]: CSV in UTF-8 with or without BOM, comma, tab or
//! semicolon separated (sniffed from the header line), or the first worksheet of an XLSX.
//! Problems come back as import problems naming the row, never as a panic.

use super::{FileFormat, Sheet};
use crate::error::{CoreError, FieldCode, ImportProblem, ImportRejection};
use calamine::{Data, DataRef, Reader};
use std::io::Cursor;

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

pub fn read_sheet(file_name: &str, bytes: &[u8]) -> Result<Sheet, CoreError> {
    let format = if bytes.starts_with(ZIP_MAGIC) {
        FileFormat::Xlsx
    } else {
        match FileFormat::from_file_name(file_name) {
            Some(FileFormat::Xlsx) => return Err(file_problem(file_name, "the file is not a valid XLSX workbook")),
            Some(f) => f,
            None => FileFormat::Csv,
        }
    };
    match format {
        FileFormat::Csv => read_csv(file_name, bytes),
        FileFormat::Xlsx => read_xlsx(file_name, bytes),
    }
}

/// A rejection about the file as a whole (row 0: before any row).
pub fn file_problem(file_name: &str, message: &str) -> CoreError {
    CoreError::ImportRejected(ImportRejection {
        file_name: file_name.to_string(),
        problems: vec![ImportProblem {
            row: 0,
            column: String::new(),
            value: String::new(),
            code: FieldCode::Unreadable,
            message: message.to_string(),
        }],
        more: 0,
    })
}

fn read_csv(file_name: &str, bytes: &[u8]) -> Result<Sheet, CoreError> {
    let records = csv_records(file_name, bytes)?;
    let rows = records.rows.iter().map(|r| r.iter().map(str::to_string).collect()).collect();
    finish(file_name, Sheet { headers: records.headers, rows })
}

/// A file's header and rows as CSV records: one allocation per row instead of one per cell,
/// for imports of a million lines (the partner sales file). Same rules as [`read_sheet`].
pub struct Records {
    pub headers: Vec<String>,
    pub rows: Vec<csv::StringRecord>,
}

/// [`read_sheet`] as records (an XLSX sheet is read as usual and converted).
pub fn read_records(file_name: &str, bytes: &[u8]) -> Result<Records, CoreError> {
    if bytes.starts_with(ZIP_MAGIC) || FileFormat::from_file_name(file_name) == Some(FileFormat::Xlsx) {
        let sheet = read_sheet(file_name, bytes)?;
        return Ok(Records { headers: sheet.headers, rows: sheet.rows.into_iter().map(csv::StringRecord::from).collect() });
    }
    let mut records = csv_records(file_name, bytes)?;
    if records.headers.iter().all(|h| h.trim().is_empty()) {
        return Err(file_problem(file_name, "the file is empty or has no header row"));
    }
    while records.rows.last().is_some_and(|r| r.iter().all(|c| c.trim().is_empty())) {
        records.rows.pop();
    }
    Ok(records)
}

fn csv_records(file_name: &str, bytes: &[u8]) -> Result<Records, CoreError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let line = bytes[..e.valid_up_to()].iter().filter(|b| **b == b'\n').count() + 1;
            return Err(file_problem(
                file_name,
                &format!("line {line} is not UTF-8 text; save the file as \"CSV UTF-8\" (GBK/ANSI files are not read)"),
            ));
        }
    };
    let delimiter = sniff_delimiter(text.lines().next().unwrap_or(""));
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut out = Records { headers: Vec::new(), rows: Vec::new() };
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| file_problem(file_name, &format!("row {}: {e}", i + 1)))?;
        if i == 0 {
            out.headers = record.iter().map(str::to_string).collect();
        } else {
            out.rows.push(record);
        }
    }
    Ok(out)
}

/// The separator that occurs most in the header line outside quotes (comma when none does).
pub(crate) fn sniff_delimiter(header: &str) -> u8 {
    let mut counts = [(b',', 0usize), (b'\t', 0), (b';', 0)];
    let mut quoted = false;
    for b in header.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            if let Some(entry) = counts.iter_mut().find(|(d, _)| *d == b) {
                entry.1 += 1;
            }
        }
    }
    counts.iter().max_by_key(|(_, n)| *n).filter(|(_, n)| *n > 0).map(|(d, _)| *d).unwrap_or(b',')
}

/// The most an XLSX may unpack to, and the highest compression ratio of any part: a
/// zip bomb (a few KB that inflate to gigabytes) is refused before anything is inflated.
const MAX_XLSX_UNPACKED: u64 = 512 * 1024 * 1024;
const MAX_COMPRESSION_RATIO: u64 = 200;

fn check_zip_limits(file_name: &str, bytes: &[u8]) -> Result<(), CoreError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| file_problem(file_name, &format!("the file is not a readable XLSX workbook (broken zip: {e})")))?;
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive
            .by_index_raw(i)
            .map_err(|e| file_problem(file_name, &format!("the file is not a readable XLSX workbook (broken zip: {e})")))?;
        let (size, packed) = (entry.size(), entry.compressed_size().max(1));
        total = total.saturating_add(size);
        if size > 1024 * 1024 && size / packed > MAX_COMPRESSION_RATIO {
            return Err(file_problem(file_name, &format!("part {} inflates {}x; refused as a possible zip bomb", entry.name(), size / packed)));
        }
    }
    if total > MAX_XLSX_UNPACKED {
        return Err(file_problem(file_name, &format!("the workbook unpacks to {} MB, over the {} MB limit", total >> 20, MAX_XLSX_UNPACKED >> 20)));
    }
    Ok(())
}

fn read_xlsx(file_name: &str, bytes: &[u8]) -> Result<Sheet, CoreError> {
    check_zip_limits(file_name, bytes)?;
    // calamine panics on some crafted workbooks (e.g. a shared-string index past the table);
    // such a file is a bad file, not a reason to stop the app.
    match std::panic::catch_unwind(|| parse_xlsx(file_name, bytes)) {
        Ok(result) => result,
        Err(_) => Err(file_problem(file_name, "the workbook is malformed and cannot be read")),
    }
}

/// The most cells the used area of the worksheet (first to last non-empty row and column) may
/// span: 450,000 rows of the widest table. calamine lays the area out as a dense grid, so two
/// cells at A1 and XFD1048576 in a few hundred bytes would ask for terabytes, and a failed
/// allocation aborts the process (not a panic: `catch_unwind` cannot stop it).
const MAX_XLSX_CELLS: u64 = 5_000_000;

fn parse_xlsx(file_name: &str, bytes: &[u8]) -> Result<Sheet, CoreError> {
    let mut book = calamine::Xlsx::new(Cursor::new(bytes))
        .map_err(|e| file_problem(file_name, &format!("the file is not a readable XLSX workbook ({e})")))?;
    let first = book.sheet_names().first().cloned().ok_or_else(|| file_problem(file_name, "the workbook has no worksheet"))?;
    let unreadable = |e: calamine::XlsxError| file_problem(file_name, &format!("worksheet '{first}' cannot be read ({e})"));
    // What `worksheet_range` does, with the size of the grid checked before it is allocated.
    let mut reader = book.worksheet_cells_reader(&first).map_err(unreadable)?;
    let mut cells = Vec::new();
    while let Some(cell) = reader.next_cell().map_err(unreadable)? {
        if *cell.get_value() != DataRef::Empty {
            cells.push(cell);
        }
    }
    let span = |axis: fn((u32, u32)) -> u32| {
        let (low, high) = cells.iter().map(|c| axis(c.get_position())).fold((u32::MAX, 0), |(l, h), v| (l.min(v), h.max(v)));
        u64::from(high.saturating_sub(low)) + 1
    };
    let (rows, columns) = (span(|p| p.0), span(|p| p.1));
    if rows.saturating_mul(columns) > MAX_XLSX_CELLS {
        return Err(file_problem(file_name, &format!(
            "worksheet '{first}' spans {rows} rows by {columns} columns, over the limit of {MAX_XLSX_CELLS} cells; delete stray cells far from the table or save it as CSV"
        )));
    }
    let range = calamine::Range::from_sparse(cells);
    let mut sheet = Sheet::default();
    for (i, row) in range.rows().enumerate() {
        let cells: Vec<String> = row.iter().map(|c| cell_text(&Data::from(c.clone()))).collect();
        if i == 0 {
            sheet.headers = cells;
        } else {
            sheet.rows.push(cells);
        }
    }
    finish(file_name, sheet)
}

/// The text a user sees in the cell. Floats use the shortest form that reads back to the same
/// number (`12800.5`, not `12800.499999`), which the decimal parser then takes exactly.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 1e15 {
                format!("{}", *f as i64)
            } else {
                format!("{f}")
            }
        }
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(d) if d.time() == chrono::NaiveTime::MIN => d.date().to_string(),
            Some(d) => d.to_string(),
            None => dt.as_f64().to_string(),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#ERROR {e:?}"),
    }
}

/// Drops fully empty trailing/blank rows and requires a header.
fn finish(file_name: &str, mut sheet: Sheet) -> Result<Sheet, CoreError> {
    if sheet.headers.iter().all(|h| h.trim().is_empty()) {
        return Err(file_problem(file_name, "the file is empty or has no header row"));
    }
    while sheet.rows.last().is_some_and(|r| r.iter().all(|c| c.trim().is_empty())) {
        sheet.rows.pop();
    }
    Ok(sheet)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_bom_and_tabs() {
        let sheet = read_sheet("a.csv", "\u{feff}name\tregion\n华信科技\t华东\n".as_bytes()).expect("readable");
        assert_eq!(sheet.headers, vec!["name", "region"]);
        assert_eq!(sheet.rows, vec![vec!["华信科技".to_string(), "华东".to_string()]]);
    }

    #[test]
    fn quoted_commas_do_not_split_cells() {
        let sheet = read_sheet("a.csv", b"name,notes\n\"Acme, Inc.\",\"a \"\"quoted\"\" note\"\n").expect("readable");
        assert_eq!(sheet.rows[0], vec!["Acme, Inc.".to_string(), "a \"quoted\" note".to_string()]);
    }

    #[test]
    fn gbk_bytes_are_refused_with_the_line_number() {
        // "名称" in GBK on line 2.
        let err = read_sheet("gbk.csv", b"name\n\xC3\xFB\xB3\xC6\n").expect_err("not UTF-8");
        let CoreError::ImportRejected(r) = err else { panic!("expected a rejection") };
        assert!(r.problems[0].message.contains("line 2"), "{}", r.problems[0].message);
    }

    #[test]
    fn a_broken_zip_named_xlsx_is_refused() {
        let err = read_sheet("x.xlsx", b"PK\x03\x04garbage").expect_err("broken");
        assert!(matches!(err, CoreError::ImportRejected(_)));
    }
}
