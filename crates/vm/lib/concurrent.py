"""The `concurrent` package: its one submodule is `concurrent.futures`
(frozen, crates/vm/lib/concurrent_futures.py)."""
