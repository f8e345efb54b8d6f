//! `dealdesk audit verify|list`: check the audit log's hash chain, or print its newest
//! entries as the window's viewer shows them (actor through the data view's policy, every
//! kind of personal data in details masked).

use clap::Subcommand;
use dealdesk_core::masking::window;
use dealdesk_core::CoreError;
use dealdesk_core::store::SqlitePool;

#[derive(Subcommand, Debug)]
pub enum AuditCommand {
    /// Check the hash chain; reports the first altered or removed entry (exit 1).
    Verify,
    /// The newest entries first: seq, time, who, action, entity, id, detail.
    List {
        #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..=500))]
        limit: u32,
    },
}

pub async fn run(command: AuditCommand, pool: &SqlitePool) -> Result<(), CoreError> {
    match command {
        AuditCommand::Verify => {
            let check = dealdesk_core::audit::verify(pool).await?;
            match (check.broken_at, check.reason) {
                (Some(at), Some(reason)) => Err(CoreError::Conflict(format!("the audit log is broken at entry {at} of {}: {reason}", check.entries))),
                _ => {
                    println!("audit log intact: {} entries", check.entries);
                    Ok(())
                }
            }
        }
        AuditCommand::List { limit } => {
            let page = window::list_audit(pool, 1, limit).await?;
            for e in &page.items {
                let id = if e.entity_id.is_empty() { "-" } else { e.entity_id.as_str() };
                println!("{:>5}  {}  {}  {}  {}  {}  {}", e.seq, e.at, e.actor, e.action, e.entity, id, e.detail);
            }
            println!("{} of {} entries", page.items.len(), page.total);
            Ok(())
        }
    }
}
