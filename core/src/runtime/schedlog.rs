//! The file format of a recorded parallel schedule (`chanscope run
//! --parallel --record-schedule F`, replayed by `--replay-schedule F`).
//!
//! `CSPS1`, then varints: the procs and seed the run used, an FNV-1a hash
//! of the program's source (so a schedule is not replayed against another
//! program), and the steps. A step is one varint `tag | p << 3`
//! (`Spawned`: `4 | ms << 3`; a host's signal: `6 | signo << 3`),
//! followed for `Returned` by the instruction count, and for a fast
//! channel operation (tag 7) by the instructions its goroutine ran before
//! it: a CPU-bound run of seconds is a few hundred kilobytes.

use crate::runtime::parallel::{Entry, Step};

const MAGIC: &[u8] = b"CSPS1";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    pub procs: u64,
    pub seed: u64,
    pub source_hash: u64,
    pub steps: Vec<Step>,
}

pub fn source_hash(src: &[u8]) -> u64 {
    src.iter().fold(0xcbf29ce484222325u64, |h, &b| (h ^ b as u64).wrapping_mul(0x100000001b3))
}

fn put(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn get(data: &[u8], at: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *data.get(*at)?;
        *at += 1;
        v |= ((b & 0x7f) as u64) << shift;
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

pub fn encode(s: &Schedule) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    put(&mut out, s.procs);
    put(&mut out, s.seed);
    put(&mut out, s.source_hash);
    for step in &s.steps {
        match *step {
            Step::Section { p, entry } => {
                let (tag, used) = match entry {
                    Entry::Start => (0, None),
                    Entry::Woken => (1, None),
                    Entry::Spun => (5, None),
                    Entry::Returned { used, runtime: false } => (2, Some(used)),
                    Entry::Returned { used, runtime: true } => (3, Some(used)),
                };
                put(&mut out, tag | (p as u64) << 3);
                if let Some(u) = used {
                    put(&mut out, u as u64);
                }
            }
            Step::Spawned { ms } => put(&mut out, 4 | (ms as u64) << 3),
            Step::Signal { sig } => put(&mut out, 6 | (sig as u64) << 3),
            Step::Fast { p, ran } => {
                put(&mut out, 7 | (p as u64) << 3);
                put(&mut out, ran as u64);
            }
        }
    }
    out
}

pub fn decode(data: &[u8]) -> Result<Schedule, String> {
    let body = data.strip_prefix(MAGIC).ok_or("not a chanscope schedule file")?;
    let mut at = 0;
    let truncated = || "the schedule file is truncated".to_string();
    let procs = get(body, &mut at).ok_or_else(truncated)?;
    let seed = get(body, &mut at).ok_or_else(truncated)?;
    let source_hash = get(body, &mut at).ok_or_else(truncated)?;
    let mut steps = Vec::new();
    while at < body.len() {
        let v = get(body, &mut at).ok_or_else(truncated)?;
        let hi = u16::try_from(v >> 3).map_err(|_| "a P number out of range".to_string())?;
        let mut used = || get(body, &mut at).and_then(|u| u32::try_from(u).ok()).ok_or_else(truncated);
        steps.push(match v & 7 {
            0 => Step::Section { p: hi, entry: Entry::Start },
            1 => Step::Section { p: hi, entry: Entry::Woken },
            2 => Step::Section { p: hi, entry: Entry::Returned { used: used()?, runtime: false } },
            3 => Step::Section { p: hi, entry: Entry::Returned { used: used()?, runtime: true } },
            4 => Step::Spawned { ms: hi },
            5 => Step::Section { p: hi, entry: Entry::Spun },
            6 => Step::Signal { sig: hi },
            _ => Step::Fast { p: hi, ran: used()? },
        });
    }
    Ok(Schedule { procs, seed, source_hash, steps })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let s = Schedule {
            procs: 4,
            seed: 7,
            source_hash: source_hash(b"package main"),
            steps: vec![
                Step::Section { p: 0, entry: Entry::Start },
                Step::Section { p: 3, entry: Entry::Returned { used: 4096, runtime: false } },
                Step::Section { p: 1, entry: Entry::Returned { used: 0, runtime: true } },
                Step::Section { p: 2, entry: Entry::Woken },
                Step::Section { p: 1, entry: Entry::Spun },
                Step::Spawned { ms: 8 },
                Step::Signal { sig: 2 },
                Step::Fast { p: 1, ran: 17 },
            ],
        };
        assert_eq!(decode(&encode(&s)).unwrap(), s);
        assert!(decode(b"nope").is_err());
        let enc = encode(&s);
        assert!(decode(&enc[..enc.len() - 1]).is_err() || decode(&enc[..enc.len() - 1]).unwrap() != s);
    }
}
