//! Containers and keys: lists, CPython's dict order and key semantics
//! (`1`, `1.0` and `True` are one key), sets, unhashable types, and int
//! promotion at the `i64` boundary as objects see it.

use ftl_object::{Accounting, GilHeap, IntValue, ObjRef};
use num_bigint::BigInt;
use proptest::prelude::*;

mod common;

type R = ObjRef<GilHeap>;

fn s(x: &str) -> R {
    R::new_str(x)
}
fn i(v: i64) -> R {
    R::from_i64(v)
}

#[test]
fn list_operations_and_extend_self() {
    let acct = Accounting::new();
    let _scope = acct.enter();
    let l = R::new_list(vec![i(1), i(2)]);
    let list = l.as_list().unwrap();
    list.push(i(3));
    list.insert(0, i(0));
    list.insert(99, i(4));
    assert_eq!(list.len(), 5);
    assert!(list.set(1, s("one")).is_ok());
    assert!(list.set(5, i(9)).is_err());
    assert_eq!(list.get(1).unwrap().as_str(), Some("one"));
    assert_eq!(list.remove_at(1).unwrap().as_str(), Some("one"));
    assert_eq!(list.pop().unwrap().as_int(), Some(&IntValue::Small(4)));
    list.extend_from_list(list); // l.extend(l)
    let got: Vec<_> = list
        .snapshot()
        .iter()
        .map(|o| o.as_int().cloned().unwrap())
        .collect();
    let want: Vec<IntValue> = [0, 2, 3, 0, 2, 3].map(IntValue::Small).to_vec();
    assert_eq!(got, want);
    let other = R::new_list(vec![s("x")]);
    list.extend_from_list(other.as_list().unwrap());
    assert_eq!(list.len(), 7);
    list.clear();
    assert!(list.is_empty());
    drop((l, other));
    assert_eq!(acct.live(), 0);
}

#[test]
fn one_true_and_one_point_zero_are_the_same_key() {
    // CPython: d = {}; d[1] = 'a'; d[1.0] = 'b'; d[True] = 'c'
    //          -> {1: 'c'} (the first key object stays)
    let d = R::new_dict();
    let dict = d.as_dict().unwrap();
    dict.set(i(1), s("a")).unwrap();
    dict.set(R::from_f64(1.0), s("b")).unwrap();
    dict.set(R::from_bool(true), s("c")).unwrap();
    assert_eq!(dict.len(), 1);
    let keys = dict.keys();
    assert_eq!(keys[0].type_name(), "int");
    assert_eq!(
        dict.get(&R::from_f64(1.0)).unwrap().unwrap().as_str(),
        Some("c")
    );
    // 0, 0.0, -0.0 and False are one key too; 2**53 + 1 is not 2.0**53.
    dict.set(R::from_f64(-0.0), s("zero")).unwrap();
    assert!(dict.contains(&R::from_bool(false)).unwrap());
    assert!(dict.contains(&i(0)).unwrap());
    let big = (1i64 << 53) + 1;
    dict.set(i(big), s("big")).unwrap();
    assert!(!dict.contains(&R::from_f64(big as f64)).unwrap());
    assert!(dict
        .contains(&R::from_f64((1i64 << 53) as f64 + 2.0))
        .is_ok());
}

#[test]
fn dict_keeps_insertion_order_across_deletes_and_updates() {
    // CPython: d = {'b': 1, 'a': 2, (1, 2): 3, 2.5: 4}; del d['a'];
    // d['b'] = 5; d['a'] = 6; list(d) == ['b', (1, 2), 2.5, 'a']
    let d = R::new_dict();
    let dict = d.as_dict().unwrap();
    dict.set(s("b"), i(1)).unwrap();
    dict.set(s("a"), i(2)).unwrap();
    dict.set(R::new_tuple(vec![i(1), i(2)]), i(3)).unwrap();
    dict.set(R::from_f64(2.5), i(4)).unwrap();
    assert_eq!(
        dict.remove(&s("a")).unwrap().unwrap().as_int(),
        Some(&IntValue::Small(2))
    );
    assert!(dict.remove(&s("a")).unwrap().is_none());
    dict.set(s("b"), i(5)).unwrap();
    dict.set(s("a"), i(6)).unwrap();
    let items = dict.items();
    assert_eq!(items.len(), 4);
    assert_eq!(items[0].0.as_str(), Some("b"));
    assert_eq!(items[0].1.as_int(), Some(&IntValue::Small(5)));
    assert_eq!(items[1].0.as_tuple().map(|t| t.len()), Some(2));
    assert_eq!(items[2].0.as_f64(), Some(2.5));
    assert_eq!(items[3].0.as_str(), Some("a"));
    // A tuple key equal by value, with a float inside, finds the entry.
    let k = R::new_tuple(vec![R::from_f64(1.0), R::from_bool(false)]);
    dict.set(R::new_tuple(vec![i(1), i(0)]), s("t")).unwrap();
    assert_eq!(dict.get(&k).unwrap().unwrap().as_str(), Some("t"));
}

#[test]
fn unhashable_keys_are_refused_with_cpythons_message() {
    let d = R::new_dict();
    let dict = d.as_dict().unwrap();
    let err = dict.set(R::new_list(vec![]), i(1)).unwrap_err();
    assert_eq!(err.to_string(), "unhashable type: 'list'");
    let err = dict
        .get(&R::new_tuple(vec![i(1), R::new_dict()]))
        .unwrap_err();
    assert_eq!(err.to_string(), "unhashable type: 'dict'");
    assert!(R::new_set().as_set().unwrap().add(R::new_set()).is_err());
    assert!(dict.is_empty());
}

#[test]
fn nan_keys_are_found_only_by_identity() {
    let d = R::new_dict();
    let dict = d.as_dict().unwrap();
    let nan = R::from_f64(f64::NAN);
    dict.set(nan.clone(), i(1)).unwrap();
    assert!(dict.contains(&nan).unwrap());
    assert!(!dict.contains(&R::from_f64(f64::NAN)).unwrap());
}

#[test]
fn sets_add_discard_and_merge_numeric_keys() {
    let st = R::new_set();
    let set = st.as_set().unwrap();
    assert!(set.add(i(1)).unwrap());
    assert!(!set.add(R::from_f64(1.0)).unwrap());
    assert!(!set.add(R::from_bool(true)).unwrap());
    assert!(set.add(s("1")).unwrap());
    assert_eq!(set.len(), 2);
    assert!(set.discard(&R::from_bool(true)).unwrap());
    assert!(!set.discard(&i(1)).unwrap());
    assert_eq!(set.members()[0].as_str(), Some("1"));
}

#[test]
fn int_objects_promote_and_shrink_back_at_the_i64_boundary() {
    let two63: BigInt = BigInt::from(1u64 << 63);
    let max = IntValue::Small(i64::MAX);
    let one = IntValue::Small(1);
    // 2**63 is big, and not the same key as 2**63 - 1.
    let big = max.add(&one);
    assert_eq!(big, IntValue::Big(two63.clone()));
    let obj = R::from_int(big.clone());
    assert_eq!(obj.as_int(), Some(&big));
    // -2**63 - 1 is big too.
    let below = IntValue::Small(i64::MIN).sub(&one);
    assert_eq!(below, IntValue::Big(-two63.clone() - 1));
    // Results that fit shrink back to the fast path, and small results come
    // from the cache.
    assert_eq!(big.sub(&one), IntValue::Small(i64::MAX));
    let back = big.sub(&IntValue::Big(two63.clone() - 7));
    assert_eq!(back, IntValue::Small(7));
    assert!(R::from_int(back).is_same(&R::from_i64(7)));
    // As dict keys, 2**63 and 2.0**63 are one key (CPython: True).
    let d = R::new_dict();
    let dict = d.as_dict().unwrap();
    dict.set(obj, s("big")).unwrap();
    assert!(dict.contains(&R::from_f64(9223372036854775808.0)).unwrap());
}

/// A small model of a Python dict: keys as (numeric value or string).
#[derive(Debug, Clone, PartialEq)]
enum ModelKey {
    Num(i64),
    Str(String),
}

fn key_obj(k: &ModelKey, spelling: u8) -> R {
    match k {
        // The same number spelled as int, float or (for 0/1) bool.
        ModelKey::Num(v) => match spelling % 3 {
            0 => i(*v),
            1 => R::from_f64(*v as f64),
            _ if *v == 0 || *v == 1 => R::from_bool(*v == 1),
            _ => i(*v),
        },
        ModelKey::Str(s) => R::new_str(s),
    }
}

fn model_key() -> impl Strategy<Value = ModelKey> {
    prop_oneof![
        (-3i64..20).prop_map(ModelKey::Num),
        "[a-c]{0,2}".prop_map(ModelKey::Str),
    ]
}

proptest! {
    #![proptest_config(common::proptest_config())]

    /// A dict agrees with an insertion-ordered model under random inserts
    /// and deletes, whatever numeric spelling the keys use.
    #[test]
    fn dict_matches_an_ordered_model(ops in prop::collection::vec((any::<bool>(), model_key(), any::<u8>(), any::<i64>()), 1..120)) {
        let acct = Accounting::new();
        let _scope = acct.enter();
        let d = R::new_dict();
        let dict = d.as_dict().unwrap();
        let mut model: Vec<(ModelKey, i64)> = vec![];
        for (insert, key, spelling, value) in ops {
            let k = key_obj(&key, spelling);
            if insert {
                dict.set(k, i(value)).unwrap();
                match model.iter_mut().find(|(mk, _)| *mk == key) {
                    Some(slot) => slot.1 = value,
                    None => model.push((key, value)),
                }
            } else {
                let got = dict.remove(&k).unwrap();
                let pos = model.iter().position(|(mk, _)| *mk == key);
                prop_assert_eq!(got.is_some(), pos.is_some());
                if let Some(p) = pos {
                    let (_, v) = model.remove(p);
                    let got = got.unwrap();
                    prop_assert_eq!(got.as_int(), Some(&IntValue::Small(v)));
                }
            }
            prop_assert_eq!(dict.len(), model.len());
        }
        let values: Vec<i64> = dict.values().iter().map(|o| o.as_int().unwrap().as_i64().unwrap()).collect();
        let want: Vec<i64> = model.iter().map(|(_, v)| *v).collect();
        prop_assert_eq!(values, want);
        drop(d);
        prop_assert_eq!(acct.live(), 0);
    }
}

/// `Traverse` is public: a visitor may be any code, including code that
/// changes the container being traversed. The containers visit outside
/// their critical section (references taken out first), so the visitor
/// sees the items as of the call and the container stays sound. Before,
/// `visit` ran inside the section: growing the list while its buffer was
/// being iterated read freed memory (SIGSEGV under the GIL heap; under a
/// real object lock the visitor's own access deadlocked).
#[test]
fn a_visitor_may_change_the_container_it_traverses() {
    use ftl_core::Traverse;
    let acct = Accounting::new();
    let _scope = acct.enter();
    {
        let list = R::new_list((0..64).map(|v| i(v * 1000)).collect());
        let l = list.clone();
        let mut seen = Vec::new();
        list.traverse(&mut |item| {
            seen.push(item.as_int().and_then(|v| v.as_i64()).unwrap());
            // Grow the list past its capacity on every visit, and drop an item.
            l.as_list().unwrap().push(i(-1));
            l.as_list().unwrap().push(i(-2));
            let _ = l.as_list().unwrap().set(0, i(7));
        });
        // The snapshot as of the call, last item first (CPython's order).
        assert_eq!(seen, (0..64).rev().map(|v| v * 1000).collect::<Vec<_>>());
        assert_eq!(list.as_list().unwrap().len(), 64 * 3);

        let dict = R::new_dict();
        for k in 0..32 {
            dict.as_dict().unwrap().set(i(k), i(k + 1000)).unwrap();
        }
        let d = dict.clone();
        let mut visits = 0;
        let mut next = 100;
        dict.traverse(&mut |_| {
            visits += 1;
            // Insert new keys (resizing the table) and remove old ones.
            d.as_dict().unwrap().set(i(next), i(next)).unwrap();
            next += 1;
            let _ = d.as_dict().unwrap().remove(&i(visits % 32));
        });
        assert_eq!(visits, 64, "32 keys and 32 values, as of the call");

        let set = R::new_set();
        for k in 0..32 {
            set.as_set().unwrap().add(i(k)).unwrap();
        }
        let st = set.clone();
        let mut keys = 0;
        set.traverse(&mut |_| {
            keys += 1;
            st.as_set().unwrap().add(i(1000 + keys)).unwrap();
            st.as_set().unwrap().clear();
        });
        assert_eq!(keys, 32);
    }
    assert_eq!(acct.live(), 0, "nothing leaked, nothing freed twice");
}
