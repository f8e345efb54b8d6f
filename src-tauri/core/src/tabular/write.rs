//! Writing rows to CSV (UTF-8 with BOM, so Excel shows Chinese correctly) or XLSX, always to a
//! temporary file beside the target that is renamed into place: a crash leaves either the old
//! file or the complete new one, never half a file.

use super::{is_formula_start, Cell, FileFormat};
use crate::error::{CoreError, CoreResult};
use rust_decimal::prelude::ToPrimitive;
use std::io::Write;
use std::path::Path;

/// Text that a spreadsheet would run as a formula gets a leading `'`.
fn guarded(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(is_formula_start) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

fn cell_text(cell: &Cell) -> std::borrow::Cow<'_, str> {
    match cell {
        Cell::Text(t) => guarded(t),
        Cell::Number(d) => d.to_string().into(),
        Cell::Bool(b) => if *b { "true" } else { "false" }.into(),
    }
}

pub fn write_file(path: &Path, format: FileFormat, headers: &[&str], rows: &[Vec<Cell>]) -> CoreResult<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let io = |e: std::io::Error| CoreError::io(format!("cannot write {}", path.display()), e);
    let mut tmp = tempfile::Builder::new().prefix(".dealdesk-").suffix(".part").tempfile_in(dir).map_err(io)?;
    match format {
        FileFormat::Csv => write_csv(tmp.as_file_mut(), headers, rows).map_err(io)?,
        FileFormat::Xlsx => {
            let bytes = xlsx_bytes(headers, rows)?;
            tmp.as_file_mut().write_all(&bytes).map_err(io)?;
        }
    }
    tmp.as_file_mut().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

fn write_csv(out: &mut std::fs::File, headers: &[&str], rows: &[Vec<Cell>]) -> std::io::Result<()> {
    let mut buf = std::io::BufWriter::new(out);
    buf.write_all(b"\xEF\xBB\xBF")?;
    let mut w = csv::WriterBuilder::new().from_writer(&mut buf);
    w.write_record(headers)?;
    for row in rows {
        w.write_record(row.iter().map(|c| cell_text(c).into_owned()))?;
    }
    w.flush()?;
    drop(w);
    buf.flush()
}

fn xlsx_bytes(headers: &[&str], rows: &[Vec<Cell>]) -> CoreResult<Vec<u8>> {
    use rust_xlsxwriter::{Format, Workbook};
    let xerr = |e: rust_xlsxwriter::XlsxError| CoreError::io("cannot build the XLSX workbook", std::io::Error::other(e.to_string()));
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let bold = Format::new().set_bold();
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &bold).map_err(xerr)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = (r + 1) as u32;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(t) if t.is_empty() => {}
                Cell::Text(t) => {
                    sheet.write_string(r, c, guarded(t)).map_err(xerr)?;
                }
                // Numbers stay numbers so Excel can sum them; values beyond f64's exact range
                // are written as text rather than rounded.
                Cell::Number(d) => match d.to_f64().filter(|f| rust_decimal::Decimal::try_from(*f).ok() == Some(d.normalize())) {
                    Some(f) => {
                        sheet.write_number(r, c, f).map_err(xerr)?;
                    }
                    None => {
                        sheet.write_string(r, c, d.to_string()).map_err(xerr)?;
                    }
                },
                Cell::Bool(b) => {
                    sheet.write_boolean(r, c, *b).map_err(xerr)?;
                }
            }
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(xerr)?;
    book.save_to_buffer().map_err(xerr)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_text_is_neutralised() {
        assert_eq!(guarded("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
        assert_eq!(guarded("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(guarded("华信"), "华信");
    }
}
