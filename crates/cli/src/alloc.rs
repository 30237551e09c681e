//! The process allocator: mimalloc, tuned like CPython's object allocator.
//!
//! Every Python object is a heap allocation, and CPython puts a
//! small-object allocator behind them (pymalloc in 3.11; mimalloc itself in
//! the free-threaded 3.13), so the system `malloc` would put a cost on ftl
//! that CPython does not pay.
//!
//! pymalloc keeps freed arenas' pages until the whole arena is empty;
//! mimalloc by default *purges* (decommits) free pages a second after they
//! empty, and an allocation-heavy program then spends much of its time
//! having the kernel zero the same pages again (measured on
//! `bench_float`: 0.24 s of system time against CPython's 0.05 s). ftl
//! turns purging off at start-up, which is what pymalloc's behaviour
//! amounts to for these programs.
//!
//! The allocator calls mimalloc's C entry points directly. The `mimalloc`
//! crate's `MiMalloc` sends every allocation through `mi_malloc_aligned`,
//! whose alignment checks showed in the profiles; here an allocation whose
//! alignment `malloc` already guarantees (at most 16 and at most the size,
//! the rule Rust's `System` allocator uses) goes to plain `mi_malloc`, and
//! only the rare stricter one to `mi_malloc_aligned`.
//!
//! # Invariants
//! * The option is set by its index in the `mi_option_e` enum of the C
//!   sources that `libmimalloc-sys` builds (v3: `mi_option_purge_delay` is
//!   15), hence the exact version pins in `Cargo.toml`; a test checks the
//!   index against the option's documented default.
//! * A block is freed with `mi_free` whichever entry point made it
//!   (mimalloc frees aligned and unaligned blocks alike).
//! * This is the only `unsafe` in the crate.
//!
//! # ThreadSanitizer builds
//! `cargo xtask tsan` builds `ftl` with `RUSTFLAGS="--cfg ftl_tsan
//! -Zsanitizer=thread ..."`. Under `cfg(ftl_tsan)` the global allocator
//! stays the system one and [`configure`] does nothing: TSan intercepts
//! `malloc`/`free` to learn when memory changes hands, and mimalloc's
//! uninstrumented C free lists would hide that, so a block freed by one
//! thread and reused by another would show as a false race.

#![allow(unsafe_code)]
// the global allocator (mimalloc's C entry points)
// Under TSan only the tests use the allocator below.
#![cfg_attr(ftl_tsan, allow(dead_code))]

use core::alloc::{GlobalAlloc, Layout};
use core::ffi::c_void;

use libmimalloc_sys as mi;

/// The alignment every `mi_malloc` block of at least that size has
/// (`MI_MAX_ALIGN_SIZE` on 64-bit targets).
const MALLOC_ALIGN: usize = 16;

/// Whether plain `mi_malloc(size)` already meets `align`.
#[inline(always)]
fn malloc_aligns(align: usize, size: usize) -> bool {
    align <= MALLOC_ALIGN && align <= size
}

/// mimalloc as the global allocator (see the module docs).
pub struct Mimalloc;

// SAFETY: every method forwards to mimalloc, which returns blocks of at
// least the requested size, aligned as requested (`malloc_aligns` or the
// `_aligned` entry points), or null on failure; `dealloc` and `realloc`
// receive only blocks this allocator returned, which `mi_free` and
// `mi_realloc*` accept.
unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: plain C calls; any size is valid (zero gives a unique block).
        unsafe {
            if malloc_aligns(layout.align(), layout.size()) {
                mi::mi_malloc(layout.size()).cast()
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        unsafe {
            if malloc_aligns(layout.align(), layout.size()) {
                mi::mi_zalloc(layout.size()).cast()
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator (GlobalAlloc's contract).
        unsafe { mi::mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from this allocator with `layout`; the new
        // block keeps the alignment (plain when `malloc` guarantees it for
        // the new size, else explicitly).
        unsafe {
            if malloc_aligns(layout.align(), new_size) {
                mi::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
            } else {
                mi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
            }
        }
    }
}

#[cfg(not(ftl_tsan))] // TSan needs the system allocator (module docs)
#[global_allocator]
static ALLOCATOR: Mimalloc = Mimalloc;

/// `mi_option_purge_delay` in mimalloc v3's `mi_option_e`.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Turns mimalloc's page purging off (see the module docs). Call once,
/// early in `main`. Does nothing under `cfg(ftl_tsan)`, where mimalloc is
/// not the allocator.
pub fn configure() {
    if cfg!(not(ftl_tsan)) {
        // SAFETY: `mi_option_set` only stores a value in mimalloc's option
        // table (an atomic), valid at any time from any thread; -1 is the
        // documented "never purge" value of this option.
        unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, -1) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_aligned_and_usable() {
        for &(size, align) in &[
            (1, 1),
            (8, 8),
            (24, 8),
            (16, 16),
            (8, 16),
            (100, 64),
            (4096, 4096),
        ] {
            let layout = Layout::from_size_align(size, align).unwrap();
            // SAFETY: a non-zero-size layout; the block is written within
            // its size, grown with realloc, and freed once.
            unsafe {
                let p = Mimalloc.alloc(layout);
                assert!(!p.is_null());
                assert_eq!(p as usize % align, 0, "{size}/{align}");
                p.write_bytes(0xab, size);
                let q = Mimalloc.realloc(p, layout, size * 3);
                assert_eq!(q as usize % align, 0, "realloc {size}/{align}");
                assert_eq!(*q, 0xab);
                Mimalloc.dealloc(q, Layout::from_size_align(size * 3, align).unwrap());
                let z = Mimalloc.alloc_zeroed(layout);
                assert_eq!(z as usize % align, 0);
                assert!(core::slice::from_raw_parts(z, size).iter().all(|&b| b == 0));
                Mimalloc.dealloc(z, layout);
            }
        }
    }

    #[test]
    fn purge_delay_index_names_the_purge_delay_option() {
        // This version's options.c sets the default to 1000 ms; another
        // index would be another option with another default.
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            // SAFETY: reads mimalloc's option table.
            let default = unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) };
            assert_eq!(default, 1000);
        }
    }
}
