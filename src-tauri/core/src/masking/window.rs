//! The window's way into the records with personal data: every list and every saved record
//! goes through the data view's policy before it is returned (so it crosses IPC masked), and
//! a save from a form that showed masked values keeps the clear values it was not meant to
//! change ([`super::records::restore_masked`]). The audit log is listed the same way, its
//! details with every kind masked whoever looks. While a table's personal columns are
//! masked, search leaves them out (a typed full number must not find its row). File paths
//! shown in Settings have the OS account's name (the name owners and actors are recorded
//! under) masked too.

use super::apply::Masker;
use super::operators::Operator;
use super::policy::Policy;
use super::records::{columns_of, mask_all, mask_record, restore_masked, MaskedRecord};
use super::view;
use crate::audit::{self, AuditEntry};
use crate::crm::contact::{self, Contact, ContactInput};
use crate::crm::customer::{self, Customer, CustomerInput};
use crate::crm::opportunity::{self, Opportunity, OpportunityInput};
use crate::error::CoreResult;
use crate::ids::{ContactId, CustomerId, OpportunityId};
use crate::listing::{fetch_page, ListQuery, ListSpec, Page};
use sqlx::SqlitePool;

// Searching a masked column would tell a viewer which row holds a number they typed in full,
// so while any personal column of a table is masked, its search leaves them all out.
const CONTACTS_MASKED: ListSpec = ListSpec { search_columns: &["c.title", "cu.name"], ..contact::LIST };
const CUSTOMERS_MASKED: ListSpec = ListSpec { search_columns: &["name", "industry", "region"], ..customer::LIST };
const OPPORTUNITIES_MASKED: ListSpec = ListSpec { search_columns: &["o.name", "cu.name", "o.competitor"], ..opportunity::LIST };

/// Whether `policy` masks any single-kind personal column of `table`.
fn masks_columns_of(table: &str, policy: &Policy) -> bool {
    columns_of(table).any(|c| !c.free_text && !matches!(policy.operator(c.kind), Operator::Keep))
}

async fn shown_page<R>(pool: &SqlitePool, q: &ListQuery, clear: &ListSpec, masked: &ListSpec) -> CoreResult<Page<R>>
where
    R: MaskedRecord + for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow> + Send + Unpin,
{
    let mut conn = pool.acquire().await?;
    let policy = view::load(&mut conn).await?.effective_policy();
    let spec = if masks_columns_of(R::TABLE, &policy) { masked } else { clear };
    let mut page: Page<R> = fetch_page(&mut conn, spec, q).await?;
    mask_all(&mut page.items, &Masker { policy: &policy, keys: None })?;
    Ok(page)
}

fn shown<R: MaskedRecord>(mut record: R, policy: &Policy) -> CoreResult<R> {
    mask_record(&mut record, &Masker { policy, keys: None })?;
    Ok(record)
}

pub async fn list_contacts(pool: &SqlitePool, q: &ListQuery) -> CoreResult<Page<Contact>> {
    shown_page(pool, q, &contact::LIST, &CONTACTS_MASKED).await
}

pub async fn list_customers(pool: &SqlitePool, q: &ListQuery) -> CoreResult<Page<Customer>> {
    shown_page(pool, q, &customer::LIST, &CUSTOMERS_MASKED).await
}

pub async fn list_opportunities(pool: &SqlitePool, q: &ListQuery) -> CoreResult<Page<Opportunity>> {
    shown_page(pool, q, &opportunity::LIST, &OPPORTUNITIES_MASKED).await
}

pub async fn save_contact(pool: &SqlitePool, mut input: ContactInput) -> CoreResult<Contact> {
    let policy = view::current(pool).await?.effective_policy();
    if let Some(id) = input.id.as_deref().and_then(ContactId::parse) {
        // Its own connection, given back before the save's transaction takes one.
        let stored = contact::get(&mut *pool.acquire().await?, id).await.ok();
        if let Some(stored) = stored {
            restore_masked(&stored, &mut input, &Masker { policy: &policy, keys: None })?;
        }
    }
    shown(contact::save(pool, &input).await?, &policy)
}

pub async fn save_customer(pool: &SqlitePool, mut input: CustomerInput) -> CoreResult<Customer> {
    let policy = view::current(pool).await?.effective_policy();
    if let Some(id) = input.id.as_deref().and_then(CustomerId::parse) {
        // Its own connection, given back before the save's transaction takes one.
        let stored = customer::get(&mut *pool.acquire().await?, id).await.ok();
        if let Some(stored) = stored {
            restore_masked(&stored, &mut input, &Masker { policy: &policy, keys: None })?;
        }
    }
    shown(customer::save(pool, &input).await?, &policy)
}

pub async fn save_opportunity(pool: &SqlitePool, mut input: OpportunityInput) -> CoreResult<Opportunity> {
    let policy = view::current(pool).await?.effective_policy();
    if let Some(id) = input.id.as_deref().and_then(OpportunityId::parse) {
        // Its own connection, given back before the save's transaction takes one.
        let stored = opportunity::get(&mut *pool.acquire().await?, id).await.ok();
        if let Some(stored) = stored {
            restore_masked(&stored, &mut input, &Masker { policy: &policy, keys: None })?;
        }
    }
    shown(opportunity::save(pool, &input).await?, &policy)
}

/// A page of the audit log, newest first: the actor through the view's policy, the detail
/// with every kind of personal data masked (details are meant to hold none; this catches a
/// reason or comment that does).
pub async fn list_audit(pool: &SqlitePool, page: u32, page_size: u32) -> CoreResult<Page<AuditEntry>> {
    let policy = view::current(pool).await?.effective_policy();
    let mut entries = audit::list(pool, page, page_size).await?;
    let strict = policy.masking_everything();
    let actor_masker = Masker { policy: &policy, keys: None };
    let detail_masker = Masker { policy: &strict, keys: None };
    for e in &mut entries.items {
        mask_entry(e, &actor_masker, &detail_masker)?;
    }
    Ok(entries)
}

/// Masks one audit entry for display (also used by `dealdesk audit list`).
pub fn mask_entry(e: &mut AuditEntry, actor: &Masker<'_>, detail: &Masker<'_>) -> CoreResult<()> {
    let mut report = super::apply::MaskReport::default();
    e.actor = actor.cell(Some(super::kinds::PiiKind::Name), &e.actor, &mut report)?.into_owned();
    e.detail = detail.text(&e.detail, &mut report)?.into_owned();
    Ok(())
}

/// `path` as the data view shows it: a component that is the OS account's name (`/home/wangwei/…`,
/// `C:\Users\王伟\…`; owners and actors are recorded under that name) masked as a name.
pub async fn shown_path(pool: &SqlitePool, path: &str) -> CoreResult<String> {
    let policy = view::current(pool).await?.effective_policy();
    mask_account_in_path(path, &audit::actor(), &Masker { policy: &policy, keys: None })
}

fn mask_account_in_path(path: &str, account: &str, masker: &Masker<'_>) -> CoreResult<String> {
    if account.trim().is_empty() {
        return Ok(path.to_string());
    }
    let shown = super::dashboard::owner_label(account, masker)?;
    let mut out = String::with_capacity(path.len());
    for part in path.split_inclusive(['/', '\\']) {
        let (name, sep) = match part.strip_suffix(['/', '\\']) {
            Some(name) => (name, &part[name.len()..]),
            None => (part, ""),
        };
        out.push_str(if name == account { &shown } else { name });
        out.push_str(sep);
    }
    Ok(out)
}

#[cfg(test)]
mod path_tests {
    use super::*;
    use crate::masking::policy::Role;

    #[test]
    fn the_account_in_a_path_is_masked_as_a_name() {
        let distributor = Role::Distributor.policy();
        let m = Masker { policy: &distributor, keys: None };
        assert_eq!(mask_account_in_path("/home/wangwei/.local/share/dealdesk/wangwei.db", "wangwei", &m).expect("path"), "/home/w******/.local/share/dealdesk/wangwei.db");
        assert_eq!(mask_account_in_path("C:\\Users\\王伟\\AppData\\dealdesk.db", "王伟", &m).expect("path"), "C:\\Users\\王*\\AppData\\dealdesk.db");
        let admin = Role::Admin.policy();
        assert_eq!(mask_account_in_path("/home/wangwei/x.db", "wangwei", &Masker { policy: &admin, keys: None }).expect("path"), "/home/wangwei/x.db");
    }
}
