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
//! # Invariants
//! * The option is set by its index in the `mi_option_e` enum of the C
//!   sources that `libmimalloc-sys` builds (v3: `mi_option_purge_delay` is
//!   15), hence the exact version pins in `Cargo.toml`; a test checks the
//!   index against the option's documented default.
//! * This is the only `unsafe` in the crate.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc v3's `mi_option_e`.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Turns mimalloc's page purging off (see the module docs). Call once,
/// early in `main`.
pub fn configure() {
    // SAFETY: `mi_option_set` only stores a value in mimalloc's option
    // table (an atomic), valid at any time from any thread; -1 is the
    // documented "never purge" value of this option.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, -1) }
}

#[cfg(test)]
mod tests {
    use super::*;

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
