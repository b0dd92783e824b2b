//! Replay tokens: a schedule as a short URL-safe string.
//!
//! `1` (the format version), then base64url (no padding) of varints:
//! procs, seed, then the decisions as (zeros skipped, value) pairs for
//! each non-zero decision; trailing zeros are left out because a replay
//! answers 0 past the end of its list. A shrunk schedule is mostly zeros
//! (the non-preemptive choice), so tokens stay a few dozen characters.

const VERSION: char = '1';
const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// A decoded token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    pub procs: usize,
    pub seed: u64,
    pub decisions: Vec<u32>,
}

pub fn encode(s: &Schedule) -> String {
    let mut b = Vec::new();
    varint(&mut b, s.procs as u64);
    varint(&mut b, s.seed);
    let mut zeros = 0u64;
    for &d in &s.decisions {
        if d == 0 {
            zeros += 1;
        } else {
            varint(&mut b, zeros);
            varint(&mut b, d as u64);
            zeros = 0;
        }
    }
    let mut out = String::with_capacity(1 + b.len() * 4 / 3 + 2);
    out.push(VERSION);
    for chunk in b.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |acc, (i, &x)| acc | (x as u32) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

pub fn decode(tok: &str) -> Result<Schedule, String> {
    let tok = tok.trim();
    let body = tok.strip_prefix(VERSION).ok_or_else(|| format!("replay token {:?}: unknown version (expected it to start with {})", short(tok), VERSION))?;
    let mut bits = 0u32;
    let mut nbits = 0;
    let mut b = Vec::with_capacity(body.len() * 3 / 4);
    for c in body.bytes() {
        let v = B64.iter().position(|&x| x == c).ok_or_else(|| format!("replay token: bad character {:?}", c as char))? as u32;
        bits = bits << 6 | v;
        nbits += 6;
        if nbits >= 8 {
            nbits -= 8;
            b.push((bits >> nbits) as u8);
            bits &= (1 << nbits) - 1;
        }
    }
    let mut it = b.into_iter();
    let bad = || "replay token: truncated".to_string();
    let procs = read_varint(&mut it).ok_or_else(bad)?;
    let seed = read_varint(&mut it).ok_or_else(bad)?;
    if !(1..=256).contains(&procs) {
        return Err(format!("replay token: procs {} out of range", procs));
    }
    let mut decisions = Vec::new();
    loop {
        let Some(zeros) = read_varint(&mut it) else { break };
        let v = read_varint(&mut it).ok_or_else(bad)?;
        if zeros > 1 << 24 || v == 0 || v > u32::MAX as u64 || decisions.len() > 1 << 24 {
            return Err("replay token: bad decision".into());
        }
        decisions.extend(std::iter::repeat_n(0, zeros as usize));
        decisions.push(v as u32);
    }
    Ok(Schedule { procs: procs as usize, seed, decisions })
}

fn short(s: &str) -> String {
    s.chars().take(12).collect()
}

fn varint(b: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        b.push(v as u8 | 0x80);
        v >>= 7;
    }
    b.push(v as u8);
}

fn read_varint(it: &mut impl Iterator<Item = u8>) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let x = it.next()?;
        v |= ((x & 0x7f) as u64) << shift;
        if x & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

/// Drops trailing zeros (a replay answers 0 past its list).
pub fn trim(mut d: Vec<u32>) -> Vec<u32> {
    while d.last() == Some(&0) {
        d.pop();
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        for (procs, seed, d) in [(4, 1, vec![]), (1, u64::MAX, vec![0, 0, 3, 0, 1]), (256, 77, vec![1; 50]), (2, 0, vec![200, 0, 0, 70000])] {
            let s = Schedule { procs, seed, decisions: d };
            let t = encode(&s);
            assert!(t.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'), "{}", t);
            let mut back = decode(&t).unwrap();
            back.decisions = trim(back.decisions);
            assert_eq!(back.decisions, trim(s.decisions.clone()));
            assert_eq!((back.procs, back.seed), (s.procs, s.seed));
        }
    }

    #[test]
    fn bad_tokens_are_errors() {
        for t in ["", "2AAA", "1!!", "1", "1AAAA", "1_____________"] {
            assert!(decode(t).is_err(), "{}", t);
        }
    }
}
