//! The customer signup form of a usage-based billing product.
//!
//! [`domain`] holds the customer model and its rules, shared with the local customers API.

pub mod domain;
pub mod submit;
