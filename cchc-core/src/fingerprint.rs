//! What identifies a piece of content: `sha256:` tags, the canonical fingerprint of a JSON value,
//! and a framework's outline (each item's code, max and rule kind).
//!
//! This module sits below the framework and the draft: both name content by it, and neither needs
//! to know about the submission file that carries the tags.

use std::fmt::Write;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::points::Points;

/// `sha256:` followed by the lower-case hex digest of `bytes`.
pub fn sha256_tag(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(71);
    out.push_str("sha256:");
    for b in digest {
        // Writing to a `String` cannot fail.
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// The fingerprint of a JSON value: the `sha256:` tag of its compact text with object keys sorted.
///
/// Keys come out sorted because `serde_json`'s map is a `BTreeMap` (the `preserve_order` feature
/// is not enabled anywhere in the workspace; the pinned digests in the tests would catch it if it
/// were). Numbers count as written: `20` and `20.0` differ.
pub fn of_json(value: &serde_json::Value) -> String {
    sha256_tag(value.to_string().as_bytes())
}

/// One line of a framework's outline: enough to tell what changed between two versions of a
/// framework, carried in submission files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutlineItem {
    pub code: String,
    pub max: Points,
    pub rule: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_tags_match_the_published_test_vectors() {
        // FIPS 180-2 examples.
        assert_eq!(
            sha256_tag(b"abc"),
            "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            sha256_tag(b""),
            "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn the_fingerprint_sorts_keys_and_drops_spaces() {
        let a: serde_json::Value =
            serde_json::from_str(r#"{ "b": 1, "a": [true, null] }"#).unwrap();
        let b: serde_json::Value = serde_json::from_str(r#"{"a":[true,null],"b":1}"#).unwrap();
        assert_eq!(of_json(&a), of_json(&b));
        assert_eq!(of_json(&a), sha256_tag(br#"{"a":[true,null],"b":1}"#));
    }
}
