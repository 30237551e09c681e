//! Criterion micro-benchmarks of the lab's mechanisms live in `benches/benches/`;
//! the Python workloads of `cargo xtask bench` live in `benches/workloads/`.
//! This library is empty: it exists so the package has a target to test.
