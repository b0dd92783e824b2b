//! `Op::Std`: library calls that need the machine — timers (`NewTimer`,
//! `NewTicker`, `AfterFunc`, `Stop`, `Reset`), the seeded `math/rand`
//! source, the standard logger and `runtime.NumCPU`.
//!
//! Arguments sit in registers `a, a+1, ...` and results are written back
//! from `a`, as for a native call. None of these blocks.

use crate::runtime::machine::{ExitKind, Machine};
use crate::runtime::sched::G;
use crate::stdlib::rand::{Rng, F as R};
use crate::vm::op::Reg;
use crate::vm::ops;
use crate::vm::panic::Throw;
use crate::vm::value::{new_shared, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StdOp {
    /// A top-level `math/rand` function on the run's seeded source.
    Rand(R),
    /// The same as a `*rand.Rand` method: `a` the receiver.
    RandM(R),
    /// `rand.New(src)`: `a` the source (a seed) -> `a` a `*rand.Rand`.
    RandNew,
    /// `a` the message (already formatted); `Fatal` exits with status 1,
    /// `Panic` panics with the message.
    Log(LogKind),
    /// `a` flags.
    LogSetFlags,
    /// `a` prefix.
    LogSetPrefix,
    /// -> `a`.
    LogFlags,
    LogPrefix,
    /// `a` duration -> `a` *Timer.
    NewTimer,
    /// `a` duration -> `a` *Ticker (panics unless positive).
    NewTicker,
    /// `a` duration -> `a` <-chan Time (nil unless positive).
    Tick,
    /// `a` duration, `a+1` func -> `a` *Timer.
    AfterFunc,
    /// `a` *Timer -> `a` bool.
    TimerStop,
    /// `a` *Timer, `a+1` duration -> `a` bool.
    TimerReset,
    /// `a` *Ticker.
    TickerStop,
    /// `a` *Ticker, `a+1` duration.
    TickerReset,
    /// -> `a`.
    NumCPU,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogKind {
    Print,
    Fatal,
    Panic,
}

fn arg(g: &G, at: usize, i: usize) -> Value {
    g.stack.get(at + i).cloned().unwrap_or_default()
}

fn set(g: &mut G, at: usize, i: usize, v: Value) {
    if g.stack.len() <= at + i {
        g.stack.resize(at + i + 1, Value::Nil);
    }
    g.stack[at + i] = v;
}

/// Runs `k`; `Ok(true)` when the program is over (`log.Fatal`).
pub fn exec(m: &mut Machine, p: usize, g: &mut G, base: usize, k: StdOp, a: Reg, line: u32) -> Result<bool, Throw> {
    let at = base + a as usize;
    match k {
        StdOp::Rand(f) => {
            let seed = m.cfg.seed as i64;
            let mut rng = m.lib.rng.unwrap_or_else(|| Rng::new(seed));
            let r = rand_call(&mut rng, f, g, at, 0);
            m.lib.rng = Some(rng);
            r?;
        }
        StdOp::RandM(f) => {
            let recv = arg(g, at, 0);
            let Value::Int(state) = ops::load(&recv)? else {
                return Err(Throw::nil_deref());
            };
            let mut rng = Rng { state: state as u64 };
            let r = rand_call(&mut rng, f, g, at, 1);
            ops::store(&recv, Value::Int(rng.state as i64))?;
            r?;
        }
        StdOp::RandNew => {
            let seed = arg(g, at, 0).as_int();
            set(
                g,
                at,
                0,
                Value::Cell(new_shared(Value::Int(Rng::new(seed).state as i64))),
            );
        }
        StdOp::Log(kind) => {
            let msg = arg(g, at, 0);
            let file = m.prog.file.clone();
            let out =
                crate::stdlib::log::format_line(m.lib.log_flags, &m.lib.log_prefix, m.now, &file, line, msg.as_bytes());
            m.write_stderr(&out);
            match kind {
                LogKind::Print => {}
                LogKind::Fatal => {
                    m.finish(1, ExitKind::Normal);
                    return Ok(true);
                }
                LogKind::Panic => return Err(Throw::Panic(Value::iface(crate::types::consts::STRING, msg))),
            }
            if m.exit.is_some() {
                return Ok(true);
            }
        }
        StdOp::LogSetFlags => m.lib.log_flags = arg(g, at, 0).as_int(),
        StdOp::LogSetPrefix => m.lib.log_prefix = arg(g, at, 0).as_bytes().to_vec(),
        StdOp::LogFlags => set(g, at, 0, Value::Int(m.lib.log_flags)),
        StdOp::LogPrefix => {
            let v = Value::bytes(&m.lib.log_prefix);
            set(g, at, 0, v)
        }
        StdOp::NewTimer | StdOp::NewTicker | StdOp::Tick | StdOp::AfterFunc => {
            let d = arg(g, at, 0).as_int();
            let v = match k {
                StdOp::NewTimer => m.new_timer(p, d, 0, Value::Nil, line),
                StdOp::AfterFunc => m.new_timer(p, d, 0, arg(g, at, 1), line),
                StdOp::NewTicker if d <= 0 => {
                    return Err(crate::stdlib::panic_str("non-positive interval for NewTicker"))
                }
                StdOp::NewTicker => m.new_timer(p, d, d, Value::Nil, line),
                _ if d <= 0 => Value::Nil,
                _ => match m.new_timer(p, d, d, Value::Nil, line) {
                    Value::Cell(c) => crate::runtime::time::timer_fields(&c).map(|f| f.c).unwrap_or_default(),
                    _ => Value::Nil,
                },
            };
            if k == StdOp::AfterFunc && m.race.is_some() {
                crate::analysis::race::hooks::timer_arm(m, g, &v);
            }
            set(g, at, 0, v);
        }
        StdOp::TimerStop | StdOp::TimerReset | StdOp::TickerStop | StdOp::TickerReset => {
            let recv = arg(g, at, 0);
            let d = arg(g, at, 1).as_int();
            let ticker = matches!(k, StdOp::TickerStop | StdOp::TickerReset);
            if k == StdOp::TickerReset && d <= 0 {
                return Err(crate::stdlib::panic_str("non-positive interval for Ticker.Reset"));
            }
            let cell = match &recv {
                Value::Cell(c) if crate::runtime::time::timer_fields(c).is_some_and(|f| f.gen > 0) => Some(c.clone()),
                Value::Struct(_) => None,
                // A nil pointer faults; a zero Timer was never made by
                // NewTimer/AfterFunc.
                _ => {
                    ops::load(&recv)?;
                    None
                }
            };
            let Some(cell) = cell else {
                return match k {
                    StdOp::TimerStop => Err(crate::stdlib::panic_str("time: Stop called on uninitialized Timer")),
                    StdOp::TimerReset => Err(crate::stdlib::panic_str("time: Reset called on uninitialized Timer")),
                    StdOp::TickerReset => Err(crate::stdlib::panic_str("time: Reset called on uninitialized Ticker")),
                    _ => Ok(false),
                };
            };
            let pending = match k {
                StdOp::TimerStop | StdOp::TickerStop => m.timer_stop(&cell),
                _ => m.timer_reset(&cell, d, ticker),
            };
            if m.race.is_some() {
                crate::analysis::race::hooks::timer_arm(m, g, &Value::Cell(cell.clone()));
            }
            set(g, at, 0, Value::Bool(pending));
        }
        StdOp::NumCPU => set(g, at, 0, Value::Int(m.cfg.procs as i64)),
    }
    Ok(false)
}

/// A rand call with its arguments from `at + first`.
fn rand_call(r: &mut Rng, f: R, g: &mut G, at: usize, first: usize) -> Result<(), Throw> {
    let x = arg(g, at, first).as_int();
    let v = match f {
        R::Int => Value::Int(r.int63()),
        R::Intn => Value::Int(r.intn(x)?),
        R::Int63 => Value::Int(r.int63()),
        R::Int63n => Value::Int(r.int63n(x)?),
        R::Int31 => Value::Int(r.int31() as i64),
        R::Int31n => Value::Int(r.int31n(x)?),
        R::Uint32 => Value::Int((r.int63() >> 31) as u32 as i64),
        R::Uint64 => Value::Int(r.uint64() as i64),
        R::Float64 => Value::Float(r.float64()),
        R::Float32 => Value::Float(loop {
            let f = r.float64() as f32;
            if f < 1.0 {
                break f as f64;
            }
        }),
        R::ShuffleCheck => {
            if x < 0 {
                return Err(crate::stdlib::panic_str("invalid argument to Shuffle"));
            }
            Value::Nil
        }
        R::ShuffleJ => Value::Int(if x > i32::MAX as i64 - 1 {
            r.int63n(x + 1)?
        } else {
            r.int31n(x + 1)?
        }),
        R::Perm => {
            if x < 0 {
                return Err(Throw::runtime("makeslice: len out of range"));
            }
            if x as u64 > 1 << 24 {
                return Err(Throw::Fatal(format!(
                    "chanscope: rand.Perm({}) exceeds the allocation limit",
                    x
                )));
            }
            Value::slice(r.perm(x as usize).into_iter().map(Value::Int).collect())
        }
        R::Seed => Value::Nil,
    };
    set(g, at, 0, v);
    Ok(())
}
