//! Shared settings of the object-model integration tests.

use proptest::prelude::ProptestConfig;

/// Proptest settings: fewer cases under Miri (which is ~1000x slower), and no
/// failure files (Miri isolates the file system; failures print their seed).
pub fn proptest_config() -> ProptestConfig {
    ProptestConfig {
        cases: if cfg!(miri) { 4 } else { 256 },
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Keeps an object that a test leaks on purpose (an immortal, a forgotten
/// reference) reachable from a static for the rest of the process, as the
/// policies' own immortal singletons are, so Miri's leak checker reports
/// only real leaks.
#[allow(dead_code)] // not every test file leaks on purpose
pub fn keep_forever<P: ftl_object::HeapPolicy>(obj: ftl_object::ObjRef<P>) {
    use std::sync::atomic::AtomicPtr;
    use std::sync::Mutex;
    static KEPT: Mutex<Vec<AtomicPtr<()>>> = Mutex::new(Vec::new());
    KEPT.lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(AtomicPtr::new(obj.into_raw().as_ptr()));
}
