//! The safe guards over `RawCoordination` call the raw protocol in the
//! right order: a recording coordination checks every call against the
//! thread's state (attached or not) and fails on a call the contract
//! forbids.

#![allow(unsafe_code)] // tests of the raw protocol's unsafe contract
#![cfg(not(loom))]

use std::cell::RefCell;
use std::sync::{Arc, Mutex};

use ftl_core::{OwnedAttached, RawCoordination, ThreadHandle};

#[derive(Default)]
struct Recording {
    log: Mutex<Vec<&'static str>>,
}

struct RecThread {
    attached: RefCell<bool>,
}

impl Recording {
    fn log(&self, what: &'static str) {
        self.log.lock().unwrap().push(what);
    }
    fn take(&self) -> Vec<&'static str> {
        std::mem::take(&mut *self.log.lock().unwrap())
    }
}

// SAFETY: a test double: it runs one thread and checks the contract's
// preconditions instead of relying on them.
unsafe impl RawCoordination for Recording {
    type Thread = RecThread;
    const NAME: &'static str = "recording";
    const EXCLUSIVE: bool = true;

    fn register(&self) -> RecThread {
        self.log("register");
        RecThread {
            attached: RefCell::new(false),
        }
    }
    unsafe fn attach(&self, t: &RecThread) {
        assert!(!*t.attached.borrow(), "attach while attached");
        *t.attached.borrow_mut() = true;
        self.log("attach");
    }
    unsafe fn detach(&self, t: &RecThread) {
        assert!(*t.attached.borrow(), "detach while detached");
        *t.attached.borrow_mut() = false;
        self.log("detach");
    }
    unsafe fn poll(&self, t: &RecThread) {
        assert!(*t.attached.borrow(), "poll while detached");
        self.log("poll");
    }
    unsafe fn stop_the_world(&self, t: &RecThread) {
        assert!(*t.attached.borrow());
        self.log("stop");
    }
    unsafe fn start_the_world(&self, t: &RecThread) {
        assert!(*t.attached.borrow());
        self.log("start");
    }
}

#[test]
fn owned_guard_attaches_detaches_around_blocking_and_on_drop() {
    let coord = Arc::new(Recording::default());
    {
        let mut g = OwnedAttached::attach(coord.clone());
        g.poll();
        let r = g.detach_while(|| 7);
        assert_eq!(r, 7);
        g.poll();
    }
    assert_eq!(
        coord.take(),
        ["register", "attach", "poll", "detach", "attach", "poll", "detach"]
    );
}

#[test]
fn owned_guard_restarts_the_world_after_a_stop_even_by_a_panic() {
    let coord = Arc::new(Recording::default());
    let mut g = OwnedAttached::attach(coord.clone());
    assert_eq!(g.with_world_stopped(|| 5), 5);
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        g.with_world_stopped(|| panic!("collector failed"))
    }));
    assert!(r.is_err());
    drop(g);
    assert_eq!(
        coord.take(),
        ["register", "attach", "stop", "start", "stop", "start", "detach"]
    );
}

#[test]
fn owned_guard_can_stop_the_world_for_good() {
    let coord = Arc::new(Recording::default());
    let mut g = OwnedAttached::attach(coord.clone());
    g.stop_the_world_for_good();
    g.detach_while(|| ());
    drop(g);
    assert_eq!(
        coord.take(),
        ["register", "attach", "stop", "detach", "attach", "detach"]
    );
}

#[test]
fn owned_guard_reattaches_when_the_blocking_call_unwinds() {
    let coord = Arc::new(Recording::default());
    let mut g = OwnedAttached::attach(coord.clone());
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        g.detach_while(|| panic!("blocking call failed"))
    }));
    assert!(r.is_err());
    g.poll();
    drop(g);
    assert_eq!(
        coord.take(),
        ["register", "attach", "detach", "attach", "poll", "detach"]
    );
}

#[test]
fn borrowing_guards_follow_the_same_order() {
    let coord = Recording::default();
    let mut h = ThreadHandle::register(&coord);
    {
        let mut a = h.attach();
        a.poll();
        a.detach(|| ());
        drop(a.stop_the_world());
    }
    assert_eq!(
        coord.take(),
        ["register", "attach", "poll", "detach", "attach", "stop", "start", "detach"]
    );
}
