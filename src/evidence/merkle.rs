//! The worker's log as a Merkle tree, by the construction of RFC 9162 (Certificate Transparency
//! 2.0, §2.1): leaf hash SHA-256(0x00 ‖ data), node hash SHA-256(0x01 ‖ left ‖ right), the tree
//! split at the largest power of two below its size. Inclusion proofs show an event belongs to
//! the log unaltered; consistency proofs show a later log extends an earlier one, so nothing
//! given before was removed or changed.

use ring::digest::{Context, SHA256, digest};

pub type Hash = [u8; 32];

pub fn leaf_hash(data: &[u8]) -> Hash {
    let mut c = Context::new(&SHA256);
    c.update(&[0]);
    c.update(data);
    to_hash(c.finish().as_ref())
}

pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let mut c = Context::new(&SHA256);
    c.update(&[1]);
    c.update(left);
    c.update(right);
    to_hash(c.finish().as_ref())
}

fn to_hash(b: &[u8]) -> Hash {
    let mut h = [0u8; 32];
    h.copy_from_slice(b);
    h
}

/// The root of an empty log: SHA-256 of nothing.
pub fn empty_root() -> Hash {
    to_hash(digest(&SHA256, b"").as_ref())
}

/// The tree over a list of leaf hashes, kept level by level (a lone last node is carried up,
/// which gives exactly RFC 9162's tree), so proofs cost a walk up, not a rebuild.
pub struct Tree {
    levels: Vec<Vec<Hash>>,
}

impl Tree {
    pub fn new(leaves: Vec<Hash>) -> Self {
        let mut levels = vec![leaves];
        while levels.last().is_some_and(|l| l.len() > 1) {
            let below = levels.last().expect("one level at least");
            let up = below
                .chunks(2)
                .map(|p| match p {
                    [l, r] => node_hash(l, r),
                    [lone] => *lone,
                    _ => unreachable!(),
                })
                .collect();
            levels.push(up);
        }
        Tree { levels }
    }

    pub fn size(&self) -> u64 {
        self.levels[0].len() as u64
    }

    pub fn root(&self) -> Hash {
        self.levels
            .last()
            .and_then(|l| l.first().copied())
            .unwrap_or_else(empty_root)
    }

    pub fn leaves(&self) -> &[Hash] {
        &self.levels[0]
    }

    /// The audit path of leaf `index` (RFC 9162 §2.1.3.1), from the leaf's sibling up.
    pub fn inclusion(&self, index: u64) -> Vec<Hash> {
        let mut i = index as usize;
        let mut path = Vec::new();
        for level in &self.levels[..self.levels.len() - 1] {
            let sibling = i ^ 1;
            if sibling < level.len() {
                path.push(level[sibling]);
            }
            i >>= 1;
        }
        path
    }

    /// The proof that the first `old` leaves are a prefix of this tree (RFC 9162 §2.1.4.1).
    pub fn consistency(&self, old: u64) -> Vec<Hash> {
        let n = self.size();
        if old == 0 || old >= n {
            return Vec::new();
        }
        let mut proof = Vec::new();
        subproof(old as usize, &self.levels[0], true, &mut proof);
        proof
    }
}

/// A node of the level-by-level tree: (level, index), level 0 the leaves.
pub type NodeId = (u32, u64);

impl Tree {
    /// The nodes needed, beside the given leaves, to recompute the root: one shared proof for
    /// many leaves (a period's events share most of their paths).
    pub fn multiproof(&self, indices: &[u64]) -> std::collections::BTreeMap<NodeId, Hash> {
        let mut nodes = std::collections::BTreeMap::new();
        let mut known: Vec<u64> = indices.to_vec();
        known.sort_unstable();
        known.dedup();
        for (l, level) in self.levels[..self.levels.len() - 1].iter().enumerate() {
            for &i in &known {
                let sib = i ^ 1;
                if (sib as usize) < level.len() && known.binary_search(&sib).is_err() {
                    nodes.insert((l as u32, sib), level[sib as usize]);
                }
            }
            known = known.iter().map(|i| i >> 1).collect();
            known.dedup();
        }
        nodes
    }
}

/// Recomputes the root of a tree of `size` leaves from some of its leaves and the nodes of a
/// [`Tree::multiproof`]; `None` when a needed node is missing or an index is out of range.
pub fn root_from_multiproof(
    size: u64,
    leaves: &std::collections::BTreeMap<u64, Hash>,
    nodes: &std::collections::BTreeMap<NodeId, Hash>,
) -> Option<Hash> {
    if size == 0 {
        return leaves.is_empty().then(empty_root);
    }
    let mut known: std::collections::BTreeMap<u64, Hash> = leaves.clone();
    if known.keys().next_back().is_some_and(|i| *i >= size) {
        return None;
    }
    let (mut level, mut len) = (0u32, size);
    while len > 1 {
        let mut up = std::collections::BTreeMap::new();
        for (&i, h) in &known {
            let sib = i ^ 1;
            let parent = i >> 1;
            if up.contains_key(&parent) {
                continue;
            }
            let hash = if sib >= len {
                *h // a lone last node is carried up
            } else {
                let other = known.get(&sib).or_else(|| nodes.get(&(level, sib)))?;
                if i & 1 == 0 {
                    node_hash(h, other)
                } else {
                    node_hash(other, h)
                }
            };
            up.insert(parent, hash);
        }
        known = up;
        len = len.div_ceil(2);
        level += 1;
    }
    known.get(&0).copied()
}

/// The root over a slice of leaf hashes (MTH of RFC 9162).
pub fn root_of(leaves: &[Hash]) -> Hash {
    match leaves.len() {
        0 => empty_root(),
        1 => leaves[0],
        n => {
            let k = split(n);
            node_hash(&root_of(&leaves[..k]), &root_of(&leaves[k..]))
        }
    }
}

/// The largest power of two smaller than `n` (n ≥ 2).
fn split(n: usize) -> usize {
    1 << (usize::BITS - 1 - (n - 1).leading_zeros())
}

fn subproof(m: usize, leaves: &[Hash], whole: bool, out: &mut Vec<Hash>) {
    let n = leaves.len();
    if m == n {
        if !whole {
            out.push(root_of(leaves));
        }
        return;
    }
    let k = split(n);
    if m <= k {
        subproof(m, &leaves[..k], whole, out);
        out.push(root_of(&leaves[k..]));
    } else {
        subproof(m - k, &leaves[k..], false, out);
        out.push(root_of(&leaves[..k]));
    }
}

/// Checks an audit path (RFC 9162 §2.1.3.2).
pub fn verify_inclusion(index: u64, size: u64, leaf: &Hash, path: &[Hash], root: &Hash) -> bool {
    if index >= size {
        return false;
    }
    let (mut f, mut s) = (index, size - 1);
    let mut r = *leaf;
    for p in path {
        if s == 0 {
            return false;
        }
        if f & 1 == 1 || f == s {
            r = node_hash(p, &r);
            while f & 1 == 0 && f != 0 {
                f >>= 1;
                s >>= 1;
            }
        } else {
            r = node_hash(&r, p);
        }
        f >>= 1;
        s >>= 1;
    }
    s == 0 && r == *root
}

/// Checks that the log of `new_size` leaves with root `new_root` extends the one of `old_size`
/// leaves with root `old_root` (RFC 9162 §2.1.4.2).
pub fn verify_consistency(
    old_size: u64,
    new_size: u64,
    old_root: &Hash,
    new_root: &Hash,
    proof: &[Hash],
) -> bool {
    if old_size > new_size {
        return false;
    }
    if old_size == new_size {
        return proof.is_empty() && old_root == new_root;
    }
    if old_size == 0 {
        return proof.is_empty();
    }
    let mut path: Vec<Hash> = Vec::with_capacity(proof.len() + 1);
    if old_size.is_power_of_two() {
        path.push(*old_root);
    }
    path.extend_from_slice(proof);
    let Some((first, rest)) = path.split_first() else {
        return false;
    };
    let (mut f, mut s) = (old_size - 1, new_size - 1);
    while f & 1 == 1 {
        f >>= 1;
        s >>= 1;
    }
    let (mut fr, mut sr) = (*first, *first);
    for c in rest {
        if s == 0 {
            return false;
        }
        if f & 1 == 1 || f == s {
            fr = node_hash(c, &fr);
            sr = node_hash(c, &sr);
            while f & 1 == 0 && f != 0 {
                f >>= 1;
                s >>= 1;
            }
        } else {
            sr = node_hash(&sr, c);
        }
        f >>= 1;
        s >>= 1;
    }
    fr == *old_root && sr == *new_root && s == 0
}

pub fn to_hex(h: &[u8]) -> String {
    h.iter().map(|b| format!("{b:02x}")).collect()
}

/// Lowercase hex only: one text for one value, so no byte of a bundle can change unnoticed.
pub fn from_hex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) || !s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok())
        .collect()
}

pub fn hash_from_hex(s: &str) -> Option<Hash> {
    from_hex(s).and_then(|v| v.try_into().ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn leaves(n: usize) -> Vec<Hash> {
        (0..n)
            .map(|i| leaf_hash(&(i as u64).to_be_bytes()))
            .collect()
    }

    /// RFC 9162's PATH, written as the RFC does, to check the level walk against.
    fn path(m: usize, d: &[Hash]) -> Vec<Hash> {
        if d.len() <= 1 {
            return Vec::new();
        }
        let k = split(d.len());
        if m < k {
            let mut p = path(m, &d[..k]);
            p.push(root_of(&d[k..]));
            p
        } else {
            let mut p = path(m - k, &d[k..]);
            p.push(root_of(&d[..k]));
            p
        }
    }

    #[test]
    fn known_roots() {
        // Empty tree and single leaf, as in RFC 9162's and Go's transparency-dev test vectors.
        assert_eq!(
            to_hex(&empty_root()),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            to_hex(&leaf_hash(b"")),
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn proofs_verify_and_catch_changes(n in 1usize..70, pick in 0usize..1000, old in 0usize..70) {
            let ls = leaves(n);
            let tree = Tree::new(ls.clone());
            prop_assert_eq!(tree.root(), root_of(&ls));
            let i = pick % n;
            let p = tree.inclusion(i as u64);
            prop_assert_eq!(&p, &path(i, &ls));
            prop_assert!(verify_inclusion(i as u64, n as u64, &ls[i], &p, &tree.root()));
            let other = leaf_hash(b"altered");
            prop_assert!(!verify_inclusion(i as u64, n as u64, &other, &p, &tree.root()));
            let picked: Vec<u64> = (0..n as u64).filter(|j| (j * 7 + pick as u64).is_multiple_of(3)).collect();
            let nodes = tree.multiproof(&picked);
            let given: std::collections::BTreeMap<u64, Hash> = picked.iter().map(|&j| (j, ls[j as usize])).collect();
            if let Some(&j) = picked.first() {
                prop_assert_eq!(root_from_multiproof(n as u64, &given, &nodes), Some(tree.root()));
                let mut bad = given.clone();
                bad.insert(j, other);
                prop_assert_ne!(root_from_multiproof(n as u64, &bad, &nodes), Some(tree.root()));
            }
            let m = old % (n + 1);
            let old_root = root_of(&ls[..m]);
            let c = tree.consistency(m as u64);
            prop_assert!(verify_consistency(m as u64, n as u64, &old_root, &tree.root(), &c));
            if m > 0 && m < n {
                // An earlier log whose last leaf was different is not extended by this one.
                let mut changed = ls[..m].to_vec();
                changed[m - 1] = other;
                prop_assert!(!verify_consistency(m as u64, n as u64, &root_of(&changed), &tree.root(), &c));
            }
        }
    }
}
