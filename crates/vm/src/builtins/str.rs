//! Methods of `str`, following CPython 3.11's `Objects/unicodeobject.c`
//! (and `Objects/clinic/unicodeobject.c.h` for which arguments take
//! keywords and the wording of every argument error). The text algorithms
//! are `ftl_algorithms::str_methods` (code-point indices, Unicode 14
//! properties); this file does the argument handling around them.
//!
//! Every index a `str` method takes or returns counts code points. Python
//! `str` values are Rust strings, so they hold no lone surrogates: where
//! CPython would produce one (`translate` to a surrogate) we raise a
//! `ValueError` saying so instead.

use ftl_object::{HeapPolicy, ObjRef};

use crate::interpreter::state::{BuiltinFn, ExcType, Kw, PyResult, Vm};
use crate::objects::*;
use ftl_algorithms::str_methods;

use super::args::*;
use super::codecs::str_encode;

/// Installs the methods of `str`.
pub fn install<P: HeapPolicy>(vm: &Vm<P>) {
    let t = vm.types();
    let methods: &[(&'static str, BuiltinFn<P>)] = &[
        ("join", str_join::<P>),
        ("format", str_format::<P>),
        ("split", str_split::<P>),
        ("rsplit", str_rsplit::<P>),
        ("splitlines", str_splitlines::<P>),
        ("strip", str_strip::<P>),
        ("lstrip", str_lstrip::<P>),
        ("rstrip", str_rstrip::<P>),
        ("replace", str_replace::<P>),
        ("find", str_find::<P>),
        ("rfind", str_rfind::<P>),
        ("index", str_index::<P>),
        ("rindex", str_rindex::<P>),
        ("count", str_count::<P>),
        ("startswith", str_startswith::<P>),
        ("endswith", str_endswith::<P>),
        ("upper", str_upper::<P>),
        ("lower", str_lower::<P>),
        ("casefold", str_casefold::<P>),
        ("title", str_title::<P>),
        ("capitalize", str_capitalize::<P>),
        ("swapcase", str_swapcase::<P>),
        ("center", str_center::<P>),
        ("ljust", str_ljust::<P>),
        ("rjust", str_rjust::<P>),
        ("zfill", str_zfill::<P>),
        ("expandtabs", str_expandtabs::<P>),
        ("isdigit", str_isdigit::<P>),
        ("isdecimal", str_isdecimal::<P>),
        ("isnumeric", str_isnumeric::<P>),
        ("isalpha", str_isalpha::<P>),
        ("isalnum", str_isalnum::<P>),
        ("isspace", str_isspace::<P>),
        ("isupper", str_isupper::<P>),
        ("islower", str_islower::<P>),
        ("istitle", str_istitle::<P>),
        ("isidentifier", str_isidentifier::<P>),
        ("isascii", str_isascii::<P>),
        ("isprintable", str_isprintable::<P>),
        ("partition", str_partition::<P>),
        ("rpartition", str_rpartition::<P>),
        ("encode", str_encode::<P>),
        ("removeprefix", str_removeprefix::<P>),
        ("removesuffix", str_removesuffix::<P>),
        ("translate", str_translate::<P>),
        ("format_map", str_format_map::<P>),
    ];
    for (name, f) in methods {
        vm.add_method(&t.str_, "str", name, *f);
    }
    vm.add_wrapped_method(&t.str_, "maketrans", str_maketrans::<P>, false);
}

fn str_join<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("join", &args[1..], 1, 1)?;
    let Some(sep) = args[0].as_str() else {
        return Err(vm.type_error(format!(
            "descriptor 'join' for 'str' objects doesn't apply to a '{}' object",
            vm.type_name(&args[0])
        )));
    };
    let items = vm.collect(&args[1])?;
    let mut out = String::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        match vm.str_of(x) {
            Some(s) => out.push_str(s),
            None => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    vm.type_name(x)
                )))
            }
        }
    }
    Ok(ObjRef::from_string(out))
}

fn str_format<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let Some(t) = args.first().and_then(|o| o.as_str()) else {
        return Err(vm.type_error("descriptor 'format' for 'str' objects doesn't apply"));
    };
    Ok(ObjRef::from_string(vm.str_format(t, &args[1..], kw)?))
}

fn str_format_map<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let t = this_str(vm, args, "format_map")?;
    positional(vm, "str", "format_map", args, kw, 1, 1)?;
    Ok(ObjRef::from_string(vm.str_format_map(t, &args[1])?))
}

// str: splitting, stripping, replacing
// ---------------------------------------------------------------------------

/// `str.split` and `str.rsplit`.
fn split_impl<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
    name: &str,
    right: bool,
) -> R<P> {
    let s = this_str(vm, args, name)?;
    let a = parse_args(vm, name, &args[1..], kw, &["sep", "maxsplit"], 2, 0)?;
    let sep = match &a[0] {
        Some(o) if !o.is_none() => Some(vm.str_of(o).ok_or_else(|| {
            vm.type_error(format!("must be str or None, not {}", vm.type_name(o)))
        })?),
        _ => None,
    };
    let maxsplit = match &a[1] {
        Some(o) => vm.index_i64(o)?,
        None => -1,
    };
    let parts = if right {
        str_methods::rsplit(s, sep, maxsplit)
    } else {
        str_methods::split(s, sep, maxsplit)
    };
    Ok(str_list(parts.map_err(|m| vm.value_error(m))?))
}

fn str_split<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    split_impl(vm, args, kw, "split", false)
}

fn str_rsplit<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    split_impl(vm, args, kw, "rsplit", true)
}

/// A `bool(accept={int})` clinic argument (`keepends`): a C int.
fn int_flag<P: HeapPolicy>(vm: &Vm<P>, o: Option<&Obj<P>>) -> PyResult<bool, P> {
    match o {
        None => Ok(false),
        Some(o) => Ok(c_int(vm, o)? != 0),
    }
}

fn str_splitlines<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let s = this_str(vm, args, "splitlines")?;
    let a = parse_args(vm, "splitlines", &args[1..], kw, &["keepends"], 1, 0)?;
    let keepends = int_flag(vm, a[0].as_ref())?;
    Ok(str_list(str_methods::splitlines(s, keepends)))
}

fn strip_impl<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
    name: &str,
    ends: Ends,
) -> R<P> {
    let s = this_str(vm, args, name)?;
    positional(vm, "str", name, args, kw, 0, 1)?;
    let chars = match args.get(1) {
        Some(o) if !o.is_none() => Some(
            vm.str_of(o)
                .ok_or_else(|| vm.type_error(format!("{name} arg must be None or str")))?,
        ),
        _ => None,
    };
    let r = match ends {
        Ends::Both => str_methods::strip(s, chars),
        Ends::Left => str_methods::lstrip(s, chars),
        Ends::Right => str_methods::rstrip(s, chars),
    };
    if r.len() == s.len() {
        return Ok(args[0].clone());
    }
    Ok(vm.new_str(r))
}

fn str_strip<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    strip_impl(vm, args, kw, "strip", Ends::Both)
}

fn str_lstrip<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    strip_impl(vm, args, kw, "lstrip", Ends::Left)
}

fn str_rstrip<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    strip_impl(vm, args, kw, "rstrip", Ends::Right)
}

fn str_replace<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let s = this_str(vm, args, "replace")?;
    positional(vm, "str", "replace", args, kw, 2, 3)?;
    let old = str_param(vm, "replace", "1", &args[1])?;
    let new = str_param(vm, "replace", "2", &args[2])?;
    let count = match args.get(3) {
        Some(o) => vm.index_i64(o)?,
        None => -1,
    };
    let r = str_methods::replace(s, old, new, count).map_err(|_| memory_error(vm))?;
    Ok(ObjRef::from_string(r))
}

fn str_partition<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    partition_impl(vm, args, kw, "partition", false)
}

fn str_rpartition<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    partition_impl(vm, args, kw, "rpartition", true)
}

fn partition_impl<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
    name: &str,
    right: bool,
) -> R<P> {
    let s = this_str(vm, args, name)?;
    one_arg(vm, &format!("str.{name}"), args, kw)?;
    let sep = must_be_str(vm, &args[1])?;
    let r = if right {
        str_methods::rpartition(s, sep)
    } else {
        str_methods::partition(s, sep)
    };
    Ok(str_triple(r.map_err(|m| vm.value_error(m))?))
}

/// `must be str, not int` (the unicode `ensure_unicode` check).
fn must_be_str<'a, P: HeapPolicy>(vm: &Vm<P>, o: &'a Obj<P>) -> PyResult<&'a str, P> {
    vm.str_of(o)
        .ok_or_else(|| vm.type_error(format!("must be str, not {}", vm.type_name(o))))
}

fn str_removeprefix<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    remove_affix(vm, args, kw, "removeprefix", true)
}

fn str_removesuffix<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    remove_affix(vm, args, kw, "removesuffix", false)
}

fn remove_affix<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
    name: &str,
    prefix: bool,
) -> R<P> {
    let s = this_str(vm, args, name)?;
    one_arg(vm, &format!("str.{name}"), args, kw)?;
    let a = vm.str_of(&args[1]).ok_or_else(|| {
        vm.type_error(format!(
            "{name}() argument must be str, not {}",
            vm.type_name(&args[1])
        ))
    })?;
    let r = if prefix {
        s.strip_prefix(a)
    } else {
        s.strip_suffix(a)
    };
    match r {
        Some(r) if !a.is_empty() => Ok(vm.new_str(r)),
        _ => Ok(args[0].clone()),
    }
}

// ---------------------------------------------------------------------------
// str: searching
// ---------------------------------------------------------------------------

fn str_search<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
    name: &str,
    how: Search,
) -> R<P> {
    let s = this_str(vm, args, name)?;
    let (sub, start, end) = finds_args(vm, "str", name, args, kw)?;
    let sub = must_be_str(vm, sub)?;
    let r = match how {
        Search::Find | Search::Index => str_methods::find(s, sub, start, end),
        Search::RFind | Search::RIndex => str_methods::rfind(s, sub, start, end),
        Search::Count => str_methods::count(s, sub, start, end),
    };
    if r < 0 && matches!(how, Search::Index | Search::RIndex) {
        return Err(vm.value_error(str_methods::SUBSTRING_NOT_FOUND));
    }
    Ok(ObjRef::from_i64(r))
}

fn str_find<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    str_search(vm, args, kw, "find", Search::Find)
}

fn str_rfind<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    str_search(vm, args, kw, "rfind", Search::RFind)
}

fn str_index<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    str_search(vm, args, kw, "index", Search::Index)
}

fn str_rindex<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    str_search(vm, args, kw, "rindex", Search::RIndex)
}

fn str_count<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    str_search(vm, args, kw, "count", Search::Count)
}

fn str_affix_test<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
    name: &str,
    start_side: bool,
) -> R<P> {
    let s = this_str(vm, args, name)?;
    let (arg, start, end) = finds_args(vm, "str", name, args, kw)?;
    let test = |p: &str| {
        if start_side {
            str_methods::startswith(s, p, start, end)
        } else {
            str_methods::endswith(s, p, start, end)
        }
    };
    if let Some(items) = arg.as_tuple() {
        for item in items {
            let p = vm.str_of(item).ok_or_else(|| {
                vm.type_error(format!(
                    "tuple for {name} must only contain str, not {}",
                    vm.type_name(item)
                ))
            })?;
            if test(p) {
                return Ok(ObjRef::from_bool(true));
            }
        }
        return Ok(ObjRef::from_bool(false));
    }
    let p = vm.str_of(arg).ok_or_else(|| {
        vm.type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            vm.type_name(arg)
        ))
    })?;
    Ok(ObjRef::from_bool(test(p)))
}

fn str_startswith<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    str_affix_test(vm, args, kw, "startswith", true)
}

fn str_endswith<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    str_affix_test(vm, args, kw, "endswith", false)
}

// ---------------------------------------------------------------------------
// str: case, predicates, padding
// ---------------------------------------------------------------------------

noargs_methods! {
    this_str, "str":
    str_upper = "upper" => |s| ObjRef::from_string(str_methods::upper(s));
    str_lower = "lower" => |s| ObjRef::from_string(str_methods::lower(s));
    str_casefold = "casefold" => |s| ObjRef::from_string(str_methods::casefold(s));
    str_title = "title" => |s| ObjRef::from_string(str_methods::title(s));
    str_capitalize = "capitalize" => |s| ObjRef::from_string(str_methods::capitalize(s));
    str_swapcase = "swapcase" => |s| ObjRef::from_string(str_methods::swapcase(s));
    str_isdigit = "isdigit" => |s| ObjRef::from_bool(str_methods::isdigit(s));
    str_isdecimal = "isdecimal" => |s| ObjRef::from_bool(str_methods::isdecimal(s));
    str_isnumeric = "isnumeric" => |s| ObjRef::from_bool(str_methods::isnumeric(s));
    str_isalpha = "isalpha" => |s| ObjRef::from_bool(str_methods::isalpha(s));
    str_isalnum = "isalnum" => |s| ObjRef::from_bool(str_methods::isalnum(s));
    str_isspace = "isspace" => |s| ObjRef::from_bool(str_methods::isspace(s));
    str_isupper = "isupper" => |s| ObjRef::from_bool(str_methods::isupper(s));
    str_islower = "islower" => |s| ObjRef::from_bool(str_methods::islower(s));
    str_istitle = "istitle" => |s| ObjRef::from_bool(str_methods::istitle(s));
    str_isidentifier = "isidentifier" => |s| ObjRef::from_bool(str_methods::isidentifier(s));
    str_isascii = "isascii" => |s| ObjRef::from_bool(str_methods::isascii(s));
    str_isprintable = "isprintable" => |s| ObjRef::from_bool(str_methods::isprintable(s));
}

/// `center`, `ljust` and `rjust`.
fn pad_impl<P: HeapPolicy>(
    vm: &Vm<P>,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
    name: &str,
    f: fn(&str, i64, char) -> Result<String, str_methods::MemoryError>,
) -> R<P> {
    let s = this_str(vm, args, name)?;
    positional(vm, "str", name, args, kw, 1, 2)?;
    let width = vm.index_i64(&args[1])?;
    let fill = match args.get(2) {
        None => ' ',
        Some(o) => {
            let t = vm.str_of(o).ok_or_else(|| {
                vm.type_error(format!(
                    "The fill character must be a unicode character, not {}",
                    vm.type_name(o)
                ))
            })?;
            let mut it = t.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(
                        vm.type_error("The fill character must be exactly one character long")
                    )
                }
            }
        }
    };
    Ok(ObjRef::from_string(
        f(s, width, fill).map_err(|_| memory_error(vm))?,
    ))
}

fn str_center<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    pad_impl(vm, args, kw, "center", str_methods::center)
}

fn str_ljust<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    pad_impl(vm, args, kw, "ljust", str_methods::ljust)
}

fn str_rjust<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    pad_impl(vm, args, kw, "rjust", str_methods::rjust)
}

fn str_zfill<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let s = this_str(vm, args, "zfill")?;
    one_arg(vm, "str.zfill", args, kw)?;
    let width = vm.index_i64(&args[1])?;
    Ok(ObjRef::from_string(
        str_methods::zfill(s, width).map_err(|_| memory_error(vm))?,
    ))
}

fn str_expandtabs<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let s = this_str(vm, args, "expandtabs")?;
    let a = parse_args(vm, "expandtabs", &args[1..], kw, &["tabsize"], 1, 0)?;
    let tabsize = match &a[0] {
        Some(o) => c_int(vm, o)?,
        None => 8,
    };
    Ok(ObjRef::from_string(
        str_methods::expandtabs(s, tabsize).map_err(|_| memory_error(vm))?,
    ))
}

// ---------------------------------------------------------------------------
// str.maketrans / str.translate
// ---------------------------------------------------------------------------

fn str_maketrans<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    vm.no_kw("maketrans", kw)?;
    vm.check_args("maketrans", args, 1, 3)?;
    let out = ObjRef::new_dict();
    if args.len() == 1 {
        let Some(d) = args[0].as_dict() else {
            return Err(
                vm.type_error("if you give only one argument to maketrans it must be a dict")
            );
        };
        for (k, v) in d.items() {
            let key = if let Some(s) = k.as_str() {
                match single_char(s) {
                    Some(c) => ObjRef::from_i64(i64::from(u32::from(c))),
                    None => {
                        return Err(
                            vm.value_error("string keys in translate table must be of length 1")
                        )
                    }
                }
            } else if vm.int_value(&k).is_some() {
                k.clone()
            } else {
                return Err(vm.type_error("keys in translate table must be strings or integers"));
            };
            vm.dict_set(&out, key, v)?;
        }
        return Ok(out);
    }
    let y = str_param(vm, "maketrans", "2", &args[1])?;
    let z = match args.get(2) {
        Some(o) => Some(str_param(vm, "maketrans", "3", o)?),
        None => None,
    };
    let x = args[0].as_str().ok_or_else(|| {
        vm.type_error("first maketrans argument must be a string if there is a second argument")
    })?;
    if str_methods::char_len(x) != str_methods::char_len(y) {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    let ord = |c: char| ObjRef::from_i64(i64::from(u32::from(c)));
    for (a, b) in x.chars().zip(y.chars()) {
        vm.dict_set(&out, ord(a), ord(b))?;
    }
    for c in z.unwrap_or("").chars() {
        vm.dict_set(&out, ord(c), ObjRef::none())?;
    }
    Ok(out)
}

fn str_translate<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let s = this_str(vm, args, "translate")?;
    one_arg(vm, "str.translate", args, kw)?;
    let table = &args[1];
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let key = ObjRef::from_i64(i64::from(u32::from(c)));
        let v = match vm.getitem(table, &key) {
            Ok(v) => v,
            Err(e) if vm.err_matches(&e, ExcType::LookupError) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        if v.is_none() {
            continue;
        }
        if let Some(t) = vm.str_of(&v) {
            out.push_str(t);
        } else if let Some(i) = vm.int_value(&v) {
            let cp = i.as_i64().filter(|n| (0..0x110000).contains(n));
            let Some(cp) = cp else {
                return Err(vm.value_error("character mapping must be in range(0x110000)"));
            };
            match u32::try_from(cp).ok().and_then(char::from_u32) {
                Some(ch) => out.push(ch),
                None => {
                    return Err(vm.value_error("surrogate code points are not supported by ftl"))
                }
            }
        } else {
            return Err(vm.type_error("character mapping must return integer, None or str"));
        }
        if out.len() > str_methods::MAX_RESULT_LEN {
            return Err(memory_error(vm));
        }
    }
    Ok(ObjRef::from_string(out))
}

// ---------------------------------------------------------------------------
