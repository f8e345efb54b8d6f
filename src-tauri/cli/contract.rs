//! `dealdesk contract …`: contracts from accepted quotes, key terms, clause edits and
//! fallbacks, legal's review (flags, waivers, checklist, sign-off) and the PDF behind the
//! sign-off gate, and legal's review report, with the same core functions as the window.
//! `contract review` exits 3 while a high-severity flag is open, so a script can wait for legal.

use dealdesk_core::contract::{self, print, store, workflow, ContractStatus, KeyTerms, Topic};
use dealdesk_core::pdf::PdfEngine;
use dealdesk_core::risk::review::{self, Review};
use dealdesk_core::store::SqlitePool;
use dealdesk_core::CoreError;
use std::path::Path;

/// Exit status of `contract review` while a high-severity flag is open.
pub const EXIT_HIGH_FLAGS: i32 = 3;

pub use super::contract_args::*;

pub(super) fn read(path: &Path) -> Result<Vec<u8>, CoreError> {
    std::fs::read(path).map_err(|e| CoreError::io(format!("cannot read {}", path.display()), e))
}

async fn id_of(pool: &SqlitePool, number: &str) -> Result<String, CoreError> {
    let mut conn = pool.acquire().await?;
    store::resolve(&mut conn, number).await
}

async fn show(pool: &SqlitePool, number: &str, lang: LangArg) -> Result<(), CoreError> {
    let id = id_of(pool, number).await?;
    let mut conn = pool.acquire().await?;
    let c = store::get_in(&mut conn, &id).await?;
    println!("{}\t{}\t{}\t{} {}\t{}\tquote {}", c.number, c.id, c.status.code(), c.contract_value, c.currency, c.customer_name, c.quote_number);
    let t = &c.terms;
    let o = |v: Option<u32>| v.map_or_else(|| "-".to_string(), |v| v.to_string());
    println!(
        "payment {} days, delivery {} days, acceptance {} days, liability cap {}%, warranty {} months, term {} months, auto-renew {}, non-renewal notice {} days, public body {}",
        o(t.payment_days),
        o(t.delivery_days),
        o(t.acceptance_days),
        t.liability_cap_pct.map_or_else(|| "-".into(), |d| d.normalize().to_string()),
        o(t.warranty_months),
        o(t.term_months),
        t.auto_renew,
        o(t.non_renewal_notice_days),
        t.public_body
    );
    for e in &c.events {
        println!("{}  {} → {}  {} ({})  {}", e.at, e.from_status.map_or("-", ContractStatus::code), e.to_status.code(), e.actor, e.role, e.comment);
    }
    for (f, raw) in review::filled_clauses(&mut conn, &c).await?.iter().zip(&c.clauses) {
        println!("\n§{} {} {} [{}{}]", f.position, f.title_zh, f.title_en, raw.source.code(), raw.fallback_position.map(|p| format!(" {p}")).unwrap_or_default());
        if !matches!(lang, LangArg::En) {
            println!("{}", f.zh);
        }
        if !matches!(lang, LangArg::Zh) {
            println!("{}", f.en);
        }
    }
    Ok(())
}

fn print_review(r: &Review, json: bool) -> Result<(), CoreError> {
    if json {
        println!("{}", serde_json::to_string_pretty(r).map_err(|e| CoreError::BadRequest(e.to_string()))?);
        return Ok(());
    }
    println!("{}  {}  review round {}", r.contract_number, r.contract_status.code(), r.round);
    println!("{:<8} {:<7} {:<9} {:<6} {:<10} {}", "flag", "rule", "severity", "clause", "status", "why / excerpt");
    for f in &r.flags {
        let clause = f.clause_position.map_or_else(|| "-".to_string(), |p| format!("§{p}"));
        println!("{:<8} {:<7} {:<9} {:<6} {:<10} {} — {}", &f.id[f.id.len().saturating_sub(8)..], f.rule_id, f.severity.code(), clause, f.status, f.why_en, f.excerpt);
        if f.status == "open" {
            let fallback = f.fallback_key.as_ref().map(|k| format!(" (library: {k}{})", f.fallback_position.map(|p| format!(", fallback {p}")).unwrap_or_default())).unwrap_or_default();
            println!("{:<44}suggestion: {}{fallback}", "", f.suggestion_en);
        }
        if f.status == "waived" {
            println!("{:<44}waived by {}: {}", "", f.decided_by.as_deref().unwrap_or("?"), f.reason);
        }
    }
    println!("checklist:");
    for i in &r.items {
        println!("  [{}] {:<26} {:<15} {}{}", i.risk_type.label_zh(), i.item_key, i.status, i.text_en, if i.reason.is_empty() { String::new() } else { format!(" — {}", i.reason) });
    }
    for s in &r.sign_offs {
        println!("signed off by {} ({}) at {} (round {}){}", s.actor, s.role, s.at, s.round, s.revoked_at.as_ref().map(|r| format!(", revoked {r}")).unwrap_or_default());
    }
    match &r.final_blocked {
        Some(why) => println!("final PDF: blocked — {why}"),
        None => println!("final PDF: allowed"),
    }
    Ok(())
}

/// A flag named by its id, the end of its id (as `review` prints it) or its rule id.
fn flag_id(r: &Review, key: &str) -> Result<String, CoreError> {
    let key = key.trim();
    let open: Vec<_> = r.flags.iter().filter(|f| f.status == "open").collect();
    let hits: Vec<_> = open.iter().filter(|f| f.id == key || (key.len() >= 6 && f.id.ends_with(key)) || f.rule_id.eq_ignore_ascii_case(key)).collect();
    match hits.as_slice() {
        [one] => Ok(one.id.clone()),
        [] => Err(CoreError::not_found("open flag", key)),
        _ => Err(CoreError::BadRequest(format!("{key} names {} open flags; give the flag id from `contract review`", hits.len()))),
    }
}

pub(crate) async fn engine(pool: &SqlitePool) -> Result<PdfEngine, CoreError> {
    let mut conn = pool.acquire().await?;
    let settings = dealdesk_core::quote::print::load(&mut conn).await?;
    let font = settings.font_path.trim();
    PdfEngine::load((!font.is_empty()).then(|| Path::new(font)))
}

fn summary(c: &contract::Contract) {
    println!("{}\t{}\t{}", c.number, c.status.code(), c.customer_name);
}


pub async fn run(command: ContractCommand, pool: &SqlitePool) -> Result<(), CoreError> {
    match command {
        ContractCommand::New { quote, template, terms, who } => {
            let t = terms.change()?.apply(&KeyTerms::default());
            summary(&workflow::create_from_quote(pool, &quote, template.into(), &t, &who.actor()).await?);
        }
        ContractCommand::List => {
            let mut conn = pool.acquire().await?;
            for (number, id, status, customer) in store::list(&mut conn).await? {
                println!("{number}\t{id}\t{status}\t{customer}");
            }
        }
        ContractCommand::Show { number, lang } => show(pool, &number, lang).await?,
        ContractCommand::Terms { number, terms, who } => summary(&workflow::update_terms(pool, &id_of(pool, &number).await?, &terms.change()?, &who.actor()).await?),
        ContractCommand::Edit { number, clause, zh, en, who } => summary(&workflow::edit_clause(pool, &id_of(pool, &number).await?, clause, &zh, &en, &who.actor()).await?),
        ContractCommand::Fallback { number, clause, fallback, who } => summary(&workflow::choose_fallback(pool, &id_of(pool, &number).await?, clause, fallback, &who.actor()).await?),
        ContractCommand::AddClause { number, topic, zh, en, who } => {
            let topic = Topic::parse(&topic).ok_or_else(|| CoreError::BadRequest(format!("unknown topic {topic}; use one of {}", Topic::ALL.iter().map(|t| t.code()).collect::<Vec<_>>().join(", "))))?;
            summary(&workflow::add_free_clause(pool, &id_of(pool, &number).await?, topic, ("", ""), &zh, &en, &who.actor()).await?);
        }
        ContractCommand::Review { number, json, who } => {
            let r = review::run(pool, &id_of(pool, &number).await?, &who.actor()).await?;
            print_review(&r, json)?;
            let high = r.flags.iter().any(|f| f.status == "open" && f.severity == dealdesk_core::risk::Severity::High);
            if high {
                dealdesk_core::store::checkpoint_and_close(pool.clone()).await;
                eprintln!("open high-severity flags: legal cannot sign off yet");
                std::process::exit(EXIT_HIGH_FLAGS);
            }
        }
        ContractCommand::Waive { number, flag, reason, who } => {
            let id = id_of(pool, &number).await?;
            let flag = flag_id(&review::get(pool, &id).await?, &flag)?;
            print_review(&review::waive(pool, &id, &flag, &reason, &who.actor()).await?, false)?;
        }
        ContractCommand::Decide { number, item, status, reason, who } => {
            let status = match status {
                DecisionArg::Pass => "pass",
                DecisionArg::Accepted => "accepted",
                DecisionArg::ChangeRequired => "change_required",
            };
            print_review(&review::decide_item(pool, &id_of(pool, &number).await?, &item, status, &reason, &who.actor()).await?, false)?;
        }
        ContractCommand::RequestChanges { number, comment, who } => print_review(&review::request_changes(pool, &id_of(pool, &number).await?, &comment, &who.actor()).await?, false)?,
        ContractCommand::SignOff { number, comment, who } => print_review(&review::sign_off(pool, &id_of(pool, &number).await?, &comment, &who.actor()).await?, false)?,
        ContractCommand::Mark { number, to, who } => {
            let to = match to {
                MarkArg::Signed => ContractStatus::Signed,
                MarkArg::Active => ContractStatus::Active,
                MarkArg::Expired => ContractStatus::Expired,
                MarkArg::Terminated => ContractStatus::Terminated,
            };
            summary(&workflow::mark(pool, &id_of(pool, &number).await?, to, &who.actor()).await?);
        }
        ContractCommand::Render { number, out, lang, draft } => {
            let engine = engine(pool).await?;
            let c = print::render_to_file(pool, &engine, &id_of(pool, &number).await?, lang.into(), draft, &out).await?;
            println!("{}\t{}\t{}", c.number, if draft { "draft" } else { "final" }, out.display());
        }
        ContractCommand::ReviewReport { number, out, lang } => {
            let engine = engine(pool).await?;
            let c = dealdesk_core::risk::report::render_to_file(pool, &engine, &id_of(pool, &number).await?, lang.into(), &out).await?;
            println!("{}	review report	{}", c.number, out.display());
        }
        ContractCommand::Template(command) => super::contract_template::run(command, pool).await?,
    }
    Ok(())
}
