//! # ftl-vm: the Python-subset virtual machine
//!
//! This crate will hold the front end (a thin lowering layer over a
//! maintained Python parser crate), the bytecode compiler, the eval loop —
//! monomorphised per heap policy of `ftl-object`, polling the coordination of
//! `ftl-core` at safe points — and the built-in functions and modules
//! (`sys`, `time`, `math`, `os`, `random`, later `threading`, `gc`,
//! `multiprocessing`, ...). It also adds the object types the object model
//! leaves hooks for: functions, classes, instances and weakrefs. It is filled
//! by the VM issue.
