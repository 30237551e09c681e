//! Probes: timestamped events for timelines and counters.
//!
//! Every mechanism emits the moments that explain its behaviour — a thread
//! asks for the GIL, takes it, drops it, a drop request is set, a forced
//! switch happens, a collection or a stop-the-world starts and ends — through
//! a [`Probes`] handle. When no sink is installed, emitting is one
//! predictable branch on a `None` and records nothing, so mechanisms emit
//! unconditionally. [`Recorder`] is the sink the bench uses to draw GIL
//! timelines in the style of David Beazley's "Understanding the Python GIL".

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Instant;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProbeKind {
    /// A thread starts waiting for the GIL.
    GilRequest,
    /// A thread takes the GIL.
    GilTake,
    /// A thread drops the GIL.
    GilDrop,
    /// A waiter asks the holder to drop the GIL (`gil_drop_request`).
    DropRequest,
    /// A holder dropped the GIL and waited until another thread took it.
    ForcedSwitch,
    /// A cycle collection starts (`arg`: generation).
    GcStart,
    /// A cycle collection ends (`arg`: objects collected).
    GcEnd,
    /// A stop-the-world pause starts.
    StwStart,
    /// A stop-the-world pause ends.
    StwEnd,
}

/// One event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProbeEvent {
    /// Nanoseconds since the process's probe epoch.
    pub t_ns: u64,
    /// The small id of the emitting thread ([`thread_id`]).
    pub thread: u32,
    /// What happened.
    pub kind: ProbeKind,
    /// A kind-specific argument (0 when unused).
    pub arg: u64,
}

/// Where events go.
pub trait ProbeSink: Send + Sync {
    /// Records one event. Called from the thread that emits it, possibly
    /// while that thread holds a lock of the mechanism: keep it short and
    /// never call back into the mechanism.
    fn record(&self, event: ProbeEvent);
}

/// A probe handle: a sink or nothing.
#[derive(Clone, Default)]
pub struct Probes {
    sink: Option<Arc<dyn ProbeSink>>,
}

impl std::fmt::Debug for Probes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Probes")
            .field("enabled", &self.sink.is_some())
            .finish()
    }
}

impl Probes {
    /// Probes that record nothing.
    pub const fn off() -> Self {
        Probes { sink: None }
    }

    /// Probes that send every event to `sink`.
    pub fn to(sink: Arc<dyn ProbeSink>) -> Self {
        Probes { sink: Some(sink) }
    }

    /// Whether a sink is installed.
    #[inline]
    pub fn enabled(&self) -> bool {
        self.sink.is_some()
    }

    /// Emits an event, stamped now, from the calling thread.
    #[inline]
    pub fn emit(&self, kind: ProbeKind, arg: u64) {
        if let Some(sink) = &self.sink {
            emit_slow(sink.as_ref(), kind, arg);
        }
    }
}

#[cold]
fn emit_slow(sink: &dyn ProbeSink, kind: ProbeKind, arg: u64) {
    sink.record(ProbeEvent {
        t_ns: now_ns(),
        thread: thread_id(),
        kind,
        arg,
    });
}

/// Nanoseconds since the first call in this process (the probe epoch).
pub fn now_ns() -> u64 {
    static EPOCH: OnceLock<Instant> = OnceLock::new();
    let epoch = *EPOCH.get_or_init(Instant::now);
    u64::try_from(epoch.elapsed().as_nanos()).unwrap_or(u64::MAX)
}

/// A small, dense id for the calling thread (1, 2, 3, ... in order of first
/// use), stable for the thread's life.
pub fn thread_id() -> u32 {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    std::thread_local! {
        static ID: u32 = NEXT.fetch_add(1, Ordering::Relaxed);
    }
    ID.with(|id| *id)
}

/// A sink that keeps every event in memory, in emission order.
#[derive(Default, Debug)]
pub struct Recorder {
    events: Mutex<Vec<ProbeEvent>>,
}

impl Recorder {
    /// An empty recorder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Takes the events recorded so far.
    pub fn take(&self) -> Vec<ProbeEvent> {
        std::mem::take(&mut *self.events.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// How many events of `kind` were recorded so far.
    pub fn count(&self, kind: ProbeKind) -> usize {
        self.events
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .filter(|e| e.kind == kind)
            .count()
    }
}

impl ProbeSink for Recorder {
    fn record(&self, event: ProbeEvent) {
        self.events
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(event);
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    #[test]
    fn off_records_nothing_and_recorder_keeps_order() {
        let off = Probes::off();
        assert!(!off.enabled());
        off.emit(ProbeKind::GilTake, 0);

        let rec = Arc::new(Recorder::new());
        let probes = Probes::to(rec.clone());
        probes.emit(ProbeKind::GilRequest, 1);
        probes.emit(ProbeKind::GilTake, 2);
        probes.emit(ProbeKind::GilTake, 3);
        assert_eq!(rec.count(ProbeKind::GilTake), 2);
        let events = rec.take();
        assert_eq!(events.len(), 3);
        assert!(events.windows(2).all(|w| w[0].t_ns <= w[1].t_ns));
        assert_eq!(events[0].kind, ProbeKind::GilRequest);
        assert!(events.iter().all(|e| e.thread == thread_id()));
        assert!(rec.take().is_empty());
    }

    #[test]
    fn thread_ids_differ_between_threads() {
        let here = thread_id();
        let there = std::thread::spawn(thread_id).join().unwrap();
        assert_ne!(here, there);
        assert_eq!(here, thread_id());
    }
}
