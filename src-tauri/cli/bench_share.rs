//! `dealdesk bench share`: how fast statements are computed from files. Writes (once) a
//! synthetic year of sales, `--lines` lines over `--partners` partners, with a plan of
//! marginal period tiers, product-line and customer-type overrides (one of them retroactive
//! tiers per line), service points, invoices that slip into the next quarter, lines not
//! invoiced yet and full refunds of earlier lines; then times, as medians over `--runs`,
//! reading and checking the sales file, and computing every partner's Q4 statement (after
//! Q1–Q3, which the chain needs for refunds). `bench/partner/share_pandas.py` computes the
//! same statements with pandas from the same files, for the comparison in
//! bench/partner/RESULTS.md. Opens no database.

use super::share_files::{compute, FileArgs};
use dealdesk_core::partner::file_run::{summary_rows, SUMMARY_HEADERS};
use dealdesk_core::tabular::write::write_file;
use dealdesk_core::tabular::FileFormat;
use dealdesk_core::CoreError;
use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

/// The bench plan: what share_pandas.py implements, block for block.
const PLAN: &str = r#"{
  "schema": 1,
  "name": "bench 2026",
  "kind": "partner",
  "effective_from": "2026-01-01",
  "currency": "CNY",
  "base": "net",
  "trigger": "invoice",
  "rate": {
    "tier_mode": "marginal",
    "tier_over": "period",
    "tiers": [
      { "from": "0", "to": "1000000", "rate_pct": "3" },
      { "from": "1000000", "to": "5000000", "rate_pct": "5" },
      { "from": "5000000", "rate_pct": "8" }
    ]
  },
  "overrides": [
    { "product_line": "servers", "rate": { "fixed_pct": "4" } },
    { "customer_type": "government", "rate": { "fixed_pct": "2.5" } },
    { "product_line": "servers", "customer_type": "government", "rate": { "fixed_pct": "2" } },
    { "product_line": "software", "rate": { "tier_mode": "retroactive", "tier_over": "line",
      "tiers": [ { "from": "0", "to": "50000", "rate_pct": "10" }, { "from": "50000", "rate_pct": "15" } ] } }
  ],
  "service": [
    { "service": "installation", "points": "1" },
    { "service": "training", "points": "0.5" }
  ]
}
"#;

/// splitmix64: a small deterministic generator, so every run writes the same file.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn day(ordinal: u64) -> String {
    let d = u32::try_from(ordinal + 1).ok().and_then(|o| dealdesk_core::NaiveDate::from_yo_opt(2026, o));
    d.map(|d| d.to_string()).unwrap_or_else(|| "2026-12-31".into())
}

fn cents(c: u64) -> String {
    format!("{}.{:02}", c / 100, c % 100)
}

/// Writes the sales file: lines in date order, about 1 % full refunds of an earlier line of
/// the same partner, 3 % not invoiced yet.
fn write_sales(path: &Path, lines: u64, partners: u64) -> Result<(), CoreError> {
    const LINES: [&str; 4] = ["servers", "storage", "software", "services"];
    const TYPES: [&str; 4] = ["enterprise", "government", "education", "smb"];
    let mut rng = Rng(20_261_207);
    let mut out = String::with_capacity(lines as usize * 120);
    out.push_str("line_ref,date,partner_code,customer,customer_type,product,product_line,quantity,amount,discount,cost,currency,invoice_status,invoiced_on,services,refund_of\n");
    // Lines that may be refunded: (line number, invoice day, partner, amount, discount, the
    // columns between partner and amount).
    let mut sold: Vec<(u64, u64, u64, u64, u64, String)> = Vec::new();
    for i in 0..lines {
        let on = i * 334 / lines.max(1); // spread over 2026-01-01 … 2026-12-01
        if i % 100 == 99 && !sold.is_empty() {
            // A full refund of a line invoiced before today (so it has earned already).
            let k = rng.below(sold.len() as u64) as usize;
            if sold[k].1 < on {
                let (of, _, partner, amount, discount, rest) = sold.swap_remove(k);
                let _ = writeln!(out, "R{i:08},{},D{partner:04},{rest},-{},-{},0,CNY,invoiced,{},,L{of:08}", day(on), cents(amount), cents(discount), day(on));
                continue;
            }
        }
        let partner = 1 + rng.below(partners);
        let pl = LINES[rng.below(4) as usize];
        let ct = TYPES[rng.below(4) as usize];
        let amount = 50_000 + rng.below(12_000_000); // 500.00 … 120,500.00
        let discount = if rng.below(4) == 0 { amount / 20 } else { 0 };
        let services = match rng.below(10) {
            0 => "installation",
            1 => "training",
            2 => "installation;training",
            _ => "",
        };
        let rest = format!("Customer {},{ct},P-{pl},{pl},1", rng.below(5000));
        let invoice_day = (rng.below(33) != 0).then(|| on + rng.below(31));
        let invoiced = match invoice_day {
            Some(d) => format!("invoiced,{}", day(d)),
            None => "not_invoiced,".to_string(),
        };
        let _ = writeln!(out, "L{i:08},{},D{partner:04},{rest},{},{},0,CNY,{invoiced},{services},", day(on), cents(amount), cents(discount));
        if let Some(d) = invoice_day {
            sold.push((i, d, partner, amount, discount, rest));
        }
    }
    dealdesk_core::pdf::write_atomically(path, out.as_bytes())
}

/// Peak resident memory of this process, from /proc (Linux only).
fn peak_rss_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024)
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples.get(samples.len() / 2).copied().unwrap_or_default()
}

pub fn run(lines: u64, partners: u64, runs: usize, dir: &Path) -> Result<(), CoreError> {
    std::fs::create_dir_all(dir).map_err(|e| CoreError::io(format!("cannot create {}", dir.display()), e))?;
    let (sales, plan) = (dir.join("sales.csv"), dir.join("plan.json"));
    if !sales.exists() {
        let started = Instant::now();
        write_sales(&sales, lines, partners)?;
        println!("wrote {} ({lines} lines, {partners} partners) in {:.1} s", sales.display(), started.elapsed().as_secs_f64());
    }
    dealdesk_core::pdf::write_atomically(&plan, PLAN.as_bytes())?;
    let args = FileArgs { plan: &plan, sales: &sales, quotas: None, period: "2026-Q4", only: None, out: None, statements_dir: None };
    let (mut whole, mut compute_only) = (Vec::new(), Vec::new());
    let mut last = None;
    for _ in 0..runs.max(1) {
        let started = Instant::now();
        let (plan, run) = compute(&args)?;
        whole.push(started.elapsed());
        let lines = dealdesk_core::partner::store::import::parse_sales("sales.csv", &std::fs::read(&sales).map_err(|e| CoreError::io("cannot read the sales file", e))?, &plan.currency)?;
        let lines: Vec<_> = lines.into_iter().map(|p| p.into_sales_line()).collect();
        let started = Instant::now();
        let again = dealdesk_core::partner::file_run::run(&plan, lines, &Default::default(), "2026-Q4", None)?;
        compute_only.push(started.elapsed());
        if again.statements != run.statements {
            return Err(CoreError::BadRequest("two runs over the same files disagree".into()));
        }
        last = Some((plan, run));
    }
    let Some((plan, run)) = last else { return Err(CoreError::BadRequest("no run".into())) };
    let out = dir.join("dealdesk-2026-Q4.csv");
    write_file(&out, FileFormat::Csv, SUMMARY_HEADERS, &summary_rows(&plan, &run))?;
    let total: dealdesk_core::Decimal = run.statements.iter().map(|s| s.total).sum();
    let (w, c) = (median(whole), median(compute_only));
    println!("statements: {} partners, 2026-Q4 after {} earlier quarter(s), total {total} CNY", run.statements.len(), run.earlier.len());
    println!("read + check + compute (median of {}): {:.0} ms", runs.max(1), w.as_secs_f64() * 1000.0);
    println!("compute only (median): {:.0} ms", c.as_secs_f64() * 1000.0);
    println!("read + check only (median, difference): {:.0} ms", w.saturating_sub(c).as_secs_f64() * 1000.0);
    if let Some(peak) = peak_rss_mib() {
        println!("peak resident memory: {peak} MiB");
    }
    println!("summary: {}", out.display());
    Ok(())
}
