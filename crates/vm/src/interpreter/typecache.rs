//! The type attribute cache: what `lookup_in_class` found for a (class,
//! name) pair, so that `obj.attr` and `obj.method()` do not walk the MRO's
//! dicts every time.
//!
//! After CPython's method cache (`_PyType_Lookup` in
//! `Objects/typeobject.c`): a direct-mapped table indexed by a hash of the
//! type and the (interned) name, whose entries are valid while the type is
//! unchanged. CPython gives each type a version tag and invalidates the tags
//! of a type and its subclasses when one is modified; ftl keeps one
//! interpreter-wide *class epoch* instead ([`Interp::class_epoch`]), bumped
//! by every change to any class's namespace (`C.x = v`, `del C.x`, a
//! built-in method added). Classes are rarely modified after creation, so
//! the coarser invalidation costs nothing measurable and needs no subclass
//! bookkeeping.
//!
//! The table belongs to the thread state ([`Vm`]), so lookups never contend
//! between threads (CPython's table is per interpreter, under the GIL).
//!
//! # Invariants
//! * An entry holds strong references to its class, its name and the value
//!   found, so neither address can be reused by another object while the
//!   entry exists: address equality is identity.
//! * A table whose epoch differs from the interpreter's is emptied before
//!   it is used, so a stale entry is never returned, and the values a
//!   modification displaced are released at this thread's next lookup.
//! * The cache only stores what the uncached lookup returns, for the same
//!   inputs; it has no other effect on behaviour (except keeping those
//!   objects alive until their entry is replaced or emptied).
//!
//! [`Interp::class_epoch`]: crate::interpreter::state::Interp::class_epoch
//! [`Vm`]: crate::interpreter::state::Vm

use core::cell::RefCell;

use ftl_object::HeapPolicy;

use crate::objects::Obj;

/// Number of entries (a power of two; CPython's `MCACHE_SIZE_EXP` is 12).
const BITS: u32 = 12;

struct Entry<P: HeapPolicy> {
    class: Obj<P>,
    name: Obj<P>,
    value: Option<Obj<P>>,
}

/// One thread's type attribute cache (see the module docs).
pub struct TypeCache<P: HeapPolicy> {
    table: RefCell<Table<P>>,
}

struct Table<P: HeapPolicy> {
    epoch: u64,
    entries: Vec<Option<Entry<P>>>,
}

impl<P: HeapPolicy> Default for TypeCache<P> {
    fn default() -> Self {
        TypeCache {
            table: RefCell::new(Table {
                epoch: 0,
                entries: Vec::new(),
            }),
        }
    }
}

#[inline]
fn slot(class: usize, name: usize) -> usize {
    let h = ((class >> 4) ^ (name >> 3).rotate_left(17)) as u64;
    (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - BITS)) as usize
}

impl<P: HeapPolicy> TypeCache<P> {
    /// The value cached for (`class`, `name`) at `epoch`, or what `lookup`
    /// returns (which is then cached). `lookup` must not run Python code.
    #[inline]
    pub fn get_or_insert(
        &self,
        epoch: u64,
        class: &Obj<P>,
        name: &Obj<P>,
        lookup: impl FnOnce() -> Option<Obj<P>>,
    ) -> Option<Obj<P>> {
        let i = slot(class.addr(), name.addr());
        {
            let t = self.table.borrow();
            if t.epoch == epoch {
                if let Some(Some(e)) = t.entries.get(i) {
                    if e.class.is_same(class) && e.name.is_same(name) {
                        return e.value.clone();
                    }
                }
            }
        }
        let value = lookup();
        let displaced = {
            let mut t = self.table.borrow_mut();
            let stale = if t.epoch != epoch || t.entries.is_empty() {
                t.epoch = epoch;
                core::mem::replace(
                    &mut t.entries,
                    core::iter::repeat_with(|| None).take(1 << BITS).collect(),
                )
            } else {
                Vec::new()
            };
            let old = t.entries[i].replace(Entry {
                class: class.clone(),
                name: name.clone(),
                value: value.clone(),
            });
            (stale, old)
        };
        // Released outside the borrow: dropping a value may run `__del__`,
        // which may look attributes up.
        drop(displaced);
        value
    }

    /// Empties the cache (`run_source` does it around module teardown).
    pub fn clear(&self) {
        let old = core::mem::take(&mut self.table.borrow_mut().entries);
        drop(old);
    }
}
