//! `math/rand`: Go's derivations (Intn, Int63n, Float64, Perm, Shuffle's
//! index draws) over a SplitMix64 source. Deterministic: the top-level
//! functions draw from a source seeded by the run's `--seed`, and
//! `rand.New(rand.NewSource(s))` from one seeded by `s`. The sequences are
//! chanscope's own, not Go's (Go seeds its top-level source randomly, so
//! portable programs cannot depend on the numbers anyway).

use crate::vm::panic::Throw;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum F {
    Int,
    Intn,
    Int63,
    Int63n,
    Int31,
    Int31n,
    Uint32,
    Uint64,
    Float64,
    Float32,
    /// One draw of Shuffle's loop: `j` for index `i` (the argument).
    ShuffleJ,
    /// Checks Shuffle's `n`.
    ShuffleCheck,
    Perm,
    Seed,
}

/// SplitMix64; the whole state is one integer, so a `*rand.Rand` is a
/// cell holding it.
#[derive(Clone, Copy, Debug)]
pub struct Rng {
    pub state: u64,
}

impl Rng {
    pub fn new(seed: i64) -> Rng {
        Rng {
            state: (seed as u64) ^ 0x5DEE_CE66_D1CE_4E5B,
        }
    }

    pub fn uint64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn int63(&mut self) -> i64 {
        (self.uint64() >> 1) as i64
    }

    pub fn int31(&mut self) -> i32 {
        (self.int63() >> 32) as i32
    }

    pub fn int63n(&mut self, n: i64) -> Result<i64, Throw> {
        if n <= 0 {
            return Err(super::panic_str("invalid argument to Int63n"));
        }
        if n & (n - 1) == 0 {
            return Ok(self.int63() & (n - 1));
        }
        let max = ((1u64 << 63) - 1 - (1u64 << 63) % n as u64) as i64;
        let mut v = self.int63();
        while v > max {
            v = self.int63();
        }
        Ok(v % n)
    }

    pub fn int31n(&mut self, n: i64) -> Result<i64, Throw> {
        if n <= 0 {
            return Err(super::panic_str("invalid argument to Int31n"));
        }
        let n = n as i32;
        if n & (n - 1) == 0 {
            return Ok((self.int31() & (n - 1)) as i64);
        }
        let max = ((1u32 << 31) - 1 - (1u32 << 31) % n as u32) as i32;
        let mut v = self.int31();
        while v > max {
            v = self.int31();
        }
        Ok((v % n) as i64)
    }

    pub fn intn(&mut self, n: i64) -> Result<i64, Throw> {
        if n <= 0 {
            return Err(super::panic_str("invalid argument to Intn"));
        }
        if n <= i32::MAX as i64 {
            self.int31n(n)
        } else {
            self.int63n(n)
        }
    }

    pub fn float64(&mut self) -> f64 {
        loop {
            let f = self.int63() as f64 / (1u64 << 63) as f64;
            if f < 1.0 {
                return f;
            }
        }
    }

    pub fn perm(&mut self, n: usize) -> Vec<i64> {
        let mut m = vec![0i64; n];
        for i in 0..n {
            let j = self.intn(i as i64 + 1).unwrap_or(0) as usize;
            m[i] = m[j];
            m[j] = i as i64;
        }
        m
    }
}
