//! Traversal: the cycle collector's view of an object.
//!
//! CPython's collector (`Modules/gcmodule.c`, "Garbage Collection for
//! Python") never knows an object's layout; each container type provides
//! `tp_traverse`, which calls a visitor on every reference the object holds,
//! and `tp_clear`, which drops those references to break a cycle of garbage.
//! Finalizers (`__del__`, weakref callbacks) run before clearing (PEP 442).
//! [`Traverse`] is that contract, generic over the edge type so that the
//! collector in `ftl-gc` does not depend on a particular object model.

/// How a collector sees an object's outgoing references.
pub trait Traverse<Edge: ?Sized> {
    /// Calls `visit` once for each reference this object holds, as of now.
    ///
    /// Must not run user code or allocate objects, and must leave every
    /// refcount as it found it. `visit` is the caller's code and may do
    /// anything, including use this very object: an implementation must not
    /// hold a borrow of its contents, or a critical section, while it runs
    /// (a container takes its references out first, as new references, and
    /// visits those). The collector calls it with the world stopped (or
    /// under the GIL), and its visitor only reads.
    fn traverse(&self, visit: &mut dyn FnMut(&Edge));

    /// Drops every reference this object holds, to break a reference cycle.
    ///
    /// The references must be moved out of the object (and out of any
    /// critical section) before they are dropped, because dropping one may
    /// free other objects and run their finalizers. Clearing an object twice
    /// is harmless.
    fn clear(&self);
}
