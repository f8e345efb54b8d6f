//! What a contract is made of: the twelve clause topics, the four template kinds, the key
//! terms a user fills from the quote, the status flow, and the clauses as the library holds
//! them and as a contract holds its own (edited) copy.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

macro_rules! code_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        #[serde(rename_all = "snake_case")]
        #[ts(export)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn parse(code: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.code() == code.trim())
            }
        }
    };
}

code_enum!(
    /// The twelve topics a clause belongs to (every default template covers all of them).
    Topic {
        Parties = "parties",
        Scope = "scope",
        PricePayment = "price_payment",
        DeliveryAcceptance = "delivery_acceptance",
        IntellectualProperty = "intellectual_property",
        Confidentiality = "confidentiality",
        Warranty = "warranty",
        LiabilityIndemnity = "liability_indemnity",
        ForceMajeure = "force_majeure",
        TermTermination = "term_termination",
        DisputeResolution = "dispute_resolution",
        GoverningLaw = "governing_law",
    }
);

code_enum!(
    /// The kinds of contract a template makes.
    TemplateKind {
        Sales = "sales",
        Distribution = "distribution",
        Service = "service",
        Nda = "nda",
    }
);

code_enum!(
    /// draft → in review → changes requested / approved (legal signed off) → signed → active →
    /// expired / terminated.
    ContractStatus {
        Draft = "draft",
        InReview = "in_review",
        ChangesRequested = "changes_requested",
        Approved = "approved",
        Signed = "signed",
        Active = "active",
        Expired = "expired",
        Terminated = "terminated",
    }
);

code_enum!(
    /// Where a contract clause's text came from.
    ClauseSource {
        Standard = "standard",
        Fallback = "fallback",
        Edited = "edited",
        Free = "free",
    }
);

impl Topic {
    pub fn title(self) -> (&'static str, &'static str) {
        match self {
            Self::Parties => ("合同当事人", "Parties"),
            Self::Scope => ("合同标的与范围", "Scope"),
            Self::PricePayment => ("价款与支付", "Price and payment"),
            Self::DeliveryAcceptance => ("交付与验收", "Delivery and acceptance"),
            Self::IntellectualProperty => ("知识产权", "Intellectual property"),
            Self::Confidentiality => ("保密", "Confidentiality"),
            Self::Warranty => ("质量保证", "Warranty"),
            Self::LiabilityIndemnity => ("责任与赔偿", "Liability and indemnity"),
            Self::ForceMajeure => ("不可抗力", "Force majeure"),
            Self::TermTermination => ("期限与终止", "Term and termination"),
            Self::DisputeResolution => ("争议解决", "Dispute resolution"),
            Self::GoverningLaw => ("适用法律", "Governing law"),
        }
    }
}

impl TemplateKind {
    pub fn name(self) -> (&'static str, &'static str) {
        match self {
            Self::Sales => ("销售合同", "Sales Contract"),
            Self::Distribution => ("经销协议", "Distribution Agreement"),
            Self::Service => ("服务协议", "Service Agreement"),
            Self::Nda => ("保密协议", "Non-Disclosure Agreement"),
        }
    }

    /// Whether the contract is paid for (an NDA is not): the payment rules apply.
    pub fn has_payment(self) -> bool {
        self != Self::Nda
    }

    /// Whether something is delivered and accepted: the delivery rules apply.
    pub fn has_delivery(self) -> bool {
        self != Self::Nda
    }

    /// Whether the contract has a fixed term with renewal (a one-off sale need not).
    pub fn has_term(self) -> bool {
        self != Self::Sales
    }
}

impl ContractStatus {
    /// Clauses and terms can change; a change after sign-off reopens the review.
    pub fn is_editable(self) -> bool {
        matches!(self, Self::Draft | Self::InReview | Self::ChangesRequested | Self::Approved)
    }

    /// Legal has signed off: the final PDF may be produced.
    pub fn is_signed_off(self) -> bool {
        matches!(self, Self::Approved | Self::Signed | Self::Active | Self::Expired | Self::Terminated)
    }
}

/// The terms a user fills when making a contract (None = not agreed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct KeyTerms {
    pub payment_days: Option<u32>,
    pub delivery_days: Option<u32>,
    /// Days the buyer has to inspect before the delivery is deemed accepted.
    pub acceptance_days: Option<u32>,
    /// Liability cap as a percent of the contract value (100 = the whole value).
    #[ts(type = "string | null")]
    pub liability_cap_pct: Option<Decimal>,
    pub warranty_months: Option<u32>,
    pub term_months: Option<u32>,
    pub auto_renew: bool,
    pub non_renewal_notice_days: Option<u32>,
    /// A government body or state institution: a tighter payment limit applies.
    pub public_body: bool,
}

impl Default for KeyTerms {
    /// The house position: what the default library is written for.
    fn default() -> Self {
        Self {
            payment_days: Some(30),
            delivery_days: Some(30),
            acceptance_days: Some(10),
            liability_cap_pct: Some(Decimal::from(100)),
            warranty_months: Some(12),
            term_months: Some(12),
            auto_renew: false,
            non_renewal_notice_days: Some(30),
            public_body: false,
        }
    }
}

/// One fallback position legal accepts for a clause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, rename = "ClauseFallback")]
pub struct Fallback {
    pub zh: String,
    pub en: String,
}

/// A clause as the library holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LibraryClause {
    pub key: String,
    pub topic: Topic,
    #[serde(default)]
    pub version: u32,
    pub title_zh: String,
    pub title_en: String,
    pub zh: String,
    pub en: String,
    #[serde(default)]
    pub fallbacks: Vec<Fallback>,
}

/// A template: ordered clause keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, rename = "ContractTemplate")]
pub struct Template {
    pub kind: TemplateKind,
    #[serde(default)]
    pub version: u32,
    pub name_zh: String,
    pub name_en: String,
    pub clauses: Vec<String>,
}

/// A clause of one contract, as edited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ContractClause {
    /// 1-based print order ("第 3 条").
    pub position: u32,
    pub clause_key: Option<String>,
    pub topic: Topic,
    pub title_zh: String,
    pub title_en: String,
    /// With placeholders, as stored.
    pub zh: String,
    pub en: String,
    pub source: ClauseSource,
    pub fallback_position: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ContractEvent {
    /// The event's row id (to reveal its actor or comment).
    pub id: String,
    pub from_status: Option<ContractStatus>,
    pub to_status: ContractStatus,
    pub actor: String,
    pub role: String,
    pub comment: String,
    pub at: String,
    /// Fields shown masked by the data view's policy (`actor`, `comment`); empty in clear.
    pub masked: Vec<String>,
}

/// A contract as the window, the CLI and the PDF see it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Contract {
    pub id: String,
    pub number: String,
    pub status: ContractStatus,
    pub kind: TemplateKind,
    pub quote_id: String,
    pub quote_number: String,
    pub customer_id: String,
    pub customer_name: String,
    pub currency: String,
    #[ts(type = "string")]
    pub contract_value: Decimal,
    pub contract_date: String,
    pub terms: KeyTerms,
    pub clauses: Vec<ContractClause>,
    pub events: Vec<ContractEvent>,
    /// Who made the contract (an employee's name: personal data, shown through the data view).
    pub owner: String,
    pub created_at: String,
    pub updated_at: String,
    /// Fields shown masked by the data view's policy (`owner`); empty in clear.
    pub masked: Vec<String>,
}
