//! The matrix as a Markdown table (for wikis and chat): one row per visible competitor, one
//! column per visible dimension, then the weighted score and coverage; unknown cells show `?`,
//! stale cells a `⚠`. Pipes in text are escaped.

use super::fresh::is_stale;
use super::model::MatrixData;
use super::{display, score, value};
use chrono::NaiveDate;

fn esc(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

pub fn render(data: &MatrixData, today: NaiveDate) -> String {
    let ranking = score::rank(data);
    let dims: Vec<_> = data.dimensions.iter().filter(|d| !d.hidden).collect();
    let mut out = format!("# {}\n\n", esc(&data.matrix.name));
    let f = super::fresh::freshness(data, today);
    out.push_str(&format!(
        "覆盖率 Coverage {}% · 新鲜度 Freshness {}% · 过期 Stale {} (> {} days) · 量表 Scale {}\n\n",
        display(f.coverage_pct, 1),
        display(f.fresh_pct, 1),
        f.stale,
        data.matrix.stale_after_days,
        data.matrix.scale.label()
    ));
    out.push_str("| 竞品 Competitor |");
    for d in &dims {
        out.push_str(&format!(" {} |", esc(&d.label())));
    }
    out.push_str(" 得分 Score | 覆盖 Coverage |\n|---|");
    out.push_str(&"---|".repeat(dims.len()));
    out.push_str("---:|---:|\n");
    for c in data.competitors.iter().filter(|c| !c.hidden) {
        let name = if c.is_ours { format!("**{}** (我方 ours)", esc(&c.name)) } else { esc(&c.name) };
        out.push_str(&format!("| {name} |"));
        for d in &dims {
            let cell = data.cell(c.id, d.id);
            let mut t = value::printed(d, cell.and_then(|x| x.value.as_ref()), true, true);
            if cell.is_some_and(|x| x.value.is_some() && is_stale(&x.evidence, today, data.matrix.stale_after_days)) {
                t.push_str(" ⚠");
            }
            out.push_str(&format!(" {} |", esc(&t)));
        }
        let row = ranking.row(c.id);
        let s = row.and_then(|r| r.score).map(|s| display(s, 2)).unwrap_or_else(|| "?".into());
        let cov = row.map(|r| display(r.coverage_pct, 1)).unwrap_or_default();
        out.push_str(&format!(" {s} | {cov}% |\n"));
    }
    out.push_str("\n? = 未知 unknown · ⚠ = 过期 stale\n");
    out
}
