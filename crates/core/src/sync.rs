//! The `sync` facade: the one door through which every concurrency protocol
//! in the workspace reaches atomics, locks, condition variables, cells and
//! threads.
//!
//! Under `cfg(loom)` every item maps to [loom]'s model-checked replacement, so
//! a protocol written against this module can be explored exhaustively by a
//! loom model; otherwise the items are `std` atomics and threads and
//! `parking_lot` locks (under Miri, `std`'s locks and a spinning raw mutex,
//! which Miri models natively). The shape follows tokio's `src/loom` module and
//! crossbeam's `cfg(crossbeam_loom)`.
//!
//! # Rules for users of the facade
//!
//! * Import atomics, [`Mutex`], [`Condvar`], [`RawMutex`], [`UnsafeCell`],
//!   [`Arc`] and [`thread`] from here, never from `std` or `parking_lot`
//!   directly, in any code that is part of a protocol.
//! * loom does not model time. [`Condvar::wait_timeout`] under loom never
//!   times out (it reports `false` after an ordinary wake-up), so a protocol
//!   must stay correct when a timeout never fires; where a timeout *drives*
//!   the protocol (the new GIL's switch interval), make the expiry an explicit
//!   input that the model can choose.
//! * Spin loops call [`spin_hint`], which under loom yields to the scheduler
//!   (loom requires that) and otherwise is [`std::hint::spin_loop`].
//! * Loom values cannot be created outside a loom model: code that keeps
//!   facade values in `static`s must not be reached from loom tests, and
//!   ordinary tests are compiled out with `#[cfg(not(loom))]`.
//!
//! [loom]: https://docs.rs/loom

#![allow(unsafe_code)] // the facade's UnsafeCell and RawMutex

#[cfg(not(loom))]
mod imp {
    pub use std::sync::atomic::{
        fence, AtomicBool, AtomicI64, AtomicIsize, AtomicPtr, AtomicU32, AtomicU64, AtomicU8,
        AtomicUsize,
    };
    pub use std::sync::Arc;

    /// Threads: `std::thread` outside loom.
    pub mod thread {
        pub use std::thread::{current, panicking, park, spawn, yield_now, JoinHandle, Thread};
    }

    #[cfg(not(miri))]
    pub use parking_lot::{Mutex, MutexGuard};

    #[cfg(miri)]
    pub use super::miri_locks::{Condvar, Mutex, MutexGuard, RawMutex};

    /// A condition variable paired with the facade's [`Mutex`].
    #[cfg(not(miri))]
    #[derive(Default, Debug)]
    pub struct Condvar(parking_lot::Condvar);

    #[cfg(not(miri))]
    impl Condvar {
        /// A new condition variable.
        pub const fn new() -> Self {
            Condvar(parking_lot::Condvar::new())
        }
        /// Blocks until notified; the mutex is released while waiting.
        /// Spurious wake-ups are possible: callers wait in a loop.
        #[inline]
        pub fn wait<T>(&self, guard: &mut MutexGuard<'_, T>) {
            self.0.wait(guard)
        }
        /// Blocks until notified or until `timeout` has passed; returns
        /// `true` when it returned because the time ran out.
        #[inline]
        pub fn wait_timeout<T>(
            &self,
            guard: &mut MutexGuard<'_, T>,
            timeout: std::time::Duration,
        ) -> bool {
            self.0.wait_for(guard, timeout).timed_out()
        }
        /// Wakes one waiter.
        #[inline]
        pub fn notify_one(&self) {
            self.0.notify_one();
        }
        /// Wakes every waiter.
        #[inline]
        pub fn notify_all(&self) {
            self.0.notify_all();
        }
    }

    /// A one-byte raw mutex with no data: `parking_lot::RawMutex` outside
    /// loom (it spins briefly, then parks the thread in the global parking
    /// lot, so it costs one byte per object).
    #[cfg(not(miri))]
    pub struct RawMutex(parking_lot::RawMutex);

    #[cfg(not(miri))]
    impl core::fmt::Debug for RawMutex {
        fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.debug_struct("RawMutex")
                .field("locked", &self.is_locked())
                .finish()
        }
    }

    #[cfg(not(miri))]
    impl RawMutex {
        /// An unlocked mutex.
        #[inline]
        pub const fn new() -> Self {
            use parking_lot::lock_api::RawMutex as _;
            RawMutex(parking_lot::RawMutex::INIT)
        }
        /// Blocks until the mutex is held by the caller.
        #[inline]
        pub fn lock(&self) {
            use parking_lot::lock_api::RawMutex as _;
            self.0.lock()
        }
        /// Takes the mutex if it is free; `true` on success.
        #[inline]
        pub fn try_lock(&self) -> bool {
            use parking_lot::lock_api::RawMutex as _;
            self.0.try_lock()
        }
        /// Releases the mutex.
        ///
        /// # Safety
        /// The caller holds the mutex (it locked it and has not unlocked it).
        #[inline]
        pub unsafe fn unlock(&self) {
            use parking_lot::lock_api::RawMutex as _;
            // SAFETY: forwarded precondition: the caller holds the lock.
            unsafe { self.0.unlock() }
        }
        /// Whether some thread holds the mutex (a racy snapshot).
        #[inline]
        pub fn is_locked(&self) -> bool {
            use parking_lot::lock_api::RawMutex as _;
            self.0.is_locked()
        }
    }

    #[cfg(not(miri))]
    impl Default for RawMutex {
        fn default() -> Self {
            Self::new()
        }
    }

    /// An `UnsafeCell` with loom's access API (`with`, `with_mut`), so that
    /// loom can check every access of a protocol's shared data.
    #[derive(Debug, Default)]
    #[repr(transparent)]
    pub struct UnsafeCell<T: ?Sized>(core::cell::UnsafeCell<T>);

    impl<T> UnsafeCell<T> {
        /// Wraps `value`.
        #[inline]
        pub const fn new(value: T) -> Self {
            UnsafeCell(core::cell::UnsafeCell::new(value))
        }
        /// Unwraps the value.
        #[inline]
        pub fn into_inner(self) -> T {
            self.0.into_inner()
        }
    }

    impl<T: ?Sized> UnsafeCell<T> {
        /// Runs `f` with a shared raw pointer to the value.
        #[inline]
        pub fn with<R>(&self, f: impl FnOnce(*const T) -> R) -> R {
            f(self.0.get())
        }
        /// Runs `f` with an exclusive raw pointer to the value.
        #[inline]
        pub fn with_mut<R>(&self, f: impl FnOnce(*mut T) -> R) -> R {
            f(self.0.get())
        }
        /// Safe access through a unique borrow of the cell.
        #[inline]
        pub fn get_mut(&mut self) -> &mut T {
            self.0.get_mut()
        }
    }

    /// Hint for one round of a spin loop.
    #[inline]
    pub fn spin_hint() {
        std::hint::spin_loop()
    }

    /// Runs `f` once. Under loom, runs it under every interleaving loom
    /// explores (bounded by `LOOM_MAX_PREEMPTIONS`).
    pub fn model<F: Fn() + Sync + Send + 'static>(f: F) {
        f()
    }
}

/// The locks under Miri: `std`'s `Mutex` and `Condvar`, which Miri models
/// natively, and a spinning `RawMutex`. `parking_lot`'s global parking lot
/// makes integer-to-pointer casts Miri cannot follow, and under Miri's
/// randomised schedules its word lock was reported creating a reference to
/// a waiter's thread data after the waiter could have freed it (inside
/// `parking_lot_core`, not in our code). Our protocols are what the Miri
/// runs are for, so they run on primitives Miri understands.
#[cfg(all(miri, not(loom)))]
mod miri_locks {
    use std::sync::atomic::{AtomicBool, Ordering};

    /// A mutex with `parking_lot`'s API (no poisoning) over `std`'s.
    #[derive(Debug, Default)]
    pub struct Mutex<T>(std::sync::Mutex<T>);

    /// The guard of [`Mutex`]; an `Option` so that [`Condvar::wait`] can
    /// move the inner guard out and back.
    pub struct MutexGuard<'a, T>(Option<std::sync::MutexGuard<'a, T>>);

    impl<T> Mutex<T> {
        /// A new unlocked mutex holding `value`.
        pub const fn new(value: T) -> Self {
            Mutex(std::sync::Mutex::new(value))
        }
        /// Blocks until the mutex is held.
        pub fn lock(&self) -> MutexGuard<'_, T> {
            MutexGuard(Some(self.0.lock().unwrap_or_else(|e| e.into_inner())))
        }
        /// Takes the mutex if it is free.
        pub fn try_lock(&self) -> Option<MutexGuard<'_, T>> {
            match self.0.try_lock() {
                Ok(g) => Some(MutexGuard(Some(g))),
                Err(std::sync::TryLockError::Poisoned(e)) => Some(MutexGuard(Some(e.into_inner()))),
                Err(std::sync::TryLockError::WouldBlock) => None,
            }
        }
        /// Unwraps the value.
        pub fn into_inner(self) -> T {
            self.0.into_inner().unwrap_or_else(|e| e.into_inner())
        }
        /// The value, through a unique borrow.
        pub fn get_mut(&mut self) -> &mut T {
            self.0.get_mut().unwrap_or_else(|e| e.into_inner())
        }
    }

    impl<T> core::ops::Deref for MutexGuard<'_, T> {
        type Target = T;
        fn deref(&self) -> &T {
            self.0
                .as_ref()
                .expect("guard present outside Condvar::wait")
        }
    }

    impl<T> core::ops::DerefMut for MutexGuard<'_, T> {
        fn deref_mut(&mut self) -> &mut T {
            self.0
                .as_mut()
                .expect("guard present outside Condvar::wait")
        }
    }

    /// A condition variable over `std`'s.
    #[derive(Debug, Default)]
    pub struct Condvar(std::sync::Condvar);

    impl Condvar {
        /// A new condition variable.
        pub const fn new() -> Self {
            Condvar(std::sync::Condvar::new())
        }
        /// Blocks until notified (spurious wake-ups are possible).
        pub fn wait<T>(&self, guard: &mut MutexGuard<'_, T>) {
            let inner = guard.0.take().expect("guard present");
            guard.0 = Some(self.0.wait(inner).unwrap_or_else(|e| e.into_inner()));
        }
        /// Blocks until notified or until `timeout` has passed; `true` when
        /// the time ran out.
        pub fn wait_timeout<T>(
            &self,
            guard: &mut MutexGuard<'_, T>,
            timeout: std::time::Duration,
        ) -> bool {
            let inner = guard.0.take().expect("guard present");
            let (g, result) = self
                .0
                .wait_timeout(inner, timeout)
                .unwrap_or_else(|e| e.into_inner());
            guard.0 = Some(g);
            result.timed_out()
        }
        /// Wakes one waiter.
        pub fn notify_one(&self) {
            self.0.notify_one()
        }
        /// Wakes every waiter.
        pub fn notify_all(&self) {
            self.0.notify_all()
        }
    }

    /// A one-byte raw mutex that spins with `yield_now` (Miri schedules
    /// the other threads meanwhile).
    #[derive(Debug, Default)]
    pub struct RawMutex(AtomicBool);

    impl RawMutex {
        /// An unlocked mutex.
        pub const fn new() -> Self {
            RawMutex(AtomicBool::new(false))
        }
        /// Blocks until the mutex is held by the caller.
        pub fn lock(&self) {
            while !self.try_lock() {
                std::thread::yield_now();
            }
        }
        /// Takes the mutex if it is free.
        pub fn try_lock(&self) -> bool {
            self.0
                .compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed)
                .is_ok()
        }
        /// Releases the mutex.
        ///
        /// # Safety
        /// The caller holds the mutex.
        pub unsafe fn unlock(&self) {
            self.0.store(false, Ordering::Release)
        }
        /// Whether some thread holds the mutex.
        pub fn is_locked(&self) -> bool {
            self.0.load(Ordering::Relaxed)
        }
    }
}

#[cfg(loom)]
mod imp {
    pub use loom::sync::atomic::{
        fence, AtomicBool, AtomicI64, AtomicIsize, AtomicPtr, AtomicU32, AtomicU64, AtomicU8,
        AtomicUsize,
    };
    pub use loom::sync::Arc;

    /// Threads: `loom::thread` under loom.
    pub mod thread {
        pub use loom::thread::{current, park, spawn, yield_now, JoinHandle, Thread};
        pub use std::thread::panicking;
    }

    pub use loom::cell::UnsafeCell;
    pub use loom::model;

    /// A mutex with `parking_lot`'s API (no poisoning) over `loom::sync::Mutex`.
    #[derive(Debug)]
    pub struct Mutex<T>(loom::sync::Mutex<T>);

    /// The guard of the facade's loom [`Mutex`]. The inner guard is an
    /// `Option` only so that [`Condvar::wait`] can move it out and back.
    pub struct MutexGuard<'a, T>(Option<loom::sync::MutexGuard<'a, T>>);

    impl<T> Mutex<T> {
        /// A new unlocked mutex holding `value`.
        pub fn new(value: T) -> Self {
            Mutex(loom::sync::Mutex::new(value))
        }
        /// Blocks until the mutex is held.
        pub fn lock(&self) -> MutexGuard<'_, T> {
            MutexGuard(Some(self.0.lock().unwrap_or_else(|e| e.into_inner())))
        }
        /// Takes the mutex if it is free.
        pub fn try_lock(&self) -> Option<MutexGuard<'_, T>> {
            self.0.try_lock().ok().map(|g| MutexGuard(Some(g)))
        }
        /// Unwraps the value.
        pub fn into_inner(self) -> T {
            self.0.into_inner().unwrap_or_else(|e| e.into_inner())
        }
    }

    impl<T> core::ops::Deref for MutexGuard<'_, T> {
        type Target = T;
        fn deref(&self) -> &T {
            self.0
                .as_ref()
                .expect("guard present outside Condvar::wait")
        }
    }

    impl<T> core::ops::DerefMut for MutexGuard<'_, T> {
        fn deref_mut(&mut self) -> &mut T {
            self.0
                .as_mut()
                .expect("guard present outside Condvar::wait")
        }
    }

    /// A condition variable over `loom::sync::Condvar`. `wait_timeout` never
    /// times out under loom (see the module docs).
    #[derive(Debug, Default)]
    pub struct Condvar(loom::sync::Condvar);

    impl Condvar {
        /// A new condition variable.
        pub fn new() -> Self {
            Condvar(loom::sync::Condvar::new())
        }
        /// Blocks until notified.
        pub fn wait<T>(&self, guard: &mut MutexGuard<'_, T>) {
            let inner = guard.0.take().expect("guard present");
            guard.0 = Some(self.0.wait(inner).unwrap_or_else(|e| e.into_inner()));
        }
        /// Like `wait`; under loom the timeout never fires and this returns `false`.
        pub fn wait_timeout<T>(
            &self,
            guard: &mut MutexGuard<'_, T>,
            _timeout: std::time::Duration,
        ) -> bool {
            self.wait(guard);
            false
        }
        /// Wakes one waiter.
        pub fn notify_one(&self) {
            self.0.notify_one()
        }
        /// Wakes every waiter.
        pub fn notify_all(&self) {
            self.0.notify_all()
        }
    }

    /// A raw mutex built on a loom `AtomicBool`, spinning with
    /// `yield_now` so loom can explore who wins it.
    #[derive(Debug)]
    pub struct RawMutex(AtomicBool);

    use std::sync::atomic::Ordering;

    impl RawMutex {
        /// An unlocked mutex.
        pub fn new() -> Self {
            RawMutex(AtomicBool::new(false))
        }
        /// Blocks until the mutex is held by the caller.
        pub fn lock(&self) {
            while !self.try_lock() {
                loom::thread::yield_now();
            }
        }
        /// Takes the mutex if it is free.
        pub fn try_lock(&self) -> bool {
            self.0
                .compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed)
                .is_ok()
        }
        /// Releases the mutex.
        ///
        /// # Safety
        /// The caller holds the mutex.
        pub unsafe fn unlock(&self) {
            self.0.store(false, Ordering::Release)
        }
        /// Whether some thread holds the mutex.
        pub fn is_locked(&self) -> bool {
            self.0.load(Ordering::Relaxed)
        }
    }

    impl Default for RawMutex {
        fn default() -> Self {
            Self::new()
        }
    }

    /// Hint for one round of a spin loop: a loom yield.
    pub fn spin_hint() {
        loom::thread::yield_now()
    }
}

pub use imp::*;
pub use std::sync::atomic::Ordering;

/// A process-wide lock that loom can model: one `RawMutex` per process
/// outside loom (a `static`), one per model run under loom (loom's objects
/// must be created inside the model, so it is made lazily there). `NAME`
/// becomes a function returning `&'static RawMutex`.
#[cfg(not(loom))]
#[macro_export]
macro_rules! global_raw_mutex {
    ($(#[$attr:meta])* $vis:vis fn $name:ident) => {
        $(#[$attr])*
        #[inline(always)]
        $vis fn $name() -> &'static $crate::sync::RawMutex {
            static LOCK: $crate::sync::RawMutex = $crate::sync::RawMutex::new();
            &LOCK
        }
    };
}

/// See the non-loom version.
#[cfg(loom)]
#[macro_export]
macro_rules! global_raw_mutex {
    ($(#[$attr:meta])* $vis:vis fn $name:ident) => {
        $(#[$attr])*
        $vis fn $name() -> &'static $crate::sync::RawMutex {
            $crate::sync::loom_lazy_static! {
                static ref LOCK: $crate::sync::RawMutex = $crate::sync::RawMutex::new();
            }
            &LOCK
        }
    };
}

/// A process-wide value made on first use, that loom can model: a
/// `OnceLock` in a `static` outside loom, one per model run under loom
/// (loom's values cannot outlive a model). `global_lazy! { pub fn
/// name() -> Type = init_expr; }` becomes a function returning
/// `&'static Type`.
#[cfg(not(loom))]
#[macro_export]
macro_rules! global_lazy {
    ($(#[$attr:meta])* $vis:vis fn $name:ident() -> $ty:ty = $init:expr;) => {
        $(#[$attr])*
        #[inline]
        $vis fn $name() -> &'static $ty {
            static VALUE: ::std::sync::OnceLock<$ty> = ::std::sync::OnceLock::new();
            VALUE.get_or_init(|| $init)
        }
    };
}

/// See the non-loom version.
#[cfg(loom)]
#[macro_export]
macro_rules! global_lazy {
    ($(#[$attr:meta])* $vis:vis fn $name:ident() -> $ty:ty = $init:expr;) => {
        $(#[$attr])*
        $vis fn $name() -> &'static $ty {
            $crate::sync::loom_lazy_static! {
                static ref VALUE: $ty = $init;
            }
            &VALUE
        }
    };
}

#[cfg(loom)]
#[doc(hidden)]
pub use loom::lazy_static as loom_lazy_static;

/// `thread_local!` that loom tracks under `cfg(loom)`.
#[cfg(loom)]
pub use loom::thread_local;
/// `thread_local!` from std outside loom.
#[cfg(not(loom))]
pub use std::thread_local;

/// These run as ordinary tests, and as loom models under `cfg(loom)`
/// (`model` runs the body once outside loom), so both halves of the facade
/// are exercised.
#[cfg(test)]
mod tests {
    use super::*;

    /// A one-shot handoff through the facade's `Mutex` and `Condvar`: the
    /// waiter always sees the flag (no lost wake-up), whatever the order.
    #[test]
    fn mutex_condvar_handoff() {
        model(|| {
            let pair = Arc::new((Mutex::new(false), Condvar::new()));
            let p2 = pair.clone();
            let t = thread::spawn(move || {
                *p2.0.lock() = true;
                p2.1.notify_one();
            });
            let mut ready = pair.0.lock();
            while !*ready {
                pair.1.wait(&mut ready);
            }
            drop(ready);
            t.join().unwrap();
        });
    }

    /// The raw mutex excludes: two increments through `UnsafeCell` inside
    /// lock/unlock are never lost.
    #[test]
    fn raw_mutex_excludes() {
        struct Counter {
            lock: RawMutex,
            value: UnsafeCell<u32>,
        }
        // SAFETY: `value` is only accessed while `lock` is held.
        unsafe impl Sync for Counter {}
        model(|| {
            let c = Arc::new(Counter {
                lock: RawMutex::new(),
                value: UnsafeCell::new(0),
            });
            let bump = |c: &Counter| {
                c.lock.lock();
                // SAFETY: the lock is held.
                c.value.with_mut(|p| unsafe { *p += 1 });
                // SAFETY: locked just above by this thread.
                unsafe { c.lock.unlock() };
            };
            let c2 = c.clone();
            let t = thread::spawn(move || bump(&c2));
            bump(&c);
            t.join().unwrap();
            // SAFETY: both threads are done.
            assert_eq!(c.value.with(|p| unsafe { *p }), 2);
        });
    }
}
