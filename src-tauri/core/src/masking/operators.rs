//! What happens to one value of a known kind: kept, masked in the middle, redacted,
//! generalised, replaced by a keyed hash (stable, so joins still work) or by a reversible
//! token. Masks keep the value's length (except e-mail, which shows `z***@domain`) and are
//! idempotent: masking a masked value changes nothing.

use super::detect::area_code_len;
use super::keys::MaskingKeys;
use super::kinds::PiiKind;
use crate::error::{CoreError, CoreResult};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Operator {
    /// The value in clear.
    Keep,
    /// Keep `keep_first` and `keep_last` characters, mask the rest. `keep_first: None` keeps
    /// the natural prefix: the surname of a name, the area code of a landline.
    Mask { keep_first: Option<usize>, keep_last: usize, mask: char },
    /// Fixed text instead of the value; `None` writes the kind: `[mobile]`.
    Redact { text: Option<String> },
    /// Less precise: an address to its district, a birth date to its year, an IP to its network.
    Generalise,
    /// HMAC-SHA256 of the normalised value, hex.
    Hash,
    /// Authenticated encryption, `tok:…`; [`super::keys::reveal`] gives the value back.
    Token,
}

impl Operator {
    pub const fn mask(keep_first: usize, keep_last: usize) -> Self {
        Self::Mask { keep_first: Some(keep_first), keep_last, mask: '*' }
    }

    /// The operator the default policy applies to each kind.
    pub fn default_for(kind: PiiKind) -> Self {
        match kind {
            PiiKind::Name => Self::Mask { keep_first: None, keep_last: 0, mask: '*' },
            PiiKind::Landline => Self::Mask { keep_first: None, keep_last: 2, mask: '*' },
            PiiKind::Mobile => Self::mask(3, 4),
            PiiKind::Email => Self::mask(1, 0),
            PiiKind::ResidentId | PiiKind::Uscc | PiiKind::BankCard => Self::mask(6, 4),
            PiiKind::ResidentId15 => Self::mask(6, 3),
            PiiKind::Passport => Self::mask(1, 2),
            PiiKind::LicencePlate => Self::mask(2, 1),
            PiiKind::Ipv4 | PiiKind::Ipv6 | PiiKind::Address | PiiKind::BirthDate => Self::Generalise,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            Self::Keep => "keep",
            Self::Mask { .. } => "mask",
            Self::Redact { .. } => "redact",
            Self::Generalise => "generalise",
            Self::Hash => "hash",
            Self::Token => "token",
        }
    }

    pub fn needs_keys(&self) -> bool {
        matches!(self, Self::Hash | Self::Token)
    }
}

/// Kinds that have a generalised form.
pub fn can_generalise(kind: PiiKind) -> bool {
    matches!(kind, PiiKind::Address | PiiKind::BirthDate | PiiKind::Ipv4 | PiiKind::Ipv6)
}

/// `value` (of `kind`) through `op`. Hash and token need `keys`.
pub fn apply(op: &Operator, kind: PiiKind, value: &str, keys: Option<&MaskingKeys>) -> CoreResult<String> {
    let need_keys = || keys.ok_or_else(|| CoreError::BadRequest(format!("the policy hashes or tokenises {kind} values but no pseudonymisation key was given")));
    Ok(match op {
        Operator::Keep => value.to_string(),
        Operator::Mask { keep_first, keep_last, mask } => mask_value(kind, value, *keep_first, *keep_last, *mask),
        Operator::Redact { text: Some(t) } => t.clone(),
        Operator::Redact { text: None } => format!("[{kind}]"),
        Operator::Generalise => generalise(kind, value),
        Operator::Hash => need_keys()?.hash(kind, value),
        Operator::Token => need_keys()?.token(value)?,
    })
}

fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '·' | '.' | '(' | ')' | '/' | ':' | '+' | '_')
}

/// Masks the characters of `value` that are not separators, keeping the first and last ones.
/// When nothing would be masked the whole value is masked (a too-short value is not shown).
pub fn mask_middle(value: &str, keep_first: usize, keep_last: usize, mask: char) -> String {
    let units = value.chars().filter(|c| !is_separator(*c)).count();
    let all = keep_first + keep_last >= units;
    let mut seen = 0;
    value
        .chars()
        .map(|c| {
            if is_separator(c) {
                return c;
            }
            seen += 1;
            if all || (seen > keep_first && seen <= units - keep_last) {
                mask
            } else {
                c
            }
        })
        .collect()
}

fn mask_value(kind: PiiKind, value: &str, keep_first: Option<usize>, keep_last: usize, mask: char) -> String {
    match kind {
        PiiKind::Email => {
            let Some((local, domain)) = value.rsplit_once('@') else { return mask_middle(value, keep_first.unwrap_or(1), keep_last, mask) };
            // Mask characters already there are not "kept" again (so masking is idempotent).
            let head: String = local.chars().take(keep_first.unwrap_or(1)).take_while(|c| *c != mask).collect();
            let mut tail: Vec<char> = local.chars().rev().take(keep_last).take_while(|c| *c != mask).collect();
            tail.reverse();
            let tail: String = tail.into_iter().collect();
            let stars: String = std::iter::repeat_n(mask, 3).collect();
            format!("{head}{stars}{tail}@{domain}")
        }
        PiiKind::Mobile => {
            let prefix_len = ["+86", "0086"].iter().find(|p| value.starts_with(*p)).map_or(0, |p| p.len());
            let (prefix, rest) = value.split_at(prefix_len);
            format!("{prefix}{}", mask_middle(rest, keep_first.unwrap_or(3), keep_last, mask))
        }
        PiiKind::Name if keep_first.is_none() && value.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) => mask_latin_name(value, mask),
        PiiKind::Name | PiiKind::Landline if keep_first.is_none() => {
            let natural = natural_prefix(kind, value);
            let (head, rest) = value.split_at(natural);
            format!("{head}{}", mask_middle(rest, 0, keep_last, mask))
        }
        _ => mask_middle(value, keep_first.unwrap_or(0), keep_last, mask),
    }
}

/// Bytes of the prefix a mask keeps by default: surname or area code.
fn natural_prefix(kind: PiiKind, value: &str) -> usize {
    match kind {
        PiiKind::Landline => {
            let digits: Vec<u8> = value.bytes().take(4).collect();
            area_code_len(&digits).filter(|n| value.is_char_boundary(*n)).unwrap_or(0)
        }
        _ => super::detect::surname_len(value).unwrap_or_else(|| value.chars().next().map_or(0, char::len_utf8)),
    }
}

fn generalise(kind: PiiKind, value: &str) -> String {
    match kind {
        PiiKind::Address => {
            let cut = value.char_indices().find(|(_, c)| matches!(c, '区' | '县' | '旗')).or_else(|| value.char_indices().find(|(_, c)| *c == '市'));
            match cut {
                Some((i, c)) => value[..i + c.len_utf8()].to_string(),
                None => "[address]".to_string(),
            }
        }
        PiiKind::BirthDate => {
            let year: String = value.chars().take(4).collect();
            if value.contains('年') { format!("{year}年") } else { year }
        }
        PiiKind::Ipv4 => match value.rsplit_once('.') {
            Some((net, _)) => format!("{net}.*"),
            None => "[ipv4]".to_string(),
        },
        PiiKind::Ipv6 if value.ends_with(":*") => value.to_string(),
        PiiKind::Ipv6 => {
            let head: Vec<&str> = value.split(':').take(2).collect();
            format!("{}:*", head.join(":"))
        }
        _ => format!("[{kind}]"),
    }
}

/// Latin names keep each word's initial (`John Smith` → `J*** S****`).
fn mask_latin_name(value: &str, mask: char) -> String {
    let mut start = true;
    value
        .chars()
        .map(|c| {
            let keep = start || !c.is_alphabetic();
            start = !c.is_alphabetic();
            if keep { c } else { mask }
        })
        .collect()
}

#[cfg(test)]
mod tests;
