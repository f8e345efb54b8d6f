//! Which operator applies to each kind of personal data, per role. Built-in policies for the
//! five roles (admin sees clear data, trade_show masks everything) and the default policy;
//! user policies come from JSON (format in docs/masking.md) and are checked field by field,
//! so a typo in a kind or operator is reported by name instead of leaving data in clear.

use super::kinds::PiiKind;
use super::operators::{can_generalise, Operator};
use crate::error::{CoreError, CoreResult, FieldCode, FieldError};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::path::Path;

/// The masking role: whose eyes data is shown to (the window's data view role, a policy name
/// on the command line). Not the quote-approval role of `quote::Role`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "DataViewRole")]
pub enum Role {
    Admin,
    SalesOps,
    Legal,
    Distributor,
    TradeShow,
}

impl Role {
    pub const ALL: [Role; 5] = [Self::Admin, Self::SalesOps, Self::Legal, Self::Distributor, Self::TradeShow];

    pub fn code(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::SalesOps => "sales_ops",
            Self::Legal => "legal",
            Self::Distributor => "distributor",
            Self::TradeShow => "trade_show",
        }
    }

    pub fn parse(v: &str) -> Option<Self> {
        let v = v.trim().to_ascii_lowercase().replace('-', "_");
        Self::ALL.into_iter().find(|r| r.code() == v)
    }

    /// The policy the role sees data through.
    pub fn policy(self) -> Policy {
        let keep_general = |k: PiiKind| k.sensitivity() == super::kinds::Sensitivity::General;
        match self {
            Self::Admin => Policy::uniform("admin", Operator::Keep),
            Self::SalesOps => Policy::default_policy().renamed("sales_ops").keeping(keep_general),
            Self::Legal => Policy::default_policy().renamed("legal").keeping(|k| matches!(k, PiiKind::Name | PiiKind::Address | PiiKind::Uscc)),
            Self::Distributor => Policy::default_policy().renamed("distributor").keeping(|k| !k.is_personal()),
            Self::TradeShow => Policy::uniform("trade_show", Operator::Redact { text: None }),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    pub name: String,
    rules: BTreeMap<PiiKind, Operator>,
    /// Detections in free text below this confidence are left alone.
    pub min_confidence: f32,
}

/// Names `--policy` accepts besides a JSON file.
pub const BUILT_IN: [&str; 6] = ["default", "admin", "sales_ops", "legal", "distributor", "trade_show"];

impl Policy {
    pub fn default_policy() -> Self {
        Self { name: "default".into(), rules: PiiKind::ALL.into_iter().map(|k| (k, Operator::default_for(k))).collect(), min_confidence: 0.0 }
    }

    fn uniform(name: &str, op: Operator) -> Self {
        Self { name: name.into(), rules: PiiKind::ALL.into_iter().map(|k| (k, op.clone())).collect(), min_confidence: 0.0 }
    }

    fn renamed(mut self, name: &str) -> Self {
        self.name = name.into();
        self
    }

    fn keeping(mut self, keep: impl Fn(PiiKind) -> bool) -> Self {
        for (k, op) in self.rules.iter_mut() {
            if keep(*k) {
                *op = Operator::Keep;
            }
        }
        self
    }

    pub fn operator(&self, kind: PiiKind) -> &Operator {
        self.rules.get(&kind).unwrap_or(&Operator::Keep)
    }

    /// Whether this policy hides at least what `other` hides, kind by kind: what `other`
    /// redacts this one redacts, what `other` masks (or generalises, hashes, tokenises) this
    /// one does not keep in clear (an export may never show more than the viewer sees).
    pub fn at_least_as_strict_as(&self, other: &Policy) -> bool {
        // How much of a value an operator leaves visible: all, part (or recoverable), none.
        let shown = |op: &Operator| match op {
            Operator::Keep => 2,
            Operator::Redact { .. } => 0,
            Operator::Mask { .. } | Operator::Generalise | Operator::Hash | Operator::Token => 1,
        };
        PiiKind::ALL.into_iter().all(|k| shown(self.operator(k)) <= shown(other.operator(k)))
    }

    /// This policy with every kind it keeps in clear masked the default way: for texts that
    /// should never carry personal data in clear (audit details, reasons), whoever looks.
    pub fn masking_everything(&self) -> Policy {
        let mut out = self.clone();
        for (k, op) in out.rules.iter_mut() {
            if matches!(op, Operator::Keep) {
                *op = Operator::default_for(*k);
            }
        }
        out
    }

    /// Whether applying the policy needs the pseudonymisation key (hash or token rules).
    pub fn needs_keys(&self) -> bool {
        self.rules.values().any(Operator::needs_keys)
    }

    pub fn built_in(name: &str) -> Option<Self> {
        if name.trim().eq_ignore_ascii_case("default") {
            return Some(Self::default_policy());
        }
        Role::parse(name).map(Role::policy)
    }

    /// A built-in name, or a JSON policy file.
    pub fn resolve(name_or_file: &str) -> CoreResult<Self> {
        let path = Path::new(name_or_file);
        if path.is_file() || name_or_file.ends_with(".json") {
            let text = std::fs::read_to_string(path).map_err(|e| CoreError::io(format!("cannot read policy file {}", path.display()), e))?;
            return Self::from_json(&text);
        }
        Self::built_in(name_or_file)
            .ok_or_else(|| CoreError::BadRequest(format!("unknown policy '{name_or_file}': use one of {} or a JSON policy file", BUILT_IN.join(", "))))
    }

    /// A policy from JSON: `{"name", "base", "min_confidence", "rules": {kind: operator}}`.
    pub fn from_json(text: &str) -> CoreResult<Self> {
        let value: Value = serde_json::from_str(text).map_err(|e| invalid(vec![field("policy", FieldCode::Unreadable, format!("not valid JSON: {e}"))]))?;
        let Value::Object(obj) = value else { return Err(invalid(vec![field("policy", FieldCode::Unreadable, "must be a JSON object".into())])) };
        let mut errors = Vec::new();
        for key in obj.keys().filter(|k| !matches!(k.as_str(), "name" | "base" | "min_confidence" | "rules")) {
            errors.push(field(key, FieldCode::UnknownValue, format!("unknown field '{key}' (expected name, base, min_confidence, rules)")));
        }
        let base = match obj.get("base") {
            None => Some(Self::default_policy()),
            Some(Value::String(b)) => Self::built_in(b).or_else(|| {
                errors.push(field("base", FieldCode::UnknownValue, format!("unknown base policy '{b}' (one of {})", BUILT_IN.join(", "))));
                None
            }),
            Some(_) => {
                errors.push(field("base", FieldCode::UnknownValue, "must be the name of a built-in policy".into()));
                None
            }
        };
        let mut policy = base.unwrap_or_else(Self::default_policy);
        policy.name = match obj.get("name") {
            Some(Value::String(n)) if !n.trim().is_empty() => n.trim().to_string(),
            None => "custom".into(),
            Some(_) => {
                errors.push(field("name", FieldCode::Required, "must be a non-empty string".into()));
                String::new()
            }
        };
        match obj.get("min_confidence") {
            None => {}
            Some(v) => match v.as_f64() {
                Some(c) if (0.0..=1.0).contains(&c) => policy.min_confidence = c as f32,
                _ => errors.push(field("min_confidence", FieldCode::OutOfRange, "must be a number from 0 to 1".into())),
            },
        }
        match obj.get("rules") {
            None => {}
            Some(Value::Object(rules)) => {
                for (kind_code, op) in rules {
                    let name = format!("rules.{kind_code}");
                    let Some(kind) = PiiKind::parse(kind_code) else {
                        let known: Vec<&str> = PiiKind::ALL.iter().map(|k| k.code()).collect();
                        errors.push(field(&name, FieldCode::UnknownValue, format!("unknown kind '{kind_code}' (known: {})", known.join(", "))));
                        continue;
                    };
                    match parse_operator(kind, op, &name) {
                        Ok(op) => {
                            policy.rules.insert(kind, op);
                        }
                        Err(e) => errors.push(e),
                    }
                }
            }
            Some(_) => errors.push(field("rules", FieldCode::UnknownValue, "must be an object of kind: operator".into())),
        }
        if errors.is_empty() {
            Ok(policy)
        } else {
            Err(invalid(errors))
        }
    }
}

fn field(name: &str, code: FieldCode, message: String) -> FieldError {
    FieldError { field: name.to_string(), code, message }
}

fn invalid(errors: Vec<FieldError>) -> CoreError {
    CoreError::Validation(errors)
}

const OPERATORS: &str = "keep, mask, redact, generalise, hash, token";

fn parse_operator(kind: PiiKind, value: &Value, name: &str) -> Result<Operator, FieldError> {
    let empty = Map::new();
    let (op, obj) = match value {
        Value::String(s) => (s.as_str(), &empty),
        Value::Object(o) => match o.get("op") {
            Some(Value::String(s)) => (s.as_str(), o),
            _ => return Err(field(&format!("{name}.op"), FieldCode::Required, format!("an operator object needs \"op\" (one of {OPERATORS})"))),
        },
        _ => return Err(field(name, FieldCode::UnknownValue, format!("must be an operator name ({OPERATORS}) or object"))),
    };
    let allowed: &[&str] = match op {
        "mask" => &["op", "keep_first", "keep_last", "mask"],
        "redact" => &["op", "text"],
        _ => &["op"],
    };
    if let Some(extra) = obj.keys().find(|k| !allowed.contains(&k.as_str())) {
        return Err(field(&format!("{name}.{extra}"), FieldCode::UnknownValue, format!("'{extra}' does not apply to the {op} operator")));
    }
    let count = |key: &str| -> Result<Option<usize>, FieldError> {
        match obj.get(key) {
            None => Ok(None),
            Some(v) => v.as_u64().filter(|n| *n <= 64).map(|n| Some(n as usize)).ok_or_else(|| field(&format!("{name}.{key}"), FieldCode::OutOfRange, "must be a whole number from 0 to 64".into())),
        }
    };
    Ok(match op {
        "keep" => Operator::Keep,
        "mask" => {
            let (default_first, default_last) = match Operator::default_for(kind) {
                Operator::Mask { keep_first, keep_last, .. } => (keep_first, keep_last),
                _ => (Some(0), 0),
            };
            let mask = match obj.get("mask") {
                None => '*',
                Some(Value::String(s)) if s.chars().count() == 1 => s.chars().next().unwrap_or('*'),
                Some(_) => return Err(field(&format!("{name}.mask"), FieldCode::UnknownValue, "must be one character".into())),
            };
            Operator::Mask { keep_first: count("keep_first")?.or(default_first), keep_last: count("keep_last")?.unwrap_or(default_last), mask }
        }
        "redact" => match obj.get("text") {
            None => Operator::Redact { text: None },
            Some(Value::String(t)) => Operator::Redact { text: Some(t.clone()) },
            Some(_) => return Err(field(&format!("{name}.text"), FieldCode::UnknownValue, "must be a string".into())),
        },
        "generalise" | "generalize" if can_generalise(kind) => Operator::Generalise,
        "generalise" | "generalize" => {
            return Err(field(name, FieldCode::UnknownValue, format!("{kind} has no generalised form (only address, birth_date, ipv4, ipv6)")))
        }
        "hash" => Operator::Hash,
        "token" => Operator::Token,
        other => return Err(field(name, FieldCode::UnknownValue, format!("unknown operator '{other}' (one of {OPERATORS})"))),
    })
}

#[cfg(test)]
mod tests;
