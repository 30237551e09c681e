//! `random` (`Lib/random.py` over `Modules/_randommodule.c`): module-level
//! functions on the interpreter's one generator, reproducing CPython's
//! sequences for int, str, bytes and float seeds (the algorithms are
//! [`ftl_algorithms::random`]). An unseeded generator starts from a fixed
//! seed, so runs are reproducible (CPython seeds from `os.urandom`).

use ftl_object::{HeapPolicy, IntValue, Kind, ObjRef};

use crate::interpreter::state::{ExcType, Kw, PyResult, Vm};
use crate::objects::*;
use crate::stdlib::Namespace;

use crate::interpreter::state::ObjResult as R;

/// Fills `random`.
pub fn init<P: HeapPolicy>(_vm: &Vm<P>, m: &Namespace<'_, P>) -> PyResult<(), P> {
    m.add_functions(&[
        ("seed", random_seed::<P>),
        ("random", random_random::<P>),
        ("getrandbits", random_getrandbits::<P>),
        ("randrange", random_randrange::<P>),
        ("randint", random_randint::<P>),
        ("choice", random_choice::<P>),
        ("shuffle", random_shuffle::<P>),
        ("sample", random_sample::<P>),
        ("uniform", random_uniform::<P>),
        ("gauss", random_gauss::<P>),
        ("normalvariate", random_normalvariate::<P>),
        ("expovariate", random_expovariate::<P>),
    ]);
    Ok(())
}

fn rerr<P: HeapPolicy>(
    vm: &Vm<P>,
    e: ftl_algorithms::random::RandomError,
) -> crate::interpreter::state::PyErr<P> {
    let t = match e.exception {
        "IndexError" => ExcType::IndexError,
        "TypeError" => ExcType::TypeError,
        "OverflowError" => ExcType::OverflowError,
        "ZeroDivisionError" => ExcType::ZeroDivisionError,
        "MemoryError" => ExcType::MemoryError,
        _ => ExcType::ValueError,
    };
    vm.new_error(t, e.message)
}

fn random_seed<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let a = args.first().or(kw.get("a"));
    let mut r = vm.interp.random.lock();
    match a {
        None => r.seed_from_time(),
        Some(x) if x.is_none() => r.seed_from_time(),
        Some(x) => match x.kind() {
            Kind::Int | Kind::Bool => r.seed_int(&vm.int_value(x).expect("int")),
            Kind::Str => r.seed_str(x.as_str().expect("s")),
            Kind::Bytes => r.seed_bytes(x.as_bytes().expect("b")),
            Kind::Float => r.seed_float(x.as_f64().expect("f")),
            _ => return Err(vm.type_error(ftl_algorithms::random::SEED_TYPE_ERROR)),
        },
    }
    Ok(ObjRef::none())
}

fn random_random<P: HeapPolicy>(vm: &Vm<P>, _args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    Ok(ObjRef::from_f64(vm.interp.random.lock().random()))
}

fn random_getrandbits<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("getrandbits", args, 1, 1)?;
    let k = vm.arg_int(&args[0])?;
    let v = vm
        .interp
        .random
        .lock()
        .getrandbits(&k)
        .map_err(|e| rerr(vm, e))?;
    Ok(ObjRef::from_int(v))
}

fn random_randrange<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("randrange", args, 1, 3)?;
    let start = vm.arg_int(&args[0])?;
    let stop = args.get(1).map(|s| vm.arg_int(s)).transpose()?;
    let step = args
        .get(2)
        .map(|s| vm.arg_int(s))
        .transpose()?
        .unwrap_or(IntValue::Small(1));
    let v = vm
        .interp
        .random
        .lock()
        .randrange(&start, stop.as_ref(), &step)
        .map_err(|e| rerr(vm, e))?;
    Ok(ObjRef::from_int(v))
}

fn random_randint<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("randint", args, 2, 2)?;
    let (a, b) = (vm.arg_int(&args[0])?, vm.arg_int(&args[1])?);
    let v = vm
        .interp
        .random
        .lock()
        .randint(&a, &b)
        .map_err(|e| rerr(vm, e))?;
    Ok(ObjRef::from_int(v))
}

fn random_choice<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("choice", args, 1, 1)?;
    let n = vm.len(&args[0])?;
    let i = vm
        .interp
        .random
        .lock()
        .choice_index(n)
        .map_err(|e| rerr(vm, e))?;
    vm.getitem(&args[0], &ObjRef::from_i64(i as i64))
}

fn random_shuffle<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("shuffle", args, 1, 1)?;
    let Some(l) = args[0].as_list() else {
        return Err(vm.type_error("shuffle() needs a list"));
    };
    let mut items = l.snapshot();
    vm.interp.random.lock().shuffle_indices(&mut items);
    drop(l.replace_all(items));
    Ok(ObjRef::none())
}

fn random_sample<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let k = kw
        .get("k")
        .or(args.get(1))
        .ok_or_else(|| vm.type_error("sample() missing 1 required positional argument: 'k'"))?;
    let pop = args.first().ok_or_else(|| {
        vm.type_error("sample() missing 1 required positional argument: 'population'")
    })?;
    if matches!(pop.kind(), Kind::Set | Kind::FrozenSet | Kind::Dict) {
        return Err(
            vm.type_error("Population must be a sequence.  For dicts or sets, use sorted(d).")
        );
    }
    let items = vm.collect(pop)?;
    let k = vm.index_i64(k)?;
    if k < 0 {
        return Err(rerr(vm, ftl_algorithms::random::RandomError::sample_size()));
    }
    let idx = vm
        .interp
        .random
        .lock()
        .sample_indices(items.len(), k as usize)
        .map_err(|e| rerr(vm, e))?;
    Ok(ObjRef::from_list_vec(
        idx.into_iter().map(|i| items[i].clone()).collect(),
    ))
}

fn random_uniform<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("uniform", args, 2, 2)?;
    let (a, b) = (vm.to_f64(&args[0])?, vm.to_f64(&args[1])?);
    Ok(ObjRef::from_f64(vm.interp.random.lock().uniform(a, b)))
}

fn two_floats<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
    d: (f64, f64),
) -> PyResult<(f64, f64), P> {
    let a = match kw.get("mu").or(args.first()) {
        Some(x) => vm.to_f64(x)?,
        None => d.0,
    };
    let b = match kw.get("sigma").or(args.get(1)) {
        Some(x) => vm.to_f64(x)?,
        None => d.1,
    };
    Ok((a, b))
}

fn random_gauss<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let (mu, sigma) = two_floats(vm, args, kw, (0.0, 1.0))?;
    Ok(ObjRef::from_f64(vm.interp.random.lock().gauss(mu, sigma)))
}

fn random_normalvariate<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let (mu, sigma) = two_floats(vm, args, kw, (0.0, 1.0))?;
    Ok(ObjRef::from_f64(
        vm.interp.random.lock().normalvariate(mu, sigma),
    ))
}

fn random_expovariate<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let l = match args.first() {
        Some(x) => vm.to_f64(x)?,
        None => 1.0,
    };
    let v = vm
        .interp
        .random
        .lock()
        .expovariate(l)
        .map_err(|e| rerr(vm, e))?;
    Ok(ObjRef::from_f64(v))
}
