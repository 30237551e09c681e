//! # ftl-subinterp: subinterpreters
//!
//! This crate will hold interpreters that each own a GIL and a heap (PEP 684
//! / PEP 734), cross-interpreter queues (with a loom model), and the
//! interpreter pool executor behind the bench's `interpreters` executor. It
//! is filled by the subinterpreters issue.
