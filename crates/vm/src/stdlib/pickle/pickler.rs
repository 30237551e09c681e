//! The pickler: a Python object graph to the opcodes of protocol 0 to 5.
//!
//! It makes the same choices as CPython 3.11's C pickler
//! (`Modules/_pickle.c`), so that `ftl`'s `pickle.dumps(x, p)` gives the
//! same bytes as `python3`'s for the kinds it supports (the compatibility
//! test compares them byte for byte):
//!
//! * **Memo**: every object that can be shared (str, bytes, tuples, lists,
//!   dicts, sets, globals, reduced instances) is remembered by identity
//!   when first written (`MEMOIZE` from protocol 4, `BINPUT`/`LONG_BINPUT`
//!   from 1, `PUT` at 0); a second reference is a `BINGET`/`GET`. The memo
//!   holds a reference to each object, so no address is reused while the
//!   pickle is made. A tuple that refers to itself through a list is
//!   caught after its items are written: they are popped and the memoized
//!   tuple fetched instead (`POP_MARK` + `GET`).
//! * **Batches**: list, dict and set items go in batches of 1000
//!   (`APPENDS`/`SETITEMS`/`ADDITEMS` after a `MARK`; a frozenset's all at
//!   once before `FROZENSET`); a list or dict of
//!   exactly one item uses `APPEND`/`SETITEM`.
//! * **Frames** (protocol 4 and later): the output is cut into frames of
//!   about 64 KiB, each behind a `FRAME` opcode with its length; a frame
//!   shorter than 4 bytes loses its header; a str or bytes payload of 64
//!   KiB or more is written between frames, so that a reader can read it
//!   straight into place.
//! * **Integers** that fit in 32 bits take `BININT1`/`BININT2`/`BININT`;
//!   larger ones `LONG1`/`LONG4` (two's complement, little-endian) from
//!   protocol 2, `LONG` text before.
//! * **Globals** (classes, functions, built-in functions) are written by
//!   reference, `module` and `__qualname__`, after checking that importing
//!   them gives back the same object (`STACK_GLOBAL` from protocol 4,
//!   `GLOBAL` before, with Python 2's names under `fix_imports` below
//!   protocol 3, and a `getattr` reduction for a nested name below 4).
//! * **Everything else** is asked for `__reduce_ex__(protocol)` (or the
//!   `dispatch_table`'s reducer for its type) and written from the tuple
//!   it returns: `NEWOBJ`/`NEWOBJ_EX` for `copyreg.__newobj__`, `REDUCE`
//!   otherwise, then `BUILD` with the state.
//!
//! Not written: out-of-band buffers (`buffer_callback`), the extension
//! registry (`EXT1`..`EXT4`), and `reducer_override`.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use ftl_object::{HeapPolicy, Kind, ObjRef};

use super::compat;
use super::opcodes::*;
use crate::interpreter::state::{ExcType, Kw, PyErr, PyResult, Vm};
use crate::objects::*;

/// What `dumps` was asked for.
pub struct Options<P: HeapPolicy> {
    /// The protocol, 0 to 5.
    pub proto: u8,
    /// Write Python 2's module names below protocol 3.
    pub fix_imports: bool,
    /// `persistent_id(obj)`, if given.
    pub persistent_id: Option<Obj<P>>,
    /// A dict from type to reducer, if given.
    pub dispatch_table: Option<Obj<P>>,
    /// The `PicklingError` class.
    pub error: Obj<P>,
}

/// Hashes the memo's keys, object addresses: one multiply (Fibonacci
/// hashing) instead of SipHash, which showed in profiles. Addresses are
/// not chosen by the pickled data, so there is nothing to defend against.
#[derive(Default)]
struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | b as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

type Memo<P> = HashMap<usize, (u32, Obj<P>), BuildHasherDefault<AddressHasher>>;

/// One pickling in progress.
pub struct Pickler<'v, P: HeapPolicy> {
    vm: &'v Vm<P>,
    opts: Options<P>,
    out: Vec<u8>,
    /// Where the current frame's reserved header starts, when framing.
    frame_start: Option<usize>,
    /// Object address -> (memo index, the object, kept alive).
    memo: Memo<P>,
    /// The one-character latin-1 strs this pickler made for reductions of
    /// bytes below protocol 3, one object per character: CPython's are
    /// singletons, so a second one is a memo hit there, and must be here.
    singletons: HashMap<u8, Obj<P>>,
}

type Res<P> = PyResult<(), P>;

impl<'v, P: HeapPolicy> Pickler<'v, P> {
    /// A pickler writing into a new buffer.
    pub fn new(vm: &'v Vm<P>, opts: Options<P>) -> Self {
        Pickler {
            vm,
            opts,
            out: Vec::with_capacity(64),
            frame_start: None,
            memo: Memo::default(),
            singletons: HashMap::new(),
        }
    }

    /// The whole pickle of `obj`: protocol header, the object, `STOP`.
    pub fn dump(mut self, obj: &Obj<P>) -> PyResult<Vec<u8>, P> {
        if self.opts.proto >= 2 {
            self.out.extend([PROTO, self.opts.proto]);
        }
        if self.opts.proto >= 4 {
            self.start_frame();
        }
        self.save(obj, false)?;
        self.out.push(STOP);
        self.commit_frame();
        Ok(self.out)
    }

    // Frames
    // -----------------------------------------------------------------------

    fn start_frame(&mut self) {
        self.frame_start = Some(self.out.len());
        self.out.extend([0u8; FRAME_HEADER_SIZE]);
    }

    /// Closes the current frame: fills in its header, or removes the
    /// header of a frame too short to need one.
    fn commit_frame(&mut self) {
        let Some(start) = self.frame_start.take() else {
            return;
        };
        let len = self.out.len() - start - FRAME_HEADER_SIZE;
        if len >= FRAME_SIZE_MIN {
            self.out[start] = FRAME;
            self.out[start + 1..start + FRAME_HEADER_SIZE]
                .copy_from_slice(&(len as u64).to_le_bytes());
        } else {
            self.out.drain(start..start + FRAME_HEADER_SIZE);
        }
    }

    /// After each object: a full frame is closed and a new one begun.
    fn opcode_boundary(&mut self) {
        if let Some(start) = self.frame_start {
            if self.out.len() - start - FRAME_HEADER_SIZE >= FRAME_SIZE_TARGET {
                self.commit_frame();
                self.start_frame();
            }
        }
    }

    /// An opcode with its argument bytes and a payload; a large payload
    /// goes between frames.
    fn write_payload(&mut self, header: &[u8], payload: &[u8]) {
        if self.frame_start.is_some() && payload.len() >= FRAME_SIZE_TARGET {
            self.commit_frame();
            self.out.extend_from_slice(header);
            self.out.extend_from_slice(payload);
            self.start_frame();
        } else {
            self.out.extend_from_slice(header);
            self.out.extend_from_slice(payload);
        }
    }

    // The memo
    // -----------------------------------------------------------------------

    fn memo_put(&mut self, obj: &Obj<P>) {
        let idx = self.memo.len() as u32;
        self.memo.insert(obj.addr(), (idx, obj.clone()));
        if self.opts.proto >= 4 {
            self.out.push(MEMOIZE);
        } else if self.opts.proto >= 1 {
            if idx < 256 {
                self.out.extend([BINPUT, idx as u8]);
            } else {
                self.out.push(LONG_BINPUT);
                self.out.extend(idx.to_le_bytes());
            }
        } else {
            self.out.push(PUT);
            self.out.extend(format!("{idx}\n").bytes());
        }
    }

    fn memo_index(&self, obj: &Obj<P>) -> Option<u32> {
        self.memo.get(&obj.addr()).map(|(i, _)| *i)
    }

    fn memo_get(&mut self, idx: u32) {
        if self.opts.proto >= 1 {
            if idx < 256 {
                self.out.extend([BINGET, idx as u8]);
            } else {
                self.out.push(LONG_BINGET);
                self.out.extend(idx.to_le_bytes());
            }
        } else {
            self.out.push(GET);
            self.out.extend(format!("{idx}\n").bytes());
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

    // save
    // -----------------------------------------------------------------------

    /// Writes `obj` (CPython's `save`), one recursion level deeper.
    fn save(&mut self, obj: &Obj<P>, pers_save: bool) -> Res<P> {
        let vm = self.vm;
        let depth = vm.depth.get() + 1;
        if depth
            > vm.interp
                .recursion_limit
                .load(core::sync::atomic::Ordering::Relaxed)
            || vm.stack_exhausted()
        {
            return Err(vm.new_error(
                ExcType::RecursionError,
                "maximum recursion depth exceeded while pickling an object",
            ));
        }
        vm.depth.set(depth);
        let r = self.save_inner(obj, pers_save);
        vm.depth.set(depth - 1);
        r?;
        self.opcode_boundary();
        Ok(())
    }

    fn save_inner(&mut self, obj: &Obj<P>, pers_save: bool) -> Res<P> {
        let vm = self.vm;
        if !pers_save {
            if let Some(pid_fn) = self.opts.persistent_id.clone() {
                let pid = vm.call(&pid_fn, std::slice::from_ref(obj), Kw::EMPTY)?;
                if !pid.is_none() {
                    return self.save_pers(&pid);
                }
            }
        }
        match obj.kind() {
            Kind::None => {
                self.out.push(NONE);
                return Ok(());
            }
            Kind::Bool => {
                let b = obj.as_bool().expect("bool");
                if self.opts.proto >= 2 {
                    self.out.push(if b { NEWTRUE } else { NEWFALSE });
                } else {
                    self.out
                        .extend_from_slice(if b { b"I01\n" } else { b"I00\n" });
                }
                return Ok(());
            }
            Kind::Int => return self.save_long(obj),
            Kind::Float => return self.save_float(obj),
            _ => {}
        }
        if let Some(idx) = self.memo_index(obj) {
            self.memo_get(idx);
            return Ok(());
        }
        match obj.kind() {
            Kind::Str => return self.save_str(obj),
            Kind::Bytes => return self.save_bytes(obj),
            Kind::Tuple => return self.save_tuple(obj),
            Kind::List => return self.save_list(obj),
            Kind::Dict => return self.save_dict(obj),
            Kind::Set => return self.save_set(obj),
            Kind::FrozenSet => return self.save_frozenset(obj),
            Kind::ByteArray => return self.save_bytearray(obj),
            _ => {}
        }
        // Classes and functions are written by name before any reducer
        // is asked (CPython's order in `save`).
        if obj.is::<Class<P>>() || obj.is::<Function<P>>() {
            return self.save_global(obj, None);
        }
        self.save_by_reduce(obj)
    }

    /// `persistent_id` gave an id: `BINPERSID` (or `PERSID` and its text).
    fn save_pers(&mut self, pid: &Obj<P>) -> Res<P> {
        if self.opts.proto >= 1 {
            self.save(pid, true)?;
            self.out.push(BINPERSID);
            return Ok(());
        }
        let text = pid
            .as_str()
            .filter(|s| s.is_ascii() && !s.contains('\n'))
            .ok_or_else(|| self.error("persistent IDs in protocol 0 must be ASCII strings"))?;
        self.out.push(PERSID);
        self.out.extend(text.bytes());
        self.out.push(b'\n');
        Ok(())
    }

    fn save_long(&mut self, obj: &Obj<P>) -> Res<P> {
        let v = obj.as_int().expect("int");
        if let Some(x) = v.as_i64().filter(|x| i32::try_from(*x).is_ok()) {
            if self.opts.proto >= 1 {
                if (0..256).contains(&x) {
                    self.out.extend([BININT1, x as u8]);
                } else if (0..65536).contains(&x) {
                    self.out.push(BININT2);
                    self.out.extend((x as u16).to_le_bytes());
                } else {
                    self.out.push(BININT);
                    self.out.extend((x as i32).to_le_bytes());
                }
            } else {
                self.out.push(INT);
                self.out.extend(format!("{x}\n").bytes());
            }
            return Ok(());
        }
        if self.opts.proto >= 2 {
            let bytes = v.to_bigint().to_signed_bytes_le();
            if bytes.len() < 256 {
                self.out.extend([LONG1, bytes.len() as u8]);
            } else {
                self.out.push(LONG4);
                let n = i32::try_from(bytes.len())
                    .map_err(|_| self.vm.overflow_error("int too large to pickle"))?;
                self.out.extend(n.to_le_bytes());
            }
            self.out.extend(bytes);
        } else {
            self.out.push(LONG);
            self.out.extend(v.to_str_radix(10).bytes());
            self.out.extend_from_slice(b"L\n");
        }
        Ok(())
    }

    fn save_float(&mut self, obj: &Obj<P>) -> Res<P> {
        if self.opts.proto >= 1 {
            self.out.push(BINFLOAT);
            self.out.extend(obj.as_f64().expect("float").to_be_bytes());
        } else {
            let text = self.vm.repr(obj)?;
            self.out.push(FLOAT);
            self.out.extend(text.bytes());
            self.out.push(b'\n');
        }
        Ok(())
    }

    fn save_str(&mut self, obj: &Obj<P>) -> Res<P> {
        let s = obj.as_str().expect("str");
        if self.opts.proto == 0 {
            self.out.push(UNICODE);
            raw_unicode_escape(s, &mut self.out);
            self.out.push(b'\n');
        } else {
            let data = s.as_bytes();
            let n = data.len();
            if n < 256 && self.opts.proto >= 4 {
                self.write_payload(&[SHORT_BINUNICODE, n as u8], data);
            } else if n > 0xffff_ffff && self.opts.proto >= 4 {
                let mut header = vec![BINUNICODE8];
                header.extend((n as u64).to_le_bytes());
                self.write_payload(&header, data);
            } else if n > 0xffff_ffff {
                return Err(self
                    .vm
                    .overflow_error("cannot serialize a string larger than 4GiB"));
            } else {
                let mut header = vec![BINUNICODE];
                header.extend((n as u32).to_le_bytes());
                self.write_payload(&header, data);
            }
        }
        self.memo_put(obj);
        Ok(())
    }

    fn save_bytes(&mut self, obj: &Obj<P>) -> Res<P> {
        let vm = self.vm;
        let data = obj.as_bytes().expect("bytes");
        if self.opts.proto < 3 {
            // Python 2 had no bytes: `bytes()` for the empty one, else
            // `_codecs.encode(latin-1 text, 'latin1')`.
            if data.is_empty() {
                let bytes_type = vm.types().bytes.clone();
                return self.save_reduce_parts(&bytes_type, &ObjRef::new_tuple(vec![]), Some(obj));
            }
            let text: String = data.iter().map(|&b| b as char).collect();
            let text = match data {
                [b] => self.singleton(*b, || ObjRef::from_string(text)),
                _ => ObjRef::from_string(text),
            };
            let codecs = vm.import(&vm.intern("_codecs"))?;
            let encode = vm.getattr(&codecs, &vm.intern("encode"))?;
            let args = ObjRef::new_tuple(vec![text, vm.intern("latin1")]);
            return self.save_reduce_parts(&encode, &args, Some(obj));
        }
        let n = data.len();
        if n < 256 {
            self.write_payload(&[SHORT_BINBYTES, n as u8], data);
        } else if n <= 0xffff_ffff {
            let mut header = vec![BINBYTES];
            header.extend((n as u32).to_le_bytes());
            self.write_payload(&header, data);
        } else if self.opts.proto >= 4 {
            let mut header = vec![BINBYTES8];
            header.extend((n as u64).to_le_bytes());
            self.write_payload(&header, data);
        } else {
            return Err(self.error("cannot serialize a bytes object larger than 4 GiB"));
        }
        self.memo_put(obj);
        Ok(())
    }

    fn save_tuple(&mut self, obj: &Obj<P>) -> Res<P> {
        let items = obj.as_tuple().expect("tuple");
        let n = items.len();
        if n == 0 {
            if self.opts.proto >= 1 {
                self.out.push(EMPTY_TUPLE);
            } else {
                self.out.extend([MARK, TUPLE]);
            }
            return Ok(());
        }
        if n <= 3 && self.opts.proto >= 2 {
            for item in items {
                self.save(item, false)?;
            }
            if let Some(idx) = self.memo_index(obj) {
                // The tuple refers to itself: it was written while its
                // items were; drop the copies and fetch it.
                self.out.extend(std::iter::repeat_n(POP, n));
                self.memo_get(idx);
            } else {
                self.out.push([TUPLE1, TUPLE2, TUPLE3][n - 1]);
                self.memo_put(obj);
            }
            return Ok(());
        }
        self.out.push(MARK);
        for item in items {
            self.save(item, false)?;
        }
        if let Some(idx) = self.memo_index(obj) {
            if self.opts.proto >= 1 {
                self.out.push(POP_MARK);
            } else {
                self.out.extend(std::iter::repeat_n(POP, n + 1));
            }
            self.memo_get(idx);
        } else {
            self.out.push(TUPLE);
            self.memo_put(obj);
        }
        Ok(())
    }

    fn save_list(&mut self, obj: &Obj<P>) -> Res<P> {
        if self.opts.proto >= 1 {
            self.out.push(EMPTY_LIST);
        } else {
            self.out.extend([MARK, LIST]);
        }
        self.memo_put(obj);
        let list = obj.as_list().expect("list");
        if self.opts.proto == 0 {
            let items = list.snapshot();
            return self.batch_appends(items);
        }
        // CPython's `batch_list_exact`: the list is read as it is written,
        // so an item that grows it is pickled too.
        if list.len() == 1 {
            let item = list.get(0).expect("item");
            self.save(&item, false)?;
            self.out.push(APPEND);
            return Ok(());
        }
        let mut i = 0;
        while i < list.len() {
            self.out.push(MARK);
            let mut batch = 0;
            while let Some(item) = list.get(i) {
                self.save(&item, false)?;
                i += 1;
                batch += 1;
                if batch == BATCHSIZE {
                    break;
                }
            }
            self.out.push(APPENDS);
        }
        Ok(())
    }

    /// Items of a list-like object (`listitems` of a reduction).
    fn batch_appends(&mut self, items: Vec<Obj<P>>) -> Res<P> {
        if self.opts.proto == 0 {
            for item in &items {
                self.save(item, false)?;
                self.out.push(APPEND);
            }
            return Ok(());
        }
        for chunk in items.chunks(BATCHSIZE) {
            if chunk.len() == 1 {
                self.save(&chunk[0], false)?;
                self.out.push(APPEND);
            } else {
                self.out.push(MARK);
                for item in chunk {
                    self.save(item, false)?;
                }
                self.out.push(APPENDS);
            }
        }
        Ok(())
    }

    fn save_dict(&mut self, obj: &Obj<P>) -> Res<P> {
        if self.opts.proto >= 1 {
            self.out.push(EMPTY_DICT);
        } else {
            self.out.extend([MARK, DICT]);
        }
        self.memo_put(obj);
        let items = obj.as_dict().expect("dict").items();
        // `batch_dict_exact`: a dict of one item takes SETITEM, every
        // batch of a larger one a MARK, even a last batch of one.
        let mark_single_batches = items.len() > 1;
        self.batch_setitems(items, mark_single_batches)
    }

    /// Pairs of a dict (above) or a dict-like object (`dictitems` of a
    /// reduction, whose batches of one item take SETITEM).
    fn batch_setitems(
        &mut self,
        items: Vec<(Obj<P>, Obj<P>)>,
        mark_single_batches: bool,
    ) -> Res<P> {
        if self.opts.proto == 0 {
            for (k, v) in &items {
                self.save(k, false)?;
                self.save(v, false)?;
                self.out.push(SETITEM);
            }
            return Ok(());
        }
        for chunk in items.chunks(BATCHSIZE) {
            if chunk.len() == 1 && !mark_single_batches {
                self.save(&chunk[0].0, false)?;
                self.save(&chunk[0].1, false)?;
                self.out.push(SETITEM);
            } else {
                self.out.push(MARK);
                for (k, v) in chunk {
                    self.save(k, false)?;
                    self.save(v, false)?;
                }
                self.out.push(SETITEMS);
            }
        }
        Ok(())
    }

    fn save_set(&mut self, obj: &Obj<P>) -> Res<P> {
        let items = self.vm.collect(obj)?;
        if self.opts.proto < 4 {
            let set_type = self.vm.types().set.clone();
            let args = ObjRef::new_tuple(vec![ObjRef::new_list(items)]);
            return self.save_reduce_parts(&set_type, &args, Some(obj));
        }
        self.out.push(EMPTY_SET);
        self.memo_put(obj);
        for chunk in items.chunks(BATCHSIZE) {
            self.out.push(MARK);
            for item in chunk {
                self.save(item, false)?;
            }
            self.out.push(ADDITEMS);
        }
        Ok(())
    }

    /// A bytearray: `BYTEARRAY8` from protocol 5, `bytearray(bytes)` (or
    /// `bytearray()` when empty) before.
    fn save_bytearray(&mut self, obj: &Obj<P>) -> Res<P> {
        let data = obj.as_bytearray().expect("bytearray").to_vec();
        if self.opts.proto < 5 {
            let bytearray_type = self.vm.types().bytearray.clone();
            let args = match data.as_slice() {
                [] => ObjRef::new_tuple(vec![]),
                _ => ObjRef::new_tuple(vec![ObjRef::new_bytes(&data)]),
            };
            return self.save_reduce_parts(&bytearray_type, &args, Some(obj));
        }
        let mut header = vec![BYTEARRAY8];
        header.extend((data.len() as u64).to_le_bytes());
        self.write_payload(&header, &data);
        self.memo_put(obj);
        Ok(())
    }

    /// The one-character str for byte `b`, made once per pickling.
    fn singleton(&mut self, b: u8, make: impl FnOnce() -> Obj<P>) -> Obj<P> {
        self.singletons.entry(b).or_insert_with(make).clone()
    }

    /// A frozenset: `MARK` items `FROZENSET` from protocol 4 (a frozenset
    /// that contains itself through its items is fetched from the memo
    /// instead), `frozenset([...])` before.
    fn save_frozenset(&mut self, obj: &Obj<P>) -> Res<P> {
        let items = obj.as_set_view().expect("frozenset").members();
        if self.opts.proto < 4 {
            let frozenset_type = self.vm.types().frozenset.clone();
            let args = ObjRef::new_tuple(vec![ObjRef::new_list(items)]);
            return self.save_reduce_parts(&frozenset_type, &args, Some(obj));
        }
        self.out.push(MARK);
        for item in &items {
            self.save(item, false)?;
        }
        if let Some(idx) = self.memo_index(obj) {
            self.out.push(POP_MARK);
            self.memo_get(idx);
        } else {
            self.out.push(FROZENSET);
            self.memo_put(obj);
        }
        Ok(())
    }

    // Globals
    // -----------------------------------------------------------------------

    /// Writes a class or function by reference (CPython's `save_global`):
    /// `name` is the qualified name (`__qualname__` when not given).
    fn save_global(&mut self, obj: &Obj<P>, name: Option<Obj<P>>) -> Res<P> {
        let vm = self.vm;
        let names = &vm.interp.names;
        let name = match name {
            Some(n) => n,
            None => match vm.getattr_opt(obj, &names.qualname)? {
                Some(n) => n,
                None => vm.getattr(obj, &names.name)?,
            },
        };
        let Some(name_str) = name.as_str().map(str::to_string) else {
            return Err(vm.type_error(format!(
                "attribute name must be string, not '{}'",
                vm.type_name(&name)
            )));
        };
        let module_name = self.which_module(obj, &name_str)?;
        let obj_repr = vm.repr(obj)?;
        let module = match vm.import(&module_name) {
            Ok(m) => m,
            Err(_) => {
                return Err(self.error(format!(
                    "Can't pickle {obj_repr}: import of module {} failed",
                    vm.repr(&module_name)?
                )))
            }
        };
        let module_str = module_name.as_str().expect("str").to_string();
        let parts: Vec<&str> = name_str.split('.').collect();
        if parts.contains(&"<locals>") {
            return Err(vm.attribute_error(format!("Can't pickle local object '{name_str}'")));
        }
        let mut parent = module.clone();
        let mut found = module.clone();
        for part in &parts {
            parent = found.clone();
            found = match vm.getattr_opt(&parent, &vm.intern(part))? {
                Some(v) => v,
                None => {
                    return Err(self.error(format!(
                    "Can't pickle {obj_repr}: attribute lookup {name_str} on {module_str} failed"
                )))
                }
            };
        }
        if !found.is_same(obj) {
            return Err(self.error(format!(
                "Can't pickle {obj_repr}: it's not the same object as {module_str}.{name_str}"
            )));
        }
        if self.opts.proto >= 4 {
            self.save(&module_name, false)?;
            self.save(&name, false)?;
            self.out.push(STACK_GLOBAL);
        } else if !parent.is_same(&module) {
            // A nested name below protocol 4: `getattr(parent, last)`.
            let last = vm.new_str(*parts.last().expect("part"));
            let getattr = self.builtin("getattr")?;
            let args = ObjRef::new_tuple(vec![parent, last]);
            self.save_reduce_parts(&getattr, &args, None)?;
        } else {
            let (mut m, mut n) = (module_str.as_str(), name_str.as_str());
            if self.opts.proto < 3 && self.opts.fix_imports {
                if let Some((m2, n2)) = compat::find(compat::REVERSE_NAME_MAPPING, (m, n)) {
                    (m, n) = (m2, n2);
                } else if let Some(m2) = compat::find(compat::REVERSE_IMPORT_MAPPING, m) {
                    m = m2;
                }
            }
            if self.opts.proto < 3 && !(m.is_ascii() && n.is_ascii()) {
                return Err(self.error(format!(
                    "can't pickle global identifier '{m}.{n}' using pickle protocol {}",
                    self.opts.proto
                )));
            }
            self.out.push(GLOBAL);
            self.out.extend(m.bytes());
            self.out.push(b'\n');
            self.out.extend(n.bytes());
            self.out.push(b'\n');
        }
        self.memo_put(obj);
        Ok(())
    }

    /// The module a global lives in: its `__module__`, or the first
    /// loaded module (not `__main__`) where `name` finds it, or
    /// `__main__` (CPython's `whichmodule`). Interned, so that repeated
    /// module names are memoized as CPython's are.
    fn which_module(&self, obj: &Obj<P>, name: &str) -> PyResult<Obj<P>, P> {
        let vm = self.vm;
        if let Some(m) = vm.getattr_opt(obj, &vm.interp.names.module)? {
            if let Some(s) = m.as_str() {
                return Ok(vm.intern(s));
            }
        }
        let modules = vm.interp.modules.as_dict().expect("dict").items();
        for (key, module) in modules {
            let Some(mname) = key.as_str() else { continue };
            if mname == "__main__" || mname == "__mp_main__" || !module.is::<Module<P>>() {
                continue;
            }
            let mut found = Some(module);
            for part in name.split('.') {
                found = match found {
                    Some(f) => vm.getattr_opt(&f, &vm.intern(part)).ok().flatten(),
                    None => None,
                };
            }
            if found.is_some_and(|f| f.is_same(obj)) {
                return Ok(vm.intern(mname));
            }
        }
        Ok(vm.intern("__main__"))
    }

    /// A built-in function by name (`getattr` for the reductions above).
    fn builtin(&self, name: &str) -> PyResult<Obj<P>, P> {
        let vm = self.vm;
        vm.dict_get_str(&vm.interp.builtins, &vm.intern(name))
            .ok_or_else(|| {
                vm.new_error(ExcType::NameError, format!("name '{name}' is not defined"))
            })
    }

    // Reductions
    // -----------------------------------------------------------------------

    /// `getattr(this, name)` for a bound method.
    fn save_reduce_to_getattr(&mut self, obj: &Obj<P>, this: Obj<P>, name: Obj<P>) -> Res<P> {
        let getattr = self.builtin("getattr")?;
        let args = ObjRef::new_tuple(vec![this, name]);
        self.save_reduce_parts(&getattr, &args, Some(obj))
    }

    /// Any other object: what its reducer or `__reduce_ex__` says.
    fn save_by_reduce(&mut self, obj: &Obj<P>) -> Res<P> {
        let vm = self.vm;
        let cls = vm.type_of(obj);
        let mut rv = None;
        if let Some(table) = &self.opts.dispatch_table {
            // `dispatch_table.get(type(obj))`: only a KeyError means "none".
            match vm.getitem(table, &cls) {
                Ok(reducer) => {
                    rv = Some(vm.call(&reducer, std::slice::from_ref(obj), Kw::EMPTY)?)
                }
                Err(e) if vm.err_matches(&e, ExcType::KeyError) => {}
                Err(e) => return Err(e),
            }
        }
        let rv = match rv {
            Some(rv) => rv,
            None => {
                // What the `__reduce__` of a built-in function and of a
                // bound method return, without calling them.
                if let Some(b) = obj.downcast::<Builtin<P>>() {
                    return match &b.this {
                        Some(this) if !this.is::<Module<P>>() => {
                            let this = this.clone();
                            let name = vm.new_str(b.name);
                            self.save_reduce_to_getattr(obj, this, name)
                        }
                        _ => self.save_global(obj, None),
                    };
                }
                if let Some(m) = obj.downcast::<BoundMethod<P>>() {
                    let this = m.this.clone();
                    let name = vm.getattr(&m.func, &vm.interp.names.name)?;
                    return self.save_reduce_to_getattr(obj, this, name);
                }
                let name = vm.intern("__reduce_ex__");
                let proto = ObjRef::from_i64(self.opts.proto as i64);
                match vm.getattr_opt(obj, &name)? {
                    Some(reduce_ex) => vm.call(&reduce_ex, &[proto], Kw::EMPTY)?,
                    // A module's attributes are its namespace's only:
                    // ask its type (`object.__reduce_ex__`), as CPython
                    // would find it.
                    None => match vm.lookup_type_attr(obj, &name) {
                        Some(reduce_ex) => vm.call(&reduce_ex, &[obj.clone(), proto], Kw::EMPTY)?,
                        None => vm.getattr(obj, &name)?,
                    },
                }
            }
        };
        if rv.kind() == Kind::Str {
            return self.save_global(obj, Some(rv));
        }
        let Some(parts) = rv.as_tuple() else {
            return Err(self.error("__reduce__ must return a string or tuple"));
        };
        if !(2..=6).contains(&parts.len()) {
            return Err(
                self.error("tuple returned by __reduce__ must contain 2 through 6 elements")
            );
        }
        let part = |i: usize| parts.get(i).filter(|o| !o.is_none()).cloned();
        let (func, args) = (parts[0].clone(), parts[1].clone());
        if !vm.is_callable(&func) {
            return Err(
                self.error("first item of the tuple returned by __reduce__ must be callable")
            );
        }
        if args.kind() != Kind::Tuple {
            return Err(
                self.error("second item of the tuple returned by __reduce__ must be a tuple")
            );
        }
        let reduction = Reduction {
            func,
            args,
            state: part(2),
            listitems: part(3),
            dictitems: part(4),
            state_setter: part(5),
        };
        self.save_reduce(reduction, Some(obj))
    }

    fn save_reduce_parts(&mut self, func: &Obj<P>, args: &Obj<P>, obj: Option<&Obj<P>>) -> Res<P> {
        let reduction = Reduction {
            func: func.clone(),
            args: args.clone(),
            state: None,
            listitems: None,
            dictitems: None,
            state_setter: None,
        };
        self.save_reduce(reduction, obj)
    }

    /// Writes a reduction (CPython's `save_reduce`).
    fn save_reduce(&mut self, r: Reduction<P>, obj: Option<&Obj<P>>) -> Res<P> {
        let vm = self.vm;
        let func_name = match vm.getattr_opt(&r.func, &vm.interp.names.name) {
            Ok(Some(n)) => n.as_str().map(str::to_string),
            _ => None,
        };
        let args = r.args.as_tuple().expect("tuple");
        let new_class = |what: &str| -> PyResult<Obj<P>, P> {
            let cls = args
                .first()
                .cloned()
                .ok_or_else(|| self.error(format!("{what} args is empty")))?;
            if !cls.is::<Class<P>>() {
                return Err(self.error(format!("args[0] from {what} args is not a type")));
            }
            if let Some(obj) = obj {
                let actual = vm.type_of(obj);
                if !actual.is_same(&cls) {
                    return Err(self.error(format!("args[0] from {what} args has the wrong class")));
                }
            }
            Ok(cls)
        };
        if self.opts.proto >= 2 && func_name.as_deref() == Some("__newobj_ex__") {
            if args.len() != 3 {
                return Err(self.error(format!(
                    "length of the NEWOBJ_EX argument tuple must be exactly 3, not {}",
                    args.len()
                )));
            }
            let cls = new_class("__newobj_ex__")?;
            if self.opts.proto < 4 {
                return Err(self
                    .error("keyword arguments to __new__ need pickle protocol 4 or later in ftl"));
            }
            self.save(&cls, false)?;
            self.save(&args[1], false)?;
            self.save(&args[2], false)?;
            self.out.push(NEWOBJ_EX);
        } else if self.opts.proto >= 2 && func_name.as_deref() == Some("__newobj__") {
            let cls = new_class("__newobj__")?;
            self.save(&cls, false)?;
            self.save(&ObjRef::new_tuple(args[1..].to_vec()), false)?;
            self.out.push(NEWOBJ);
        } else {
            self.save(&r.func, false)?;
            self.save(&r.args, false)?;
            self.out.push(REDUCE);
        }
        if let Some(obj) = obj {
            // The object may have been memoized while its arguments were
            // written (it refers to itself): keep that copy.
            if let Some(idx) = self.memo_index(obj) {
                self.out.push(POP);
                self.memo_get(idx);
            } else {
                self.memo_put(obj);
            }
        }
        if let Some(items) = r.listitems {
            let items = vm.collect(&items)?;
            self.batch_appends(items)?;
        }
        if let Some(items) = r.dictitems {
            let mut pairs = Vec::new();
            for item in vm.collect(&items)? {
                match item.as_tuple() {
                    Some([k, v]) => pairs.push((k.clone(), v.clone())),
                    _ => return Err(self.error("dict items iterator must return 2-tuples")),
                }
            }
            self.batch_setitems(pairs, false)?;
        }
        if let Some(state) = r.state {
            match r.state_setter {
                None => {
                    self.save(&state, false)?;
                    self.out.push(BUILD);
                }
                Some(setter) => {
                    // `setter(obj, state)`, its result popped.
                    let obj = obj.ok_or_else(|| self.error("state_setter needs the object"))?;
                    self.save(&setter, false)?;
                    self.save(obj, false)?;
                    self.save(&state, false)?;
                    self.out.extend([TUPLE2, REDUCE, POP]);
                }
            }
        }
        Ok(())
    }
}

/// The parts of a `__reduce__` tuple.
struct Reduction<P: HeapPolicy> {
    func: Obj<P>,
    args: Obj<P>,
    state: Option<Obj<P>>,
    listitems: Option<Obj<P>>,
    dictitems: Option<Obj<P>>,
    state_setter: Option<Obj<P>>,
}

/// Protocol 0's text for a str (`raw-unicode-escape`, with `\` and
/// newlines escaped as well, as CPython does so the line stays one line).
fn raw_unicode_escape(s: &str, out: &mut Vec<u8>) {
    for c in s.chars() {
        let cp = c as u32;
        if cp > 0xffff {
            out.extend(format!("\\U{cp:08x}").bytes());
        } else if cp >= 0x100 || c == '\\' || c == '\n' || c == '\r' || c == '\0' || c == '\u{1a}' {
            out.extend(format!("\\u{cp:04x}").bytes());
        } else {
            out.push(cp as u8);
        }
    }
}
