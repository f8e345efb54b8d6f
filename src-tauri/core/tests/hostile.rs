//! Hostile input: every file in tests/fixtures/hostile (truncated, binary, wrong encodings,
//! broken zips, absurd numbers, injection strings, crafted headers…) plus a few generated
//! giants (a 100 MB line, a zip bomb) must be rejected with a clear message or imported
//! safely, never crash, and never leave a half-written import behind.
//! `DEALDESK_WRITE_HOSTILE=1 cargo test -p dealdesk-core --test hostile` rewrites the corpus.

use dealdesk_core::error::CoreError;
use dealdesk_core::progress::NoProgress;
use dealdesk_core::store::{self, table_counts};
use dealdesk_core::tabular::{import, TableName};
use std::io::Write;
use std::path::PathBuf;

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile")
}

/// The table a corpus file is meant for, from its name prefix.
fn table_of(name: &str) -> TableName {
    TableName::ALL.into_iter().find(|t| name.starts_with(t.code())).unwrap_or(TableName::Customers)
}

fn xlsx_with_sheet(sheet_xml: &[u8]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        let parts: [(&str, &[u8]); 4] = [
            ("[Content_Types].xml", br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#),
            ("_rels/.rels", br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
            ("xl/workbook.xml", br#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#),
        ];
        for (name, data) in parts {
            zip.start_file(name, opts).expect("part");
            zip.write_all(data).expect("write");
        }
        zip.start_file("xl/worksheets/sheet1.xml", opts).expect("sheet");
        zip.write_all(sheet_xml).expect("write");
        zip.finish().expect("finish");
    }
    out.into_inner()
}

/// The corpus: (file name, bytes). Deterministic, so the committed files can be regenerated.
fn corpus() -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let good = "name,industry,size,region,tier,owner,notes\n华信科技,制造业,large,华东,A,王磊,\"备注, 含逗号\"\nNorthwind,Retail,small,华南,B,Emily,\n".as_bytes().to_vec();
    // Truncated at every few bytes, including inside a multi-byte character and a quote.
    for cut in (1..good.len()).step_by(2) {
        files.push((format!("customers-truncated-{cut:03}.csv"), good[..cut].to_vec()));
    }
    // Binary noise.
    let mut state: u64 = 7;
    for i in 0..25 {
        let len = 16 + i * 37;
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                (state >> 56) as u8
            })
            .collect();
        files.push((format!("customers-binary-{i:02}.csv"), bytes));
    }
    // GBK / GB18030 bytes and a UTF-16 file.
    files.push(("customers-gbk.csv".into(), b"name\n\xbb\xaa\xd0\xc5\xbf\xc6\xbc\xbc\n".to_vec()));
    files.push(("customers-gbk-header.csv".into(), b"\xbf\xcd\xbb\xa7\xc3\xfb\xb3\xc6\nA\n".to_vec()));
    files.push(("customers-utf16.csv".into(), b"\xff\xfen\x00a\x00m\x00e\x00\n\x00".to_vec()));
    files.push(("customers-latin1.csv".into(), b"name\nCaf\xe9 du Monde\n".to_vec()));
    // Formula-injection and SQL-looking text (imported as plain text).
    for (i, cell) in ["=HYPERLINK(\"http://evil.example\",\"x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1,2)", "'; DROP TABLE customers; --", "\" OR 1=1 --", "Robert'); DROP TABLE contacts;--", "<script>alert(1)</script>", "../../etc/passwd", "%00%0a"].iter().enumerate() {
        files.push((format!("customers-text-{i:02}.csv"), format!("name,notes\n\"{}\",x\n", cell.replace('"', "\"\"")).into_bytes()));
    }
    // Absurd numbers in the price book.
    let numbers = [
        "1234567890123456789012345678901234567890", "-5", "NaN", "nan", "inf", "-inf", "Infinity", "1e400", "1e-400", "0x10", "1,2,3", "12.3.4",
        "１２３", "--1", "+-1", "1e", "e1", ".", "-0.0000000000000000000000000001", "99999999999999999999.99", " ", "١٢٣", "1_000", "0.00001",
    ];
    for (i, n) in numbers.iter().enumerate() {
        files.push((format!("products-number-{i:02}.csv"), format!("sku,name,list_price,cost,tax_rate_pct,currency\nSKU-{i},P,{n},1,13,CNY\n").into_bytes()));
        files.push((format!("products-tax-{i:02}.csv"), format!("sku,name,list_price,cost,tax_rate_pct,currency\nSKU-{i},P,1,1,{n},CNY\n").into_bytes()));
    }
    for (i, c) in ["XXX", "cny1", "", "人民币", "USDD", "C N Y"].iter().enumerate() {
        files.push((format!("products-currency-{i:02}.csv"), format!("sku,name,list_price,cost,tax_rate_pct,currency\nS{i},P,1,1,13,{c}\n").into_bytes()));
    }
    // Dates and stages for opportunities.
    for (i, d) in ["2026-02-30", "1900-02-29", "2026-13-01", "0000-00-00", "tomorrow", "2026/02/30", "99999-01-01", "2026-1-1T00:00"].iter().enumerate() {
        files.push((format!("opportunities-date-{i:02}.csv"), format!("customer_name,name,stage,amount,currency,expected_close\nNobody,O,initial,1,CNY,{d}\n").into_bytes()));
    }
    // Crafted headers and shapes.
    let shapes: [(&str, String); 14] = [
        ("empty", String::new()),
        ("bom-only", "\u{feff}".into()),
        ("header-only-blank", ",,,\n".into()),
        ("duplicate-header", "name,name\nA,B\n".into()),
        ("no-name-column", "industry,region\nX,Y\n".into()),
        ("extra-cells", "name\nA,B,C\n".into()),
        ("nul-bytes", "name\nA\u{0}B\n".into()),
        ("control-chars", "name\n\u{1b}[31mred\u{7}\n".into()),
        ("only-newlines", "\n\n\n\n".into()),
        ("unterminated-quote", "name\n\"open quote\nnext\n".into()),
        ("wide-header", format!("{}\n", (0..10_000).map(|i| format!("c{i}")).collect::<Vec<_>>().join(","))),
        ("long-name", format!("name\n{}\n", "长".repeat(5_000))),
        ("many-empty-rows", format!("name\n{}", ",\n".repeat(5_000))),
        ("crlf-mixed", "name,region\r\nA,B\rC,D\n".into()),
    ];
    for (label, text) in shapes {
        files.push((format!("customers-shape-{label}.csv"), text.into_bytes()));
    }
    for (i, id) in ["not-a-uuid", "00000000-0000-0000-0000-000000000000x", "'; DELETE FROM customers; --"].iter().enumerate() {
        files.push((format!("customers-id-{i:02}.csv"), format!("id,name\n{id},A\n").into_bytes()));
    }
    files.push(("contacts-bad-email.csv".into(), b"name,email\nA,not-an-email\nB,a@@b.c\n".to_vec()));
    files.push(("contacts-bad-mobile.csv".into(), b"name,mobile\nA,138abc\n".to_vec()));
    files.push(("contacts-unknown-customer.csv".into(), b"name,customer_name\nA,No Such Co\n".to_vec()));
    // Broken workbooks.
    let real = xlsx_with_sheet(br#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Acme</t></is></c></row></sheetData></worksheet>"#);
    for cut in [4, 30, 100, 200, 400, 600, 800, 1000] {
        if cut < real.len() {
            files.push((format!("customers-xlsx-truncated-{cut:04}.xlsx"), real[..cut].to_vec()));
        }
    }
    files.push(("customers-xlsx-bad-xml.xlsx".into(), xlsx_with_sheet(b"<worksheet><sheetData><row><c t=\"s\"><v>99</v></c>")));
    files.push(("customers-xlsx-not-zip.xlsx".into(), b"name\nA\n".to_vec()));
    files.push(("customers-xlsx-pk-garbage.xlsx".into(), b"PK\x03\x04\x00\x00garbage garbage".to_vec()));
    files.push(("customers-xlsx-empty.xlsx".into(), Vec::new()));
    files
}

#[tokio::test]
async fn hostile_files_are_rejected_clearly_or_handled_safely_and_nothing_is_half_written() {
    let files = corpus();
    if std::env::var_os("DEALDESK_WRITE_HOSTILE").is_some() {
        std::fs::create_dir_all(corpus_dir()).expect("dir");
        for (name, bytes) in &files {
            std::fs::write(corpus_dir().join(name), bytes).expect("write");
        }
    }
    // The committed corpus is what runs (it may hold files added by hand).
    let mut on_disk: Vec<(String, Vec<u8>)> = std::fs::read_dir(corpus_dir())
        .expect("tests/fixtures/hostile exists")
        .map(|e| {
            let e = e.expect("entry");
            (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).expect("read"))
        })
        .collect();
    on_disk.sort();
    assert!(on_disk.len() >= 200, "the hostile corpus has {} files, fewer than 200", on_disk.len());

    // Generated giants, not committed.
    on_disk.push(("customers-100mb-line.csv".into(), format!("name\n{}\n", "x".repeat(100 * 1024 * 1024)).into_bytes()));
    // A zip bomb: a sheet that inflates to 600 MB of spaces from about half a megabyte.
    let bomb = {
        let mut out = std::io::Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut out);
            let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).large_file(true);
            zip.start_file("xl/worksheets/sheet1.xml", opts).expect("bomb");
            let chunk = vec![b' '; 1 << 20];
            for _ in 0..600 {
                zip.write_all(&chunk).expect("write");
            }
            zip.finish().expect("finish");
        }
        out.into_inner()
    };
    on_disk.push(("customers-zip-bomb.xlsx".into(), bomb));

    let pool = store::open_in_memory().await.expect("db");
    let (mut rejected, mut imported) = (0, 0);
    for (name, bytes) in &on_disk {
        let before = table_counts(&pool).await.expect("counts");
        let result = import::import(&pool, table_of(name), name, bytes, &NoProgress).await;
        let after = table_counts(&pool).await.expect("counts");
        match result {
            Ok(report) => {
                imported += 1;
                let added = (after.customers + after.contacts + after.products + after.opportunities)
                    - (before.customers + before.contacts + before.products + before.opportunities);
                assert_eq!(added, report.inserted, "{name}: the report must match what was written");
            }
            Err(CoreError::ImportRejected(r)) => {
                rejected += 1;
                assert_eq!(before, after, "{name}: a rejected import wrote something");
                assert!(!r.problems.is_empty(), "{name}: rejected without a reason");
                for p in &r.problems {
                    assert!(!p.message.trim().is_empty(), "{name}: a problem without a message");
                    assert!(p.value.chars().count() <= 61, "{name}: a problem quotes {} characters", p.value.chars().count());
                }
            }
            Err(other) => panic!("{name}: not a clear rejection but {other}"),
        }
    }
    // Injection text survives as text and the tables are still there.
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM customers WHERE name LIKE '%DROP TABLE%'").fetch_one(&pool).await.expect("tables intact");
    assert!(n >= 1);
    eprintln!("hostile corpus: {} inputs, {rejected} rejected with a message, {imported} imported safely", on_disk.len());
}
