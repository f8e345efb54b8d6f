//! The arguments of `dealdesk contract …` (clap): the subcommands, key-term flags, who acts,
//! and the value enums, apart from what the subcommands do (`contract.rs`).

use clap::{Args, Subcommand, ValueEnum};
use dealdesk_core::contract::{workflow, TemplateKind};
use dealdesk_core::pdf::quote::Labels;
use dealdesk_core::quote::{Actor, Role};
use dealdesk_core::CoreError;
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum ContractCommand {
    /// Make a draft contract from an accepted quote on a template; prints its number.
    New {
        #[arg(long, value_name = "QUOTE NUMBER")]
        quote: String,
        #[arg(long, value_enum, default_value = "sales")]
        template: KindArg,
        #[command(flatten)]
        terms: TermsArgs,
        #[command(flatten)]
        who: Who,
    },
    /// List contracts: number, id, status, customer.
    List,
    /// Show a contract: terms, status, history, and its clauses filled in.
    Show {
        number: String,
        #[arg(long, value_enum, default_value = "both")]
        lang: LangArg,
    },
    /// Change key terms (only those given); a signed-off contract goes back to review.
    Terms {
        number: String,
        #[command(flatten)]
        terms: TermsArgs,
        #[command(flatten)]
        who: Who,
    },
    /// Replace the text of clause N (placeholders are checked).
    Edit {
        number: String,
        #[arg(long)]
        clause: u32,
        #[arg(long, default_value = "")]
        zh: String,
        #[arg(long, default_value = "")]
        en: String,
        #[command(flatten)]
        who: Who,
    },
    /// Swap clause N for library fallback K (0 = back to the standard text).
    Fallback {
        number: String,
        #[arg(long)]
        clause: u32,
        #[arg(long = "use", value_name = "K")]
        fallback: u32,
        #[command(flatten)]
        who: Who,
    },
    /// Add a free-text clause at the end.
    AddClause {
        number: String,
        #[arg(long, value_name = "TOPIC")]
        topic: String,
        #[arg(long, default_value = "")]
        zh: String,
        #[arg(long, default_value = "")]
        en: String,
        #[command(flatten)]
        who: Who,
    },
    /// Run the rules (a draft is sent to review first) and print flags and checklist; exit 3
    /// while a high-severity flag is open.
    Review {
        number: String,
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        who: Who,
    },
    /// Legal: waive an open flag (by id, id prefix or rule id) with the reason.
    Waive {
        number: String,
        #[arg(long)]
        flag: String,
        #[arg(long)]
        reason: String,
        #[command(flatten)]
        who: Who,
    },
    /// Legal: mark a checklist item pass / accepted / change-required.
    Decide {
        number: String,
        #[arg(long)]
        item: String,
        #[arg(long, value_enum)]
        status: DecisionArg,
        #[arg(long, default_value = "")]
        reason: String,
        #[command(flatten)]
        who: Who,
    },
    /// Legal: send the contract back with what to change.
    RequestChanges {
        number: String,
        #[arg(long)]
        comment: String,
        #[command(flatten)]
        who: Who,
    },
    /// Legal: sign off (refused while a high-severity flag is open).
    SignOff {
        number: String,
        #[arg(long, default_value = "")]
        comment: String,
        #[command(flatten)]
        who: Who,
    },
    /// Record signed / active / expired / terminated after sign-off.
    Mark {
        number: String,
        #[arg(value_enum)]
        to: MarkArg,
        #[command(flatten)]
        who: Who,
    },
    /// Render the PDF: final only after legal's sign-off (refused with the reason), or --draft.
    #[command(alias = "pdf")]
    Render {
        /// The contract number (C-2026-0001).
        #[arg(long)]
        number: String,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
        #[arg(long, value_enum, default_value = "both")]
        lang: LangArg,
        /// The 草稿 DRAFT-watermarked PDF (always allowed).
        #[arg(long)]
        draft: bool,
    },
    /// Legal's review report as PDF: flags, waivers, checklist decisions, sign-off and
    /// history, who and when (any status; the export is audited).
    ReviewReport {
        /// The contract number (C-2026-0001).
        #[arg(long)]
        number: String,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
        #[arg(long, value_enum, default_value = "both")]
        lang: LangArg,
    },
    /// Templates as JSON files: check, save as a new version, export the default.
    #[command(subcommand)]
    Template(super::contract_template::TemplateCommand),
}


#[derive(Args, Debug, Default)]
pub struct TermsArgs {
    #[arg(long)]
    payment_days: Option<u32>,
    #[arg(long)]
    delivery_days: Option<u32>,
    #[arg(long)]
    acceptance_days: Option<u32>,
    /// Percent of the contract value (100 = the whole value).
    #[arg(long)]
    liability_cap_pct: Option<String>,
    #[arg(long)]
    warranty_months: Option<u32>,
    #[arg(long)]
    term_months: Option<u32>,
    #[arg(long)]
    auto_renew: Option<bool>,
    #[arg(long)]
    non_renewal_notice_days: Option<u32>,
    #[arg(long)]
    public_body: Option<bool>,
}

impl TermsArgs {
    pub(super) fn change(&self) -> Result<workflow::TermsChange, CoreError> {
        Ok(workflow::TermsChange {
            payment_days: self.payment_days,
            delivery_days: self.delivery_days,
            acceptance_days: self.acceptance_days,
            liability_cap_pct: self.liability_cap_pct.as_deref().map(workflow::parse_cap).transpose()?,
            warranty_months: self.warranty_months,
            term_months: self.term_months,
            auto_renew: self.auto_renew,
            non_renewal_notice_days: self.non_renewal_notice_days,
            public_body: self.public_body,
        })
    }
}

#[derive(Args, Debug)]
pub struct Who {
    /// Who acts (default: the operating-system user).
    #[arg(long = "as", value_name = "NAME")]
    name: Option<String>,
    #[arg(long, value_enum, default_value = "sales")]
    role: RoleArg,
}

impl Who {
    pub(super) fn actor(&self) -> Actor {
        let role = match self.role {
            RoleArg::Sales => Role::Sales,
            RoleArg::Manager => Role::Manager,
            RoleArg::Director => Role::Director,
            RoleArg::Legal => Role::Legal,
        };
        Actor { name: self.name.clone().unwrap_or_else(dealdesk_core::audit::actor), role }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum RoleArg {
    Sales,
    Manager,
    Director,
    Legal,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum KindArg {
    Sales,
    Distribution,
    Service,
    Nda,
}

impl From<KindArg> for TemplateKind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::Sales => Self::Sales,
            KindArg::Distribution => Self::Distribution,
            KindArg::Service => Self::Service,
            KindArg::Nda => Self::Nda,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum LangArg {
    Zh,
    En,
    Both,
}

impl From<LangArg> for Labels {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Zh => Self::Zh,
            LangArg::En => Self::En,
            LangArg::Both => Self::Bilingual,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum DecisionArg {
    Pass,
    Accepted,
    ChangeRequired,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum MarkArg {
    Signed,
    Active,
    Expired,
    Terminated,
}
