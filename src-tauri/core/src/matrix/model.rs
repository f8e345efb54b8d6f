//! The matrix as the core holds it in memory: definition (groups, dimensions, competitors)
//! and cells keyed by (competitor, dimension). Loaded whole from the store or from a
//! snapshot, so scoring, diffs and exports are pure functions over one [`MatrixData`].

use crate::ids::{CompetitorId, DimensionId, MatrixId};
use super::rule::Rule;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// The fixed scale of score cells, chosen per matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "MatrixScale")]
pub enum Scale {
    ZeroTen,
    MinusTwoTwo,
}

impl Scale {
    pub fn code(self) -> &'static str {
        match self {
            Self::ZeroTen => "zero_ten",
            Self::MinusTwoTwo => "minus_two_two",
        }
    }
    /// Also the file form: `0-10`, `-2..+2`.
    pub fn parse(v: &str) -> Option<Self> {
        match v.trim() {
            "zero_ten" | "0-10" | "0..10" => Some(Self::ZeroTen),
            "minus_two_two" | "-2..+2" | "-2..2" | "+-2" | "±2" => Some(Self::MinusTwoTwo),
            _ => None,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Self::ZeroTen => "0-10",
            Self::MinusTwoTwo => "-2..+2",
        }
    }
    pub fn min(self) -> Decimal {
        match self {
            Self::ZeroTen => Decimal::ZERO,
            Self::MinusTwoTwo => Decimal::from(-2),
        }
    }
    pub fn max(self) -> Decimal {
        match self {
            Self::ZeroTen => Decimal::TEN,
            Self::MinusTwoTwo => Decimal::TWO,
        }
    }
    pub fn mid(self) -> Decimal {
        (self.min() + self.max()) / Decimal::TWO
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DimensionKind {
    Score,
    YesPartialNo,
    Price,
    Number,
    Text,
    Choice,
}

impl DimensionKind {
    pub const ALL: [Self; 6] = [Self::Score, Self::YesPartialNo, Self::Price, Self::Number, Self::Text, Self::Choice];
    pub fn code(self) -> &'static str {
        match self {
            Self::Score => "score",
            Self::YesPartialNo => "yes_partial_no",
            Self::Price => "price",
            Self::Number => "number",
            Self::Text => "text",
            Self::Choice => "choice",
        }
    }
    pub fn parse(v: &str) -> Option<Self> {
        let v = v.trim().to_ascii_lowercase();
        Self::ALL.into_iter().find(|k| k.code() == v)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ypn {
    Yes,
    Partial,
    No,
}

impl Ypn {
    pub fn code(self) -> &'static str {
        match self {
            Self::Yes => "yes",
            Self::Partial => "partial",
            Self::No => "no",
        }
    }
    pub fn parse(v: &str) -> Option<Self> {
        match v.trim().to_lowercase().as_str() {
            "yes" | "y" | "是" | "有" | "支持" | "✓" => Some(Self::Yes),
            "partial" | "p" | "部分" | "部分支持" | "~" => Some(Self::Partial),
            "no" | "n" | "否" | "无" | "不支持" | "✗" => Some(Self::No),
            _ => None,
        }
    }
    pub fn zh(self) -> &'static str {
        match self {
            Self::Yes => "是",
            Self::Partial => "部分",
            Self::No => "否",
        }
    }
}

/// A known cell value; which variant a cell may hold is fixed by its dimension's kind.
/// Stored as JSON (`{"score":"7"}`, `{"price":"199"}`); decimals as exact strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CellValue {
    Score(Decimal),
    YesPartialNo(Ypn),
    /// In the dimension's currency and unit.
    Price(Decimal),
    /// In the dimension's unit.
    Number(Decimal),
    Text(String),
    Choice(String),
}

impl CellValue {
    pub fn kind(&self) -> DimensionKind {
        match self {
            Self::Score(_) => DimensionKind::Score,
            Self::YesPartialNo(_) => DimensionKind::YesPartialNo,
            Self::Price(_) => DimensionKind::Price,
            Self::Number(_) => DimensionKind::Number,
            Self::Text(_) => DimensionKind::Text,
            Self::Choice(_) => DimensionKind::Choice,
        }
    }
}

/// How sure a cell is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "EvidenceLabel")]
pub enum Label {
    Fact,
    Inference,
    Assumption,
}

impl Label {
    pub fn code(self) -> &'static str {
        match self {
            Self::Fact => "fact",
            Self::Inference => "inference",
            Self::Assumption => "assumption",
        }
    }
    pub fn parse(v: &str) -> Option<Self> {
        match v.trim().to_lowercase().as_str() {
            "fact" | "事实" => Some(Self::Fact),
            "inference" | "推断" => Some(Self::Inference),
            "assumption" | "假设" => Some(Self::Assumption),
            _ => None,
        }
    }
    pub fn zh(self) -> &'static str {
        match self {
            Self::Fact => "事实",
            Self::Inference => "推断",
            Self::Assumption => "假设",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// A URL or a note.
    pub source: String,
    pub as_of: Option<NaiveDate>,
    pub label: Option<Label>,
}

impl Evidence {
    pub fn is_empty(&self) -> bool {
        self.source.is_empty() && self.as_of.is_none() && self.label.is_none()
    }
}

/// One cell; `value: None` is unknown (not zero). A missing cell is unknown with no evidence.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    pub value: Option<CellValue>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Matrix {
    pub id: MatrixId,
    pub name: String,
    pub owner: String,
    pub scale: Scale,
    pub stale_after_days: u32,
}

/// The five seed categories every new matrix starts with: (seed, zh, en).
pub const SEED_GROUPS: [(&str, &str, &str); 5] = [
    ("features", "产品功能", "Product features"),
    ("price", "价格策略", "Price"),
    ("customers", "目标客户群", "Target customers"),
    ("channels", "销售渠道", "Sales channels"),
    ("service", "服务模式", "Service model"),
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    pub id: String,
    pub seed: Option<String>,
    pub name_zh: String,
    pub name_en: String,
    pub position: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dimension {
    pub id: DimensionId,
    pub group_id: String,
    pub name_zh: String,
    pub name_en: String,
    pub kind: DimensionKind,
    /// Price only: ISO currency code.
    pub currency: String,
    /// Price ("per seat per year") or number ("days") unit.
    pub unit: String,
    /// Choice only: the allowed values.
    pub choices: Vec<String>,
    pub weight: Decimal,
    pub rule: Rule,
    pub position: i64,
    pub hidden: bool,
}

impl Dimension {
    /// The name a file or a message uses: `中文 English`, or whichever exists.
    pub fn label(&self) -> String {
        match (self.name_zh.is_empty(), self.name_en.is_empty()) {
            (false, false) => format!("{} {}", self.name_zh, self.name_en),
            (true, _) => self.name_en.clone(),
            (false, true) => self.name_zh.clone(),
        }
    }
    /// The key that identifies a dimension in a file: the English name, else the Chinese.
    pub fn key(&self) -> &str {
        if self.name_en.is_empty() { &self.name_zh } else { &self.name_en }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Competitor {
    pub id: CompetitorId,
    pub name: String,
    pub is_ours: bool,
    pub position: i64,
    pub hidden: bool,
}

/// Battlecard notes of one competitor; each field holds lines.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BattlecardNotes {
    pub summary: String,
    /// One "objection — answer" per line.
    pub objections: String,
    pub trap_questions: String,
}

/// A whole matrix: dimensions in column order, competitors in row order (ours first).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatrixData {
    pub matrix: Matrix,
    pub groups: Vec<Group>,
    pub dimensions: Vec<Dimension>,
    pub competitors: Vec<Competitor>,
    #[serde(skip)]
    pub cells: HashMap<(CompetitorId, DimensionId), Cell>,
}

impl MatrixData {
    pub fn cell(&self, c: CompetitorId, d: DimensionId) -> Option<&Cell> {
        self.cells.get(&(c, d))
    }
    pub fn value(&self, c: CompetitorId, d: DimensionId) -> Option<&CellValue> {
        self.cells.get(&(c, d)).and_then(|cell| cell.value.as_ref())
    }
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }
    pub fn competitor(&self, id: CompetitorId) -> Option<&Competitor> {
        self.competitors.iter().find(|c| c.id == id)
    }
    pub fn dimension(&self, id: DimensionId) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.id == id)
    }
    /// Rows in display order: ours first, then by position.
    pub fn sort(&mut self) {
        self.dimensions.sort_by_key(|d| d.position);
        self.groups.sort_by_key(|g| g.position);
        self.competitors.sort_by_key(|c| (!c.is_ours, c.position));
    }
}
