//! The unpickler: a stack machine over the opcodes of protocols 0 to 5
//! (CPython's `Unpickler` in `Modules/_pickle.c`, with its error types and
//! messages for bad input).
//!
//! The machine has a value stack, a stack of marks (positions in the value
//! stack where a `MARK` was seen; opcodes such as `TUPLE` and `APPENDS`
//! take everything above the last mark), and the memo, indexed by the
//! numbers `PUT`/`MEMOIZE` gave. Popping below the last mark, or from an
//! empty stack, is an error, never a panic: `unexpected MARK found` or
//! `unpickling stack underflow`, as in CPython.
//!
//! Input is a bytes object (`loads`) or a file (`load`): the file is read
//! with its `read(n)` and `readline()`, a whole frame at a time when the
//! pickle is framed, and never past the `STOP` opcode, so that several
//! pickles written one after another on a pipe are read one by one.
//!
//! Not read: out-of-band buffers (`NEXT_BUFFER` with a `buffers`
//! argument) and the extension registry (`EXT1`..`EXT4`, which CPython refuses too unless
//! codes were registered).

use std::borrow::Cow;

use ftl_algorithms::int::IntValue;
use ftl_object::{HeapPolicy, Kind, ObjRef};
use num_bigint::BigInt;

use super::compat;
use super::opcodes::*;
use crate::interpreter::state::{ExcType, Kw, PyErr, PyResult, Vm};
use crate::objects::*;

/// What `loads` was asked for.
pub struct Options<P: HeapPolicy> {
    /// Map Python 2's module names to Python 3's below protocol 3.
    pub fix_imports: bool,
    /// How Python 2 `str` data decodes: an encoding, or `bytes`.
    pub encoding: Obj<P>,
    /// The decoding's error handler.
    pub errors: Obj<P>,
    /// A user `find_class(module, name)` overriding the default, if any.
    pub find_class: Option<Obj<P>>,
    /// `persistent_load(pid)`, if given.
    pub persistent_load: Option<Obj<P>>,
    /// The `UnpicklingError` class.
    pub error: Obj<P>,
}

/// Where the pickle comes from.
pub enum Input<'a, P: HeapPolicy> {
    /// An in-memory pickle (`loads`).
    Bytes {
        /// The pickle.
        data: &'a [u8],
        /// The next byte to read.
        pos: usize,
    },
    /// A file read with `read(n)` and `readline()` (`load`); `frame` holds
    /// the unread rest of the current frame.
    File {
        /// The file's bound `read`.
        read: Obj<P>,
        /// The file's bound `readline`.
        readline: Obj<P>,
        /// The current frame (empty outside frames).
        frame: Vec<u8>,
        /// The next byte of `frame` to read.
        pos: usize,
    },
}

/// One unpickling in progress.
pub struct Unpickler<'v, 'a, P: HeapPolicy> {
    vm: &'v Vm<P>,
    opts: Options<P>,
    input: Input<'a, P>,
    stack: Vec<Obj<P>>,
    marks: Vec<usize>,
    memo: Vec<Option<Obj<P>>>,
    proto: u8,
}

type R<P> = PyResult<Obj<P>, P>;

/// Memo indices beyond this many unused slots are refused rather than
/// allocated (a hostile `LONG_BINPUT` could ask for 4 billion).
const MEMO_GAP_LIMIT: usize = 1 << 20;

impl<'v, 'a, P: HeapPolicy> Unpickler<'v, 'a, P> {
    /// An unpickler over `input`.
    pub fn new(vm: &'v Vm<P>, opts: Options<P>, input: Input<'a, P>) -> Self {
        Unpickler {
            vm,
            opts,
            input,
            stack: Vec::with_capacity(16),
            marks: Vec::new(),
            memo: Vec::new(),
            proto: 0,
        }
    }

    // Errors
    // -----------------------------------------------------------------------

    fn error(&self, msg: impl Into<String>) -> PyErr<P> {
        PyErr(
            self.vm
                .make_exception(self.opts.error.clone(), vec![self.vm.new_str(msg.into())]),
        )
    }

    fn truncated(&self) -> PyErr<P> {
        self.error("pickle data was truncated")
    }

    // Input
    // -----------------------------------------------------------------------

    /// Exactly `n` bytes, or the truncation error: borrowed from an
    /// in-memory pickle, read from a file otherwise.
    fn read(&mut self, n: usize) -> PyResult<Cow<'a, [u8]>, P> {
        match &mut self.input {
            Input::Bytes { data, pos } => {
                let data: &'a [u8] = data;
                if data.len() - *pos < n {
                    return Err(self.truncated());
                }
                let out = &data[*pos..*pos + n];
                *pos += n;
                Ok(Cow::Borrowed(out))
            }
            Input::File { .. } => self.read_file(n).map(Cow::Owned),
        }
    }

    /// Exactly `N` bytes, without allocating.
    fn read_array<const N: usize>(&mut self) -> PyResult<[u8; N], P> {
        let b = self.read(N)?;
        Ok(b.as_ref().try_into().expect("N bytes"))
    }

    fn read_file(&mut self, n: usize) -> PyResult<Vec<u8>, P> {
        let vm = self.vm;
        let Input::File {
            read, frame, pos, ..
        } = &mut self.input
        else {
            unreachable!("file input")
        };
        let mut out = Vec::with_capacity(n);
        let from_frame = n.min(frame.len() - *pos);
        out.extend_from_slice(&frame[*pos..*pos + from_frame]);
        *pos += from_frame;
        if out.len() < n {
            let want = ObjRef::from_i64((n - out.len()) as i64);
            let got = vm.call(read, &[want], Kw::EMPTY)?;
            let Some(bytes) = got.as_bytes() else {
                return Err(vm.type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    vm.type_name(&got)
                )));
            };
            out.extend_from_slice(bytes);
        }
        if out.len() < n {
            return Err(self.truncated());
        }
        Ok(out)
    }

    /// The next opcode, or `None` at the end of the input.
    fn read_opcode(&mut self) -> PyResult<Option<u8>, P> {
        if let Input::Bytes { data, pos } = &mut self.input {
            let op = data.get(*pos).copied();
            *pos += op.is_some() as usize;
            return Ok(op);
        }
        match self.read_file(1) {
            Ok(b) => Ok(Some(b[0])),
            Err(e) if self.vm.isinstance(&e.0, &self.opts.error) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// A line, without its `\n`.
    fn readline(&mut self) -> PyResult<Vec<u8>, P> {
        match &mut self.input {
            Input::Bytes { data, pos } => {
                let rest = &data[*pos..];
                let Some(end) = rest.iter().position(|&b| b == b'\n') else {
                    return Err(self.truncated());
                };
                let line = rest[..end].to_vec();
                *pos += end + 1;
                Ok(line)
            }
            Input::File {
                readline,
                frame,
                pos,
                ..
            } => {
                let rest = &frame[*pos..];
                if let Some(end) = rest.iter().position(|&b| b == b'\n') {
                    let line = rest[..end].to_vec();
                    *pos += end + 1;
                    return Ok(line);
                }
                let mut line = rest.to_vec();
                *pos = frame.len();
                let readline = readline.clone();
                let got = self.vm.call(&readline, &[], Kw::EMPTY)?;
                line.extend_from_slice(got.as_bytes().unwrap_or(&[]));
                match line.pop() {
                    Some(b'\n') => Ok(line),
                    _ => Err(self.truncated()),
                }
            }
        }
    }

    fn read_u32(&mut self) -> PyResult<u32, P> {
        Ok(u32::from_le_bytes(self.read_array()?))
    }

    fn read_u64(&mut self) -> PyResult<u64, P> {
        Ok(u64::from_le_bytes(self.read_array()?))
    }

    /// A size read as `u64`, checked against what this machine can hold.
    fn size(&self, n: u64) -> PyResult<usize, P> {
        usize::try_from(n)
            .ok()
            .filter(|n| *n <= isize::MAX as usize)
            .ok_or_else(|| self.error("pickle data size exceeds the maximum"))
    }

    // The stacks
    // -----------------------------------------------------------------------

    fn push(&mut self, o: Obj<P>) {
        self.stack.push(o);
    }

    fn fence(&self) -> usize {
        self.marks.last().copied().unwrap_or(0)
    }

    fn underflow(&self) -> PyErr<P> {
        if self.marks.is_empty() {
            self.error("unpickling stack underflow")
        } else {
            self.error("unexpected MARK found")
        }
    }

    fn pop(&mut self) -> R<P> {
        if self.stack.len() <= self.fence() {
            return Err(self.underflow());
        }
        Ok(self.stack.pop().expect("checked"))
    }

    fn top(&self) -> R<P> {
        if self.stack.len() <= self.fence() {
            return Err(self.underflow());
        }
        Ok(self.stack.last().expect("checked").clone())
    }

    /// Everything above the last mark, which is removed.
    fn pop_mark(&mut self) -> PyResult<Vec<Obj<P>>, P> {
        let Some(mark) = self.marks.pop() else {
            return Err(self.error("could not find MARK"));
        };
        Ok(self.stack.split_off(mark))
    }

    // The memo
    // -----------------------------------------------------------------------

    fn memo_put(&mut self, idx: usize, value: Obj<P>) -> PyResult<(), P> {
        if idx >= self.memo.len() {
            if idx - self.memo.len() > MEMO_GAP_LIMIT {
                return Err(self.error(format!("memo index {idx} is out of the range ftl allows")));
            }
            self.memo.resize(idx + 1, None);
        }
        self.memo[idx] = Some(value);
        Ok(())
    }

    fn memo_get(&mut self, idx: usize) -> PyResult<(), P> {
        match self.memo.get(idx).cloned().flatten() {
            Some(v) => {
                self.push(v);
                Ok(())
            }
            None => Err(self.error(format!("Memo value not found at index {idx}"))),
        }
    }

    fn text_index(&mut self, what: &str) -> PyResult<usize, P> {
        let line = self.readline()?;
        let text = String::from_utf8_lossy(&line);
        let n: i64 = text.trim().parse().map_err(|_| {
            self.vm
                .value_error(format!("invalid literal for int() with base 10: {text:?}"))
        })?;
        usize::try_from(n).map_err(|_| self.vm.value_error(format!("negative {what} argument")))
    }

    // The machine
    // -----------------------------------------------------------------------

    /// Runs until `STOP`; the object on top of the stack then.
    pub fn load(mut self) -> R<P> {
        loop {
            let Some(op) = self.read_opcode()? else {
                return Err(self.vm.new_error(ExcType::EOFError, "Ran out of input"));
            };
            if op == STOP {
                return self.pop();
            }
            self.step(op)?;
        }
    }

    fn step(&mut self, op: u8) -> PyResult<(), P> {
        let vm = self.vm;
        match op {
            PROTO => {
                let p = self.read_array::<1>()?[0];
                if p as i64 > HIGHEST_PROTOCOL {
                    return Err(vm.value_error(format!("unsupported pickle protocol: {p}")));
                }
                self.proto = p;
            }
            FRAME => {
                let n = self.read_u64()?;
                let n = self.size(n)?;
                match &mut self.input {
                    Input::Bytes { data, pos } => {
                        if data.len() - *pos < n {
                            return Err(self.truncated());
                        }
                    }
                    Input::File { .. } => {
                        let frame = self.read_file(n)?;
                        if let Input::File { frame: f, pos, .. } = &mut self.input {
                            *f = frame;
                            *pos = 0;
                        }
                    }
                }
            }
            MARK => self.marks.push(self.stack.len()),
            POP => {
                if self.stack.len() > self.fence() {
                    self.stack.pop();
                } else if let Some(mark) = self.marks.pop() {
                    // POP right after a MARK drops the mark (CPython).
                    self.stack.truncate(mark);
                } else {
                    return Err(self.underflow());
                }
            }
            POP_MARK => {
                self.pop_mark()?;
            }
            DUP => {
                let t = self.top()?;
                self.push(t);
            }
            NONE => self.push(ObjRef::none()),
            NEWTRUE => self.push(ObjRef::from_bool(true)),
            NEWFALSE => self.push(ObjRef::from_bool(false)),
            INT => {
                let line = self.readline()?;
                let v = match line.as_slice() {
                    b"01" => ObjRef::from_bool(true),
                    b"00" => ObjRef::from_bool(false),
                    text => self.parse_int(text)?,
                };
                self.push(v);
            }
            LONG => {
                let mut line = self.readline()?;
                if line.last() == Some(&b'L') {
                    line.pop();
                }
                let v = self.parse_int(&line)?;
                self.push(v);
            }
            BININT => {
                let v = i32::from_le_bytes(self.read_array()?);
                self.push(ObjRef::from_i64(v as i64));
            }
            BININT1 => {
                let b = self.read_array::<1>()?[0];
                self.push(ObjRef::from_i64(b as i64));
            }
            BININT2 => {
                let v = u16::from_le_bytes(self.read_array()?);
                self.push(ObjRef::from_i64(v as i64));
            }
            LONG1 => {
                let n = self.read_array::<1>()?[0] as usize;
                let b = self.read(n)?;
                self.push(ObjRef::from_int(IntValue::from_bigint(
                    BigInt::from_signed_bytes_le(&b),
                )));
            }
            LONG4 => {
                let n = i32::from_le_bytes(self.read_array()?);
                if n < 0 {
                    return Err(self.error("LONG pickle has negative byte count"));
                }
                let b = self.read(n as usize)?;
                self.push(ObjRef::from_int(IntValue::from_bigint(
                    BigInt::from_signed_bytes_le(&b),
                )));
            }
            FLOAT => {
                let line = self.readline()?;
                let text = String::from_utf8_lossy(&line);
                let v: f64 =
                    crate::builtins::constructors::parse_float(text.trim()).ok_or_else(|| {
                        vm.value_error(format!("could not convert string to float: '{text}'"))
                    })?;
                self.push(ObjRef::from_f64(v));
            }
            BINFLOAT => {
                let v = f64::from_be_bytes(self.read_array()?);
                self.push(ObjRef::from_f64(v));
            }
            STRING => {
                let line = self.readline()?;
                let mut s = line.as_slice();
                while let Some((last, rest)) = s.split_last() {
                    if last.is_ascii_whitespace() {
                        s = rest;
                    } else {
                        break;
                    }
                }
                let quoted =
                    s.len() >= 2 && s[0] == s[s.len() - 1] && (s[0] == b'\'' || s[0] == b'"');
                if !quoted {
                    return Err(self.error("the STRING opcode argument must be quoted"));
                }
                let raw = escape_decode(&s[1..s.len() - 1])
                    .ok_or_else(|| vm.value_error("invalid \\x escape in STRING"))?;
                let v = self.decode_py2_str(raw)?;
                self.push(v);
            }
            BINSTRING => {
                let n = i32::from_le_bytes(self.read_array()?);
                if n < 0 {
                    return Err(self.error("BINSTRING pickle has negative byte count"));
                }
                let raw = self.read(n as usize)?.into_owned();
                let v = self.decode_py2_str(raw)?;
                self.push(v);
            }
            SHORT_BINSTRING => {
                let n = self.read_array::<1>()?[0] as usize;
                let raw = self.read(n)?.into_owned();
                let v = self.decode_py2_str(raw)?;
                self.push(v);
            }
            UNICODE => {
                let line = self.readline()?;
                let s = raw_unicode_unescape(&line).ok_or_else(|| {
                    vm.new_error(
                        ExcType::UnicodeDecodeError,
                        "'rawunicodeescape' codec can't decode bytes: truncated \\uXXXX escape",
                    )
                })?;
                self.push(ObjRef::from_string(s));
            }
            SHORT_BINUNICODE => {
                let n = self.read_array::<1>()?[0] as usize;
                self.push_utf8(n)?;
            }
            BINUNICODE => {
                let n = self.read_u32()? as usize;
                self.push_utf8(n)?;
            }
            BINUNICODE8 => {
                let n = self.read_u64()?;
                let n = self.size(n)?;
                self.push_utf8(n)?;
            }
            SHORT_BINBYTES => {
                let n = self.read_array::<1>()?[0] as usize;
                let b = self.read(n)?;
                self.push(ObjRef::new_bytes(&b));
            }
            BINBYTES => {
                let n = self.read_u32()? as usize;
                let b = self.read(n)?;
                self.push(ObjRef::new_bytes(&b));
            }
            BINBYTES8 => {
                let n = self.read_u64()?;
                let n = self.size(n)?;
                let b = self.read(n)?;
                self.push(ObjRef::new_bytes(&b));
            }
            BYTEARRAY8 => {
                let n = self.read_u64()?;
                let n = self.size(n)?;
                let b = self.read(n)?.into_owned();
                self.push(ObjRef::new_bytearray(b));
            }
            NEXT_BUFFER => {
                return Err(self.error(
                    "pickle stream refers to out-of-band data but no *buffers* argument was given",
                ));
            }
            READONLY_BUFFER => {
                self.top()?;
            }
            EMPTY_TUPLE => self.push(ObjRef::new_tuple(vec![])),
            TUPLE => {
                let items = self.pop_mark()?;
                self.push(ObjRef::new_tuple(items));
            }
            TUPLE1 | TUPLE2 | TUPLE3 => {
                let n = (op - TUPLE1 + 1) as usize;
                if self.stack.len() < self.fence() + n {
                    return Err(self.underflow());
                }
                let items = self.stack.split_off(self.stack.len() - n);
                self.push(ObjRef::new_tuple(items));
            }
            EMPTY_LIST => self.push(ObjRef::new_list(vec![])),
            LIST => {
                let items = self.pop_mark()?;
                self.push(ObjRef::new_list(items));
            }
            EMPTY_DICT => self.push(ObjRef::new_dict()),
            DICT => {
                let items = self.pop_mark()?;
                if items.len() % 2 != 0 {
                    return Err(self.error("odd number of items for DICT"));
                }
                let d = ObjRef::new_dict();
                for pair in items.chunks(2) {
                    vm.dict_set(&d, pair[0].clone(), pair[1].clone())?;
                }
                self.push(d);
            }
            EMPTY_SET => self.push(ObjRef::new_set()),
            FROZENSET => {
                let items = self.pop_mark()?;
                let set = ObjRef::new_set();
                for item in items {
                    vm.set_add(&set, item)?;
                }
                self.push(vm.frozenset_from_set(&set));
            }
            APPEND => {
                let v = self.pop()?;
                let list = self.top()?;
                self.append_items(&list, vec![v])?;
            }
            APPENDS => {
                let items = self.pop_mark()?;
                let list = self.top()?;
                self.append_items(&list, items)?;
            }
            SETITEM => {
                let v = self.pop()?;
                let k = self.pop()?;
                let d = self.top()?;
                self.set_items(&d, vec![k, v])?;
            }
            SETITEMS => {
                let items = self.pop_mark()?;
                if items.len() % 2 != 0 {
                    return Err(self.error("odd number of items for SETITEMS"));
                }
                let d = self.top()?;
                self.set_items(&d, items)?;
            }
            ADDITEMS => {
                let items = self.pop_mark()?;
                let s = self.top()?;
                if s.kind() == Kind::Set {
                    for item in items {
                        vm.set_add(&s, item)?;
                    }
                } else {
                    let add = vm.getattr(&s, &vm.intern("add"))?;
                    for item in items {
                        vm.call(&add, &[item], Kw::EMPTY)?;
                    }
                }
            }
            GET => {
                let idx = self.text_index("GET")?;
                self.memo_get(idx)?;
            }
            BINGET => {
                let idx = self.read_array::<1>()?[0] as usize;
                self.memo_get(idx)?;
            }
            LONG_BINGET => {
                let idx = self.read_u32()? as usize;
                self.memo_get(idx)?;
            }
            PUT => {
                let idx = self.text_index("PUT")?;
                let v = self.top()?;
                self.memo_put(idx, v)?;
            }
            BINPUT => {
                let idx = self.read_array::<1>()?[0] as usize;
                let v = self.top()?;
                self.memo_put(idx, v)?;
            }
            LONG_BINPUT => {
                let idx = self.read_u32()? as usize;
                let v = self.top()?;
                self.memo_put(idx, v)?;
            }
            MEMOIZE => {
                let v = self.top()?;
                let idx = self.memo.len();
                self.memo_put(idx, v)?;
            }
            GLOBAL => {
                let module = self.readline()?;
                let name = self.readline()?;
                let (Ok(module), Ok(name)) = (String::from_utf8(module), String::from_utf8(name))
                else {
                    return Err(vm.new_error(
                        ExcType::UnicodeDecodeError,
                        "'utf-8' codec can't decode GLOBAL name",
                    ));
                };
                let cls = self.find_class(&module, &name)?;
                self.push(cls);
            }
            STACK_GLOBAL => {
                let name = self.pop()?;
                let module = self.pop()?;
                let (Some(m), Some(n)) = (module.as_str(), name.as_str()) else {
                    return Err(self.error("STACK_GLOBAL requires str"));
                };
                let cls = self.find_class(m, n)?;
                self.push(cls);
            }
            REDUCE => {
                let args = self.pop()?;
                let func = self.pop()?;
                let Some(items) = args.as_tuple() else {
                    return Err(vm.type_error("argument list must be a tuple"));
                };
                let v = vm.call(&func, items, Kw::EMPTY)?;
                self.push(v);
            }
            NEWOBJ => {
                let args = self.pop()?;
                let cls = self.pop()?;
                let v = self.new_object("NEWOBJ", &cls, &args, None)?;
                self.push(v);
            }
            NEWOBJ_EX => {
                let kwargs = self.pop()?;
                let args = self.pop()?;
                let cls = self.pop()?;
                let v = self.new_object("NEWOBJ_EX", &cls, &args, Some(&kwargs))?;
                self.push(v);
            }
            BUILD => {
                let state = self.pop()?;
                let inst = self.top()?;
                self.build(&inst, state)?;
            }
            INST => {
                let module = String::from_utf8_lossy(&self.readline()?).into_owned();
                let name = String::from_utf8_lossy(&self.readline()?).into_owned();
                let args = self.pop_mark()?;
                let cls = self.find_class(&module, &name)?;
                let v = self.instantiate(&cls, args)?;
                self.push(v);
            }
            OBJ => {
                let mut items = self.pop_mark()?;
                if items.is_empty() {
                    return Err(self.underflow());
                }
                let cls = items.remove(0);
                let v = self.instantiate(&cls, items)?;
                self.push(v);
            }
            PERSID => {
                let line = self.readline()?;
                let Ok(pid) = String::from_utf8(line) else {
                    return Err(self.error("persistent IDs in protocol 0 must be ASCII strings"));
                };
                let v = self.persistent_load(ObjRef::from_string(pid))?;
                self.push(v);
            }
            BINPERSID => {
                let pid = self.pop()?;
                let v = self.persistent_load(pid)?;
                self.push(v);
            }
            EXT1 | EXT2 | EXT4 => {
                let code = match op {
                    EXT1 => self.read_array::<1>()?[0] as u32,
                    EXT2 => u16::from_le_bytes(self.read_array()?) as u32,
                    _ => self.read_u32()?,
                };
                return Err(vm.value_error(format!("unregistered extension code {code}")));
            }
            other => {
                let shown = if other.is_ascii_graphic() || other == b' ' {
                    format!("'{}'", other as char)
                } else {
                    format!("'\\x{other:02x}'")
                };
                return Err(self.error(format!("invalid load key, {shown}.")));
            }
        }
        Ok(())
    }

    fn push_utf8(&mut self, n: usize) -> PyResult<(), P> {
        let b = self.read(n)?;
        match std::str::from_utf8(&b) {
            Ok(s) => {
                let s = ObjRef::new_str(s);
                self.push(s);
                Ok(())
            }
            Err(e) => Err(self.vm.new_error(
                ExcType::UnicodeDecodeError,
                format!(
                    "'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte",
                    b[e.valid_up_to()],
                    e.valid_up_to()
                ),
            )),
        }
    }

    fn parse_int(&self, text: &[u8]) -> R<P> {
        let s = String::from_utf8_lossy(text);
        let t = s.trim();
        let (neg, digits) = match t.strip_prefix('-') {
            Some(d) => (true, d),
            None => (false, t.strip_prefix('+').unwrap_or(t)),
        };
        let parsed = if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            digits.parse::<BigInt>().ok()
        } else {
            None
        };
        match parsed {
            Some(v) => Ok(ObjRef::from_int(IntValue::from_bigint(if neg {
                -v
            } else {
                v
            }))),
            None => Err(self.vm.value_error("could not convert string to int")),
        }
    }

    /// A Python 2 `str`: bytes, or text in the requested encoding.
    fn decode_py2_str(&self, raw: Vec<u8>) -> R<P> {
        let vm = self.vm;
        let bytes = ObjRef::new_bytes(&raw);
        if self.opts.encoding.as_str() == Some("bytes") {
            return Ok(bytes);
        }
        let decode = vm.getattr(&bytes, &vm.intern("decode"))?;
        vm.call(
            &decode,
            &[self.opts.encoding.clone(), self.opts.errors.clone()],
            Kw::EMPTY,
        )
    }

    fn append_items(&self, list: &Obj<P>, items: Vec<Obj<P>>) -> PyResult<(), P> {
        let vm = self.vm;
        if let Some(l) = list.as_list() {
            l.extend(items);
            return Ok(());
        }
        if let Some(extend) = vm.getattr_opt(list, &vm.intern("extend"))? {
            vm.call(&extend, &[ObjRef::new_list(items)], Kw::EMPTY)?;
            return Ok(());
        }
        let append = vm.getattr(list, &vm.intern("append"))?;
        for item in items {
            vm.call(&append, &[item], Kw::EMPTY)?;
        }
        Ok(())
    }

    fn set_items(&self, d: &Obj<P>, items: Vec<Obj<P>>) -> PyResult<(), P> {
        let vm = self.vm;
        let mut it = items.into_iter();
        while let (Some(k), Some(v)) = (it.next(), it.next()) {
            if d.kind() == Kind::Dict {
                vm.dict_set(d, k, v)?;
            } else {
                vm.setitem(d, k, v)?;
            }
        }
        Ok(())
    }

    /// The class `module.name` (through the user's `find_class` if given;
    /// Python 2 names mapped below protocol 3 otherwise).
    fn find_class(&self, module: &str, name: &str) -> R<P> {
        let vm = self.vm;
        if let Some(f) = &self.opts.find_class {
            return vm.call(f, &[vm.new_str(module), vm.new_str(name)], Kw::EMPTY);
        }
        find_class(vm, module, name, self.proto, self.opts.fix_imports)
    }

    /// `cls.__new__(cls, *args, **kwargs)` for NEWOBJ / NEWOBJ_EX.
    fn new_object(&self, op: &str, cls: &Obj<P>, args: &Obj<P>, kwargs: Option<&Obj<P>>) -> R<P> {
        let vm = self.vm;
        if !cls.is::<Class<P>>() {
            return Err(self.error(format!(
                "{op} class argument must be a type, not {}",
                vm.type_name(cls)
            )));
        }
        let Some(items) = args.as_tuple() else {
            return Err(self.error(format!(
                "{op} args argument must be a tuple, not {}",
                vm.type_name(args)
            )));
        };
        let new = vm.getattr(cls, &vm.intern("__new__"))?;
        let mut call_args = Vec::with_capacity(items.len() + 1);
        call_args.push(cls.clone());
        call_args.extend(items.iter().cloned());
        let Some(kwargs) = kwargs else {
            return vm.call(&new, &call_args, Kw::EMPTY);
        };
        let Some(d) = kwargs.as_dict() else {
            return Err(self.error(format!(
                "{op} kwargs argument must be a dict, not {}",
                vm.type_name(kwargs)
            )));
        };
        let (names, values): (Vec<_>, Vec<_>) = d.items().into_iter().unzip();
        vm.call(
            &new,
            &call_args,
            Kw {
                names: &names,
                values: &values,
            },
        )
    }

    /// INST and OBJ (protocols 0 and 1): `cls(*args)`, or a bare
    /// instance when there are no arguments (CPython's `_instantiate`).
    fn instantiate(&self, cls: &Obj<P>, args: Vec<Obj<P>>) -> R<P> {
        let vm = self.vm;
        let plain_class = cls.is::<Class<P>>()
            && vm
                .getattr_opt(cls, &vm.intern("__getinitargs__"))?
                .is_none();
        if args.is_empty() && plain_class {
            let new = vm.getattr(cls, &vm.intern("__new__"))?;
            return vm.call(&new, std::slice::from_ref(cls), Kw::EMPTY);
        }
        vm.call(cls, &args, Kw::EMPTY)
    }

    /// BUILD: `inst.__setstate__(state)`, or the state's items stored in
    /// `inst.__dict__` (and a slot state's with `setattr`).
    fn build(&self, inst: &Obj<P>, state: Obj<P>) -> PyResult<(), P> {
        let vm = self.vm;
        if let Some(setstate) = vm.getattr_opt(inst, &vm.intern("__setstate__"))? {
            vm.call(&setstate, &[state], Kw::EMPTY)?;
            return Ok(());
        }
        let (state, slotstate) = match state.as_tuple() {
            Some([s, slots]) => (s.clone(), Some(slots.clone())),
            _ => (state.clone(), None),
        };
        if !state.is_none() {
            let Some(items) = state.as_dict().map(|d| d.items()) else {
                return Err(self.error("state is not a dictionary"));
            };
            let dict = vm.getattr(inst, &vm.intern("__dict__"))?;
            for (k, v) in items {
                let k = match k.as_str() {
                    Some(s) => vm.intern(s),
                    None => k,
                };
                vm.setitem(&dict, k, v)?;
            }
        }
        if let Some(slots) = slotstate.filter(|s| !s.is_none()) {
            let Some(items) = slots.as_dict().map(|d| d.items()) else {
                return Err(self.error("slot state is not a dictionary"));
            };
            for (k, v) in items {
                vm.setattr(inst, &k, v)?;
            }
        }
        Ok(())
    }

    fn persistent_load(&self, pid: Obj<P>) -> R<P> {
        let vm = self.vm;
        match &self.opts.persistent_load {
            Some(f) => vm.call(f, &[pid], Kw::EMPTY),
            None => Err(self.error(
                "A load persistent id instruction was encountered,\nbut no persistent_load function was specified.",
            )),
        }
    }
}

/// The default `find_class`: imports `module` and walks the dotted `name`
/// (dotted names from protocol 4), after mapping Python 2's names below
/// protocol 3 when `fix_imports`.
pub fn find_class<P: HeapPolicy>(
    vm: &Vm<P>,
    module: &str,
    name: &str,
    proto: u8,
    fix_imports: bool,
) -> R<P> {
    let (mut module, mut name) = (module, name);
    if proto < 3 && fix_imports {
        if let Some((m, n)) = compat::find(compat::NAME_MAPPING, (module, name)) {
            (module, name) = (m, n);
        } else if let Some(m) = compat::find(compat::IMPORT_MAPPING, module) {
            module = m;
        }
    }
    let m = vm.import(&vm.intern(module))?;
    let not_found = || -> PyResult<PyErr<P>, P> {
        Ok(vm.attribute_error(format!("Can't get attribute '{name}' on {}", vm.repr(&m)?)))
    };
    if proto >= 4 {
        let mut found = m.clone();
        for part in name.split('.') {
            if part == "<locals>" {
                return Err(vm.attribute_error(format!(
                    "Can't get local attribute '{name}' on {}",
                    vm.repr(&m)?
                )));
            }
            found = match vm.getattr_opt(&found, &vm.intern(part))? {
                Some(v) => v,
                None => return Err(not_found()?),
            };
        }
        return Ok(found);
    }
    match vm.getattr_opt(&m, &vm.intern(name))? {
        Some(v) => Ok(v),
        None => Err(not_found()?),
    }
}

/// Python 2's string escapes (`codecs.escape_decode`) inside a `STRING`
/// argument; `None` for a bad `\x` escape.
fn escape_decode(s: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        i += 1;
        if c != b'\\' || i == s.len() {
            out.push(c);
            continue;
        }
        let e = s[i];
        i += 1;
        match e {
            b'\n' => {}
            b'\\' | b'\'' | b'"' => out.push(e),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                for _ in 0..2 {
                    match s.get(i) {
                        Some(d @ b'0'..=b'7') => {
                            v = v * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push(v as u8);
            }
            b'x' => {
                let hex = s.get(i..i + 2)?;
                let v = u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
                out.push(v);
                i += 2;
            }
            other => {
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    Some(out)
}

/// `raw-unicode-escape` decoding: `\uXXXX` and `\UXXXXXXXX` escapes, every
/// other byte a Latin-1 character.
fn raw_unicode_unescape(s: &[u8]) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        // An escape needs an odd run of backslashes before the `u`.
        if c == b'\\' && matches!(s.get(i + 1), Some(b'u' | b'U')) {
            let width = if s[i + 1] == b'u' { 4 } else { 8 };
            let hex = s.get(i + 2..i + 2 + width)?;
            let cp = u32::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
            out.push(char::from_u32(cp)?);
            i += 2 + width;
            continue;
        }
        out.push(c as char);
        i += 1;
    }
    Some(out)
}
