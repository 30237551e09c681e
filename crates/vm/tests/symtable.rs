//! Integration tests of scope analysis (`symtable.rs`), checked against
//! CPython 3.11.7's own symbol table.
//!
//! The expectations were produced by running CPython's `symtable` module on
//! the same source and reading each symbol's resolved scope (`LOCAL`,
//! `CELL`, `FREE`, `GLOBAL_EXPLICIT`, `GLOBAL_IMPLICIT`), and by compiling it
//! and reading `co_varnames` / `co_cellvars` / `co_freevars` of each code
//! object. ftl's [`Binding`]s correspond one to one for function, lambda,
//! comprehension and class scopes. The module scope is not compared: ftl
//! resolves every module-level name as a global (the module's namespace
//! *is* its globals), where CPython's table says `LOCAL`.
//!
//! Cell and free variable *sets* are compared, not their order (ftl orders
//! cells by first appearance, CPython by name; nothing observes it).
//!
//! Scope errors are compared with what `compile(src, "x.py", "exec")`
//! raises: the message, and the line and offset once the error has been
//! through `compile_module` (which is where the VM reports them). The
//! cases where ftl differs from CPython are kept in `#[ignore]`d tests.

mod common;
use common::{Consts, PROGRAM};

use std::collections::{BTreeMap, BTreeSet};

use ftl_object::GilHeap;
use ftl_syntax::ast::StmtKind;
use ftl_syntax::lower;
use ftl_syntax::symtable::{Binding, Scope, ScopeKind, SymbolTable};
use ftl_vm::compiler::compile_module;

use Binding::{Cell, Free, GlobalExplicit as GExp, GlobalImplicit as GImp, Local};

/// Lowers and analyses `src`, which must be valid.
fn table(src: &str) -> SymbolTable {
    let module = lower::parse(src, "x.py").expect("valid source");
    SymbolTable::build(&module).expect("no scope error")
}

/// The `n`th scope (0-based, in source order) named `name`.
fn scope<'t>(t: &'t SymbolTable, name: &str, n: usize) -> &'t Scope {
    t.scopes
        .iter()
        .filter(|s| s.name == name)
        .nth(n)
        .unwrap_or_else(|| panic!("no scope #{n} named {name}"))
}

/// A set of names.
fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|s| s.to_string()).collect()
}

/// One scope's expected analysis (from CPython): the scope's name and
/// occurrence, its kind, every name with its binding, its cell and free
/// variables.
struct Expected {
    name: &'static str,
    nth: usize,
    kind: ScopeKind,
    bindings: &'static [(&'static str, Binding)],
    cells: &'static [&'static str],
    frees: &'static [&'static str],
}

const EXPECTED: &[Expected] = &[
    Expected {
        name: "outer",
        nth: 0,
        kind: ScopeKind::Function,
        bindings: &[
            ("a", Cell),
            ("args", Cell),
            ("b", Cell),
            ("c", Cell),
            ("k", Local),
            ("kw", Cell),
            ("lam", Local),
            ("middle", Local),
            ("other", Local),
        ],
        cells: &["a", "args", "kw", "b", "c"],
        frees: &[],
    },
    Expected {
        name: "middle",
        nth: 0,
        kind: ScopeKind::Function,
        bindings: &[("args", Free), ("b", Free), ("c", Free), ("inner", Local)],
        cells: &[],
        frees: &["args", "b", "c"],
    },
    Expected {
        name: "inner",
        nth: 0,
        kind: ScopeKind::Function,
        bindings: &[
            ("args", Free),
            ("b", Free),
            ("c", Free),
            ("g", GImp),
            ("len", GImp),
        ],
        cells: &[],
        frees: &["args", "b", "c"],
    },
    Expected {
        name: "other",
        nth: 0,
        kind: ScopeKind::Function,
        bindings: &[("a", Free), ("g", GExp)],
        cells: &[],
        frees: &["a"],
    },
    Expected {
        name: "<lambda>",
        nth: 0,
        kind: ScopeKind::Function,
        bindings: &[("kw", Free), ("x", Local)],
        cells: &[],
        frees: &["kw"],
    },
    Expected {
        name: "Klass",
        nth: 0,
        kind: ScopeKind::Class,
        bindings: &[("attr", Local), ("method", Local), ("plain", Local)],
        cells: &["__class__"],
        frees: &[],
    },
    Expected {
        name: "method",
        nth: 0,
        kind: ScopeKind::Function,
        bindings: &[
            ("__class__", Free),
            ("attr", GImp),
            ("self", Local),
            ("super", GImp),
        ],
        cells: &[],
        frees: &["__class__"],
    },
    Expected {
        name: "plain",
        nth: 0,
        kind: ScopeKind::Function,
        bindings: &[("self", Local)],
        cells: &[],
        frees: &[],
    },
    Expected {
        name: "comps",
        nth: 0,
        kind: ScopeKind::Function,
        bindings: &[
            ("d", Local),
            ("data", Local),
            ("gen", Local),
            ("lst", Local),
            ("nested", Local),
            ("scale", Cell),
        ],
        cells: &["scale"],
        frees: &[],
    },
    Expected {
        name: "<listcomp>",
        nth: 0,
        kind: ScopeKind::Comprehension,
        bindings: &[(".0", Local), ("scale", Free), ("x", Local)],
        cells: &[],
        frees: &["scale"],
    },
    Expected {
        // `[[y for y in row] for row in data]`: the outer comprehension.
        name: "<listcomp>",
        nth: 1,
        kind: ScopeKind::Comprehension,
        bindings: &[(".0", Local), ("row", Local)],
        cells: &[],
        frees: &[],
    },
    Expected {
        // ... and the inner one, whose iterable `row` was evaluated in the
        // outer one and passed in as `.0`.
        name: "<listcomp>",
        nth: 2,
        kind: ScopeKind::Comprehension,
        bindings: &[(".0", Local), ("y", Local)],
        cells: &[],
        frees: &[],
    },
    Expected {
        name: "<genexpr>",
        nth: 0,
        kind: ScopeKind::Comprehension,
        bindings: &[(".0", Local), ("scale", Free), ("z", Local)],
        cells: &[],
        frees: &["scale"],
    },
    Expected {
        name: "<dictcomp>",
        nth: 0,
        kind: ScopeKind::Comprehension,
        bindings: &[(".0", Local), ("k", Local), ("v", Local)],
        cells: &[],
        frees: &[],
    },
    Expected {
        name: "class_in_func",
        nth: 0,
        kind: ScopeKind::Function,
        bindings: &[("Inner", Local), ("hidden", Cell), ("shadowed", Cell)],
        cells: &["hidden", "shadowed"],
        frees: &[],
    },
    Expected {
        // The class binds `shadowed` itself; its method still sees the
        // function's `shadowed` (class scopes are skipped), so the class
        // passes it through as a free variable.
        name: "Inner",
        nth: 0,
        kind: ScopeKind::Class,
        bindings: &[
            ("hidden", Free),
            ("m", Local),
            ("seen", Local),
            ("shadowed", Local),
        ],
        cells: &[],
        frees: &["hidden", "shadowed"],
    },
    Expected {
        name: "m",
        nth: 0,
        kind: ScopeKind::Function,
        bindings: &[("hidden", Free), ("self", Local), ("shadowed", Free)],
        cells: &[],
        frees: &["hidden", "shadowed"],
    },
    Expected {
        name: "gen_fn",
        nth: 0,
        kind: ScopeKind::Function,
        bindings: &[],
        cells: &[],
        frees: &[],
    },
    Expected {
        name: "deleter",
        nth: 0,
        kind: ScopeKind::Function,
        bindings: &[
            ("Exception", GImp),
            ("e", Local),
            ("fh", Local),
            ("i", Local),
            ("open", GImp),
            ("os", Local),
            ("range", GImp),
            ("s", Local),
            ("x", Local),
        ],
        cells: &[],
        frees: &[],
    },
];

#[test]
fn bindings_match_cpython() {
    let t = table(PROGRAM);
    let mut problems = Vec::new();
    for e in EXPECTED {
        let s = scope(&t, e.name, e.nth);
        let want: BTreeMap<String, Binding> = e
            .bindings
            .iter()
            .map(|&(n, b)| (n.to_string(), b))
            .collect();
        let got: BTreeMap<String, Binding> =
            s.bindings.iter().map(|(n, &b)| (n.clone(), b)).collect();
        if s.kind != e.kind {
            problems.push(format!(
                "{}#{}: kind {:?}, not {:?}",
                e.name, e.nth, s.kind, e.kind
            ));
        }
        if got != want {
            problems.push(format!(
                "{}#{}: bindings\n  got  {got:?}\n  want {want:?}",
                e.name, e.nth
            ));
        }
        for &(name, b) in e.bindings {
            if s.binding(name) != b {
                problems.push(format!(
                    "{}#{}: binding({name}) = {:?}",
                    e.name,
                    e.nth,
                    s.binding(name)
                ));
            }
        }
        let cells: BTreeSet<String> = s.cellvars.iter().cloned().collect();
        let frees: BTreeSet<String> = s.freevars.iter().cloned().collect();
        if cells != set(e.cells) {
            problems.push(format!(
                "{}#{}: cells {cells:?}, want {:?}",
                e.name, e.nth, e.cells
            ));
        }
        if frees != set(e.frees) {
            problems.push(format!(
                "{}#{}: frees {frees:?}, want {:?}",
                e.name, e.nth, e.frees
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn unknown_names_are_implicit_globals() {
    let t = table(PROGRAM);
    assert_eq!(scope(&t, "inner", 0).binding("never_mentioned"), GImp);
    assert_eq!(scope(&t, "Klass", 0).binding("never_mentioned"), GImp);
    // A name only a nested function uses is global there and absent here.
    assert!(!scope(&t, "outer", 0).bindings.contains_key("len"));
}

#[test]
fn scope_shapes_match_cpython_code_objects() {
    let t = table(PROGRAM);
    assert_eq!(t.scopes[0].kind, ScopeKind::Module);
    assert_eq!(t.scopes[0].name, "<module>");
    // Every scope of the program, in source order (preorder), as CPython's
    // code objects nest.
    let names: Vec<&str> = t.scopes.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "<module>",
            "outer",
            "middle",
            "inner",
            "other",
            "<lambda>",
            "Klass",
            "method",
            "plain",
            "comps",
            "<listcomp>",
            "<listcomp>",
            "<listcomp>",
            "<genexpr>",
            "<dictcomp>",
            "class_in_func",
            "Inner",
            "m",
            "gen_fn",
            "deleter",
        ]
    );
    // co_varnames: parameters first (positional, keyword-only, *args,
    // **kwargs), then the other plain locals; cells that are not
    // parameters are not fast locals (CPython 3.11).
    let varnames = |name, n| scope(&t, name, n).varnames();
    assert_eq!(
        varnames("outer", 0),
        ["a", "k", "args", "kw", "middle", "other", "lam"]
    );
    assert_eq!(scope(&t, "outer", 0).params, ["a", "k", "args", "kw"]);
    assert_eq!(varnames("middle", 0), ["inner"]);
    assert!(varnames("inner", 0).is_empty());
    assert_eq!(varnames("<lambda>", 0), ["x"]);
    assert_eq!(varnames("method", 0), ["self"]);
    assert_eq!(varnames("comps", 0), ["data", "lst", "nested", "gen", "d"]);
    assert_eq!(varnames("<listcomp>", 0), [".0", "x"]);
    assert_eq!(varnames("<listcomp>", 1), [".0", "row"]);
    assert_eq!(varnames("<genexpr>", 0), [".0", "z"]);
    assert_eq!(varnames("<dictcomp>", 0), [".0", "k", "v"]);
    assert_eq!(varnames("class_in_func", 0), ["Inner"]);
    assert_eq!(varnames("deleter", 0), ["x", "e", "i", "fh", "os", "s"]);
    // Generators: functions with `yield` and generator expressions.
    let generators: Vec<&str> = t
        .scopes
        .iter()
        .filter(|s| s.is_generator)
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(generators, ["<genexpr>", "gen_fn"]);
    // The `__class__` cell: only where a method calls `super()`.
    assert!(scope(&t, "Klass", 0).needs_class_cell);
    assert!(!scope(&t, "Inner", 0).needs_class_cell);
    // co_firstlineno.
    let line = |name, n| scope(&t, name, n).line;
    assert_eq!(
        (
            line("outer", 0),
            line("middle", 0),
            line("inner", 0),
            line("<lambda>", 0)
        ),
        (4, 7, 10, 16)
    );
    assert_eq!(
        (line("Klass", 0), line("method", 0), line("<genexpr>", 0)),
        (19, 21, 30)
    );
}

#[test]
fn scopes_are_found_by_node() {
    let module = lower::parse(PROGRAM, "x.py").expect("valid");
    let t = SymbolTable::build(&module).expect("no error");
    let mut found = Vec::new();
    for stmt in &module.body {
        if let StmtKind::FunctionDef(_) | StmtKind::ClassDef(_) = &stmt.kind {
            let id = t.scope_of(stmt).expect("a def has a scope");
            found.push(t.scopes[id].name.as_str());
        } else {
            assert_eq!(t.scope_of(stmt), None);
        }
    }
    assert_eq!(
        found,
        [
            "outer",
            "Klass",
            "comps",
            "class_in_func",
            "gen_fn",
            "deleter"
        ]
    );
}

#[test]
fn small_programs() {
    // A parameter captured by a lambda is a cell; the lambda's own
    // parameter shadows an outer name.
    let t = table("def f(x, y):\n    return lambda y: x + y\n");
    let f = scope(&t, "f", 0);
    assert_eq!((f.binding("x"), f.binding("y")), (Cell, Local));
    let l = scope(&t, "<lambda>", 0);
    assert_eq!((l.binding("x"), l.binding("y")), (Free, Local));

    // `global` in a nested function does not make the enclosing one's
    // variable a cell.
    let t = table(
        "def f():\n    v = 1\n    def g():\n        global v\n        return v\n    return g\n",
    );
    assert_eq!(scope(&t, "f", 0).binding("v"), Local);
    assert_eq!(scope(&t, "g", 0).binding("v"), GExp);
    assert!(scope(&t, "f", 0).cellvars.is_empty());

    // A free variable is found in the nearest enclosing function, through a
    // function that does not use it.
    let t = table("def a():\n    v = 1\n    def b():\n        def c():\n            return v\n        return c\n    return b\n");
    assert_eq!(scope(&t, "a", 0).binding("v"), Cell);
    assert_eq!(scope(&t, "b", 0).binding("v"), Free);
    assert_eq!(scope(&t, "c", 0).binding("v"), Free);

    // Comprehension variables stay in the comprehension; the enclosing
    // function's names are free in it.
    let t = table("def f(n):\n    i = 'outer'\n    return [i * n for i in range(n)], i\n");
    assert_eq!(scope(&t, "f", 0).binding("i"), Local);
    assert_eq!(scope(&t, "f", 0).binding("n"), Cell);
    let lc = scope(&t, "<listcomp>", 0);
    assert_eq!((lc.binding("i"), lc.binding("n")), (Local, Free));

    // At module level a comprehension's outer names are globals.
    let t = table("k = 2\nr = [k * v for v in range(3)]\n");
    let lc = scope(&t, "<listcomp>", 0);
    assert_eq!((lc.binding("k"), lc.binding("v")), (GImp, Local));

    // A class body reads a name of the enclosing function through its
    // closure, and its methods never see the class's own names.
    let t = table("def f():\n    x = 1\n    class C:\n        y = x\n        def m(self):\n            return y\n    return C\n");
    assert_eq!(scope(&t, "C", 0).binding("x"), Free);
    assert_eq!(scope(&t, "m", 0).binding("y"), GImp);
    assert_eq!(scope(&t, "f", 0).binding("x"), Cell);

    // `nonlocal` reaches past a class scope to the function around it.
    let t = table("def f():\n    x = 1\n    class C:\n        def m(self):\n            nonlocal x\n            x = 2\n    return C\n");
    assert_eq!(scope(&t, "m", 0).binding("x"), Free);
    assert_eq!(scope(&t, "f", 0).binding("x"), Cell);

    // Zero-argument `super()` in a nested function of a method still needs
    // `__class__`, passed through the method.
    let t = table("class A:\n    def m(self):\n        def inner():\n            return super()\n        return inner\n");
    assert!(scope(&t, "A", 0).needs_class_cell);
    assert_eq!(scope(&t, "m", 0).binding("__class__"), Free);
    assert_eq!(scope(&t, "inner", 0).binding("__class__"), Free);

    // A walrus outside comprehensions binds in its own scope.
    let t = table("def f(xs):\n    if (n := len(xs)) > 1:\n        return n\n");
    assert_eq!(scope(&t, "f", 0).binding("n"), Local);

    // Positional-only, keyword-only and star parameters, in CPython's
    // co_varnames order.
    let t = table("def f(a, /, b, *c, d, **e):\n    z = 1\n");
    assert_eq!(scope(&t, "f", 0).varnames(), ["a", "b", "d", "c", "e", "z"]);
}

/// A scope error: lowers `src` and runs the analysis, which must fail.
fn scope_error(src: &str) -> ftl_syntax::symtable::ScopeError {
    let module = lower::parse(src, "x.py").expect("valid syntax");
    match SymbolTable::build(&module) {
        Ok(_) => panic!("expected a scope error for {src:?}"),
        Err(e) => e,
    }
}

/// The error `compile_module` reports for `src` (scope errors surface
/// there).
fn compile_error(src: &str) -> ftl_syntax::ast::SyntaxError {
    let module = lower::parse(src, "x.py").expect("valid syntax");
    match compile_module::<GilHeap>(&module, "x.py", src, &mut Consts) {
        Ok(_) => panic!("expected a compile error for {src:?}"),
        Err(e) => e,
    }
}

/// (source, CPython's message, lineno, offset) for errors ftl matches.
const SCOPE_ERRORS: &[(&str, &str, u32, u32)] = &[
    (
        "nonlocal x\n",
        "nonlocal declaration not allowed at module level",
        1,
        1,
    ),
    (
        "if True:\n    nonlocal x\n",
        "nonlocal declaration not allowed at module level",
        2,
        5,
    ),
    (
        "def f(a):\n    global a\n",
        "name 'a' is parameter and global",
        2,
        5,
    ),
    (
        "def f(a):\n    nonlocal a\n",
        "name 'a' is parameter and nonlocal",
        2,
        5,
    ),
    (
        "def f():\n    print(x)\n    global x\n",
        "name 'x' is used prior to global declaration",
        3,
        5,
    ),
    (
        "def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x\n",
        "name 'x' is used prior to nonlocal declaration",
        5,
        9,
    ),
];

#[test]
fn scope_errors_match_cpython() {
    for &(src, msg, line, offset) in SCOPE_ERRORS {
        let e = scope_error(src);
        assert_eq!(e.msg, msg, "{src:?}");
        assert_eq!(e.loc.line, line, "{src:?}");
        let e = compile_error(src);
        assert_eq!(
            (e.msg.as_str(), e.line, e.col),
            (msg, line, offset),
            "{src:?}"
        );
        assert_eq!(e.kind.name(), "SyntaxError");
    }
    // Duplicate parameters: CPython's message (its position differs; see
    // the ignored test below).
    for src in [
        "def f(a, a): pass\n",
        "lambda a, a: 0\n",
        "def f(a, *, a): pass\n",
        "def f(a, *a): pass\n",
    ] {
        assert_eq!(
            scope_error(src).msg,
            "duplicate argument 'a' in function definition",
            "{src:?}"
        );
    }
}

#[test]
#[ignore = "ftl differs from CPython: wording and positions of scope errors"]
fn scope_error_divergences() {
    // Each was checked with CPython 3.11.7's compile(src, "x.py", "exec").
    let cases: &[(&str, &str, u32, u32)] = &[
        // ftl: "... is assigned to prior to global declaration".
        (
            "def f():\n    x = 1\n    global x\n",
            "name 'x' is assigned to before global declaration",
            3,
            5,
        ),
        (
            "def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x\n",
            "name 'x' is assigned to before nonlocal declaration",
            5,
            9,
        ),
        // ftl checks for module level first: "nonlocal declaration not
        // allowed at module level".
        (
            "x = 1\nif x:\n    nonlocal x\n",
            "name 'x' is used prior to nonlocal declaration",
            3,
            5,
        ),
        (
            "x = 1\nnonlocal x\n",
            "name 'x' is assigned to before nonlocal declaration",
            2,
            1,
        ),
        // ftl reports the line of the enclosing `def` / `class`, offset 1.
        (
            "def f():\n    def g():\n        nonlocal x\n",
            "no binding for nonlocal 'x' found",
            3,
            9,
        ),
        (
            "class C:\n    nonlocal x\n",
            "no binding for nonlocal 'x' found",
            2,
            5,
        ),
        // ftl reports the `nonlocal` line.
        (
            "def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n",
            "name 'x' is nonlocal and global",
            4,
            9,
        ),
        // ftl points at the whole `def` (offset 1).
        (
            "def f(a, a): pass\n",
            "duplicate argument 'a' in function definition",
            1,
            10,
        ),
        (
            "lambda a, a: 0\n",
            "duplicate argument 'a' in function definition",
            1,
            11,
        ),
    ];
    let mut bad = Vec::new();
    for &(src, msg, line, offset) in cases {
        let e = compile_error(src);
        if (e.msg.as_str(), e.line, e.col) != (msg, line, offset) {
            bad.push(format!(
                "{src:?}\n  CPython: {msg:?} line {line} offset {offset}\n  ftl:     {:?} line {} offset {}",
                e.msg, e.line, e.col
            ));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
#[ignore = "ftl differs from CPython: yield in comprehensions, walrus in comprehensions"]
fn comprehension_divergences() {
    let mut bad = Vec::new();
    // CPython: SyntaxError "'yield' inside list comprehension" (1, 26) and
    // "'yield' inside generator expression" (1, 19); ftl compiles both.
    for src in [
        "[x for x in range(3) if (yield)]\n",
        "(x for x in y if (yield))\n",
    ] {
        let module = lower::parse(src, "x.py").expect("syntax");
        if compile_module::<GilHeap>(&module, "x.py", src, &mut Consts).is_ok() {
            bad.push(format!("{src:?} compiles"));
        }
    }
    // PEP 572: an assignment expression in a comprehension binds in the
    // enclosing function (CPython: `y` is a cell of `f`, free in the
    // comprehension); ftl makes it a local of the comprehension.
    let t = table("def f():\n    ys = [y := x for x in range(3)]\n    return y\n");
    let (outer, inner) = (
        scope(&t, "f", 0).binding("y"),
        scope(&t, "<listcomp>", 0).binding("y"),
    );
    if (outer, inner) != (Cell, Free) {
        bad.push(format!(
            "walrus target: {outer:?} in f, {inner:?} in the comprehension"
        ));
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
