//! Register-only instructions: arithmetic, comparisons, conversions
//! between scalars, moves, constants and jumps.
//!
//! They read and write the goroutine's registers and nothing else: no heap
//! object is borrowed and no runtime state is touched. That is what lets
//! the parallel driver run them without the runtime lock (`vm/pure.rs`).
//! Both interpreters take their arms from `register_ops!`, which expands to
//! one `match` with the caller's own arms appended, so the dispatch loop
//! stays a single jump table (a separate function called first cost about
//! twenty instructions per instruction in `fib`).
//!
//! The arms use the caller's `r!`, `set!`, `int!`, `set_int!`, `float!`,
//! `throw!` and `stack!` macros (macro names resolve where the macro is
//! expanded); locals are passed in: `$pc`, the program counter, and
//! `$consts`, the function's constants.

/// Defines `slot!`, `r!`, `set!`, `int!`, `set_int!`, `float!` and `stack!` over
/// goroutine `$g`'s registers at frame base `$base`. Invoked as
/// `register_access!($, g, base)`: the `$` token is handed in so the
/// macros defined here can have metavariables of their own.
macro_rules! register_access {
    ($d:tt, $g:ident, $base:ident) => {
        #[allow(unused_macros)]
        macro_rules! stack {
            () => {
                $g.stack
            };
        }
        #[allow(unused_macros)]
        macro_rules! slot {
            ($d x:expr) => {
                $base + $d x as usize
            };
        }
        #[allow(unused_macros)]
        macro_rules! r {
            ($d x:expr) => {
                $g.stack[$base + $d x as usize]
            };
        }
        #[allow(unused_macros)]
        macro_rules! set {
            ($d x:expr, $d v:expr) => {{
                let v = $d v;
                $crate::vm::value::Value::store(&mut $g.stack[$base + $d x as usize], v);
            }};
        }
        #[allow(unused_macros)]
        macro_rules! int {
            ($d x:expr) => {
                match &$g.stack[$base + $d x as usize] {
                    $crate::vm::value::Value::Int(i) => *i,
                    _ => 0,
                }
            };
        }
        // Integer results overwrite an integer in place, skipping the drop
        // of the old value (the common case in arithmetic loops).
        #[allow(unused_macros)]
        macro_rules! set_int {
            ($d x:expr, $d v:expr) => {{
                let v: i64 = $d v;
                match &mut $g.stack[$base + $d x as usize] {
                    $crate::vm::value::Value::Int(slot) => *slot = v,
                    slot => *slot = $crate::vm::value::Value::Int(v),
                }
            }};
        }
        #[allow(unused_macros)]
        macro_rules! float {
            ($d x:expr) => {
                match &$g.stack[$base + $d x as usize] {
                    $crate::vm::value::Value::Float(f) => *f,
                    _ => 0.0,
                }
            };
        }
    };
}

macro_rules! register_ops {
    ($op:expr, $pc:ident, $consts:expr; $($rest:tt)*) => {
        match $op {
            $crate::vm::op::Op::Nop => {}
            $crate::vm::op::Op::Move { dst, src } => {
                if dst != src {
                    let (d, s) = (slot!(dst), slot!(src));
                    // Split the borrow of the stack to copy in place.
                    if d < s {
                        let (lo, hi) = stack!().split_at_mut(s);
                        $crate::vm::value::Value::assign_from(&mut lo[d], &hi[0]);
                    } else {
                        let (lo, hi) = stack!().split_at_mut(d);
                        $crate::vm::value::Value::assign_from(&mut hi[0], &lo[s]);
                    }
                }
            }
            $crate::vm::op::Op::Const { dst, k } => set!(dst, $consts.get(k as usize).cloned().unwrap_or_default()),
            $crate::vm::op::Op::Int { dst, v } => set_int!(dst, v as i64),
            $crate::vm::op::Op::Nil { dst } => set!(dst, $crate::vm::value::Value::Nil),
            $crate::vm::op::Op::Bool { dst, v } => set!(dst, $crate::vm::value::Value::Bool(v)),
            $crate::vm::op::Op::Func { dst, f } => set!(dst, $crate::vm::value::Value::Func(std::sync::Arc::new($crate::vm::value::Closure { func: f, upvals: Box::new([]) }))),
            $crate::vm::op::Op::AddI { dst, a, b } => set_int!(dst, int!(a).wrapping_add(int!(b))),
            $crate::vm::op::Op::SubI { dst, a, b } => set_int!(dst, int!(a).wrapping_sub(int!(b))),
            $crate::vm::op::Op::MulI { dst, a, b } => set_int!(dst, int!(a).wrapping_mul(int!(b))),
            $crate::vm::op::Op::DivI { dst, a, b } => {
                let d = int!(b);
                if d == 0 {
                    throw!($crate::vm::panic::Throw::runtime("integer divide by zero"))
                }
                set!(dst, $crate::vm::value::Value::Int(int!(a).wrapping_div(d)))
            }
            $crate::vm::op::Op::RemI { dst, a, b } => {
                let d = int!(b);
                if d == 0 {
                    throw!($crate::vm::panic::Throw::runtime("integer divide by zero"))
                }
                set!(dst, $crate::vm::value::Value::Int(int!(a).wrapping_rem(d)))
            }
            $crate::vm::op::Op::DivU { dst, a, b } => {
                let d = int!(b) as u64;
                if d == 0 {
                    throw!($crate::vm::panic::Throw::runtime("integer divide by zero"))
                }
                set!(dst, $crate::vm::value::Value::Int(((int!(a) as u64) / d) as i64))
            }
            $crate::vm::op::Op::RemU { dst, a, b } => {
                let d = int!(b) as u64;
                if d == 0 {
                    throw!($crate::vm::panic::Throw::runtime("integer divide by zero"))
                }
                set!(dst, $crate::vm::value::Value::Int(((int!(a) as u64) % d) as i64))
            }
            $crate::vm::op::Op::AndI { dst, a, b } => set!(dst, $crate::vm::value::Value::Int(int!(a) & int!(b))),
            $crate::vm::op::Op::OrI { dst, a, b } => set!(dst, $crate::vm::value::Value::Int(int!(a) | int!(b))),
            $crate::vm::op::Op::XorI { dst, a, b } => set!(dst, $crate::vm::value::Value::Int(int!(a) ^ int!(b))),
            $crate::vm::op::Op::AndNotI { dst, a, b } => set!(dst, $crate::vm::value::Value::Int(int!(a) & !int!(b))),
            $crate::vm::op::Op::ShlI { dst, a, b } => {
                let s = int!(b);
                if s < 0 {
                    throw!($crate::vm::panic::Throw::runtime("negative shift amount"))
                }
                set!(dst, $crate::vm::value::Value::Int(if s >= 64 { 0 } else { int!(a) << s }))
            }
            $crate::vm::op::Op::ShrI { dst, a, b } => {
                let s = int!(b);
                if s < 0 {
                    throw!($crate::vm::panic::Throw::runtime("negative shift amount"))
                }
                set!(dst, $crate::vm::value::Value::Int(int!(a) >> s.min(63)))
            }
            $crate::vm::op::Op::ShrU { dst, a, b } => {
                let s = int!(b);
                if s < 0 {
                    throw!($crate::vm::panic::Throw::runtime("negative shift amount"))
                }
                set!(dst, $crate::vm::value::Value::Int(if s >= 64 { 0 } else { ((int!(a) as u64) >> s) as i64 }))
            }
            $crate::vm::op::Op::AddIK { dst, a, k } => set_int!(dst, int!(a).wrapping_add(k as i64)),
            $crate::vm::op::Op::NegI { dst, a } => set!(dst, $crate::vm::value::Value::Int(int!(a).wrapping_neg())),
            $crate::vm::op::Op::BitNotI { dst, a } => set!(dst, $crate::vm::value::Value::Int(!int!(a))),
            $crate::vm::op::Op::Wrap { dst, kind } => {
                let v = kind.wrap(int!(dst));
                set!(dst, $crate::vm::value::Value::Int(v))
            }
            $crate::vm::op::Op::AddF { dst, a, b } => set!(dst, $crate::vm::value::Value::Float(float!(a) + float!(b))),
            $crate::vm::op::Op::SubF { dst, a, b } => set!(dst, $crate::vm::value::Value::Float(float!(a) - float!(b))),
            $crate::vm::op::Op::MulF { dst, a, b } => set!(dst, $crate::vm::value::Value::Float(float!(a) * float!(b))),
            $crate::vm::op::Op::DivF { dst, a, b } => set!(dst, $crate::vm::value::Value::Float(float!(a) / float!(b))),
            $crate::vm::op::Op::NegF { dst, a } => set!(dst, $crate::vm::value::Value::Float(-float!(a))),
            $crate::vm::op::Op::RoundF32 { dst } => {
                let v = float!(dst) as f32 as f64;
                set!(dst, $crate::vm::value::Value::Float(v))
            }
            $crate::vm::op::Op::EqI { dst, a, b } => set!(dst, $crate::vm::value::Value::Bool(int!(a) == int!(b))),
            $crate::vm::op::Op::NeI { dst, a, b } => set!(dst, $crate::vm::value::Value::Bool(int!(a) != int!(b))),
            $crate::vm::op::Op::LtI { dst, a, b } => set!(dst, $crate::vm::value::Value::Bool(int!(a) < int!(b))),
            $crate::vm::op::Op::LeI { dst, a, b } => set!(dst, $crate::vm::value::Value::Bool(int!(a) <= int!(b))),
            $crate::vm::op::Op::LtU { dst, a, b } => set!(dst, $crate::vm::value::Value::Bool((int!(a) as u64) < (int!(b) as u64))),
            $crate::vm::op::Op::LeU { dst, a, b } => set!(dst, $crate::vm::value::Value::Bool((int!(a) as u64) <= (int!(b) as u64))),
            $crate::vm::op::Op::LtF { dst, a, b } => set!(dst, $crate::vm::value::Value::Bool(float!(a) < float!(b))),
            $crate::vm::op::Op::LeF { dst, a, b } => set!(dst, $crate::vm::value::Value::Bool(float!(a) <= float!(b))),
            $crate::vm::op::Op::LtS { dst, a, b } => set!(dst, $crate::vm::value::Value::Bool(r!(a).as_bytes() < r!(b).as_bytes())),
            $crate::vm::op::Op::LeS { dst, a, b } => set!(dst, $crate::vm::value::Value::Bool(r!(a).as_bytes() <= r!(b).as_bytes())),
            $crate::vm::op::Op::Not { dst, a } => {
                let v = !r!(a).as_bool();
                set!(dst, $crate::vm::value::Value::Bool(v))
            }
            $crate::vm::op::Op::IntToFloat { dst, a, unsigned } => {
                let i = int!(a);
                set!(dst, $crate::vm::value::Value::Float(if unsigned { i as u64 as f64 } else { i as f64 }))
            }
            $crate::vm::op::Op::FloatToInt { dst, a, kind } => {
                let f = float!(a);
                set!(dst, $crate::vm::value::Value::Int(kind.from_float(f)))
            }
            $crate::vm::op::Op::RuneToStr { dst, a } => set!(dst, $crate::vm::ops::rune_to_str(int!(a))),
            $crate::vm::op::Op::ToIface { dst, a, ty } => {
                let v = r!(a).clone();
                set!(dst, $crate::vm::value::Value::iface(ty, v))
            }
            $crate::vm::op::Op::Jmp { to } => $pc = to as usize,
            $crate::vm::op::Op::JmpIf { cond, to } => {
                if r!(cond).as_bool() {
                    $pc = to as usize
                }
            }
            $crate::vm::op::Op::JmpIfNot { cond, to } => {
                if !r!(cond).as_bool() {
                    $pc = to as usize
                }
            }
            $crate::vm::op::Op::JmpIfNotLtI { a, b, to } => {
                if int!(a) >= int!(b) {
                    $pc = to as usize
                }
            }
            $crate::vm::op::Op::JmpIfNotLtIK { a, k, to } => {
                if int!(a) >= k as i64 {
                    $pc = to as usize
                }
            }
            $($rest)*
        }
    };
}

pub(crate) use {register_access, register_ops};
