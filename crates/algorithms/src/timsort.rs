//! CPython 3.11's list sort (timsort with the powersort merge policy),
//! generic over the element type and the `<` comparison.
//!
//! This follows `Objects/listobject.c` (`list_sort_impl` and its helpers)
//! and `Objects/listsort.txt` of CPython 3.11 step for step, so that a
//! caller whose `lt` runs user code (`__lt__`) sees exactly the calls
//! CPython makes, in the same order and with the operands in the same
//! positions. That matters beyond speed: `__lt__` methods can observe the
//! calls, and a `TypeError` for unorderable operands names the two types in
//! the order they were compared (`sorted([3, 'a', 1])` compares `'a' < 3`
//! first, hence "... between instances of 'str' and 'int'").
//!
//! # The algorithm (as in CPython 3.11)
//!
//! * `merge_compute_minrun` (`compute_minrun`): lists shorter than 64
//!   are one binary-insertion-sorted run; otherwise natural runs shorter
//!   than a `minrun` in 32..=64 are extended to it.
//! * `count_run`: the first comparison is `lt(a[1], a[0])`; if true the run
//!   is the longest *strictly* descending prefix (then reversed in place),
//!   else the longest non-descending one. (Later CPython versions
//!   rewrote `count_run` and `binarysort`; these are the 3.11 ones.)
//! * `binarysort`: stable binary insertion, comparing `lt(pivot, a[mid])`.
//! * The run stack uses powersort (`found_new_run` / `powerloop`, new in
//!   3.11, replacing the older `merge_collapse` invariants): each new run
//!   gives the previous top run a "power", and runs below it with a greater
//!   power are merged first. `merge_force_collapse` finishes the sort.
//! * `merge_at` trims both runs with `gallop_right` / `gallop_left`, then
//!   `merge_lo` or `merge_hi` merges through a temporary copy of the
//!   shorter run, entering galloping mode after `min_gallop` consecutive
//!   wins (`MIN_GALLOP` = 7, adapted per merge).
//!
//! # How the port is organised
//!
//! The algorithm runs on a vector of indices into the caller's slice (the
//! "keys" of the core, a `Copy` type), comparing `lt(&v[i], &v[j])`; the
//! resulting permutation is then applied to the slice with swaps. So no
//! element is cloned, no `unsafe` is needed, and the slice always ends as
//! some permutation of its input. The index vector plays the part of
//! CPython's array of object pointers: every copy the C code makes between
//! the list and its temporary array is made here between index slots, so on
//! an error the final arrangement is exactly CPython's too (`merge_lo` /
//! `merge_hi` put the temporary run back into the gap, as in C).
//!
//! # What the caller does (as `list_sort_impl` does)
//!
//! * Key functions: compute every key first, in list order (CPython calls
//!   the key function on each item before any comparison), then sort pairs
//!   `(key, value)` comparing only the keys.
//! * `reverse=True`: [`list_sort`] with `reverse = true` reverses, sorts
//!   stably, and reverses again, as CPython does; the final reversal also
//!   happens when a comparison fails (CPython reverses after its `fail:`
//!   label too). Doing `v.reverse(); sort_by_lt(v, lt); v.reverse()` by
//!   hand is equivalent, including on error.
//! * Mutation of the list during the sort (CPython empties the list and
//!   raises `ValueError("list modified during sort")`) is the caller's
//!   business: this module only sees the slice it was given.
//! * CPython 3.11's pre-sort check (`unsafe_object_compare`,
//!   `unsafe_long_compare`, `unsafe_latin_compare`, `unsafe_float_compare`,
//!   `unsafe_tuple_compare`) only selects a faster C routine for the same
//!   `<`; it does not change which pairs are compared or in what order, so
//!   it is not modelled here. `lt(a, b)` stands for
//!   `PyObject_RichCompareBool(a, b, Py_LT)`.
//!
//! # Invariants
//!
//! * The index vector is a permutation of `0..n` at every point where `lt`
//!   can be called or fail; merges copy the shorter run to the temporary
//!   vector and always write it back (fully, or into the remaining gap).
//! * Run stack: `pending[i].base + pending[i].len == pending[i + 1].base`,
//!   and the powers of the runs below the top strictly increase upward.
//! * All index arithmetic is bounded by the run lengths alone, not by
//!   comparison outcomes, so an inconsistent `lt` (random answers) cannot
//!   cause a panic; it only yields an unsorted permutation, as in CPython.

/// When both runs win fewer than this many times in a row, galloping stops
/// (CPython's `MIN_GALLOP`).
const MIN_GALLOP: usize = 7;

/// Sorts `v` in place, stably, with CPython 3.11's timsort, using only
/// `lt(a, b)` ("a < b"), making exactly CPython's sequence of comparisons.
///
/// If `lt` returns `Err`, the sort stops and returns it; `v` is then the
/// same permutation of its input that CPython would leave (nothing lost or
/// duplicated).
pub fn sort_by_lt<T, E>(v: &mut [T], lt: impl FnMut(&T, &T) -> Result<bool, E>) -> Result<(), E> {
    list_sort(v, false, lt)
}

/// `list.sort(reverse=reverse)` without a key: like [`sort_by_lt`], but
/// with `reverse` the slice is reversed before and after the stable sort
/// (also after a failed comparison), as CPython's `list_sort_impl` does, so
/// equal elements keep their original order.
pub fn list_sort<T, E>(
    v: &mut [T],
    reverse: bool,
    mut lt: impl FnMut(&T, &T) -> Result<bool, E>,
) -> Result<(), E> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    let mut order: Vec<usize> = if reverse {
        (0..n).rev().collect()
    } else {
        (0..n).collect()
    };
    let items: &[T] = v;
    let result = timsort(&mut order, &mut |&i: &usize, &j: &usize| {
        lt(&items[i], &items[j])
    });
    if reverse {
        order.reverse();
    }
    apply_permutation(v, &mut order);
    result
}

/// Rearranges `v` so that position `i` receives the element that was at
/// `order[i]`, following cycles with swaps. `order` is consumed (each slot
/// is reset to its own index once placed). A slot pointing at an already
/// placed one ends its cycle, so this terminates even for a non-permutation.
fn apply_permutation<T>(v: &mut [T], order: &mut [usize]) {
    for start in 0..order.len() {
        let mut j = start;
        loop {
            let k = order[j];
            order[j] = j;
            if k == start || k == j || k >= v.len() {
                break;
            }
            v.swap(j, k);
            j = k;
        }
    }
}

/// CPython's `merge_compute_minrun`: `n` itself below 64, else a value in
/// 32..=64 such that `n / minrun` is a power of two or a little below one.
fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// One pending run on the merge stack (CPython's `struct s_slice`).
#[derive(Clone, Copy, Debug)]
struct Run {
    /// Index of the run's first key.
    base: usize,
    /// Number of keys in the run.
    len: usize,
    /// Powersort node level of the boundary after this run.
    power: u32,
}

/// The state one sort carries between its helpers (CPython's `MergeState`).
struct MergeState<K> {
    /// Consecutive wins needed to enter galloping mode; adapts per merge.
    min_gallop: usize,
    /// Length of the whole array being sorted.
    listlen: usize,
    /// Temporary copy of the shorter run during a merge.
    tmp: Vec<K>,
    /// The stack of runs not yet merged.
    pending: Vec<Run>,
}

/// How a merge's main loop ended, before its clean-up step.
enum MergeEnd {
    /// CPython's `Succeed`: copy what is left of the temporary run back.
    Done,
    /// CPython's `CopyB` (`merge_lo`) / `CopyA` (`merge_hi`): one element
    /// of the temporary run is left and belongs at the far end.
    CopyRest,
}

/// Timsort of `keys` (CPython's `list_sort_impl` main loop, without the
/// reversal and key handling that the callers above do).
fn timsort<K: Copy, E, F>(keys: &mut [K], lt: &mut F) -> Result<(), E>
where
    F: FnMut(&K, &K) -> Result<bool, E>,
{
    let n = keys.len();
    if n < 2 {
        return Ok(());
    }
    let mut ms = MergeState {
        min_gallop: MIN_GALLOP,
        listlen: n,
        tmp: Vec::new(),
        pending: Vec::new(),
    };
    let minrun = compute_minrun(n);
    let mut lo = 0;
    let mut remaining = n;
    while remaining > 0 {
        let (mut run, descending) = count_run(lt, &keys[lo..lo + remaining])?;
        if descending {
            keys[lo..lo + run].reverse();
        }
        if run < minrun {
            let force = remaining.min(minrun);
            binarysort(lt, &mut keys[lo..lo + force], run)?;
            run = force;
        }
        ms.found_new_run(lt, keys, run)?;
        ms.pending.push(Run {
            base: lo,
            len: run,
            power: 0,
        });
        lo += run;
        remaining -= run;
    }
    ms.force_collapse(lt, keys)
}

/// CPython 3.11's `count_run`: the length of the run at the start of `a`
/// (non-empty), and whether it is strictly descending. The first call is
/// `lt(a[1], a[0])`.
fn count_run<K, E, F>(lt: &mut F, a: &[K]) -> Result<(usize, bool), E>
where
    F: FnMut(&K, &K) -> Result<bool, E>,
{
    let hi = a.len();
    if hi < 2 {
        return Ok((hi, false));
    }
    let mut n = 2;
    if lt(&a[1], &a[0])? {
        while n < hi && lt(&a[n], &a[n - 1])? {
            n += 1;
        }
        Ok((n, true))
    } else {
        while n < hi && !lt(&a[n], &a[n - 1])? {
            n += 1;
        }
        Ok((n, false))
    }
}

/// CPython 3.11's `binarysort`: stable binary insertion sort of `a`, whose
/// first `start` elements are already sorted. On error `a` is a
/// permutation of its input (nothing moves before a pivot's place is known).
fn binarysort<K: Copy, E, F>(lt: &mut F, a: &mut [K], start: usize) -> Result<(), E>
where
    F: FnMut(&K, &K) -> Result<bool, E>,
{
    for s in start.max(1)..a.len() {
        let pivot = a[s];
        // Invariants: pivot >= all of a[..l], pivot < all of a[r..s].
        let (mut l, mut r) = (0, s);
        while l < r {
            let p = l + ((r - l) >> 1);
            if lt(&pivot, &a[p])? {
                r = p;
            } else {
                l = p + 1;
            }
        }
        a.copy_within(l..s, l + 1);
        a[l] = pivot;
    }
    Ok(())
}

/// The next galloping offset after `ofs` (CPython's `(ofs << 1) + 1`).
fn next_ofs(ofs: usize) -> usize {
    ofs.saturating_mul(2).saturating_add(1)
}

/// CPython's `gallop_left`: the `k` in `0..=a.len()` with
/// `a[k-1] < key <= a[k]`, searching outward from `hint` (< `a.len()`).
fn gallop_left<K: Copy, E, F>(lt: &mut F, key: K, a: &[K], hint: usize) -> Result<usize, E>
where
    F: FnMut(&K, &K) -> Result<bool, E>,
{
    let n = a.len();
    let mut lastofs = 0;
    let mut ofs = 1;
    // The binary search below runs over lo..hi (CPython's ++lastofs..ofs).
    let (mut lo, mut hi);
    if lt(&a[hint], &key)? {
        // a[hint] < key: gallop right until a[hint+lastofs] < key <= a[hint+ofs].
        let maxofs = n - hint;
        while ofs < maxofs {
            if lt(&a[hint + ofs], &key)? {
                lastofs = ofs;
                ofs = next_ofs(ofs);
            } else {
                break;
            }
        }
        ofs = ofs.min(maxofs);
        lo = hint + lastofs + 1;
        hi = hint + ofs;
    } else {
        // key <= a[hint]: gallop left until a[hint-ofs] < key <= a[hint-lastofs].
        let maxofs = hint + 1;
        while ofs < maxofs {
            if lt(&a[hint - ofs], &key)? {
                break;
            }
            lastofs = ofs;
            ofs = next_ofs(ofs);
        }
        ofs = ofs.min(maxofs);
        lo = hint + 1 - ofs;
        hi = hint - lastofs;
    }
    while lo < hi {
        let m = lo + ((hi - lo) >> 1);
        if lt(&a[m], &key)? {
            lo = m + 1;
        } else {
            hi = m;
        }
    }
    Ok(hi)
}

/// CPython's `gallop_right`: the `k` in `0..=a.len()` with
/// `a[k-1] <= key < a[k]`, searching outward from `hint` (< `a.len()`).
fn gallop_right<K: Copy, E, F>(lt: &mut F, key: K, a: &[K], hint: usize) -> Result<usize, E>
where
    F: FnMut(&K, &K) -> Result<bool, E>,
{
    let n = a.len();
    let mut lastofs = 0;
    let mut ofs = 1;
    let (mut lo, mut hi);
    if lt(&key, &a[hint])? {
        // key < a[hint]: gallop left until a[hint-ofs] <= key < a[hint-lastofs].
        let maxofs = hint + 1;
        while ofs < maxofs {
            if lt(&key, &a[hint - ofs])? {
                lastofs = ofs;
                ofs = next_ofs(ofs);
            } else {
                break;
            }
        }
        ofs = ofs.min(maxofs);
        lo = hint + 1 - ofs;
        hi = hint - lastofs;
    } else {
        // a[hint] <= key: gallop right until a[hint+lastofs] <= key < a[hint+ofs].
        let maxofs = n - hint;
        while ofs < maxofs {
            if lt(&key, &a[hint + ofs])? {
                break;
            }
            lastofs = ofs;
            ofs = next_ofs(ofs);
        }
        ofs = ofs.min(maxofs);
        lo = hint + lastofs + 1;
        hi = hint + ofs;
    }
    while lo < hi {
        let m = lo + ((hi - lo) >> 1);
        if lt(&key, &a[m])? {
            hi = m;
        } else {
            lo = m + 1;
        }
    }
    Ok(hi)
}

/// CPython's `powerloop`: the powersort level of the boundary between the
/// run `s1..s1+n1` and the run of length `n2` after it, in a list of `n`.
fn powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    // Twice the two runs' midpoints, compared bit by bit as fractions of n.
    // b - a starts at n1 + n2 >= 2 and doubles each round, so the bits
    // differ within about log2(n) + 2 rounds; u128 keeps the shifts exact.
    let n = n as u128;
    let mut a = 2 * s1 as u128 + n1 as u128;
    let mut b = a + n1 as u128 + n2 as u128;
    let mut result = 0;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

impl<K: Copy> MergeState<K> {
    /// CPython's `found_new_run`: a run of length `n2` follows the top of
    /// the stack; merge the runs whose boundary power exceeds the new one.
    /// The caller pushes the new run afterwards.
    fn found_new_run<E, F>(&mut self, lt: &mut F, keys: &mut [K], n2: usize) -> Result<(), E>
    where
        F: FnMut(&K, &K) -> Result<bool, E>,
    {
        let Some(top) = self.pending.last().copied() else {
            return Ok(());
        };
        let power = powerloop(top.base, top.len, n2, self.listlen);
        while self.pending.len() > 1 && self.pending[self.pending.len() - 2].power > power {
            self.merge_at(lt, keys, self.pending.len() - 2)?;
        }
        if let Some(top) = self.pending.last_mut() {
            top.power = power;
        }
        Ok(())
    }

    /// CPython's `merge_force_collapse`: merge everything left, preferring
    /// the smaller neighbour of the run below the top.
    fn force_collapse<E, F>(&mut self, lt: &mut F, keys: &mut [K]) -> Result<(), E>
    where
        F: FnMut(&K, &K) -> Result<bool, E>,
    {
        while self.pending.len() > 1 {
            let mut n = self.pending.len() - 2;
            if n > 0 && self.pending[n - 1].len < self.pending[n + 1].len {
                n -= 1;
            }
            self.merge_at(lt, keys, n)?;
        }
        Ok(())
    }

    /// CPython's `merge_at`: merge the runs at stack indices `i` and `i+1`
    /// (`i` is the second or third from the top).
    fn merge_at<E, F>(&mut self, lt: &mut F, keys: &mut [K], i: usize) -> Result<(), E>
    where
        F: FnMut(&K, &K) -> Result<bool, E>,
    {
        let Run {
            base: mut pa,
            len: mut na,
            ..
        } = self.pending[i];
        let Run {
            base: pb, len: nb, ..
        } = self.pending[i + 1];
        self.pending[i].len = na + nb;
        self.pending.remove(i + 1);

        // Elements of a before where b[0] belongs are already in place.
        let k = gallop_right(lt, keys[pb], &keys[pa..pa + na], 0)?;
        pa += k;
        na -= k;
        if na == 0 {
            return Ok(());
        }
        // Elements of b after where a's last belongs are already in place.
        let nb = gallop_left(lt, keys[pa + na - 1], &keys[pb..pb + nb], nb - 1)?;
        if nb == 0 {
            return Ok(());
        }
        if na <= nb {
            self.merge_lo(lt, keys, pa, na, nb)
        } else {
            self.merge_hi(lt, keys, pa, na, nb)
        }
    }

    /// CPython's `merge_lo`: merge `keys[pa..pa+na]` with the `nb` keys
    /// after it, `na <= nb`, copying run a to `tmp` and filling from the
    /// left. Run a's last key belongs at the end, b's first at the start.
    fn merge_lo<E, F>(
        &mut self,
        lt: &mut F,
        keys: &mut [K],
        pa: usize,
        mut na: usize,
        mut nb: usize,
    ) -> Result<(), E>
    where
        F: FnMut(&K, &K) -> Result<bool, E>,
    {
        let na0 = na;
        let b_end = pa + na + nb;
        self.tmp.clear();
        self.tmp.extend_from_slice(&keys[pa..pa + na]);
        let end = self.merge_lo_loop(lt, keys, na0, b_end, &mut na, &mut nb);
        // Here a's rest is tmp[na0-na..na0], b's rest keys[b_end-nb..b_end],
        // and the gap keys[b_end-nb-na..b_end-nb] lies just before b's rest.
        let dest = b_end - nb - na;
        match end {
            Ok(MergeEnd::CopyRest) => {
                keys.copy_within(b_end - nb..b_end, dest);
                keys[dest + nb] = self.tmp[na0 - na];
                Ok(())
            }
            Ok(MergeEnd::Done) | Err(_) => {
                keys[dest..dest + na].copy_from_slice(&self.tmp[na0 - na..na0]);
                end.map(|_| ())
            }
        }
    }

    /// The body of [`Self::merge_lo`] up to its exit label; `na` and `nb`
    /// count the keys of each run not yet placed (see there for positions).
    fn merge_lo_loop<E, F>(
        &mut self,
        lt: &mut F,
        keys: &mut [K],
        na0: usize,
        b_end: usize,
        na: &mut usize,
        nb: &mut usize,
    ) -> Result<MergeEnd, E>
    where
        F: FnMut(&K, &K) -> Result<bool, E>,
    {
        keys[b_end - *nb - *na] = keys[b_end - *nb];
        *nb -= 1;
        if *nb == 0 {
            return Ok(MergeEnd::Done);
        }
        if *na == 1 {
            return Ok(MergeEnd::CopyRest);
        }
        let mut min_gallop = self.min_gallop;
        loop {
            let mut acount = 0; // times in a row run a won
            let mut bcount = 0; // times in a row run b won
                                // One pair at a time until one run wins consistently.
            loop {
                let bi = b_end - *nb;
                let ai = na0 - *na;
                if lt(&keys[bi], &self.tmp[ai])? {
                    keys[bi - *na] = keys[bi];
                    bcount += 1;
                    acount = 0;
                    *nb -= 1;
                    if *nb == 0 {
                        return Ok(MergeEnd::Done);
                    }
                    if bcount >= min_gallop {
                        break;
                    }
                } else {
                    keys[bi - *na] = self.tmp[ai];
                    acount += 1;
                    bcount = 0;
                    *na -= 1;
                    if *na == 1 {
                        return Ok(MergeEnd::CopyRest);
                    }
                    if acount >= min_gallop {
                        break;
                    }
                }
            }
            // Gallop until neither run wins consistently any more.
            min_gallop += 1;
            loop {
                min_gallop -= usize::from(min_gallop > 1);
                self.min_gallop = min_gallop;

                let bi = b_end - *nb;
                let ai = na0 - *na;
                let k = gallop_right(lt, keys[bi], &self.tmp[ai..na0], 0)?;
                acount = k;
                if k > 0 {
                    let dest = bi - *na;
                    keys[dest..dest + k].copy_from_slice(&self.tmp[ai..ai + k]);
                    *na -= k;
                    if *na == 1 {
                        return Ok(MergeEnd::CopyRest);
                    }
                    // Impossible for a consistent `lt`, but not assumed.
                    if *na == 0 {
                        return Ok(MergeEnd::Done);
                    }
                }
                keys[bi - *na] = keys[bi];
                *nb -= 1;
                if *nb == 0 {
                    return Ok(MergeEnd::Done);
                }

                let bi = b_end - *nb;
                let ai = na0 - *na;
                let k = gallop_left(lt, self.tmp[ai], &keys[bi..b_end], 0)?;
                bcount = k;
                if k > 0 {
                    keys.copy_within(bi..bi + k, bi - *na);
                    *nb -= k;
                    if *nb == 0 {
                        return Ok(MergeEnd::Done);
                    }
                }
                let bi = b_end - *nb;
                keys[bi - *na] = self.tmp[ai];
                *na -= 1;
                if *na == 1 {
                    return Ok(MergeEnd::CopyRest);
                }
                if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                    break;
                }
            }
            // Penalise leaving galloping mode.
            min_gallop += 1;
            self.min_gallop = min_gallop;
        }
    }

    /// CPython's `merge_hi`: merge `keys[pa..pa+na]` with the `nb` keys
    /// after it, `na >= nb`, copying run b to `tmp` and filling from the
    /// right. Run a's last key belongs at the end, b's first at the start.
    fn merge_hi<E, F>(
        &mut self,
        lt: &mut F,
        keys: &mut [K],
        pa: usize,
        mut na: usize,
        mut nb: usize,
    ) -> Result<(), E>
    where
        F: FnMut(&K, &K) -> Result<bool, E>,
    {
        let pb = pa + na;
        self.tmp.clear();
        self.tmp.extend_from_slice(&keys[pb..pb + nb]);
        let end = self.merge_hi_loop(lt, keys, pa, &mut na, &mut nb);
        // Here a's rest is keys[pa..pa+na], b's rest tmp[..nb], and the gap
        // keys[pa+na..pa+na+nb] lies just after a's rest.
        match end {
            Ok(MergeEnd::CopyRest) => {
                keys.copy_within(pa..pa + na, pa + nb);
                keys[pa..pa + nb].copy_from_slice(&self.tmp[..nb]);
                Ok(())
            }
            Ok(MergeEnd::Done) | Err(_) => {
                keys[pa + na..pa + na + nb].copy_from_slice(&self.tmp[..nb]);
                end.map(|_| ())
            }
        }
    }

    /// The body of [`Self::merge_hi`] up to its exit label; `na` and `nb`
    /// count the keys of each run not yet placed: a's last unplaced key is
    /// `keys[pa+na-1]`, b's is `tmp[nb-1]`, the next slot to fill
    /// `keys[pa+na+nb-1]`.
    fn merge_hi_loop<E, F>(
        &mut self,
        lt: &mut F,
        keys: &mut [K],
        pa: usize,
        na: &mut usize,
        nb: &mut usize,
    ) -> Result<MergeEnd, E>
    where
        F: FnMut(&K, &K) -> Result<bool, E>,
    {
        keys[pa + *na + *nb - 1] = keys[pa + *na - 1];
        *na -= 1;
        if *na == 0 {
            return Ok(MergeEnd::Done);
        }
        if *nb == 1 {
            return Ok(MergeEnd::CopyRest);
        }
        let mut min_gallop = self.min_gallop;
        loop {
            let mut acount = 0; // times in a row run a won
            let mut bcount = 0; // times in a row run b won
                                // One pair at a time until one run wins consistently.
            loop {
                let ai = pa + *na - 1;
                let bi = *nb - 1;
                let dest = ai + *nb;
                if lt(&self.tmp[bi], &keys[ai])? {
                    keys[dest] = keys[ai];
                    acount += 1;
                    bcount = 0;
                    *na -= 1;
                    if *na == 0 {
                        return Ok(MergeEnd::Done);
                    }
                    if acount >= min_gallop {
                        break;
                    }
                } else {
                    keys[dest] = self.tmp[bi];
                    bcount += 1;
                    acount = 0;
                    *nb -= 1;
                    if *nb == 1 {
                        return Ok(MergeEnd::CopyRest);
                    }
                    if bcount >= min_gallop {
                        break;
                    }
                }
            }
            // Gallop until neither run wins consistently any more.
            min_gallop += 1;
            loop {
                min_gallop -= usize::from(min_gallop > 1);
                self.min_gallop = min_gallop;

                let k = gallop_right(lt, self.tmp[*nb - 1], &keys[pa..pa + *na], *na - 1)?;
                let k = *na - k;
                acount = k;
                if k > 0 {
                    let from = pa + *na - k;
                    keys.copy_within(from..from + k, from + *nb);
                    *na -= k;
                    if *na == 0 {
                        return Ok(MergeEnd::Done);
                    }
                }
                keys[pa + *na + *nb - 1] = self.tmp[*nb - 1];
                *nb -= 1;
                if *nb == 1 {
                    return Ok(MergeEnd::CopyRest);
                }

                let k = gallop_left(lt, keys[pa + *na - 1], &self.tmp[..*nb], *nb - 1)?;
                let k = *nb - k;
                bcount = k;
                if k > 0 {
                    let dest = pa + *na + *nb - k;
                    keys[dest..dest + k].copy_from_slice(&self.tmp[*nb - k..*nb]);
                    *nb -= k;
                    if *nb == 1 {
                        return Ok(MergeEnd::CopyRest);
                    }
                    // Impossible for a consistent `lt`, but not assumed.
                    if *nb == 0 {
                        return Ok(MergeEnd::Done);
                    }
                }
                keys[pa + *na + *nb - 1] = keys[pa + *na - 1];
                *na -= 1;
                if *na == 0 {
                    return Ok(MergeEnd::Done);
                }
                if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                    break;
                }
            }
            // Penalise leaving galloping mode.
            min_gallop += 1;
            self.min_gallop = min_gallop;
        }
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// CPython 3.11.7's comparison logs, from `tests/data/timsort_gen.py`.
    const CPYTHON_LOGS: &str = include_str!("../tests/data/timsort_cmp.txt");

    /// The generator script's 64-bit LCG (Knuth's MMIX constants).
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            self.0 >> 33
        }
    }

    /// The input lists of `timsort_gen.py`'s `pattern`.
    fn pattern(name: &str, n: usize) -> Vec<u64> {
        let mut r = Lcg((n as u64) * 1000003 + name.len() as u64);
        let n64 = n as u64;
        match name {
            "random" => (0..n).map(|_| r.next() % 1000003).collect(),
            "ascending" => (0..n64).collect(),
            "descending" => (0..n64).map(|i| n64 - i).collect(),
            "sawtooth" => (0..n64).map(|i| i % 17).collect(),
            "rsawtooth" => (0..n64).map(|i| (n64 - i) % 23).collect(),
            "dups" => (0..n).map(|_| r.next() % 4).collect(),
            "interleave" => {
                let half = n64 / 2;
                let first = (0..half).map(|i| (i / 10) * 20 + i % 10);
                let second = (0..n64 - half).map(|j| (j / 10) * 20 + 10 + j % 10);
                first.chain(second).collect()
            }
            "blocks" => {
                let mut out = Vec::new();
                while out.len() < n {
                    let start = r.next() % 1000;
                    let len = 1 + r.next() % 100;
                    out.extend(start..start + len);
                }
                out.truncate(n);
                out
            }
            "desc_eq" => (0..n64).map(|i| (n64 - i) / 2).collect(),
            "organ" => (0..n64)
                .map(|i| if i < n64 / 2 { i } else { n64 - i })
                .collect(),
            "ties" => {
                let lens: &[u64] = match n {
                    132 => &[45, 42, 45],
                    257 => &[56, 38, 69, 94],
                    261 => &[131, 34, 62, 34],
                    340 => &[173, 54, 59, 54],
                    _ => panic!("no tie runs for n={n}"),
                };
                let k = lens.len() as u64;
                (0..k)
                    .flat_map(|j| (0..lens[j as usize]).map(move |i| i * k + j))
                    .collect()
            }
            "fewswaps" => {
                let mut out: Vec<u64> = (0..n64).collect();
                if n > 0 {
                    for _ in 0..3 {
                        let a = (r.next() % n64) as usize;
                        let b = (r.next() % n64) as usize;
                        out.swap(a, b);
                    }
                }
                out
            }
            other => panic!("unknown pattern {other}"),
        }
    }

    const FNV0: u64 = 0xcbf2_9ce4_8422_2325;

    /// FNV-1a 64 over each value as 4 little-endian bytes, as the script.
    fn fnv(mut h: u64, xs: impl IntoIterator<Item = usize>) -> u64 {
        for x in xs {
            for byte in (x as u32).to_le_bytes() {
                h = (h ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
        h
    }

    /// Sorts `values` tagged with their indices, logging the index pair of
    /// every `lt` call and failing the comparison numbered `fail_at`.
    /// Returns the log and the final order of original indices, after
    /// checking that the order is a permutation.
    fn run(
        values: &[u64],
        reverse: bool,
        fail_at: Option<usize>,
    ) -> (Vec<(usize, usize)>, Vec<usize>) {
        let mut items: Vec<(u64, usize)> = values.iter().copied().zip(0..).collect();
        let mut log = Vec::new();
        let res = list_sort(&mut items, reverse, |a, b| {
            log.push((a.1, b.1));
            if Some(log.len() - 1) == fail_at {
                return Err("boom");
            }
            Ok(a.0 < b.0)
        });
        assert_eq!(res.is_err(), fail_at.is_some_and(|k| k < log.len()));
        let order: Vec<usize> = items.iter().map(|p| p.1).collect();
        let mut seen = order.clone();
        seen.sort_unstable();
        assert!(
            seen.iter().copied().eq(0..values.len()),
            "not a permutation"
        );
        (log, order)
    }

    fn field<T: std::str::FromStr>(fields: &[&str], i: usize) -> T {
        fields[i]
            .parse()
            .unwrap_or_else(|_| panic!("bad field {i} in {fields:?}"))
    }

    fn hex(s: &str) -> u64 {
        u64::from_str_radix(s, 16).unwrap_or_else(|_| panic!("bad hash {s}"))
    }

    /// Every logged case: the same comparisons in the same order, the same
    /// final order, and the same list state after a comparison fails at
    /// each possible index, as CPython 3.11.
    #[test]
    fn comparison_sequence_matches_cpython() {
        let mut mismatches = Vec::new();
        let (mut cases, mut full_logs, mut fail_cases) = (0, 0, 0);
        for line in CPYTHON_LOGS.lines().filter(|l| !l.starts_with('#')) {
            let fields: Vec<&str> = line.split(' ').collect();
            let (name, n) = (fields[1], field::<usize>(&fields, 2));
            let reverse = field::<u8>(&fields, 3) == 1;
            let values = pattern(name, n);
            let (log, order) = run(&values, reverse, None);
            let what = format!("{name} n={n} reverse={reverse}");
            match fields[0] {
                "case" => {
                    cases += 1;
                    let flat = log.iter().flat_map(|&(a, b)| [a, b]);
                    if log.len() != field::<usize>(&fields, 4) {
                        mismatches.push(format!(
                            "{what}: {} comparisons, CPython {}",
                            log.len(),
                            fields[4]
                        ));
                    }
                    if fnv(FNV0, flat) != hex(fields[5]) {
                        mismatches.push(format!("{what}: comparison log differs"));
                    }
                    if fnv(FNV0, order) != hex(fields[6]) {
                        mismatches.push(format!("{what}: final order differs"));
                    }
                    if fields[7] != "-" {
                        fail_cases += 1;
                        let mut h = FNV0;
                        for k in 0..log.len() {
                            h = fnv(h, run(&values, reverse, Some(k)).1);
                        }
                        if h != hex(fields[7]) {
                            mismatches
                                .push(format!("{what}: state after a failed comparison differs"));
                        }
                    }
                }
                "log" => {
                    full_logs += 1;
                    let expected: Vec<(usize, usize)> = fields[4..]
                        .iter()
                        .map(|pair| {
                            let (a, b) = pair.split_once(',').expect("pair");
                            (a.parse().expect("index"), b.parse().expect("index"))
                        })
                        .collect();
                    if log != expected {
                        mismatches.push(format!("{what}: log {log:?}, CPython {expected:?}"));
                    }
                }
                other => panic!("bad line kind {other}"),
            }
        }
        assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
        assert_eq!((cases, full_logs, fail_cases), (305, 143, 289));
    }

    /// A Python-like value: ints and strs order among themselves only.
    #[derive(Clone, Debug, PartialEq)]
    enum Val {
        Int(i64),
        Str(&'static str),
    }

    fn py_lt(a: &Val, b: &Val) -> Result<bool, String> {
        match (a, b) {
            (Val::Int(x), Val::Int(y)) => Ok(x < y),
            (Val::Str(x), Val::Str(y)) => Ok(x < y),
            _ => {
                let name = |v: &Val| match v {
                    Val::Int(_) => "int",
                    Val::Str(_) => "str",
                };
                Err(format!(
                    "'<' not supported between instances of '{}' and '{}'",
                    name(a),
                    name(b)
                ))
            }
        }
    }

    /// `sorted([3, 'a', 1])` and `sorted([3, 'a', 1], reverse=True)` both
    /// fail comparing `'a' < int` first; the list is left as it was
    /// (python3: `l = [3, 'a', 1]; l.sort(reverse=True)` leaves `[3, 'a', 1]`).
    #[test]
    fn mixed_types_error_names_cpython_operand_order() {
        let input = vec![Val::Int(3), Val::Str("a"), Val::Int(1)];
        for reverse in [false, true] {
            let mut v = input.clone();
            let err = list_sort(&mut v, reverse, py_lt).unwrap_err();
            assert_eq!(
                err,
                "'<' not supported between instances of 'str' and 'int'"
            );
            assert_eq!(v, input);
        }
        let mut v = vec![Val::Str("b"), Val::Str("a"), Val::Int(1), Val::Int(0)];
        assert_eq!(
            sort_by_lt(&mut v, py_lt).unwrap_err(),
            "'<' not supported between instances of 'int' and 'str'"
        );
    }

    /// For `[x0, x1, ...]` the first call is `lt(x1, x0)`, whatever the size.
    #[test]
    fn first_comparison_is_second_against_first() {
        for n in 2..200 {
            let mut first = None;
            let mut v: Vec<usize> = (0..n).collect();
            sort_by_lt(&mut v, |a, b| {
                first.get_or_insert((*a, *b));
                Ok::<_, ()>(a < b)
            })
            .unwrap();
            assert_eq!(first, Some((1, 0)), "n={n}");
        }
    }

    #[test]
    fn minrun_follows_listsort_txt() {
        let cases = [
            (0, 0),
            (1, 1),
            (63, 63),
            (64, 32),
            (65, 33),
            (2048, 32),
            (2112, 33),
            (2113, 34),
        ];
        for (n, minrun) in cases {
            assert_eq!(compute_minrun(n), minrun, "n={n}");
        }
        assert_eq!(compute_minrun(usize::MAX), 64);
    }

    /// Failing at every comparison index leaves a permutation of the input
    /// (checked inside `run`), for inputs that gallop in both directions.
    #[test]
    fn error_at_every_comparison_leaves_a_permutation() {
        for (name, n) in [
            ("interleave", 700),
            ("blocks", 500),
            ("random", 400),
            ("desc_eq", 200),
        ] {
            let values = pattern(name, n);
            for reverse in [false, true] {
                let ncmp = run(&values, reverse, None).0.len();
                for k in 0..ncmp {
                    let (log, _) = run(&values, reverse, Some(k));
                    assert_eq!(log.len(), k + 1);
                }
            }
        }
    }

    fn proptest_config() -> ProptestConfig {
        ProptestConfig {
            cases: if cfg!(miri) { 4 } else { 256 },
            failure_persistence: None,
            ..Default::default()
        }
    }

    proptest! {
        #![proptest_config(proptest_config())]

        /// Sorted and stable, both directions: the same as std's stable
        /// sort on the key (equal keys keep their input order either way).
        #[test]
        fn sorts_stably(keys in prop::collection::vec(0u8..12, 0..700), reverse in any::<bool>()) {
            let mut v: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
            let mut expected = v.clone();
            if reverse {
                expected.sort_by_key(|p| std::cmp::Reverse(p.0));
            } else {
                expected.sort_by_key(|p| p.0);
            }
            list_sort(&mut v, reverse, |a, b| Ok::<_, ()>(a.0 < b.0)).unwrap();
            prop_assert_eq!(v, expected);
        }

        /// A failure at a random comparison leaves a permutation.
        #[test]
        fn failure_leaves_permutation(keys in prop::collection::vec(0u64..50, 0..1500), k in 0usize..20000, reverse in any::<bool>()) {
            run(&keys, reverse, Some(k));
        }

        /// An inconsistent `lt` (random answers) never panics and leaves a
        /// permutation.
        #[test]
        fn inconsistent_lt_is_harmless(n in 0usize..3000, seed in any::<u64>(), bias in 0u64..4) {
            let mut rng = Lcg(seed);
            let mut v: Vec<usize> = (0..n).collect();
            sort_by_lt(&mut v, |_, _| Ok::<_, ()>(match bias {
                0 => false,
                1 => true,
                _ => rng.next().is_multiple_of(bias),
            }))
            .unwrap();
            v.sort_unstable();
            prop_assert!(v.iter().copied().eq(0..n));
        }
    }
}
