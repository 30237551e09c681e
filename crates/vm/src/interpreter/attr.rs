//! Attribute access: `obj.name`, `obj.name = v`, `del obj.name`, and the
//! method lookup behind `LoadMethod`.
//!
//! After CPython's `PyObject_GenericGetAttr`: look the name up on the type
//! (walking the MRO); a data descriptor (`property`) found there wins;
//! otherwise the instance `__dict__`; otherwise the type attribute, bound
//! if it is a function (a bound method), a `classmethod` (bound to the
//! class) or unwrapped if a `staticmethod`; otherwise `__getattr__` if the
//! class defines it; otherwise `AttributeError` worded as CPython words it.

use core::sync::atomic::AtomicU32;

use ftl_object::{HeapPolicy, Kind, ObjCell, ObjRef};

use crate::compiler::bytecode::{Code, NO_HINT};
use crate::interpreter::state::{ExcType, Kw, PyErr, PyResult, Vm};
use crate::objects::*;

impl<P: HeapPolicy> Vm<P> {
    /// `getattr(obj, name)`; `name` is an interned str.
    pub fn getattr(&self, obj: &Obj<P>, name: &Obj<P>) -> PyResult<Obj<P>, P> {
        match self.getattr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.no_attribute(obj, name)),
        }
    }

    /// The `AttributeError` for a missing attribute.
    pub fn no_attribute(&self, obj: &Obj<P>, name: &Obj<P>) -> PyErr<P> {
        let n = name.as_str().unwrap_or("?");
        if let Some(c) = obj.downcast::<Class<P>>() {
            return self
                .attribute_error(format!("type object '{}' has no attribute '{n}'", c.name));
        }
        if let Some(m) = obj.downcast::<Module<P>>() {
            return self.attribute_error(format!("module '{}' has no attribute '{n}'", m.name));
        }
        self.attribute_error(format!(
            "'{}' object has no attribute '{n}'",
            self.type_name(obj)
        ))
    }

    /// A class attribute as seen through the class itself (`C.name`): a
    /// `classmethod` binds to the class, a `staticmethod` unwraps, anything
    /// else (plain functions included) is returned as it is.
    pub(crate) fn bind_to_class(&self, attr: Obj<P>, cls: &Obj<P>) -> Obj<P> {
        if let Some(cm) = attr.downcast::<ClassMethod<P>>() {
            return ObjRef::new(BoundMethod {
                weakrefs: Default::default(),
                func: cm.func.clone(),
                this: cls.clone(),
            });
        }
        if let Some(sm) = attr.downcast::<StaticMethod<P>>() {
            return sm.func.clone();
        }
        attr
    }

    /// Binds a type attribute found for `obj`.
    fn bind(&self, attr: Obj<P>, obj: &Obj<P>, cls: &Obj<P>) -> PyResult<Obj<P>, P> {
        if attr.kind() != Kind::Other {
            return Ok(attr);
        }
        if attr.is::<Function<P>>() {
            return Ok(ObjRef::new(BoundMethod {
                weakrefs: Default::default(),
                func: attr,
                this: obj.clone(),
            }));
        }
        if let Some(b) = attr.downcast::<Builtin<P>>() {
            if let (None, Some(owner)) = (&b.this, b.owner) {
                return Ok(ObjRef::new(Builtin {
                    weakrefs: Default::default(),
                    name: b.name,
                    func: b.func,
                    this: Some(self.native_receiver(obj, owner).clone()),
                    owner: b.owner,
                }));
            }
            return Ok(attr);
        }
        if attr.is::<ClassMethod<P>>() || attr.is::<StaticMethod<P>>() {
            return Ok(self.bind_to_class(attr, cls));
        }
        if let Some(p) = attr.downcast::<Property<P>>() {
            return match &p.fget {
                Some(g) => self.call(g, core::slice::from_ref(obj), Kw::EMPTY),
                None => Err(self.attribute_error("unreadable attribute")),
            };
        }
        if let Some(m) = attr.downcast::<Member<P>>() {
            return match obj.downcast::<Instance<P>>().and_then(|i| i.slots.as_ref()) {
                Some(slots) => self
                    .dict_get_str(slots, &m.name)
                    .ok_or_else(|| self.no_attribute(obj, &m.name)),
                None => Err(self.member_type_error(m, obj)),
            };
        }
        if let Some(get) = self.descriptor_method(&attr, "__get__") {
            return self.call_method(&get, &attr, &[obj.clone(), cls.clone()], Kw::EMPTY);
        }
        Ok(attr)
    }

    /// The user special method `name` (`__get__`, `__set__`, `__delete__`)
    /// of an attribute found on a class, when the attribute is an instance
    /// of a user class (a descriptor written in Python).
    #[inline]
    pub(crate) fn descriptor_method(&self, attr: &Obj<P>, name: &str) -> Option<Obj<P>> {
        let inst = attr.downcast::<Instance<P>>()?;
        let name = self.intern(name);
        if inst.native.is_some() {
            // A subclass of `property`, `classmethod`...: the built-in
            // descriptor's method, applied to the carried value.
            return self.lookup_in_class(&inst.class, &name);
        }
        self.user_method(&inst.class, &name)
    }

    /// Whether a class attribute is a data descriptor (a property, or a
    /// user descriptor with `__set__` or `__delete__`): it wins over the
    /// instance's `__dict__`.
    #[inline]
    fn is_data_descriptor(&self, attr: &Obj<P>) -> bool {
        attr.is::<Property<P>>()
            || attr.is::<Member<P>>()
            || (attr.is::<Instance<P>>()
                && (self.descriptor_method(attr, "__set__").is_some()
                    || self.descriptor_method(attr, "__delete__").is_some()))
    }

    /// A class attribute seen through the class (`C.name`), with a user
    /// descriptor's `__get__(None, C)` applied.
    pub(crate) fn bind_class_attr(&self, attr: Obj<P>, cls: &Obj<P>) -> PyResult<Obj<P>, P> {
        if let Some(get) = self.descriptor_method(&attr, "__get__") {
            return self.call_method(&get, &attr, &[ObjRef::none(), cls.clone()], Kw::EMPTY);
        }
        Ok(self.bind_to_class(attr, cls))
    }

    /// `getattr` returning `None` instead of raising for a missing name.
    pub fn getattr_opt(&self, obj: &Obj<P>, name: &Obj<P>) -> PyResult<Option<Obj<P>>, P> {
        self.getattr_opt_hinted(obj, name, &AtomicU32::new(NO_HINT))
    }

    /// [`getattr_opt`](Self::getattr_opt) with the instruction's inline
    /// cache word for the instance-dict lookup (see [`Code::hints`]).
    ///
    /// [`Code::hints`]: crate::compiler::bytecode::Code::hints
    pub fn getattr_opt_hinted(
        &self,
        obj: &Obj<P>,
        name: &Obj<P>,
        hint: &AtomicU32,
    ) -> PyResult<Option<Obj<P>>, P> {
        let names = &self.interp.names;
        if let Some(inst) = obj.downcast::<Instance<P>>() {
            let t_attr = self.lookup_in_class(&inst.class, name);
            if let Some(a) = &t_attr {
                if let (Some(m), Some(slots)) = (a.downcast::<Member<P>>(), &inst.slots) {
                    // A slot: its value, or (unset) on to `__getattr__`.
                    if let Some(v) = self.dict_get_str(slots, &m.name) {
                        return Ok(Some(v));
                    }
                    return self.instance_getattr_hook(obj, inst, name);
                }
                if a.kind() == Kind::Other && self.is_data_descriptor(a) {
                    return self.bind(a.clone(), obj, &inst.class).map(Some);
                }
            }
            if let Some(v) = self.dict_get_str_hinted(&inst.dict, name, hint) {
                return Ok(Some(v));
            }
            if let Some(a) = t_attr {
                return self.bind(a, obj, &inst.class).map(Some);
            }
            if let Some(v) = self.special_attr(obj, name)? {
                return Ok(Some(v));
            }
            return self.instance_getattr_hook(obj, inst, name);
        }
        if let Some(c) = obj.downcast::<Class<P>>() {
            // A data descriptor of the metaclass comes first (CPython's
            // `type_getattro`).
            let meta_attr = match &c.meta {
                Some(meta) => self.lookup_in_class(meta, name),
                None => None,
            };
            if let Some(a) = &meta_attr {
                if a.kind() == Kind::Other && self.is_data_descriptor(a) {
                    let meta = c.meta.clone().expect("meta");
                    return self.bind(a.clone(), obj, &meta).map(Some);
                }
            }
            if let Some(a) = self.lookup_in_class(obj, name) {
                return self.bind_class_attr(a, obj).map(Some);
            }
            if let Some(a) = meta_attr {
                let meta = c.meta.clone().expect("meta");
                return self.bind(a, obj, &meta).map(Some);
            }
            let n = name.as_str().unwrap_or("");
            let special = match n {
                "__name__" => Some(self.new_str(c.name.clone())),
                "__qualname__" => Some(self.new_str(c.qualname.clone())),
                "__module__" => Some(self.intern(&self.class_module(obj))),
                "__base__" => Some(c.base.clone().unwrap_or_else(ObjRef::none)),
                "__bases__" => Some(ObjRef::new_tuple(c.bases.clone())),
                "__mro__" => {
                    let mut v = vec![obj.clone()];
                    v.extend(c.mro.iter().cloned());
                    Some(ObjRef::new_tuple(v))
                }
                // A snapshot: CPython's is a read-only mappingproxy, and
                // writes must go through setattr (which keeps the type
                // attribute caches right).
                "__dict__" => Some(ObjRef::from_dict(
                    c.dict.as_dict().expect("class dict").copy(),
                )),
                "__doc__" => Some(ObjRef::none()),
                "__class__" => Some(self.type_of(obj)),
                // Py_TPFLAGS_HEAPTYPE (1 << 9) for a class made by a class
                // statement or `type()`, and BASETYPE (1 << 10).
                "__flags__" => Some(ObjRef::from_i64(if !self.is_builtin_class(obj) {
                    (1 << 9) | (1 << 10)
                } else {
                    1 << 10
                })),
                _ => None,
            };
            if special.is_some() {
                return Ok(special);
            }
            if let Some(meta) = &c.meta {
                if let Some(ga) = self.user_method(meta, &names.getattr) {
                    return self
                        .call(&ga, &[obj.clone(), name.clone()], Kw::EMPTY)
                        .map(Some);
                }
                return Ok(None);
            }
            // `type`'s own methods (`C.mro()`), bound to the class.
            let t = self.types().type_.clone();
            return match self.lookup_in_class(&t, name) {
                Some(a) if a.is::<Builtin<P>>() => self.bind(a, obj, &t).map(Some),
                _ => Ok(None),
            };
        }
        if let Some(m) = obj.downcast::<Module<P>>() {
            if let Some(v) = self.dict_get_str_hinted(&m.dict, name, hint) {
                return Ok(Some(v));
            }
            if name.as_str() == Some("__dict__") {
                return Ok(Some(m.dict.clone()));
            }
            return Ok(None);
        }
        if let Some(s) = obj.downcast::<Super<P>>() {
            return self.super_getattr(s, name);
        }
        // Everything else: built-in types' methods and special attributes.
        let cls = self.type_of(obj);
        if let Some(a) = self.lookup_in_class(&cls, name) {
            return self.bind(a, obj, &cls).map(Some);
        }
        self.special_attr(obj, name)
    }

    /// Attributes that live in payload fields rather than dicts.
    fn special_attr(&self, obj: &Obj<P>, name: &Obj<P>) -> PyResult<Option<Obj<P>>, P> {
        let n = name.as_str().unwrap_or("");
        if n == "__class__" {
            return Ok(Some(self.type_of(obj)));
        }
        if let Some(inst) = obj.downcast::<Instance<P>>() {
            if n == "__dict__" {
                if self.class(&inst.class).flags() & class_flags::NO_DICT != 0 {
                    return Ok(None);
                }
                return Ok(Some(inst.dict.clone()));
            }
            if n == "__weakref__" {
                return Ok(Some(
                    crate::stdlib::weakref::weakref_head(&inst.weakrefs)
                        .unwrap_or_else(ObjRef::none),
                ));
            }
            if let Some(e) = &inst.exc {
                return Ok(match n {
                    "args" => e.args.get(),
                    "__cause__" => Some(e.cause.get().unwrap_or_else(ObjRef::none)),
                    "__context__" => Some(e.context.get().unwrap_or_else(ObjRef::none)),
                    "__suppress_context__" => Some(ObjRef::from_bool(
                        e.suppress_context
                            .load(core::sync::atomic::Ordering::Relaxed),
                    )),
                    "__traceback__" => Some(self.traceback_object(obj)),
                    "value" if self.isinstance(obj, self.exc_class(ExcType::StopIteration)) => {
                        let args = e.args.get();
                        Some(
                            args.and_then(|a| a.as_tuple().and_then(|t| t.first().cloned()))
                                .unwrap_or_else(ObjRef::none),
                        )
                    }
                    "code" if self.isinstance(obj, self.exc_class(ExcType::SystemExit)) => {
                        let args = e.args.get();
                        Some(
                            args.and_then(|a| {
                                a.as_tuple().and_then(|t| match t.len() {
                                    0 => None,
                                    1 => Some(t[0].clone()),
                                    _ => Some(a.clone()),
                                })
                            })
                            .unwrap_or_else(ObjRef::none),
                        )
                    }
                    _ => None,
                });
            }
            return Ok(None);
        }
        if let Some(f) = obj.downcast::<Function<P>>() {
            return Ok(match n {
                "__name__" => Some(f.name()),
                "__qualname__" => Some(f.qualname()),
                "__doc__" => Some(f.doc.get().unwrap_or_else(ObjRef::none)),
                "__module__" => Some(f.module.get().unwrap_or_else(ObjRef::none)),
                "__annotations__" => Some(
                    f.annotations
                        .get()
                        .unwrap_or_else(|| f.annotations.get_or_set(ObjRef::new_dict())),
                ),
                "__globals__" => Some(f.globals.clone()),
                "__code__" => Some(f.code.clone()),
                "__closure__" => Some(if f.closure.is_empty() {
                    ObjRef::none()
                } else {
                    ObjRef::new_tuple(f.closure.clone())
                }),
                "__kwdefaults__" => Some(f.kwdefaults.clone().unwrap_or_else(ObjRef::none)),
                "__builtins__" => Some(self.interp.builtins.clone()),
                "__dict__" => Some(
                    f.dict
                        .get()
                        .unwrap_or_else(|| f.dict.get_or_set(ObjRef::new_dict())),
                ),
                "__defaults__" => Some(if f.defaults.is_empty() {
                    ObjRef::none()
                } else {
                    ObjRef::new_tuple(f.defaults.clone())
                }),
                _ => f.dict.get().and_then(|d| self.dict_get_str(&d, name)),
            });
        }
        if let Some(c) = obj.downcast::<Code<P>>() {
            return Ok(self.code_attr(c, n));
        }
        if let Some(m) = obj.downcast::<BoundMethod<P>>() {
            return Ok(match n {
                "__self__" => Some(m.this.clone()),
                "__func__" => Some(m.func.clone()),
                _ => self.getattr_opt(&m.func, name)?,
            });
        }
        if let Some(b) = obj.downcast::<Builtin<P>>() {
            return Ok(match n {
                "__name__" | "__qualname__" => Some(self.new_str(b.name)),
                "__self__" => Some(b.this.clone().unwrap_or_else(ObjRef::none)),
                _ => None,
            });
        }
        if let Some(g) = obj.downcast::<Generator<P>>() {
            return Ok(match n {
                "__name__" => Some(g.name.clone()),
                "__qualname__" => Some(g.qualname.clone()),
                _ => None,
            });
        }
        if let Some(c) = obj.downcast::<ClassMethod<P>>() {
            return Ok(match n {
                "__func__" | "__wrapped__" => Some(c.func.clone()),
                _ => None,
            });
        }
        if let Some(c) = obj.downcast::<StaticMethod<P>>() {
            return Ok(match n {
                "__func__" | "__wrapped__" => Some(c.func.clone()),
                _ => None,
            });
        }
        if let Some(p) = obj.downcast::<Property<P>>() {
            return Ok(match n {
                "fget" => Some(p.fget.clone().unwrap_or_else(ObjRef::none)),
                "fset" => Some(p.fset.clone().unwrap_or_else(ObjRef::none)),
                "fdel" => Some(p.fdel.clone().unwrap_or_else(ObjRef::none)),
                _ => None,
            });
        }
        if let Some(s) = obj.downcast::<Slice<P>>() {
            return Ok(match n {
                "start" => Some(s.start.clone()),
                "stop" => Some(s.stop.clone()),
                "step" => Some(s.step.clone()),
                _ => None,
            });
        }
        if let Some(tb) = obj.downcast::<Traceback<P>>() {
            return Ok(match n {
                "tb_lineno" => Some(ObjRef::from_i64(tb.entries[tb.index].line.into())),
                "tb_next" => Some(if tb.index + 1 < tb.entries.len() {
                    ObjRef::new(Traceback {
                        entries: tb.entries.clone(),
                        index: tb.index + 1,
                    })
                } else {
                    ObjRef::none()
                }),
                _ => None,
            });
        }
        if let Some(r) = obj.downcast::<Range>() {
            return Ok(match n {
                "start" => Some(ObjRef::from_i64(r.start)),
                "stop" => Some(ObjRef::from_i64(r.stop)),
                "step" => Some(ObjRef::from_i64(r.step)),
                _ => None,
            });
        }
        if matches!(obj.kind(), Kind::Int | Kind::Bool) {
            return Ok(match n {
                "real" | "numerator" => Some(self.int_of_bool(obj)),
                "imag" => Some(ObjRef::from_i64(0)),
                "denominator" => Some(ObjRef::from_i64(1)),
                _ => None,
            });
        }
        if obj.kind() == Kind::Float {
            return Ok(match n {
                "real" => Some(obj.clone()),
                "imag" => Some(ObjRef::from_f64(0.0)),
                _ => None,
            });
        }
        Ok(None)
    }

    fn int_of_bool(&self, obj: &Obj<P>) -> Obj<P> {
        match obj.as_bool() {
            Some(b) => ObjRef::from_i64(b as i64),
            None => obj.clone(),
        }
    }

    fn super_getattr(&self, s: &Super<P>, name: &Obj<P>) -> PyResult<Option<Obj<P>>, P> {
        // The MRO of the instance's class (or of the class itself for a
        // classmethod's `super()`), starting after `s.class`.
        let class_level = s.obj.is::<Class<P>>() && self.is_subclass(&s.obj, &s.class);
        let start_cls = if class_level {
            s.obj.clone()
        } else {
            self.type_of(&s.obj)
        };
        let mut chain = vec![start_cls.clone()];
        chain.extend(self.class(&start_cls).mro.iter().cloned());
        let pos = chain.iter().position(|c| c.is_same(&s.class));
        let Some(pos) = pos else { return Ok(None) };
        let hash = name.str_hash().expect("str");
        for c in &chain[pos + 1..] {
            let d = self.class(c).dict.as_dict().expect("dict");
            if let Some(a) = d.get_hashed(hash, name) {
                if class_level {
                    return self.bind_class_attr(a, &s.obj).map(Some);
                }
                return self.bind(a, &s.obj, &start_cls).map(Some);
            }
        }
        Ok(None)
    }

    /// For `LoadMethod`: the plain function (or unbound built-in method)
    /// to call with `obj` as first argument, when no bound method needs to
    /// be made; `None` when the normal attribute path must be taken.
    #[inline]
    pub fn lookup_method(&self, obj: &Obj<P>, name: &Obj<P>) -> PyResult<Option<Obj<P>>, P> {
        if let Some(inst) = obj.downcast::<Instance<P>>() {
            let Some(a) = self.lookup_in_class(&inst.class, name) else {
                return Ok(None);
            };
            if a.is::<Function<P>>() && self.dict_get_str(&inst.dict, name).is_none() {
                return Ok(Some(a));
            }
            return Ok(None);
        }
        if obj.kind() == Kind::Other {
            return Ok(None);
        }
        let cls = self.type_of(obj);
        match self.lookup_in_class(&cls, name) {
            Some(a) => match a.downcast::<Builtin<P>>() {
                Some(b) if b.this.is_none() && b.owner.is_some() => Ok(Some(a)),
                _ => Ok(None),
            },
            None => Ok(None),
        }
    }

    /// A special method looked up on the type and bound to `obj` (for
    /// `with`): `TypeError` if missing.
    pub fn special_method(&self, obj: &Obj<P>, name: &Obj<P>) -> PyResult<Obj<P>, P> {
        let cls = self.type_of(obj);
        match self.lookup_in_class(&cls, name) {
            Some(a) => self.bind(a, obj, &cls),
            None => Err(self.type_error(format!(
                "'{}' object does not support the context manager protocol",
                self.type_name(obj)
            ))),
        }
    }

    /// `obj.name = value`
    pub fn setattr(&self, obj: &Obj<P>, name: &Obj<P>, value: Obj<P>) -> PyResult<(), P> {
        self.setattr_hinted(obj, name, value, &AtomicU32::new(NO_HINT))
    }

    /// [`setattr`](Self::setattr) with the instruction's inline cache word
    /// for the instance-dict store.
    pub fn setattr_hinted(
        &self,
        obj: &Obj<P>,
        name: &Obj<P>,
        value: Obj<P>,
        hint: &AtomicU32,
    ) -> PyResult<(), P> {
        if let Some(inst) = obj.downcast::<Instance<P>>() {
            if self.class(&inst.class).flags() & class_flags::HAS_SETATTR != 0 {
                if let Some(f) = self.user_method(&inst.class, &self.interp.names.setattr) {
                    return self
                        .call(&f, &[obj.clone(), name.clone(), value], Kw::EMPTY)
                        .map(drop);
                }
            }
            return self.setattr_instance(obj, inst, name, value, hint);
        }
        self.setattr_other(obj, name, value)
    }

    /// `object.__setattr__` on an instance: descriptors, then its dict.
    pub(crate) fn setattr_instance(
        &self,
        obj: &Obj<P>,
        inst: &Instance<P>,
        name: &Obj<P>,
        value: Obj<P>,
        hint: &AtomicU32,
    ) -> PyResult<(), P> {
        {
            if let Some(a) = self.lookup_in_class(&inst.class, name) {
                if let (Some(m), Some(slots)) = (a.downcast::<Member<P>>(), &inst.slots) {
                    self.dict_set_str(slots, m.name.clone(), value);
                    return Ok(());
                }
                if let Some(set) = self.descriptor_method(&a, "__set__") {
                    return self
                        .call_method(&set, &a, &[obj.clone(), value], Kw::EMPTY)
                        .map(drop);
                }
                if let Some(p) = a.downcast::<Property<P>>() {
                    return match &p.fset {
                        Some(f) => self.call(f, &[obj.clone(), value], Kw::EMPTY).map(drop),
                        None => Err(self.attribute_error(format!(
                            "property '{}' of '{}' object has no setter",
                            name.as_str().unwrap_or("?"),
                            self.class(&inst.class).name
                        ))),
                    };
                }
            }
            if let Some(e) = &inst.exc {
                match name.as_str() {
                    Some("args") => {
                        let t = ObjRef::new_tuple(self.collect(&value)?);
                        e.args.set(Some(t));
                        return Ok(());
                    }
                    Some("__cause__") => {
                        e.cause
                            .set(if value.is_none() { None } else { Some(value) });
                        e.suppress_context
                            .store(true, core::sync::atomic::Ordering::Relaxed);
                        return Ok(());
                    }
                    Some("__context__") => {
                        e.context
                            .set(if value.is_none() { None } else { Some(value) });
                        return Ok(());
                    }
                    _ => {}
                }
            }
            if self.class(&inst.class).flags() & class_flags::NO_DICT != 0 {
                return Err(self.no_attribute(obj, name));
            }
            self.dict_set_str_hinted(&inst.dict, name, value, hint);
            Ok(())
        }
    }

    /// The end of an instance attribute look-up that found nothing: the
    /// class's `__getattr__`, if it has one.
    fn instance_getattr_hook(
        &self,
        obj: &Obj<P>,
        inst: &Instance<P>,
        name: &Obj<P>,
    ) -> PyResult<Option<Obj<P>>, P> {
        if self.class(&inst.class).flags() & class_flags::HAS_GETATTR != 0 {
            if let Some(ga) = self.lookup_in_class(&inst.class, &self.interp.names.getattr) {
                return self
                    .call(&ga, &[obj.clone(), name.clone()], Kw::EMPTY)
                    .map(Some);
            }
        }
        Ok(None)
    }

    /// A slot descriptor used on an object of another type.
    fn member_type_error(&self, m: &Member<P>, obj: &Obj<P>) -> PyErr<P> {
        self.type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            m.name.as_str().unwrap_or("?"),
            m.owner,
            self.type_name(obj)
        ))
    }

    /// `obj.name = value` on what is not an instance.
    fn setattr_other(&self, obj: &Obj<P>, name: &Obj<P>, value: Obj<P>) -> PyResult<(), P> {
        if let Some(meta) = obj.downcast::<Class<P>>().and_then(|c| c.meta.as_ref()) {
            if let Some(f) = self.user_method(meta, &self.interp.names.setattr) {
                return self
                    .call(&f, &[obj.clone(), name.clone(), value], Kw::EMPTY)
                    .map(drop);
            }
        }
        self.type_setattr(obj, name, value)
    }

    /// `type.__setattr__`: stores in a class's namespace (a data
    /// descriptor of the metaclass first), or sets a module's or a
    /// function's attribute.
    pub fn type_setattr(&self, obj: &Obj<P>, name: &Obj<P>, value: Obj<P>) -> PyResult<(), P> {
        if let Some(c) = obj.downcast::<Class<P>>() {
            if let Some(meta) = &c.meta {
                if let Some(a) = self.lookup_in_class(meta, name) {
                    if let Some(set) = self.descriptor_method(&a, "__set__") {
                        return self
                            .call_method(&set, &a, &[obj.clone(), value], Kw::EMPTY)
                            .map(drop);
                    }
                }
            }
            if c.builtin.is_some() {
                return Err(self.type_error(format!(
                    "cannot set '{}' attribute of immutable type '{}'",
                    name.as_str().unwrap_or("?"),
                    c.name
                )));
            }
            self.dict_set_str(&c.dict, name.clone(), value);
            self.update_class_flags(obj);
            return Ok(());
        }
        if let Some(m) = obj.downcast::<Module<P>>() {
            self.dict_set_str(&m.dict, name.clone(), value);
            return Ok(());
        }
        if let Some(f) = obj.downcast::<Function<P>>() {
            if let Some(slot) = self.function_slot(f, name, Some(&value))? {
                // `f.__annotations__ = None` empties it (a new dict on the
                // next read), as in CPython.
                let annotations = core::ptr::eq(slot, &f.annotations);
                slot.set((!(annotations && value.is_none())).then_some(value));
                return Ok(());
            }
            // Made once even when two threads store the first attribute at
            // once (each would otherwise install its own dict, and one
            // store would be lost).
            let d = f
                .dict
                .get()
                .unwrap_or_else(|| f.dict.get_or_set(ObjRef::new_dict()));
            self.dict_set_str(&d, name.clone(), value);
            return Ok(());
        }
        Err(self.no_attribute(obj, name))
    }

    /// A code object's `co_*` attributes (read-only). `co_flags` uses
    /// CPython's bit values for what ftl's code records.
    fn code_attr(&self, c: &Code<P>, name: &str) -> Option<Obj<P>> {
        use crate::compiler::bytecode::flags;
        let names = |v: &[Obj<P>]| ObjRef::new_tuple(v.to_vec());
        Some(match name {
            "co_name" => self.intern(&c.name),
            "co_qualname" => self.new_str(c.qualname.clone()),
            "co_filename" => c.filename.clone(),
            "co_firstlineno" => ObjRef::from_i64(i64::from(c.firstlineno)),
            "co_argcount" => ObjRef::from_i64(i64::from(c.argcount)),
            "co_posonlyargcount" => ObjRef::from_i64(i64::from(c.posonlyargcount)),
            "co_kwonlyargcount" => ObjRef::from_i64(i64::from(c.kwonlyargcount)),
            "co_nlocals" => ObjRef::from_i64(c.nlocals() as i64),
            "co_varnames" => names(&c.varnames),
            "co_cellvars" => names(&c.cellvars),
            "co_freevars" => names(&c.freevars),
            "co_names" => names(&c.names),
            "co_consts" => names(&c.consts),
            "co_flags" => {
                let mut f = 0;
                if c.flags & (flags::MODULE | flags::CLASS_BODY) == 0 {
                    f |= 0x1 | 0x2; // CO_OPTIMIZED | CO_NEWLOCALS
                }
                if c.flags & flags::VARARGS != 0 {
                    f |= 0x4;
                }
                if c.flags & flags::VARKEYWORDS != 0 {
                    f |= 0x8;
                }
                if c.flags & flags::GENERATOR != 0 {
                    f |= 0x20;
                }
                if c.freevars.is_empty() && c.cellvars.is_empty() {
                    f |= 0x40; // CO_NOFREE (gone in 3.11, kept harmless)
                }
                ObjRef::from_i64(f)
            }
            _ => return None,
        })
    }

    /// The cell behind a writable attribute of a function, after
    /// CPython's type check for the value being stored (`None` for `del`),
    /// or `None` for an attribute that lives in the function's `__dict__`.
    /// The attributes fixed at definition (`__code__`, `__globals__`,
    /// `__closure__`, `__builtins__`, and here `__defaults__` and
    /// `__kwdefaults__`, which ftl does not let change) are read-only.
    fn function_slot<'f>(
        &self,
        f: &'f Function<P>,
        name: &Obj<P>,
        value: Option<&Obj<P>>,
    ) -> PyResult<Option<&'f ObjCell<P>>, P> {
        let n = name.as_str().unwrap_or("");
        let is_str = value.is_some_and(|v| v.as_str().is_some());
        Ok(Some(match n {
            "__name__" | "__qualname__" if !is_str => {
                return Err(self.type_error(format!("{n} must be set to a string object")))
            }
            "__name__" => &f.name,
            "__qualname__" => &f.qualname,
            "__doc__" => &f.doc,
            "__module__" => &f.module,
            "__annotations__" => {
                if value.is_some_and(|v| !v.is_none() && v.kind() != Kind::Dict) {
                    return Err(self.type_error("__annotations__ must be set to a dict object"));
                }
                &f.annotations
            }
            "__dict__" => match value {
                Some(v) if v.kind() == Kind::Dict => &f.dict,
                Some(v) => {
                    return Err(self.type_error(format!(
                        "__dict__ must be set to a dictionary, not a '{}'",
                        self.type_name(v)
                    )))
                }
                None => return Err(self.type_error("cannot delete __dict__")),
            },
            "__code__" | "__globals__" | "__closure__" | "__builtins__" | "__defaults__"
            | "__kwdefaults__" => {
                return Err(self.new_error(ExcType::AttributeError, "readonly attribute"))
            }
            _ => return Ok(None),
        }))
    }

    /// `del obj.name`
    pub fn delattr(&self, obj: &Obj<P>, name: &Obj<P>) -> PyResult<(), P> {
        if let Some(inst) = obj.downcast::<Instance<P>>() {
            if self.class(&inst.class).flags() & class_flags::HAS_DELATTR != 0 {
                if let Some(f) = self.user_method(&inst.class, &self.interp.names.delattr) {
                    return self
                        .call(&f, &[obj.clone(), name.clone()], Kw::EMPTY)
                        .map(drop);
                }
            }
            return self.delattr_instance(obj, inst, name);
        }
        self.delattr_other(obj, name)
    }

    /// `object.__delattr__` on an instance: descriptors, then its dict.
    pub(crate) fn delattr_instance(
        &self,
        obj: &Obj<P>,
        inst: &Instance<P>,
        name: &Obj<P>,
    ) -> PyResult<(), P> {
        {
            if let Some(a) = self.lookup_in_class(&inst.class, name) {
                if let (Some(m), Some(slots)) = (a.downcast::<Member<P>>(), &inst.slots) {
                    return match self.dict_del_str(slots, &m.name) {
                        Some(_) => Ok(()),
                        None => Err(self.no_attribute(obj, name)),
                    };
                }
                if let Some(del) = self.descriptor_method(&a, "__delete__") {
                    return self
                        .call_method(&del, &a, core::slice::from_ref(obj), Kw::EMPTY)
                        .map(drop);
                }
                if let Some(p) = a.downcast::<Property<P>>() {
                    return match &p.fdel {
                        Some(f) => self
                            .call(f, core::slice::from_ref(obj), Kw::EMPTY)
                            .map(drop),
                        None => Err(self.attribute_error(format!(
                            "property '{}' of '{}' object has no deleter",
                            name.as_str().unwrap_or("?"),
                            self.class(&inst.class).name
                        ))),
                    };
                }
            }
            match self.dict_del_str(&inst.dict, name) {
                Some(_) => Ok(()),
                None => Err(self.no_attribute(obj, name)),
            }
        }
    }

    /// `del obj.name` on what is not an instance.
    fn delattr_other(&self, obj: &Obj<P>, name: &Obj<P>) -> PyResult<(), P> {
        if let Some(meta) = obj.downcast::<Class<P>>().and_then(|c| c.meta.as_ref()) {
            if let Some(f) = self.user_method(meta, &self.interp.names.delattr) {
                return self
                    .call(&f, &[obj.clone(), name.clone()], Kw::EMPTY)
                    .map(drop);
            }
        }
        self.type_delattr(obj, name)
    }

    /// `type.__delattr__` (and a module's attribute deletion).
    pub fn type_delattr(&self, obj: &Obj<P>, name: &Obj<P>) -> PyResult<(), P> {
        if let Some(c) = obj.downcast::<Class<P>>() {
            if self.dict_del_str(&c.dict, name).is_none() {
                return Err(self.no_attribute(obj, name));
            }
            self.update_class_flags(obj);
            return Ok(());
        }
        if let Some(m) = obj.downcast::<Module<P>>() {
            return match self.dict_del_str(&m.dict, name) {
                Some(_) => Ok(()),
                None => Err(self.no_attribute(obj, name)),
            };
        }
        if let Some(f) = obj.downcast::<Function<P>>() {
            if let Some(slot) = self.function_slot(f, name, None)? {
                // `__doc__` and `__module__` read None after `del`.
                let annotations = core::ptr::eq(slot, &f.annotations);
                slot.set((!annotations).then(ObjRef::none));
                return Ok(());
            }
            return match f.dict.get().and_then(|d| self.dict_del_str(&d, name)) {
                Some(_) => Ok(()),
                None => Err(self.no_attribute(obj, name)),
            };
        }
        Err(self.no_attribute(obj, name))
    }
}
