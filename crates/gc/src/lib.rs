//! # ftl-gc: the cycle collector
//!
//! This crate will hold a CPython-style generational cycle collector
//! (`Modules/gcmodule.c`: `update_refs`, `subtract_refs`, `move_unreachable`,
//! PEP 442 finalization) working through [`ftl_core::Traverse`] and the GC
//! links that `ftl-object` reserves in front of every container, with PEP
//! 556's serial and threaded modes and stop-the-world collection for the
//! free-threaded heaps. It is filled by the GC issue.
