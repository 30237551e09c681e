//! Every free-threaded strategy against a sequential model of counts.
//!
//! Three threads (the test's own, thread 0, and two workers) each keep a
//! pool of references to three objects, one made by each thread (so each
//! thread owns one under `ft-biased`). proptest draws a sequence of
//! operations, each run on the thread it names, one at a time:
//!
//! * `Clone(t, i)`: thread `t` clones the `i`-th reference of its pool;
//! * `Drop(t, i)`: thread `t` drops it;
//! * `Send(t, i, u)`: the reference moves from thread `t`'s pool to `u`'s
//!   (so the last reference to an object is often dropped by a thread
//!   that neither made it nor counted it first: a cross-thread free);
//! * `Settle`: every thread brings its counts up to date
//!   (`RefCount::sync_counts`: ft-biased's owners merge their queues,
//!   ft-buffered's logs are committed).
//!
//! The model is the number of references in the pools. After every
//! operation no object whose model count is above zero has been freed,
//! and none has been freed twice; after a `Settle`, every object whose
//! model count is zero has been freed exactly once and every other one
//! reports its model count. At the end every pool is dropped, every
//! worker ends (`thread_exit`), and every object is freed once with the
//! live-object count back at its baseline.
//!
//! As the VM does, a thread that waits for another (here: for a worker to
//! finish an operation, or a worker for its next one) is detached
//! (`thread_detached`), so ft-buffered's commit never waits on a thread
//! that is only blocked.

#![cfg(not(loom))]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::Arc;

use ftl_core::RefCount;
use ftl_object::{Accounting, HeapPolicy, ObjRef, Payload, SharedHeap};
use proptest::prelude::*;

/// A payload that counts the times it is dropped (freed).
struct Tracked(Arc<AtomicUsize>);

impl Drop for Tracked {
    fn drop(&mut self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

#[allow(unsafe_code)] // a test payload
                      // SAFETY: an `Arc<AtomicUsize>` is Send and Sync, and the payload has no
                      // interior state besides it.
unsafe impl<P: HeapPolicy> Payload<P> for Tracked {
    const NAME: &'static str = "tracked";
}

const THREADS: usize = 3;
const OBJECTS: usize = 3;

#[derive(Debug, Clone)]
enum Op {
    Clone(usize, usize),
    Drop(usize, usize),
    Send(usize, usize, usize),
    Settle,
}

fn op() -> impl Strategy<Value = Op> {
    let t = 0..THREADS;
    let i = any::<usize>();
    prop_oneof![
        4 => (t.clone(), i).prop_map(|(t, i)| Op::Clone(t, i)),
        3 => (t.clone(), i).prop_map(|(t, i)| Op::Drop(t, i)),
        3 => (t.clone(), i, 0..THREADS).prop_map(|(t, i, u)| Op::Send(t, i, u)),
        1 => Just(Op::Settle),
    ]
}

/// One thread's pool: which object each reference is to, and the
/// reference.
type Pool<H> = Vec<(usize, ObjRef<H>)>;

/// What a worker is asked to do; it answers on its reply channel when done.
enum Cmd<H: HeapPolicy> {
    Make(usize, Arc<AtomicUsize>),
    Clone(usize),
    Drop(usize),
    Take(usize),
    Put(usize, ObjRef<H>),
    Settle,
    Count(usize),
    Finish,
}

enum Reply<H: HeapPolicy> {
    Done,
    Taken(usize, ObjRef<H>),
    Count(Option<usize>),
}

/// The pool operations, the same on the test's thread and on a worker.
fn apply<H: HeapPolicy>(pool: &mut Pool<H>, cmd: Cmd<H>) -> Reply<H> {
    match cmd {
        Cmd::Make(k, drops) => pool.push((k, ObjRef::new(Tracked(drops)))),
        Cmd::Clone(i) => {
            let (k, r) = &pool[i];
            let copy = r.clone();
            pool.push((*k, copy));
        }
        Cmd::Drop(i) => drop(pool.swap_remove(i)),
        Cmd::Take(i) => {
            let (k, r) = pool.swap_remove(i);
            return Reply::Taken(k, r);
        }
        Cmd::Put(k, r) => pool.push((k, r)),
        Cmd::Settle => H::Rc::sync_counts(),
        Cmd::Count(k) => {
            H::Rc::sync_counts();
            let n = pool
                .iter()
                .find(|(j, _)| *j == k)
                .map(|(_, r)| r.refcount());
            return Reply::Count(n);
        }
        Cmd::Finish => {
            pool.clear();
            H::Rc::sync_counts();
        }
    }
    Reply::Done
}

/// A worker thread: runs commands on its own pool until its channel closes,
/// detached while it waits for the next one.
fn worker<H: HeapPolicy>(acct: Arc<Accounting>, cmds: Receiver<Cmd<H>>, replies: Sender<Reply<H>>) {
    let _scope = acct.enter();
    let mut pool: Pool<H> = Vec::new();
    loop {
        H::Rc::thread_detached();
        let Ok(cmd) = cmds.recv() else { break };
        H::Rc::thread_attached();
        let reply = apply(&mut pool, cmd);
        replies.send(reply).expect("the test waits");
    }
    H::Rc::thread_attached();
    H::Rc::thread_exit();
}

/// The channels to a worker and back.
type Worker<H> = (Sender<Cmd<H>>, Receiver<Reply<H>>);

/// The threads of one run: the test's own pool and two workers.
struct Threads<H: HeapPolicy> {
    own: Pool<H>,
    workers: Vec<Worker<H>>,
    model: Vec<Vec<usize>>,
}

impl<H: HeapPolicy> Threads<H> {
    /// Runs `cmd` on thread `t` and returns its reply.
    fn run(&mut self, t: usize, cmd: Cmd<H>) -> Reply<H> {
        if t == 0 {
            return apply(&mut self.own, cmd);
        }
        let (to, from) = &self.workers[t - 1];
        to.send(cmd).expect("the worker runs");
        H::Rc::thread_detached();
        let reply = from.recv().expect("the worker answers");
        H::Rc::thread_attached();
        reply
    }

    fn settle(&mut self) {
        // Twice round: an owner's merge may free what another thread's
        // commit only now handed over.
        for _ in 0..2 {
            for t in 0..THREADS {
                self.run(t, Cmd::Settle);
            }
        }
    }

    fn model_count(&self, k: usize) -> usize {
        self.model.iter().flatten().filter(|&&j| j == k).count()
    }

    /// Runs `op` on the threads and on the model; an operation on an empty
    /// pool does nothing.
    fn step(&mut self, op: &Op) {
        match *op {
            Op::Clone(t, i) | Op::Drop(t, i) | Op::Send(t, i, _) if self.model[t].is_empty() => {
                let _ = i;
            }
            Op::Clone(t, i) => {
                let i = i % self.model[t].len();
                self.run(t, Cmd::Clone(i));
                let k = self.model[t][i];
                self.model[t].push(k);
            }
            Op::Drop(t, i) => {
                let i = i % self.model[t].len();
                self.run(t, Cmd::Drop(i));
                self.model[t].swap_remove(i);
            }
            Op::Send(t, i, u) => {
                let i = i % self.model[t].len();
                let Reply::Taken(k, r) = self.run(t, Cmd::Take(i)) else {
                    unreachable!("Take answers Taken")
                };
                assert_eq!(k, self.model[t].swap_remove(i));
                self.run(u, Cmd::Put(k, r));
                self.model[u].push(k);
            }
            Op::Settle => self.settle(),
        }
    }

    /// The count of object `k` as a thread that holds it reads it (after
    /// bringing its own counts up to date), if any thread holds it.
    fn count(&mut self, k: usize) -> Option<usize> {
        let t = (0..THREADS).find(|&t| self.model[t].contains(&k))?;
        match self.run(t, Cmd::Count(k)) {
            Reply::Count(n) => n,
            _ => unreachable!("Count answers Count"),
        }
    }
}

/// Runs `ops` under heap `H` and checks it against the model.
fn check<H: SharedHeap>(ops: &[Op]) -> Result<(), TestCaseError> {
    let acct = Accounting::new();
    let _scope = acct.enter();
    let baseline = acct.live();
    let drops: Vec<Arc<AtomicUsize>> = (0..OBJECTS).map(|_| Arc::default()).collect();

    let mut handles = Vec::new();
    let mut threads = Threads::<H> {
        own: Vec::new(),
        workers: Vec::new(),
        model: vec![Vec::new(); THREADS],
    };
    for _ in 1..THREADS {
        let (to, cmds) = channel();
        let (replies, from) = channel();
        let acct = acct.clone();
        handles.push(std::thread::spawn(move || worker::<H>(acct, cmds, replies)));
        threads.workers.push((to, from));
    }
    // Object k is made (and owned) by thread k.
    for (k, d) in drops.iter().enumerate() {
        threads.run(k, Cmd::Make(k, d.clone()));
        threads.model[k].push(k);
    }

    for op in ops {
        threads.step(op);
        for (k, d) in drops.iter().enumerate() {
            let freed = d.load(Ordering::SeqCst);
            prop_assert!(
                freed <= 1,
                "object {} freed {} times after {:?}",
                k,
                freed,
                op
            );
            if threads.model_count(k) > 0 {
                prop_assert_eq!(freed, 0, "object {} freed while held, after {:?}", k, op);
            }
        }
        if let Op::Settle = op {
            for (k, d) in drops.iter().enumerate() {
                let expected = threads.model_count(k);
                if expected == 0 {
                    prop_assert_eq!(
                        d.load(Ordering::SeqCst),
                        1,
                        "object {} not freed once settled",
                        k
                    );
                } else {
                    prop_assert_eq!(threads.count(k), Some(expected), "object {}'s count", k);
                }
            }
        }
    }

    // The end: every thread drops its pool, the workers end.
    threads.own.clear();
    for (to, from) in &threads.workers {
        to.send(Cmd::Finish).expect("the worker runs");
        H::Rc::thread_detached();
        let _ = from.recv().expect("the worker answers");
        H::Rc::thread_attached();
    }
    let workers = std::mem::take(&mut threads.workers);
    drop(workers); // closes the channels: the workers exit
    for h in handles {
        h.join().expect("a worker panicked");
    }
    H::Rc::sync_counts();
    for (k, d) in drops.iter().enumerate() {
        prop_assert_eq!(
            d.load(Ordering::SeqCst),
            1,
            "object {} freed once at the end",
            k
        );
    }
    prop_assert_eq!(acct.live(), baseline);
    Ok(())
}

/// One run at a time: ft-buffered's counts are settled exactly only while
/// no other test's thread counts.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: if cfg!(miri) { 2 } else { 64 },
        failure_persistence: None,
        ..Default::default()
    }
}

macro_rules! model_test {
    ($name:ident, $heap:ty) => {
        proptest! {
            #![proptest_config(config())]
            #[test]
            fn $name(ops in prop::collection::vec(op(), 0..if cfg!(miri) { 12 } else { 80 })) {
                let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
                check::<$heap>(&ops)?;
            }
        }
    };
}

model_test!(ft_atomic_matches_the_model, ftl_heap::FtAtomic);
model_test!(ft_locked_matches_the_model, ftl_heap::FtLocked);
model_test!(ft_biased_matches_the_model, ftl_heap::FtBiased);
model_test!(ft_buffered_matches_the_model, ftl_heap::FtBuffered);
