//! A map keyed by the format's own paths and item keys, with a hash made for
//! them: the loader and the assessment look these keys up hundreds of times
//! per questionnaire.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

pub type KeyMap<V> = HashMap<&'static str, V, BuildHasherDefault<KeyHasher>>;

/// An ordered map compares whole strings at every step, and the format's
/// paths share long beginnings (`implementation.change_management.`); a
/// byte-by-byte hash reads all of each key. This hash reads a key's length
/// and its first and last eight bytes, which tell the format's keys apart;
/// keys with equal hashes are still compared in full. Nothing iterates these
/// maps, so their order cannot show in any output.
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let word = |part: &[u8]| {
            let mut buffer = [0u8; 8];
            buffer[..part.len()].copy_from_slice(part);
            u64::from_le_bytes(buffer)
        };
        let edge = bytes.len().min(8);
        let head = word(&bytes[..edge]);
        let tail = word(&bytes[bytes.len() - edge..]);
        // A folded multiply spreads every input bit over the whole result,
        // low bits included, which the map uses to pick a bucket.
        let fold = |a: u64, b: u64| {
            let product = u128::from(a) * u128::from(b);
            (product as u64) ^ ((product >> 64) as u64)
        };
        self.0 = fold(self.0 ^ head ^ bytes.len() as u64, 0x9e37_79b9_7f4a_7c15)
            ^ fold(tail, 0xa076_1d64_78bd_642f);
    }
}
