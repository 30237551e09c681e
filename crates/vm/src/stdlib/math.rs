//! The `math` module (`Modules/mathmodule.c`): the functions ftl's subset
//! uses, with CPython's domain and range errors (`ValueError: math domain
//! error`, `OverflowError: math range error`).

use ftl_object::{HeapPolicy, IntValue, Kind, ObjRef};
use num_integer::{Integer, Roots};
use num_traits::{One, Signed, Zero};

use crate::interpreter::state::{BuiltinFn, ExcType, Kw, PyResult, Vm};
use crate::objects::Obj;
use crate::stdlib::Namespace;

use crate::interpreter::state::ObjResult as R;

/// Fills `math`.
pub fn init<P: HeapPolicy>(_vm: &Vm<P>, m: &Namespace<'_, P>) -> PyResult<(), P> {
    m.set("pi", ObjRef::from_f64(core::f64::consts::PI));
    m.set("e", ObjRef::from_f64(core::f64::consts::E));
    m.set("tau", ObjRef::from_f64(core::f64::consts::TAU));
    m.set("inf", ObjRef::from_f64(f64::INFINITY));
    m.set("nan", ObjRef::from_f64(f64::NAN));
    m.add_functions(functions::<P>());
    Ok(())
}

/// The functions of `math`.
fn functions<P: HeapPolicy>() -> &'static [(&'static str, BuiltinFn<P>)] {
    &[
        ("sqrt", sqrt::<P>),
        ("exp", exp::<P>),
        ("sin", sin::<P>),
        ("cos", cos::<P>),
        ("tan", tan::<P>),
        ("asin", asin::<P>),
        ("acos", acos::<P>),
        ("atan", atan::<P>),
        ("sinh", sinh::<P>),
        ("cosh", cosh::<P>),
        ("tanh", tanh::<P>),
        ("atan2", atan2::<P>),
        ("log", log::<P>),
        ("log2", log2::<P>),
        ("log10", log10::<P>),
        ("pow", pow::<P>),
        ("fabs", fabs::<P>),
        ("hypot", hypot::<P>),
        ("floor", floor::<P>),
        ("ceil", ceil::<P>),
        ("trunc", trunc::<P>),
        ("isnan", isnan::<P>),
        ("isinf", isinf::<P>),
        ("isfinite", isfinite::<P>),
        ("gcd", gcd::<P>),
        ("factorial", factorial::<P>),
        ("isqrt", isqrt::<P>),
        ("degrees", degrees::<P>),
        ("radians", radians::<P>),
        ("copysign", copysign::<P>),
        ("fmod", fmod::<P>),
        ("modf", modf::<P>),
        ("comb", comb::<P>),
        ("perm", perm::<P>),
        ("fsum", fsum::<P>),
        ("prod", prod::<P>),
        ("dist", dist::<P>),
    ]
}

fn one<P: HeapPolicy>(vm: &Vm<P>, name: &str, args: &[Obj<P>]) -> PyResult<f64, P> {
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "math.{name}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    vm.to_f64(&args[0])
}

fn two<P: HeapPolicy>(vm: &Vm<P>, name: &str, args: &[Obj<P>]) -> PyResult<(f64, f64), P> {
    if args.len() != 2 {
        return Err(vm.type_error(format!("{name} expected 2 arguments, got {}", args.len())));
    }
    Ok((vm.to_f64(&args[0])?, vm.to_f64(&args[1])?))
}

fn domain<P: HeapPolicy>(vm: &Vm<P>) -> crate::interpreter::state::PyErr<P> {
    vm.value_error("math domain error")
}

/// Applies `f` with CPython's error rules: NaN out of non-NaN in is a
/// domain error, infinity out of finite in is a range error.
fn checked<P: HeapPolicy>(vm: &Vm<P>, x: f64, r: f64, can_overflow: bool) -> R<P> {
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            vm.overflow_error("math range error")
        } else {
            domain(vm)
        });
    }
    Ok(ObjRef::from_f64(r))
}

macro_rules! unary {
    ($name:ident, $f:expr, $overflow:expr) => {
        fn $name<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
            let x = one(vm, stringify!($name), args)?;
            let f: fn(f64) -> f64 = $f;
            checked(vm, x, f(x), $overflow)
        }
    };
}

unary!(exp, f64::exp, true);
unary!(sin, f64::sin, false);
unary!(cos, f64::cos, false);
unary!(tan, f64::tan, false);
unary!(asin, f64::asin, false);
unary!(acos, f64::acos, false);
unary!(atan, f64::atan, false);
unary!(sinh, f64::sinh, true);
unary!(cosh, f64::cosh, true);
unary!(tanh, f64::tanh, false);
unary!(fabs, f64::abs, false);
unary!(degrees, f64::to_degrees, true);
unary!(radians, f64::to_radians, false);

fn sqrt<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let x = one(vm, "sqrt", args)?;
    if x < 0.0 {
        return Err(domain(vm));
    }
    Ok(ObjRef::from_f64(x.sqrt()))
}

/// Natural log of an int or float, exact for huge ints.
fn ln_of<P: HeapPolicy>(vm: &Vm<P>, o: &Obj<P>) -> PyResult<f64, P> {
    if let Some(IntValue::Big(b)) = vm.int_value(o) {
        if !b.is_positive() {
            return Err(domain(vm));
        }
        let bits = b.bits();
        let shift = bits.saturating_sub(60);
        let top: num_bigint::BigInt = &b >> shift as usize;
        let t: f64 = num_traits::ToPrimitive::to_f64(&top).unwrap_or(f64::INFINITY);
        return Ok(t.ln() + shift as f64 * core::f64::consts::LN_2);
    }
    let x = vm.to_f64(o)?;
    if x <= 0.0 {
        return Err(domain(vm));
    }
    Ok(x.ln())
}

fn log<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    if args.is_empty() || args.len() > 2 {
        return Err(vm.type_error(format!("log expected 1 or 2 arguments, got {}", args.len())));
    }
    let n = ln_of(vm, &args[0])?;
    if let Some(b) = args.get(1) {
        let d = ln_of(vm, b)?;
        if d == 0.0 {
            return Err(vm.zero_division("float division by zero"));
        }
        return Ok(ObjRef::from_f64(n / d));
    }
    Ok(ObjRef::from_f64(n))
}

fn log2<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("log2", args, 1, 1)?;
    if let Some(IntValue::Big(_)) = vm.int_value(&args[0]) {
        return Ok(ObjRef::from_f64(
            ln_of(vm, &args[0])? / core::f64::consts::LN_2,
        ));
    }
    let x = vm.to_f64(&args[0])?;
    if x <= 0.0 {
        return Err(domain(vm));
    }
    Ok(ObjRef::from_f64(x.log2()))
}

fn log10<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("log10", args, 1, 1)?;
    if let Some(IntValue::Big(_)) = vm.int_value(&args[0]) {
        return Ok(ObjRef::from_f64(
            ln_of(vm, &args[0])? / core::f64::consts::LN_10,
        ));
    }
    let x = vm.to_f64(&args[0])?;
    if x <= 0.0 {
        return Err(domain(vm));
    }
    Ok(ObjRef::from_f64(x.log10()))
}

fn pow<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let (x, y) = two(vm, "pow", args)?;
    if x == 0.0 && y < 0.0 {
        return Err(domain(vm));
    }
    if x < 0.0 && y.is_finite() && y.fract() != 0.0 {
        return Err(domain(vm));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.overflow_error("math range error"));
    }
    Ok(ObjRef::from_f64(r))
}

fn atan2<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let (y, x) = two(vm, "atan2", args)?;
    Ok(ObjRef::from_f64(y.atan2(x)))
}

fn hypot<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let mut acc = 0.0f64;
    let mut vals = Vec::new();
    for a in args {
        vals.push(vm.to_f64(a)?.abs());
    }
    if vals.iter().any(|v| v.is_infinite()) {
        return Ok(ObjRef::from_f64(f64::INFINITY));
    }
    if vals.len() == 2 {
        return Ok(ObjRef::from_f64(vals[0].hypot(vals[1])));
    }
    for v in vals {
        acc = acc.hypot(v);
    }
    Ok(ObjRef::from_f64(acc))
}

fn dist<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("dist", args, 2, 2)?;
    let (p, q) = (vm.collect(&args[0])?, vm.collect(&args[1])?);
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut acc = 0.0f64;
    for (a, b) in p.iter().zip(&q) {
        acc = acc.hypot(vm.to_f64(a)? - vm.to_f64(b)?);
    }
    Ok(ObjRef::from_f64(acc))
}

fn to_int_result<P: HeapPolicy>(vm: &Vm<P>, f: f64) -> R<P> {
    match IntValue::from_f64_trunc(f) {
        Ok(v) => Ok(ObjRef::from_int(v)),
        Err(_) if f.is_nan() => Err(vm.value_error("cannot convert float NaN to integer")),
        Err(_) => Err(vm.overflow_error("cannot convert float infinity to integer")),
    }
}

fn rounding<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], name: &str, f: fn(f64) -> f64) -> R<P> {
    vm.check_args(name, args, 1, 1)?;
    if matches!(args[0].kind(), Kind::Int | Kind::Bool) {
        return Ok(ObjRef::from_int(vm.int_value(&args[0]).expect("int")));
    }
    if args[0].kind() != Kind::Float {
        let dunder = format!("__{name}__");
        if let Some(r) = vm.call_dunder(&args[0], &dunder, &[])? {
            return Ok(r);
        }
    }
    to_int_result(vm, f(vm.to_f64(&args[0])?))
}

fn floor<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    rounding(vm, args, "floor", f64::floor)
}

fn ceil<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    rounding(vm, args, "ceil", f64::ceil)
}

fn trunc<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    rounding(vm, args, "trunc", f64::trunc)
}

fn isnan<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    Ok(ObjRef::from_bool(one(vm, "isnan", args)?.is_nan()))
}

fn isinf<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    Ok(ObjRef::from_bool(one(vm, "isinf", args)?.is_infinite()))
}

fn isfinite<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    Ok(ObjRef::from_bool(one(vm, "isfinite", args)?.is_finite()))
}

fn gcd<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let mut acc = num_bigint::BigInt::zero();
    for a in args {
        acc = acc.gcd(&vm.arg_int(a)?.to_bigint());
    }
    Ok(ObjRef::from_int(IntValue::from_bigint(acc)))
}

fn factorial<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("factorial", args, 1, 1)?;
    if args[0].kind() == Kind::Float {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.arg_int(&args[0])?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let n = n.as_i64().ok_or_else(|| {
        vm.overflow_error("factorial() argument should not exceed 9223372036854775807")
    })?;
    let mut acc = num_bigint::BigInt::one();
    for i in 2..=n {
        acc *= i;
    }
    Ok(ObjRef::from_int(IntValue::from_bigint(acc)))
}

fn isqrt<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("isqrt", args, 1, 1)?;
    let n = vm.arg_int(&args[0])?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(ObjRef::from_int(IntValue::from_bigint(Roots::sqrt(
        &n.to_bigint(),
    ))))
}

fn copysign<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let (x, y) = two(vm, "copysign", args)?;
    Ok(ObjRef::from_f64(x.copysign(y)))
}

fn fmod<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let (x, y) = two(vm, "fmod", args)?;
    if y == 0.0 && !x.is_nan() || x.is_infinite() {
        return Err(domain(vm));
    }
    Ok(ObjRef::from_f64(x % y))
}

fn modf<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    let x = one(vm, "modf", args)?;
    let (i, f) = if x.is_infinite() {
        (x, 0.0f64.copysign(x))
    } else {
        (x.trunc(), (x - x.trunc()).copysign(x))
    };
    Ok(ObjRef::new_tuple(vec![
        ObjRef::from_f64(f),
        ObjRef::from_f64(i),
    ]))
}

fn nonneg<P: HeapPolicy>(vm: &Vm<P>, o: &Obj<P>, what: &str) -> PyResult<num_bigint::BigInt, P> {
    let v = vm.arg_int(o)?;
    if v.is_negative() {
        return Err(vm.value_error(format!("{what} must be a non-negative integer")));
    }
    Ok(v.to_bigint())
}

fn comb<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("comb", args, 2, 2)?;
    let (n, k) = (nonneg(vm, &args[0], "n")?, nonneg(vm, &args[1], "k")?);
    if k > n {
        return Ok(ObjRef::from_i64(0));
    }
    let k = core::cmp::min(k.clone(), &n - &k);
    let mut acc = num_bigint::BigInt::one();
    let mut i = num_bigint::BigInt::zero();
    while i < k {
        acc = acc * (&n - &i) / (&i + 1);
        i += 1;
    }
    Ok(ObjRef::from_int(IntValue::from_bigint(acc)))
}

fn perm<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("perm", args, 1, 2)?;
    let n = nonneg(vm, &args[0], "n")?;
    let k = match args.get(1) {
        Some(k) if !k.is_none() => nonneg(vm, k, "k")?,
        _ => n.clone(),
    };
    if k > n {
        return Ok(ObjRef::from_i64(0));
    }
    let mut acc = num_bigint::BigInt::one();
    let mut i = num_bigint::BigInt::zero();
    while i < k {
        acc *= &n - &i;
        i += 1;
    }
    Ok(ObjRef::from_int(IntValue::from_bigint(acc)))
}

/// Shewchuk's exact summation, as `math.fsum` (`msum` in mathmodule.c).
fn fsum<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("fsum", args, 1, 1)?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    for item in vm.collect(&args[0])? {
        let mut x = vm.to_f64(&item)?;
        if !x.is_finite() {
            special += x;
            continue;
        }
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                core::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    if special != 0.0 || special.is_nan() {
        if special.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(ObjRef::from_f64(special));
    }
    let mut hi = 0.0;
    if let Some(mut n) = partials.len().checked_sub(1) {
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(ObjRef::from_f64(hi))
}

fn prod<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.check_args("prod", args, 1, 1)?;
    let mut acc = kw
        .get("start")
        .cloned()
        .unwrap_or_else(|| ObjRef::from_i64(1));
    for item in vm.collect(&args[0])? {
        acc = vm.binary_op(&acc, &item, ftl_syntax::ast::BinOp::Mul)?;
    }
    Ok(acc)
}

#[allow(dead_code)]
fn _unused<P: HeapPolicy>(vm: &Vm<P>) -> crate::interpreter::state::PyErr<P> {
    vm.new_error(ExcType::ValueError, "")
}
