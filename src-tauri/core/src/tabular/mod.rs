//! Tables as files: reading CSV/XLSX into rows of text, importing them all-or-nothing, and
//! exporting live records. One column list per table ([`columns`]) serves both directions,
//! so an export imports back unchanged.

pub mod columns;
pub mod export;
pub mod import;
pub mod read;
pub mod write;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum TableName {
    Customers,
    Contacts,
    Products,
    Opportunities,
}

impl TableName {
    pub const ALL: [TableName; 4] = [Self::Customers, Self::Contacts, Self::Products, Self::Opportunities];

    pub fn code(self) -> &'static str {
        match self {
            Self::Customers => "customers",
            Self::Contacts => "contacts",
            Self::Products => "products",
            Self::Opportunities => "opportunities",
        }
    }

    pub fn parse(v: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.code() == v.trim().to_ascii_lowercase())
    }
}

impl std::fmt::Display for TableName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum FileFormat {
    Csv,
    Xlsx,
}

impl FileFormat {
    /// From the file name's extension: .csv/.tsv/.txt are CSV, .xlsx is XLSX.
    pub fn from_file_name(name: &str) -> Option<Self> {
        let ext = std::path::Path::new(name).extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" | "tsv" | "txt" => Some(Self::Csv),
            "xlsx" => Some(Self::Xlsx),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportReport {
    pub table: TableName,
    pub file_name: String,
    pub inserted: u32,
    pub updated: u32,
}

/// A value in an exported row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(rust_decimal::Decimal),
    Bool(bool),
}

/// A file read into text cells: the header and the data rows (row `i` is spreadsheet row `i + 2`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sheet {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Characters that make a spreadsheet treat a cell as a formula. Exports prefix such text
/// cells with `'` (OWASP CSV injection advice); imports take the prefix off again.
pub(crate) fn is_formula_start(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}
