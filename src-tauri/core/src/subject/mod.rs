//! Subject requests (PIPL art. 44–47, GDPR art. 15–17): find everything the store holds about
//! one person from one identifier (name, mobile, e-mail, resident ID, bank card or passport),
//! export it as JSON + PDF, correct the identifier everywhere, or erase it. The search reads
//! the masking registry ([`crate::masking::kinds::REGISTRY`]), so a personal column declared
//! there is covered here too. Every request is audited under a keyed hash of the identifier,
//! never the identifier itself.

mod erase;
mod find;
mod report;
mod tables;

pub use erase::{correct, erase, ChangeReport};
pub use find::{find, Findings, SubjectField, SubjectHit};
pub use report::{export, report_document, ExportedReport};
pub(crate) use find::rows as column_rows;
pub(crate) use tables::info as table_info;

use crate::error::{CoreError, CoreResult, FieldCode, FieldError};
use crate::masking::detect;
use crate::masking::keys::{normalise_for_hash, MaskingKeys};
use crate::masking::kinds::PiiKind;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What erased personal data is replaced with in columns that must hold text (names, notes).
pub const ERASED: &str = "[已删除]";

/// The identifier a data subject is found by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SubjectKind {
    Name,
    Mobile,
    Email,
    ResidentId,
    BankCard,
    Passport,
}

impl SubjectKind {
    pub const ALL: [SubjectKind; 6] = [Self::Name, Self::Mobile, Self::Email, Self::ResidentId, Self::BankCard, Self::Passport];

    pub fn pii(self) -> PiiKind {
        match self {
            Self::Name => PiiKind::Name,
            Self::Mobile => PiiKind::Mobile,
            Self::Email => PiiKind::Email,
            Self::ResidentId => PiiKind::ResidentId,
            Self::BankCard => PiiKind::BankCard,
            Self::Passport => PiiKind::Passport,
        }
    }

    pub fn code(self) -> &'static str {
        self.pii().code()
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// One person's identifier, checked and normalised (`+86 138-1234-5678` finds `13812345678`).
#[derive(Clone, PartialEq, Eq)]
pub struct Subject {
    pub kind: SubjectKind,
    value: String,
    normal: String,
}

// The identifier is personal data: never in a log line or an error by accident.
impl std::fmt::Debug for Subject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Subject({}, …)", self.kind.code())
    }
}

fn invalid(kind: SubjectKind, message: impl Into<String>) -> CoreError {
    let code = match kind {
        SubjectKind::Email => FieldCode::InvalidEmail,
        SubjectKind::Mobile | SubjectKind::ResidentId | SubjectKind::BankCard => FieldCode::InvalidNumber,
        SubjectKind::Name | SubjectKind::Passport => FieldCode::UnknownValue,
    };
    CoreError::Validation(vec![FieldError { field: "value".into(), code, message: message.into() }])
}

fn normal(kind: SubjectKind, value: &str) -> String {
    match kind {
        // Names compare with runs of spaces folded and Latin letters in lower case.
        SubjectKind::Name => value.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase(),
        _ => normalise_for_hash(kind.pii(), value),
    }
}

impl Subject {
    /// Checks that `value` is a plausible identifier of `kind` (a mobile number, an ID with
    /// its check digit …), so a typo does not silently find nothing.
    pub fn new(kind: SubjectKind, value: &str) -> CoreResult<Self> {
        let value = value.trim();
        if value.is_empty() {
            return Err(CoreError::Validation(vec![FieldError { field: "value".into(), code: FieldCode::Required, message: "the identifier to search for".into() }]));
        }
        let normal = normal(kind, value);
        let ok = match kind {
            SubjectKind::Name => value.chars().count() >= 2 || !value.is_ascii(),
            SubjectKind::Mobile => detect::mobile(normal.as_bytes()),
            SubjectKind::Email => {
                let mut parts = normal.split('@');
                matches!((parts.next(), parts.next(), parts.next()), (Some(l), Some(d), None) if !l.is_empty() && d.contains('.'))
            }
            SubjectKind::ResidentId => detect::resident_id_18(normal.as_bytes()),
            SubjectKind::BankCard => detect::bank_card(normal.as_bytes()),
            SubjectKind::Passport => (5..=12).contains(&normal.len()),
        };
        if !ok {
            let what = match kind {
                SubjectKind::Name => "a name of at least two characters",
                SubjectKind::Mobile => "an 11-digit mainland mobile number (1[3-9]…), +86 allowed",
                SubjectKind::Email => "an e-mail address",
                SubjectKind::ResidentId => "an 18-character resident ID with a valid check digit",
                SubjectKind::BankCard => "a 16–19 digit card number that passes the Luhn check",
                SubjectKind::Passport => "a passport number of 5–12 letters and digits",
            };
            return Err(invalid(kind, format!("not {what}")));
        }
        Ok(Self { kind, value: value.to_string(), normal })
    }

    /// The identifier as it was given.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// Whether a stored value of this kind is this person's.
    pub fn matches(&self, stored: &str) -> bool {
        !stored.trim().is_empty() && normal(self.kind, stored) == self.normal
    }

    /// The keyed hash the audit log keeps instead of the identifier.
    pub fn hash(&self, keys: &MaskingKeys) -> String {
        keys.hash(self.kind.pii(), &self.normal)
    }
}

/// Subject requests from the window are compliance work: the admin or legal data view, and
/// never behind the privacy screen (the answer shows the person's data).
pub fn check_view(view: &crate::masking::view::DataView) -> CoreResult<()> {
    use crate::masking::policy::Role;
    if view.privacy_screen {
        return Err(CoreError::Conflict("subject requests are not handled behind the privacy screen; switch it off first".into()));
    }
    if !matches!(view.role, Role::Admin | Role::Legal) {
        return Err(CoreError::Conflict(format!(
            "subject requests need the admin or legal data view (now {}; Settings › General › Data view role)",
            view.role.code()
        )));
    }
    Ok(())
}

/// Finds `subject` and records the search in the audit log (`subject_find`, under the keyed
/// hash, with the number of hits), in one transaction.
pub async fn lookup(pool: &sqlx::SqlitePool, subject: &Subject, keys: &MaskingKeys) -> CoreResult<Findings> {
    let mut tx = pool.begin().await?;
    let findings = find(&mut tx, subject).await?;
    let detail = serde_json::json!({ "kind": subject.kind.code(), "hits": findings.hits.len() });
    crate::audit::record(&mut tx, crate::audit::Event { action: "subject_find", entity: "subject", entity_id: &subject.hash(keys), detail }).await?;
    tx.commit().await?;
    Ok(findings)
}

#[cfg(test)]
mod tests;
