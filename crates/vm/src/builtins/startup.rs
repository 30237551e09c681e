//! The interpreter's start-up: built-in classes, the `builtins` namespace
//! and its functions.
//!
//! Built-in classes are ordinary [`Class`] objects whose `builtin` field
//! says which built-in type they stand for; their methods are [`Builtin`]
//! functions in their dicts (put there by [`super::install`]), so attribute lookup,
//! bound methods and `LoadMethod` work the same for `[].append` as for a
//! user class's methods.

use core::sync::atomic::AtomicU32;
use std::collections::HashMap;

use ftl_core::sync::Mutex;
use ftl_object::{HeapPolicy, IntValue, ObjRef};

use crate::interpreter::state::{BuiltinFn, ExcType, Interp, Kw, Names, PyResult, Types, Vm};
use crate::objects::*;

use super::constructors;

/// Makes a class object for a built-in type.
pub fn make_class<P: HeapPolicy>(
    name: &str,
    base: Option<&Obj<P>>,
    builtin: Option<BuiltinType>,
    ctor: Option<BuiltinFn<P>>,
    flags: u32,
) -> Obj<P> {
    let mut mro = Vec::new();
    if let Some(b) = base {
        mro.push(b.clone());
        mro.extend(b.downcast::<Class<P>>().expect("class").mro.iter().cloned());
    }
    ObjRef::new(Class {
        name: name.to_string(),
        qualname: name.to_string(),
        base: base.cloned(),
        bases: base.into_iter().cloned().collect(),
        mro,
        meta: None,
        native: None,
        dict: ObjRef::new_dict(),
        builtin,
        ctor,
        flags: AtomicU32::new(flags),
        weakrefs: Default::default(),
    })
}

/// Creates a fresh interpreter state.
/// `free_threaded` picks the cycle collector: CPython 3.13t's (tables,
/// whole-heap collections with the world stopped) when the threads run
/// without a GIL, 3.11's generational one otherwise.
pub fn make_interp<P: HeapPolicy>(
    argv: Vec<String>,
    free_threaded: bool,
    extensions: &'static [crate::stdlib::ModuleDef<P>],
) -> Interp<P> {
    let mut interned: HashMap<String, Obj<P>> = HashMap::new();
    let mut intern = |s: &str| -> Obj<P> {
        interned
            .entry(s.to_string())
            .or_insert_with(|| crate::interpreter::state::new_interned(s))
            .clone()
    };
    let names = Names::new(&mut intern);
    // Every special method name the VM looks up by text, interned once
    // here, so that no thread creates one (and takes the table's lock)
    // on a hot path.
    for name in crate::interpreter::state::DUNDERS {
        intern(name);
    }
    let ascii_chars = (0u8..128)
        .map(|b| intern(&(b as char).to_string()))
        .collect();

    let object = make_class::<P>("object", None, Some(BuiltinType::Object), None, 0);
    let cls = |name: &str, bt: BuiltinType, ctor: Option<BuiltinFn<P>>| {
        make_class(name, Some(&object), Some(bt), ctor, 0)
    };
    let type_ = cls("type", BuiltinType::Type, Some(constructors::type_new::<P>));
    let int = cls("int", BuiltinType::Int, Some(constructors::int_new::<P>));
    let bool_ = make_class(
        "bool",
        Some(&int),
        Some(BuiltinType::Bool),
        Some(constructors::bool_new::<P>),
        0,
    );
    let types = Types {
        none: cls("NoneType", BuiltinType::NoneType, None),
        float: cls(
            "float",
            BuiltinType::Float,
            Some(constructors::float_new::<P>),
        ),
        str_: cls("str", BuiltinType::Str, Some(constructors::str_new::<P>)),
        bytes: cls(
            "bytes",
            BuiltinType::Bytes,
            Some(constructors::bytes_new::<P>),
        ),
        tuple: cls(
            "tuple",
            BuiltinType::Tuple,
            Some(constructors::tuple_new::<P>),
        ),
        list: cls("list", BuiltinType::List, Some(constructors::list_new::<P>)),
        dict: cls("dict", BuiltinType::Dict, Some(constructors::dict_new::<P>)),
        set: cls("set", BuiltinType::Set, Some(constructors::set_new::<P>)),
        frozenset: cls(
            "frozenset",
            BuiltinType::FrozenSet,
            Some(constructors::frozenset_new::<P>),
        ),
        bytearray: cls(
            "bytearray",
            BuiltinType::ByteArray,
            Some(super::bytearray::bytearray_new::<P>),
        ),
        others: HashMap::new(),
        exc: Vec::new(),
        object: object.clone(),
        type_,
        int,
        bool_,
    };
    let mut types = types;
    let other_names: &[(&str, &'static str, Option<BuiltinFn<P>>)] = &[
        ("function", "function", None),
        (
            "builtin_function_or_method",
            "builtin_function_or_method",
            None,
        ),
        ("method", "method", None),
        ("module", "module", Some(constructors::module_new::<P>)),
        ("code", "code", None),
        ("cell", "cell", None),
        ("traceback", "traceback", None),
        ("range", "range", Some(constructors::range_new::<P>)),
        ("slice", "slice", Some(constructors::slice_new::<P>)),
        ("generator", "generator", None),
        ("range_iterator", "range_iterator", None),
        ("iterator", "iterator", None),
        ("dict_iterator", "dict_keyiterator", None),
        ("dict_keys", "dict_keys", None),
        ("dict_values", "dict_values", None),
        ("dict_items", "dict_items", None),
        (
            "staticmethod",
            "staticmethod",
            Some(constructors::staticmethod_new::<P>),
        ),
        (
            "classmethod",
            "classmethod",
            Some(constructors::classmethod_new::<P>),
        ),
        (
            "property",
            "property",
            Some(constructors::property_new::<P>),
        ),
        ("super", "super", Some(constructors::super_new::<P>)),
        (
            "enumerate",
            "enumerate",
            Some(constructors::enumerate_new::<P>),
        ),
        ("zip", "zip", Some(constructors::zip_new::<P>)),
        ("map", "map", Some(constructors::map_new::<P>)),
        ("filter", "filter", Some(constructors::filter_new::<P>)),
        (
            "reversed",
            "reversed",
            Some(constructors::reversed_new::<P>),
        ),
        ("NotImplemented", "NotImplementedType", None),
        ("Ellipsis", "ellipsis", None),
        ("<null>", "NULL", None),
        ("TextIOWrapper", "TextIOWrapper", None),
        ("lock", "lock", None),
        ("member_descriptor", "member_descriptor", None),
        (
            "weakref",
            "ReferenceType",
            Some(crate::stdlib::weakref::weakref_new::<P>),
        ),
        (
            "RLock",
            "RLock",
            Some(crate::stdlib::thread::rlock_new::<P>),
        ),
        (
            "SemLock",
            "SemLock",
            Some(crate::stdlib::multiprocessing::semlock_new::<P>),
        ),
        (
            "SharedBuffer",
            "SharedBuffer",
            Some(crate::stdlib::multiprocessing::shared_buffer_new::<P>),
        ),
    ];
    for (key, name, ctor) in other_names {
        // The built-in descriptors a class may derive from.
        let bt = match *key {
            "property" => BuiltinType::Property,
            "classmethod" => BuiltinType::ClassMethod,
            "staticmethod" => BuiltinType::StaticMethod,
            _ => BuiltinType::Other,
        };
        let c = make_class::<P>(name, Some(&object), Some(bt), *ctor, 0);
        types.others.insert(key, c);
    }
    for t in ExcType::ALL {
        let base = if *t == ExcType::BaseException {
            object.clone()
        } else {
            types.exc[t.parent() as usize].clone()
        };
        let c = make_class::<P>(t.name(), Some(&base), None, None, class_flags::EXCEPTION);
        types.exc.push(c);
    }
    let builtins = ObjRef::new_dict();
    let modules = ObjRef::new_dict();
    Interp {
        builtins,
        modules,
        not_implemented: ObjRef::new_immortal(Singleton {
            name: "NotImplemented",
        }),
        ellipsis: ObjRef::new_immortal(Singleton { name: "Ellipsis" }),
        null: ObjRef::new_immortal(Singleton { name: "<null>" }),
        types,
        interned: Mutex::new(interned),
        recursion_limit: AtomicU32::new(1000),
        class_epoch: ftl_core::Epoch::new(),
        argv,
        sources: Mutex::new(HashMap::new()),
        random: Mutex::new(ftl_algorithms::random::Random::default()),
        stdout: Mutex::new(std::io::BufWriter::with_capacity(8192, std::io::stdout())),
        names,
        ascii_chars,
        threads: Default::default(),
        imports: Default::default(),
        gc: std::sync::Arc::new(if free_threaded {
            ftl_gc::Collector::new_free_threaded()
        } else {
            ftl_gc::Collector::new()
        }),
        gc_garbage: ObjRef::new_list(vec![]),
        finalizers: Default::default(),
        gc_callbacks: ObjRef::new_list(vec![]),
        signal_handlers: ObjRef::new_dict(),
        strategy_thread: Mutex::new(None),
        at_fork: ObjRef::new_tuple(vec![
            ObjRef::new_list(vec![]),
            ObjRef::new_list(vec![]),
            ObjRef::new_list(vec![]),
        ]),
        gc_threaded: Mutex::new(None),
        extensions,
        subinterp_id: core::sync::atomic::AtomicU64::new(0),
    }
}

impl<P: HeapPolicy> Vm<P> {
    /// Fills the `builtins` namespace and the built-in classes' methods.
    /// Called once per interpreter, by the VM of its first thread.
    pub fn init_builtins(&self) {
        crate::builtins::install(self);
        let t = self.types();
        let b = &self.interp.builtins;
        let set = |name: &str, v: Obj<P>| self.dict_set_str(b, self.intern(name), v);
        for (name, cls) in [
            ("object", &t.object),
            ("type", &t.type_),
            ("int", &t.int),
            ("bool", &t.bool_),
            ("float", &t.float),
            ("str", &t.str_),
            ("bytes", &t.bytes),
            ("tuple", &t.tuple),
            ("list", &t.list),
            ("dict", &t.dict),
            ("set", &t.set),
            ("frozenset", &t.frozenset),
            ("bytearray", &t.bytearray),
        ] {
            set(name, cls.clone());
        }
        for name in [
            "range",
            "slice",
            "staticmethod",
            "classmethod",
            "property",
            "super",
            "enumerate",
            "zip",
            "map",
            "filter",
            "reversed",
        ] {
            set(name, t.others[name].clone());
        }
        for (i, e) in ExcType::ALL.iter().enumerate() {
            set(e.name(), t.exc[i].clone());
        }
        set("EnvironmentError", t.exc[ExcType::OSError as usize].clone());
        set("IOError", t.exc[ExcType::OSError as usize].clone());
        set("NotImplemented", self.interp.not_implemented.clone());
        set("Ellipsis", self.interp.ellipsis.clone());
        set("None", ObjRef::none());
        set("True", ObjRef::from_bool(true));
        set("False", ObjRef::from_bool(false));
        set("__name__", self.intern("builtins"));
        for (name, f) in crate::builtins::functions::all::<P>()
            .iter()
            .chain(crate::builtins::namespaces::all::<P>())
        {
            set(name, self.builtin_fn(name, *f));
        }
        set(
            "__build_class__",
            self.builtin_fn("__build_class__", build_class::<P>),
        );
    }

    /// A built-in function object (not a method).
    pub fn builtin_fn(&self, name: &'static str, f: BuiltinFn<P>) -> Obj<P> {
        ObjRef::new(Builtin {
            weakrefs: Default::default(),
            name,
            func: f,
            this: None,
            owner: None,
        })
    }

    /// Adds method `name` to built-in class `cls`.
    pub fn add_method(
        &self,
        cls: &Obj<P>,
        owner: &'static str,
        name: &'static str,
        f: BuiltinFn<P>,
    ) {
        let c = self.class(cls);
        self.classes_changed();
        self.dict_set_str(
            &c.dict,
            self.intern(name),
            ObjRef::new(Builtin {
                weakrefs: Default::default(),
                name,
                func: f,
                this: None,
                owner: Some(owner),
            }),
        );
    }

    /// Adds `f` to built-in class `cls` as a class method (`classmethod`)
    /// or a static method.
    pub fn add_wrapped_method(
        &self,
        cls: &Obj<P>,
        name: &'static str,
        f: BuiltinFn<P>,
        classmethod: bool,
    ) {
        let func = self.builtin_fn(name, f);
        let wrapped = if classmethod {
            ObjRef::new(ClassMethod { func })
        } else {
            ObjRef::new(StaticMethod { func })
        };
        self.dict_set_str(&self.class(cls).dict, self.intern(name), wrapped);
    }

    /// Checks a built-in's positional argument count.
    pub fn check_args(
        &self,
        name: &str,
        args: &[Obj<P>],
        min: usize,
        max: usize,
    ) -> PyResult<(), P> {
        let n = args.len();
        if n < min || n > max {
            let msg = if min == max {
                match min {
                    0 => format!("{name}() takes no arguments ({n} given)"),
                    1 => format!("{name}() takes exactly one argument ({n} given)"),
                    _ => format!("{name}() takes exactly {min} arguments ({n} given)"),
                }
            } else if n < min {
                format!(
                    "{name} expected at least {min} argument{}, got {n}",
                    if min == 1 { "" } else { "s" }
                )
            } else {
                format!(
                    "{name} expected at most {max} argument{}, got {n}",
                    if max == 1 { "" } else { "s" }
                )
            };
            return Err(self.type_error(msg));
        }
        Ok(())
    }

    /// Rejects keyword arguments for a built-in that takes none.
    pub fn no_kw(&self, name: &str, kw: Kw<'_, P>) -> PyResult<(), P> {
        if !kw.is_empty() {
            return Err(self.type_error(format!("{name}() takes no keyword arguments")));
        }
        Ok(())
    }

    /// An `IntValue` argument (bools count).
    pub fn arg_int(&self, o: &Obj<P>) -> PyResult<IntValue, P> {
        self.int_value(o).ok_or_else(|| {
            self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(o)
            ))
        })
    }
}

/// `__build_class__(func, name, /, *bases, metaclass=None, **kwds)`: what
/// a `class` statement calls ([`Vm::build_class`]).
fn build_class<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> PyResult<Obj<P>, P> {
    vm.build_class(args, kw)
}
