//! `str` and `bytes`: immutable, with the hash cached after first use, as
//! CPython caches `ob_shash` (the cache is an atomic so a free-threaded heap
//! can share strings; two threads racing to fill it store the same value).

use std::sync::atomic::{AtomicI64, Ordering};

use crate::hashing::{hash_bytes, hash_str, PyHash};
use crate::{HeapPolicy, Kind, ObjRef, Payload};

/// "Not computed yet": -1 is never a valid hash.
const NO_HASH: PyHash = -1;

/// The payload of a `str`.
#[derive(Debug)]
pub struct Str {
    value: Box<str>,
    hash: AtomicI64,
}

impl Str {
    pub(crate) fn new(s: &str) -> Self {
        Str {
            value: s.into(),
            hash: AtomicI64::new(NO_HASH),
        }
    }
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.value
    }
    /// The hash, computed once.
    pub fn hash(&self) -> PyHash {
        cached(&self.hash, || hash_str(&self.value))
    }
}

// SAFETY: immutable text plus an atomic hash cache: Send and Sync.
unsafe impl<P: HeapPolicy> Payload<P> for Str {
    const NAME: &'static str = "str";
    const KIND: Kind = Kind::Str;
}

/// The payload of a `bytes`.
#[derive(Debug)]
pub struct Bytes {
    value: Box<[u8]>,
    hash: AtomicI64,
}

impl Bytes {
    pub(crate) fn new(b: &[u8]) -> Self {
        Bytes {
            value: b.into(),
            hash: AtomicI64::new(NO_HASH),
        }
    }
    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.value
    }
    /// The hash, computed once.
    pub fn hash(&self) -> PyHash {
        cached(&self.hash, || hash_bytes(&self.value))
    }
}

// SAFETY: immutable bytes plus an atomic hash cache: Send and Sync.
unsafe impl<P: HeapPolicy> Payload<P> for Bytes {
    const NAME: &'static str = "bytes";
    const KIND: Kind = Kind::Bytes;
}

fn cached(slot: &AtomicI64, compute: impl FnOnce() -> PyHash) -> PyHash {
    let h = slot.load(Ordering::Relaxed);
    if h != NO_HASH {
        return h;
    }
    let h = compute();
    slot.store(h, Ordering::Relaxed);
    h
}

impl<P: HeapPolicy> ObjRef<P> {
    /// A `str` (the cached empty string for `""`).
    pub fn new_str(s: &str) -> Self {
        if s.is_empty() {
            P::statics().empty_str.clone()
        } else {
            ObjRef::new(Str::new(s))
        }
    }

    /// A `bytes` (the cached empty bytes for `b""`).
    pub fn new_bytes(b: &[u8]) -> Self {
        if b.is_empty() {
            P::statics().empty_bytes.clone()
        } else {
            ObjRef::new(Bytes::new(b))
        }
    }

    /// The text of a `str`.
    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        self.downcast::<Str>().map(Str::as_str)
    }

    /// The contents of a `bytes`.
    #[inline]
    pub fn as_bytes(&self) -> Option<&[u8]> {
        self.downcast::<Bytes>().map(Bytes::as_bytes)
    }
}
