//! Hashing and equality of built-in objects as dictionary and set keys,
//! following CPython's rules.
//!
//! * Numbers that compare equal hash equal, across types: `1`, `1.0` and
//!   `True` are one key (see [`ftl_algorithms::hash`] for the modular hash).
//! * Equality first tries identity (CPython's `PyObject_RichCompareBool`
//!   shortcut), so a NaN key is found by the same object but not by another
//!   NaN.
//! * `list`, `dict` and `set` are unhashable; a tuple is hashable when all of
//!   its items are; a `frozenset` hashes from its members' stored hashes.
//! * Types outside this crate ([`Kind::Other`]) hash and compare by identity
//!   (`object.__hash__` / `object.__eq__`) here. The VM, which adds
//!   user-defined `__hash__` and `__eq__`, computes such hashes outside any
//!   critical section and compares such keys with the table unlocked,
//!   re-checking afterwards that the table did not change, as CPython's
//!   `dict` lookup does.
//!
//! Everything here is pure: it never runs user code, so it may be called
//! inside a critical section.

use core::cmp::Ordering;
use core::fmt;

use crate::types::{Bytes, Str};
use crate::{HeapPolicy, Kind, ObjRef};
use ftl_algorithms::hash::{hash_bool, hash_f64, hash_int, PyHash, TupleHasher};

/// The error of hashing an unhashable object (Python's `TypeError:
/// unhashable type: 'list'`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unhashable {
    /// The Python name of the offending type.
    pub type_name: &'static str,
}

impl fmt::Display for Unhashable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unhashable type: '{}'", self.type_name)
    }
}

impl std::error::Error for Unhashable {}

/// CPython's `_Py_HashPointer`: the address rotated right by 4 bits (the
/// low bits of an aligned address carry no information).
pub fn hash_identity(addr: usize) -> PyHash {
    let h = addr.rotate_right(4) as PyHash;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Python's `hash(obj)` for built-in objects.
pub fn hash<P: HeapPolicy>(obj: &ObjRef<P>) -> Result<PyHash, Unhashable> {
    Ok(match obj.kind() {
        Kind::Int => hash_int(obj.as_int().expect("kind Int")),
        Kind::Str => obj.downcast::<Str>().expect("kind Str").hash(),
        Kind::Bool => hash_bool(obj.as_bool().expect("kind Bool")),
        Kind::Float => hash_f64(obj.as_f64().expect("kind Float"), obj.addr()),
        Kind::Bytes => obj.downcast::<Bytes>().expect("kind Bytes").hash(),
        Kind::Tuple => {
            let items = obj.as_tuple().expect("kind Tuple");
            let mut h = TupleHasher::new();
            for item in items {
                h.push(hash(item)?);
            }
            h.finish(items.len())
        }
        Kind::FrozenSet => obj.as_frozenset().expect("kind FrozenSet").hash(),
        Kind::List | Kind::Dict | Kind::Set | Kind::ByteArray => {
            return Err(Unhashable {
                type_name: obj.type_name(),
            })
        }
        Kind::None | Kind::Other => hash_identity(obj.addr()),
    })
}

/// Whether [`eq`] may not be the whole answer for `obj` as a key: a type
/// the object model does not know ([`Kind::Other`], to which the VM may
/// give an `__eq__`), or a tuple holding one. A table that ever held such a
/// key says so (`Dict::has_opaque_keys`, `Set::has_opaque_keys`), so that
/// the VM knows when a miss by [`eq`] must be confirmed with its own
/// equality.
pub fn is_opaque<P: HeapPolicy>(obj: &ObjRef<P>) -> bool {
    match obj.kind() {
        Kind::Other => true,
        Kind::Tuple => obj.as_tuple().expect("kind Tuple").iter().any(is_opaque),
        Kind::FrozenSet => obj.as_set_view().expect("kind FrozenSet").has_opaque_keys(),
        _ => false,
    }
}

/// Python's `a == b` for built-in objects, as dict lookup uses it
/// (identity first).
pub fn eq<P: HeapPolicy>(a: &ObjRef<P>, b: &ObjRef<P>) -> bool {
    if a.is_same(b) {
        return true;
    }
    match (a.kind(), b.kind()) {
        (Kind::Str, Kind::Str) => a.as_str() == b.as_str(),
        (Kind::Bytes, Kind::Bytes) => a.as_bytes() == b.as_bytes(),
        (Kind::Tuple, Kind::Tuple) => {
            let (x, y) = (a.as_tuple().expect("tuple"), b.as_tuple().expect("tuple"));
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| eq(p, q))
        }
        (ka, kb) if is_number(ka) && is_number(kb) => numbers_equal(a, b),
        (Kind::FrozenSet | Kind::Set, Kind::FrozenSet | Kind::Set) => {
            // Equal sizes and every member of `a` in `b` (by the stored
            // hashes and this same equality).
            let (x, y) = (a.as_set_view().expect("set"), b.as_set_view().expect("set"));
            x.len() == y.len()
                && x.members().iter().all(|k| match hash(k) {
                    Ok(h) => y.contains_hashed(h, k),
                    Err(_) => false,
                })
        }
        _ => false,
    }
}

fn is_number(k: Kind) -> bool {
    matches!(k, Kind::Bool | Kind::Int | Kind::Float)
}

/// Exact numeric equality across bool, int and float.
fn numbers_equal<P: HeapPolicy>(a: &ObjRef<P>, b: &ObjRef<P>) -> bool {
    use ftl_algorithms::int::IntValue;
    enum Num<'a> {
        I(std::borrow::Cow<'a, IntValue>),
        F(f64),
    }
    fn num<P: HeapPolicy>(o: &ObjRef<P>) -> Num<'_> {
        if let Some(i) = o.as_int() {
            Num::I(std::borrow::Cow::Borrowed(i))
        } else if let Some(b) = o.as_bool() {
            Num::I(std::borrow::Cow::Owned(IntValue::Small(b as i64)))
        } else {
            Num::F(o.as_f64().expect("a number"))
        }
    }
    match (num(a), num(b)) {
        (Num::I(x), Num::I(y)) => x == y,
        (Num::F(x), Num::F(y)) => x == y,
        (Num::I(i), Num::F(f)) | (Num::F(f), Num::I(i)) => {
            i.cmp_with_f64(f) == Some(Ordering::Equal)
        }
    }
}
