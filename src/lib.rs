//! The customer signup form of a usage-based billing product.
//!
//! [`domain`] holds the customer model and its rules, shared with the local customers API;
//! [`submit`] and [`config`] hold the form's pure logic. The browser parts (components, the
//! fetch client, draft storage, mounting) exist only in the wasm32 build with the `ui`
//! feature, which is on by default.

pub mod config;
pub mod domain;
pub mod json;
pub mod submit;

#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod client;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod components;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod console;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod element;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod events;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod mount;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod storage;
