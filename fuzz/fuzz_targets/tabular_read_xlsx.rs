//! `tabular::read::read_sheet` on XLSX bytes: the zip-bomb limits, then calamine on the first
//! worksheet inside `catch_unwind`. Checks: no uncaught panic, no hang, no runaway memory;
//! either a sheet with a non-blank header or an import rejection with a reason.
//!
//! Two kinds of input, so that both layers get mutated:
//! - a zip (starts with `PK\x03\x04`): passed as it is, as an uploaded `.xlsx` would be. This
//!   exercises the zip reader and the size limits; mutations of the XML inside mostly break the
//!   deflate stream or the CRC, so they rarely reach calamine's XML parsing.
//! - anything else: the XML parts of a workbook separated by NUL bytes, in this order:
//!   `xl/worksheets/sheet1.xml`, `xl/sharedStrings.xml`, `xl/styles.xml`, `xl/workbook.xml`,
//!   `xl/_rels/workbook.xml.rels` (a part left out gets a minimal valid default; the sheet
//!   part is always there). They are zipped (stored, with correct CRCs) and that zip is read,
//!   which lets the fuzzer work on calamine's XML handling directly.
#![no_main]

use dealdesk_core::tabular::read::read_sheet;
use libfuzzer_sys::fuzz_target;
use std::io::Write;

const CONTENT_TYPES: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
const ROOT_RELS: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const WORKBOOK: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const WORKBOOK_RELS: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

/// The fuzzed parts, in the order of the input; `None` means "use the default / leave out".
const PARTS: [(&str, Option<&[u8]>); 5] = [
    ("xl/worksheets/sheet1.xml", None),
    ("xl/sharedStrings.xml", None),
    ("xl/styles.xml", None),
    ("xl/workbook.xml", Some(WORKBOOK)),
    ("xl/_rels/workbook.xml.rels", Some(WORKBOOK_RELS)),
];

fn zip_parts(data: &[u8]) -> Vec<u8> {
    let mut given = data.split(|b| *b == 0);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut add = |name: &str, bytes: &[u8]| {
        zip.start_file(name, stored).expect("zip in memory");
        zip.write_all(bytes).expect("zip in memory");
    };
    add("[Content_Types].xml", CONTENT_TYPES);
    add("_rels/.rels", ROOT_RELS);
    for (name, default) in PARTS {
        if let Some(bytes) = given.next().or(default) {
            add(name, bytes);
        }
    }
    zip.finish().expect("zip in memory").into_inner()
}

fuzz_target!(init: dealdesk_fuzz::init(), |data: &[u8]| {
    let result = if data.starts_with(b"PK\x03\x04") {
        read_sheet("fuzz.xlsx", data)
    } else {
        read_sheet("fuzz.xlsx", &zip_parts(data))
    };
    dealdesk_fuzz::check_read("xlsx", &result);
});
