//! The object protocols: arithmetic, comparison, truth, hashing, items,
//! iteration, `repr` / `str` / `format`.
//!
//! After CPython's `Objects/abstract.c` and `Objects/object.c`: each
//! operation first takes the fast path for the built-in types it knows
//! (ints with a machine-word fast path, floats, strings, lists, tuples,
//! dicts, sets), then tries the special methods of user classes
//! (`__add__`, then the reflected `__radd__`; `__eq__`, then the
//! reflected one), then raises `TypeError` worded as CPython words it.
//! Every result is a new reference; small ints come from the cache.
//!
//! Dict and set keys: the built-in table compares built-in keys itself
//! (no user code can run inside its critical section). A key whose class
//! defines `__eq__` is compared here instead, outside the table's lock:
//! the table hands out the keys with the same hash and the VM calls
//! `__eq__` on them.

use core::cmp::Ordering;

use ftl_algorithms::hash::{hash_int, PyHash};
use ftl_object::{keys, HeapPolicy, IntValue, Kind, ObjRef};

use crate::interpreter::state::{ExcType, Kw, PyErr, PyResult, Vm};
use crate::objects::*;
use ftl_algorithms::format;
use ftl_syntax::ast::{BinOp, CmpOp};

/// A number, borrowed from an object.
pub enum Num<'a> {
    /// An int (or bool).
    Int(std::borrow::Cow<'a, IntValue>),
    /// A float.
    Float(f64),
}

impl<P: HeapPolicy> Vm<P> {
    /// The number in `o`, if it is an int, bool or float.
    #[inline]
    pub fn num<'a>(&self, o: &'a Obj<P>) -> Option<Num<'a>> {
        match o.kind() {
            Kind::Int => Some(Num::Int(std::borrow::Cow::Borrowed(
                o.as_int().expect("int"),
            ))),
            Kind::Bool => Some(Num::Int(std::borrow::Cow::Owned(IntValue::Small(
                o.as_bool().expect("bool") as i64,
            )))),
            Kind::Float => Some(Num::Float(o.as_f64().expect("float"))),
            _ => None,
        }
    }

    /// An int (or bool) as `IntValue`.
    pub fn int_value(&self, o: &Obj<P>) -> Option<IntValue> {
        match o.kind() {
            Kind::Int => o.as_int().cloned(),
            Kind::Bool => Some(IntValue::Small(o.as_bool().expect("bool") as i64)),
            // An instance of a subclass of int (`IntEnum`).
            Kind::Other => self.native_of(o).and_then(|n| self.int_value(n)),
            _ => None,
        }
    }

    /// An int argument as `i64` (`TypeError` / `OverflowError`).
    pub fn index_i64(&self, o: &Obj<P>) -> PyResult<i64, P> {
        match self.int_value(o) {
            Some(IntValue::Small(v)) => Ok(v),
            Some(IntValue::Big(_)) => {
                Err(self.overflow_error("Python int too large to convert to C ssize_t"))
            }
            None => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(o)
            ))),
        }
    }

    /// A float argument (ints convert).
    pub fn to_f64(&self, o: &Obj<P>) -> PyResult<f64, P> {
        if let Some(n) = self.native_of(o) {
            return self.to_f64(n);
        }
        match self.num(o) {
            Some(Num::Float(f)) => Ok(f),
            Some(Num::Int(i)) => i
                .to_f64()
                .map_err(|_| self.overflow_error("int too large to convert to float")),
            None => Err(self.type_error(format!("must be real number, not {}", self.type_name(o)))),
        }
    }

    fn int_result(
        &self,
        r: Result<IntValue, ftl_object::IntError>,
        op: BinOp,
    ) -> PyResult<Obj<P>, P> {
        match r {
            Ok(v) => Ok(ObjRef::from_int(v)),
            Err(e) => {
                let msg = match (op, e.exception_name()) {
                    (BinOp::FloorDiv, "ZeroDivisionError") => {
                        "integer division or modulo by zero".to_string()
                    }
                    (BinOp::Mod, "ZeroDivisionError") => "integer modulo by zero".to_string(),
                    _ => e.to_string(),
                };
                let t = match e.exception_name() {
                    "ZeroDivisionError" => ExcType::ZeroDivisionError,
                    "ValueError" => ExcType::ValueError,
                    "MemoryError" => ExcType::MemoryError,
                    _ => ExcType::OverflowError,
                };
                Err(self.new_error(t, msg))
            }
        }
    }

    /// The arithmetic that CPython 3.11 specialises (`BINARY_OP_ADD_INT`,
    /// `BINARY_OP_MULTIPLY_FLOAT`, ...): machine-word ints and floats,
    /// inline, for the eval loop. `None` sends the operation down the
    /// general path (other types, overflow, division by zero, ...). The
    /// result is a new object (or a cached small int), as in CPython.
    #[inline(always)]
    pub fn binary_fast(a: &Obj<P>, b: &Obj<P>, op: BinOp) -> Option<Obj<P>> {
        match (a.kind(), b.kind()) {
            (Kind::Int, Kind::Int) => {
                let (IntValue::Small(x), IntValue::Small(y)) = (a.as_int()?, b.as_int()?) else {
                    return None;
                };
                let (x, y) = (*x, *y);
                let v = match op {
                    BinOp::Add => x.checked_add(y)?,
                    BinOp::Sub => x.checked_sub(y)?,
                    BinOp::Mul => x.checked_mul(y)?,
                    BinOp::Mod if x >= 0 && y > 0 => x % y,
                    BinOp::FloorDiv if x >= 0 && y > 0 => x / y,
                    _ => return None,
                };
                Some(ObjRef::from_i64(v))
            }
            (Kind::Float, Kind::Float) => {
                let (x, y) = (a.as_f64()?, b.as_f64()?);
                let v = match op {
                    BinOp::Add => x + y,
                    BinOp::Sub => x - y,
                    BinOp::Mul => x * y,
                    BinOp::Div if y != 0.0 => x / y,
                    _ => return None,
                };
                Some(ObjRef::from_f64(v))
            }
            _ => None,
        }
    }

    /// Comparisons CPython 3.11 specialises (`COMPARE_OP_INT_JUMP`,
    /// `COMPARE_OP_FLOAT_JUMP`): machine-word ints and floats, inline.
    #[inline(always)]
    pub fn compare_fast(a: &Obj<P>, b: &Obj<P>, op: CmpOp) -> Option<bool> {
        fn cmp<T: PartialOrd>(x: T, y: T, op: CmpOp) -> Option<bool> {
            Some(match op {
                CmpOp::Eq => x == y,
                CmpOp::NotEq => x != y,
                CmpOp::Lt => x < y,
                CmpOp::LtE => x <= y,
                CmpOp::Gt => x > y,
                CmpOp::GtE => x >= y,
                _ => return None,
            })
        }
        match (a.kind(), b.kind()) {
            (Kind::Int, Kind::Int) => match (a.as_int()?, b.as_int()?) {
                (IntValue::Small(x), IntValue::Small(y)) => cmp(*x, *y, op),
                _ => None,
            },
            (Kind::Float, Kind::Float) => cmp(a.as_f64()?, b.as_f64()?, op),
            _ => None,
        }
    }

    fn int_op(&self, a: &IntValue, b: &IntValue, op: BinOp) -> PyResult<Obj<P>, P> {
        if let (IntValue::Small(x), IntValue::Small(y)) = (a, b) {
            let (x, y) = (*x, *y);
            let fast = match op {
                BinOp::Add => x.checked_add(y),
                BinOp::Sub => x.checked_sub(y),
                BinOp::Mul => x.checked_mul(y),
                BinOp::FloorDiv if y != 0 && !(x == i64::MIN && y == -1) => Some(
                    x.div_euclid(y)
                        - if (x.rem_euclid(y) != 0) && (y < 0) {
                            1
                        } else {
                            0
                        },
                ),
                BinOp::Mod if y != 0 && y != -1 => {
                    let r = x % y;
                    Some(if r != 0 && ((r < 0) != (y < 0)) {
                        r + y
                    } else {
                        r
                    })
                }
                BinOp::BitAnd => Some(x & y),
                BinOp::BitOr => Some(x | y),
                BinOp::BitXor => Some(x ^ y),
                _ => None,
            };
            if let Some(v) = fast {
                return Ok(ObjRef::from_i64(v));
            }
        }
        match op {
            BinOp::Add => Ok(ObjRef::from_int(a.add(b))),
            BinOp::Sub => Ok(ObjRef::from_int(a.sub(b))),
            BinOp::Mul => Ok(ObjRef::from_int(a.mul(b))),
            BinOp::FloorDiv => self.int_result(a.floordiv(b), op),
            BinOp::Mod => self.int_result(a.modulo(b), op),
            BinOp::BitAnd => Ok(ObjRef::from_int(a.bitand(b))),
            BinOp::BitOr => Ok(ObjRef::from_int(a.bitor(b))),
            BinOp::BitXor => Ok(ObjRef::from_int(a.bitxor(b))),
            BinOp::LShift => self.int_result(a.lshift(b), op),
            BinOp::RShift => self.int_result(a.rshift(b), op),
            BinOp::Pow => {
                if b.is_negative() {
                    let (x, y) = (self.int_to_f64(a)?, self.int_to_f64(b)?);
                    return self.float_op(x, y, BinOp::Pow);
                }
                self.int_result(a.pow(b), op)
            }
            BinOp::Div => {
                if b.is_zero() {
                    return Err(self.zero_division("division by zero"));
                }
                Ok(ObjRef::from_f64(
                    int_true_div(a, b).map_err(|m| self.overflow_error(m))?,
                ))
            }
            BinOp::MatMul => {
                Err(self.type_error("unsupported operand type(s) for @: 'int' and 'int'"))
            }
        }
    }

    fn int_to_f64(&self, i: &IntValue) -> PyResult<f64, P> {
        i.to_f64()
            .map_err(|_| self.overflow_error("int too large to convert to float"))
    }

    fn float_op(&self, x: f64, y: f64, op: BinOp) -> PyResult<Obj<P>, P> {
        let v = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::Div => {
                if y == 0.0 {
                    return Err(self.zero_division("float division by zero"));
                }
                x / y
            }
            BinOp::FloorDiv => {
                if y == 0.0 {
                    return Err(self.zero_division("float floor division by zero"));
                }
                float_divmod(x, y).0
            }
            BinOp::Mod => {
                if y == 0.0 {
                    return Err(self.zero_division("float modulo"));
                }
                float_divmod(x, y).1
            }
            BinOp::Pow => return self.float_pow(x, y),
            _ => {
                return Err(self.type_error(format!(
                    "unsupported operand type(s) for {}: 'float' and 'float'",
                    op.symbol()
                )))
            }
        };
        Ok(ObjRef::from_f64(v))
    }

    fn float_pow(&self, x: f64, y: f64) -> PyResult<Obj<P>, P> {
        if x == 0.0 && y < 0.0 {
            return Err(self.zero_division("0.0 cannot be raised to a negative power"));
        }
        if x < 0.0 && y.is_finite() && y.fract() != 0.0 {
            return Err(self.value_error(
                "complex numbers are not supported by ftl (a negative number raised to a fractional power)",
            ));
        }
        let r = x.powf(y);
        if r.is_infinite() && x.is_finite() && y.is_finite() {
            return Err(self.overflow_error("(34, 'Numerical result out of range')"));
        }
        Ok(ObjRef::from_f64(r))
    }

    /// `a op b`
    #[inline]
    pub fn binary_op(&self, a: &Obj<P>, b: &Obj<P>, op: BinOp) -> PyResult<Obj<P>, P> {
        self.binary_op_as(a, b, op, None)
    }

    /// `a op b`; an unsupported pair is reported as `shown` when given (the
    /// instances of built-in subclasses whose values `a` and `b` are:
    /// CPython names `Counter`, not `dict`).
    fn binary_op_as(
        &self,
        a: &Obj<P>,
        b: &Obj<P>,
        op: BinOp,
        shown: Option<(&Obj<P>, &Obj<P>)>,
    ) -> PyResult<Obj<P>, P> {
        let (sa, sb) = shown.unwrap_or((a, b));
        // Numbers.
        match (a.kind(), b.kind()) {
            (Kind::Int, Kind::Int) => {
                return self.int_op(a.as_int().expect("int"), b.as_int().expect("int"), op);
            }
            (Kind::Float, Kind::Float) => {
                return self.float_op(a.as_f64().expect("f"), b.as_f64().expect("f"), op);
            }
            _ => {}
        }
        if let (Kind::Bool, Kind::Bool, BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor) =
            (a.kind(), b.kind(), op)
        {
            let (x, y) = (a.as_bool().expect("b"), b.as_bool().expect("b"));
            return Ok(ObjRef::from_bool(match op {
                BinOp::BitAnd => x & y,
                BinOp::BitOr => x | y,
                _ => x ^ y,
            }));
        }
        if let (Some(x), Some(y)) = (self.num(a), self.num(b)) {
            return match (x, y) {
                (Num::Int(x), Num::Int(y)) => self.int_op(&x, &y, op),
                (Num::Float(x), Num::Int(y)) => {
                    if matches!(
                        op,
                        BinOp::BitAnd
                            | BinOp::BitOr
                            | BinOp::BitXor
                            | BinOp::LShift
                            | BinOp::RShift
                            | BinOp::MatMul
                    ) {
                        return Err(self.unsupported_operands(sa, sb, op));
                    }
                    self.float_op(x, self.int_to_f64(&y)?, op)
                }
                (Num::Int(x), Num::Float(y)) => {
                    if matches!(
                        op,
                        BinOp::BitAnd
                            | BinOp::BitOr
                            | BinOp::BitXor
                            | BinOp::LShift
                            | BinOp::RShift
                            | BinOp::MatMul
                    ) {
                        return Err(self.unsupported_operands(sa, sb, op));
                    }
                    self.float_op(self.int_to_f64(&x)?, y, op)
                }
                (Num::Float(x), Num::Float(y)) => self.float_op(x, y, op),
            };
        }
        if let Some(r) = self.sequence_op(a, b, op)? {
            return Ok(r);
        }
        if let Some(r) = self.user_binary(a, b, op)? {
            return Ok(r);
        }
        if let Some((x, y)) = self.natives(a, b) {
            return self.binary_op_as(x, y, op, Some((sa, sb)));
        }
        if op == BinOp::BitOr && (a.is::<Class<P>>() || b.is::<Class<P>>()) {
            // PEP 604: `int | str` (and `int | None`), `type.__or__`.
            let is_type_or_none = |o: &Obj<P>| o.is::<Class<P>>() || o.is_none();
            if is_type_or_none(a) && is_type_or_none(b) {
                let types = self.import(&self.intern("types"))?;
                let union = self.getattr(&types, &self.intern("_union"))?;
                return self.call(&union, &[a.clone(), b.clone()], Kw::EMPTY);
            }
        }
        Err(self.binop_type_error(a, b, op, (sa, sb)))
    }

    fn binop_type_error(
        &self,
        a: &Obj<P>,
        b: &Obj<P>,
        op: BinOp,
        (sa, sb): (&Obj<P>, &Obj<P>),
    ) -> PyErr<P> {
        match (a.kind(), op) {
            (Kind::Str, BinOp::Add) => self.type_error(format!(
                "can only concatenate str (not \"{}\") to str",
                self.type_name(sb)
            )),
            (Kind::List, BinOp::Add) => self.type_error(format!(
                "can only concatenate list (not \"{}\") to list",
                self.type_name(sb)
            )),
            (Kind::Tuple, BinOp::Add) => self.type_error(format!(
                "can only concatenate tuple (not \"{}\") to tuple",
                self.type_name(sb)
            )),
            (Kind::Bytes, BinOp::Add) => {
                self.type_error(format!("can't concat {} to bytes", self.type_name(sb)))
            }
            (Kind::ByteArray, BinOp::Add) => {
                self.type_error(format!("can't concat {} to bytearray", self.type_name(sb)))
            }
            (Kind::Str | Kind::List | Kind::Tuple | Kind::Bytes | Kind::ByteArray, BinOp::Mul)
                if b.kind() != Kind::Other =>
            {
                self.type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    self.type_name(sb)
                ))
            }
            _ => self.unsupported_operands(sa, sb, op),
        }
    }

    fn unsupported_operands(&self, a: &Obj<P>, b: &Obj<P>, op: BinOp) -> PyErr<P> {
        let sym = if op == BinOp::Pow {
            "** or pow()"
        } else {
            op.symbol()
        };
        self.type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            sym,
            self.type_name(a),
            self.type_name(b)
        ))
    }

    fn repeat_count(&self, n: &Obj<P>) -> Option<usize> {
        match self.int_value(n) {
            Some(IntValue::Small(v)) => Some(v.max(0) as usize),
            Some(IntValue::Big(b)) => Some(if b.sign() == num_bigint::Sign::Minus {
                0
            } else {
                usize::MAX
            }),
            None => None,
        }
    }

    fn sequence_op(&self, a: &Obj<P>, b: &Obj<P>, op: BinOp) -> PyResult<Option<Obj<P>>, P> {
        let too_big = || self.new_error(ExcType::MemoryError, "");
        Ok(Some(match (a.kind(), b.kind(), op) {
            (Kind::Str, Kind::Str, BinOp::Add) => {
                let (x, y) = (a.as_str().expect("s"), b.as_str().expect("s"));
                let mut s = String::with_capacity(x.len() + y.len());
                s.push_str(x);
                s.push_str(y);
                ObjRef::from_string(s)
            }
            (Kind::Str, _, BinOp::Mul) | (_, Kind::Str, BinOp::Mul) => {
                let (s, n) = if a.kind() == Kind::Str {
                    (a, b)
                } else {
                    (b, a)
                };
                let Some(n) = self.repeat_count(n) else {
                    return Ok(None);
                };
                let s = s.as_str().expect("s");
                if n.checked_mul(s.len()).is_none_or(|t| t > 1 << 34) {
                    return Err(too_big());
                }
                ObjRef::from_string(s.repeat(n))
            }
            (Kind::Str, _, BinOp::Mod) => return self.percent_format(a, b).map(Some),
            (Kind::Bytes, Kind::Bytes, BinOp::Add) => {
                let mut v = a.as_bytes().expect("b").to_vec();
                v.extend_from_slice(b.as_bytes().expect("b"));
                ObjRef::new_bytes(&v)
            }
            // Bytes and bytearray mix: the result has the left one's type.
            (Kind::Bytes | Kind::ByteArray, Kind::Bytes | Kind::ByteArray, BinOp::Add) => {
                let mut v = self.bytes_like(a).expect("bytes-like").into_owned();
                v.extend_from_slice(&self.bytes_like(b).expect("bytes-like"));
                if a.kind() == Kind::ByteArray {
                    ObjRef::new_bytearray(v)
                } else {
                    ObjRef::new_bytes(&v)
                }
            }
            (Kind::ByteArray, _, BinOp::Mul) | (_, Kind::ByteArray, BinOp::Mul) => {
                let (s, n) = if a.kind() == Kind::ByteArray {
                    (a, b)
                } else {
                    (b, a)
                };
                let Some(n) = self.repeat_count(n) else {
                    return Ok(None);
                };
                let s = s.as_bytearray().expect("bytearray").to_vec();
                if n.checked_mul(s.len()).is_none_or(|t| t > 1 << 34) {
                    return Err(too_big());
                }
                ObjRef::new_bytearray(s.repeat(n))
            }
            (Kind::Bytes, _, BinOp::Mul) | (_, Kind::Bytes, BinOp::Mul) => {
                let (s, n) = if a.kind() == Kind::Bytes {
                    (a, b)
                } else {
                    (b, a)
                };
                let Some(n) = self.repeat_count(n) else {
                    return Ok(None);
                };
                let s = s.as_bytes().expect("b");
                if n.checked_mul(s.len()).is_none_or(|t| t > 1 << 34) {
                    return Err(too_big());
                }
                ObjRef::new_bytes(&s.repeat(n))
            }
            (Kind::List, Kind::List, BinOp::Add) => {
                let mut v = a.as_list().expect("l").snapshot();
                v.extend(b.as_list().expect("l").snapshot());
                ObjRef::from_list_vec(v)
            }
            (Kind::Tuple, Kind::Tuple, BinOp::Add) => {
                let mut v = a.as_tuple().expect("t").to_vec();
                v.extend_from_slice(b.as_tuple().expect("t"));
                ObjRef::new_tuple(v)
            }
            (Kind::List, _, BinOp::Mul)
            | (_, Kind::List, BinOp::Mul)
            | (Kind::Tuple, _, BinOp::Mul)
            | (_, Kind::Tuple, BinOp::Mul) => {
                let (s, n) = if matches!(a.kind(), Kind::List | Kind::Tuple) {
                    (a, b)
                } else {
                    (b, a)
                };
                let Some(n) = self.repeat_count(n) else {
                    return Ok(None);
                };
                let items = self.collect(s)?;
                if n.checked_mul(items.len()).is_none_or(|t| t > 1 << 31) {
                    return Err(too_big());
                }
                let mut v = Vec::with_capacity(items.len() * n);
                for _ in 0..n {
                    v.extend(items.iter().cloned());
                }
                if s.kind() == Kind::List {
                    ObjRef::from_list_vec(v)
                } else {
                    ObjRef::new_tuple(v)
                }
            }
            (
                Kind::Set | Kind::FrozenSet,
                Kind::Set | Kind::FrozenSet,
                BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor,
            ) => return self.set_op(a, b, op).map(Some),
            (Kind::Dict, Kind::Dict, BinOp::BitOr) => {
                let d = ObjRef::from_dict(a.as_dict().expect("d").copy());
                self.dict_update(&d, b, false)?;
                d
            }
            _ => return Ok(None),
        }))
    }

    /// Set algebra on two sets or frozensets; the result has the left
    /// operand's type, as in CPython.
    pub fn set_op(&self, a: &Obj<P>, b: &Obj<P>, op: BinOp) -> PyResult<Obj<P>, P> {
        let out = match op {
            BinOp::BitOr => {
                let out = ObjRef::from_set(a.as_set_view().expect("set").copy());
                self.set_update(&out, b)?;
                out
            }
            BinOp::BitAnd => self.set_intersection(a, b)?,
            BinOp::Sub => self.set_difference(a, b)?,
            _ => {
                let out = ObjRef::from_set(b.as_set_view().expect("set").copy());
                self.set_symmetric_difference_update(&out, a)?;
                out
            }
        };
        Ok(self.same_set_type(a, out))
    }

    /// `out` (a new set) as a frozenset when `like` is one.
    pub fn same_set_type(&self, like: &Obj<P>, out: Obj<P>) -> Obj<P> {
        if like.kind() == Kind::FrozenSet {
            self.frozenset_from_set(&out)
        } else {
            out
        }
    }

    /// A frozenset with the members (and table layout, hence iteration
    /// order) of `s`, a set made for the purpose: they are moved, and `s`
    /// is left empty.
    pub fn frozenset_from_set(&self, s: &Obj<P>) -> Obj<P> {
        let members = ftl_object::types::Set::new();
        members.take_contents_of(s.as_set().expect("set"));
        ObjRef::from_frozenset(members)
    }

    // The set algebra below follows CPython's Objects/setobject.c step for
    // step, since the iteration order of a result depends on the order in
    // which its members were added (and `other` may be any iterable, as in
    // the `set` methods).

    /// The members of `other` in iteration order (a set's are its own).
    fn set_other_members(&self, other: &Obj<P>) -> PyResult<Vec<Obj<P>>, P> {
        match other.as_set_view() {
            Some(s) => Ok(s.members()),
            None => self.collect(other),
        }
    }

    /// `a.intersection(other)` (`set_intersection`): with a set, walk the
    /// smaller one and keep what the other has; with an iterable, walk it.
    pub fn set_intersection(&self, a: &Obj<P>, other: &Obj<P>) -> PyResult<Obj<P>, P> {
        let (mut probe, mut walk) = (a, other);
        if let Some(so) = other.as_set_view() {
            if so.len() > a.as_set_view().expect("set").len() {
                (probe, walk) = (other, a);
            }
        }
        let out = ObjRef::new_set();
        for k in self.set_other_members(walk)? {
            if self.set_contains(probe, &k)? {
                self.set_add(&out, k)?;
            }
        }
        Ok(out)
    }

    /// `a.difference(other)` (`set_difference`): a copy of `a` with
    /// `other` discarded when `other` is an iterable or much smaller, else
    /// the members of `a` that `other` lacks.
    pub fn set_difference(&self, a: &Obj<P>, other: &Obj<P>) -> PyResult<Obj<P>, P> {
        let sa = a.as_set_view().expect("set");
        let small_other = other.as_set_view().map(|so| sa.len() >> 2 > so.len());
        if small_other != Some(false) {
            let out = ObjRef::from_set(sa.copy());
            self.set_difference_update(&out, other)?;
            return Ok(out);
        }
        let out = ObjRef::new_set();
        for k in sa.members() {
            if !self.set_contains(other, &k)? {
                self.set_add(&out, k)?;
            }
        }
        Ok(out)
    }

    /// `a |= other` / `a.update(other)` (`set_update_internal`): a merge
    /// of a set's table unless user equality is involved; an iterable's
    /// items are added in order.
    pub fn set_update(&self, a: &Obj<P>, other: &Obj<P>) -> PyResult<(), P> {
        let sa = a.as_set().expect("set");
        if let Some(so) = other.as_set_view() {
            if !sa.has_opaque_keys() && !so.has_opaque_keys() {
                sa.update_from(so.as_source());
                return Ok(());
            }
        }
        for k in self.set_other_members(other)? {
            self.set_add(a, k)?;
        }
        Ok(())
    }

    /// `a -= other` / `a.difference_update(other)`: discards `other`'s
    /// members from `a`, in `other`'s order.
    pub fn set_difference_update(&self, a: &Obj<P>, other: &Obj<P>) -> PyResult<(), P> {
        if a.is_same(other) {
            a.as_set().expect("set").clear();
            return Ok(());
        }
        for k in self.set_other_members(other)? {
            self.set_discard(a, &k)?;
        }
        Ok(())
    }

    /// `a ^= other` / `a.symmetric_difference_update(other)`: each member
    /// of `other` (made a set first if it is not one), in its order, is
    /// discarded from `a` if there, else added.
    pub fn set_symmetric_difference_update(&self, a: &Obj<P>, other: &Obj<P>) -> PyResult<(), P> {
        if a.is_same(other) {
            a.as_set().expect("set").clear();
            return Ok(());
        }
        let members = match other.as_set_view() {
            Some(so) => so.members(),
            None => {
                let s = ObjRef::new_set();
                self.set_update(&s, other)?;
                s.as_set().expect("set").members()
            }
        };
        for k in members {
            if !self.set_discard(a, &k)? {
                self.set_add(a, k)?;
            }
        }
        Ok(())
    }

    /// `a &= other`: `a` takes the body of `a & other` (`set_swap_bodies`).
    pub fn set_intersection_update(&self, a: &Obj<P>, other: &Obj<P>) -> PyResult<(), P> {
        let r = self.set_intersection(a, other)?;
        self.set_take_body(a, &r);
        Ok(())
    }

    /// `a` takes `r`'s members and layout (`set_swap_bodies`).
    pub fn set_take_body(&self, a: &Obj<P>, r: &Obj<P>) {
        a.as_set()
            .expect("set")
            .take_contents_of(r.as_set().expect("set"));
    }

    fn dunder(op: BinOp) -> (&'static str, &'static str, &'static str) {
        match op {
            BinOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
            BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
            BinOp::Div => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
            BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
            BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinOp::BitOr => ("__or__", "__ror__", "__ior__"),
            BinOp::BitXor => ("__xor__", "__rxor__", "__ixor__"),
            BinOp::BitAnd => ("__and__", "__rand__", "__iand__"),
            BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
        }
    }

    /// Calls a user special method on the type of `obj`; `None` if the type
    /// has none or it returned `NotImplemented`.
    pub fn call_dunder(
        &self,
        obj: &Obj<P>,
        name: &str,
        args: &[Obj<P>],
    ) -> PyResult<Option<Obj<P>>, P> {
        let Some(cls) = self.dunder_class(obj) else {
            return Ok(None);
        };
        let Some(f) = self.user_method(cls, &self.intern(name)) else {
            return Ok(None);
        };
        let r = self.call_method(&f, obj, args, Kw::EMPTY)?;
        if r.is_same(&self.interp.not_implemented) {
            return Ok(None);
        }
        Ok(Some(r))
    }

    /// Whether `obj`'s type has a user special method `name` (one that
    /// [`call_dunder`](Self::call_dunder) would call).
    pub fn call_dunder_exists(&self, obj: &Obj<P>, name: &str) -> bool {
        self.dunder_class(obj)
            .is_some_and(|cls| self.user_method(cls, &self.intern(name)).is_some())
    }

    /// The type whose Python-level special methods apply to `obj`: an
    /// instance's class, or a class's metaclass when it is not `type`.
    #[inline]
    fn dunder_class<'a>(&self, obj: &'a Obj<P>) -> Option<&'a Obj<P>> {
        if let Some(inst) = obj.downcast::<Instance<P>>() {
            return Some(&inst.class);
        }
        obj.downcast::<Class<P>>().and_then(|c| c.meta.as_ref())
    }

    /// `(a, b)` with each instance of a subclass of a built-in type
    /// replaced by the value it carries, when at least one is.
    fn natives<'a>(&self, a: &'a Obj<P>, b: &'a Obj<P>) -> Option<(&'a Obj<P>, &'a Obj<P>)> {
        match (self.native_of(a), self.native_of(b)) {
            (None, None) => None,
            (x, y) => Some((x.unwrap_or(a), y.unwrap_or(b))),
        }
    }

    fn user_binary(&self, a: &Obj<P>, b: &Obj<P>, op: BinOp) -> PyResult<Option<Obj<P>>, P> {
        let (l, r, _) = Self::dunder(op);
        if let Some(v) = self.call_dunder(a, l, core::slice::from_ref(b))? {
            return Ok(Some(v));
        }
        if !a.is_same(b) || !a.is::<Instance<P>>() {
            if let Some(v) = self.call_dunder(b, r, core::slice::from_ref(a))? {
                return Ok(Some(v));
            }
        }
        Ok(None)
    }

    /// `a op= b`
    pub fn inplace_op(&self, a: &Obj<P>, b: &Obj<P>, op: BinOp) -> PyResult<Obj<P>, P> {
        match (a.kind(), op) {
            (Kind::List, BinOp::Add) => {
                let items = self.collect(b)?;
                a.as_list().expect("list").extend(items);
                return Ok(a.clone());
            }
            (Kind::ByteArray, BinOp::Add) if self.bytes_like(b).is_some() => {
                let data = self.bytes_like(b).expect("bytes-like").into_owned();
                a.as_bytearray().expect("bytearray").extend(&data);
                return Ok(a.clone());
            }
            (Kind::ByteArray, BinOp::Mul) if self.int_value(b).is_some() => {
                let r = self.binary_op(a, b, op)?;
                let data = r.as_bytearray().expect("bytearray * int").to_vec();
                a.as_bytearray().expect("bytearray").replace_all(data);
                return Ok(a.clone());
            }
            (Kind::List, BinOp::Mul) if self.int_value(b).is_some() => {
                // list.__imul__: the repetition, stored back into `a`.
                let r = self.binary_op(a, b, op)?;
                let items = r.as_list().expect("list * int is a list").snapshot();
                drop(a.as_list().expect("list").replace_all(items));
                return Ok(a.clone());
            }
            (Kind::Set, BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor)
                if matches!(b.kind(), Kind::Set | Kind::FrozenSet) =>
            {
                match op {
                    BinOp::BitOr => self.set_update(a, b)?,
                    BinOp::BitAnd => self.set_intersection_update(a, b)?,
                    BinOp::Sub => self.set_difference_update(a, b)?,
                    _ => self.set_symmetric_difference_update(a, b)?,
                }
                return Ok(a.clone());
            }
            (Kind::Dict, BinOp::BitOr) => {
                self.dict_update(a, b, false)?;
                return Ok(a.clone());
            }
            (Kind::Other, _) => {
                let (l, _, i) = Self::dunder(op);
                if let Some(v) = self.call_dunder(a, i, core::slice::from_ref(b))? {
                    return Ok(v);
                }
                // A subclass of a mutable built-in type without its own
                // `__iadd__`: the built-in one changes the carried value in
                // place and the result is the instance itself.
                if let Some(n) = self.native_of(a) {
                    let own_binary = self.call_dunder_exists(a, l);
                    if !own_binary
                        && matches!(
                            n.kind(),
                            Kind::List | Kind::Set | Kind::Dict | Kind::ByteArray
                        )
                    {
                        let r = self.inplace_op(n, b, op)?;
                        return Ok(if r.is_same(n) { a.clone() } else { r });
                    }
                }
            }
            _ => {}
        }
        self.binary_op(a, b, op)
    }

    /// The user special method of a unary operator, or CPython's
    /// `bad operand type for unary -: 'str'` (`what` is `unary -: `).
    fn unary_dunder(
        &self,
        a: &Obj<P>,
        dunder: &str,
        what: &str,
        native: fn(&Self, &Obj<P>) -> PyResult<Obj<P>, P>,
    ) -> PyResult<Obj<P>, P> {
        if let Some(r) = self.call_dunder(a, dunder, &[])? {
            return Ok(r);
        }
        if let Some(n) = self.native_of(a) {
            return native(self, n);
        }
        Err(self.type_error(format!(
            "bad operand type for {what}'{}'",
            self.type_name(a)
        )))
    }

    /// `-a`
    pub fn unary_neg(&self, a: &Obj<P>) -> PyResult<Obj<P>, P> {
        match self.num(a) {
            Some(Num::Int(i)) => Ok(ObjRef::from_int(i.neg())),
            Some(Num::Float(f)) => Ok(ObjRef::from_f64(-f)),
            None => self.unary_dunder(a, "__neg__", "unary -: ", Self::unary_neg),
        }
    }

    /// `+a`
    pub fn unary_pos(&self, a: &Obj<P>) -> PyResult<Obj<P>, P> {
        match self.num(a) {
            Some(Num::Int(i)) => Ok(ObjRef::from_int(i.into_owned())),
            Some(Num::Float(f)) => Ok(ObjRef::from_f64(f)),
            None => self.unary_dunder(a, "__pos__", "unary +: ", Self::unary_pos),
        }
    }

    /// `~a`
    pub fn unary_invert(&self, a: &Obj<P>) -> PyResult<Obj<P>, P> {
        match self.num(a) {
            Some(Num::Int(i)) => Ok(ObjRef::from_int(i.invert())),
            _ => self.unary_dunder(a, "__invert__", "unary ~: ", Self::unary_invert),
        }
    }

    /// `abs(a)`
    pub fn abs(&self, a: &Obj<P>) -> PyResult<Obj<P>, P> {
        match self.num(a) {
            Some(Num::Int(i)) => Ok(ObjRef::from_int(i.abs())),
            Some(Num::Float(f)) => Ok(ObjRef::from_f64(f.abs())),
            None => self.unary_dunder(a, "__abs__", "abs(): ", Self::abs),
        }
    }

    // ---- comparison -----------------------------------------------------

    /// Compares two numbers.
    fn num_cmp(&self, a: &Num<'_>, b: &Num<'_>) -> Option<Ordering> {
        match (a, b) {
            (Num::Int(x), Num::Int(y)) => Some(x.as_ref().cmp(y.as_ref())),
            (Num::Float(x), Num::Float(y)) => x.partial_cmp(y),
            (Num::Int(i), Num::Float(f)) => i.cmp_with_f64(*f),
            (Num::Float(f), Num::Int(i)) => i.cmp_with_f64(*f).map(Ordering::reverse),
        }
    }

    /// `a op b` for a rich comparison, as an object.
    pub fn rich_compare(&self, a: &Obj<P>, b: &Obj<P>, op: CmpOp) -> PyResult<Obj<P>, P> {
        if let (Kind::Int, Kind::Int) = (a.kind(), b.kind()) {
            if let (IntValue::Small(x), IntValue::Small(y)) =
                (a.as_int().expect("i"), b.as_int().expect("i"))
            {
                return Ok(ObjRef::from_bool(cmp_holds(x.cmp(y), op)));
            }
        }
        match self.compare_builtin(a, b, op)? {
            Some(r) => Ok(ObjRef::from_bool(r)),
            None => self.compare_user(a, b, op),
        }
    }

    /// `bool(a op b)`
    pub fn compare_bool(&self, a: &Obj<P>, b: &Obj<P>, op: CmpOp) -> PyResult<bool, P> {
        if let Some(r) = self.compare_builtin(a, b, op)? {
            return Ok(r);
        }
        let r = self.compare_user(a, b, op)?;
        self.is_true(&r)
    }

    /// `a == b` as a bool (identity first, as containers compare).
    pub fn eq(&self, a: &Obj<P>, b: &Obj<P>) -> PyResult<bool, P> {
        if a.is_same(b) {
            return Ok(true);
        }
        self.compare_bool(a, b, CmpOp::Eq)
    }

    fn compare_builtin(&self, a: &Obj<P>, b: &Obj<P>, op: CmpOp) -> PyResult<Option<bool>, P> {
        if let (Some(x), Some(y)) = (self.num(a), self.num(b)) {
            return Ok(Some(match self.num_cmp(&x, &y) {
                Some(o) => cmp_holds(o, op),
                None => op == CmpOp::NotEq, // NaN
            }));
        }
        let (ka, kb) = (a.kind(), b.kind());
        Ok(Some(match (ka, kb) {
            (Kind::Str, Kind::Str) => {
                cmp_holds(a.as_str().expect("s").cmp(b.as_str().expect("s")), op)
            }
            (Kind::Bytes, Kind::Bytes) => {
                cmp_holds(a.as_bytes().expect("b").cmp(b.as_bytes().expect("b")), op)
            }
            (Kind::None, Kind::None) if matches!(op, CmpOp::Eq | CmpOp::NotEq) => {
                cmp_holds(Ordering::Equal, op)
            }
            (Kind::Tuple, Kind::Tuple) | (Kind::List, Kind::List) => {
                let x = self.collect(a)?;
                let y = self.collect(b)?;
                return self.compare_seq(&x, &y, op).map(Some);
            }
            (Kind::Dict, Kind::Dict) if matches!(op, CmpOp::Eq | CmpOp::NotEq) => {
                let e = self.dict_eq(a, b)?;
                e == (op == CmpOp::Eq)
            }
            (Kind::Bytes | Kind::ByteArray, Kind::Bytes | Kind::ByteArray)
                if a.kind() == Kind::ByteArray || b.kind() == Kind::ByteArray =>
            {
                let (x, y) = (
                    self.bytes_like(a).expect("b"),
                    self.bytes_like(b).expect("b"),
                );
                let ord = x.cmp(&y);
                match op {
                    CmpOp::Eq => ord.is_eq(),
                    CmpOp::NotEq => ord.is_ne(),
                    CmpOp::Lt => ord.is_lt(),
                    CmpOp::LtE => ord.is_le(),
                    CmpOp::Gt => ord.is_gt(),
                    CmpOp::GtE => ord.is_ge(),
                    _ => return Ok(None),
                }
            }
            (Kind::Set | Kind::FrozenSet, Kind::Set | Kind::FrozenSet) => {
                let (va, vb) = (a.as_set_view().expect("s"), b.as_set_view().expect("s"));
                let (la, lb) = (va.len(), vb.len());
                let a_in_b = || -> PyResult<bool, P> {
                    for k in va.members() {
                        if !self.contains(b, &k)? {
                            return Ok(false);
                        }
                    }
                    Ok(true)
                };
                let b_in_a = || -> PyResult<bool, P> {
                    for k in vb.members() {
                        if !self.contains(a, &k)? {
                            return Ok(false);
                        }
                    }
                    Ok(true)
                };
                match op {
                    CmpOp::Eq => la == lb && a_in_b()?,
                    CmpOp::NotEq => !(la == lb && a_in_b()?),
                    CmpOp::LtE => la <= lb && a_in_b()?,
                    CmpOp::Lt => la < lb && a_in_b()?,
                    CmpOp::GtE => la >= lb && b_in_a()?,
                    CmpOp::Gt => la > lb && b_in_a()?,
                    _ => return Ok(None),
                }
            }
            (Kind::Other, _) | (_, Kind::Other) => {
                if matches!(op, CmpOp::Eq | CmpOp::NotEq) {
                    if let Some(same) = self.eq_weakrefs(a, b)? {
                        return Ok(Some(same == (op == CmpOp::Eq)));
                    }
                }
                if let (Some(x), Some(y)) = (a.downcast::<Range>(), b.downcast::<Range>()) {
                    if matches!(op, CmpOp::Eq | CmpOp::NotEq) {
                        let same = x.len() == y.len()
                            && (x.is_empty()
                                || (x.start == y.start && (x.len() == 1 || x.step == y.step)));
                        return Ok(Some(same == (op == CmpOp::Eq)));
                    }
                }
                return Ok(None);
            }
            _ => match op {
                CmpOp::Eq => a.is_same(b),
                CmpOp::NotEq => !a.is_same(b),
                _ => return Err(self.order_error(a, b, op)),
            },
        }))
    }

    fn order_error(&self, a: &Obj<P>, b: &Obj<P>, op: CmpOp) -> PyErr<P> {
        self.type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            self.type_name(a),
            self.type_name(b)
        ))
    }

    fn compare_seq(&self, x: &[Obj<P>], y: &[Obj<P>], op: CmpOp) -> PyResult<bool, P> {
        for (p, q) in x.iter().zip(y) {
            if !self.eq(p, q)? {
                return match op {
                    CmpOp::Eq => Ok(false),
                    CmpOp::NotEq => Ok(true),
                    _ => self.compare_bool(p, q, op),
                };
            }
        }
        Ok(cmp_holds(x.len().cmp(&y.len()), op))
    }

    fn dict_eq(&self, a: &Obj<P>, b: &Obj<P>) -> PyResult<bool, P> {
        let (da, db) = (a.as_dict().expect("d"), b.as_dict().expect("d"));
        if da.len() != db.len() {
            return Ok(false);
        }
        for (k, v) in da.items() {
            match self.dict_get(b, &k)? {
                Some(w) => {
                    if !self.eq(&v, &w)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    fn compare_user(&self, a: &Obj<P>, b: &Obj<P>, op: CmpOp) -> PyResult<Obj<P>, P> {
        let (name, reflected) = match op {
            CmpOp::Eq => ("__eq__", "__eq__"),
            CmpOp::NotEq => ("__ne__", "__ne__"),
            CmpOp::Lt => ("__lt__", "__gt__"),
            CmpOp::LtE => ("__le__", "__ge__"),
            CmpOp::Gt => ("__gt__", "__lt__"),
            CmpOp::GtE => ("__ge__", "__le__"),
            _ => unreachable!("rich comparisons only"),
        };
        // A subclass's reflected method goes first (CPython's rule).
        let b_first = b.is::<Instance<P>>() && !self.type_of(a).is_same(&self.type_of(b)) && {
            let (ta, tb) = (self.type_of(a), self.type_of(b));
            self.is_subclass(&tb, &ta)
        };
        if b_first {
            if let Some(r) = self.call_dunder(b, reflected, core::slice::from_ref(a))? {
                return Ok(r);
            }
        }
        if let Some(r) = self.call_dunder(a, name, core::slice::from_ref(b))? {
            return Ok(r);
        }
        if !b_first {
            if let Some(r) = self.call_dunder(b, reflected, core::slice::from_ref(a))? {
                return Ok(r);
            }
        }
        if let Some((x, y)) = self.natives(a, b) {
            return self.rich_compare(x, y, op);
        }
        match op {
            CmpOp::Eq => Ok(ObjRef::from_bool(a.is_same(b))),
            CmpOp::NotEq => {
                // Default __ne__ inverts __eq__.
                if let Some(r) = self.call_dunder(a, "__eq__", core::slice::from_ref(b))? {
                    let t = self.is_true(&r)?;
                    return Ok(ObjRef::from_bool(!t));
                }
                Ok(ObjRef::from_bool(!a.is_same(b)))
            }
            _ => Err(self.order_error(a, b, op)),
        }
    }

    // ---- truth, hash, len ----------------------------------------------

    /// `bool(v)`
    pub fn is_true(&self, v: &Obj<P>) -> PyResult<bool, P> {
        Ok(match v.kind() {
            Kind::None => false,
            Kind::Bool => v.as_bool().expect("b"),
            Kind::Int => !v.as_int().expect("i").is_zero(),
            Kind::Float => v.as_f64().expect("f") != 0.0,
            Kind::Str => !v.as_str().expect("s").is_empty(),
            Kind::Bytes => !v.as_bytes().expect("b").is_empty(),
            Kind::ByteArray => !v.as_bytearray().expect("ba").is_empty(),
            Kind::Tuple => !v.as_tuple().expect("t").is_empty(),
            Kind::List => !v.as_list().expect("l").is_empty(),
            Kind::Dict => !v.as_dict().expect("d").is_empty(),
            Kind::Set | Kind::FrozenSet => !v.as_set_view().expect("s").is_empty(),
            _ => {
                if let Some(r) = v.downcast::<Range>() {
                    return Ok(!r.is_empty());
                }
                if v.is::<Instance<P>>() {
                    if let Some(r) = self.call_dunder(v, "__bool__", &[])? {
                        return match r.as_bool() {
                            Some(b) => Ok(b),
                            None => Err(self.type_error(format!(
                                "__bool__ should return bool, returned {}",
                                self.type_name(&r)
                            ))),
                        };
                    }
                    if let Some(n) = self.native_of(v) {
                        if self.call_dunder_exists(v, "__len__") {
                            return Ok(self.len(v)? > 0);
                        }
                        return self.is_true(n);
                    }
                    if self.lookup_type_attr(v, &self.interp.names.len).is_some() {
                        return Ok(self.len(v)? > 0);
                    }
                }
                if let Some(view) = v.downcast::<DictView<P>>() {
                    return Ok(!view.dict.as_dict().expect("d").is_empty());
                }
                true
            }
        })
    }

    /// `hash(v)`
    pub fn hash(&self, v: &Obj<P>) -> PyResult<PyHash, P> {
        match v.kind() {
            Kind::Other => {
                if let Some(inst) = v.downcast::<Instance<P>>() {
                    let f = self.class(&inst.class).flags();
                    if f & class_flags::HASH_NONE != 0
                        || (f & class_flags::HAS_EQ != 0 && f & class_flags::HAS_HASH == 0)
                    {
                        return Err(
                            self.type_error(format!("unhashable type: '{}'", self.type_name(v)))
                        );
                    }
                    if f & class_flags::HAS_HASH != 0 {
                        let r = self.call_dunder(v, "__hash__", &[])?.ok_or_else(|| {
                            self.type_error("__hash__ method should return an integer")
                        })?;
                        return match self.int_value(&r) {
                            // CPython's slot_tp_hash: a result that fits in
                            // Py_hash_t is used as is; only a bigger int is
                            // reduced by the int hash.
                            Some(i) => {
                                let h = match i {
                                    IntValue::Small(h) => h,
                                    big => hash_int(&big),
                                };
                                Ok(if h == -1 { -2 } else { h })
                            }
                            None => {
                                Err(self.type_error("__hash__ method should return an integer"))
                            }
                        };
                    }
                }
                if let Some(n) = self.native_of(v) {
                    return self.hash(n);
                }
                if let Some(wr) = v.downcast::<crate::stdlib::weakref::WeakRef<P>>() {
                    return self.hash_weakref(wr);
                }
                if let Some(r) = v.downcast::<Range>() {
                    let t = ObjRef::new_tuple(vec![
                        ObjRef::from_i64(r.len()),
                        ObjRef::from_i64(r.start),
                        ObjRef::from_i64(r.step),
                    ]);
                    return self.hash(&t);
                }
                Ok(keys::hash_identity(v.addr()))
            }
            Kind::Tuple => {
                let items = v.as_tuple().expect("t");
                if items.iter().all(|i| i.kind() != Kind::Other) {
                    return keys::hash(v).map_err(|e| self.type_error(e.to_string()));
                }
                let mut h = ftl_algorithms::hash::TupleHasher::new();
                for item in items {
                    h.push(self.hash(item)?);
                }
                Ok(h.finish(items.len()))
            }
            _ => keys::hash(v).map_err(|e| self.type_error(e.to_string())),
        }
    }

    /// Whether key `k` needs the VM's equality (a user `__eq__`, possibly
    /// inside a tuple).
    fn needs_user_eq(&self, k: &Obj<P>) -> bool {
        match k.kind() {
            Kind::Other => k.downcast::<Instance<P>>().is_some_and(|i| {
                i.native.is_some() || self.class(&i.class).flags() & class_flags::HAS_EQ != 0
            }),
            Kind::Tuple => k
                .as_tuple()
                .expect("t")
                .iter()
                .any(|i| self.needs_user_eq(i)),
            _ => false,
        }
    }

    /// The stored key equal to `k` among those with hash `h`, compared
    /// with user `__eq__` outside the table's lock.
    fn find_key(&self, candidates: Vec<Obj<P>>, k: &Obj<P>) -> PyResult<Option<Obj<P>>, P> {
        for c in candidates {
            if self.eq(&c, k)? {
                return Ok(Some(c));
            }
        }
        Ok(None)
    }

    /// After a lookup of `k` missed by the built-in key equality: the
    /// stored key equal to `k` by the VM's equality, when that can differ —
    /// `k` has a user `__eq__`, or the table may hold a key that has one
    /// (CPython compares the stored key with the looked-up one, `stored ==
    /// k`, on every hash match). Both arguments are asked only if needed.
    fn vm_equal_key(
        &self,
        k: &Obj<P>,
        table_opaque: impl FnOnce() -> bool,
        candidates: impl FnOnce() -> Vec<Obj<P>>,
    ) -> PyResult<Option<Obj<P>>, P> {
        if self.needs_user_eq(k) || table_opaque() {
            self.find_key(candidates(), k)
        } else {
            Ok(None)
        }
    }

    /// `d[k]` if present.
    pub fn dict_get(&self, d: &Obj<P>, k: &Obj<P>) -> PyResult<Option<Obj<P>>, P> {
        let dict = d.as_dict().expect("dict");
        let h = self.hash(k)?;
        if let Some(v) = dict.get_hashed(h, k) {
            return Ok(Some(v));
        }
        let stored = self.vm_equal_key(k, || dict.has_opaque_keys(), || dict.candidates(h))?;
        Ok(stored.and_then(|s| dict.get_hashed(h, &s)))
    }

    /// `d[k] = v`
    pub fn dict_set(&self, d: &Obj<P>, k: Obj<P>, v: Obj<P>) -> PyResult<(), P> {
        let dict = d.as_dict().expect("dict");
        let h = self.hash(&k)?;
        // An equal key stored under the VM's equality keeps its place (and
        // itself), as CPython keeps the old key.
        let stored = self.vm_equal_key(&k, || dict.has_opaque_keys(), || dict.candidates(h))?;
        dict.set_hashed(h, stored.unwrap_or(k), v);
        Ok(())
    }

    /// `del d[k]`; the value if it was there.
    pub fn dict_del(&self, d: &Obj<P>, k: &Obj<P>) -> PyResult<Option<Obj<P>>, P> {
        let dict = d.as_dict().expect("dict");
        let h = self.hash(k)?;
        if let Some(v) = dict.remove_hashed(h, k) {
            return Ok(Some(v));
        }
        let stored = self.vm_equal_key(k, || dict.has_opaque_keys(), || dict.candidates(h))?;
        Ok(stored.and_then(|s| dict.remove_hashed(h, &s)))
    }

    /// `s.add(k)`
    pub fn set_add(&self, s: &Obj<P>, k: Obj<P>) -> PyResult<bool, P> {
        let set = s.as_set().expect("set");
        let h = self.hash(&k)?;
        if self
            .vm_equal_key(&k, || set.has_opaque_keys(), || set.candidates(h))?
            .is_some()
        {
            return Ok(false);
        }
        Ok(set.add_hashed(h, k))
    }

    /// `k in s` for a set.
    pub fn set_contains(&self, s: &Obj<P>, k: &Obj<P>) -> PyResult<bool, P> {
        let set = s.as_set_view().expect("set");
        let h = self.hash(k)?;
        if set.contains_hashed(h, k) {
            return Ok(true);
        }
        Ok(self
            .vm_equal_key(k, || set.has_opaque_keys(), || set.candidates(h))?
            .is_some())
    }

    /// `s.discard(k)`
    pub fn set_discard(&self, s: &Obj<P>, k: &Obj<P>) -> PyResult<bool, P> {
        let set = s.as_set().expect("set");
        let h = self.hash(k)?;
        if set.discard_hashed(h, k) {
            return Ok(true);
        }
        let stored = self.vm_equal_key(k, || set.has_opaque_keys(), || set.candidates(h))?;
        Ok(stored.is_some_and(|s| set.discard_hashed(h, &s)))
    }

    /// `d.update(m)` (m a dict, or an iterable of pairs); with `merge`,
    /// duplicate keys are an error (`f(**a, **b)`).
    pub fn dict_update(&self, d: &Obj<P>, m: &Obj<P>, merge: bool) -> PyResult<(), P> {
        if let Some(src) = m.as_dict() {
            for (k, v) in src.items() {
                if merge && self.dict_get(d, &k)?.is_some() {
                    return Err(self.type_error(format!(
                        "got multiple values for keyword argument '{}'",
                        k.as_str().unwrap_or("?")
                    )));
                }
                self.dict_set(d, k, v)?;
            }
            return Ok(());
        }
        // A dict subclass that does not redefine `keys`: its dict.
        if let Some(n) = self.native_of(m) {
            if n.kind() == Kind::Dict && !self.call_dunder_exists(m, "keys") {
                return self.dict_update(d, n, merge);
            }
        }
        // Any other mapping: `keys()`, then `m[k]` for each.
        if m.kind() == Kind::Other {
            if let Some(keys) = self.getattr_opt(m, &self.intern("keys"))? {
                let ks = self.call(&keys, &[], Kw::EMPTY)?;
                for k in self.collect(&ks)? {
                    let v = self.getitem(m, &k)?;
                    if merge && self.dict_get(d, &k)?.is_some() {
                        return Err(self.type_error(format!(
                            "got multiple values for keyword argument '{}'",
                            k.as_str().unwrap_or("?")
                        )));
                    }
                    self.dict_set(d, k, v)?;
                }
                return Ok(());
            }
        }
        if merge {
            return Err(self.type_error(format!(
                "argument after ** must be a mapping, not {}",
                self.type_name(m)
            )));
        }
        for (i, item) in self.collect(m)?.into_iter().enumerate() {
            let pair = match self.collect(&item) {
                Ok(p) => p,
                Err(_) => {
                    return Err(self.type_error(format!(
                        "cannot convert dictionary update sequence element #{i} to a sequence"
                    )))
                }
            };
            if pair.len() != 2 {
                return Err(self.value_error(format!(
                    "dictionary update sequence element #{i} has length {}; 2 is required",
                    pair.len()
                )));
            }
            let mut it = pair.into_iter();
            let (k, v) = (it.next().expect("2"), it.next().expect("2"));
            self.dict_set(d, k, v)?;
        }
        Ok(())
    }

    /// `len(v)`
    pub fn len(&self, v: &Obj<P>) -> PyResult<usize, P> {
        Ok(match v.kind() {
            Kind::Str => v
                .downcast::<ftl_object::types::Str>()
                .expect("s")
                .char_len(),
            Kind::Bytes => v.as_bytes().expect("b").len(),
            Kind::ByteArray => v.as_bytearray().expect("ba").len(),
            Kind::Tuple => v.as_tuple().expect("t").len(),
            Kind::List => v.as_list().expect("l").len(),
            Kind::Dict => v.as_dict().expect("d").len(),
            Kind::Set | Kind::FrozenSet => v.as_set_view().expect("s").len(),
            _ => {
                if let Some(r) = v.downcast::<Range>() {
                    return Ok(r.len() as usize);
                }
                if let Some(view) = v.downcast::<DictView<P>>() {
                    return Ok(view.dict.as_dict().expect("d").len());
                }
                if let Some(n) = self.native_of(v) {
                    if !self.call_dunder_exists(v, "__len__") {
                        return self.len(n);
                    }
                }
                if let Some(r) = self.call_dunder(v, "__len__", &[])? {
                    return match self.int_value(&r) {
                        Some(IntValue::Small(n)) if n >= 0 => Ok(n as usize),
                        Some(IntValue::Small(_)) => {
                            Err(self.value_error("__len__() should return >= 0"))
                        }
                        Some(_) => {
                            Err(self.overflow_error("cannot fit 'int' into an index-sized integer"))
                        }
                        None => Err(self.type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            self.type_name(&r)
                        ))),
                    };
                }
                return Err(self.type_error(format!(
                    "object of type '{}' has no len()",
                    self.type_name(v)
                )));
            }
        })
    }

    // ---- items ----------------------------------------------------------

    /// Normalises index `i` for a sequence of `len` (negative from the end).
    fn seq_index(&self, key: &Obj<P>, len: usize, what: &str) -> PyResult<Option<usize>, P> {
        let i = match key.as_int() {
            Some(IntValue::Small(i)) => *i,
            _ => match self.int_value(key) {
                Some(IntValue::Small(i)) => i,
                Some(IntValue::Big(_)) => {
                    return Err(self.new_error(
                        ExcType::IndexError,
                        "cannot fit 'int' into an index-sized integer",
                    ))
                }
                None => {
                    return Err(self.type_error(format!(
                        "{what} indices must be integers or slices, not {}",
                        self.type_name(key)
                    )))
                }
            },
        };
        let i = if i < 0 { i + len as i64 } else { i };
        Ok(if i < 0 || i >= len as i64 {
            None
        } else {
            Some(i as usize)
        })
    }

    /// CPython's `PySlice_GetIndicesEx`: (start, stop, step, length).
    pub fn slice_indices(&self, s: &Slice<P>, len: usize) -> PyResult<(i64, i64, i64, usize), P> {
        let get = |o: &Obj<P>| -> PyResult<Option<i64>, P> {
            if o.is_none() {
                return Ok(None);
            }
            match self.int_value(o) {
                Some(IntValue::Small(v)) => Ok(Some(v)),
                Some(IntValue::Big(b)) => Ok(Some(if b.sign() == num_bigint::Sign::Minus {
                    i64::MIN / 2
                } else {
                    i64::MAX / 2
                })),
                None => Err(self.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                )),
            }
        };
        let step = get(&s.step)?.unwrap_or(1);
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let len = len as i64;
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let clamp = |v: Option<i64>, default: i64| -> i64 {
            match v {
                None => default,
                Some(v) => {
                    if v < 0 {
                        (v + len).max(lower)
                    } else {
                        v.min(upper)
                    }
                }
            }
        };
        let start = clamp(get(&s.start)?, if step < 0 { upper } else { lower });
        let stop = clamp(get(&s.stop)?, if step < 0 { lower } else { upper });
        let n = if step > 0 {
            if stop > start {
                (stop - start - 1) / step + 1
            } else {
                0
            }
        } else if start > stop {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        };
        Ok((start, stop, step, n as usize))
    }

    fn slice_positions(&self, s: &Slice<P>, len: usize) -> PyResult<Vec<usize>, P> {
        let (start, _, step, n) = self.slice_indices(s, len)?;
        Ok((0..n).map(|i| (start + i as i64 * step) as usize).collect())
    }

    /// `o[key]`
    pub fn getitem(&self, o: &Obj<P>, key: &Obj<P>) -> PyResult<Obj<P>, P> {
        match o.kind() {
            Kind::List => {
                let l = o.as_list().expect("l");
                if let Some(s) = key.downcast::<Slice<P>>() {
                    let items = l.snapshot();
                    let (start, stop, step, n) = self.slice_indices(s, items.len())?;
                    if step == 1 {
                        return Ok(ObjRef::from_list_vec(
                            l.get_range(start as usize, stop.max(start) as usize),
                        ));
                    }
                    let _ = n;
                    let pos = self.slice_positions(s, items.len())?;
                    return Ok(ObjRef::from_list_vec(
                        pos.into_iter().map(|i| items[i].clone()).collect(),
                    ));
                }
                let len = l.len();
                match self.seq_index(key, len, "list")?.and_then(|i| l.get(i)) {
                    Some(v) => Ok(v),
                    None => Err(self.index_error("list index out of range")),
                }
            }
            Kind::Tuple => {
                let t = o.as_tuple().expect("t");
                if let Some(s) = key.downcast::<Slice<P>>() {
                    let pos = self.slice_positions(s, t.len())?;
                    if pos.len() == t.len() && (pos.is_empty() || pos[0] == 0) {
                        return Ok(o.clone());
                    }
                    return Ok(ObjRef::new_tuple(
                        pos.into_iter().map(|i| t[i].clone()).collect(),
                    ));
                }
                match self.seq_index(key, t.len(), "tuple")? {
                    Some(i) => Ok(t[i].clone()),
                    None => Err(self.index_error("tuple index out of range")),
                }
            }
            Kind::Str => self.str_getitem(o, key),
            Kind::Bytes => {
                let b = o.as_bytes().expect("b");
                if let Some(s) = key.downcast::<Slice<P>>() {
                    let pos = self.slice_positions(s, b.len())?;
                    let v: Vec<u8> = pos.into_iter().map(|i| b[i]).collect();
                    return Ok(ObjRef::new_bytes(&v));
                }
                match self.seq_index(key, b.len(), "byte")? {
                    Some(i) => Ok(ObjRef::from_i64(b[i] as i64)),
                    None => Err(self.index_error("index out of range")),
                }
            }
            Kind::ByteArray => {
                let ba = o.as_bytearray().expect("ba");
                if let Some(s) = key.downcast::<Slice<P>>() {
                    let b = ba.to_vec();
                    let pos = self.slice_positions(s, b.len())?;
                    return Ok(ObjRef::new_bytearray(
                        pos.into_iter().map(|i| b[i]).collect(),
                    ));
                }
                let got = self
                    .seq_index(key, ba.len(), "bytearray")?
                    .and_then(|i| ba.get(i));
                match got {
                    Some(b) => Ok(ObjRef::from_i64(b as i64)),
                    None => Err(self.index_error("bytearray index out of range")),
                }
            }
            Kind::Dict => match self.dict_get(o, key)? {
                Some(v) => Ok(v),
                None => Err(self.key_error(key.clone())),
            },
            _ => {
                if let Some(r) = o.downcast::<Range>() {
                    if let Some(s) = key.downcast::<Slice<P>>() {
                        let (start, _, step, n) = self.slice_indices(s, r.len() as usize)?;
                        let nstart = r.get(start);
                        let nstep = r.step * step;
                        return Ok(ObjRef::new(Range {
                            start: nstart,
                            stop: nstart + n as i64 * nstep,
                            step: nstep,
                        }));
                    }
                    return match self.seq_index(key, r.len() as usize, "range")? {
                        Some(i) => Ok(ObjRef::from_i64(r.get(i as i64))),
                        None => Err(self.index_error("range object index out of range")),
                    };
                }
                if let Some(r) = self.call_dunder(o, "__getitem__", core::slice::from_ref(key))? {
                    return Ok(r);
                }
                if let Some(n) = self.native_of(o) {
                    if n.kind() == Kind::Dict {
                        // dict.__getitem__ of a subclass asks `__missing__`.
                        if let Some(v) = self.dict_get(n, key)? {
                            return Ok(v);
                        }
                        if let Some(m) =
                            self.call_dunder(o, "__missing__", core::slice::from_ref(key))?
                        {
                            return Ok(m);
                        }
                        return Err(self.key_error(key.clone()));
                    }
                    return self.getitem(n, key);
                }
                if o.is::<Class<P>>() {
                    // PEP 560: `C[...]` asks the class's `__class_getitem__`.
                    if let Some(f) = self.lookup_in_class(o, &self.intern("__class_getitem__")) {
                        let f = self.bind_to_class(f, o);
                        return self.call(&f, core::slice::from_ref(key), Kw::EMPTY);
                    }
                }
                if o.is::<Class<P>>() {
                    return Err(self.type_error(format!(
                        "type '{}' is not subscriptable",
                        self.class(o).name
                    )));
                }
                Err(self.type_error(format!(
                    "'{}' object is not subscriptable",
                    self.type_name(o)
                )))
            }
        }
    }

    fn str_getitem(&self, o: &Obj<P>, key: &Obj<P>) -> PyResult<Obj<P>, P> {
        let s = o.as_str().expect("s");
        let ascii = o
            .downcast::<ftl_object::types::Str>()
            .expect("s")
            .is_ascii();
        if let Some(sl) = key.downcast::<Slice<P>>() {
            if ascii {
                let b = s.as_bytes();
                let (start, stop, step, _) = self.slice_indices(sl, b.len())?;
                if step == 1 {
                    let (a, z) = (start as usize, (stop.max(start)) as usize);
                    return Ok(ObjRef::new_str(&s[a..z]));
                }
                let pos = self.slice_positions(sl, b.len())?;
                let out: String = pos.into_iter().map(|i| b[i] as char).collect();
                return Ok(ObjRef::from_string(out));
            }
            let chars: Vec<char> = s.chars().collect();
            let pos = self.slice_positions(sl, chars.len())?;
            return Ok(ObjRef::from_string(
                pos.into_iter().map(|i| chars[i]).collect(),
            ));
        }
        if self.int_value(key).is_none() {
            return Err(self.type_error(format!(
                "string indices must be integers, not '{}'",
                self.type_name(key)
            )));
        }
        let len = if ascii { s.len() } else { s.chars().count() };
        match self.seq_index(key, len, "string")? {
            Some(i) => {
                if ascii {
                    Ok(self.char_str(s.as_bytes()[i] as char))
                } else {
                    Ok(self.char_str(s.chars().nth(i).expect("in range")))
                }
            }
            None => Err(self.index_error("string index out of range")),
        }
    }

    /// A one-character string (the shared one for ASCII, without a lookup:
    /// string iteration and indexing make these in their inner loop).
    pub fn char_str(&self, c: char) -> Obj<P> {
        if c.is_ascii() {
            return self.interp.ascii_chars[c as usize].clone();
        }
        ObjRef::from_string(c.to_string())
    }

    /// `o[key] = v`
    pub fn setitem(&self, o: &Obj<P>, key: Obj<P>, v: Obj<P>) -> PyResult<(), P> {
        match o.kind() {
            Kind::List => {
                let l = o.as_list().expect("l");
                if let Some(s) = key.downcast::<Slice<P>>() {
                    let items = self.collect(&v)?;
                    let len = l.len();
                    let (start, stop, step, n) = self.slice_indices(s, len)?;
                    if step == 1 {
                        let end = stop.max(start) as usize;
                        drop(l.splice(start as usize, end, items));
                        return Ok(());
                    }
                    if items.len() != n {
                        return Err(self.value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {n}",
                            items.len()
                        )));
                    }
                    for (k, item) in items.into_iter().enumerate() {
                        let _ = l.set((start + k as i64 * step) as usize, item);
                    }
                    return Ok(());
                }
                let len = l.len();
                match self.seq_index(&key, len, "list")? {
                    Some(i) if l.set(i, v).is_ok() => Ok(()),
                    _ => Err(self.index_error("list assignment index out of range")),
                }
            }
            Kind::Dict => self.dict_set(o, key, v),
            Kind::ByteArray => {
                let ba = o.as_bytearray().expect("ba");
                if let Some(s) = key.downcast::<Slice<P>>() {
                    let data = if v.is_same(o) {
                        ba.to_vec()
                    } else if v.kind() == Kind::Int || v.kind() == Kind::Bool {
                        return Err(self.type_error(
                            "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                        ));
                    } else {
                        crate::builtins::bytearray::extend_bytes(self, &v)?
                    };
                    let (start, stop, step, n) = self.slice_indices(s, ba.len())?;
                    if step == 1 {
                        ba.splice(start as usize, stop.max(start) as usize, &data);
                        return Ok(());
                    }
                    if data.len() != n {
                        return Err(self.value_error(format!(
                            "attempt to assign bytes of size {} to extended slice of size {n}",
                            data.len()
                        )));
                    }
                    for (k, b) in data.into_iter().enumerate() {
                        ba.set((start + k as i64 * step) as usize, b);
                    }
                    return Ok(());
                }
                let b = self.byte_value(&v)?;
                match self.seq_index(&key, ba.len(), "bytearray")? {
                    Some(i) if ba.set(i, b) => Ok(()),
                    _ => Err(self.index_error("bytearray index out of range")),
                }
            }
            _ => {
                if let Some(n) = self.native_of(o) {
                    if !self.call_dunder_exists(o, "__setitem__") {
                        return self.setitem(n, key, v);
                    }
                }
                if self.call_dunder(o, "__setitem__", &[key, v])?.is_some() {
                    return Ok(());
                }
                Err(self.type_error(format!(
                    "'{}' object does not support item assignment",
                    self.type_name(o)
                )))
            }
        }
    }

    /// `del o[key]`
    pub fn delitem(&self, o: &Obj<P>, key: &Obj<P>) -> PyResult<(), P> {
        match o.kind() {
            Kind::List => {
                let l = o.as_list().expect("l");
                if let Some(s) = key.downcast::<Slice<P>>() {
                    let len = l.len();
                    let (start, stop, step, _) = self.slice_indices(s, len)?;
                    if step == 1 {
                        drop(l.splice(start as usize, stop.max(start) as usize, Vec::new()));
                        return Ok(());
                    }
                    let mut pos = self.slice_positions(s, len)?;
                    pos.sort_unstable();
                    for i in pos.into_iter().rev() {
                        drop(l.remove_at(i));
                    }
                    return Ok(());
                }
                let len = l.len();
                match self
                    .seq_index(key, len, "list")?
                    .and_then(|i| l.remove_at(i))
                {
                    Some(old) => {
                        drop(old);
                        Ok(())
                    }
                    None => Err(self.index_error("list assignment index out of range")),
                }
            }
            Kind::Dict => match self.dict_del(o, key)? {
                Some(_) => Ok(()),
                None => Err(self.key_error(key.clone())),
            },
            Kind::ByteArray => {
                let ba = o.as_bytearray().expect("ba");
                if let Some(s) = key.downcast::<Slice<P>>() {
                    let len = ba.len();
                    let (start, stop, step, _) = self.slice_indices(s, len)?;
                    if step == 1 {
                        ba.splice(start as usize, stop.max(start) as usize, &[]);
                        return Ok(());
                    }
                    let gone: std::collections::HashSet<usize> =
                        self.slice_positions(s, len)?.into_iter().collect();
                    ba.retain_positions(|i| !gone.contains(&i));
                    return Ok(());
                }
                match self.seq_index(key, ba.len(), "bytearray")? {
                    Some(i) if ba.remove_at(i).is_some() => Ok(()),
                    _ => Err(self.index_error("bytearray index out of range")),
                }
            }
            _ => {
                if self
                    .call_dunder(o, "__delitem__", core::slice::from_ref(key))?
                    .is_some()
                {
                    return Ok(());
                }
                if let Some(n) = self.native_of(o) {
                    return self.delitem(n, key);
                }
                // CPython's two wordings: "doesn't" from the sequence
                // protocol (an index into a sequence or an instance),
                // "does not" from the mapping one (any other key, or an
                // object with neither protocol).
                let index = matches!(key.kind(), Kind::Int | Kind::Bool)
                    || self.call_dunder_exists(key, "__index__");
                let sequence = matches!(o.kind(), Kind::Tuple | Kind::Str | Kind::Bytes);
                if sequence && !index {
                    return Err(self.type_error(format!(
                        "sequence index must be integer, not '{}'",
                        self.type_name(key)
                    )));
                }
                let doesnt = sequence || (index && o.is::<Instance<P>>());
                Err(self.type_error(format!(
                    "'{}' object {} support item deletion",
                    self.type_name(o),
                    if doesnt { "doesn't" } else { "does not" }
                )))
            }
        }
    }

    /// `item in container`
    pub fn contains(&self, container: &Obj<P>, item: &Obj<P>) -> PyResult<bool, P> {
        match container.kind() {
            Kind::List | Kind::Tuple => {
                for x in self.collect(container)? {
                    if self.eq(&x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Kind::Str => match item.as_str() {
                Some(sub) => Ok(container.as_str().expect("s").contains(sub)),
                None => Err(self.type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(item)
                ))),
            },
            Kind::Bytes | Kind::ByteArray => {
                let hay = self.bytes_like(container).expect("bytes-like");
                if let Some(i) = self.int_value(item) {
                    return Ok(i
                        .as_i64()
                        .is_some_and(|b| (0..256).contains(&b) && hay.contains(&(b as u8))));
                }
                match self.bytes_like(item) {
                    Some(n) => Ok(n.is_empty() || hay.windows(n.len()).any(|w| w == &n[..])),
                    None => Err(self.type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        self.type_name(item)
                    ))),
                }
            }
            Kind::Dict => Ok(self.dict_get(container, item)?.is_some()),
            Kind::Set | Kind::FrozenSet => self.set_contains(container, item),
            _ => {
                if let Some(r) = container.downcast::<Range>() {
                    if let Some(IntValue::Small(v)) = self.int_value(item) {
                        if r.step > 0 && (v < r.start || v >= r.stop)
                            || r.step < 0 && (v > r.start || v <= r.stop)
                        {
                            return Ok(false);
                        }
                        return Ok((v - r.start) % r.step == 0);
                    }
                }
                if let Some(view) = container.downcast::<DictView<P>>() {
                    return match view.part {
                        DictPart::Keys => self.contains(&view.dict, item),
                        _ => {
                            for x in self.collect(container)? {
                                if self.eq(&x, item)? {
                                    return Ok(true);
                                }
                            }
                            Ok(false)
                        }
                    };
                }
                if let Some(r) =
                    self.call_dunder(container, "__contains__", core::slice::from_ref(item))?
                {
                    return self.is_true(&r);
                }
                if let Some(n) = self.native_of(container) {
                    if !self.call_dunder_exists(container, "__iter__") {
                        return self.contains(n, item);
                    }
                }
                let it = match self.get_iter(container) {
                    Ok(it) => it,
                    Err(_) => {
                        return Err(self.type_error(format!(
                            "argument of type '{}' is not iterable",
                            self.type_name(container)
                        )))
                    }
                };
                while let Some(x) = self.next(&it)? {
                    if self.eq(&x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    // ---- iteration ------------------------------------------------------

    /// `iter(o)`
    pub fn get_iter(&self, o: &Obj<P>) -> PyResult<Obj<P>, P> {
        let seq = |kind| {
            ObjRef::new(SeqIter {
                seq: o.clone(),
                kind,
                pos: ftl_object::Exclusive::new(0),
            })
        };
        Ok(match o.kind() {
            Kind::List => seq(SeqKind::List),
            Kind::Tuple => seq(SeqKind::Tuple),
            Kind::Str => seq(SeqKind::Str),
            Kind::Bytes => seq(SeqKind::Bytes),
            Kind::ByteArray => seq(SeqKind::ByteArray),
            Kind::Dict => ObjRef::new(DictIter {
                dict: o.clone(),
                part: DictPart::Keys,
                pos: ftl_object::Exclusive::new(0),
                len: o.as_dict().expect("d").len(),
            }),
            Kind::Set | Kind::FrozenSet => ObjRef::new(DictIter {
                dict: o.clone(),
                part: DictPart::Keys,
                pos: ftl_object::Exclusive::new(0),
                len: o.as_set_view().expect("s").len(),
            }),
            Kind::Other => {
                if let Some(r) = o.downcast::<Range>() {
                    return Ok(ObjRef::new(RangeIter::<P>::new(r.start, r.len(), r.step)));
                }
                if o.is::<Generator<P>>()
                    || o.is::<SeqIter<P>>()
                    || o.is::<DictIter<P>>()
                    || o.is::<RangeIter<P>>()
                    || o.is::<Lazy<P>>()
                {
                    return Ok(o.clone());
                }
                if let Some(v) = o.downcast::<DictView<P>>() {
                    return Ok(ObjRef::new(DictIter {
                        dict: v.dict.clone(),
                        part: v.part,
                        pos: ftl_object::Exclusive::new(0),
                        len: v.dict.as_dict().expect("d").len(),
                    }));
                }
                if let Some(r) = self.call_dunder(o, "__iter__", &[])? {
                    return Ok(r);
                }
                if let Some(n) = self.native_of(o) {
                    return self.get_iter(n);
                }
                if o.is::<Instance<P>>()
                    && self
                        .lookup_type_attr(o, &self.interp.names.getitem)
                        .is_some_and(|g| !g.is_none())
                {
                    return Ok(ObjRef::new(SeqIter {
                        seq: o.clone(),
                        kind: SeqKind::GetItem,
                        pos: ftl_object::Exclusive::new(0),
                    }));
                }
                return Err(
                    self.type_error(format!("'{}' object is not iterable", self.type_name(o)))
                );
            }
            _ => {
                return Err(
                    self.type_error(format!("'{}' object is not iterable", self.type_name(o)))
                )
            }
        })
    }

    /// `next(it)`, with exhaustion as `None`.
    ///
    /// The built-in iterators may be shared by threads (CPython 3.13t's
    /// guarantee: never a crash, never the same item twice): each claims
    /// its position in one critical section of the iterator
    /// ([`Exclusive::update`](ftl_object::Exclusive::update)), reading the
    /// container inside it where the next position depends on what is
    /// there (str, dict, set). The lock order is iterator, then container.
    pub fn next(&self, it: &Obj<P>) -> PyResult<Option<Obj<P>>, P> {
        /// The position of an exhausted list iterator: later appends are
        /// not seen, as in CPython (which drops its reference to the list).
        const EXHAUSTED: usize = usize::MAX;
        let claim = |pos: &ftl_object::Exclusive<P::Lock, usize>| {
            pos.update(|p| {
                let i = *p;
                *p = p.saturating_add(1);
                i
            })
        };
        if let Some(s) = it.downcast::<SeqIter<P>>() {
            return Ok(match s.kind {
                SeqKind::List => {
                    let v = s.seq.as_list().expect("l").get(claim(&s.pos));
                    if v.is_none() {
                        s.pos.set(EXHAUSTED);
                    }
                    v
                }
                SeqKind::Tuple => s.seq.as_tuple().expect("t").get(claim(&s.pos)).cloned(),
                SeqKind::Str => {
                    let st = s.seq.as_str().expect("s");
                    let c = s.pos.update(|p| {
                        let c = st.get(*p..).and_then(|rest| rest.chars().next());
                        if let Some(c) = c {
                            *p += c.len_utf8();
                        }
                        c
                    });
                    c.map(|c| self.char_str(c))
                }
                SeqKind::Bytes => {
                    let b = s.seq.as_bytes().expect("b");
                    b.get(claim(&s.pos)).map(|&x| ObjRef::from_i64(x as i64))
                }
                SeqKind::GetItem => {
                    let i = claim(&s.pos);
                    if i == EXHAUSTED {
                        return Ok(None);
                    }
                    match self.getitem(&s.seq, &ObjRef::from_i64(i as i64)) {
                        Ok(v) => Some(v),
                        Err(e)
                            if self.err_matches(&e, ExcType::IndexError)
                                || self.err_matches(&e, ExcType::StopIteration) =>
                        {
                            s.pos.set(EXHAUSTED);
                            None
                        }
                        Err(e) => return Err(e),
                    }
                }
                SeqKind::ByteArray => {
                    // Read live, by position, as CPython's iterator does.
                    let b = s.seq.as_bytearray().expect("ba");
                    b.get(claim(&s.pos)).map(|x| ObjRef::from_i64(x as i64))
                }
                SeqKind::Reversed => {
                    let Some(i) = s.pos.update(|p| {
                        if *p == 0 {
                            None
                        } else {
                            *p -= 1;
                            Some(*p)
                        }
                    }) else {
                        return Ok(None);
                    };
                    Some(match s.seq.kind() {
                        Kind::List => match s.seq.as_list().expect("l").get(i) {
                            Some(v) => v,
                            None => {
                                s.pos.set(0);
                                return Ok(None);
                            }
                        },
                        Kind::Tuple => s.seq.as_tuple().expect("t")[i].clone(),
                        Kind::Str => self
                            .char_str(s.seq.as_str().expect("s").chars().nth(i).expect("in range")),
                        _ => {
                            let r = s.seq.downcast::<Range>().expect("range");
                            ObjRef::from_i64(r.get(i as i64))
                        }
                    })
                }
            });
        }
        if let Some(r) = it.downcast::<RangeIter<P>>() {
            return Ok(r.step().map(ObjRef::from_i64));
        }
        if let Some(d) = it.downcast::<DictIter<P>>() {
            if let Some(dict) = d.dict.as_dict() {
                if dict.len() != d.len {
                    d.pos.set(EXHAUSTED);
                    return Err(self.new_error(
                        ExcType::RuntimeError,
                        "dictionary changed size during iteration",
                    ));
                }
                let entry = d.pos.update(|p| {
                    if *p == EXHAUSTED {
                        return None;
                    }
                    let entry = dict.entry_at(*p);
                    *p = entry.as_ref().map_or(EXHAUSTED, |(i, _, _)| i + 1);
                    entry
                });
                return Ok(entry.map(|(_, k, v)| match d.part {
                    DictPart::Keys => k,
                    DictPart::Values => v,
                    DictPart::Items => ObjRef::new_tuple(vec![k, v]),
                }));
            }
            let set = d.dict.as_set_view().expect("set");
            if set.len() != d.len {
                d.pos.set(EXHAUSTED);
                return Err(
                    self.new_error(ExcType::RuntimeError, "Set changed size during iteration")
                );
            }
            let entry = d.pos.update(|p| {
                if *p == EXHAUSTED {
                    return None;
                }
                let entry = set.entry_at(*p);
                *p = entry.as_ref().map_or(EXHAUSTED, |(i, _)| i + 1);
                entry
            });
            return Ok(entry.map(|(_, k)| k));
        }
        if it.is::<Generator<P>>() {
            return Ok(self.gen_resume(it)?.ok());
        }
        if let Some(l) = it.downcast::<Lazy<P>>() {
            return self.lazy_next(l);
        }
        if it.is::<Instance<P>>() {
            if let Some(f) = self.lookup_type_attr(it, &self.interp.names.next) {
                return match self.call(&f, core::slice::from_ref(it), Kw::EMPTY) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if self.err_matches(&e, ExcType::StopIteration) => Ok(None),
                    Err(e) => Err(e),
                };
            }
        }
        Err(self.type_error(format!(
            "'{}' object is not an iterator",
            self.type_name(it)
        )))
    }

    /// For `yield from`: the next value, or the sub-iterator's return
    /// value when it is exhausted.
    pub fn next_or_return(&self, it: &Obj<P>) -> PyResult<Result<Obj<P>, Obj<P>>, P> {
        if it.is::<Generator<P>>() {
            return self.gen_resume(it);
        }
        if it.is::<Instance<P>>() {
            if let Some(f) = self.lookup_type_attr(it, &self.interp.names.next) {
                return match self.call(&f, core::slice::from_ref(it), Kw::EMPTY) {
                    Ok(v) => Ok(Ok(v)),
                    Err(e) if self.err_matches(&e, ExcType::StopIteration) => {
                        let v = self.getattr(&e.0, &self.interp.names.value)?;
                        Ok(Err(v))
                    }
                    Err(e) => Err(e),
                };
            }
        }
        Ok(match self.next(it)? {
            Some(v) => Ok(v),
            None => Err(ObjRef::none()),
        })
    }

    fn lazy_next(&self, l: &Lazy<P>) -> PyResult<Option<Obj<P>>, P> {
        match l {
            Lazy::Enumerate { it, count } => {
                let Some(v) = self.next(it)? else {
                    return Ok(None);
                };
                // One critical section: two threads sharing the iterator
                // each get a different count (a take-then-set let the
                // second see the cell empty and restart from 0).
                let n = count.update(|c| {
                    let n = c.take().unwrap_or(IntValue::Small(0));
                    *c = Some(n.add(&IntValue::Small(1)));
                    n
                });
                Ok(Some(ObjRef::new_tuple(vec![ObjRef::from_int(n), v])))
            }
            Lazy::Zip { its } => {
                if its.is_empty() {
                    return Ok(None);
                }
                let mut items = Vec::with_capacity(its.len());
                for it in its {
                    match self.next(it)? {
                        Some(v) => items.push(v),
                        None => return Ok(None),
                    }
                }
                Ok(Some(ObjRef::new_tuple(items)))
            }
            Lazy::Map { func, its } => {
                let mut args = Vec::with_capacity(its.len());
                for it in its {
                    match self.next(it)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                self.call(func, &args, Kw::EMPTY).map(Some)
            }
            Lazy::Filter { func, it } => loop {
                let Some(v) = self.next(it)? else {
                    return Ok(None);
                };
                let keep = match func {
                    Some(f) => {
                        let r = self.call(f, core::slice::from_ref(&v), Kw::EMPTY)?;
                        self.is_true(&r)?
                    }
                    None => self.is_true(&v)?,
                };
                if keep {
                    return Ok(Some(v));
                }
            },
        }
    }

    /// All items of an iterable.
    pub fn collect(&self, o: &Obj<P>) -> PyResult<Vec<Obj<P>>, P> {
        match o.kind() {
            Kind::List => return Ok(o.as_list().expect("l").snapshot()),
            Kind::Tuple => return Ok(o.as_tuple().expect("t").to_vec()),
            Kind::Dict => return Ok(o.as_dict().expect("d").keys()),
            Kind::Set | Kind::FrozenSet => return Ok(o.as_set_view().expect("s").members()),
            _ => {}
        }
        let it = self.get_iter(o)?;
        let mut out = Vec::new();
        while let Some(v) = self.next(&it)? {
            out.push(v);
        }
        Ok(out)
    }

    /// Unpacks exactly `n` items.
    pub fn unpack(&self, seq: &Obj<P>, n: usize) -> PyResult<Vec<Obj<P>>, P> {
        if let Some(t) = seq.as_tuple() {
            if t.len() == n {
                return Ok(t.to_vec());
            }
        }
        let items = match seq.kind() {
            Kind::List
            | Kind::Tuple
            | Kind::Str
            | Kind::Dict
            | Kind::Set
            | Kind::FrozenSet
            | Kind::Bytes
            | Kind::ByteArray => self.collect(seq)?,
            _ => {
                let it = match self.get_iter(seq) {
                    Ok(it) => it,
                    Err(_) => {
                        return Err(self.type_error(format!(
                            "cannot unpack non-iterable {} object",
                            self.type_name(seq)
                        )))
                    }
                };
                let mut out = Vec::new();
                while let Some(v) = self.next(&it)? {
                    out.push(v);
                    if out.len() > n {
                        break;
                    }
                }
                out
            }
        };
        if items.len() > n {
            return Err(self.value_error(format!("too many values to unpack (expected {n})")));
        }
        if items.len() < n {
            return Err(self.value_error(format!(
                "not enough values to unpack (expected {n}, got {})",
                items.len()
            )));
        }
        Ok(items)
    }

    // ---- text -----------------------------------------------------------

    /// `repr(o)`
    pub fn repr(&self, o: &Obj<P>) -> PyResult<String, P> {
        Ok(match o.kind() {
            Kind::None => "None".into(),
            Kind::Bool => if o.as_bool().expect("b") {
                "True"
            } else {
                "False"
            }
            .into(),
            Kind::Int => o.as_int().expect("i").to_string(),
            Kind::Float => format::float_repr(o.as_f64().expect("f")),
            Kind::Str => ftl_algorithms::str_methods::repr_str(o.as_str().expect("s")),
            Kind::Bytes => ftl_algorithms::str_methods::repr_bytes(o.as_bytes().expect("b")),
            Kind::ByteArray => format!(
                "bytearray({})",
                ftl_algorithms::str_methods::repr_bytes(&o.as_bytearray().expect("ba").to_vec())
            ),
            Kind::List | Kind::Tuple | Kind::Dict | Kind::Set | Kind::FrozenSet => {
                if !self.repr_enter(o) {
                    return Ok(match o.kind() {
                        Kind::List => "[...]",
                        Kind::Dict => "{...}",
                        _ => "(...)",
                    }
                    .into());
                }
                let r = self.container_repr(o);
                self.repr_leave(o);
                r?
            }
            _ => self.other_repr(o)?,
        })
    }

    fn repr_enter(&self, o: &Obj<P>) -> bool {
        REPR_STACK.with(|s| {
            let mut s = s.borrow_mut();
            if s.contains(&o.addr()) {
                false
            } else {
                s.push(o.addr());
                true
            }
        })
    }

    fn repr_leave(&self, o: &Obj<P>) {
        REPR_STACK.with(|s| {
            let mut s = s.borrow_mut();
            if let Some(p) = s.iter().rposition(|&a| a == o.addr()) {
                s.remove(p);
            }
        })
    }

    fn container_repr(&self, o: &Obj<P>) -> PyResult<String, P> {
        let mut out = String::new();
        match o.kind() {
            Kind::List | Kind::Tuple => {
                let items = self.collect(o)?;
                let tuple = o.kind() == Kind::Tuple;
                out.push(if tuple { '(' } else { '[' });
                for (i, x) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&self.repr(x)?);
                }
                if tuple && items.len() == 1 {
                    out.push(',');
                }
                out.push(if tuple { ')' } else { ']' });
            }
            Kind::Dict => {
                out.push('{');
                for (i, (k, v)) in o.as_dict().expect("d").items().iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&self.repr(k)?);
                    out.push_str(": ");
                    out.push_str(&self.repr(v)?);
                }
                out.push('}');
            }
            _ => {
                let items = o.as_set_view().expect("s").members();
                let frozen = o.kind() == Kind::FrozenSet;
                if items.is_empty() {
                    return Ok(if frozen { "frozenset()" } else { "set()" }.into());
                }
                if frozen {
                    out.push_str("frozenset(");
                }
                out.push('{');
                for (i, x) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&self.repr(x)?);
                }
                out.push('}');
                if frozen {
                    out.push(')');
                }
            }
        }
        Ok(out)
    }

    fn other_repr(&self, o: &Obj<P>) -> PyResult<String, P> {
        if let Some(wr) = o.downcast::<crate::stdlib::weakref::WeakRef<P>>() {
            return Ok(self.weakref_repr(o, wr));
        }
        if let Some(inst) = o.downcast::<Instance<P>>() {
            if let Some(s) = self.user_text(o, &inst.class, &self.interp.names.repr)? {
                return Ok(s);
            }
            if let Some(n) = &inst.native {
                return self.repr(n);
            }
            if let Some(e) = &inst.exc {
                let args = e
                    .args
                    .get()
                    .unwrap_or_else(|| ObjRef::new_tuple(Vec::new()));
                let t = args.as_tuple().expect("args");
                let name = self.class(&inst.class).name.clone();
                return Ok(if t.len() == 1 {
                    format!("{name}({})", self.repr(&t[0])?)
                } else {
                    format!("{name}{}", self.repr(&args)?)
                });
            }
            return Ok(self.default_instance_repr(o, &inst.class));
        }
        if let Some(meta) = o.downcast::<Class<P>>().and_then(|c| c.meta.as_ref()) {
            if let Some(s) = self.user_text(o, meta, &self.interp.names.repr)? {
                return Ok(s);
            }
        }
        if let Some(c) = o.downcast::<Class<P>>() {
            return Ok(
                if (c.builtin.is_some() && self.class_module(o) == "builtins")
                    || c.is_exception() && c.dict.as_dict().is_some_and(|d| d.is_empty())
                {
                    format!("<class '{}'>", c.name)
                } else {
                    format!("<class '{}.{}'>", self.class_module(o), c.qualname)
                },
            );
        }
        if let Some(f) = o.downcast::<Function<P>>() {
            return Ok(format!(
                "<function {} at {:#x}>",
                f.display_qualname(),
                o.addr()
            ));
        }
        if let Some(m) = o.downcast::<BoundMethod<P>>() {
            let name = match m.func.downcast::<Function<P>>() {
                Some(f) => f.display_qualname().to_string(),
                None => "?".into(),
            };
            return Ok(format!(
                "<bound method {} of {}>",
                name,
                self.repr(&m.this)?
            ));
        }
        if let Some(b) = o.downcast::<Builtin<P>>() {
            return Ok(match (&b.this, b.owner) {
                (Some(this), _) if !this.is::<Module<P>>() => format!(
                    "<built-in method {} of {} object at {:#x}>",
                    b.name,
                    self.type_name(this),
                    this.addr()
                ),
                (None, Some(owner)) => format!("<method '{}' of '{}' objects>", b.name, owner),
                _ => format!("<built-in function {}>", b.name),
            });
        }
        if let Some(m) = o.downcast::<Module<P>>() {
            return Ok(format!("<module '{}' (built-in)>", m.name));
        }
        if let Some(r) = o.downcast::<Range>() {
            return Ok(if r.step == 1 {
                format!("range({}, {})", r.start, r.stop)
            } else {
                format!("range({}, {}, {})", r.start, r.stop, r.step)
            });
        }
        if let Some(s) = o.downcast::<Slice<P>>() {
            return Ok(format!(
                "slice({}, {}, {})",
                self.repr(&s.start)?,
                self.repr(&s.stop)?,
                self.repr(&s.step)?
            ));
        }
        if let Some(v) = o.downcast::<DictView<P>>() {
            let items = self.collect(o)?;
            let name = match v.part {
                DictPart::Keys => "dict_keys",
                DictPart::Values => "dict_values",
                DictPart::Items => "dict_items",
            };
            let list = ObjRef::from_list_vec(items);
            return Ok(format!("{name}({})", self.repr(&list)?));
        }
        if let Some(g) = o.downcast::<Generator<P>>() {
            return Ok(format!(
                "<generator object {} at {:#x}>",
                g.qualname.as_str().unwrap_or("?"),
                o.addr()
            ));
        }
        if let Some(s) = o.downcast::<Singleton>() {
            return Ok(s.name.into());
        }
        if let Some(p) = o.downcast::<Property<P>>() {
            let _ = p;
            return Ok(format!("<property object at {:#x}>", o.addr()));
        }
        if let Some(m) = o.downcast::<Member<P>>() {
            return Ok(format!(
                "<member '{}' of '{}' objects>",
                m.name.as_str().unwrap_or("?"),
                m.owner
            ));
        }
        Ok(format!("<{} object at {:#x}>", self.type_name(o), o.addr()))
    }

    /// `object.__repr__` of an instance: `<module.Qualname object at 0x...>`.
    pub fn default_instance_repr(&self, o: &Obj<P>, cls: &Obj<P>) -> String {
        format!(
            "<{}.{} object at {:#x}>",
            self.class_module(cls),
            self.class(cls).qualname,
            o.addr()
        )
    }

    /// The text a user `__repr__` or `__str__` (`name`) of `o`'s class
    /// returns, if the class defines one; `TypeError` if it is not a str.
    fn user_text(&self, o: &Obj<P>, cls: &Obj<P>, name: &Obj<P>) -> PyResult<Option<String>, P> {
        let Some(f) = self.user_method(cls, name) else {
            return Ok(None);
        };
        let r = self.call(&f, core::slice::from_ref(o), Kw::EMPTY)?;
        match r.as_str() {
            Some(s) => Ok(Some(s.to_string())),
            None => Err(self.type_error(format!(
                "{} returned non-string (type {})",
                name.as_str().unwrap_or("?"),
                self.type_name(&r)
            ))),
        }
    }

    /// The `__module__` of a class.
    pub fn class_module(&self, cls: &Obj<P>) -> String {
        let c = self.class(cls);
        // A built-in class of a module (`_thread.lock`) names it in its
        // namespace; the others are `builtins`'.
        self.dict_get_str(&c.dict, &self.interp.names.module)
            .and_then(|m| m.as_str().map(str::to_string))
            .unwrap_or_else(|| "builtins".into())
    }

    /// `str(o)` as a str object.
    pub fn str_obj(&self, o: &Obj<P>) -> PyResult<Obj<P>, P> {
        if o.kind() == Kind::Str {
            return Ok(o.clone());
        }
        Ok(self.new_str(self.str_(o)?))
    }

    /// `str(o)`
    pub fn str_(&self, o: &Obj<P>) -> PyResult<String, P> {
        match o.kind() {
            Kind::Str => return Ok(o.as_str().expect("s").to_string()),
            Kind::Other => {}
            _ => return self.repr(o),
        }
        if let Some(meta) = o.downcast::<Class<P>>().and_then(|c| c.meta.as_ref()) {
            if let Some(s) = self.user_text(o, meta, &self.interp.names.str_)? {
                return Ok(s);
            }
        }
        if let Some(inst) = o.downcast::<Instance<P>>() {
            if let Some(s) = self.user_text(o, &inst.class, &self.interp.names.str_)? {
                return Ok(s);
            }
            // `str.__str__` of a subclass of str: the carried text.
            if let Some(n) = inst.native.as_ref().filter(|n| n.kind() == Kind::Str) {
                return Ok(n.as_str().expect("str").to_string());
            }
            if let Some(e) = &inst.exc {
                if self
                    .user_method(&inst.class, &self.interp.names.repr)
                    .is_some()
                {
                    return self.repr(o);
                }
                return self.exception_str(o, e);
            }
        }
        self.repr(o)
    }

    /// `BaseException.__str__`: made from the exception's `args` (empty,
    /// the one argument's str — its repr for a `KeyError` —, or the
    /// tuple's repr).
    pub fn exception_str(&self, o: &Obj<P>, e: &ExcData<P>) -> PyResult<String, P> {
        let args = e
            .args
            .get()
            .unwrap_or_else(|| ObjRef::new_tuple(Vec::new()));
        let t = args.as_tuple().expect("args");
        if let (Some(inst), true) = (
            o.downcast::<Instance<P>>(),
            self.isinstance(o, self.exc_class(ExcType::SyntaxError)),
        ) {
            // `msg (file, line N)`, CPython's `SyntaxError_str`.
            let get = |n: &str| self.dict_get_str(&inst.dict, &self.intern(n));
            if let (Some(msg), Some(file), Some(line)) =
                (get("msg"), get("filename"), get("lineno"))
            {
                let file = file
                    .as_str()
                    .map(|f| f.rsplit('/').next().unwrap_or(f).to_string());
                let msg = self.str_(&msg)?;
                return Ok(match (file, self.int_value(&line)) {
                    (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
                    (Some(f), None) => format!("{msg} ({f})"),
                    (None, Some(l)) => format!("{msg} (line {l})"),
                    (None, None) => msg,
                });
            }
        }
        let is_key_error = self.isinstance(o, self.exc_class(ExcType::KeyError));
        match t.len() {
            0 => Ok(String::new()),
            1 if is_key_error => self.repr(&t[0]),
            1 => self.str_(&t[0]),
            _ => self.repr(&args),
        }
    }

    /// `format(v, spec)`
    pub fn format(&self, v: &Obj<P>, spec: &str) -> PyResult<Obj<P>, P> {
        let result = match v.kind() {
            Kind::Int | Kind::Bool => {
                if spec.is_empty() {
                    return self.str_obj(v);
                }
                let parsed = format::FormatSpec::parse(spec).map_err(|e| self.format_error(e))?;
                let tn = if v.kind() == Kind::Bool {
                    "bool"
                } else {
                    "int"
                };
                format::format_int_as(&self.int_value(v).expect("int"), &parsed, tn)
            }
            Kind::Float => {
                let parsed = format::FormatSpec::parse(spec).map_err(|e| self.format_error(e))?;
                format::format_float(v.as_f64().expect("f"), &parsed)
            }
            Kind::Str => {
                if spec.is_empty() {
                    return Ok(v.clone());
                }
                let parsed = format::FormatSpec::parse(spec).map_err(|e| self.format_error(e))?;
                format::format_str(v.as_str().expect("s"), &parsed)
            }
            _ => {
                if v.is::<Instance<P>>() {
                    let spec_obj = self.new_str(spec);
                    if let Some(r) = self.call_dunder(v, "__format__", &[spec_obj])? {
                        return Ok(r);
                    }
                    if let Some(n) = self.native_of(v) {
                        if spec.is_empty() {
                            return self.str_obj(v);
                        }
                        return self.format(n, spec);
                    }
                }
                if spec.is_empty() {
                    return self.str_obj(v);
                }
                return Err(self.type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    self.type_name(v)
                )));
            }
        };
        match result {
            Ok(s) => Ok(self.new_str(s)),
            Err(e) => Err(self.format_error(e)),
        }
    }

    /// The Python exception for a formatting error.
    pub fn format_error(&self, e: format::FormatError) -> PyErr<P> {
        let t = match e.exception_name() {
            "OverflowError" => ExcType::OverflowError,
            "TypeError" => ExcType::TypeError,
            "MemoryError" => ExcType::MemoryError,
            _ => ExcType::ValueError,
        };
        self.new_error(t, e.to_string())
    }
}

std::thread_local! {
    static REPR_STACK: core::cell::RefCell<Vec<usize>> = const { core::cell::RefCell::new(Vec::new()) };
}

/// Whether ordering `o` satisfies comparison `op`.
#[inline]
pub fn cmp_holds(o: Ordering, op: CmpOp) -> bool {
    match op {
        CmpOp::Eq => o == Ordering::Equal,
        CmpOp::NotEq => o != Ordering::Equal,
        CmpOp::Lt => o == Ordering::Less,
        CmpOp::LtE => o != Ordering::Greater,
        CmpOp::Gt => o == Ordering::Greater,
        CmpOp::GtE => o != Ordering::Less,
        _ => false,
    }
}

/// Python's float `divmod` (`Objects/floatobject.c`, `float_divmod`).
pub fn float_divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// Correctly rounded `a / b` for ints (CPython's `long_true_divide` for the
/// common cases: exact when both fit in 53 bits, otherwise via big-integer
/// scaling).
pub fn int_true_div(a: &IntValue, b: &IntValue) -> Result<f64, &'static str> {
    const LIMIT: i64 = 1 << 53;
    if let (IntValue::Small(x), IntValue::Small(y)) = (a, b) {
        if x.abs() <= LIMIT && y.abs() <= LIMIT {
            return Ok(*x as f64 / *y as f64);
        }
    }
    use num_bigint::BigInt;
    use num_traits::{Signed, ToPrimitive, Zero};
    let (x, y) = (a.to_bigint(), b.to_bigint());
    let negative = x.is_negative() != y.is_negative();
    let (x, y) = (x.abs(), y.abs());
    if x.is_zero() {
        return Ok(if negative { -0.0 } else { 0.0 });
    }
    // Scale so that the quotient has 55+ significant bits, then round.
    let shift = 55i64 - (x.bits() as i64 - y.bits() as i64);
    let (num, den) = if shift >= 0 {
        (x << shift as usize, y)
    } else {
        (x, y << (-shift) as usize)
    };
    let q: BigInt = &num / &den;
    let r = &num % &den;
    let mut qf = q
        .to_f64()
        .ok_or("integer division result too large for a float")?;
    if !r.is_zero() {
        // Sticky bit so that rounding of the 55+-bit quotient is correct.
        let sticky: BigInt = q * 2u32 + 1u32;
        qf = sticky
            .to_f64()
            .ok_or("integer division result too large for a float")?
            / 2.0;
    }
    let v = qf * 2f64.powi(-shift as i32);
    if v.is_infinite() {
        return Err("integer division result too large for a float");
    }
    Ok(if negative { -v } else { v })
}
