//! `None`, `bool`, `int` and `float`.
//!
//! `None`, `True` and `False` are immortal singletons, as are the ints from
//! -5 to 256 (CPython's small-int cache): constructing one of those returns
//! the cached object, so `a is b` holds for equal small ints, as in CPython.
//! An `int` keeps an [`IntValue`]: an `i64` fast path, promoted to a big
//! integer on overflow and normalised back when a result fits.

#![allow(unsafe_code)] // unsafe impl Payload

use crate::statics::{SMALL_INT_MAX, SMALL_INT_MIN};
use crate::{HeapPolicy, Kind, ObjRef, Payload};
use ftl_algorithms::int::IntValue;

/// The payload of `None`.
#[derive(Debug)]
pub struct NoneType;

// SAFETY: a unit struct: immutable, Send and Sync.
unsafe impl<P: HeapPolicy> Payload<P> for NoneType {
    const NAME: &'static str = "NoneType";
    const KIND: Kind = Kind::None;
}

/// The payload of `True` and `False`.
#[derive(Debug)]
pub struct Bool(pub(crate) bool);

impl Bool {
    /// The truth value.
    pub fn value(&self) -> bool {
        self.0
    }
}

// SAFETY: an immutable `bool`: Send and Sync.
unsafe impl<P: HeapPolicy> Payload<P> for Bool {
    const NAME: &'static str = "bool";
    const KIND: Kind = Kind::Bool;
}

/// The payload of an `int`.
#[derive(Debug)]
pub struct Int(IntValue);

impl Int {
    pub(crate) fn from_value(v: IntValue) -> Self {
        Int(v)
    }
    /// The value.
    pub fn value(&self) -> &IntValue {
        &self.0
    }
}

// SAFETY: an immutable `IntValue`: Send and Sync.
unsafe impl<P: HeapPolicy> Payload<P> for Int {
    const NAME: &'static str = "int";
    const KIND: Kind = Kind::Int;
}

/// The payload of a `float`.
#[derive(Debug)]
pub struct Float(f64);

impl Float {
    /// The value.
    pub fn value(&self) -> f64 {
        self.0
    }
}

// SAFETY: an immutable `f64`: Send and Sync.
unsafe impl<P: HeapPolicy> Payload<P> for Float {
    const NAME: &'static str = "float";
    const KIND: Kind = Kind::Float;
    // CPython's float free list (`Objects/floatobject.c`).
    const FREE_LIST: bool = true;
}

impl<P: HeapPolicy> ObjRef<P> {
    /// `None`.
    #[inline]
    pub fn none() -> Self {
        P::statics().none.clone()
    }

    /// `True` or `False`.
    #[inline]
    pub fn from_bool(b: bool) -> Self {
        let s = P::statics();
        if b {
            s.true_.clone()
        } else {
            s.false_.clone()
        }
    }

    /// An `int`; the cached object for -5..=256.
    #[inline]
    pub fn from_i64(v: i64) -> Self {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&v) {
            P::statics().small_ints[(v - SMALL_INT_MIN) as usize].clone()
        } else {
            ObjRef::new(Int(IntValue::Small(v)))
        }
    }

    /// An `int` of any size.
    pub fn from_int(v: IntValue) -> Self {
        match v {
            IntValue::Small(i) => Self::from_i64(i),
            big => ObjRef::new(Int(big)),
        }
    }

    /// A `float`.
    #[inline]
    pub fn from_f64(v: f64) -> Self {
        ObjRef::new(Float(v))
    }

    /// Whether this is `None`.
    #[inline]
    pub fn is_none(&self) -> bool {
        self.kind() == Kind::None
    }

    /// The value of a `bool`.
    #[inline]
    pub fn as_bool(&self) -> Option<bool> {
        self.downcast::<Bool>().map(Bool::value)
    }

    /// The value of an `int` (not of a `bool`).
    #[inline]
    pub fn as_int(&self) -> Option<&IntValue> {
        self.downcast::<Int>().map(Int::value)
    }

    /// The value of a `float`.
    #[inline]
    pub fn as_f64(&self) -> Option<f64> {
        self.downcast::<Float>().map(Float::value)
    }
}
