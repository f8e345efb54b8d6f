//! The kinds of personal data DealDesk knows, how sensitive each is (PIPL art. 28), and the
//! one registry of which store column holds which kind. Masking, exports, logs and subject
//! requests all read this list, so a new personal column is declared here and nowhere else.

use serde::{Deserialize, Serialize};

/// General personal information or sensitive personal information (PIPL art. 28: identity
/// documents, financial accounts, precise location and the like).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sensitivity {
    General,
    Sensitive,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PiiKind {
    Name,
    Mobile,
    Landline,
    Email,
    ResidentId,
    ResidentId15,
    Uscc,
    BankCard,
    Passport,
    LicencePlate,
    Ipv4,
    Ipv6,
    Address,
    BirthDate,
}

impl PiiKind {
    pub const ALL: [PiiKind; 14] = [
        Self::Name,
        Self::Mobile,
        Self::Landline,
        Self::Email,
        Self::ResidentId,
        Self::ResidentId15,
        Self::Uscc,
        Self::BankCard,
        Self::Passport,
        Self::LicencePlate,
        Self::Ipv4,
        Self::Ipv6,
        Self::Address,
        Self::BirthDate,
    ];

    /// The name used in JSON (policies, scan output) and on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Mobile => "mobile",
            Self::Landline => "landline",
            Self::Email => "email",
            Self::ResidentId => "resident_id",
            Self::ResidentId15 => "resident_id_15",
            Self::Uscc => "uscc",
            Self::BankCard => "bank_card",
            Self::Passport => "passport",
            Self::LicencePlate => "licence_plate",
            Self::Ipv4 => "ipv4",
            Self::Ipv6 => "ipv6",
            Self::Address => "address",
            Self::BirthDate => "birth_date",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn sensitivity(self) -> Sensitivity {
        match self {
            Self::ResidentId | Self::ResidentId15 | Self::BankCard | Self::Passport | Self::BirthDate => Sensitivity::Sensitive,
            Self::Name | Self::Mobile | Self::Landline | Self::Email | Self::Uscc | Self::LicencePlate | Self::Ipv4 | Self::Ipv6 | Self::Address => {
                Sensitivity::General
            }
        }
    }

    /// Kinds whose value is about a company rather than a person (a USCC names a business;
    /// it is personal only for sole traders, so policies may treat it more lightly).
    pub fn is_personal(self) -> bool {
        !matches!(self, Self::Uscc)
    }
}

impl std::fmt::Display for PiiKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// One store column that holds personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PersonalColumn {
    pub table: &'static str,
    pub column: &'static str,
    pub kind: PiiKind,
    /// Free text that may hold any kind (notes): scanned, not masked as a whole.
    pub free_text: bool,
}

const fn col(table: &'static str, column: &'static str, kind: PiiKind) -> PersonalColumn {
    PersonalColumn { table, column, kind, free_text: false }
}

const fn notes(table: &'static str, column: &'static str) -> PersonalColumn {
    PersonalColumn { table, column, kind: PiiKind::Name, free_text: true }
}

/// Every column of migrations/*.sql that holds personal data. `customers.name` is a company
/// name and is not listed; owners and actors are employees' names.
pub const REGISTRY: &[PersonalColumn] = &[
    col("contacts", "name", PiiKind::Name),
    col("contacts", "mobile", PiiKind::Mobile),
    col("contacts", "email", PiiKind::Email),
    col("customers", "owner", PiiKind::Name),
    notes("customers", "notes"),
    col("opportunities", "owner", PiiKind::Name),
    col("quotes", "owner", PiiKind::Name),
    notes("quotes", "notes"),
    col("quote_events", "actor", PiiKind::Name),
    notes("quote_events", "comment"),
    col("audit_log", "actor", PiiKind::Name),
    // Channel partners' payout account (migrations/20261202000002_partners.sql): the holder
    // may be a person (sole trader); the number is a financial account (sensitive).
    col("partners", "bank_account_holder", PiiKind::Name),
    col("partners", "bank_account_number", PiiKind::BankCard),
    col("sales_reps", "name", PiiKind::Name),
    col("matrices", "owner", PiiKind::Name),
    col("matrix_cell_history", "actor", PiiKind::Name),
];

/// The registered kind of `table.column`, if it holds one kind of personal data.
pub fn column_kind(table: &str, column: &str) -> Option<PiiKind> {
    REGISTRY.iter().find(|c| c.table == table && c.column == column && !c.free_text).map(|c| c.kind)
}

/// File headers (normalised: lower case, `_` for spaces and dashes) that name a kind.
const HEADERS: &[(PiiKind, &[&str])] = &[
    (PiiKind::Name, &["姓名", "联系人", "名字", "客户姓名", "联系人姓名", "contact", "contact_name", "full_name", "person", "owner", "负责人"]),
    (PiiKind::Mobile, &["手机", "手机号", "手机号码", "移动电话", "mobile", "mobile_phone", "cell", "cellphone", "cell_phone"]),
    (PiiKind::Landline, &["座机", "固话", "固定电话", "办公电话", "landline", "tel", "telephone", "office_phone"]),
    (PiiKind::Email, &["邮箱", "电子邮件", "电子邮箱", "email", "e_mail", "mail"]),
    (PiiKind::ResidentId, &["身份证", "身份证号", "身份证号码", "证件号", "证件号码", "id_card", "id_number", "resident_id"]),
    (PiiKind::Uscc, &["统一社会信用代码", "信用代码", "uscc", "credit_code"]),
    (PiiKind::BankCard, &["银行卡", "银行卡号", "卡号", "银行账号", "bank_card", "card_number", "account_number"]),
    (PiiKind::Passport, &["护照", "护照号", "护照号码", "passport", "passport_no", "passport_number"]),
    (PiiKind::LicencePlate, &["车牌", "车牌号", "licence_plate", "license_plate", "plate"]),
    (PiiKind::Address, &["地址", "住址", "联系地址", "通讯地址", "家庭住址", "address", "home_address"]),
    (PiiKind::BirthDate, &["出生日期", "生日", "出生年月", "birth_date", "birthday", "date_of_birth", "dob"]),
];

pub fn normalise_header(header: &str) -> String {
    header.trim_start_matches('\u{feff}').trim().to_lowercase().replace([' ', '-'], "_")
}

/// The kind of every column of a file, from its header. A bare `name` column counts as a
/// person's name only beside a mobile or e-mail column (a contacts file); in a customers
/// file it is a company name. Columns without a kind are scanned cell by cell.
pub fn header_kinds(headers: &[String]) -> Vec<Option<PiiKind>> {
    let mut kinds: Vec<Option<PiiKind>> = headers
        .iter()
        .map(|h| {
            let h = normalise_header(h);
            HEADERS.iter().find(|(_, names)| names.contains(&h.as_str())).map(|(k, _)| *k)
        })
        .collect();
    let contacts_like = kinds.iter().any(|k| matches!(k, Some(PiiKind::Mobile | PiiKind::Email)));
    if contacts_like {
        for (kind, header) in kinds.iter_mut().zip(headers) {
            if kind.is_none() && normalise_header(header) == "name" {
                *kind = Some(PiiKind::Name);
            }
        }
    }
    kinds
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back_and_ids_are_sensitive() {
        for k in PiiKind::ALL {
            assert_eq!(PiiKind::parse(k.code()), Some(k));
        }
        assert_eq!(PiiKind::ResidentId.sensitivity(), Sensitivity::Sensitive);
        assert_eq!(PiiKind::BankCard.sensitivity(), Sensitivity::Sensitive);
        assert_eq!(PiiKind::Mobile.sensitivity(), Sensitivity::General);
    }

    #[test]
    fn the_registry_names_contact_columns() {
        assert_eq!(column_kind("contacts", "mobile"), Some(PiiKind::Mobile));
        assert_eq!(column_kind("contacts", "email"), Some(PiiKind::Email));
        assert_eq!(column_kind("contacts", "name"), Some(PiiKind::Name));
        assert_eq!(column_kind("customers", "name"), None, "a company name");
        assert_eq!(column_kind("customers", "notes"), None, "free text is scanned");
        assert_eq!(column_kind("partners", "bank_account_number"), Some(PiiKind::BankCard));
        assert_eq!(column_kind("partners", "bank_account_holder"), Some(PiiKind::Name));
    }

    #[test]
    fn headers_map_to_kinds_and_bare_name_needs_a_contacts_file() {
        let h = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(header_kinds(&h(&["手机号", "Email", "身份证号", "备注"])), vec![Some(PiiKind::Mobile), Some(PiiKind::Email), Some(PiiKind::ResidentId), None]);
        assert_eq!(header_kinds(&h(&["name", "mobile"]))[0], Some(PiiKind::Name));
        assert_eq!(header_kinds(&h(&["name", "industry"]))[0], None);
    }
}
