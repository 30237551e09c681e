//! How the VM meets its thread coordination (the GIL, or none).
//!
//! The eval loop is generic over the heap policy only. Coordination is
//! reached through the object-safe [`Coordination`] trait, with CPython's
//! *eval breaker* as the fast path: the loop reads one shared flag
//! ([`Coordination::breaker`]) with a relaxed load at every safe point and
//! calls into the coordination only when it is set (a drop request, a
//! stop-the-world). Blocking calls run inside [`Coordination::detached`].
//!
//! [`SingleThread`] is the coordination of a VM that runs one thread: the
//! flag is never set and detaching does nothing. The GIL runtimes provide
//! their own implementations (`ftl-gil`).

use ftl_core::sync::Arc;
use ftl_core::sync::AtomicBool;

/// A thread's handle on its interpreter's coordination.
pub trait Coordination {
    /// The runtime's coordination name.
    fn name(&self) -> &'static str;
    /// The eval-breaker flag: set when the thread must call [`poll`]
    /// at its next safe point.
    ///
    /// [`poll`]: Coordination::poll
    fn breaker(&self) -> Arc<AtomicBool>;
    /// The slow path of a safe point (may hand the GIL over).
    fn poll(&self);
    /// Runs `f` with the thread detached (other threads may run bytecode).
    fn detached(&self, f: &mut dyn FnMut());
}

/// One thread, no coordination needed.
pub struct SingleThread {
    breaker: Arc<AtomicBool>,
}

impl SingleThread {
    /// A new single-thread coordination.
    pub fn new() -> Self {
        SingleThread {
            breaker: Arc::new(AtomicBool::new(false)),
        }
    }
}

impl Default for SingleThread {
    fn default() -> Self {
        Self::new()
    }
}

impl Coordination for SingleThread {
    fn name(&self) -> &'static str {
        "single"
    }
    fn breaker(&self) -> Arc<AtomicBool> {
        self.breaker.clone()
    }
    fn poll(&self) {}
    fn detached(&self, f: &mut dyn FnMut()) {
        f()
    }
}
