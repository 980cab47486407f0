//! The hash chain over the rows: each row's link is SHA-256 over the previous link, its sequence
//! number and its sealed blob, so an edited, deleted, reordered or cut row shows at a known place.
//!
//! Limit, stated plainly: the chain needs no key, so someone who rewrites every link after an edit
//! (and the head) escapes it; signed checkpoints handed to a third party close that gap.

use ring::digest::{Context, SHA256};

pub const LINK_LEN: usize = 32;

/// The link before row 1, unique to the vault.
pub fn genesis(vault_id: &[u8]) -> [u8; LINK_LEN] {
    let mut ctx = Context::new(&SHA256);
    ctx.update(b"temoin/v1/genesis");
    ctx.update(vault_id);
    to_link(ctx)
}

pub fn link(prev: &[u8], seq: u64, blob: &[u8]) -> [u8; LINK_LEN] {
    let mut ctx = Context::new(&SHA256);
    ctx.update(b"temoin/v1/link");
    ctx.update(prev);
    ctx.update(&seq.to_be_bytes());
    ctx.update(&(blob.len() as u64).to_be_bytes());
    ctx.update(blob);
    to_link(ctx)
}

fn to_link(ctx: Context) -> [u8; LINK_LEN] {
    let mut out = [0u8; LINK_LEN];
    out.copy_from_slice(ctx.finish().as_ref());
    out
}

/// The first thing wrong with the chain, located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Break {
    /// Row `seq`'s content or link does not match what the chain says it was.
    Altered { seq: u64 },
    /// Rows `from..=to` are missing from the middle.
    Missing { from: u64, to: u64 },
    /// The vault ends at row `last` but had reached `expected`: rows were cut from the end.
    Truncated { last: u64, expected: u64 },
    /// The head record does not match the rows (it was edited, or rows were added behind its back).
    HeadMismatch { last: u64, head: u64 },
}

/// Walks the rows in order and returns the first break, if any.
pub struct Walker {
    prev: [u8; LINK_LEN],
    expected: u64,
    broken: Option<Break>,
}

impl Walker {
    pub fn new(vault_id: &[u8]) -> Self {
        Self {
            prev: genesis(vault_id),
            expected: 1,
            broken: None,
        }
    }

    /// Feeds the next row (in sequence order). Returns whether the chain still holds.
    pub fn row(&mut self, seq: u64, blob: &[u8], stored_link: &[u8]) -> bool {
        if self.broken.is_some() {
            return false;
        }
        if seq != self.expected {
            self.broken = Some(if seq > self.expected {
                Break::Missing {
                    from: self.expected,
                    to: seq - 1,
                }
            } else {
                Break::Altered { seq }
            });
            return false;
        }
        let computed = link(&self.prev, seq, blob);
        if computed.as_slice() != stored_link {
            self.broken = Some(Break::Altered { seq });
            return false;
        }
        self.prev = computed;
        self.expected += 1;
        true
    }

    /// Ends the walk against the head record (the last sequence number and link written).
    pub fn finish(self, head: Option<(u64, [u8; LINK_LEN])>) -> Result<(), Break> {
        if let Some(b) = self.broken {
            return Err(b);
        }
        let last = self.expected - 1;
        let (head_seq, head_link) = head.unwrap_or((0, [0; LINK_LEN]));
        if last < head_seq {
            return Err(Break::Truncated {
                last,
                expected: head_seq,
            });
        }
        if last > head_seq || (last > 0 && head_link != self.prev) {
            return Err(Break::HeadMismatch {
                last,
                head: head_seq,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(n: u64) -> Vec<(u64, Vec<u8>, [u8; 32])> {
        let mut prev = genesis(b"v");
        (1..=n)
            .map(|seq| {
                let blob = vec![seq as u8; 10];
                let l = link(&prev, seq, &blob);
                prev = l;
                (seq, blob, l)
            })
            .collect()
    }

    fn walk(
        rows: &[(u64, Vec<u8>, [u8; 32])],
        head: u64,
        all: &[(u64, Vec<u8>, [u8; 32])],
    ) -> Result<(), Break> {
        let mut w = Walker::new(b"v");
        for (s, b, l) in rows {
            w.row(*s, b, l);
        }
        let head_link = all[head as usize - 1].2;
        w.finish(Some((head, head_link)))
    }

    #[test]
    fn each_tamper_is_located() {
        let all = rows(6);
        assert_eq!(walk(&all, 6, &all), Ok(()));
        let mut edited = all.clone();
        edited[2].1[0] ^= 1;
        assert_eq!(walk(&edited, 6, &all), Err(Break::Altered { seq: 3 }));
        let mut deleted = all.clone();
        deleted.remove(3);
        assert_eq!(
            walk(&deleted, 6, &all),
            Err(Break::Missing { from: 4, to: 4 })
        );
        let mut swapped = all.clone();
        let (a, b) = (swapped[1].1.clone(), swapped[2].1.clone());
        swapped[1].1 = b;
        swapped[2].1 = a;
        assert_eq!(walk(&swapped, 6, &all), Err(Break::Altered { seq: 2 }));
        let cut = &all[..4];
        assert_eq!(
            walk(cut, 6, &all),
            Err(Break::Truncated {
                last: 4,
                expected: 6
            })
        );
    }
}
