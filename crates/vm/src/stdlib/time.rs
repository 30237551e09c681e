//! `time` (`Modules/timemodule.c`): the clocks and `sleep`, which detaches
//! from the coordination while it waits.

use ftl_object::{HeapPolicy, IntValue, ObjRef};

use crate::interpreter::state::{Kw, PyResult, Vm};
use crate::objects::*;
use crate::stdlib::Namespace;

use crate::interpreter::state::ObjResult as R;

/// Fills `time`.
pub fn init<P: HeapPolicy>(_vm: &Vm<P>, m: &Namespace<'_, P>) -> PyResult<(), P> {
    m.add_functions(&[
        ("time", time_time::<P>),
        ("perf_counter", time_perf_counter::<P>),
        ("monotonic", time_perf_counter::<P>),
        ("process_time", time_process_time::<P>),
        ("sleep", time_sleep::<P>),
        ("time_ns", time_time_ns::<P>),
        ("perf_counter_ns", time_perf_counter_ns::<P>),
    ]);
    Ok(())
}

fn since_epoch() -> core::time::Duration {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
}

fn time_time<P: HeapPolicy>(_vm: &Vm<P>, _args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    Ok(ObjRef::from_f64(since_epoch().as_secs_f64()))
}

fn time_time_ns<P: HeapPolicy>(_vm: &Vm<P>, _args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    Ok(ObjRef::from_int(IntValue::from_bigint(
        since_epoch().as_nanos().into(),
    )))
}

fn start_instant() -> std::time::Instant {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    *START.get_or_init(std::time::Instant::now)
}

fn time_perf_counter<P: HeapPolicy>(_vm: &Vm<P>, _args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    Ok(ObjRef::from_f64(start_instant().elapsed().as_secs_f64()))
}

fn time_perf_counter_ns<P: HeapPolicy>(_vm: &Vm<P>, _args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    Ok(ObjRef::from_int(IntValue::from_bigint(
        start_instant().elapsed().as_nanos().into(),
    )))
}

fn time_process_time<P: HeapPolicy>(_vm: &Vm<P>, _args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    Ok(ObjRef::from_f64(
        crate::stdlib::syscalls::process_cpu_seconds(),
    ))
}

fn time_sleep<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], _kw: Kw<'_, P>) -> R<P> {
    vm.check_args("sleep", args, 1, 1)?;
    let secs = vm.to_f64(&args[0])?;
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    if !secs.is_finite() {
        return Err(vm.overflow_error("sleep length is too large"));
    }
    let duration = core::time::Duration::from_secs_f64(secs);
    if !vm.runs_signal_handlers() {
        vm.blocking(|| std::thread::sleep(duration));
        return Ok(ObjRef::none());
    }
    // The main thread wakes for a signal with a Python handler, runs it,
    // and sleeps on for the rest of the time unless it raised (PEP 475).
    let deadline = std::time::Instant::now() + duration;
    loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        let whole = vm.blocking(|| crate::stdlib::syscalls::sleep_interruptibly(left));
        vm.run_signal_handlers()?;
        if whole || std::time::Instant::now() >= deadline {
            return Ok(ObjRef::none());
        }
    }
}
