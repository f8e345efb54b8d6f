//! The dashboard through a masking policy: owner names in the filters and the target
//! attainment, the drill-down rows (the owner as the registry declares `opportunities.owner`;
//! opportunity and customer names scanned by the detectors, which find a person's name only
//! after a context word such as 联系人), the drill and table exports and the weekly PDF.
//!
//! The owner filter must keep working when the names are masked (two owners may both show as
//! `张*`), and the clear name must not cross IPC: in the window each owner is offered under an
//! opaque key (`owner:` + a keyed hash with a key that lives only in this process), which a
//! request sends back and [`resolve_owner`] turns into the name again. A typed name is taken
//! as it is only where the view shows names in clear.

use super::apply::{MaskReport, Masker};
use super::kinds::{column_kind, PiiKind};
use super::operators::Operator;
use super::policy::Policy;
use crate::error::{CoreResult, FieldCode};
use crate::report::dashboard::{scope_label, Dashboard, DashboardRequest, OwnerChoice};
use crate::report::drill::Drill;
use crate::validate::Checker;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::OnceLock;

const KEY_PREFIX: &str = "owner:";

/// 32 random bytes for this process: keys are stable while the window runs, meaningless after.
fn process_key() -> &'static [u8; 32] {
    static KEY: OnceLock<[u8; 32]> = OnceLock::new();
    KEY.get_or_init(|| {
        let mut key = [0u8; 32];
        if getrandom::fill(&mut key).is_err() {
            // No OS randomness (never seen): the time and process id still keep keys unguessable
            // from outside the process, which is all the filter needs.
            let seed = format!("{:?}{}", std::time::SystemTime::now(), std::process::id());
            key.copy_from_slice(&Sha256::digest(seed.as_bytes()));
        }
        key
    })
}

/// The opaque filter key of an owner's name.
pub fn owner_key(name: &str) -> String {
    let mut mac = match <Hmac<Sha256> as Mac>::new_from_slice(process_key()) {
        Ok(m) => m,
        Err(_) => return format!("{KEY_PREFIX}{}", hex::encode(&Sha256::digest(name.as_bytes())[..10])),
    };
    mac.update(name.as_bytes());
    format!("{KEY_PREFIX}{}", hex::encode(&mac.finalize().into_bytes()[..10]))
}

fn owner_kind() -> PiiKind {
    column_kind("opportunities", "owner").unwrap_or(PiiKind::Name)
}

fn shows_names(policy: &Policy) -> bool {
    matches!(policy.operator(owner_kind()), Operator::Keep)
}

/// An owner's name as `masker` shows it.
pub fn owner_label(name: &str, masker: &Masker<'_>) -> CoreResult<String> {
    Ok(masker.cell(Some(owner_kind()), name, &mut MaskReport::default())?.into_owned())
}

/// The filter's owners: keyed values, labels through `masker` (a label shared by several
/// owners gets ` #1`, ` #2` … so the list still tells them apart).
pub fn owner_choices(names: &[String], masker: &Masker<'_>) -> CoreResult<Vec<OwnerChoice>> {
    let mut choices = Vec::with_capacity(names.len());
    for name in names {
        let label = owner_label(name, masker)?;
        choices.push(OwnerChoice { value: owner_key(name), masked: label != *name, label });
    }
    let mut counts: HashMap<String, usize> = HashMap::new();
    for c in &choices {
        *counts.entry(c.label.clone()).or_default() += 1;
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for c in choices.iter_mut().filter(|c| counts.get(&c.label).is_some_and(|n| *n > 1)) {
        let n = seen.entry(c.label.clone()).or_default();
        *n += 1;
        c.label = format!("{} #{n}", c.label);
    }
    Ok(choices)
}

/// The owner name a window request means: a key from [`owner_choices`] → its name among
/// `names`; a typed name only where `policy` shows names in clear (else a field error
/// `owner`, so a masked view cannot probe for a name by typing it).
pub fn resolve_owner(value: Option<&str>, names: &[String], policy: &Policy) -> CoreResult<Option<String>> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else { return Ok(None) };
    if value.starts_with(KEY_PREFIX) {
        if let Some(name) = names.iter().find(|n| owner_key(n) == value) {
            return Ok(Some(name.clone()));
        }
        return Err(owner_error("is no longer among the owners; choose again"));
    }
    if shows_names(policy) {
        return Ok(Some(value.to_string()));
    }
    Err(owner_error("choose an owner from the list"))
}

fn owner_error(message: &str) -> crate::CoreError {
    let mut c = Checker::new();
    c.fail("owner", FieldCode::InvalidReference, message);
    c.finish().err().unwrap_or_else(|| crate::CoreError::BadRequest(message.into()))
}

/// `request` with its owner resolved to the clear name (for the core's figures).
pub fn resolved_request(request: &DashboardRequest, names: &[String], policy: &Policy) -> CoreResult<DashboardRequest> {
    Ok(DashboardRequest { owner: resolve_owner(request.owner.as_deref(), names, policy)?, ..request.clone() })
}

/// The dashboard's figures as `masker` shows them: owner choices keyed and masked, the
/// attainment's owner masked. (Funnel, KPIs, forecast and ABC hold no personal data: the
/// ABC rows are companies.)
pub fn mask_dashboard(d: &mut Dashboard, masker: &Masker<'_>) -> CoreResult<()> {
    let names: Vec<String> = d.owners.iter().map(|c| c.value.clone()).collect();
    d.owners = owner_choices(&names, masker)?;
    d.attainment.owner = owner_label(&d.attainment.owner, masker)?;
    Ok(())
}

/// The drill-down rows as `masker` shows them; each row lists its masked fields.
pub fn mask_drill(d: &mut Drill, masker: &Masker<'_>) -> CoreResult<()> {
    let mut report = MaskReport::default();
    for r in &mut d.rows {
        let owner = owner_label(&r.owner, masker)?;
        if owner != r.owner {
            r.owner = owner;
            r.masked.push("owner".into());
        }
        for (field, value) in [("name", &mut r.name), ("customer", &mut r.customer)] {
            let shown = masker.text(value, &mut report)?.into_owned();
            if shown != *value {
                *value = shown;
                r.masked.push(field.into());
            }
        }
    }
    Ok(())
}

/// The weekly PDF's scope line ("负责人 Owner: 张*") for a request whose owner is clear.
pub fn masked_scope_label(request: &DashboardRequest, masker: &Masker<'_>) -> CoreResult<String> {
    let owner = request.owner.as_deref().map(|o| owner_label(o, masker)).transpose()?;
    Ok(scope_label(&DashboardRequest { owner, ..request.clone() }))
}

/// The suggested name of a dashboard export through `policy`: `weekly-report-2026-masked-distributor.pdf`
/// (no suffix for admin, as for table exports).
pub fn export_file_name(stem: &str, policy: &str, extension: &str) -> String {
    let suffix = if policy == "admin" { String::new() } else { format!("-masked-{policy}") };
    format!("{stem}{suffix}.{extension}")
}

/// Writes the audit entry of a dashboard export (`export`, entity `dashboard`): the file's
/// name, which table (`records`, `funnel` … or `weekly_report`), rows, format and the policy
/// it went through (`none`: in clear, from the command line without `--policy`).
pub async fn audit_export(pool: &sqlx::SqlitePool, path: &std::path::Path, table: &str, rows: usize, format: &str, policy: Option<&Policy>) -> CoreResult<()> {
    let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let policy = policy.map_or("none", |p| p.name.as_str());
    let detail = serde_json::json!({ "file": file, "table": table, "rows": rows, "format": format, "policy": policy });
    crate::audit::record_now(pool, crate::audit::Event { action: "export", entity: "dashboard", entity_id: "", detail }).await?;
    tracing::info!(table, rows, policy, "dashboard export written");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::masking::policy::Role;

    #[test]
    fn owners_are_offered_under_keys_and_resolve_back() {
        let names = vec!["张三".to_string(), "张伟".to_string(), "Li Na".to_string()];
        let policy = Role::Distributor.policy();
        let masker = Masker { policy: &policy, keys: None };
        let choices = owner_choices(&names, &masker).expect("choices");
        let labels: Vec<&str> = choices.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels, vec!["张* #1", "张* #2", "L* N*"], "the same mask told apart");
        assert!(choices.iter().all(|c| c.masked && c.value.starts_with("owner:") && !c.value.contains('张')));
        let resolved = resolve_owner(Some(&choices[1].value), &names, &policy).expect("resolved");
        assert_eq!(resolved.as_deref(), Some("张伟"));
        assert!(resolve_owner(Some("张伟"), &names, &policy).is_err(), "a typed name is refused while names are masked");
        assert_eq!(resolve_owner(Some("张伟"), &names, &Role::Admin.policy()).expect("admin").as_deref(), Some("张伟"));
        assert_eq!(resolve_owner(Some(" "), &names, &policy).expect("none"), None);
        assert!(resolve_owner(Some("owner:00"), &names, &policy).is_err(), "an unknown key");
    }

    #[test]
    fn file_names_say_the_policy() {
        assert_eq!(export_file_name("weekly-report-2026", "distributor", "pdf"), "weekly-report-2026-masked-distributor.pdf");
        assert_eq!(export_file_name("dashboard-records-2026", "admin", "csv"), "dashboard-records-2026.csv");
    }
}
