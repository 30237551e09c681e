//! The built-in types: their payloads and their constructors.
//!
//! Each module adds the payload type(s) and an `impl ObjRef` block with the
//! constructors and accessors for them, so the API reads
//! `ObjRef::from_i64(7)`, `obj.as_str()`, `obj.as_list()`.
//!
//! `dict` keeps an insertion-ordered table (`table`); `set` keeps CPython's
//! own set table (`set_table`), so that sets iterate in CPython's order.

mod bytearray;
mod dict;
mod list;
mod scalar;
mod set;
mod set_table;
mod table;
mod text;
mod tuple;

pub use bytearray::ByteArray;
pub use dict::{Dict, DictRef};
pub use list::List;
pub use scalar::{Bool, Float, Int, NoneType};
pub use set::{FrozenSet, Set, SetView};
pub use text::{Bytes, Str};
pub use tuple::Tuple;

crate::assert_shareable!(P =>
    Dict<P>, List<P>, NoneType, Bool, Int, Float, Set<P>, FrozenSet<P>, Str, Bytes, ByteArray<P>, Tuple<P>,
);
