//! How a subject report names the record a hit is in: per registry table, its name in both
//! languages, an SQL expression that labels a row for a person reading the report (the
//! customer of a contact, the number of a quote), whether rows are soft-deleted, and whether
//! the table may be changed at all (the audit log is append-only and kept).

/// One table the registry names.
pub(crate) struct TableInfo {
    pub table: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    /// An SQL expression over the table's row (aliased `t`) naming it for a reader.
    pub label: &'static str,
    pub soft_delete: bool,
    /// Why the table is kept as it is on erasure, if it is.
    pub retained: Option<&'static str>,
}

const fn t(table: &'static str, zh: &'static str, en: &'static str, label: &'static str) -> TableInfo {
    TableInfo { table, zh, en, label, soft_delete: false, retained: None }
}

const fn soft(table: &'static str, zh: &'static str, en: &'static str, label: &'static str) -> TableInfo {
    TableInfo { table, zh, en, label, soft_delete: true, retained: None }
}

const QUOTE_OF: &str = "COALESCE((SELECT q.number FROM quotes q WHERE q.id = t.quote_id), t.quote_id)";
const CONTRACT_OF: &str = "COALESCE((SELECT c.number FROM contracts c WHERE c.id = t.contract_id), t.contract_id)";

pub(super) const TABLES: &[TableInfo] = &[
    soft("contacts", "联系人", "Contacts", "COALESCE((SELECT c.name FROM customers c WHERE c.id = t.customer_id), '')"),
    soft("customers", "客户", "Customers", "t.name"),
    soft("opportunities", "商机", "Opportunities", "t.name"),
    soft("quotes", "报价单", "Quotes", "COALESCE(t.number, t.id)"),
    t("quote_events", "报价记录", "Quote history", QUOTE_OF),
    TableInfo {
        table: "audit_log",
        zh: "审计日志",
        en: "Audit log",
        label: "t.action || ' ' || t.at",
        soft_delete: false,
        retained: Some("append-only audit record with a hash chain, kept as the record of processing (PIPL art. 47 para. 2)"),
    },
    t("partners", "渠道伙伴", "Channel partners", "t.code || ' ' || t.name"),
    t("sales_reps", "销售代表", "Sales reps", "t.code"),
    soft("contracts", "合同", "Contracts", "t.number"),
    t("contract_events", "合同记录", "Contract history", CONTRACT_OF),
    t("contract_signoffs", "法务签核", "Legal sign-offs", CONTRACT_OF),
    t("review_items", "审核清单", "Review checklist", "t.item_key"),
    t("review_flags", "风险提示", "Review flags", "t.rule_id"),
    t("matrices", "竞品矩阵", "Competitor matrices", "t.name"),
    t("matrix_cell_history", "矩阵修改记录", "Matrix cell history", "COALESCE((SELECT m.name FROM matrices m WHERE m.id = t.matrix_id), '')"),
    t("sales_targets", "销售目标", "Sales targets", "t.period"),
];

pub(crate) fn info(table: &str) -> Option<&'static TableInfo> {
    TABLES.iter().find(|t| t.table == table)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::masking::kinds::REGISTRY;

    #[test]
    fn every_registry_table_has_a_label() {
        for col in REGISTRY {
            assert!(info(col.table).is_some(), "{} is in the masking registry but subject requests cannot label it", col.table);
        }
    }
}
