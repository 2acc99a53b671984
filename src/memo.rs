//! A bounded per-thread memo for pure functions of a short string.
//!
//! Class and id names repeat over thousands of elements while each verdict on them costs many
//! substring searches. A memo of a pure function never changes a result, whatever page came
//! before; the bound keeps a hostile page with millions of distinct names at the cost it would
//! have without the memo, never unbounded memory.

use std::cell::RefCell;
use std::collections::HashMap;
use std::thread::LocalKey;

/// Strings remembered per table before it starts over.
const CAP: usize = 4096;

/// One memo table; declare it with `thread_local!` beside the function it serves.
pub type Table<V> = RefCell<HashMap<Box<str>, V>>;

/// `compute(key)`, from `table` when it has been asked before.
pub fn get<V: Copy + 'static>(
    table: &'static LocalKey<Table<V>>,
    key: &str,
    compute: impl FnOnce(&str) -> V,
) -> V {
    table.with(|memo| {
        if let Some(v) = memo.borrow().get(key) {
            return *v;
        }
        let v = compute(key);
        let mut memo = memo.borrow_mut();
        if memo.len() >= CAP {
            memo.clear();
        }
        memo.insert(key.into(), v);
        v
    })
}
