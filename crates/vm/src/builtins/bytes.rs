//! Methods of `bytes`, after `Objects/bytesobject.c` and
//! `Objects/bytes_methods.c` (ASCII semantics of the predicates and case
//! mappings) and `Python/pystrhex.c` (`bytes.hex` with a separator). Every
//! index a `bytes` method takes or returns counts bytes.

use std::borrow::Cow;

use ftl_object::{HeapPolicy, ObjRef};

use crate::interpreter::state::{BuiltinFn, Kw, PyErr, PyResult, Vm};
use crate::objects::*;
use ftl_algorithms::str_methods;

use super::args::*;
use super::codecs::bytes_decode;

/// Installs the methods of `bytes`.
pub fn install<P: HeapPolicy>(vm: &Vm<P>) {
    let t = vm.types();
    let methods: &[(&'static str, BuiltinFn<P>)] = &[
        ("decode", bytes_decode::<P>),
        ("hex", bytes_hex::<P>),
        ("count", bytes_count::<P>),
        ("find", bytes_find::<P>),
        ("rfind", bytes_rfind::<P>),
        ("index", bytes_index::<P>),
        ("rindex", bytes_rindex::<P>),
        ("startswith", bytes_startswith::<P>),
        ("endswith", bytes_endswith::<P>),
        ("split", bytes_split::<P>),
        ("rsplit", bytes_rsplit::<P>),
        ("strip", bytes_strip::<P>),
        ("lstrip", bytes_lstrip::<P>),
        ("rstrip", bytes_rstrip::<P>),
        ("replace", bytes_replace::<P>),
        ("join", bytes_join::<P>),
        ("partition", bytes_partition::<P>),
        ("rpartition", bytes_rpartition::<P>),
        ("removeprefix", bytes_removeprefix::<P>),
        ("removesuffix", bytes_removesuffix::<P>),
        ("upper", bytes_upper::<P>),
        ("lower", bytes_lower::<P>),
        ("isdigit", bytes_isdigit::<P>),
        ("isalpha", bytes_isalpha::<P>),
        ("isalnum", bytes_isalnum::<P>),
        ("isspace", bytes_isspace::<P>),
        ("isupper", bytes_isupper::<P>),
        ("islower", bytes_islower::<P>),
        ("isascii", bytes_isascii::<P>),
    ];
    for (name, f) in methods {
        vm.add_method(&t.bytes, "bytes", name, *f);
    }
    vm.add_wrapped_method(&t.bytes, "fromhex", bytes_fromhex::<P>, true);
}

// bytes
// ---------------------------------------------------------------------------

/// Python's `Py_ISSPACE` on bytes.
pub(super) fn is_byte_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// `a bytes-like object is required, not 'str'`.
fn need_bytes<P: HeapPolicy>(vm: &Vm<P>, o: &Obj<P>) -> PyErr<P> {
    vm.type_error(format!(
        "a bytes-like object is required, not '{}'",
        vm.type_name(o)
    ))
}

/// A bytes-like argument: bytes (borrowed) or a bytearray (copied).
fn bytes_arg<'a, P: HeapPolicy>(vm: &Vm<P>, o: &'a Obj<P>) -> PyResult<Cow<'a, [u8]>, P> {
    vm.bytes_like(o).ok_or_else(|| need_bytes(vm, o))
}

/// `ADJUST_INDICES` for byte strings (see [`str_methods`]'s version for str).
fn adjust(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let len_i = i64::try_from(len).unwrap_or(i64::MAX);
    let from_end = |v: i64| usize::try_from(v.saturating_add(len_i).max(0)).unwrap_or(0);
    let start = match start {
        Some(v) if v < 0 => from_end(v),
        Some(v) => usize::try_from(v).unwrap_or(usize::MAX),
        None => 0,
    };
    let end = match end {
        Some(v) if v < 0 => from_end(v),
        Some(v) => usize::try_from(v.min(len_i)).unwrap_or(len),
        None => len,
    };
    (start, end)
}

/// The first occurrence of `needle` in `hay`.
fn bfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The last occurrence of `needle` in `hay`.
fn brfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// Non-overlapping occurrences of a non-empty `needle`.
fn bcount(hay: &[u8], needle: &[u8], max: usize) -> usize {
    let mut n = 0;
    let mut rest = hay;
    while n < max {
        match bfind(rest, needle) {
            Some(p) => {
                n += 1;
                rest = &rest[p + needle.len()..];
            }
            None => break,
        }
    }
    n
}

/// `find`/`rfind`/`count` on `b[start:end]`; `-1` when absent.
fn bytes_search_in(b: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>, how: Search) -> i64 {
    let (s, e) = adjust(start, end, b.len());
    if e < s || e - s < sub.len() {
        return if how == Search::Count { 0 } else { -1 };
    }
    let win = &b[s..e];
    let to_i = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    match how {
        Search::Count if sub.is_empty() => to_i(e - s + 1),
        Search::Count => to_i(bcount(win, sub, usize::MAX)),
        Search::Find | Search::Index => bfind(win, sub).map_or(-1, |p| to_i(s + p)),
        Search::RFind | Search::RIndex => brfind(win, sub).map_or(-1, |p| to_i(s + p)),
    }
}

/// The `sub` argument of `bytes.find` and friends: bytes or an int byte.
fn byte_sub<P: HeapPolicy>(vm: &Vm<P>, o: &Obj<P>) -> PyResult<Vec<u8>, P> {
    if let Some(b) = vm.bytes_like(o) {
        return Ok(b.into_owned());
    }
    match vm.int_value(o) {
        Some(v) => match v.as_i64().and_then(|n| u8::try_from(n).ok()) {
            Some(byte) => Ok(vec![byte]),
            None => Err(vm.value_error("byte must be in range(0, 256)")),
        },
        None => Err(vm.type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            vm.type_name(o)
        ))),
    }
}

fn bytes_search<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
    name: &str,
    how: Search,
) -> R<P> {
    let b = this_bytes(vm, args, name)?;
    let (sub, start, end) = finds_args(vm, "bytes", name, args, kw)?;
    let sub = byte_sub(vm, sub)?;
    let r = bytes_search_in(b, &sub, start, end, how);
    if r < 0 && matches!(how, Search::Index | Search::RIndex) {
        return Err(vm.value_error("subsection not found"));
    }
    Ok(ObjRef::from_i64(r))
}

fn bytes_count<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    bytes_search(vm, args, kw, "count", Search::Count)
}

fn bytes_find<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    bytes_search(vm, args, kw, "find", Search::Find)
}

fn bytes_rfind<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    bytes_search(vm, args, kw, "rfind", Search::RFind)
}

fn bytes_index<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    bytes_search(vm, args, kw, "index", Search::Index)
}

fn bytes_rindex<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    bytes_search(vm, args, kw, "rindex", Search::RIndex)
}

/// `bytes.startswith` / `endswith` for one affix (CPython's `tailmatch`).
fn bytes_tailmatch(
    b: &[u8],
    p: &[u8],
    start: Option<i64>,
    end: Option<i64>,
    start_side: bool,
) -> bool {
    let (s, e) = adjust(start, end, b.len());
    if e < s || e - s < p.len() {
        return false;
    }
    let win = &b[s..e];
    if start_side {
        win.starts_with(p)
    } else {
        win.ends_with(p)
    }
}

fn bytes_affix_test<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
    name: &str,
    start_side: bool,
) -> R<P> {
    let b = this_bytes(vm, args, name)?;
    let (arg, start, end) = finds_args(vm, "bytes", name, args, kw)?;
    if let Some(items) = arg.as_tuple() {
        for item in items {
            if bytes_tailmatch(b, &bytes_arg(vm, item)?, start, end, start_side) {
                return Ok(ObjRef::from_bool(true));
            }
        }
        return Ok(ObjRef::from_bool(false));
    }
    let p = vm.bytes_like(arg).ok_or_else(|| {
        vm.type_error(format!(
            "{name} first arg must be bytes or a tuple of bytes, not {}",
            vm.type_name(arg)
        ))
    })?;
    Ok(ObjRef::from_bool(bytes_tailmatch(
        b, &p, start, end, start_side,
    )))
}

fn bytes_startswith<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    bytes_affix_test(vm, args, kw, "startswith", true)
}

fn bytes_endswith<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    bytes_affix_test(vm, args, kw, "endswith", false)
}

/// `bytes.split(sep, maxsplit)` (`right == false`) or `rsplit`.
fn bsplit<'a>(b: &'a [u8], sep: Option<&[u8]>, maxsplit: i64, right: bool) -> Vec<&'a [u8]> {
    let mut max = usize::try_from(maxsplit).unwrap_or(usize::MAX);
    let mut out = Vec::new();
    let mut rest = b;
    match sep {
        None => {
            let trim_l =
                |r: &'a [u8]| &r[r.iter().position(|&c| !is_byte_space(c)).unwrap_or(r.len())..];
            let trim_r = |r: &'a [u8]| {
                &r[..r
                    .iter()
                    .rposition(|&c| !is_byte_space(c))
                    .map_or(0, |p| p + 1)]
            };
            while max > 0 {
                rest = if right { trim_r(rest) } else { trim_l(rest) };
                if rest.is_empty() {
                    break;
                }
                if right {
                    let start = rest
                        .iter()
                        .rposition(|&c| is_byte_space(c))
                        .map_or(0, |p| p + 1);
                    out.push(&rest[start..]);
                    rest = &rest[..start];
                } else {
                    let end = rest
                        .iter()
                        .position(|&c| is_byte_space(c))
                        .unwrap_or(rest.len());
                    out.push(&rest[..end]);
                    rest = &rest[end..];
                }
                max -= 1;
            }
            rest = if right { trim_r(rest) } else { trim_l(rest) };
            if !rest.is_empty() {
                out.push(rest);
            }
        }
        Some(sep) => {
            while max > 0 {
                let found = if right {
                    brfind(rest, sep)
                } else {
                    bfind(rest, sep)
                };
                let Some(p) = found else { break };
                if right {
                    out.push(&rest[p + sep.len()..]);
                    rest = &rest[..p];
                } else {
                    out.push(&rest[..p]);
                    rest = &rest[p + sep.len()..];
                }
                max -= 1;
            }
            out.push(rest);
        }
    }
    if right {
        out.reverse();
    }
    out
}

fn bytes_split_impl<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
    name: &str,
    right: bool,
) -> R<P> {
    let b = this_bytes(vm, args, name)?;
    let a = parse_args(vm, name, &args[1..], kw, &["sep", "maxsplit"], 2, 0)?;
    let sep = match &a[0] {
        Some(o) if !o.is_none() => Some(bytes_arg(vm, o)?),
        _ => None,
    };
    let sep = sep.as_deref();
    if sep.is_some_and(|s| s.is_empty()) {
        return Err(vm.value_error(str_methods::EMPTY_SEPARATOR));
    }
    let maxsplit = match &a[1] {
        Some(o) => vm.index_i64(o)?,
        None => -1,
    };
    Ok(bytes_list(bsplit(b, sep, maxsplit, right)))
}

fn bytes_split<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    bytes_split_impl(vm, args, kw, "split", false)
}

fn bytes_rsplit<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    bytes_split_impl(vm, args, kw, "rsplit", true)
}

fn bytes_strip_impl<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
    name: &str,
    ends: Ends,
) -> R<P> {
    let b = this_bytes(vm, args, name)?;
    positional(vm, "bytes", name, args, kw, 0, 1)?;
    let set = match args.get(1) {
        Some(o) if !o.is_none() => Some(bytes_arg(vm, o)?),
        _ => None,
    };
    let set = set.as_deref();
    let strip = |c: u8| match set {
        Some(s) => s.contains(&c),
        None => is_byte_space(c),
    };
    let mut lo = 0;
    let mut hi = b.len();
    if matches!(ends, Ends::Both | Ends::Left) {
        while lo < hi && strip(b[lo]) {
            lo += 1;
        }
    }
    if matches!(ends, Ends::Both | Ends::Right) {
        while hi > lo && strip(b[hi - 1]) {
            hi -= 1;
        }
    }
    Ok(ObjRef::new_bytes(&b[lo..hi]))
}

fn bytes_strip<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    bytes_strip_impl(vm, args, kw, "strip", Ends::Both)
}

fn bytes_lstrip<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    bytes_strip_impl(vm, args, kw, "lstrip", Ends::Left)
}

fn bytes_rstrip<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    bytes_strip_impl(vm, args, kw, "rstrip", Ends::Right)
}

/// `bytes.replace(old, new, count)`; `None` when the result would exceed
/// [`str_methods::MAX_RESULT_LEN`].
fn breplace(b: &[u8], old: &[u8], new: &[u8], count: i64) -> Option<Vec<u8>> {
    let max = usize::try_from(count).unwrap_or(usize::MAX);
    if max == 0 {
        return Some(b.to_vec());
    }
    let n = if old.is_empty() {
        max.min(b.len().saturating_add(1))
    } else {
        bcount(b, old, max)
    };
    let size = b.len().checked_add(n.checked_mul(new.len())?)?;
    if size > str_methods::MAX_RESULT_LEN {
        return None;
    }
    let mut out = Vec::with_capacity(size);
    if old.is_empty() {
        for (i, &c) in b.iter().enumerate() {
            if i < n {
                out.extend_from_slice(new);
            }
            out.push(c);
        }
        if n > b.len() {
            out.extend_from_slice(new);
        }
        return Some(out);
    }
    let mut rest = b;
    for _ in 0..n {
        let Some(p) = bfind(rest, old) else { break };
        out.extend_from_slice(&rest[..p]);
        out.extend_from_slice(new);
        rest = &rest[p + old.len()..];
    }
    out.extend_from_slice(rest);
    Some(out)
}

fn bytes_replace<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let b = this_bytes(vm, args, "replace")?;
    positional(vm, "bytes", "replace", args, kw, 2, 3)?;
    let old = bytes_arg(vm, &args[1])?;
    let new = bytes_arg(vm, &args[2])?;
    let count = match args.get(3) {
        Some(o) => vm.index_i64(o)?,
        None => -1,
    };
    let r = breplace(b, &old, &new, count).ok_or_else(|| memory_error(vm))?;
    Ok(ObjRef::new_bytes(&r))
}

fn bytes_join<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let sep = this_bytes(vm, args, "join")?;
    one_arg(vm, "bytes.join", args, kw)?;
    let it = vm
        .get_iter(&args[1])
        .map_err(|_| vm.type_error("can only join an iterable"))?;
    let mut out = Vec::new();
    let mut i = 0usize;
    while let Some(x) = vm.next(&it)? {
        let Some(part) = vm.bytes_like(&x) else {
            return Err(vm.type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                vm.type_name(&x)
            )));
        };
        if i > 0 {
            out.extend_from_slice(sep);
        }
        out.extend_from_slice(&part);
        if out.len() > str_methods::MAX_RESULT_LEN {
            return Err(memory_error(vm));
        }
        i += 1;
    }
    Ok(ObjRef::new_bytes(&out))
}

fn bytes_partition_impl<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
    name: &str,
    right: bool,
) -> R<P> {
    let b = this_bytes(vm, args, name)?;
    one_arg(vm, &format!("bytes.{name}"), args, kw)?;
    let sep = bytes_arg(vm, &args[1])?;
    let sep: &[u8] = &sep;
    if sep.is_empty() {
        return Err(vm.value_error(str_methods::EMPTY_SEPARATOR));
    }
    let found = if right { brfind(b, sep) } else { bfind(b, sep) };
    let parts: [&[u8]; 3] = match found {
        Some(p) => [&b[..p], sep, &b[p + sep.len()..]],
        None if right => [b"", b"", b],
        None => [b, b"", b""],
    };
    let mut items: Vec<Obj<P>> = parts.iter().map(|p| ObjRef::new_bytes(p)).collect();
    if found.is_some() {
        // The separator object itself, as CPython returns it (a bytearray
        // separator stays one).
        items[1] = args[1].clone();
    }
    Ok(ObjRef::new_tuple(items))
}

fn bytes_partition<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    bytes_partition_impl(vm, args, kw, "partition", false)
}

fn bytes_rpartition<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    bytes_partition_impl(vm, args, kw, "rpartition", true)
}

fn bytes_affix_remove<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
    name: &str,
    prefix: bool,
) -> R<P> {
    let b = this_bytes(vm, args, name)?;
    one_arg(vm, &format!("bytes.{name}"), args, kw)?;
    let a = bytes_arg(vm, &args[1])?;
    let a: &[u8] = &a;
    let r = if prefix {
        b.strip_prefix(a)
    } else {
        b.strip_suffix(a)
    };
    match r {
        Some(r) if !a.is_empty() => Ok(ObjRef::new_bytes(r)),
        _ => Ok(args[0].clone()),
    }
}

fn bytes_removeprefix<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    bytes_affix_remove(vm, args, kw, "removeprefix", true)
}

fn bytes_removesuffix<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    bytes_affix_remove(vm, args, kw, "removesuffix", false)
}

noargs_methods! {
    this_bytes, "bytes":
    bytes_upper = "upper" => |b| ObjRef::new_bytes(&b.to_ascii_uppercase());
    bytes_lower = "lower" => |b| ObjRef::new_bytes(&b.to_ascii_lowercase());
    bytes_isdigit = "isdigit" => |b| ObjRef::from_bool(!b.is_empty() && b.iter().all(u8::is_ascii_digit));
    bytes_isalpha = "isalpha" => |b| ObjRef::from_bool(!b.is_empty() && b.iter().all(u8::is_ascii_alphabetic));
    bytes_isalnum = "isalnum" => |b| ObjRef::from_bool(!b.is_empty() && b.iter().all(u8::is_ascii_alphanumeric));
    bytes_isspace = "isspace" => |b| ObjRef::from_bool(!b.is_empty() && b.iter().all(|&c| is_byte_space(c)));
    bytes_isupper = "isupper" => |b| ObjRef::from_bool(
        b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase)
    );
    bytes_islower = "islower" => |b| ObjRef::from_bool(
        b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase)
    );
    bytes_isascii = "isascii" => |b| ObjRef::from_bool(b.is_ascii());
}

/// `bytes.hex(sep, bytes_per_sep)`: separators every `|per|` bytes,
/// counted from the right for a positive `per`, from the left for a
/// negative one (`Python/pystrhex.c`).
fn hex_with_sep(b: &[u8], sep: Option<char>, per: i64) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let group = usize::try_from(per.unsigned_abs()).unwrap_or(usize::MAX);
    let mut out = String::with_capacity(b.len() * 3);
    for (i, &c) in b.iter().enumerate() {
        out.push(char::from(DIGITS[usize::from(c >> 4)]));
        out.push(char::from(DIGITS[usize::from(c & 15)]));
        let done = i + 1;
        if let Some(s) = sep {
            if group > 0 && done < b.len() {
                let boundary = if per > 0 {
                    (b.len() - done).is_multiple_of(group)
                } else {
                    done.is_multiple_of(group)
                };
                if boundary {
                    out.push(s);
                }
            }
        }
    }
    out
}

fn bytes_hex<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let b = this_bytes(vm, args, "hex")?;
    let a = parse_args(vm, "hex", &args[1..], kw, &["sep", "bytes_per_sep"], 2, 0)?;
    let sep = match &a[0] {
        None => None,
        Some(o) => {
            let c = if let Some(s) = o.as_str() {
                let c = single_char(s).ok_or_else(|| vm.value_error("sep must be length 1."))?;
                u8::try_from(u32::from(c)).ok()
            } else if let Some(sb) = o.as_bytes() {
                match sb {
                    [c] => Some(*c),
                    _ => return Err(vm.value_error("sep must be length 1.")),
                }
            } else {
                return Err(
                    vm.type_error(format!("object of type '{}' has no len()", vm.type_name(o)))
                );
            };
            match c {
                Some(c) if c.is_ascii() => Some(char::from(c)),
                _ => return Err(vm.value_error("sep must be ASCII.")),
            }
        }
    };
    let per = match &a[1] {
        Some(o) => c_int(vm, o)?,
        None => 1,
    };
    Ok(ObjRef::from_string(hex_with_sep(b, sep, per)))
}

/// `bytes.fromhex(s)`: pairs of hex digits, ASCII whitespace allowed
/// between pairs. `Err(pos)` names the offending character.
fn parse_fromhex(s: &str) -> Result<Vec<u8>, usize> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii() && is_byte_space(chars[i] as u8) {
            i += 1;
            continue;
        }
        let hi = chars[i]
            .to_digit(16)
            .filter(|_| chars[i].is_ascii())
            .ok_or(i)?;
        let lo = chars
            .get(i + 1)
            .filter(|c| c.is_ascii())
            .and_then(|c| c.to_digit(16))
            .ok_or(i + 1)?;
        // Both digits are below 16.
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(out)
}

fn bytes_fromhex<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("fromhex", kw)?;
    let cls = args
        .first()
        .ok_or_else(|| unbound(vm, "bytes", "fromhex"))?;
    vm.check_args("fromhex", &args[1..], 1, 1)?;
    let s = args[1].as_str().ok_or_else(|| {
        vm.type_error(format!(
            "fromhex() argument must be str, not {}",
            vm.type_name(&args[1])
        ))
    })?;
    let b = parse_fromhex(s).map_err(|pos| {
        vm.value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {pos}"
        ))
    })?;
    let r = ObjRef::new_bytes(&b);
    if cls.is_same(&vm.types().bytes) {
        return Ok(r);
    }
    vm.call(cls, &[r], Kw::EMPTY)
}

// ---------------------------------------------------------------------------

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    #[test]
    fn bytes_helpers() {
        // python3: b'  a b  c '.split() / .rsplit(None, 1) / b'a,b,,c'.rsplit(b',', 2)
        let v: Vec<&[u8]> = vec![b"a", b"b", b"c"];
        assert_eq!(bsplit(b"  a b  c ", None, -1, false), v);
        let v: Vec<&[u8]> = vec![b"  a b", b"c"];
        assert_eq!(bsplit(b"  a b  c ", None, 1, true), v);
        let v: Vec<&[u8]> = vec![b"a,b", b"", b"c"];
        assert_eq!(bsplit(b"a,b,,c", Some(b","), 2, true), v);
        // python3: b'abcab'.find(b'b', 2) == 4, b'abc'.count(b'') == 4
        assert_eq!(
            bytes_search_in(b"abcab", b"b", Some(2), None, Search::Find),
            4
        );
        assert_eq!(bytes_search_in(b"abc", b"", None, None, Search::Count), 4);
        assert_eq!(
            bytes_search_in(b"abc", b"", Some(4), None, Search::Find),
            -1
        );
        // python3: b'abc'.replace(b'', b'-') == b'-a-b-c-'
        assert_eq!(breplace(b"abc", b"", b"-", -1).unwrap(), b"-a-b-c-");
        assert_eq!(breplace(b"aaa", b"a", b"bb", 2).unwrap(), b"bbbba");
        // python3: b'abc'.hex(':', 2) == '61:6263'; b'abcde'.hex(':', -2)
        assert_eq!(hex_with_sep(b"abc", Some(':'), 2), "61:6263");
        assert_eq!(hex_with_sep(b"abcde", Some(':'), -2), "6162:6364:65");
        assert_eq!(hex_with_sep(b"\x00\xff", None, 1), "00ff");
        // python3: bytes.fromhex('de ad BE') == b'\xde\xad\xbe'
        assert_eq!(parse_fromhex("de ad BE").unwrap(), b"\xde\xad\xbe");
        assert_eq!(parse_fromhex("abc"), Err(3));
        assert_eq!(parse_fromhex("zz"), Err(0));
    }
}
