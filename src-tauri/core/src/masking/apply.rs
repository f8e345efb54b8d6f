//! Masking whole texts and files through a policy. Text: every detection is replaced by its
//! kind's operator. CSV: the structure stays (same header, columns, separator, line ends);
//! a column whose header names a kind (手机号, email, 身份证号…) is masked cell by cell as that
//! kind, every other cell is scanned like free text. Files are written to a temporary file
//! beside the target and renamed, so the target is complete or untouched.

use super::detect::detect;
use super::keys::MaskingKeys;
use super::kinds::{header_kinds, PiiKind};
use super::operators;
use super::policy::Policy;
use crate::error::{CoreError, CoreResult};
use crate::tabular::{read, write, Cell, FileFormat};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

/// What a masking run did, for the CLI and the audit log (counts only, no values).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MaskReport {
    pub policy: String,
    pub rows: usize,
    pub masked: BTreeMap<PiiKind, usize>,
}

impl MaskReport {
    pub fn total(&self) -> usize {
        self.masked.values().sum()
    }
}

/// How many times [`Masker::text`] masks a text at most. Two are enough for every input seen
/// so far; a policy whose replacement text is itself detected could loop for ever.
pub const MAX_PASSES: usize = 4;

pub struct Masker<'a> {
    pub policy: &'a Policy,
    pub keys: Option<&'a MaskingKeys>,
}

impl Masker<'_> {
    /// The text with every detection at or above the policy's confidence masked, masked again
    /// until nothing more changes (at most [`MAX_PASSES`] passes), so that masking a masked
    /// text (an export masked twice, a scan of an export) finds nothing left to do. What is
    /// left of a masked value can read as a new one (`021 ******** 45::355`, a policy whose
    /// fixed text looks like a phone number); the detectors avoid the readings fuzzing found
    /// (docs/fuzzing.md), the next pass masks any other.
    pub fn text<'t>(&self, text: &'t str, report: &mut MaskReport) -> CoreResult<Cow<'t, str>> {
        let Some(mut masked) = self.one_pass(text, report)? else {
            return Ok(Cow::Borrowed(text));
        };
        for _ in 1..MAX_PASSES {
            match self.one_pass(&masked, report)? {
                Some(again) => masked = again,
                None => return Ok(Cow::Owned(masked)),
            }
        }
        tracing::warn!(passes = MAX_PASSES, "masking still changed the text on its last pass");
        Ok(Cow::Owned(masked))
    }

    /// One pass of [`Self::text`]: every detection masked once, or `None` if that changes
    /// nothing. Public for the fuzz target, which checks that one pass is already enough.
    pub fn one_pass(&self, text: &str, report: &mut MaskReport) -> CoreResult<Option<String>> {
        self.pass(text, report, None)
    }

    /// The pieces of `text` that [`Self::text`] replaces, as they appear masked, over all its
    /// passes (to recognise masked pieces in a text sent back from a form).
    pub fn masked_pieces(&self, text: &str) -> CoreResult<Vec<String>> {
        let mut pieces = Vec::new();
        let mut current = Cow::Borrowed(text);
        for _ in 0..MAX_PASSES {
            match self.pass(&current, &mut MaskReport::default(), Some(&mut pieces))? {
                Some(next) => current = Cow::Owned(next),
                None => break,
            }
        }
        Ok(pieces)
    }

    fn pass(&self, text: &str, report: &mut MaskReport, mut pieces: Option<&mut Vec<String>>) -> CoreResult<Option<String>> {
        let found = detect(text);
        let mut out = String::new();
        let (mut at, mut changed) = (0, false);
        for d in found.iter().filter(|d| d.confidence >= self.policy.min_confidence) {
            let value = &text[d.bytes.clone()];
            let masked = operators::apply(self.policy.operator(d.kind), d.kind, value, self.keys)?;
            if masked == value {
                continue;
            }
            *report.masked.entry(d.kind).or_default() += 1;
            if !changed {
                out.reserve(text.len() + 16);
                changed = true;
            }
            out.push_str(&text[at..d.bytes.start]);
            out.push_str(&masked);
            at = d.bytes.end;
            if let Some(pieces) = pieces.as_deref_mut() {
                pieces.push(masked);
            }
        }
        if !changed {
            return Ok(None);
        }
        out.push_str(&text[at..]);
        Ok(Some(out))
    }

    /// One cell of a column of known kind (None: scanned as free text).
    pub fn cell<'t>(&self, kind: Option<PiiKind>, value: &'t str, report: &mut MaskReport) -> CoreResult<Cow<'t, str>> {
        match kind {
            Some(kind) if !value.trim().is_empty() => {
                let masked = operators::apply(self.policy.operator(kind), kind, value, self.keys)?;
                if masked == value {
                    return Ok(Cow::Borrowed(value));
                }
                *report.masked.entry(kind).or_default() += 1;
                Ok(Cow::Owned(masked))
            }
            Some(_) => Ok(Cow::Borrowed(value)),
            None => self.text(value, report),
        }
    }

    /// A CSV file's bytes, masked: UTF-8 (BOM kept if it had one), separator sniffed from the
    /// header line (comma, tab or semicolon), line ends as in the header line.
    pub fn csv(&self, file_name: &str, bytes: &[u8]) -> CoreResult<(Vec<u8>, MaskReport)> {
        let bom = bytes.starts_with(b"\xEF\xBB\xBF");
        let body = if bom { &bytes[3..] } else { bytes };
        let text = utf8(file_name, body)?;
        let header_line = text.lines().next().unwrap_or("");
        let delimiter = crate::tabular::read::sniff_delimiter(header_line);
        let crlf = text.as_bytes().get(header_line.len()) == Some(&b'\r');
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
        let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 8);
        if bom {
            out.extend_from_slice(b"\xEF\xBB\xBF");
        }
        let terminator = if crlf { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') };
        let mut writer = csv::WriterBuilder::new().flexible(true).delimiter(delimiter).terminator(terminator).from_writer(&mut out);
        let mut report = MaskReport { policy: self.policy.name.clone(), ..MaskReport::default() };
        let mut record = csv::StringRecord::new();
        let mut kinds: Vec<Option<PiiKind>> = Vec::new();
        let mut row = 0usize;
        let bad = |row: usize, e: csv::Error| read::file_problem(file_name, &format!("row {}: {e}", row + 1));
        let write_err = |e: csv::Error| CoreError::BadRequest(format!("{file_name}: cannot write the masked CSV: {e}"));
        while reader.read_record(&mut record).map_err(|e| bad(row, e))? {
            if row == 0 {
                let headers: Vec<String> = record.iter().map(str::to_string).collect();
                kinds = header_kinds(&headers);
                writer.write_record(&record).map_err(write_err)?;
            } else {
                let mut cells: Vec<Cow<'_, str>> = Vec::with_capacity(record.len());
                for (i, value) in record.iter().enumerate() {
                    cells.push(self.cell(kinds.get(i).copied().flatten(), value, &mut report)?);
                }
                writer.write_record(cells.iter().map(|c| c.as_bytes())).map_err(write_err)?;
            }
            row += 1;
        }
        writer.flush().map_err(|e| CoreError::io(format!("cannot write the masked {file_name}"), e))?;
        drop(writer);
        report.rows = row.saturating_sub(1);
        Ok((out, report))
    }

    /// Masks `input` into `output`: CSV (.csv/.tsv), XLSX (first sheet; written as CSV or
    /// XLSX after the output's extension), anything else as UTF-8 text.
    pub fn file(&self, input: &Path, output: &Path) -> CoreResult<MaskReport> {
        let name = input.display().to_string();
        let bytes = std::fs::read(input).map_err(|e| CoreError::io(format!("cannot read {name}"), e))?;
        let ext = |p: &Path| p.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
        if bytes.starts_with(b"PK\x03\x04") || ext(input) == "xlsx" {
            return self.workbook(&name, &bytes, output);
        }
        let (masked, report) = if matches!(ext(input).as_str(), "csv" | "tsv") {
            self.csv(&name, &bytes)?
        } else {
            let mut report = MaskReport { policy: self.policy.name.clone(), ..MaskReport::default() };
            let text = utf8(&name, &bytes)?;
            let masked = self.text(text, &mut report)?.into_owned();
            report.rows = text.lines().count();
            (masked.into_bytes(), report)
        };
        crate::pdf::write_atomically(output, &masked)?;
        Ok(report)
    }

    fn workbook(&self, name: &str, bytes: &[u8], output: &Path) -> CoreResult<MaskReport> {
        let sheet = read::read_sheet(name, bytes)?;
        let kinds = header_kinds(&sheet.headers);
        let mut report = MaskReport { policy: self.policy.name.clone(), rows: sheet.rows.len(), ..MaskReport::default() };
        let mut rows = Vec::with_capacity(sheet.rows.len());
        for r in &sheet.rows {
            let mut cells = Vec::with_capacity(r.len());
            for (i, v) in r.iter().enumerate() {
                cells.push(Cell::Text(self.cell(kinds.get(i).copied().flatten(), v, &mut report)?.into_owned()));
            }
            rows.push(cells);
        }
        let format = FileFormat::from_file_name(&output.display().to_string()).unwrap_or(FileFormat::Xlsx);
        let headers: Vec<&str> = sheet.headers.iter().map(String::as_str).collect();
        write::write_file(output, format, &headers, &rows)?;
        Ok(report)
    }
}

/// The text of a file that must be UTF-8; otherwise an error naming the first bad line.
pub fn utf8<'b>(file_name: &str, bytes: &'b [u8]) -> CoreResult<&'b str> {
    std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()].iter().filter(|b| **b == b'\n').count() + 1;
        CoreError::BadRequest(format!("{file_name}: line {line} is not UTF-8 text (GBK/ANSI files are not read; save it as UTF-8)"))
    })
}

#[cfg(test)]
mod tests;
