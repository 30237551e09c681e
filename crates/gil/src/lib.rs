//! # ftl-gil: global interpreter locks
//!
//! This crate will hold the three GILs of the lab, each an implementation of
//! [`ftl_core::RawCoordination`] usable by any interpreter (it must never
//! depend on `ftl-vm`):
//!
//! * **OldGil** — CPython 2.7: released and re-taken every `check_interval`
//!   ticks, no handoff (Beazley's "GIL battle" on multicore machines);
//! * **NewGil** — CPython 3.2+ `take_gil` / `drop_gil` (`Python/ceval_gil.c`):
//!   a 5 ms switch interval, drop requests and forced switching;
//! * **FairGil** — ours: cures the convoy effect (bpo-7946);
//!
//! with probes for timelines and a loom model beside each protocol. It is
//! filled by the GIL issue; until then it is empty on purpose.
