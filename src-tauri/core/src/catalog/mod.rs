//! The product catalogue and its price book.

pub mod product;
