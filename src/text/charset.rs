//! A set of characters answered by one bit look-up: for the per-character checks of hot loops
//! (one-character country forms, characters that traditional→simplified conversion may change).

/// Characters of the Basic Multilingual Plane in a bitmap; the few others in a sorted list.
pub struct CharSet {
    bmp: Box<[u64; 1024]>,
    astral: Vec<char>,
}

impl Default for CharSet {
    fn default() -> Self {
        CharSet { bmp: Box::new([0; 1024]), astral: Vec::new() }
    }
}

impl CharSet {
    /// Adds `c`.
    pub fn insert(&mut self, c: char) {
        let n = c as usize;
        if n < 0x10000 {
            self.bmp[n / 64] |= 1 << (n % 64);
        } else if let Err(at) = self.astral.binary_search(&c) {
            self.astral.insert(at, c);
        }
    }

    /// True when `c` is in the set.
    pub fn contains(&self, c: char) -> bool {
        let n = c as usize;
        if n < 0x10000 {
            self.bmp[n / 64] & (1 << (n % 64)) != 0
        } else {
            self.astral.binary_search(&c).is_ok()
        }
    }
}

impl FromIterator<char> for CharSet {
    fn from_iter<I: IntoIterator<Item = char>>(chars: I) -> Self {
        let mut set = CharSet::default();
        for c in chars {
            set.insert(c);
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_exactly_what_was_inserted() {
        let members = ['中', '俄', 'a', '\u{0}', '\u{FFFF}', '𠀀', '\u{10FFFF}'];
        let set: CharSet = members.into_iter().collect();
        for c in members {
            assert!(set.contains(c), "{c:?}");
        }
        for c in ['蒙', 'b', '\u{1}', '\u{FFFE}', '𠀁', '\u{10000}'] {
            assert!(!set.contains(c), "{c:?}");
        }
        assert!(!CharSet::default().contains('中'));
    }
}
