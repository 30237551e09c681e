//! Methods of `list`, `tuple`, `dict` and `set`, following CPython 3.11's
//! behaviour and error messages (`Objects/listobject.c`,
//! `Objects/tupleobject.c`, `Objects/dictobject.c`,
//! `Objects/setobject.c`).

use ftl_object::{HeapPolicy, Kind, ObjRef};

use crate::interpreter::state::{BuiltinFn, ExcType, Kw, PyResult, Vm};
use crate::objects::*;

use crate::interpreter::state::ObjResult as R;

/// Installs the methods of `list`, `tuple`, `dict` and `set`.
pub fn install<P: HeapPolicy>(vm: &Vm<P>) {
    let t = vm.types();
    type Group<'a, P> = (&'a Obj<P>, &'static str, &'a [(&'static str, BuiltinFn<P>)]);
    let groups: [Group<'_, P>; 5] = [
        (
            &t.list,
            "list",
            &[
                ("append", list_append::<P>),
                ("pop", list_pop::<P>),
                ("insert", list_insert::<P>),
                ("extend", list_extend::<P>),
                ("index", list_index::<P>),
                ("count", seq_count::<P>),
                ("remove", list_remove::<P>),
                ("sort", list_sort::<P>),
                ("reverse", list_reverse::<P>),
                ("copy", list_copy::<P>),
                ("clear", list_clear::<P>),
            ],
        ),
        (
            &t.tuple,
            "tuple",
            &[("count", seq_count::<P>), ("index", tuple_index::<P>)],
        ),
        (
            &t.dict,
            "dict",
            &[
                ("get", dict_get::<P>),
                ("keys", dict_keys::<P>),
                ("values", dict_values::<P>),
                ("items", dict_items::<P>),
                ("pop", dict_pop::<P>),
                ("setdefault", dict_setdefault::<P>),
                ("update", dict_update::<P>),
                ("copy", dict_copy::<P>),
                ("clear", dict_clear::<P>),
                ("popitem", dict_popitem::<P>),
            ],
        ),
        (
            &t.set,
            "set",
            &[
                ("add", set_add::<P>),
                ("discard", set_discard::<P>),
                ("remove", set_remove::<P>),
                ("pop", set_pop::<P>),
                ("clear", set_clear::<P>),
                ("copy", set_copy::<P>),
                ("update", set_update::<P>),
                ("union", set_union::<P>),
                ("intersection", set_intersection::<P>),
                ("difference", set_difference::<P>),
                ("symmetric_difference", set_symmetric_difference::<P>),
                ("intersection_update", set_intersection_update::<P>),
                ("difference_update", set_difference_update::<P>),
                (
                    "symmetric_difference_update",
                    set_symmetric_difference_update::<P>,
                ),
                ("issubset", set_issubset::<P>),
                ("issuperset", set_issuperset::<P>),
                ("isdisjoint", set_isdisjoint::<P>),
            ],
        ),
        (
            &t.frozenset,
            "frozenset",
            &[
                ("copy", frozenset_copy::<P>),
                ("union", frozenset_union::<P>),
                ("intersection", frozenset_intersection::<P>),
                ("difference", frozenset_difference::<P>),
                ("symmetric_difference", frozenset_symmetric_difference::<P>),
                ("issubset", frozenset_issubset::<P>),
                ("issuperset", frozenset_issuperset::<P>),
                ("isdisjoint", frozenset_isdisjoint::<P>),
            ],
        ),
    ];
    for (cls, owner, methods) in groups {
        for (name, f) in methods {
            vm.add_method(cls, owner, name, *f);
        }
    }
    vm.add_wrapped_method(&t.dict, "fromkeys", dict_fromkeys::<P>, true);
}

fn this_list<'a, P: HeapPolicy>(
    vm: &Vm<P>,
    args: &'a [Obj<P>],
    name: &str,
) -> PyResult<&'a ftl_object::types::List<P>, P> {
    args.first().and_then(|o| o.as_list()).ok_or_else(|| {
        vm.type_error(format!(
            "descriptor '{name}' for 'list' objects doesn't apply to a '{}' object",
            args.first().map(|o| vm.type_name(o)).unwrap_or_default()
        ))
    })
}

fn list_append<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let l = this_list(vm, args, "append")?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "list.append() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    l.push(args[1].clone());
    Ok(ObjRef::none())
}

fn list_pop<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let l = this_list(vm, args, "pop")?;
    vm.check_args("pop", &args[1..], 0, 1)?;
    let len = l.len();
    if len == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let i = match args.get(1) {
        None => len - 1,
        Some(i) => {
            let i = vm.index_i64(i)?;
            let i = if i < 0 { i + len as i64 } else { i };
            if i < 0 || i >= len as i64 {
                return Err(vm.index_error("pop index out of range"));
            }
            i as usize
        }
    };
    l.remove_at(i)
        .ok_or_else(|| vm.index_error("pop index out of range"))
}

fn list_insert<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let l = this_list(vm, args, "insert")?;
    if args.len() != 3 {
        return Err(vm.type_error(format!(
            "insert expected 2 arguments, got {}",
            args.len() - 1
        )));
    }
    let i = vm.index_i64(&args[1])?;
    let len = l.len() as i64;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    l.insert(i as usize, args[2].clone());
    Ok(ObjRef::none())
}

fn list_extend<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let l = this_list(vm, args, "extend")?;
    vm.check_args("extend", &args[1..], 1, 1)?;
    if let Some(other) = args[1].as_list() {
        l.extend_from_list(other);
    } else {
        let items = vm.collect(&args[1])?;
        l.extend(items);
    }
    Ok(ObjRef::none())
}

fn norm_range(len: usize, start: Option<i64>, end: Option<i64>) -> (usize, usize) {
    let fix = |v: i64| -> usize {
        if v < 0 {
            (v + len as i64).max(0) as usize
        } else {
            (v as usize).min(len)
        }
    };
    (start.map(fix).unwrap_or(0), end.map(fix).unwrap_or(len))
}

fn opt_index<P: HeapPolicy>(vm: &Vm<P>, o: Option<&Obj<P>>) -> PyResult<Option<i64>, P> {
    match o {
        None => Ok(None),
        Some(x) if x.is_none() => Ok(None),
        Some(x) => vm.index_i64(x).map(Some),
    }
}

fn list_index<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let l = this_list(vm, args, "index")?;
    vm.check_args("index", &args[1..], 1, 3)?;
    let items = l.snapshot();
    let (s, e) = norm_range(
        items.len(),
        opt_index(vm, args.get(2))?,
        opt_index(vm, args.get(3))?,
    );
    for (i, x) in items.iter().enumerate().take(e).skip(s) {
        if vm.eq(x, &args[1])? {
            return Ok(ObjRef::from_i64(i as i64));
        }
    }
    Err(vm.value_error(format!("{} is not in list", vm.repr(&args[1])?)))
}

fn tuple_index<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("index", &args[1..], 1, 3)?;
    let items = args[0].as_tuple().expect("tuple");
    let (s, e) = norm_range(
        items.len(),
        opt_index(vm, args.get(2))?,
        opt_index(vm, args.get(3))?,
    );
    for (i, x) in items.iter().enumerate().take(e).skip(s) {
        if vm.eq(x, &args[1])? {
            return Ok(ObjRef::from_i64(i as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn seq_count<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("count", &args[1..], 1, 1)?;
    let mut n = 0;
    for x in vm.collect(&args[0])? {
        if vm.eq(&x, &args[1])? {
            n += 1;
        }
    }
    Ok(ObjRef::from_i64(n))
}

fn list_remove<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let l = this_list(vm, args, "remove")?;
    vm.check_args("remove", &args[1..], 1, 1)?;
    for (i, x) in l.snapshot().iter().enumerate() {
        if vm.eq(x, &args[1])? {
            drop(l.remove_at(i));
            return Ok(ObjRef::none());
        }
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn list_sort<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let l = this_list(vm, args, "sort")?;
    if args.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let key = kw.get("key").filter(|k| !k.is_none());
    let reverse = match kw.get("reverse") {
        Some(r) => vm.is_true(r)?,
        None => false,
    };
    // CPython empties the list while sorting and complains if it changed.
    let items = l.replace_all(Vec::new());
    let (sorted, result) = crate::builtins::functions::sort_items(vm, items, key, reverse);
    let modified = !l.is_empty();
    drop(l.replace_all(sorted));
    result?;
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(ObjRef::none())
}

fn list_reverse<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    this_list(vm, args, "reverse")?.reverse();
    Ok(ObjRef::none())
}

fn list_copy<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    Ok(ObjRef::from_list_vec(
        this_list(vm, args, "copy")?.snapshot(),
    ))
}

fn list_clear<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    this_list(vm, args, "clear")?.clear();
    Ok(ObjRef::none())
}

fn dict_get<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("get", &args[1..], 1, 2)?;
    Ok(vm
        .dict_get(&args[0], &args[1])?
        .unwrap_or_else(|| args.get(2).cloned().unwrap_or_else(ObjRef::none)))
}

fn view<P: HeapPolicy>(args: &[Obj<P>], part: DictPart) -> R<P> {
    Ok(ObjRef::new(DictView {
        dict: args[0].clone(),
        part,
    }))
}

fn dict_keys<P: HeapPolicy>(_vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    view(args, DictPart::Keys)
}

fn dict_values<P: HeapPolicy>(_vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    view(args, DictPart::Values)
}

fn dict_items<P: HeapPolicy>(_vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    view(args, DictPart::Items)
}

fn dict_pop<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("pop", &args[1..], 1, 2)?;
    match vm.dict_del(&args[0], &args[1])? {
        Some(v) => Ok(v),
        None => args
            .get(2)
            .cloned()
            .ok_or_else(|| vm.key_error(args[1].clone())),
    }
}

fn dict_setdefault<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("setdefault", &args[1..], 1, 2)?;
    let d = args.get(2).cloned().unwrap_or_else(ObjRef::none);
    let dict = args[0].as_dict().expect("dict");
    let key = &args[1];
    if !ftl_object::keys::is_opaque(key) && !dict.has_opaque_keys() {
        // Keys compared by the built-in equality: one critical section, so
        // threads racing on a key all get the first value stored.
        let h = vm.hash(key)?;
        return Ok(dict.setdefault_hashed(h, key.clone(), d));
    }
    if let Some(v) = vm.dict_get(&args[0], key)? {
        return Ok(v);
    }
    vm.dict_set(&args[0], args[1].clone(), d.clone())?;
    Ok(d)
}

fn dict_update<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.check_args("update", &args[1..], 0, 1)?;
    if let Some(m) = args.get(1) {
        vm.dict_update(&args[0], m, false)?;
    }
    for (k, v) in kw.iter() {
        vm.dict_set(&args[0], vm.intern(k), v.clone())?;
    }
    Ok(ObjRef::none())
}

fn dict_copy<P: HeapPolicy>(_vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    Ok(ObjRef::from_dict(args[0].as_dict().expect("dict").copy()))
}

fn dict_clear<P: HeapPolicy>(_vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    args[0].as_dict().expect("dict").clear();
    Ok(ObjRef::none())
}

fn dict_popitem<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    match args[0].as_dict().expect("dict").popitem() {
        Some((k, v)) => Ok(ObjRef::new_tuple(vec![k, v])),
        None => Err(vm.new_error(ExcType::KeyError, "popitem(): dictionary is empty")),
    }
}

fn dict_fromkeys<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    // Called on the class or an instance: skip the receiver.
    vm.check_args("fromkeys", &args[1..], 1, 2)?;
    let d = ObjRef::new_dict();
    let v = args.get(2).cloned().unwrap_or_else(ObjRef::none);
    for k in vm.collect(&args[1])? {
        vm.dict_set(&d, k, v.clone())?;
    }
    Ok(d)
}

/// Checks the receiver of a `set` or `frozenset` method called unbound
/// (`set.add(x, 1)`), as CPython's method descriptors do: `args[0]` must
/// be of the class the method was found on.
fn check_receiver<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    name: &str,
    owner: Kind,
) -> PyResult<(), P> {
    let owner_name = if owner == Kind::Set {
        "set"
    } else {
        "frozenset"
    };
    match args.first() {
        Some(o) if o.kind() == owner => Ok(()),
        Some(o) => Err(vm.type_error(format!(
            "descriptor '{name}' for '{owner_name}' objects doesn't apply to a '{}' object",
            vm.type_name(o)
        ))),
        None => Err(vm.type_error(format!(
            "unbound method {owner_name}.{name}() needs an argument"
        ))),
    }
}

/// Declares `set` (mutating) methods that check their receiver first.
macro_rules! set_methods {
    ($($name:ident => $py:literal, $body:expr;)*) => {$(
        fn $name<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
            check_receiver(vm, args, $py, Kind::Set)?;
            let body: fn(&Vm<P>, &[Obj<P>], Kw<'_, P>) -> R<P> = $body;
            body(vm, args, kw)
        }
    )*};
}

/// Declares the methods `set` and `frozenset` share: one function per
/// class (each checks its own receiver), one body; a result set takes the
/// receiver's type.
macro_rules! shared_set_methods {
    ($($set_name:ident, $frozen_name:ident => $py:literal, $body:expr;)*) => {$(
        fn $set_name<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
            check_receiver(vm, args, $py, Kind::Set)?;
            let body: fn(&Vm<P>, &[Obj<P>], Kw<'_, P>) -> R<P> = $body;
            body(vm, args, kw)
        }
        fn $frozen_name<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
            check_receiver(vm, args, $py, Kind::FrozenSet)?;
            let body: fn(&Vm<P>, &[Obj<P>], Kw<'_, P>) -> R<P> = $body;
            // A set result is always a new one (never an argument), so its
            // members can move into the frozenset.
            let out = body(vm, args, kw)?;
            Ok(if out.kind() == Kind::Set { vm.frozenset_from_set(&out) } else { out })
        }
    )*};
}

set_methods! {
    set_add => "add", |vm, args, _kw| {
        vm.check_args("add", &args[1..], 1, 1)?;
        vm.set_add(&args[0], args[1].clone())?;
        Ok(ObjRef::none())
    };
    set_discard => "discard", |vm, args, _kw| {
        vm.check_args("discard", &args[1..], 1, 1)?;
        vm.set_discard(&args[0], &args[1])?;
        Ok(ObjRef::none())
    };
    set_remove => "remove", |vm, args, _kw| {
        vm.check_args("remove", &args[1..], 1, 1)?;
        if !vm.set_discard(&args[0], &args[1])? {
            return Err(vm.key_error(args[1].clone()));
        }
        Ok(ObjRef::none())
    };
    set_pop => "pop", |vm, args, _kw| {
        vm.check_args("pop", &args[1..], 0, 0)?;
        args[0]
            .as_set()
            .expect("checked receiver")
            .pop()
            .ok_or_else(|| vm.new_error(ExcType::KeyError, "pop from an empty set"))
    };
    set_clear => "clear", |vm, args, _kw| {
        vm.check_args("clear", &args[1..], 0, 0)?;
        args[0].as_set().expect("checked receiver").clear();
        Ok(ObjRef::none())
    };
    set_update => "update", |vm, args, _kw| set_update_each(vm, args, Vm::set_update);
    set_intersection_update => "intersection_update", |vm, args, _kw| {
        let r = intersection_multi(vm, args)?;
        vm.set_take_body(&args[0], &r);
        Ok(ObjRef::none())
    };
    set_difference_update => "difference_update", |vm, args, _kw| {
        set_update_each(vm, args, Vm::set_difference_update)
    };
    set_symmetric_difference_update => "symmetric_difference_update", |vm, args, _kw| {
        vm.check_args("symmetric_difference_update", &args[1..], 1, 1)?;
        vm.set_symmetric_difference_update(&args[0], &args[1])?;
        Ok(ObjRef::none())
    };
}

shared_set_methods! {
    set_copy, frozenset_copy => "copy", |vm, args, _kw| {
        vm.check_args("copy", &args[1..], 0, 0)?;
        if args[0].kind() == Kind::FrozenSet {
            // CPython: a frozenset's copy is itself.
            return Ok(args[0].clone());
        }
        Ok(ObjRef::from_set(args[0].as_set_view().expect("checked receiver").copy()))
    };
    set_union, frozenset_union => "union", |vm, args, _kw| {
        // set_union: one copy, updated with each argument.
        let out = ObjRef::from_set(args[0].as_set_view().expect("checked receiver").copy());
        for o in &args[1..] {
            if !o.is_same(&args[0]) {
                vm.set_update(&out, o)?;
            }
        }
        Ok(out)
    };
    set_intersection, frozenset_intersection => "intersection", |vm, args, _kw| {
        intersection_multi(vm, args)
    };
    set_difference, frozenset_difference => "difference", |vm, args, _kw| {
        // set_difference_multi: the first difference makes the result, the
        // rest update it.
        let Some(first) = args.get(1) else {
            return Ok(ObjRef::from_set(args[0].as_set_view().expect("checked receiver").copy()));
        };
        let out = vm.set_difference(&args[0], first)?;
        for o in &args[2..] {
            vm.set_difference_update(&out, o)?;
        }
        Ok(out)
    };
    set_symmetric_difference, frozenset_symmetric_difference => "symmetric_difference", |vm, args, _kw| {
        vm.check_args("symmetric_difference", &args[1..], 1, 1)?;
        // A new set made from the argument, toggled by the receiver.
        let out = ObjRef::new_set();
        vm.set_update(&out, &args[1])?;
        vm.set_symmetric_difference_update(&out, &args[0])?;
        Ok(out)
    };
    set_issubset, frozenset_issubset => "issubset", |vm, args, _kw| {
        vm.check_args("issubset", &args[1..], 1, 1)?;
        let other = as_set(vm, &args[1])?;
        vm.rich_compare(&args[0], &other, ftl_syntax::ast::CmpOp::LtE)
    };
    set_issuperset, frozenset_issuperset => "issuperset", |vm, args, _kw| {
        vm.check_args("issuperset", &args[1..], 1, 1)?;
        let other = as_set(vm, &args[1])?;
        vm.rich_compare(&args[0], &other, ftl_syntax::ast::CmpOp::GtE)
    };
    set_isdisjoint, frozenset_isdisjoint => "isdisjoint", |vm, args, _kw| {
        vm.check_args("isdisjoint", &args[1..], 1, 1)?;
        for item in vm.collect(&args[1])? {
            if vm.set_contains(&args[0], &item)? {
                return Ok(ObjRef::from_bool(false));
            }
        }
        Ok(ObjRef::from_bool(true))
    };
}

/// `other` as a set or frozenset (made into a set when it is another
/// iterable), for the subset tests.
fn as_set<P: HeapPolicy>(vm: &Vm<P>, o: &Obj<P>) -> R<P> {
    if matches!(o.kind(), Kind::Set | Kind::FrozenSet) {
        return Ok(o.clone());
    }
    let s = ObjRef::new_set();
    for item in vm.collect(o)? {
        vm.set_add(&s, item)?;
    }
    Ok(s)
}

/// An in-place set operation of the VM (`a op= other`).
type SetUpdate<P> = fn(&Vm<P>, &Obj<P>, &Obj<P>) -> PyResult<(), P>;

/// `s.update(*others)`, `s.difference_update(*others)`: the in-place
/// operation with each argument in turn.
fn set_update_each<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], update: SetUpdate<P>) -> R<P> {
    for o in &args[1..] {
        update(vm, &args[0], o)?;
    }
    Ok(ObjRef::none())
}

/// `s.intersection(*others)` (`set_intersection_multi`): a copy of `s`
/// without arguments, else intersected with each argument in turn.
fn intersection_multi<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>]) -> R<P> {
    if args.len() == 1 {
        return Ok(ObjRef::from_set(
            args[0].as_set_view().expect("checked receiver").copy(),
        ));
    }
    let mut acc = args[0].clone();
    for o in &args[1..] {
        acc = vm.set_intersection(&acc, o)?;
    }
    Ok(acc)
}
