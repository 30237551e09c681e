//! `TextIOWrapper`, the type of `sys.stdout` and `sys.stderr`: `write`
//! and `flush` on the interpreter's buffered standard output and on
//! standard error.

use ftl_object::{HeapPolicy, ObjRef};

use crate::interpreter::state::{Kw, Vm};
use crate::objects::*;

use super::args::R;

/// Installs the methods of `TextIOWrapper`.
pub fn install<P: HeapPolicy>(vm: &Vm<P>) {
    let stream = &vm.types().others["TextIOWrapper"];
    vm.add_method(stream, "TextIOWrapper", "write", stream_write::<P>);
    vm.add_method(stream, "TextIOWrapper", "flush", stream_flush::<P>);
}

fn stream_write<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("write", &args[1..], 1, 1)?;
    let Some(text) = args[1].as_str() else {
        return Err(vm.type_error(format!(
            "write() argument must be str, not {}",
            vm.type_name(&args[1])
        )));
    };
    vm.write_to(Some(&args[0]), text, false)?;
    Ok(ObjRef::from_i64(text.chars().count() as i64))
}

fn stream_flush<P: HeapPolicy>(vm: &Vm<P>, _args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.flush_stdout();
    Ok(ObjRef::none())
}
