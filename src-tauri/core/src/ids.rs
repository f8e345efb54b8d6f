//! Record identifiers: UUIDv7 (time-sortable, safe to merge across machines), one newtype per
//! table so a contact id cannot be passed where a customer id is expected.

use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

macro_rules! id_type {
    ($name:ident) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A fresh, time-ordered id.
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }

            /// Parses the text form; `None` when it is not a UUID.
            pub fn parse(text: &str) -> Option<Self> {
                Uuid::parse_str(text.trim()).ok().map(Self)
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(CustomerId);
id_type!(ContactId);
id_type!(ProductId);
id_type!(OpportunityId);
id_type!(QuoteId);
id_type!(MatrixId);
id_type!(DimensionId);
id_type!(CompetitorId);

/// Ids of rows that are not addressed on their own (history entries and the like).
pub fn new_row_id() -> String {
    Uuid::now_v7().to_string()
}
