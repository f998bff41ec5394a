//! The customer signup form of a usage-based billing product.
//!
//! [`domain`] holds the customer model and its rules, shared with the local customers API;
//! [`submit`] and [`config`] hold the form's pure logic. The browser parts (components, the
//! fetch client, draft storage, mounting) exist only in the wasm32 build.

pub mod config;
pub mod domain;
pub mod json;
pub mod submit;

#[cfg(target_arch = "wasm32")]
pub mod client;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod console;
#[cfg(target_arch = "wasm32")]
pub mod element;
#[cfg(target_arch = "wasm32")]
pub mod events;
#[cfg(target_arch = "wasm32")]
pub mod mount;
#[cfg(target_arch = "wasm32")]
pub mod storage;
