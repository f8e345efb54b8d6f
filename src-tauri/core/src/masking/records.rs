//! Masking store records (contacts, customers, opportunities and their inputs) through a
//! policy, column by column as the registry in [`super::kinds`] declares them: a column of
//! one kind is masked whole, a free-text column (notes) has what [`super::detect`] finds in
//! it masked. The window and the exports call this, so no personal column is forgotten in
//! one of them. Also the guard that keeps a masked value from being saved over the clear one.

use super::apply::{MaskReport, Masker};
use super::kinds::{PersonalColumn, REGISTRY};
use crate::crm::contact::{Contact, ContactInput};
use crate::crm::customer::{Customer, CustomerInput};
use crate::crm::opportunity::{Opportunity, OpportunityInput};
use crate::error::{CoreError, CoreResult, FieldCode, FieldError};

/// A record or an input of a table with personal columns: its text field for each column.
pub trait PersonalFields {
    const TABLE: &'static str;
    fn field(&self, column: &str) -> Option<&str>;
    fn field_mut(&mut self, column: &str) -> Option<&mut String>;
}

/// A record as the window receives it: it says which of its fields are shown masked.
pub trait MaskedRecord: PersonalFields {
    fn masked_mut(&mut self) -> &mut Vec<String>;
}

/// The registry's columns of `table`.
pub fn columns_of(table: &str) -> impl Iterator<Item = &'static PersonalColumn> + '_ {
    REGISTRY.iter().filter(move |c| c.table == table)
}

/// One value of a personal column as `masker` shows it.
pub fn mask_value(col: &PersonalColumn, value: &str, masker: &Masker<'_>) -> CoreResult<String> {
    let mut report = MaskReport::default();
    Ok(if col.free_text { masker.text(value, &mut report)?.into_owned() } else { masker.cell(Some(col.kind), value, &mut report)?.into_owned() })
}

/// Masks every personal field of `record` in place and lists the ones that changed.
pub fn mask_record<R: MaskedRecord>(record: &mut R, masker: &Masker<'_>) -> CoreResult<()> {
    let mut changed = Vec::new();
    for col in columns_of(R::TABLE) {
        let Some(value) = record.field_mut(col.column) else { continue };
        let masked = mask_value(col, value, masker)?;
        if masked != *value {
            *value = masked;
            changed.push(col.column.to_string());
        }
    }
    record.masked_mut().extend(changed);
    Ok(())
}

pub fn mask_all<R: MaskedRecord>(records: &mut [R], masker: &Masker<'_>) -> CoreResult<()> {
    records.iter_mut().try_for_each(|r| mask_record(r, masker))
}

/// Before an update from a form that showed `stored` through `masker`: a field sent back as
/// it was shown (masked) keeps its stored clear value; a field typed anew replaces it. A free
/// text that still holds masked pieces (edited around them) is refused with a `masked` field
/// error: saving it would overwrite the clear data with stars. Reveal it first.
pub fn restore_masked<R: PersonalFields, I: PersonalFields>(stored: &R, input: &mut I, masker: &Masker<'_>) -> CoreResult<()> {
    let mut errors = Vec::new();
    for col in columns_of(R::TABLE) {
        let (Some(clear), Some(sent)) = (stored.field(col.column), input.field_mut(col.column)) else { continue };
        let shown = mask_value(col, clear, masker)?;
        if shown == clear {
            continue;
        }
        if *sent == shown {
            *sent = clear.to_string();
        } else if col.free_text && masker.masked_pieces(clear)?.iter().any(|f| sent.contains(f.as_str())) {
            errors.push(FieldError {
                field: col.column.to_string(),
                code: FieldCode::Masked,
                message: "holds masked personal data; reveal it before editing, so the stars are not saved over the clear text".into(),
            });
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(CoreError::Validation(errors))
    }
}

/// `PersonalFields` for a struct: its `String` fields named after the registry's columns of
/// `table`, and (after `opt`) its `Option<String>` ones (`decided_by`, unset until decided).
macro_rules! personal {
    ($ty:ty, $table:literal, [$($col:ident),*] $(, opt [$($opt:ident),*])?) => {
        impl $crate::masking::records::PersonalFields for $ty {
            const TABLE: &'static str = $table;
            fn field(&self, column: &str) -> Option<&str> {
                match column {
                    $(stringify!($col) => Some(self.$col.as_str()),)*
                    $($(stringify!($opt) => self.$opt.as_deref(),)*)?
                    _ => None,
                }
            }
            fn field_mut(&mut self, column: &str) -> Option<&mut String> {
                match column {
                    $(stringify!($col) => Some(&mut self.$col),)*
                    $($(stringify!($opt) => self.$opt.as_mut(),)*)?
                    _ => None,
                }
            }
        }
    };
}
pub(crate) use personal;

/// `MaskedRecord` for structs whose `masked` field lists the fields shown masked.
macro_rules! masked_records {
    ($($ty:ty),*) => {
        $(impl $crate::masking::records::MaskedRecord for $ty {
            fn masked_mut(&mut self) -> &mut Vec<String> {
                &mut self.masked
            }
        })*
    };
}
pub(crate) use masked_records;

personal!(Contact, "contacts", [name, mobile, email]);
personal!(ContactInput, "contacts", [name, mobile, email]);
personal!(Customer, "customers", [owner, notes]);
personal!(CustomerInput, "customers", [owner, notes]);
personal!(Opportunity, "opportunities", [owner]);
personal!(OpportunityInput, "opportunities", [owner]);
masked_records!(Contact, Customer, Opportunity);

#[cfg(test)]
mod tests;
