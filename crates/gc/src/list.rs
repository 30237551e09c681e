//! Intrusive doubly linked lists over the [`GcLinks`] in front of every GC
//! object, with CPython's tag bits (`Include/internal/pycore_gc.h`).
//!
//! A list is a circular chain through a *head* (a `GcLinks` that belongs to
//! no object: a generation, or a collection's scratch list). Each word of
//! the links holds a pointer and, in its low bits, flags:
//!
//! * `prev`: bit 0 is unused here (CPython's `FINALIZED`: ours lives in the
//!   payload), bit 1 is `COLLECTING` (the object is in the generation being
//!   collected). While a collection computes `gc_refs`, the rest of the word
//!   holds that count (shifted left by 2) instead of the pointer, and the
//!   list is singly linked through `next` only; `move_unreachable` puts
//!   the pointers back.
//! * `next`: bit 0 is `UNREACHABLE` (tentatively unreachable, during
//!   `move_unreachable` only). A null `next` means untracked.
//!
//! Pointers keep their provenance through the tag operations
//! (`map_addr`), and counts are stored without any
//! (`without_provenance_mut`), so Miri's strict provenance checks hold.
//!
//! Every function here is `unsafe`: the caller guarantees that the links
//! are live (an object that is alive, or a head that outlives its list)
//! and that no other thread touches them (the GIL, or a stopped world).

#![allow(unsafe_code)] // raw links

use core::ptr::NonNull;
use core::sync::atomic::Ordering::Relaxed;

use ftl_object::gc_hooks::{NEXT_FLAG_BITS, PREV_FLAG_BITS};
use ftl_object::GcLinks;

/// One object's (or a head's) links.
pub(crate) type Gc = NonNull<GcLinks>;

/// `prev` bit: the object is in the set being collected.
pub(crate) const COLLECTING: usize = 0b10;
/// `next` bit: the object is tentatively unreachable.
pub(crate) const UNREACHABLE: usize = 0b1;
/// Shift of `gc_refs` in `prev`.
const REFS_SHIFT: usize = 2;

#[inline]
fn raw(g: Gc) -> *mut () {
    g.as_ptr().cast()
}

#[inline]
unsafe fn links<'a>(g: Gc) -> &'a GcLinks {
    // SAFETY: live links (module contract).
    unsafe { g.as_ref() }
}

/// Makes `head` an empty list.
pub(crate) unsafe fn init(head: Gc) {
    // SAFETY: module contract.
    let h = unsafe { links(head) };
    h.prev.store(raw(head), Relaxed);
    h.next.store(raw(head), Relaxed);
}

/// The next node, without tag bits.
#[inline]
pub(crate) unsafe fn next(g: Gc) -> Gc {
    // SAFETY: module contract.
    let p = unsafe { links(g) }.next.load(Relaxed);
    NonNull::new(p.map_addr(|a| a & !NEXT_FLAG_BITS).cast())
        .expect("a tracked object's next is set")
}

/// The raw `next` word.
#[inline]
pub(crate) unsafe fn next_word(g: Gc) -> *mut () {
    // SAFETY: module contract.
    unsafe { links(g) }.next.load(Relaxed)
}

#[inline]
pub(crate) unsafe fn set_next_word(g: Gc, word: *mut ()) {
    // SAFETY: module contract.
    unsafe { links(g) }.next.store(word, Relaxed)
}

/// Sets `next` to `to` with `flags`.
#[inline]
pub(crate) unsafe fn set_next(g: Gc, to: Gc, flags: usize) {
    // SAFETY: module contract.
    unsafe { set_next_word(g, raw(to).map_addr(|a| a | flags)) }
}

/// The previous node (only while `prev` holds a pointer).
#[inline]
pub(crate) unsafe fn prev(g: Gc) -> Gc {
    // SAFETY: module contract.
    let p = unsafe { links(g) }.prev.load(Relaxed);
    NonNull::new(p.map_addr(|a| a & !PREV_FLAG_BITS).cast()).expect("a listed object's prev is set")
}

/// Sets the pointer part of `prev`, keeping its flags.
#[inline]
pub(crate) unsafe fn set_prev(g: Gc, to: Gc) {
    // SAFETY: module contract.
    let l = unsafe { links(g) };
    let flags = l.prev.load(Relaxed).addr() & PREV_FLAG_BITS;
    l.prev.store(raw(to).map_addr(|a| a | flags), Relaxed);
}

/// Whether the object is tracked (on some list).
#[inline]
pub(crate) unsafe fn is_tracked(g: Gc) -> bool {
    // SAFETY: module contract.
    !unsafe { next_word(g) }.is_null()
}

#[inline]
pub(crate) unsafe fn is_collecting(g: Gc) -> bool {
    // SAFETY: module contract.
    unsafe { links(g) }.prev.load(Relaxed).addr() & COLLECTING != 0
}

#[inline]
pub(crate) unsafe fn clear_collecting(g: Gc) {
    // SAFETY: module contract.
    let l = unsafe { links(g) };
    let p = l.prev.load(Relaxed);
    l.prev.store(p.map_addr(|a| a & !COLLECTING), Relaxed);
}

/// `gc_refs`, while `prev` holds it.
#[inline]
pub(crate) unsafe fn refs(g: Gc) -> usize {
    // SAFETY: module contract.
    unsafe { links(g) }.prev.load(Relaxed).addr() >> REFS_SHIFT
}

/// Sets `gc_refs`, keeping the flags (the pointer part is lost until
/// `move_unreachable` restores it).
#[inline]
pub(crate) unsafe fn set_refs(g: Gc, refs: usize) {
    // SAFETY: module contract.
    let l = unsafe { links(g) };
    let flags = l.prev.load(Relaxed).addr() & PREV_FLAG_BITS;
    l.prev.store(
        core::ptr::without_provenance_mut(refs << REFS_SHIFT | flags),
        Relaxed,
    );
}

/// `gc_refs = refs` and `COLLECTING` set (CPython's `gc_reset_refs`).
#[inline]
pub(crate) unsafe fn reset_refs(g: Gc, refs: usize) {
    // SAFETY: module contract.
    let l = unsafe { links(g) };
    let flags = l.prev.load(Relaxed).addr() & PREV_FLAG_BITS;
    l.prev.store(
        core::ptr::without_provenance_mut(refs << REFS_SHIFT | flags | COLLECTING),
        Relaxed,
    );
}

#[inline]
pub(crate) unsafe fn decref(g: Gc) {
    // SAFETY: module contract.
    unsafe { set_refs(g, refs(g) - 1) }
}

/// Whether the list is empty.
#[inline]
pub(crate) unsafe fn is_empty(head: Gc) -> bool {
    // SAFETY: module contract.
    (unsafe { next(head) }) == head
}

/// Appends `node` (not on a list) at the end of `list`.
pub(crate) unsafe fn append(node: Gc, list: Gc) {
    // SAFETY: module contract.
    unsafe {
        let last = prev(list);
        set_next(last, node, 0);
        set_prev(node, last);
        set_next(node, list, 0);
        set_prev(list, node);
    }
}

/// Removes `node` from its list and marks it untracked (the object
/// model's own unlink, which a dying object also uses).
pub(crate) unsafe fn remove(node: Gc) {
    // SAFETY: module contract (a listed node with pointer `prev`s).
    unsafe { ftl_object::gc_hooks::untrack_in_place(node) }
}

/// Moves `node` from its list to the end of `list`.
pub(crate) unsafe fn move_to(node: Gc, list: Gc) {
    // SAFETY: module contract.
    unsafe {
        let p = prev(node);
        let n = next(node);
        set_next(p, n, 0);
        set_prev(n, p);
        append(node, list);
    }
}

/// Moves every node of `from` to the end of `to`; `from` is left empty.
pub(crate) unsafe fn merge(from: Gc, to: Gc) {
    // SAFETY: module contract.
    unsafe {
        if is_empty(from) {
            return;
        }
        let to_tail = prev(to);
        let from_head = next(from);
        let from_tail = prev(from);
        set_next(to_tail, from_head, 0);
        set_prev(from_head, to_tail);
        set_next(from_tail, to, 0);
        set_prev(to, from_tail);
        init(from);
    }
}

/// The number of nodes.
pub(crate) unsafe fn len(head: Gc) -> usize {
    let mut n = 0;
    // SAFETY: module contract.
    let mut g = unsafe { next(head) };
    while g != head {
        n += 1;
        // SAFETY: module contract.
        g = unsafe { next(g) };
    }
    n
}

/// Clears `COLLECTING` on every node.
pub(crate) unsafe fn clear_collecting_all(head: Gc) {
    // SAFETY: module contract.
    unsafe {
        let mut g = next(head);
        while g != head {
            clear_collecting(g);
            g = next(g);
        }
    }
}
