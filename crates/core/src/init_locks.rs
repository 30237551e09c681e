//! [`InitLocks`]: run an initialisation once per key when several threads
//! ask for it at once — the protocol behind a module body running once
//! when threads import it together.
//!
//! It follows CPython's import locks (`importlib._bootstrap`:
//! `_ModuleLock`, `_ModuleLockManager`, `_DeadlockError`):
//!
//! * a thread that wants key `k` **claims** it. If the value is already
//!   there and nobody is initialising `k`, the claim is [`Claim::Ready`].
//!   If nobody is initialising `k` and the value is not there, the thread
//!   becomes its initialiser ([`Claim::Mine`], a guard that ends the
//!   initialisation when dropped, even by a panic). If another thread is
//!   initialising `k`, the claim is [`Claim::Wait`]: the thread waits until
//!   that initialisation ends and then claims again (the value is there, or
//!   the initialiser failed and this thread may try);
//! * the initialising thread asking for its own key again (a circular
//!   import) gets the partly initialised value ([`Claim::Ready`]) if the
//!   lookup finds one;
//! * a wait that would close a cycle (A initialises `a` and waits for `b`,
//!   which B initialises while waiting for `a`) is refused: the claim
//!   returns the partly initialised value, as CPython does when it catches
//!   `_DeadlockError` ("concurrent circular import").
//!
//! The caller's `lookup` (is the value there?) runs *under the protocol's
//! lock*, so it cannot miss an initialisation that ended just before: an
//! initialiser publishes its value before its guard ends, under the same
//! lock. While no key is being initialised (the common case) a claim that
//! finds the value takes no lock at all.
//!
//! # Invariants
//!
//! 1. At most one thread initialises a key at a time, and a thread that
//!    finds no value and no initialiser becomes one only under the lock.
//! 2. A value published before the initialiser's guard is dropped is seen
//!    by every later claim (`lookup` runs under the lock, or after the
//!    `busy` count, released by the guard, reads zero).
//! 3. Every waiter is woken when the initialisation it waits for ends.
//!
//! The loom models at the bottom check that an initialisation runs once
//! when two threads claim together, and that a circular wait is refused.

use std::collections::HashMap;
use std::hash::Hash;

use crate::sync::{AtomicUsize, Condvar, Mutex, Ordering};

/// Per-key initialisation locks (see the module docs).
pub struct InitLocks<K> {
    /// How many keys are being initialised: zero lets a claim that finds
    /// its value return without the lock.
    busy: AtomicUsize,
    state: Mutex<State<K>>,
    /// Signalled whenever an initialisation ends.
    ended: Condvar,
}

struct State<K> {
    /// Key -> the thread initialising it.
    initialising: HashMap<K, u64>,
    /// Thread -> the key it waits for.
    waiting: HashMap<u64, K>,
}

/// The outcome of [`InitLocks::claim`].
pub enum Claim<'a, K: Hash + Eq + Clone, T> {
    /// Use this value (complete, or partly initialised by this thread or
    /// by a thread that would otherwise deadlock with it).
    Ready(T),
    /// Another thread is initialising the key: wait (a blocking call, so
    /// detach first), then claim again.
    Wait(Waiter<'a, K>),
    /// This thread initialises the key; publish the value, then drop the
    /// guard.
    Mine(InitGuard<'a, K>),
}

/// A pending wait for another thread's initialisation.
#[must_use = "wait, then claim again"]
pub struct Waiter<'a, K: Hash + Eq + Clone> {
    locks: &'a InitLocks<K>,
    key: K,
    me: u64,
}

/// This thread's initialisation of a key; ends it when dropped.
#[must_use = "the initialisation ends when this guard is dropped"]
pub struct InitGuard<'a, K: Hash + Eq + Clone> {
    locks: &'a InitLocks<K>,
    key: K,
    /// Inside another initialisation of the same key by this thread (or a
    /// refused circular wait): the outer one's entry stays.
    nested: bool,
}

impl<K: Hash + Eq + Clone> Default for InitLocks<K> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K: Hash + Eq + Clone> InitLocks<K> {
    /// No key being initialised.
    pub fn new() -> Self {
        InitLocks {
            busy: AtomicUsize::new(0),
            state: Mutex::new(State {
                initialising: HashMap::new(),
                waiting: HashMap::new(),
            }),
            ended: Condvar::new(),
        }
    }

    /// Claims `key` for thread `me` (an identifier unique among the
    /// threads that use these locks). `lookup` says whether the value is
    /// there; it runs under the protocol's lock, so it must not block or
    /// claim.
    pub fn claim<T>(&self, key: &K, me: u64, lookup: impl Fn() -> Option<T>) -> Claim<'_, K, T> {
        if self.busy.load(Ordering::Acquire) == 0 {
            if let Some(v) = lookup() {
                return Claim::Ready(v);
            }
        }
        let mut st = self.state.lock();
        let found = lookup();
        match (st.initialising.get(key).copied(), found) {
            // Nobody initialises it and it is there.
            (None, Some(v)) => Claim::Ready(v),
            // Nobody initialises it and it is not there: this thread does.
            (None, None) => {
                st.initialising.insert(key.clone(), me);
                self.busy.fetch_add(1, Ordering::AcqRel);
                Claim::Mine(InitGuard {
                    locks: self,
                    key: key.clone(),
                    nested: false,
                })
            }
            // This thread initialises it (a circular import), or waiting
            // would close a cycle: the partly initialised value.
            (Some(owner), Some(v)) if owner == me || st.would_deadlock(owner, me) => {
                Claim::Ready(v)
            }
            // Same, with nothing published to hand out: this thread
            // initialises it (again), under the outer initialisation's
            // entry, as CPython's re-entrant module lock lets it.
            (Some(owner), None) if owner == me || st.would_deadlock(owner, me) => {
                Claim::Mine(InitGuard {
                    locks: self,
                    key: key.clone(),
                    nested: true,
                })
            }
            // Another thread initialises it.
            (Some(_), _) => {
                st.waiting.insert(me, key.clone());
                Claim::Wait(Waiter {
                    locks: self,
                    key: key.clone(),
                    me,
                })
            }
        }
    }

    /// How many keys are being initialised now.
    pub fn busy(&self) -> usize {
        self.busy.load(Ordering::Acquire)
    }
}

impl<K> State<K>
where
    K: Hash + Eq,
{
    /// Whether thread `me` waiting for a key that `owner` initialises
    /// would close a cycle of waits.
    fn would_deadlock(&self, mut owner: u64, me: u64) -> bool {
        for _ in 0..=self.waiting.len() {
            if owner == me {
                return true;
            }
            let Some(key) = self.waiting.get(&owner) else {
                return false;
            };
            let Some(next) = self.initialising.get(key) else {
                return false;
            };
            owner = *next;
        }
        true
    }
}

impl<K: Hash + Eq + Clone> Waiter<'_, K> {
    /// Blocks until the initialisation of the key ends. A blocking call:
    /// an interpreter detaches around it.
    pub fn wait(self) {
        let mut st = self.locks.state.lock();
        while st.initialising.contains_key(&self.key) {
            self.locks.ended.wait(&mut st);
        }
    }
}

impl<K: Hash + Eq + Clone> Drop for Waiter<'_, K> {
    fn drop(&mut self) {
        // Waited or not (an unwinding caller), it waits no more.
        self.locks.state.lock().waiting.remove(&self.me);
    }
}

impl<K: Hash + Eq + Clone> Drop for InitGuard<'_, K> {
    fn drop(&mut self) {
        if self.nested {
            return;
        }
        let mut st = self.locks.state.lock();
        if st.initialising.remove(&self.key).is_some() {
            self.locks.busy.fetch_sub(1, Ordering::AcqRel);
        }
        drop(st);
        self.locks.ended.notify_all();
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicBool;

    #[test]
    fn a_value_that_is_there_is_ready() {
        let locks = InitLocks::<&str>::new();
        assert!(matches!(locks.claim(&"m", 1, || Some(7)), Claim::Ready(7)));
    }

    #[test]
    fn the_initialiser_gets_its_partial_value_and_others_wait() {
        let locks = InitLocks::<&str>::new();
        let Claim::Mine(guard) = locks.claim(&"m", 1, || None::<u8>) else {
            panic!("first claim initialises")
        };
        assert_eq!(locks.busy(), 1);
        assert!(matches!(locks.claim(&"m", 1, || Some(1)), Claim::Ready(1)));
        assert!(matches!(locks.claim(&"m", 2, || Some(1)), Claim::Wait(_)));
        drop(guard);
        assert_eq!(locks.busy(), 0);
        assert!(matches!(locks.claim(&"m", 2, || Some(1)), Claim::Ready(1)));
    }

    #[test]
    fn a_circular_wait_is_refused() {
        let locks = InitLocks::<&str>::new();
        let Claim::Mine(_a) = locks.claim(&"a", 1, || None::<u8>) else {
            panic!()
        };
        let Claim::Mine(_b) = locks.claim(&"b", 2, || None::<u8>) else {
            panic!()
        };
        // Thread 1 waits for b (thread 2's) ...
        let Claim::Wait(_w) = locks.claim(&"b", 1, || Some(2)) else {
            panic!()
        };
        // ... so thread 2 asking for a (thread 1's) gets the partial value.
        assert!(matches!(locks.claim(&"a", 2, || Some(1)), Claim::Ready(1)));
    }

    #[test]
    fn real_threads_initialise_once() {
        for _ in 0..if cfg!(miri) { 2 } else { 200 } {
            let locks = InitLocks::<u32>::new();
            let value = AtomicBool::new(false);
            let runs = AtomicUsize::new(0);
            std::thread::scope(|s| {
                for me in 0..4u64 {
                    let (locks, value, runs) = (&locks, &value, &runs);
                    s.spawn(move || loop {
                        let lookup = || value.load(Ordering::Acquire).then_some(());
                        match locks.claim(&1, me, lookup) {
                            Claim::Ready(()) => break,
                            Claim::Wait(w) => w.wait(),
                            Claim::Mine(g) => {
                                runs.fetch_add(1, Ordering::Relaxed);
                                value.store(true, Ordering::Release);
                                drop(g);
                            }
                        }
                    });
                }
            });
            assert_eq!(runs.load(Ordering::Relaxed), 1);
        }
    }
}

#[cfg(all(test, loom))]
mod loom_tests {
    use super::*;
    use crate::sync::{model, thread, Arc, AtomicBool};

    /// Two threads import the same module: its body runs once, and both
    /// end up with the value.
    #[test]
    fn two_claims_initialise_once() {
        model(|| {
            let shared = Arc::new((
                InitLocks::<u8>::new(),
                AtomicBool::new(false),
                AtomicUsize::new(0),
            ));
            let import = |s: &(InitLocks<u8>, AtomicBool, AtomicUsize), me: u64| loop {
                let lookup = || s.1.load(Ordering::Acquire).then_some(());
                match s.0.claim(&0, me, lookup) {
                    Claim::Ready(()) => break,
                    Claim::Wait(w) => w.wait(),
                    Claim::Mine(g) => {
                        s.2.fetch_add(1, Ordering::Relaxed);
                        s.1.store(true, Ordering::Release);
                        drop(g);
                    }
                }
            };
            let s2 = shared.clone();
            let t = thread::spawn(move || import(&s2, 2));
            import(&shared, 1);
            t.join().unwrap();
            assert_eq!(shared.2.load(Ordering::Relaxed), 1, "the body ran once");
        });
    }

    /// Two threads each initialise one key and then ask for the other's:
    /// neither waits for ever.
    #[test]
    fn crossed_claims_do_not_deadlock() {
        model(|| {
            let shared = Arc::new((
                InitLocks::<u8>::new(),
                [AtomicBool::new(false), AtomicBool::new(false)],
            ));
            let run = |s: &(InitLocks<u8>, [AtomicBool; 2]), me: u64, mine: u8, other: u8| {
                let lookup = |k: u8| move || s.1[k as usize].load(Ordering::Acquire).then_some(());
                let Claim::Mine(g) = s.0.claim(&mine, me, lookup(mine)) else {
                    // The other thread got there first: fine, nothing to check.
                    return;
                };
                // Published before the body goes on (like a module in
                // sys.modules while its body runs).
                s.1[mine as usize].store(true, Ordering::Release);
                loop {
                    match s.0.claim(&other, me, lookup(other)) {
                        Claim::Ready(()) => break,
                        Claim::Wait(w) => w.wait(),
                        Claim::Mine(g2) => {
                            s.1[other as usize].store(true, Ordering::Release);
                            drop(g2);
                        }
                    }
                }
                drop(g);
            };
            let s2 = shared.clone();
            let t = thread::spawn(move || run(&s2, 2, 1, 0));
            run(&shared, 1, 0, 1);
            t.join().unwrap();
        });
    }
}
