//! The form's components. [`CustomerForm`] is the whole form; the others are its parts and read
//! the shared [`FormState`] from context.

mod field;
mod form;
mod outcome;
mod plan;
mod rows;
mod state;
mod summary;

pub use form::CustomerForm;
pub use state::{FormState, Problem};
