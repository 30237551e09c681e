//! # ftl-syntax: the front end
//!
//! Python source in, ftl's own syntax tree and scope analysis out, with
//! CPython 3.11's `SyntaxError` messages. Nothing here knows of objects,
//! bytecode or threads; the compiler in `ftl-vm` starts where this crate
//! ends.
//!
//! The pipeline, one module a stage:
//!
//! 1. [`lower`]: parses with the pinned `ruff_python_parser` (the only
//!    module of the workspace that names a ruff crate, so a parser upgrade
//!    touches one file of one crate), replays the checks of CPython's
//!    tokenizer, maps parse errors to CPython's wording, and lowers ruff's
//!    tree into [`ast`], refusing constructs outside ftl's subset with the
//!    construct and its line.
//! 2. [`ast`]: the tree the compiler accepts, with character-based
//!    positions, and [`SyntaxError`], which renders itself as CPython prints
//!    it (file, line, caret).
//! 3. [`symtable`]: which names are local, global, free or cells, after
//!    CPython's `Python/symtable.c`.
//!
//! Integer literals are [`ftl_algorithms::int::IntValue`]s; nothing else of
//! the workspace is used. Nothing in this crate is `unsafe`
//! (`#![forbid(unsafe_code)]`).
//!
//! # Example
//!
//! ```
//! use ftl_syntax::ast::StmtKind;
//! use ftl_syntax::{lower, symtable::SymbolTable};
//!
//! let module = lower::parse("def f(a):\n    return a + 1\n", "m.py").unwrap();
//! assert!(matches!(module.body[0].kind, StmtKind::FunctionDef(_)));
//! let table = SymbolTable::build(&module).unwrap();
//! assert!(!table.scopes.is_empty());
//!
//! let err = lower::parse("x = (1,\n", "m.py").unwrap_err();
//! assert_eq!(err.msg, "'(' was never closed");
//! ```

#![forbid(unsafe_code)]

pub mod ast;
pub mod lower;
pub mod symtable;

pub use ast::SyntaxError;
