//! The JSON-LD reader against `serde_json` on arbitrary text: both accept or both reject, and
//! what they accept is the same tree (numbers aside: ours keeps none). The one tolerated
//! difference is the documented one, a number within a hair of `f64::MAX`.
#![no_main]

use cleanview::json::{self, Value};
use libfuzzer_sys::fuzz_target;

fn same(ours: &Value, theirs: &serde_json::Value) -> bool {
    match (ours, theirs) {
        (Value::Null, serde_json::Value::Null) | (Value::Number, serde_json::Value::Number(_)) => true,
        (Value::Bool(a), serde_json::Value::Bool(b)) => a == b,
        (Value::String(a), serde_json::Value::String(b)) => a == b,
        (Value::Array(a), serde_json::Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Value::Object(a), serde_json::Value::Object(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|((ka, va), (kb, vb))| ka == kb && same(va, vb))
        }
        _ => false,
    }
}

/// A float `serde_json` read that lies near the edge of the `f64` range.
fn near_max(v: &serde_json::Value) -> bool {
    match v {
        serde_json::Value::Number(n) => n.as_f64().is_some_and(|f| f.abs() > 1e307),
        serde_json::Value::Array(a) => a.iter().any(near_max),
        serde_json::Value::Object(o) => o.values().any(near_max),
        _ => false,
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let ours = json::parse(s);
    match (&ours, serde_json::from_str::<serde_json::Value>(s)) {
        (Ok(a), Ok(b)) => assert!(same(a, &b), "different trees for {s:?}"),
        (Err(_), Err(_)) => {}
        (Ok(_), Err(e)) => assert!(e.to_string().contains("number out of range"), "{s:?}: {e}"),
        (Err(_), Ok(b)) => assert!(near_max(&b), "{s:?} rejected, serde_json reads it"),
    }
});
