//! Classes: the `class` statement, `type(name, bases, namespace)`,
//! metaclasses, multiple inheritance and subclasses of the built-in types.
//!
//! After CPython 3.11's `builtin___build_class__` (`Python/bltinmodule.c`)
//! and `type_new`, `mro_internal`, `best_base` and `type_call`
//! (`Objects/typeobject.c`). A `class` statement compiles to a call of
//! the builtin `__build_class__(body, name, *bases, **keywords)`:
//!
//! 1. bases that are not classes are replaced by what their
//!    `__mro_entries__` returns (PEP 560), the originals kept in
//!    `__orig_bases__`;
//! 2. the metaclass is the `metaclass=` keyword or the type of the first
//!    base, then the most derived of it and the bases' metaclasses (two
//!    unrelated ones are a "metaclass conflict");
//! 3. the namespace is `metaclass.__prepare__(name, bases, **kw)` (a dict
//!    for `type`), and the body runs with it as its locals;
//! 4. the class is `metaclass(name, bases, namespace, **kw)`. For `type`
//!    (or a metaclass that reaches `type.__new__`), that is
//!    [`Vm::type_new`]: the C3 linearisation of the bases (PEP 253's MRO,
//!    with CPython's errors for an inconsistent order or a duplicate base),
//!    the instance layout (at most one built-in base with a layout of its
//!    own: `list`, `dict`, `int`, ..., an exception class or `type`), a
//!    copy of the namespace as the class dict (`__qualname__` and
//!    `__classcell__` taken out of it; `__init_subclass__` and
//!    `__class_getitem__` made class methods, `__new__` a static method),
//!    then `__set_name__` on each attribute that has it and the parent's
//!    `__init_subclass__(**kw)`.
//!
//! Calling a class ([`Vm::call_class`]) asks the metaclass's `__call__`
//! when a user metaclass defines one; otherwise it is `type.__call__`
//! ([`Vm::type_call`]): `__new__`, then `__init__` if the result is an
//! instance of the class.
//!
//! # Subclasses of built-in types
//!
//! An instance of `class L(list)` is an ordinary [`Instance`] (it has a
//! `__dict__` and its class) that carries a real list in
//! [`Instance::native`], made by `list.__new__` and never replaced. The
//! built-in type's methods bound to such an instance act on that value
//! ([`Vm::native_receiver`]), and every protocol the class does not
//! override in Python (`len`, `[]`, iteration, comparison, hashing,
//! arithmetic, `repr`...) applies to it. So `L([1, 2]).append(3)`, `len`,
//! slicing and `json`-like type tests work as in CPython, while the
//! subclass's own methods come first in the MRO.
//!
//! # Invariants
//! * A class's `mro` excludes the class itself and ends with `object`.
//! * `native` is set on a class exactly when one of its bases has a
//!   built-in layout; every instance the VM makes of such a class carries
//!   a value of that built-in type (the metaclass case, `native == Type`,
//!   makes class objects instead of instances).

use core::sync::atomic::AtomicU32;

use ftl_object::{HeapPolicy, Kind, ObjRef};

use crate::compiler::Code;
use crate::interpreter::call::with_receiver;
use crate::interpreter::state::{ExcType, Kw, PyResult, Vm};
use crate::objects::*;

/// What an instance of a class is made of, beyond a plain instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// A plain instance with a `__dict__` (`object`'s).
    Plain,
    /// An exception instance (`BaseException`'s extra state).
    Exception,
    /// An instance carrying a value of this built-in type.
    Native(BuiltinType),
}

impl<P: HeapPolicy> Vm<P> {
    /// `__build_class__(func, name, /, *bases, metaclass=None, **kwds)`:
    /// what a `class` statement calls.
    pub fn build_class(&self, args: &[Obj<P>], kw: Kw<'_, P>) -> PyResult<Obj<P>, P> {
        if args.len() < 2 {
            return Err(self.type_error("__build_class__: not enough arguments"));
        }
        let func = &args[0];
        if !func.is::<Function<P>>() {
            return Err(self.type_error("__build_class__: func must be a function"));
        }
        let name = &args[1];
        if name.as_str().is_none() {
            return Err(self.type_error("__build_class__: name is not a string"));
        }
        let orig_bases = &args[2..];
        let (bases, replaced) = self.update_bases(orig_bases)?;
        let mut meta = None;
        let mut names = Vec::new();
        let mut values = Vec::new();
        for (k, v) in kw.iter() {
            if k == "metaclass" {
                meta = Some(v.clone());
            } else {
                names.push(self.intern(k));
                values.push(v.clone());
            }
        }
        let kw = Kw {
            names: &names,
            values: &values,
        };
        let (meta, is_class) = match meta {
            Some(m) => {
                let is_class = m.is::<Class<P>>();
                (m, is_class)
            }
            None => (
                bases
                    .first()
                    .map(|b| self.type_of(b))
                    .unwrap_or_else(|| self.types().type_.clone()),
                true,
            ),
        };
        let meta = if is_class {
            self.calculate_meta(&meta, &bases)?
        } else {
            meta
        };
        let bases_tuple = ObjRef::new_tuple(bases);
        let prepare = self.getattr_opt(&meta, &self.intern("__prepare__"))?;
        let ns = match prepare {
            Some(p) if !p.is::<Builtin<P>>() => {
                self.call(&p, &[name.clone(), bases_tuple.clone()], kw)?
            }
            // `type.__prepare__`: a fresh dict, an ordinary object: the
            // class dict is a (deferred) copy of it, and it dies with the
            // statement.
            _ => ObjRef::new_dict(),
        };
        if ns.kind() != Kind::Dict
            && self
                .lookup_type_attr(&ns, &self.intern("__getitem__"))
                .is_none()
        {
            let who = match meta.downcast::<Class<P>>() {
                Some(c) => format!("{}.__prepare__()", c.name),
                None => "<metaclass>.__prepare__()".to_string(),
            };
            return Err(self.type_error(format!(
                "{who} must return a mapping, not {}",
                self.type_name(&ns)
            )));
        }
        let cell = self.run_class_body(func, &ns)?;
        if replaced {
            self.setitem(
                &ns,
                self.intern("__orig_bases__"),
                ObjRef::new_tuple(orig_bases.to_vec()),
            )?;
        }
        if cell.is::<Cell<P>>() {
            self.setitem(&ns, self.intern("__classcell__"), cell.clone())?;
        }
        let cls = self.call(&meta, &[name.clone(), bases_tuple, ns], kw)?;
        if let Some(cell) = cell.downcast::<Cell<P>>() {
            if cell.value.get().is_none() {
                cell.value.set(Some(cls.clone()));
            }
        }
        Ok(cls)
    }

    /// Runs a class body with `ns` as its locals; returns what the body
    /// returns: the `__class__` cell when a method uses it, else None.
    fn run_class_body(&self, func: &Obj<P>, ns: &Obj<P>) -> PyResult<Obj<P>, P> {
        use crate::interpreter::eval::FrameExit;
        use crate::interpreter::frame::Frame;
        let f = func.downcast::<Function<P>>().expect("class body function");
        let code = f.code.downcast::<Code<P>>().expect("code");
        let mut cells = Vec::new();
        for _ in &code.cellvars {
            cells.push(ObjRef::new(Cell::<P>::default()));
        }
        cells.extend(f.closure.iter().cloned());
        let mut frame = Frame {
            code: f.code.clone(),
            globals: f.globals.clone(),
            locals: Some(ns.clone()),
            fast: vec![None; code.nlocals()],
            cells,
            stack: self.stack_pool.take(16),
            blocks: Vec::new(),
            handled: Vec::new(),
            pc: 0,
        };
        let r = self.run_nested(&f.code, &mut frame);
        self.stack_pool.give(core::mem::take(&mut frame.stack));
        Ok(match r? {
            FrameExit::Return(v) => v,
            FrameExit::Yield(_) => ObjRef::none(),
        })
    }

    /// PEP 560: each base that is not a class is replaced by the items of
    /// the tuple its `__mro_entries__(bases)` returns. Also says whether
    /// anything was replaced.
    fn update_bases(&self, bases: &[Obj<P>]) -> PyResult<(Vec<Obj<P>>, bool), P> {
        let mut out = Vec::with_capacity(bases.len());
        let mut replaced = false;
        let entries = self.intern("__mro_entries__");
        for b in bases {
            if b.is::<Class<P>>() {
                out.push(b.clone());
                continue;
            }
            match self.getattr_opt(b, &entries)? {
                Some(f) => {
                    let r = self.call(&f, &[ObjRef::new_tuple(bases.to_vec())], Kw::EMPTY)?;
                    let Some(items) = r.as_tuple() else {
                        return Err(self.type_error("__mro_entries__ must return a tuple"));
                    };
                    out.extend(items.iter().cloned());
                    replaced = true;
                }
                None => out.push(b.clone()),
            }
        }
        Ok((out, replaced))
    }

    /// The most derived of `meta` and the metaclasses of `bases`; an
    /// error when two of them are unrelated.
    pub fn calculate_meta(&self, meta: &Obj<P>, bases: &[Obj<P>]) -> PyResult<Obj<P>, P> {
        let mut winner = meta.clone();
        for b in bases {
            let t = self.type_of(b);
            if self.is_subclass(&winner, &t) {
                continue;
            }
            if self.is_subclass(&t, &winner) {
                winner = t;
                continue;
            }
            return Err(self.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
        Ok(winner)
    }

    /// `type.__new__(meta, name, bases, namespace, **kw)`: makes a class.
    pub fn type_new(
        &self,
        meta: &Obj<P>,
        name: &Obj<P>,
        bases: &Obj<P>,
        ns: &Obj<P>,
        kw: Kw<'_, P>,
    ) -> PyResult<Obj<P>, P> {
        let Some(name_str) = name.as_str() else {
            return Err(self.type_error(format!(
                "type.__new__() argument 1 must be str, not {}",
                self.type_name(name)
            )));
        };
        let Some(bases) = bases.as_tuple() else {
            return Err(self.type_error(format!(
                "type.__new__() argument 2 must be tuple, not {}",
                self.type_name(bases)
            )));
        };
        let ns_dict = match self.native_of(ns).unwrap_or(ns) {
            d if d.kind() == Kind::Dict => d.clone(),
            _ => {
                return Err(self.type_error(format!(
                    "type.__new__() argument 3 must be dict, not {}",
                    self.type_name(ns)
                )))
            }
        };
        let winner = self.calculate_meta(meta, bases)?;
        if !winner.is_same(meta) {
            if let Some(new) = self.user_new(&winner) {
                let mut args = vec![winner.clone(), name.clone()];
                args.push(ObjRef::new_tuple(bases.to_vec()));
                args.push(ns.clone());
                return self.call(&new, &args, kw);
            }
        }
        let meta = winner;
        let mut bases = bases.to_vec();
        if bases.is_empty() {
            bases.push(self.types().object.clone());
        }
        for b in &bases {
            if !b.is::<Class<P>>() {
                return Err(
                    self.type_error(format!("bases must be types, not '{}'", self.type_name(b)))
                );
            }
        }
        let (base, layout) = self.best_base(&bases)?;
        let mro = self.c3_mro(&bases)?;
        // The class dict: a copy of the namespace, deferred like the class
        // (3.14t counts classes per thread: every instance made takes a
        // reference).
        let dict = ObjRef::new_deferred_dict();
        {
            let d = dict.as_dict().expect("dict");
            d.update_from(&ns_dict.as_dict().expect("dict"));
        }
        let qualname = match self.dict_del_str(&dict, &self.intern("__qualname__")) {
            Some(q) => match q.as_str() {
                Some(s) => s.to_string(),
                None => {
                    return Err(self.type_error(format!(
                        "type __qualname__ must be a str, not {}",
                        self.type_name(&q)
                    )))
                }
            },
            None => name_str.to_string(),
        };
        let classcell = self.dict_del_str(&dict, &self.intern("__classcell__"));
        // Every class has its own `__doc__` (None without a docstring), so
        // a subclass does not show its base's.
        let doc = self.intern("__doc__");
        if self.dict_get_str(&dict, &doc).is_none() {
            self.dict_set_str(&dict, doc, ObjRef::none());
        }
        if self
            .dict_get_str(&dict, &self.interp.names.module)
            .is_none()
        {
            let module = self
                .caller_globals()
                .and_then(|g| self.dict_get_str(&g, &self.interp.names.name));
            if let Some(m) = module {
                self.dict_set_str(&dict, self.interp.names.module.clone(), m);
            }
        }
        for special in ["__init_subclass__", "__class_getitem__"] {
            let key = self.intern(special);
            if let Some(f) = self.dict_get_str(&dict, &key) {
                if f.is::<Function<P>>() {
                    self.dict_set_str(&dict, key, ObjRef::new(ClassMethod { func: f }));
                }
            }
        }
        if let Some(f) = self.dict_get_str(&dict, &self.interp.names.new) {
            if f.is::<Function<P>>() {
                self.dict_set_str(
                    &dict,
                    self.interp.names.new.clone(),
                    ObjRef::new(StaticMethod { func: f }),
                );
            }
        }
        let (native, exc) = match layout {
            Layout::Plain => (None, false),
            Layout::Exception => (None, true),
            Layout::Native(bt) => (Some(bt), false),
        };
        let (no_dict, has_slots) = self.make_slots(name_str, &bases, &dict)?;
        let mut flags = if exc { class_flags::EXCEPTION } else { 0 };
        if no_dict && !exc {
            flags |= class_flags::NO_DICT;
        }
        if has_slots {
            flags |= class_flags::HAS_SLOTS;
        }
        let is_type = meta.is_same(&self.types().type_);
        let cls = ObjRef::new_deferred(Class {
            name: name_str.to_string(),
            qualname,
            base: Some(base),
            bases,
            mro,
            meta: (!is_type).then_some(meta),
            native,
            dict: dict.clone(),
            builtin: None,
            ctor: None,
            flags: AtomicU32::new(flags),
            weakrefs: Default::default(),
        });
        self.update_class_flags(&cls);
        if let Some(cell) = classcell.as_ref().and_then(|c| c.downcast::<Cell<P>>()) {
            cell.value.set(Some(cls.clone()));
        }
        self.set_names(&cls, &dict)?;
        self.init_subclass(&cls, kw)?;
        Ok(cls)
    }

    /// `__slots__` of a new class (CPython's `type_new` slot handling): a
    /// [`Member`] descriptor in the class dict for each name (private
    /// names mangled), `"__dict__"` and `"__weakref__"` taken as requests,
    /// CPython's errors. Returns whether instances go without a `__dict__`
    /// (the class declares slots, not `"__dict__"`, and no base but
    /// `object` and the built-in types gives its instances one) and whether
    /// they carry slot values (this class or a base declares slot names).
    fn make_slots(
        &self,
        class_name: &str,
        bases: &[Obj<P>],
        dict: &Obj<P>,
    ) -> PyResult<(bool, bool), P> {
        let inherited_slots = bases
            .iter()
            .any(|b| self.class(b).flags() & class_flags::HAS_SLOTS != 0);
        let Some(slots) = self.dict_get_str(dict, &self.intern("__slots__")) else {
            return Ok((false, inherited_slots));
        };
        let names = if slots.as_str().is_some() {
            vec![slots]
        } else {
            self.collect(&slots)?
        };
        let mut wants_dict = false;
        let mut seen: Vec<String> = Vec::new();
        for n in &names {
            let Some(s) = n.as_str() else {
                return Err(self.type_error(format!(
                    "__slots__ items must be strings, not '{}'",
                    self.type_name(n)
                )));
            };
            let mut chars = s.chars();
            let identifier = chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
                && chars.all(|c| c == '_' || c.is_alphanumeric());
            if !identifier {
                return Err(self.type_error("__slots__ must be identifiers"));
            }
            if s == "__dict__" {
                if wants_dict {
                    return Err(self.type_error("__dict__ slot disallowed: we already got one"));
                }
                wants_dict = true;
                continue;
            }
            if s == "__weakref__" {
                continue;
            }
            let mangled = ftl_syntax::symtable::mangle(Some(class_name), s);
            if seen.contains(&mangled) {
                continue;
            }
            let key = self.intern(&mangled);
            if self.dict_get_str(dict, &key).is_some() {
                return Err(
                    self.value_error(format!("'{s}' in __slots__ conflicts with class variable"))
                );
            }
            self.dict_set_str(
                dict,
                key.clone(),
                ObjRef::new(Member {
                    name: key,
                    owner: class_name.to_string(),
                }),
            );
            seen.push(mangled);
        }
        let base_has_dict = bases.iter().any(|b| {
            let c = self.class(b);
            c.is_exception() || (!self.is_builtin_class(b) && c.flags() & class_flags::NO_DICT == 0)
        });
        Ok((
            !wants_dict && !base_has_dict,
            inherited_slots || !seen.is_empty(),
        ))
    }

    /// `__set_name__(owner, name)` on each attribute of a new class whose
    /// type defines it (PEP 487).
    fn set_names(&self, cls: &Obj<P>, dict: &Obj<P>) -> PyResult<(), P> {
        let set_name = self.intern("__set_name__");
        let items = dict.as_dict().expect("dict").items();
        for (k, v) in items {
            if !v.is::<Instance<P>>() {
                continue;
            }
            let Some(f) = self.lookup_type_attr(&v, &set_name) else {
                continue;
            };
            if let Err(e) = self.call_method(&f, &v, &[cls.clone(), k.clone()], Kw::EMPTY) {
                let err = self.new_error(
                    ExcType::RuntimeError,
                    format!(
                        "Error calling __set_name__ on '{}' instance '{}' in '{}'",
                        self.type_name(&v),
                        k.as_str().unwrap_or("?"),
                        self.class(cls).name
                    ),
                );
                // `raise RuntimeError(...) from e`, with `e` as the context.
                self.set_cause(&err, e.0.clone())?;
                if let Some(x) = err.0.downcast::<Instance<P>>().and_then(|i| i.exc.as_ref()) {
                    x.context.set(Some(e.0));
                }
                return Err(err);
            }
        }
        Ok(())
    }

    /// `super(cls, cls).__init_subclass__(**kw)`: the parent's hook (PEP
    /// 487); `object`'s refuses keywords.
    fn init_subclass(&self, cls: &Obj<P>, kw: Kw<'_, P>) -> PyResult<(), P> {
        let name = self.intern("__init_subclass__");
        let c = self.class(cls);
        for base in &c.mro {
            let bc = self.class(base);
            let Some(hook) = self.dict_get_str(&bc.dict, &name) else {
                continue;
            };
            if let Some(cm) = hook.downcast::<ClassMethod<P>>() {
                self.call_method(&cm.func, cls, &[], kw)?;
                return Ok(());
            }
            if hook.is::<Builtin<P>>() {
                break;
            }
            self.call(&hook, &[], kw)?;
            return Ok(());
        }
        if !kw.is_empty() {
            return Err(self.type_error(format!(
                "{}.__init_subclass__() takes no keyword arguments",
                self.class(&c.mro[0]).name
            )));
        }
        Ok(())
    }

    /// The layout a class's instances have.
    fn layout_of(&self, cls: &Obj<P>) -> PyResult<Layout, P> {
        let c = self.class(cls);
        if c.is_exception() {
            return Ok(Layout::Exception);
        }
        if let Some(bt) = c.native {
            return Ok(Layout::Native(bt));
        }
        match c.builtin {
            None | Some(BuiltinType::Object) => Ok(Layout::Plain),
            Some(
                bt @ (BuiltinType::Type
                | BuiltinType::Int
                | BuiltinType::Float
                | BuiltinType::Str
                | BuiltinType::Bytes
                | BuiltinType::Tuple
                | BuiltinType::List
                | BuiltinType::Dict
                | BuiltinType::Set
                | BuiltinType::FrozenSet
                | BuiltinType::ByteArray
                | BuiltinType::Property
                | BuiltinType::ClassMethod
                | BuiltinType::StaticMethod),
            ) => Ok(Layout::Native(bt)),
            Some(BuiltinType::Bool | BuiltinType::NoneType) => Err(self.not_acceptable_base(c)),
            Some(BuiltinType::Other) => {
                // CPython refuses these too; the rest (property,
                // staticmethod, ...) are ftl's own limit.
                const NOT_BASES: &[&str] = &[
                    "range",
                    "slice",
                    "function",
                    "builtin_function_or_method",
                    "method",
                    "generator",
                    "NotImplementedType",
                    "ellipsis",
                    "cell",
                    "code",
                    "traceback",
                    "range_iterator",
                    "dict_keys",
                    "dict_values",
                    "dict_items",
                    "dict_keyiterator",
                ];
                if NOT_BASES.contains(&c.name.as_str()) {
                    return Err(self.not_acceptable_base(c));
                }
                Err(self.type_error(format!(
                    "subclassing the built-in type '{}' is not supported by ftl",
                    c.name
                )))
            }
        }
    }

    fn not_acceptable_base(&self, c: &Class<P>) -> crate::interpreter::state::PyErr<P> {
        self.type_error(format!("type '{}' is not an acceptable base type", c.name))
    }

    /// CPython's `best_base`: the base whose layout the new class extends
    /// (`__base__`), and that layout. Two bases with different built-in
    /// layouts conflict.
    fn best_base(&self, bases: &[Obj<P>]) -> PyResult<(Obj<P>, Layout), P> {
        let mut best: Option<(Obj<P>, Layout)> = None;
        for b in bases {
            let layout = self.layout_of(b)?;
            match &best {
                None => best = Some((b.clone(), layout)),
                Some((_, Layout::Plain)) if layout != Layout::Plain => {
                    best = Some((b.clone(), layout))
                }
                Some((_, current)) if layout == Layout::Plain || layout == *current => {}
                Some(_) => {
                    return Err(self.type_error("multiple bases have instance lay-out conflict"))
                }
            }
        }
        Ok(best.expect("at least one base"))
    }

    /// The C3 linearisation of `bases` (the class's MRO after itself).
    fn c3_mro(&self, bases: &[Obj<P>]) -> PyResult<Vec<Obj<P>>, P> {
        for (i, b) in bases.iter().enumerate() {
            if bases[..i].iter().any(|o| o.is_same(b)) {
                return Err(self.type_error(format!("duplicate base class {}", self.class(b).name)));
            }
        }
        if let [only] = bases {
            let mut mro = vec![only.clone()];
            mro.extend(self.class(only).mro.iter().cloned());
            return Ok(mro);
        }
        let mut seqs: Vec<Vec<Obj<P>>> = bases
            .iter()
            .map(|b| {
                let mut v = vec![b.clone()];
                v.extend(self.class(b).mro.iter().cloned());
                v
            })
            .collect();
        seqs.push(bases.to_vec());
        // Each sequence is consumed from its front: keep a start index
        // per sequence instead of removing.
        let mut start = vec![0usize; seqs.len()];
        let mut out = Vec::new();
        loop {
            let live: Vec<usize> = (0..seqs.len())
                .filter(|&i| start[i] < seqs[i].len())
                .collect();
            if live.is_empty() {
                return Ok(out);
            }
            let in_a_tail = |c: &Obj<P>| {
                live.iter()
                    .any(|&j| seqs[j][start[j] + 1..].iter().any(|x| x.is_same(c)))
            };
            let next = live
                .iter()
                .map(|&i| &seqs[i][start[i]])
                .find(|head| !in_a_tail(head))
                .cloned();
            let Some(next) = next else {
                let mut heads: Vec<Obj<P>> = Vec::new();
                for &i in &live {
                    let h = &seqs[i][start[i]];
                    if !heads.iter().any(|x| x.is_same(h)) {
                        heads.push(h.clone());
                    }
                }
                let names: Vec<String> = heads.iter().map(|h| self.class(h).name.clone()).collect();
                return Err(self.type_error(format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                )));
            };
            for &i in &live {
                if seqs[i][start[i]].is_same(&next) {
                    start[i] += 1;
                }
            }
            out.push(next);
        }
    }

    /// Calls a class: the metaclass's own `__call__` when a user metaclass
    /// defines one, else [`type_call`](Self::type_call).
    pub fn call_class(&self, cls: &Obj<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> PyResult<Obj<P>, P> {
        let c = self.class(cls);
        if let Some(meta) = &c.meta {
            if let Some(call) = self.user_method(meta, &self.interp.names.call) {
                return self.call_method(&call, cls, args, kw);
            }
        }
        self.type_call(cls, args, kw)
    }

    /// `type.__call__(cls, *args, **kw)`: a built-in class's constructor,
    /// or `__new__` then `__init__`.
    pub fn type_call(&self, cls: &Obj<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> PyResult<Obj<P>, P> {
        let c = self.class(cls);
        if let Some(ctor) = c.ctor {
            return ctor(self, &with_receiver(cls, args), kw);
        }
        if matches!(c.builtin, Some(bt) if bt != BuiltinType::Object) {
            return Err(self.type_error(format!("cannot create '{}' instances", c.name)));
        }
        if c.flags() & class_flags::HAS_NEW != 0 {
            return self.call_class_with_new(cls, args, kw);
        }
        let is_exc = c.is_exception();
        let inst = match c.native {
            Some(BuiltinType::Type) => {
                // A metaclass without a `__new__` of its own: `type.__new__`.
                let [name, bases, ns] = args else {
                    return Err(self.type_error("type.__new__() takes exactly 3 arguments"));
                };
                self.type_new(cls, name, bases, ns, kw)?
            }
            Some(bt) => {
                let native = self.native_new(bt, args, kw)?;
                ObjRef::new(Instance::with_native(cls.clone(), false, Some(native)))
            }
            None => {
                let inst = ObjRef::new(Instance::new(cls.clone(), is_exc));
                if is_exc {
                    if let Some(e) = &inst.downcast::<Instance<P>>().expect("instance").exc {
                        e.args.set(Some(ObjRef::new_tuple(args.to_vec())));
                    }
                }
                inst
            }
        };
        self.run_init(cls, &inst, args, kw, true)?;
        Ok(inst)
    }

    /// The `__init__` step of `type.__call__` for `inst`, a new instance of
    /// `cls`. `fresh`: `inst` was made by the built-in `__new__` (so the
    /// arguments were not checked yet).
    fn run_init(
        &self,
        cls: &Obj<P>,
        inst: &Obj<P>,
        args: &[Obj<P>],
        kw: Kw<'_, P>,
        fresh: bool,
    ) -> PyResult<(), P> {
        let c = self.class(cls);
        match self.user_method(cls, &self.interp.names.init) {
            Some(init) => {
                let r = self.call_method(&init, inst, args, kw)?;
                if !r.is_none() {
                    return Err(self.type_error(format!(
                        "__init__() should return None, not '{}'",
                        self.type_name(&r)
                    )));
                }
            }
            None => match c.native {
                Some(BuiltinType::Type) => {}
                Some(bt) => {
                    if let Some(native) = self.native_of(inst) {
                        self.native_init(bt, native, args, kw)?;
                    }
                }
                None => {
                    if let Some(e) = inst.downcast::<Instance<P>>().and_then(|i| i.exc.as_ref()) {
                        if !fresh {
                            // `BaseException.__init__` (built in, so not a
                            // user method) stores the call's arguments,
                            // over what `__new__` stored.
                            e.args.set(Some(ObjRef::new_tuple(args.to_vec())));
                        }
                    } else if fresh && (!args.is_empty() || !kw.is_empty()) {
                        return Err(self.type_error(format!("{}() takes no arguments", c.name)));
                    }
                }
            },
        }
        Ok(())
    }

    /// Calls a class that defines `__new__` (CPython's `type_call`):
    /// `cls.__new__(cls, *args, **kw)`, then `__init__` with the same
    /// arguments if the result is an instance of `cls`.
    fn call_class_with_new(
        &self,
        cls: &Obj<P>,
        args: &[Obj<P>],
        kw: Kw<'_, P>,
    ) -> PyResult<Obj<P>, P> {
        let new = self.user_new(cls).expect("HAS_NEW");
        let inst = self.call(&new, &with_receiver(cls, args), kw)?;
        if !self.isinstance(&inst, cls) {
            return Ok(inst);
        }
        self.run_init(cls, &inst, args, kw, false)?;
        Ok(inst)
    }

    /// The built-in value an instance of a subclass of a built-in type
    /// carries.
    #[inline]
    pub fn native_of<'a>(&self, obj: &'a Obj<P>) -> Option<&'a Obj<P>> {
        obj.downcast::<Instance<P>>()
            .and_then(|i| i.native.as_ref())
    }

    /// The text of a str, or of an instance of a subclass of str (what a
    /// built-in that takes a str argument accepts).
    #[inline]
    pub fn str_of<'a>(&self, o: &'a Obj<P>) -> Option<&'a str> {
        o.as_str()
            .or_else(|| self.native_of(o).and_then(|n| n.as_str()))
    }

    /// What a built-in type's method named for `owner` receives for `obj`:
    /// the carried value when `obj` is an instance of a subclass of that
    /// built-in type, `obj` itself otherwise.
    #[inline]
    pub fn native_receiver<'a>(&self, obj: &'a Obj<P>, owner: &str) -> &'a Obj<P> {
        match self.native_of(obj) {
            Some(n) if self.builtin_owns(n, owner) => n,
            _ => obj,
        }
    }

    /// Whether `owner` names the type of `native` or one of its bases.
    fn builtin_owns(&self, native: &Obj<P>, owner: &str) -> bool {
        let t = self.type_of(native);
        let c = self.class(&t);
        c.name == owner
            || c.mro
                .iter()
                .any(|b| self.class(b).name == owner && owner != "object")
    }

    /// `bt.__new__(cls, *args, **kw)` for a subclass `cls`: the value its
    /// instance carries. The immutable types take their value from the
    /// arguments; the mutable ones start empty and `__init__` fills them.
    pub(crate) fn native_new(
        &self,
        bt: BuiltinType,
        args: &[Obj<P>],
        kw: Kw<'_, P>,
    ) -> PyResult<Obj<P>, P> {
        let t = self.types();
        let builtin_class = match bt {
            BuiltinType::Int => &t.int,
            BuiltinType::Float => &t.float,
            BuiltinType::Str => &t.str_,
            BuiltinType::Bytes => &t.bytes,
            BuiltinType::Tuple => &t.tuple,
            BuiltinType::FrozenSet => &t.frozenset,
            BuiltinType::Property => &t.others["property"],
            BuiltinType::ClassMethod => &t.others["classmethod"],
            BuiltinType::StaticMethod => &t.others["staticmethod"],
            BuiltinType::List => return Ok(ObjRef::from_list_vec(Vec::new())),
            BuiltinType::Dict => return Ok(ObjRef::new_dict()),
            BuiltinType::Set => return Ok(ObjRef::new_set()),
            BuiltinType::ByteArray => {
                let ctor = self.class(&t.bytearray).ctor.expect("ctor");
                return ctor(self, core::slice::from_ref(&t.bytearray), Kw::EMPTY);
            }
            _ => {
                return Err(
                    self.new_error(ExcType::SystemError, format!("no instances carry a {bt:?}"))
                )
            }
        };
        let ctor = self.class(builtin_class).ctor.expect("ctor");
        let v = ctor(self, &with_receiver(builtin_class, args), kw)?;
        // `int(x)` may return an int subclass's own value; the carried value
        // is always exactly of the built-in type.
        Ok(match self.native_of(&v) {
            Some(n) => n.clone(),
            None => v,
        })
    }

    /// `bt.__init__(native, *args, **kw)` for the mutable built-in types:
    /// fills the carried value.
    pub(crate) fn native_init(
        &self,
        bt: BuiltinType,
        native: &Obj<P>,
        args: &[Obj<P>],
        kw: Kw<'_, P>,
    ) -> PyResult<(), P> {
        let t = self.types();
        match bt {
            BuiltinType::List => {
                self.no_kw("list", kw)?;
                self.check_args("list", args, 0, 1)?;
                let items = match args.first() {
                    Some(x) => self.collect(x)?,
                    None => Vec::new(),
                };
                let l = native.as_list().expect("list");
                l.clear();
                l.extend(items);
            }
            BuiltinType::Dict => {
                self.check_args("dict", args, 0, 1)?;
                if let Some(x) = args.first() {
                    self.dict_update(native, x, false)?;
                }
                for (k, v) in kw.iter() {
                    self.dict_set(native, self.intern(k), v.clone())?;
                }
            }
            BuiltinType::Set => {
                self.no_kw("set", kw)?;
                self.check_args("set", args, 0, 1)?;
                let items = match args.first() {
                    Some(x) => self.collect(x)?,
                    None => Vec::new(),
                };
                native.as_set().expect("set").clear();
                for item in items {
                    self.set_add(native, item)?;
                }
            }
            BuiltinType::ByteArray => {
                let ctor = self.class(&t.bytearray).ctor.expect("ctor");
                let fresh = ctor(self, &with_receiver(&t.bytearray, args), kw)?;
                let data = fresh.as_bytearray().expect("bytearray").to_vec();
                let ba = native.as_bytearray().expect("bytearray");
                ba.clear();
                ba.extend(&data);
            }
            _ => {}
        }
        Ok(())
    }
}
