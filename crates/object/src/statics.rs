//! Each heap policy's immortal singletons: `None`, `True`, `False`, the
//! small-int cache (-5..=256, as CPython's `_PY_NSMALLNEGINTS` /
//! `_PY_NSMALLPOSINTS`), and the empty tuple, string and bytes.
//!
//! They are created once per policy (Rust has no generic statics, so each
//! policy keeps its own `static` through [`statics_fn!`](crate::statics_fn)) and are immortal
//! (PEP 683): never freed, never counted as live, and their counts are never
//! written, which is what makes sharing them between threads sound even for
//! a heap whose ordinary objects are not thread-safe.

#![allow(unsafe_code)] // Statics is Send + Sync: immortal objects are never written

use crate::policy::HeapPolicy;
use crate::types::{Bool, Bytes, Int, NoneType, Str, Tuple};
use crate::ObjRef;
use ftl_algorithms::int::IntValue;

/// Smallest cached int.
pub const SMALL_INT_MIN: i64 = -5;
/// Largest cached int.
pub const SMALL_INT_MAX: i64 = 256;

/// The immortal singletons of one heap policy.
pub struct Statics<P: HeapPolicy> {
    pub(crate) none: ObjRef<P>,
    pub(crate) true_: ObjRef<P>,
    pub(crate) false_: ObjRef<P>,
    pub(crate) small_ints: Box<[ObjRef<P>]>,
    pub(crate) empty_tuple: ObjRef<P>,
    pub(crate) empty_str: ObjRef<P>,
    pub(crate) empty_bytes: ObjRef<P>,
}

// SAFETY: every object in `Statics` is immortal, so no thread ever writes
// its refcount (the `RefCount` contract), and the payloads (None, bool, int,
// empty tuple / str / bytes) are immutable apart from the str/bytes hash
// cache, which is an atomic. Reading them from several threads is sound.
unsafe impl<P: HeapPolicy> Sync for Statics<P> {}
// SAFETY: as above; dropping `Statics` only decrefs immortal objects, which
// writes nothing.
unsafe impl<P: HeapPolicy> Send for Statics<P> {}

impl<P: HeapPolicy> Statics<P> {
    /// Makes the singletons. Called once per policy by [`statics_fn!`](crate::statics_fn).
    pub fn create() -> Self {
        Statics {
            none: ObjRef::new_immortal(NoneType),
            true_: ObjRef::new_immortal(Bool(true)),
            false_: ObjRef::new_immortal(Bool(false)),
            small_ints: (SMALL_INT_MIN..=SMALL_INT_MAX)
                .map(|v| ObjRef::new_immortal(Int::from_value(IntValue::Small(v))))
                .collect(),
            empty_tuple: ObjRef::new_immortal(Tuple::from_vec(Vec::new())),
            empty_str: ObjRef::new_immortal(Str::new("")),
            empty_bytes: ObjRef::new_immortal(Bytes::new(b"")),
        }
    }
}

/// Defines [`HeapPolicy::statics`] for a policy type with a `static` of its
/// own. Use it inside the `impl HeapPolicy for MyPolicy` block:
///
/// ```
/// use ftl_core::NoLock;
/// use ftl_object::{HeapPolicy, ObjRef, Plain};
///
/// enum MyPolicy {}
/// impl HeapPolicy for MyPolicy {
///     type Rc = Plain;
///     type Lock = NoLock;
///     const NAME: &'static str = "mine";
///     ftl_object::statics_fn!(MyPolicy);
/// }
/// assert!(ObjRef::<MyPolicy>::none().is_same(&ObjRef::<MyPolicy>::none()));
/// ```
#[macro_export]
macro_rules! statics_fn {
    ($policy:ty) => {
        fn statics() -> &'static $crate::Statics<$policy> {
            static STATICS: ::std::sync::OnceLock<$crate::Statics<$policy>> =
                ::std::sync::OnceLock::new();
            STATICS.get_or_init($crate::Statics::<$policy>::create)
        }
    };
}
