//! The built-in types: their payloads and their constructors.
//!
//! Each module adds the payload type(s) and an `impl ObjRef` block with the
//! constructors and accessors for them, so the API reads
//! `ObjRef::from_i64(7)`, `obj.as_str()`, `obj.as_list()`.

mod dict;
mod list;
mod scalar;
mod table;
mod text;
mod tuple;

pub use dict::{Dict, Set};
pub use list::List;
pub use scalar::{Bool, Float, Int, NoneType};
pub use text::{Bytes, Str};
pub use tuple::Tuple;
