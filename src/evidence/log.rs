//! The vault's events as leaves of the Merkle tree. A leaf holds the row number and the event in
//! canonical JSON (keys sorted, no spaces), so anyone can recompute it from an exported event; a
//! row that cannot be read still takes its place, so nothing shifts.

use serde_json::Value;

use super::merkle::{Hash, Tree, leaf_hash};
use crate::events::Event;
use crate::vault::StoredEvent;

/// JSON with keys sorted at every level and no spaces: one text for one value.
pub fn canonical(v: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    write(v, &mut out);
    out
}

fn write(v: &Value, out: &mut Vec<u8>) {
    match v {
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            out.push(b'{');
            for (i, k) in keys.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                out.extend(serde_json::to_vec(k).expect("a string serialises"));
                out.push(b':');
                write(&m[*k], out);
            }
            out.push(b'}');
        }
        Value::Array(a) => {
            out.push(b'[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write(x, out);
            }
            out.push(b']');
        }
        other => out.extend(serde_json::to_vec(other).expect("a scalar serialises")),
    }
}

/// The leaf of a readable row.
pub fn event_leaf(seq: u64, event: &Value) -> Hash {
    let mut data = b"temoin/v1/event/".to_vec();
    data.extend(seq.to_be_bytes());
    data.extend(canonical(event));
    leaf_hash(&data)
}

/// The leaf of a row that could not be read: its place is kept.
pub fn unreadable_leaf(seq: u64) -> Hash {
    let mut data = b"temoin/v1/unreadable/".to_vec();
    data.extend(seq.to_be_bytes());
    leaf_hash(&data)
}

/// The log read from the vault: rows in order, each with its leaf, and the tree over them.
pub struct Log {
    pub rows: Vec<(u64, Option<Event>)>,
    pub tree: Tree,
}

impl Log {
    pub fn new(stored: Vec<StoredEvent>) -> Log {
        let mut rows = Vec::with_capacity(stored.len());
        let mut leaves = Vec::with_capacity(stored.len());
        for s in stored {
            match s.event {
                Ok(e) => {
                    let v = serde_json::to_value(&e).expect("events serialise");
                    leaves.push(event_leaf(s.seq, &v));
                    rows.push((s.seq, Some(e)));
                }
                Err(_) => {
                    leaves.push(unreadable_leaf(s.seq));
                    rows.push((s.seq, None));
                }
            }
        }
        Log {
            rows,
            tree: Tree::new(leaves),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_json_sorts_keys_and_round_trips_numbers() {
        let v: Value =
            serde_json::from_str(r#"{"b": 1, "a": {"y": [1.5, 182.4], "x": null}}"#).unwrap();
        let c = canonical(&v);
        assert_eq!(c, br#"{"a":{"x":null,"y":[1.5,182.4]},"b":1}"#);
        let again: Value = serde_json::from_slice(&c).unwrap();
        assert_eq!(canonical(&again), c);
    }
}
