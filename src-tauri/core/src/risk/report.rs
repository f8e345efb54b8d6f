//! Legal's review report of one contract, for the file: the header facts, the flags per
//! severity and state, the sign-off (who, when, comment — or why there is none), every flag
//! with its excerpt, reason, suggested fallback and waiver (reason, by whom, when), the
//! checklist decisions, and the history merged from status changes, waivers and decisions.
//! Worded here in zh, en or both; laid out by `pdf::review`. Writing the file is audited
//! (`review_report_export`, no personal data: the contract id, file name, language, round and
//! the masking policy). The window writes it through the data view's policy (names and reasons
//! masked as the contract screen shows them); the command line in clear.

use super::catalog::Severity;
use super::review::{self, Review};
use crate::audit;
use crate::clock;
use crate::contract::model::{Contract, ContractStatus};
use crate::contract::store::get_in;
use crate::error::CoreResult;
use crate::masking::apply::Masker;
use crate::masking::documents;
use crate::pdf::quote::Labels;
use crate::pdf::review::ReviewReportDocument;
use crate::pdf::PdfEngine;
use sqlx::SqlitePool;
use std::path::Path;

/// The audit action of a written report.
pub const AUDIT_ACTION: &str = "review_report_export";

fn t(lang: Labels, zh: &str, en: &str) -> String {
    match lang {
        Labels::Bilingual if zh == en => zh.to_string(),
        Labels::Bilingual => format!("{zh} {en}"),
        Labels::Zh => zh.to_string(),
        Labels::En => en.to_string(),
    }
}

/// Longer texts: zh and en on lines of their own.
fn t_lines(lang: Labels, zh: &str, en: &str) -> String {
    match lang {
        Labels::Bilingual if zh.is_empty() || en.is_empty() || zh == en => format!("{zh}{en}"),
        Labels::Bilingual => format!("{zh}\n{en}"),
        _ => t(lang, zh, en),
    }
}

/// `2026-12-02T15:20:45.123Z` as `2026-12-02 15:20 UTC` (as stored when it is not RFC 3339).
pub fn when(at: &str) -> String {
    match (at.get(..10), at.get(11..16)) {
        (Some(d), Some(hm)) if at.get(10..11) == Some("T") => format!("{d} {hm} UTC"),
        _ => at.to_string(),
    }
}

fn status(lang: Labels, s: ContractStatus) -> String {
    let zh = match s {
        ContractStatus::Draft => "草稿",
        ContractStatus::InReview => "审核中",
        ContractStatus::ChangesRequested => "退回修改",
        ContractStatus::Approved => "法务已批准",
        ContractStatus::Signed => "已签署",
        ContractStatus::Active => "履行中",
        ContractStatus::Expired => "已到期",
        ContractStatus::Terminated => "已终止",
    };
    t(lang, zh, &s.code().replace('_', " "))
}

fn severity(lang: Labels, s: Severity) -> String {
    match s {
        Severity::High => t(lang, "高", "High"),
        Severity::Medium => t(lang, "中", "Medium"),
        Severity::Low => t(lang, "低", "Low"),
    }
}

fn flag_state(lang: Labels, code: &str) -> String {
    match code {
        "open" => t(lang, "未决", "open"),
        "waived" => t(lang, "已豁免", "waived"),
        "resolved" => t(lang, "已解决", "resolved"),
        other => other.to_string(),
    }
}

fn decision(lang: Labels, code: &str) -> String {
    match code {
        "pending" => t(lang, "待定", "pending"),
        "pass" => t(lang, "通过", "pass"),
        "accepted" => t(lang, "接受风险", "accepted"),
        "change_required" => t(lang, "需修改", "change required"),
        other => other.to_string(),
    }
}

fn or_dash(s: &str) -> String {
    if s.trim().is_empty() { "—".into() } else { s.to_string() }
}

fn counts(lang: Labels, r: &Review) -> Vec<[String; 5]> {
    let count = |sev: Option<Severity>, state: Option<&str>| {
        r.flags.iter().filter(|f| sev.is_none_or(|s| f.severity == s) && state.is_none_or(|st| f.status == st)).count().to_string()
    };
    let mut rows: Vec<[String; 5]> = [Severity::High, Severity::Medium, Severity::Low]
        .into_iter()
        .map(|s| [severity(lang, s), count(Some(s), Some("open")), count(Some(s), Some("waived")), count(Some(s), Some("resolved")), count(Some(s), None)])
        .collect();
    rows.push([t(lang, "合计", "Total"), count(None, Some("open")), count(None, Some("waived")), count(None, Some("resolved")), count(None, None)]);
    rows
}

fn sign_off(lang: Labels, r: &Review) -> (bool, Vec<String>) {
    let valid = r.sign_offs.iter().rev().find(|s| s.revoked_at.is_none());
    let mut lines = match valid {
        Some(s) => vec![
            t(lang, "已签核", "Signed off"),
            format!("{}: {} ({})", t(lang, "签核人", "By"), s.actor, s.role),
            format!("{}: {}", t(lang, "时间", "When"), when(&s.at)),
            format!("{}: {}", t(lang, "审核轮次", "Round"), s.round),
            format!("{}: {}", t(lang, "意见", "Comment"), or_dash(&s.comment)),
        ],
        None => vec![t(lang, "未签核", "Not signed off")],
    };
    for s in r.sign_offs.iter().filter(|s| s.revoked_at.is_some()) {
        let revoked = s.revoked_at.as_deref().map(when).unwrap_or_default();
        lines.push(format!("{}: {} · {} · {} {revoked}", t(lang, "已撤销的签核", "Revoked sign-off"), s.actor, when(&s.at), t(lang, "撤销于", "revoked")));
    }
    let final_pdf = match &r.final_blocked {
        None => t(lang, "可出具", "allowed"),
        Some(why) => format!("{} — {why}", t(lang, "不可出具", "blocked")),
    };
    lines.push(format!("{}: {final_pdf}", t(lang, "正式版 PDF", "Final PDF")));
    (valid.is_some(), lines)
}

fn flag_rows(lang: Labels, r: &Review) -> Vec<[String; 8]> {
    r.flags
        .iter()
        .map(|f| {
            let fallback = f.fallback_key.as_ref().map(|k| {
                let pos = f.fallback_position.map_or_else(|| t(lang, "标准文本", "standard text"), |p| format!("{} {p}", t(lang, "备选", "fallback")));
                format!("\n→ {k} · {pos}")
            });
            let state = match f.status.as_str() {
                "open" => flag_state(lang, "open"),
                s => {
                    let mut parts = vec![flag_state(lang, s)];
                    if !f.reason.is_empty() {
                        parts.push(format!("{}: {}", t(lang, "理由", "Reason"), f.reason));
                    }
                    if let Some(by) = &f.decided_by {
                        parts.push(format!("{}: {by}", t(lang, "决定人", "By")));
                    }
                    if let Some(at) = &f.decided_at {
                        parts.push(when(at));
                    }
                    parts.join("\n")
                }
            };
            [
                f.rule_id.clone(),
                t(lang, f.category.label_zh(), f.category.label_en()),
                severity(lang, f.severity),
                f.clause_position.map_or_else(|| "—".into(), |p| format!("§{p}")),
                or_dash(&f.excerpt),
                t_lines(lang, &f.why_zh, &f.why_en),
                format!("{}{}", t_lines(lang, &f.suggestion_zh, &f.suggestion_en), fallback.unwrap_or_default()),
                state,
            ]
        })
        .collect()
}

fn item_rows(lang: Labels, r: &Review) -> Vec<[String; 6]> {
    r.items
        .iter()
        .map(|i| {
            [
                format!("{}\n{}", i.item_key, t_lines(lang, &i.text_zh, &i.text_en)),
                t(lang, i.risk_type.label_zh(), i.risk_type.label_en()),
                decision(lang, &i.status),
                or_dash(&i.reason),
                i.decided_by.clone().unwrap_or_else(|| "—".into()),
                i.decided_at.as_deref().map_or_else(|| "—".into(), when),
            ]
        })
        .collect()
}

/// Status changes, waivers and checklist decisions, oldest first: (at, who, what).
fn history(lang: Labels, c: &Contract, r: &Review) -> Vec<[String; 3]> {
    let mut rows: Vec<(String, String, String)> = c
        .events
        .iter()
        .map(|e| {
            let from = e.from_status.map(|s| format!("{} → ", status(lang, s))).unwrap_or_default();
            let comment = if e.comment.is_empty() { String::new() } else { format!(": {}", e.comment) };
            (e.at.clone(), format!("{} ({})", e.actor, e.role), format!("{from}{}{comment}", status(lang, e.to_status)))
        })
        .collect();
    for f in r.flags.iter().filter(|f| f.status == "waived") {
        if let (Some(at), Some(by)) = (&f.decided_at, &f.decided_by) {
            rows.push((at.clone(), by.clone(), format!("{} {}: {}", t(lang, "豁免", "waived"), f.rule_id, f.reason)));
        }
    }
    for i in &r.items {
        if let (Some(at), Some(by)) = (&i.decided_at, &i.decided_by) {
            let reason = if i.reason.is_empty() { String::new() } else { format!(" — {}", i.reason) };
            rows.push((at.clone(), by.clone(), format!("{} {}: {}{reason}", t(lang, "检查项", "checklist"), i.item_key, decision(lang, &i.status))));
        }
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    rows.into_iter().map(|(at, who, what)| [when(&at), who, what]).collect()
}

/// The report of contract `id` as the PDF shows it, generated at `generated_at`.
pub async fn document(pool: &SqlitePool, id: &str, lang: Labels, generated_at: &str) -> CoreResult<(Contract, ReviewReportDocument)> {
    document_masked(pool, id, lang, generated_at, None).await
}

/// [`document`] with the owner, actors, reviewers and their reasons through `masker` (the
/// window exports the report through the data view's policy; None: in clear).
pub async fn document_masked(pool: &SqlitePool, id: &str, lang: Labels, generated_at: &str, masker: Option<&Masker<'_>>) -> CoreResult<(Contract, ReviewReportDocument)> {
    let mut conn = pool.acquire().await?;
    let mut c = get_in(&mut conn, id).await?;
    let mut r = review::get_in_review(&mut conn, id).await?;
    if let Some(m) = masker {
        documents::mask_contract(&mut c, m)?;
        documents::mask_review(&mut r, m)?;
    }
    let template: Option<(String, String, i64)> = sqlx::query_as("SELECT t.name_zh, t.name_en, t.version FROM contracts c JOIN contract_templates t ON t.id = c.template_id WHERE c.id = ?")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    drop(conn);
    let template = template.map_or_else(|| "—".to_string(), |(zh, en, v)| format!("{} · v{v}", t(lang, &zh, &en)));
    let round = if r.round == 0 { t(lang, "尚未审核", "not reviewed yet") } else { r.round.to_string() };
    let header = vec![
        ("合同编号".into(), "Contract No.".into(), c.number.clone()),
        ("客户".into(), "Customer".into(), c.customer_name.clone()),
        ("模板".into(), "Template".into(), template),
        ("合同状态".into(), "Status".into(), status(lang, c.status)),
        ("审核轮次".into(), "Review round".into(), round),
        ("生成时间".into(), "Generated at".into(), when(generated_at)),
    ];
    let (signed, sign_off) = sign_off(lang, &r);
    let doc = ReviewReportDocument {
        lang,
        number: c.number.clone(),
        header,
        counts: counts(lang, &r),
        signed,
        sign_off,
        flags: flag_rows(lang, &r),
        items: item_rows(lang, &r),
        history: history(lang, &c, &r),
    };
    Ok((c, doc))
}

/// The report as PDF bytes (any status: a report of an open review says what blocks it).
pub async fn render(pool: &SqlitePool, engine: &PdfEngine, id: &str, lang: Labels) -> CoreResult<(Contract, Vec<u8>)> {
    render_masked(pool, engine, id, lang, None).await
}

async fn render_masked(pool: &SqlitePool, engine: &PdfEngine, id: &str, lang: Labels, masker: Option<&Masker<'_>>) -> CoreResult<(Contract, Vec<u8>)> {
    let (c, doc) = document_masked(pool, id, lang, &clock::now(), masker).await?;
    let bytes = engine.render_review_report(&doc)?;
    Ok((c, bytes))
}

/// [`render`] into a file, written atomically, and the export audited.
pub async fn render_to_file(pool: &SqlitePool, engine: &PdfEngine, id: &str, lang: Labels, out: &Path) -> CoreResult<Contract> {
    render_to_file_masked(pool, engine, id, lang, out, None).await
}

/// [`render_to_file`] through `masker`; the audit entry records its policy (`none`: in clear).
pub async fn render_to_file_masked(pool: &SqlitePool, engine: &PdfEngine, id: &str, lang: Labels, out: &Path, masker: Option<&Masker<'_>>) -> CoreResult<Contract> {
    let (c, bytes) = render_masked(pool, engine, id, lang, masker).await?;
    crate::pdf::write_atomically(out, &bytes)?;
    let file = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let round = review::get(pool, id).await?.round;
    let lang_code = match lang {
        Labels::Bilingual => "both",
        Labels::Zh => "zh",
        Labels::En => "en",
    };
    audit::record_now(pool, audit::Event { action: AUDIT_ACTION, entity: "contract", entity_id: id, detail: serde_json::json!({ "file": file, "lang": lang_code, "round": round, "policy": masker.map_or("none", |m| m.policy.name.as_str()) }) }).await?;
    tracing::info!(round, "review report written");
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_print_to_the_minute_in_utc() {
        assert_eq!(when("2026-12-02T15:20:45.123Z"), "2026-12-02 15:20 UTC");
        assert_eq!(when("yesterday"), "yesterday");
    }

    #[test]
    fn labels_follow_the_language() {
        assert_eq!(t(Labels::Bilingual, "已签核", "Signed off"), "已签核 Signed off");
        assert_eq!(t(Labels::Zh, "已签核", "Signed off"), "已签核");
        assert_eq!(t(Labels::En, "已签核", "Signed off"), "Signed off");
        assert_eq!(status(Labels::En, ContractStatus::ChangesRequested), "changes requested");
    }
}
