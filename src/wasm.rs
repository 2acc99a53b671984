//! The WebAssembly face of the crate, for the browser extension (`wasm32` only).
//!
//! Built with `wasm-pack build --target web`; the extension's content script (or, on pages whose
//! CSP forbids WebAssembly, its background) calls [`extract`] on the serialised page.
//!
//! Values cross the boundary through `serde-wasm-bindgen` with its JSON-compatible serializer:
//! the `Article` arrives as a plain JS object with snake_case keys, `None` as `null`, lists as
//! arrays, exactly the JSON the CLI prints. Every failure is a JS `Error` whose message is one
//! readable sentence.

use chrono::{DateTime, Utc};
use wasm_bindgen::prelude::*;

use crate::options::Options;

/// The options a caller may set from JS; every field is optional and defaults as in
/// [`Options::default`].
#[derive(Debug, Default)]
struct JsOptions {
    hidden_attribute: Option<String>,
    front_matter: Option<bool>,
    max_input_bytes: Option<f64>,
    max_nodes: Option<f64>,
    parse_steps_per_byte: Option<f64>,
}

impl JsOptions {
    /// Reads the options object field by field: five fields do not need serde-wasm-bindgen's
    /// deserializer, whose code was ~2 KB of the gzipped .wasm. As before: unknown fields and
    /// wrong types are errors, `null`/`undefined` mean unset.
    fn read(options: &JsValue) -> Result<JsOptions, JsError> {
        let mut js = JsOptions::default();
        if options.is_undefined() || options.is_null() {
            return Ok(js);
        }
        let invalid = |what: &str| JsError::new(&format!("Invalid options: {what}."));
        let obj: &js_sys::Object = options
            .dyn_ref()
            .filter(|_| !options.is_function() && !js_sys::Array::is_array(options))
            .ok_or_else(|| invalid("expected an object"))?;
        for key in js_sys::Object::keys(obj).iter() {
            let name = key.as_string().unwrap_or_default();
            let value = js_sys::Reflect::get(obj, &key)
                .map_err(|_| invalid(&format!("`{name}` could not be read")))?;
            if value.is_undefined() || value.is_null() {
                continue;
            }
            let wrong = |ty: &str| invalid(&format!("`{name}` must be {ty}"));
            let number = || value.as_f64().ok_or_else(|| wrong("a number"));
            match name.as_str() {
                "hidden_attribute" => {
                    js.hidden_attribute = Some(value.as_string().ok_or_else(|| wrong("a string"))?)
                }
                "front_matter" => {
                    js.front_matter = Some(value.as_bool().ok_or_else(|| wrong("true or false"))?)
                }
                "max_input_bytes" => js.max_input_bytes = Some(number()?),
                "max_nodes" => js.max_nodes = Some(number()?),
                "parse_steps_per_byte" => js.parse_steps_per_byte = Some(number()?),
                _ => return Err(invalid(&format!("unknown field `{name}`"))),
            }
        }
        Ok(js)
    }
}

/// Extract the article of one page.
///
/// - `html`: the whole document (`document.documentElement.outerHTML` after the pre-pass).
/// - `url`: the page's address, or `undefined`/`null`.
/// - `now_ms`: the caller's clock in milliseconds since the Unix epoch (`Date.now()`), or
///   `undefined` for none.
/// - `options`: `{ hidden_attribute?, front_matter?, max_input_bytes?, max_nodes?,
///   parse_steps_per_byte? }` or
///   `undefined`.
///
/// Returns the `Article` as a plain object; throws an `Error` with a readable message.
#[wasm_bindgen]
pub fn extract(
    html: &str,
    url: Option<String>,
    now_ms: Option<f64>,
    options: JsValue,
) -> Result<JsValue, JsError> {
    let opts = to_options(url, now_ms, options)?;
    let article = crate::extract(html, &opts)
        .map_err(|e| JsError::new(&format!("Could not extract the article: {e}.")))?;
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&article, &serializer)
        .map_err(|e| JsError::new(&format!("Could not pass the article to JavaScript: {e}.")))
}

/// The crate's version, for the extension's "about" line and bug reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

fn to_options(
    url: Option<String>,
    now_ms: Option<f64>,
    options: JsValue,
) -> Result<Options, JsError> {
    let js = JsOptions::read(&options)?;
    // The message names no number: an out-of-range clock is a caller's bug, and what the
    // caller passed is in its own hands.
    let bad_clock =
        || JsError::new("Invalid clock value: expected milliseconds since 1970 (Date.now()).");
    let now = match now_ms {
        None => None,
        Some(ms) if ms.is_finite() => {
            Some(DateTime::<Utc>::from_timestamp_millis(ms as i64).ok_or_else(bad_clock)?)
        }
        Some(_) => return Err(bad_clock()),
    };
    let mut opts = Options {
        url: url.filter(|u| !u.trim().is_empty()),
        now,
        ..Options::default()
    };
    if let Some(attr) = js.hidden_attribute {
        opts.hidden_attribute = Some(attr).filter(|a| !a.is_empty());
    }
    if let Some(fm) = js.front_matter {
        opts.front_matter = fm;
    }
    if let Some(n) = js.max_input_bytes {
        opts.max_input_bytes = positive_limit(n, "max_input_bytes")?;
    }
    if let Some(n) = js.max_nodes {
        opts.max_nodes = positive_limit(n, "max_nodes")?;
    }
    if let Some(n) = js.parse_steps_per_byte {
        opts.parse_steps_per_byte = positive_limit(n, "parse_steps_per_byte")? as u64;
    }
    Ok(opts)
}

fn positive_limit(n: f64, name: &str) -> Result<usize, JsError> {
    if n.is_finite() && n >= 1.0 {
        Ok(n.min(usize::MAX as f64) as usize)
    } else {
        Err(JsError::new(&format!(
            "Invalid options: {name} must be a positive number."
        )))
    }
}
