//! `str` and `bytes`: immutable, with the hash cached after first use, as
//! CPython caches `ob_shash` (the cache is an atomic so a free-threaded heap
//! can share strings; two threads racing to fill it store the same value).
//!
//! A `str` also knows its length in code points (Python's `len(s)`): the
//! text is stored as UTF-8, so for ASCII text — checked once, when the
//! string is made, as CPython records it in the `ascii` flag of its compact
//! strings — the count is the byte length; for other text it is counted on
//! first use and cached like the hash.
//!
//! # Invariants
//!
//! * `Str::chars` holds the code-point count or [`NOT_COUNTED`]. It is set to
//!   the byte length at creation exactly when the text is ASCII. Non-ASCII
//!   UTF-8 has at least one multi-byte character, so its count is below its
//!   byte length: the text is ASCII if and only if `chars == len`, which is
//!   how [`Str::is_ascii`] reads the flag without a field of its own.
//! * The caches hold either "unknown" or the one correct value, so relaxed
//!   atomics suffice.

#![allow(unsafe_code)] // unsafe impl Payload

use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};

use crate::{HeapPolicy, Kind, ObjRef, Payload};
use ftl_algorithms::hash::{hash_bytes, hash_str, PyHash};

/// "Not computed yet": -1 is never a valid hash.
const NO_HASH: PyHash = -1;

/// "Not counted yet": no string has `usize::MAX` code points.
const NOT_COUNTED: usize = usize::MAX;

/// The payload of a `str`.
#[derive(Debug)]
pub struct Str {
    value: Box<str>,
    hash: AtomicI64,
    chars: AtomicUsize,
}

impl Str {
    pub(crate) fn new(s: &str) -> Self {
        Self::from_boxed(s.into())
    }

    fn from_boxed(value: Box<str>) -> Self {
        let chars = if value.is_ascii() {
            value.len()
        } else {
            NOT_COUNTED
        };
        Str {
            value,
            hash: AtomicI64::new(NO_HASH),
            chars: AtomicUsize::new(chars),
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

    /// Whether every character is ASCII (decided when the string was made).
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.chars.load(Ordering::Relaxed) == self.value.len()
    }

    /// The number of code points (`len(s)`): the byte length for ASCII text,
    /// otherwise counted once and cached.
    #[inline]
    pub fn char_len(&self) -> usize {
        let n = self.chars.load(Ordering::Relaxed);
        if n != NOT_COUNTED {
            return n;
        }
        let n = self.value.chars().count();
        self.chars.store(n, Ordering::Relaxed);
        n
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

    /// An immortal `str` (PEP 683): never counted, never freed, shared by
    /// threads without a write to its header; what interned strings are
    /// (the cached empty string for `""`, which is already immortal).
    pub fn new_immortal_str(s: &str) -> Self {
        if s.is_empty() {
            P::statics().empty_str.clone()
        } else {
            ObjRef::new_immortal(Str::new(s))
        }
    }

    /// A `str` taking over `s`'s buffer (the cached empty string for `""`).
    /// The text is not copied: the buffer becomes the string's
    /// `Box<str>` (spare capacity is released with a shrinking `realloc`,
    /// which the allocator normally does in place).
    pub fn from_string(s: String) -> Self {
        if s.is_empty() {
            P::statics().empty_str.clone()
        } else {
            ObjRef::new(Str::from_boxed(s.into_boxed_str()))
        }
    }

    /// The hash of a `str` (computed once and cached), or `None` for any
    /// other type: the VM's fast path for name lookups.
    #[inline]
    pub fn str_hash(&self) -> Option<PyHash> {
        self.downcast::<Str>().map(Str::hash)
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

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use crate::{Accounting, GilHeap};

    type R = ObjRef<GilHeap>;

    #[test]
    fn ascii_flag_and_char_len() {
        // CPython: len('h\u00e9llo') == 5, 'h\u00e9llo'.isascii() is False;
        // len('\U0001F600x') == 2; len('') == 0.
        let cases: [(&str, bool, usize); 6] = [
            ("", true, 0),
            ("hello", true, 5),
            ("h\u{e9}llo", false, 5),
            ("\u{1F600}x", false, 2),
            ("\u{20ac}\u{20ac}\u{20ac}", false, 3),
            ("\u{7f}", true, 1),
        ];
        for (text, ascii, len) in cases {
            let s = Str::new(text);
            assert_eq!(s.is_ascii(), ascii, "{text:?}");
            assert_eq!(s.char_len(), len, "{text:?}");
            assert_eq!(s.char_len(), len, "{text:?} (cached)");
            assert_eq!(s.is_ascii(), ascii, "{text:?} after counting");
        }
    }

    #[test]
    fn from_string_keeps_the_text_and_str_hash() {
        let acct = Accounting::new();
        let _scope = acct.enter();
        let mut buf = String::with_capacity(64);
        buf.push_str("abc");
        let s = R::from_string(buf);
        assert_eq!(s.as_str(), Some("abc"));
        // hash('abc') under PYTHONHASHSEED=0.
        assert_eq!(s.str_hash(), Some(-4594863902769663758));
        assert_eq!(R::from_i64(3).str_hash(), None);
        assert!(R::from_string(String::new()).is_same(&R::new_str("")));
        let e = R::from_string("\u{e9}t\u{e9}".to_string());
        let payload = e.downcast::<Str>().unwrap();
        assert_eq!((payload.is_ascii(), payload.char_len()), (false, 3));
        drop((s, e));
        assert_eq!(acct.live(), 0);
    }
}
