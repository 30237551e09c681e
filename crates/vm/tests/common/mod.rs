//! What several VM test files share: the stand-in constant maker for
//! compilations that never run, and the scope-rich program that both the
//! symbol-table and the compiler tests check against CPython.
#![allow(dead_code)] // each test crate uses its own part

use ftl_object::{GilHeap, ObjRef};
use ftl_vm::compiler::ConstMaker;

/// Constants for a compilation that is never run: plain strings, and
/// `None` standing in for `Ellipsis`.
pub struct Consts;

impl ConstMaker<GilHeap> for Consts {
    fn intern(&mut self, s: &str) -> ObjRef<GilHeap> {
        ObjRef::new_str(s)
    }
    fn ellipsis(&mut self) -> ObjRef<GilHeap> {
        ObjRef::none()
    }
}

/// A program with every kind of scope and binding (nested functions,
/// `nonlocal`/`global`, a lambda, classes, comprehensions, a generator,
/// deletions and handler names); `tests/symtable.rs` checks its analysis and
/// `tests/compiler.rs` its code objects against CPython 3.11.7.
pub const PROGRAM: &str = r#"
import os
g = 1
def outer(a, *args, k=1, **kw):
    b = 2
    c = 3
    def middle():
        nonlocal b
        b = 4
        def inner():
            return b + c + g + len(args)
        return inner
    def other():
        global g
        g = a
    lam = lambda x: x + kw
    return middle, lam

class Klass:
    attr = 1
    def method(self):
        return attr + super().method()
    def plain(self):
        return self

def comps(data):
    scale = 2
    lst = [x * scale for x in data if x]
    nested = [[y for y in row] for row in data]
    gen = (z + scale for z in data)
    d = {k: v for k, v in data}
    return lst, nested, gen, d

def class_in_func():
    hidden = 1
    shadowed = 2
    class Inner:
        shadowed = 3
        seen = hidden
        def m(self):
            return hidden + shadowed
    return Inner

def gen_fn():
    yield 1

def deleter():
    x = 1
    del x
    try:
        pass
    except Exception as e:
        pass
    for i in range(3):
        pass
    with open("f") as fh:
        pass
    import os.path
    from os import sep as s
"#;
