//! The columns of each table as files know them: canonical names (the export header, in
//! this order), the other headers an import accepts (Chinese labels, spaced English), and
//! which columns hold personal data (their values are masked in import error reports).

use super::TableName;

pub struct Column {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub personal: bool,
}

const fn col(name: &'static str, aliases: &'static [&'static str]) -> Column {
    Column { name, aliases, personal: false }
}

const fn pii(name: &'static str, aliases: &'static [&'static str]) -> Column {
    Column { name, aliases, personal: true }
}

const CUSTOMERS: &[Column] = &[
    col("id", &["编号"]),
    col("name", &["客户名称", "名称", "客户", "customer", "customer name"]),
    col("industry", &["行业"]),
    col("size", &["规模", "企业规模", "company size"]),
    col("region", &["区域", "地区"]),
    col("tier", &["等级", "客户等级", "abc", "abc tier"]),
    col("owner", &["负责人", "销售"]),
    col("notes", &["备注", "note"]),
];

const CONTACTS: &[Column] = &[
    col("id", &["编号"]),
    col("customer_id", &["客户编号", "客户id"]),
    col("customer_name", &["客户", "客户名称", "customer", "company"]),
    pii("name", &["姓名", "联系人", "contact", "contact name"]),
    col("title", &["职位", "职务", "job title"]),
    pii("mobile", &["手机", "手机号", "手机号码", "phone", "mobile phone"]),
    pii("email", &["邮箱", "电子邮件", "e-mail", "mail"]),
];

const PRODUCTS: &[Column] = &[
    col("id", &["编号"]),
    col("sku", &["物料编码", "编码", "产品编码"]),
    col("name", &["名称", "产品名称", "product", "product name"]),
    col("product_line", &["产品线", "product line"]),
    col("unit", &["单位"]),
    col("list_price", &["目录价", "标准价", "单价", "list price", "price"]),
    col("cost", &["成本", "成本价"]),
    col("tax_rate_pct", &["税率", "税率(%)", "税率%", "tax rate", "tax rate %", "tax_rate"]),
    col("currency", &["币种", "货币"]),
    col("active", &["启用", "有效", "状态"]),
];

const OPPORTUNITIES: &[Column] = &[
    col("id", &["编号"]),
    col("customer_id", &["客户编号", "客户id"]),
    col("customer_name", &["客户", "客户名称", "customer", "account"]),
    col("name", &["商机名称", "名称", "商机", "opportunity"]),
    col("stage", &["阶段", "销售阶段"]),
    col("amount", &["金额", "预计金额", "value"]),
    col("currency", &["币种", "货币"]),
    col("expected_close", &["预计成交日期", "预计成交", "close date", "expected close"]),
    col("probability_pct", &["赢率", "概率", "成交概率", "probability", "probability %"]),
    col("competitor", &["竞争对手", "竞品"]),
    col("owner", &["负责人", "销售"]),
];

pub fn columns(table: TableName) -> &'static [Column] {
    match table {
        TableName::Customers => CUSTOMERS,
        TableName::Contacts => CONTACTS,
        TableName::Products => PRODUCTS,
        TableName::Opportunities => OPPORTUNITIES,
    }
}

/// Columns a file must have for rows to make sense (one of each group).
pub fn required(table: TableName) -> &'static [&'static [&'static str]] {
    match table {
        TableName::Customers => &[&["name"]],
        TableName::Contacts => &[&["name"]],
        TableName::Products => &[&["sku"], &["name"], &["list_price"], &["cost"], &["tax_rate_pct"], &["currency"]],
        TableName::Opportunities => &[&["customer_id", "customer_name"], &["name"], &["stage"], &["amount"], &["currency"]],
    }
}

/// The canonical column a file header means, ignoring case, spaces vs underscores and a BOM.
pub fn canonical(table: TableName, header: &str) -> Option<&'static Column> {
    canonical_in(columns(table), header)
}

/// The same lookup over any column list (the partner area's files have their own lists).
pub fn canonical_in(columns: &'static [Column], header: &str) -> Option<&'static Column> {
    let h = normalize(header);
    columns.iter().find(|c| normalize(c.name) == h || c.aliases.iter().any(|a| normalize(a) == h))
}

fn normalize(s: &str) -> String {
    s.trim_start_matches('\u{feff}').trim().to_lowercase().replace([' ', '-'], "_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_and_spaced_headers_map_to_canonical_columns() {
        assert_eq!(canonical(TableName::Products, "税率(%)").map(|c| c.name), Some("tax_rate_pct"));
        assert_eq!(canonical(TableName::Products, "List Price").map(|c| c.name), Some("list_price"));
        assert_eq!(canonical(TableName::Contacts, "手机号").map(|c| c.name), Some("mobile"));
        assert!(canonical(TableName::Customers, "favourite colour").is_none());
    }
}
