//! Integration tests of the front end: `lower::parse` (ruff's parser, then
//! lowering into ftl's own tree) as the rest of the VM sees it.
//!
//! What is checked, and against what:
//!
//! * **CPython's syntax errors.** Every expected `(kind, msg, lineno,
//!   offset, end_offset)` below was produced by CPython 3.11.7 with
//!   `compile(src, "x.py", "exec")` and reading the `SyntaxError`'s
//!   `msg` / `lineno` / `offset` / `end_offset`. ftl's [`SyntaxError`]
//!   keeps CPython's 1-based `offset` in `col`; its `end_col` may be `col`
//!   (or 0) where CPython has `offset + 1` (both mean one caret), so the
//!   end is compared as a caret *width*, for `SyntaxError` only (CPython
//!   prints a single caret for `IndentationError` / `TabError` whatever
//!   their `end_offset`). Rendered reports are compared byte for byte with
//!   what `python3 x.py` prints on stderr.
//! * **The subset.** Constructs outside it are refused with
//!   [`ast::unsupported`]'s wording naming the construct, at its line;
//!   a sample of what *is* in it (class decorators, `:=`, f-strings, ...)
//!   lowers.
//! * **Positions** of a few nodes equal CPython's `ast` positions, with
//!   columns in characters (CPython's `col_offset` is in UTF-8 bytes).
//! * **No stack overflow.** Deep input is refused on a thread with 2 MiB of
//!   stack (cargo's default for test threads); deep but legal programs run
//!   through the whole pipeline on an interpreter-sized thread.
//! * **No panics.** Property tests feed arbitrary text, arbitrary bytes,
//!   token soup and mutated corpus programs to `parse`, and whatever
//!   lowers to the symbol table and the compiler; none may panic, and every
//!   error must be well formed.
//!
//! Bugs found while writing these tests are kept out of the passing set in
//! `#[ignore]`d tests (run them with `--ignored`):
//! [`known_divergences_from_cpython`] (messages and positions that differ
//! from CPython's) and [`walrus_without_a_target`] (inputs on which
//! `lower::parse` panics: `return :=`, `pass; :=`, ...). Until the latter is
//! fixed the property tests skip inputs containing `:=`.

mod common;
use common::Consts;

use std::sync::OnceLock;

use ftl_object::GilHeap;
use ftl_syntax::ast::SyntaxErrorKind::{self, Indentation, Syntax, Tab};
use ftl_syntax::ast::{self, ExprKind, Loc, StmtKind, SyntaxError};
use ftl_syntax::lower;
use ftl_syntax::symtable::SymbolTable;
use ftl_vm::compiler::compile_module;
use proptest::prelude::*;

/// Parses source that must be rejected.
fn err(src: &str) -> SyntaxError {
    match lower::parse(src, "x.py") {
        Ok(m) => panic!("expected a syntax error for {src:?}, got {m:?}"),
        Err(e) => e,
    }
}

/// Parses source that must be accepted.
fn ok(src: &str) -> ast::Module {
    match lower::parse(src, "x.py") {
        Ok(m) => m,
        Err(e) => panic!("unexpected error for {src:?}:\n{}", e.render()),
    }
}

/// Runs `f` on a thread with `stack` bytes of stack.
fn on_stack<T: Send + 'static>(stack: usize, f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(stack)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("the thread panicked")
}

/// Runs a program through the whole pipeline as `ftl run` does (on a
/// thread with the interpreter's stack); returns its exit status.
fn run(src: String) -> i32 {
    on_stack(ftl_vm::runtime::INTERPRETER_STACK, move || {
        ftl_vm::run_source::<GilHeap>(&src, "deep.py", vec!["deep.py".into()])
    })
}

/// One expected error: source, kind, message, line, offset, end offset
/// (`-1` or `0` when CPython has none).
type Case = (&'static str, SyntaxErrorKind, &'static str, u32, u32, i64);

/// CPython 3.11.7's errors, which ftl reproduces.
const CPYTHON_ERRORS: &[Case] = &[
    ("if x\n    pass\n", Syntax, "expected ':'", 1, 5, 5),
    ("print 'hi'\n", Syntax, "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1, 11),
    ("f(a b)\n", Syntax, "invalid syntax. Perhaps you forgot a comma?", 1, 3, 6),
    ("x = (1, 2\n", Syntax, "'(' was never closed", 1, 5, 0),
    ("x = 1)\n", Syntax, "unmatched ')'", 1, 6, 6),
    ("x = ]\n", Syntax, "unmatched ']'", 1, 5, 5),
    ("x = [1, 2)\n", Syntax, "closing parenthesis ')' does not match opening parenthesis '['", 1, 10, 10),
    ("x = [1, 2\ny = 3\n", Syntax, "'[' was never closed", 1, 5, 0),
    ("[1, 2, 3\nprint(x)\n", Syntax, "'[' was never closed", 1, 1, 0),
    ("def f(a, b\n    pass\n", Syntax, "'(' was never closed", 1, 6, 0),
    ("def f():\nreturn 1\n", Indentation, "expected an indented block after function definition on line 1", 2, 1, 7),
    ("if x:\npass\n", Indentation, "expected an indented block after 'if' statement on line 1", 2, 1, 5),
    ("  x = 1\n", Indentation, "unexpected indent", 1, 2, -1),
    ("def f():\n  x = 1\n    y = 2\n", Indentation, "unexpected indent", 3, 4, -1),
    ("\n\n\n   \n  foo(\n", Indentation, "unexpected indent", 5, 2, -1),
    ("   \n\tx\n", Indentation, "unexpected indent", 2, 1, -1),
    ("if True:\n        x = 1\n    y = 2\n", Indentation, "unindent does not match any outer indentation level", 3, 10, -1),
    ("for x in y:\n    pass\n  else:\n    pass\n", Indentation, "unindent does not match any outer indentation level", 3, 8, -1),
    ("if 1:\n\tx = 1\n        y = 2\n", Tab, "inconsistent use of tabs and spaces in indentation", 3, 1, 0),
    ("x = 0777\n", Syntax, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5, 6),
    ("x = 1_\n", Syntax, "invalid decimal literal", 1, 6, 6),
    ("x = 1__0\n", Syntax, "invalid decimal literal", 1, 6, 6),
    ("x = 1e\n", Syntax, "invalid decimal literal", 1, 5, 5),
    ("x = 0x\n", Syntax, "invalid hexadecimal literal", 1, 6, 6),
    ("x = 0b102\n", Syntax, "invalid digit '2' in binary literal", 1, 9, 9),
    ("s = 'abc\n", Syntax, "unterminated string literal (detected at line 1)", 1, 5, 5),
    ("x = 1\ns = '''abc\n\n", Syntax, "unterminated triple-quoted string literal (detected at line 3)", 2, 5, 5),
    ("x = '''\n\n\n", Syntax, "unterminated triple-quoted string literal (detected at line 3)", 1, 5, 5),
    ("x = \"\\N{nope}\"\n", Syntax, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-7: unknown Unicode character name", 1, 15, 15),
    ("b\"é\"\n", Syntax, "bytes can only contain ASCII literal characters", 1, 1, 5),
    ("u\"\" b\"\"\n", Syntax, "cannot mix bytes and nonbytes literals", 1, 8, 8),
    ("f\"{}\"\n", Syntax, "f-string: empty expression not allowed", 1, 6, 6),
    ("f\"{x!z}\"\n", Syntax, "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 9, 9),
    ("x = 'a' 'b' f'{'\n", Syntax, "f-string: expecting '}'", 1, 17, 17),
    ("print(f'{x:{y:{z}}}')\n", Syntax, "f-string: expressions nested too deeply", 1, 21, 22),
    ("x = $\n", Syntax, "invalid syntax", 1, 5, 6),
    ("x = 1 +\n", Syntax, "invalid syntax", 1, 8, 8),
    ("a = ¡\n", Syntax, "invalid character '¡' (U+00A1)", 1, 5, 5),
    ("s = 'é' + $\n", Syntax, "invalid syntax", 1, 11, 12),
    ("é = 1\nλ + = 2\n", Syntax, "invalid syntax", 2, 5, 6),
    ("f(**x, *y)\n", Syntax, "iterable argument unpacking follows keyword argument unpacking", 1, 8, 9),
    ("f(x=1, y)\n", Syntax, "positional argument follows keyword argument", 1, 9, 10),
    ("f(x for x in y, 1)\n", Syntax, "Generator expression must be parenthesized", 1, 3, 15),
    ("f(*)\n", Syntax, "invalid syntax", 1, 4, 5),
    ("del f()\n", Syntax, "cannot delete function call", 1, 5, 8),
    ("del (a, 1)\n", Syntax, "cannot delete literal", 1, 9, 10),
    ("x + 1 = 2\n", Syntax, "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1, 6),
    ("'abc' = 1\n", Syntax, "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1, 6),
    ("x = 1 = 2\n", Syntax, "cannot assign to literal", 1, 5, 6),
    ("True = 1\n", Syntax, "cannot assign to True", 1, 1, 5),
    ("None = 1\n", Syntax, "cannot assign to None", 1, 1, 5),
    ("x = [i for i in range(3)] = 1\n", Syntax, "cannot assign to list comprehension", 1, 5, 26),
    ("with open(f) as 1:\n    pass\n", Syntax, "cannot assign to literal", 1, 17, 18),
    ("for 1 in x:\n    pass\n", Syntax, "cannot assign to literal", 1, 5, 6),
    ("f() += 1\n", Syntax, "'function call' is an illegal expression for augmented assignment", 1, 1, 4),
    ("a, b += 1\n", Syntax, "'tuple' is an illegal expression for augmented assignment", 1, 1, 5),
    ("else:\n", Syntax, "invalid syntax", 1, 1, 5),
    ("a if b\n", Syntax, "expected 'else' after 'if' expression", 1, 1, 7),
    ("x = 5 if else 3\n", Syntax, "invalid syntax", 1, 10, 14),
    ("try:\n    pass\nx = 1\n", Syntax, "expected 'except' or 'finally' block", 3, 1, 2),
    ("def f(x=1, y): pass\n", Syntax, "non-default argument follows default argument", 1, 12, 13),
    ("def f(*): pass\n", Syntax, "named arguments must follow bare *", 1, 7, 8),
    ("def f(**k, a): pass\n", Syntax, "arguments cannot follow var-keyword argument", 1, 12, 13),
    ("def None(): pass\n", Syntax, "invalid syntax", 1, 5, 9),
    ("class C\n    pass\n", Syntax, "expected ':'", 1, 8, 8),
    ("class A(B, C:\n    pass\n", Syntax, "invalid syntax", 1, 13, 14),
    ("while x\n    pass\n", Syntax, "expected ':'", 1, 8, 8),
    ("x = {1: 2, 3}\n", Syntax, "':' expected after dictionary key", 1, 12, 0),
    ("import\n", Syntax, "invalid syntax", 1, 7, 7),
    ("from x import\n", Syntax, "invalid syntax", 1, 14, 14),
    ("import a.b as c.d\n", Syntax, "invalid syntax", 1, 16, 17),
    ("x = 1 if 2 else\n", Syntax, "invalid syntax", 1, 16, 16),
    ("x = \\ 1\n", Syntax, "unexpected character after line continuation character", 1, 6, 0),
    ("x = 5 5\n", Syntax, "invalid syntax", 1, 7, 8),
    ("for x in 1, 2 3: pass\n", Syntax, "invalid syntax", 1, 15, 16),
    ("assert(x, 'msg') = 1\n", Syntax, "invalid syntax", 1, 18, 19),
];

/// CPython 3.11.7's errors that ftl does not reproduce yet (found by these
/// tests; see the module doc).
const DIVERGENT_ERRORS: &[Case] = &[
    // ftl: "invalid syntax" at the second operand, no comma hint, when the
    // parenthesised group has no comma at all.
    (
        "x = (1 2)\n",
        Syntax,
        "invalid syntax. Perhaps you forgot a comma?",
        1,
        6,
        9,
    ),
    (
        "s = 'éé'; x = (1 2)\n",
        Syntax,
        "invalid syntax. Perhaps you forgot a comma?",
        1,
        16,
        19,
    ),
    // ftl adds "here. Maybe you meant '==' instead of '='?".
    (
        "(x for x in y) = 1\n",
        Syntax,
        "cannot assign to generator expression",
        1,
        1,
        15,
    ),
    // ftl: "invalid syntax. Perhaps you forgot a comma?" spanning `'b' 2`.
    (
        "x = {'a': 1, 'b' 2}\n",
        Syntax,
        "':' expected after dictionary key",
        1,
        16,
        0,
    ),
    // ftl: "cannot use assignment expressions with expression" (2, 5, 5).
    ("if x:\n    := 1\n", Syntax, "invalid syntax", 2, 5, 7),
    // ftl: "cannot assign to yield expression".
    (
        "x = yield = 3\n",
        Syntax,
        "assignment to yield expression not possible",
        1,
        5,
        10,
    ),
    // ftl accepts it: `f(**k)` then gets {'a': 2}, `g(a)` a TypeError at
    // run time.
    (
        "f(a=1, a=2)\n",
        Syntax,
        "keyword argument repeated: a",
        1,
        8,
        11,
    ),
];

/// How many carets a `SyntaxError` gets for `offset..end`.
fn caret_width(col: u32, end: i64) -> i64 {
    if end > i64::from(col) {
        end - i64::from(col)
    } else {
        1
    }
}

/// Compares ftl's error for each case with CPython's; returns the
/// mismatches, described.
fn mismatches(cases: &[Case]) -> Vec<String> {
    let mut out = Vec::new();
    for &(src, kind, msg, line, col, end) in cases {
        let e = match lower::parse(src, "x.py") {
            Ok(_) => {
                out.push(format!("{src:?}: accepted, CPython says {msg:?}"));
                continue;
            }
            Err(e) => e,
        };
        let same_width =
            kind != Syntax || caret_width(e.col, i64::from(e.end_col)) == caret_width(col, end);
        if (e.kind, e.msg.as_str(), e.line, e.col) != (kind, msg, line, col) || !same_width {
            out.push(format!(
                "{src:?}\n  CPython: {kind:?} {msg:?} line {line} offset {col} end {end}\n  ftl:     {:?} {:?} line {} offset {} end {}",
                e.kind, e.msg, e.line, e.col, e.end_col
            ));
        }
    }
    out
}

#[test]
fn syntax_errors_match_cpython() {
    let bad = mismatches(CPYTHON_ERRORS);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
#[ignore = "ftl differs from CPython here; see DIVERGENT_ERRORS"]
fn known_divergences_from_cpython() {
    let bad = mismatches(DIVERGENT_ERRORS);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// `:=` with no expression before it (after `return`, `yield`, `;`, a
/// line continuation): CPython 3.11.7 reports `invalid syntax` at the `:=`.
/// (The error mapping for `-x := 1` once built an inverted range here and
/// panicked.)
const WALRUS_WITHOUT_TARGET: &[Case] = &[
    ("return :=\n", Syntax, "invalid syntax", 1, 8, 10),
    (
        "def f():\n    yield := 1\n",
        Syntax,
        "invalid syntax",
        2,
        11,
        13,
    ),
    (
        "def f():\n    x = yield :=\n",
        Syntax,
        "invalid syntax",
        2,
        15,
        17,
    ),
    ("pass; :=\n", Syntax, "invalid syntax", 1, 7, 9),
    ("x = 1\n\\\n:= 2\n", Syntax, "invalid syntax", 3, 1, 3),
    ("\n\\\n:=", Syntax, "invalid syntax", 3, 1, 3),
];

#[test]
fn walrus_without_a_target() {
    let mut bad = Vec::new();
    for &case in WALRUS_WITHOUT_TARGET {
        let src = case.0;
        match std::panic::catch_unwind(|| mismatches(&[case])) {
            Ok(m) => bad.extend(m),
            Err(_) => bad.push(format!("{src:?}: lower::parse panicked")),
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn error_fields_carry_the_file_and_line() {
    let e = lower::parse("x = 1\ny = (\n", "dir/prog.py").unwrap_err();
    assert_eq!(e.filename, "dir/prog.py");
    assert_eq!(e.text.as_deref(), Some("y = ("));
    assert_eq!(e.kind.name(), "SyntaxError");
    assert_eq!(
        e.to_string(),
        "SyntaxError: '(' was never closed (dir/prog.py, line 2)"
    );
    assert_eq!(err("  x\n").kind.name(), "IndentationError");
    assert_eq!(
        err("if 1:\n\tx = 1\n        y = 2\n").kind.name(),
        "TabError"
    );
}

#[test]
fn too_many_parentheses_and_huge_literals() {
    // CPython's tokenizer limit of 200 open brackets.
    let src = "x = ".to_owned() + &"(".repeat(201) + "1" + &")".repeat(201) + "\n";
    let e = err(&src);
    assert_eq!(
        (e.msg.as_str(), e.line, e.col),
        ("too many nested parentheses", 1, 205)
    );
    // 4300 digits is CPython's `int_max_str_digits`.
    let e = err(&("x = ".to_owned() + &"1".repeat(5000) + "\n"));
    assert_eq!(
        e.msg,
        "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; \
         use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge \
         integer literals to avoid decimal conversion limits."
    );
    assert_eq!(e.line, 1);
    ok(&("x = ".to_owned() + &"1".repeat(4300) + "\n"));
}

#[test]
fn renders_match_cpython() {
    // What `python3 x.py` (3.11.7) prints on stderr for each source.
    let cases: &[(&str, &str)] = &[
        (
            // Carets are placed by UTF-8 bytes, as CPython does: one column
            // further right per extra byte of `é`.
            "s = 'é' + $\n",
            "  File \"x.py\", line 1\n    s = 'é' + $\n               ^\nSyntaxError: invalid syntax\n",
        ),
        (
            "def f():\nreturn 1\n",
            "  File \"x.py\", line 2\n    return 1\n    ^\nIndentationError: expected an indented block after function definition on line 1\n",
        ),
        (
            "x = [1, 2)\n",
            "  File \"x.py\", line 1\n    x = [1, 2)\n             ^\nSyntaxError: closing parenthesis ')' does not match opening parenthesis '['\n",
        ),
        (
            "f(a, b c)\n",
            "  File \"x.py\", line 1\n    f(a, b c)\n         ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n",
        ),
        (
            "if True:\n        x = 1\n    y = 2\n",
            "  File \"x.py\", line 3\n    y = 2\n         ^\nIndentationError: unindent does not match any outer indentation level\n",
        ),
    ];
    for (src, expected) in cases {
        assert_eq!(err(src).render(), *expected, "{src:?}");
    }
}

#[test]
fn unsupported_constructs_are_named() {
    // (source, construct, line): each is refused at its own line with the
    // subset's wording.
    let cases: &[(&str, &str, u32)] = &[
        ("x = 1\nasync def f():\n    pass\n", "'async def'", 2),
        (
            "def f():\n    async for x in y:\n        pass\n",
            "'async for'",
            2,
        ),
        (
            "def f():\n    async with a:\n        pass\n",
            "'async with'",
            2,
        ),
        ("def f():\n    return await g()\n", "'await'", 2),
        (
            "def f():\n    return [x async for x in y]\n",
            "async comprehension",
            2,
        ),
        ("[x async for x in y]\n", "async comprehension", 1),
        (
            "x = 3\nmatch x:\n    case 3:\n        pass\n",
            "'match' statement",
            2,
        ),
        ("type Alias = int\n", "'type' statement", 1),
        (
            "try:\n    pass\nexcept* ValueError:\n    pass\n",
            "'except*'",
            3,
        ),
        ("from . import sibling\n", "relative import", 1),
        ("z = 3j\n", "complex literal", 1),
        ("def f[T](x):\n    return x\n", "type parameters", 1),
    ];
    for &(src, construct, line) in cases {
        let e = err(src);
        assert_eq!(e.kind, Syntax, "{src:?}");
        assert_eq!(e.msg, ast::unsupported(construct), "{src:?}");
        assert!(e.msg.contains(construct), "{src:?}");
        assert!(e
            .msg
            .ends_with("is not supported by ftl (it runs a subset of Python)"));
        assert_eq!(e.line, line, "{src:?}");
        assert!(e.col >= 1, "{src:?}");
    }
    // The first offending construct in source order is the one reported.
    let e = err("from . import x\nz = 1j\n");
    assert_eq!(
        (e.msg.clone(), e.line),
        (ast::unsupported("relative import"), 1)
    );
}

#[test]
fn constructs_inside_the_subset_lower() {
    let sources = [
        // Decorators on classes and functions, with arguments.
        "@register\n@deco(1, k=2)\nclass C(Base):\n    @property\n    def p(self):\n        return 1\n",
        // Assignment expressions.
        "if (n := 10) > 5:\n    pass\nwhile (line := f()):\n    pass\n",
        // Every parameter kind, with annotations (dropped).
        "def f(a: int, /, b=2, *args: str, c, d: float = 1.0, **kw) -> None:\n    pass\n",
        // f-strings with conversions, nested specs and `=`.
        "x = f\"{a!r:>{w}} {b=} {{literal}} {c:.{p}f}\"\n",
        // Comprehensions of every kind, lambdas, conditional expressions.
        "r = [x for x in y if x], {x for x in y}, {k: v for k, v in z}, (g for g in h)\nf = lambda *a, k=1, **kw: a if k else kw\n",
        // try / except / else / finally, with, global, nonlocal, del.
        "def f():\n    global G\n    x = 1\n    def g():\n        nonlocal x\n        del x\n    try:\n        with a as (b, c), d:\n            pass\n    except (E, F) as e:\n        raise X from e\n    else:\n        pass\n    finally:\n        pass\n",
        // Star targets, slices, chained comparisons, `yield from`.
        "a, *b = c[1:2, ::3]\nok = 1 < x <= 2 != y\ndef g():\n    yield from range(3)\n",
        // Imports, dotted and aliased.
        "import os.path as p, sys\nfrom math import sqrt as s, pi\n",
    ];
    for src in sources {
        ok(src);
    }
}

#[test]
fn positions_follow_cpython_ast_in_characters() {
    // CPython 3.11's `ast` for this source: If (2,0)-(6,8); the Assign
    // (3,4)-(4,16); its BinOp (3,8)-(4,16); the Call at byte 15 of line 3,
    // which is character 14 (`é` is two bytes), to (4,16); the Return
    // (8,4)-(8,25) and its ListComp (8,11)-(8,25).
    let src = "x = 1\nif x:\n    y = \"é\" + f(x,\n              2)\nelse:\n    pass\ndef g(a, *, b=2):\n    return [i for i in a]\n";
    let module = ok(src);
    let loc = |line, col, end_line, end_col| Loc {
        line,
        col,
        end_line,
        end_col,
    };
    assert_eq!(module.body.len(), 3);
    assert_eq!(module.body[0].loc, loc(1, 0, 1, 5));
    assert_eq!(module.body[1].loc, loc(2, 0, 6, 8));
    assert_eq!(module.body[2].loc, loc(7, 0, 8, 25));
    let StmtKind::If { body, orelse, .. } = &module.body[1].kind else {
        panic!("not an if: {:?}", module.body[1].kind)
    };
    assert_eq!(orelse[0].loc, loc(6, 4, 6, 8));
    assert_eq!(body[0].loc, loc(3, 4, 4, 16));
    let StmtKind::Assign { value, .. } = &body[0].kind else {
        panic!("not an assignment")
    };
    assert_eq!(value.loc, loc(3, 8, 4, 16));
    let ExprKind::BinOp { right, .. } = &value.kind else {
        panic!("not a binop")
    };
    assert_eq!(right.loc, loc(3, 14, 4, 16));
    assert!(matches!(right.kind, ExprKind::Call { .. }));
    let StmtKind::FunctionDef(def) = &module.body[2].kind else {
        panic!("not a def")
    };
    assert_eq!(def.params.args[0].name, "a");
    assert_eq!(def.params.kwonly[0].name, "b");
    assert_eq!(def.body[0].loc, loc(8, 4, 8, 25));
    let StmtKind::Return(Some(ret)) = &def.body[0].kind else {
        panic!("not a return")
    };
    assert_eq!(ret.loc, loc(8, 11, 8, 25));
}

/// Inputs nested far beyond any limit, with the error each must give.
fn deep_inputs() -> Vec<(String, &'static str)> {
    let too_deep = "expression too deeply nested";
    vec![
        ("x = ".to_owned() + &"-".repeat(100_000) + "1\n", too_deep),
        (
            "x = ".to_owned() + &"not ".repeat(100_000) + "x\n",
            too_deep,
        ),
        (
            "x = ".to_owned() + &"a + ".repeat(100_000) + "a\n",
            too_deep,
        ),
        ("x = a".to_owned() + &".b".repeat(100_000) + "\n", too_deep),
        ("x = f".to_owned() + &"(1)".repeat(100_000) + "\n", too_deep),
        (
            "x = ".to_owned() + &"lambda: ".repeat(100_000) + "0\n",
            too_deep,
        ),
        (
            "x = ".to_owned() + &"[".repeat(100_000),
            "too many nested parentheses",
        ),
        (
            "x = ".to_owned() + &"{".repeat(100_000),
            "too many nested parentheses",
        ),
        (
            (0..150)
                .map(|i| format!("{}if x:\n", " ".repeat(i)))
                .collect::<String>()
                + &" ".repeat(150)
                + "pass\n",
            "too many levels of indentation",
        ),
    ]
}

#[test]
fn deep_nesting_is_refused_on_a_small_stack() {
    // 2 MiB: the stack cargo gives test threads, a quarter of a main
    // thread's. Lowering must not recurse per level of expression nesting.
    on_stack(2 << 20, || {
        for (src, msg) in deep_inputs() {
            let e = err(&src);
            assert_eq!(e.msg, msg, "{}...", &src[..30]);
            assert_eq!(e.line, if msg.contains("indentation") { 101 } else { 1 });
        }
    });
}

#[test]
fn deep_input_fails_cleanly_through_run_source() {
    for (src, _) in deep_inputs() {
        assert_eq!(run(src), 1);
    }
}

#[test]
fn deep_but_legal_programs_run() {
    // Just inside each limit, through lowering, scope analysis, the
    // compiler (which recurses) and the eval loop.
    let unary = "x = ".to_owned() + &"-".repeat(2990) + "1\nassert x == 1\n";
    assert_eq!(run(unary), 0);
    let sum = "a = 1\nx = ".to_owned() + &"a + ".repeat(2900) + "a\nassert x == 2901\n";
    assert_eq!(run(sum), 0);
    let parens =
        "x = ".to_owned() + &"(".repeat(199) + "7" + &")".repeat(199) + "\nassert x == 7\n";
    assert_eq!(run(parens), 0);
    let lists = "x = ".to_owned() + &"[".repeat(199) + &"]".repeat(199) + "\n";
    let lists = lists + "d = 0\nwhile x:\n    x = x[0]\n    d += 1\nassert d == 198, d\n";
    assert_eq!(run(lists), 0);
    // 99 levels of indentation (the limit is 100 including column 0).
    let ifs: String = (0..99)
        .map(|i| format!("{}if True:\n", " ".repeat(i)))
        .collect();
    let ifs = ifs + &" ".repeat(99) + "x = 1\nassert x == 1\n";
    assert_eq!(run(ifs), 0);
    // 50 nested functions, each closing over the outermost's variable.
    let mut defs = String::from("def f0():\n    v = 42\n");
    for i in 1..50 {
        defs += &format!("{}def f{i}():\n", "    ".repeat(i));
    }
    defs += &format!("{}return v\n", "    ".repeat(50));
    for i in (1..50).rev() {
        defs += &format!("{}return f{i}()\n", "    ".repeat(i));
    }
    defs += "assert f0() == 42\n";
    assert_eq!(run(defs), 0);
    // A long flat list display.
    let flat = "x = [".to_owned() + &"1,".repeat(100_000) + "]\nassert len(x) == 100000\n";
    assert_eq!(run(flat), 0);
}

// ----- property tests: nothing panics -----------------------------------

/// The number of lines of `src` as CPython counts them (`\r\n`, `\n` and a
/// lone `\r` end a line), plus one for an error at end of file.
fn line_bound(src: &str) -> u32 {
    let b = src.as_bytes();
    let breaks = (0..b.len())
        .filter(|&i| b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')))
        .count();
    u32::try_from(breaks).unwrap_or(u32::MAX).saturating_add(2)
}

/// Parses `src`; an error must be well formed, and a module must go
/// through scope analysis and compilation without panicking.
fn front_end_never_panics(src: &str) -> Result<(), TestCaseError> {
    match lower::parse(src, "x.py") {
        Err(e) => {
            prop_assert!(
                e.line >= 1 && e.line <= line_bound(src),
                "line {} for {src:?}",
                e.line
            );
            if let Some(text) = &e.text {
                prop_assert!(!text.contains('\n'), "{text:?}");
            }
            let shown = e.render();
            let head = format!("  File \"x.py\", line {}\n", e.line);
            let tail = format!("{}: {}\n", e.kind.name(), e.msg);
            prop_assert!(shown.starts_with(&head), "{shown}");
            prop_assert!(shown.ends_with(&tail), "{shown}");
        }
        Ok(module) => {
            if SymbolTable::build(&module).is_ok() {
                let _ = compile_module::<GilHeap>(&module, "x.py", src, &mut Consts);
            }
        }
    }
    Ok(())
}

/// Fragments of Python, valid and not, for token soup.
const ATOMS: &[&str] = &[
    ":=",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ".",
    ";",
    "=",
    "+=",
    "->",
    "*",
    "**",
    "-",
    "~",
    "@",
    "!",
    "$",
    "?",
    "if ",
    "elif ",
    "else",
    "for ",
    " in ",
    "while ",
    "def ",
    "class ",
    "return ",
    "lambda ",
    "yield ",
    "from ",
    "import ",
    "try",
    "except ",
    "finally",
    "with ",
    "as ",
    "async ",
    "await ",
    "not ",
    "and ",
    "or ",
    "global ",
    "nonlocal ",
    "del ",
    "pass",
    "break",
    "continue",
    "raise ",
    "print ",
    "match ",
    "case ",
    "type ",
    "super()",
    "x",
    "y",
    "é",
    "😀",
    "\u{a0}",
    "1",
    "0x",
    "0b2",
    "1_",
    "1e",
    "012",
    "1j",
    ".5",
    "'",
    "\"",
    "'''",
    "f'{",
    "f'{x!r:>{y}}'",
    "f'{x=}'",
    "b'\\x1'",
    "'\\N{foo}'",
    "t'x'",
    "\n",
    "\n",
    "\n",
    "    ",
    "\t",
    " ",
    "\\",
    "\\\n",
    "\r\n",
    "\r",
    "\x0c",
    "#c",
    "\0",
];

/// The corpus programs (read once).
fn corpus() -> &'static [String] {
    static CORPUS: OnceLock<Vec<String>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/parity");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("corpus/parity")
            .map(|e| e.expect("dir entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "py"))
            .collect();
        files.sort();
        files
            .iter()
            .map(|p| std::fs::read_to_string(p).expect("read"))
            .collect()
    })
}

/// `s` cut at the character boundary at or before `at`.
fn floor_boundary(s: &str, mut at: usize) -> usize {
    at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn arbitrary_text_never_panics(src in any::<String>()) {
        front_end_never_panics(&src)?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        front_end_never_panics(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn token_soup_never_panics(
        atoms in prop::collection::vec(prop::sample::select(ATOMS), 0..60)
    ) {
        front_end_never_panics(&atoms.concat())?;
    }
}

proptest! {
    #![proptest_config(config(200))]

    /// Near-valid programs: a corpus program with a span cut out and a
    /// fragment put in its place.
    #[test]
    fn mutated_corpus_programs_never_panic(
        file in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
        cut in 0usize..40,
        insert in prop::collection::vec(prop::sample::select(ATOMS), 0..4),
    ) {
        let programs = corpus();
        let src = &programs[file.index(programs.len())];
        let start = floor_boundary(src, at.index(src.len() + 1));
        let end = floor_boundary(src, start + cut);
        let mutated = format!("{}{}{}", &src[..start], insert.concat(), &src[end..]);
        front_end_never_panics(&mutated)?;
    }
}

#[test]
fn corpus_programs_lower() {
    // The mutation test above starts from programs that are valid.
    assert!(corpus().len() >= 70);
    for src in corpus() {
        let module = ok(src);
        assert!(!module.body.is_empty());
    }
}
