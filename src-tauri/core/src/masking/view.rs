//! What the window shows personal data through: the data view role (数据查看角色, a masking
//! [`Role`]; not the quote-approval role of Settings › Role) and the privacy screen (隐私屏),
//! both kept in the `settings` table, so a restart at a trade-show stand stays masked. Behind
//! the privacy screen everything goes through the trade_show policy, whatever the role. Every
//! change is written to the audit log in the same transaction.

use super::policy::{Policy, Role, BUILT_IN};
use crate::audit;
use crate::error::CoreResult;
use crate::settings;
use serde::Serialize;
use sqlx::{SqliteConnection, SqlitePool};
use ts_rs::TS;

const VIEW_ROLE: &str = "masking.view_role";
const PRIVACY_SCREEN: &str = "masking.privacy_screen";

/// Until one is chosen the window shows data as sales ops (the app's main users) see it:
/// general kinds in clear, sensitive ones (ID numbers, bank cards in notes) masked.
pub const DEFAULT_ROLE: Role = Role::SalesOps;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DataView {
    pub role: Role,
    pub privacy_screen: bool,
    /// The policy lists, records and default exports go through (trade_show behind the
    /// privacy screen).
    pub policy: String,
    /// Whether a masked value may be revealed (with a reason, audited): see [`may_reveal`].
    pub can_reveal: bool,
    /// Built-in policies an export may use: those hiding at least what the view hides.
    pub export_policies: Vec<String>,
}

/// Who may reveal a value in clear: admin always (even behind the privacy screen: the value
/// appears only in the reveal dialog, never in the list); sales ops and legal, whose work
/// needs a contact's number or an ID now and then, unless the privacy screen is on; the
/// distributor (an outside party) and the trade-show view never.
pub fn may_reveal(role: Role, privacy_screen: bool) -> bool {
    match role {
        Role::Admin => true,
        Role::SalesOps | Role::Legal => !privacy_screen,
        Role::Distributor | Role::TradeShow => false,
    }
}

impl DataView {
    pub fn new(role: Role, privacy_screen: bool) -> Self {
        let effective = if privacy_screen { Role::TradeShow } else { role };
        let policy = effective.policy();
        let export_policies = BUILT_IN
            .iter()
            .filter(|name| Policy::built_in(name).is_some_and(|p| p.at_least_as_strict_as(&policy)))
            .map(|name| name.to_string())
            .collect();
        Self { role, privacy_screen, policy: policy.name.clone(), can_reveal: may_reveal(role, privacy_screen), export_policies }
    }

    /// The role whose policy applies: trade_show behind the privacy screen.
    pub fn effective_role(&self) -> Role {
        if self.privacy_screen {
            Role::TradeShow
        } else {
            self.role
        }
    }

    pub fn effective_policy(&self) -> Policy {
        self.effective_role().policy()
    }

    /// The policy an export uses: `requested` (a built-in name) if it hides at least what the
    /// view hides, else a `Conflict` naming the allowed ones; `None` is the view's own.
    pub fn export_policy(&self, requested: Option<&str>) -> CoreResult<Policy> {
        let Some(name) = requested.map(str::trim).filter(|n| !n.is_empty()) else { return Ok(self.effective_policy()) };
        let policy = Policy::built_in(name)
            .ok_or_else(|| crate::CoreError::BadRequest(format!("unknown policy '{name}': use one of {}", BUILT_IN.join(", "))))?;
        if !policy.at_least_as_strict_as(&self.effective_policy()) {
            return Err(crate::CoreError::Conflict(format!(
                "the {name} policy shows more than your data view ({}) does; allowed: {}",
                self.policy,
                self.export_policies.join(", ")
            )));
        }
        Ok(policy)
    }
}

pub async fn load(conn: &mut SqliteConnection) -> CoreResult<DataView> {
    let role = settings::get(conn, VIEW_ROLE).await?.as_deref().and_then(Role::parse).unwrap_or(DEFAULT_ROLE);
    let privacy = settings::get(conn, PRIVACY_SCREEN).await?.as_deref() == Some("true");
    Ok(DataView::new(role, privacy))
}

pub async fn current(pool: &SqlitePool) -> CoreResult<DataView> {
    let mut conn = pool.acquire().await?;
    load(&mut conn).await
}

/// Changes the data view role (audited: `data_view_role`, from → to).
pub async fn set_role(pool: &SqlitePool, role: Role) -> CoreResult<DataView> {
    let mut tx = pool.begin().await?;
    let before = load(&mut tx).await?;
    settings::put(&mut tx, VIEW_ROLE, role.code()).await?;
    let detail = serde_json::json!({ "from": before.role.code(), "to": role.code() });
    audit::record(&mut tx, audit::Event { action: "data_view_role", entity: "user", entity_id: "", detail }).await?;
    let after = load(&mut tx).await?;
    tx.commit().await?;
    tracing::info!(role = role.code(), "data view role changed");
    Ok(after)
}

/// Turns the privacy screen on or off (audited: `privacy_screen`, on).
pub async fn set_privacy_screen(pool: &SqlitePool, on: bool) -> CoreResult<DataView> {
    let mut tx = pool.begin().await?;
    settings::put(&mut tx, PRIVACY_SCREEN, if on { "true" } else { "false" }).await?;
    audit::record(&mut tx, audit::Event { action: "privacy_screen", entity: "user", entity_id: "", detail: serde_json::json!({ "on": on }) }).await?;
    let after = load(&mut tx).await?;
    tx.commit().await?;
    tracing::info!(on, "privacy screen switched");
    Ok(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_privacy_screen_means_trade_show_and_no_reveal_except_admin() {
        let view = DataView::new(Role::Legal, true);
        assert_eq!(view.policy, "trade_show");
        assert!(!view.can_reveal);
        assert_eq!(view.export_policies, vec!["trade_show"]);
        assert!(DataView::new(Role::Admin, true).can_reveal);
        assert!(!DataView::new(Role::Distributor, false).can_reveal);
        assert!(DataView::new(Role::SalesOps, false).can_reveal);
    }

    #[test]
    fn exports_never_show_more_than_the_view() {
        let distributor = DataView::new(Role::Distributor, false);
        assert!(distributor.export_policy(Some("admin")).is_err());
        assert!(distributor.export_policy(Some("sales_ops")).is_err());
        assert_eq!(distributor.export_policy(Some("trade_show")).map(|p| p.name).ok().as_deref(), Some("trade_show"));
        assert_eq!(distributor.export_policy(None).map(|p| p.name).ok().as_deref(), Some("distributor"));
        let admin = DataView::new(Role::Admin, false);
        assert_eq!(admin.export_policies.len(), BUILT_IN.len());
        assert_eq!(admin.export_policy(Some("distributor")).map(|p| p.name).ok().as_deref(), Some("distributor"));
    }
}
