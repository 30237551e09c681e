//! Methods of `str`, `bytes`, `int` and `float` beyond the basics.

use ftl_object::HeapPolicy;

use crate::vm::Vm;

/// Installs them.
pub fn install<P: HeapPolicy>(_vm: &Vm<P>) {}
