//! `tabular::read::read_sheet` on CSV bytes (UTF-8 with or without BOM, separator sniffed from
//! the header line). Checks: no panic, no hang; either a sheet with a non-blank header or an
//! import rejection with a reason; and a sheet read from a file reads back identically after
//! being written out again as plain quoted CSV (the reader is stable on its own output).
#![no_main]

use dealdesk_core::tabular::read::read_sheet;
use dealdesk_core::tabular::Sheet;
use libfuzzer_sys::{fuzz_target, Corpus};

fuzz_target!(init: dealdesk_fuzz::init(), |data: &[u8]| -> Corpus {
    // A zip is read as XLSX whatever its name: that is the other target's job.
    if data.starts_with(b"PK\x03\x04") {
        return Corpus::Reject;
    }
    let result = read_sheet("fuzz.csv", data);
    dealdesk_fuzz::check_read("csv", &result);
    if let Ok(sheet) = result {
        let again = read_sheet("roundtrip.csv", &quoted_csv(&sheet));
        assert_eq!(again.as_ref().ok(), Some(&sheet), "csv: the sheet does not read back the same after a round trip");
    }
    Corpus::Keep
});

/// The sheet as comma-separated CSV with every cell quoted.
fn quoted_csv(sheet: &Sheet) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new().flexible(true).quote_style(csv::QuoteStyle::Always).from_writer(Vec::new());
    for record in std::iter::once(&sheet.headers).chain(&sheet.rows) {
        w.write_record(record).expect("writing to memory");
    }
    w.into_inner().expect("writing to memory")
}
