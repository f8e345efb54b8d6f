//! Personal data (PIPL / GDPR): the kinds and where the store keeps them ([`kinds`]), where
//! they occur in free text ([`detect`]), how a value is masked ([`operators`]), which
//! operator each role gets ([`policy`]), and masking texts and CSV files ([`apply`]). The
//! window's side: the data view role and privacy screen ([`view`]), records masked before
//! they cross IPC ([`records`], [`window`]; quotes, contracts and reviews in [`documents`],
//! the dashboard in [`dashboard`]) and revealing one value, audited ([`reveal`]).

pub mod detect;
pub mod kinds;
pub mod keys;
pub mod operators;
pub mod policy;
pub mod apply;
pub mod dashboard;
pub mod documents;
pub mod records;
pub mod reveal;
pub mod scan;
pub mod view;
pub mod window;
