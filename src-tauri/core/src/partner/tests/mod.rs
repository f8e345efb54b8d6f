//! Tests of the partner module: plan reading and validation, hostile input, and worked
//! engine examples whose arithmetic is written out in comments.

mod clawback;
pub(crate) mod fixtures;
mod hostile;
mod limits;
mod network;
mod overrides;
mod pool;
mod properties;
mod rep;
mod tiers;
mod validation;
