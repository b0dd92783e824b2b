//! The bytecode.
//!
//! A register machine in the style of Lua's: each call frame owns a window
//! of `FuncProto::nregs` registers on its goroutine's value stack, and
//! operands are register numbers relative to the frame's base. Static types
//! are known after checking, so arithmetic and comparisons come in typed
//! flavours (`AddI`, `AddF`, `LtS`, ...) and the dispatch loop never inspects
//! types on the hot path.
//!
//! Calling convention: the caller puts the arguments in consecutive
//! registers `a, a+1, ...` at the top of its window; the callee's frame
//! starts at the caller's `base + a`, so its parameters are its registers
//! `0..nparams` without copying. `Ret { a, n }` copies the callee's registers
//! `a..a+n` to the callee's own registers `0..n`, which are the caller's
//! `a..a+n`: results land where the arguments were.
//!
//! Variadic calls receive the extra arguments already packed into a slice by
//! the caller (as Go does), so the callee sees exactly `nparams` registers.

use crate::types::TypeId;
use crate::vm::native::Native;

/// A register number, relative to the frame's base.
pub type Reg = u16;

/// "No register": an absent optional operand (e.g. `cap` of `make`, the
/// bounds of `s[:]`).
pub const NO_REG: Reg = u16::MAX;

/// Width/signedness of a sized integer type, for `Wrap` and conversions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IntKind {
    I8,
    I16,
    I32,
    I64,
    U8,
    U16,
    U32,
    U64,
}

impl IntKind {
    #[inline]
    pub fn wrap(self, v: i64) -> i64 {
        match self {
            IntKind::I8 => v as i8 as i64,
            IntKind::I16 => v as i16 as i64,
            IntKind::I32 => v as i32 as i64,
            IntKind::I64 | IntKind::U64 => v,
            IntKind::U8 => v as u8 as i64,
            IntKind::U16 => v as u16 as i64,
            IntKind::U32 => v as u32 as i64,
        }
    }

    /// `T(f)` for a float `f`, as Go on amd64 computes it: CVTTSD2SQ for
    /// int64 and uint32 (a NaN or out-of-range value gives the "integer
    /// indefinite" MinInt64), CVTTSD2SL for the narrower kinds (MinInt32),
    /// and for uint64 the compiler's split at 2^63. The spec leaves
    /// out-of-range results to the implementation; `go run` here is amd64.
    pub fn from_float(self, f: f64) -> i64 {
        const TWO63: f64 = 9_223_372_036_854_775_808.0;
        let cvt64 = |f: f64| if f >= -TWO63 && f < TWO63 { f as i64 } else { i64::MIN };
        let cvt32 = |f: f64| if f > -2_147_483_649.0 && f < 2_147_483_648.0 { f as i64 } else { i32::MIN as i64 };
        match self {
            IntKind::I64 | IntKind::U32 => self.wrap(cvt64(f)),
            IntKind::U64 => {
                if f < TWO63 {
                    cvt64(f)
                } else {
                    cvt64(f - TWO63) | i64::MIN
                }
            }
            IntKind::I32 | IntKind::I16 | IntKind::I8 | IntKind::U16 | IntKind::U8 => self.wrap(cvt32(f)),
        }
    }

    pub fn is_unsigned(self) -> bool {
        matches!(self, IntKind::U8 | IntKind::U16 | IntKind::U32 | IntKind::U64)
    }
}

/// Encodes an element type's size for `Append`: the size in bytes on amd64
/// (capped at `ESIZE_MASK`) with `ESIZE_PTRS` set when the type holds
/// pointers (Go's allocator adds a header to large pointerful objects, which
/// changes the rounding). E.g. int: 8, string: 16 | ptr, struct{}: 0.
///
/// The compiler may add `ESIZE_NOESC` (see there) to an `Append` whose
/// element is 1..=`STACK_BUF_BYTES` bytes.
pub fn elem_size_code(size: u64, has_pointers: bool) -> u16 {
    (size.min(ESIZE_MASK as u64) as u16) | if has_pointers { ESIZE_PTRS } else { 0 }
}

/// `elem_size_code` bit: the element type holds pointers.
pub const ESIZE_PTRS: u16 = 0x8000;

/// `elem_size_code` bit: the result does not escape: the first growth may
/// use Go's 32-byte stack buffer. Go (cmd/compile `getBackingStoreInfo`,
/// `base.Debug.VariableMakeThreshold` = 32) gives a non-escaping `append`
/// a stack backing store of K = `STACK_BUF_BYTES / size` elements, so
/// growing such a slice does not follow the heap rule:
///
/// * alone: the growth takes the store when the old length is 0 and the new
///   length fits in K, and the result's capacity is K (`ssagen.append`'s
///   inline "store[:l:K]"). Go does that at most once per function
///   invocation per slice (a hidden `used` flag): the compiler keeps that
///   flag itself and emits the flagged `Append` only while it is unset
///   (see compile/stackbuf.rs); the VM just applies the rule.
/// * with `ESIZE_BUF`: every growth whose new length fits in K reuses the
///   buffer and the capacity steps up one size class only
///   (`roundupsize(newLen*size)/size`, runtime `growsliceBuf`); longer
///   slices grow by the heap rule.
///
/// Only valid with sizes 1..=`STACK_BUF_BYTES`, which leaves bit 13 free
/// for `ESIZE_BUF`; `esize_bytes` decodes either form.
pub const ESIZE_NOESC: u16 = 0x4000;

/// `elem_size_code` bit, only together with `ESIZE_NOESC`: use runtime
/// `growsliceBuf`'s rule (Go's `UseBuf` appends, for slices that
/// cmd/compile/internal/slice moves to the heap before they escape and
/// whose capacity is observed).
pub const ESIZE_BUF: u16 = 0x2000;

/// The size bits of an `elem_size_code` without `ESIZE_NOESC`.
pub const ESIZE_MASK: u16 = 0x3fff;

/// Go's stack buffer for non-escaping appends, in bytes.
pub const STACK_BUF_BYTES: u64 = 32;

/// The element size in bytes of an `elem_size_code`.
pub fn esize_bytes(code: u16) -> u64 {
    if code & ESIZE_NOESC != 0 {
        (code & (ESIZE_BUF - 1)) as u64
    } else {
        (code & ESIZE_MASK) as u64
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelDir {
    Send,
    Recv,
}

/// One case of a `select` statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SelectCase {
    pub dir: SelDir,
    /// Register holding the channel (nil channels are never ready).
    pub ch: Reg,
    /// Send: the value to send. Recv: where the received value goes
    /// (`NO_REG` to drop it).
    pub val: Reg,
    /// Recv only: where `ok` goes (`NO_REG` when not asked for).
    pub ok: Reg,
    /// Source line of the case, for events.
    pub line: u32,
}

/// The cases of one `select`, referenced by `Op::Select::table`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SelectTable {
    pub cases: Vec<SelectCase>,
    pub has_default: bool,
}

/// One instruction. Registers are `Reg`s; `to` fields are absolute
/// instruction indices in the same function; `f` fields index
/// `Program::funcs`; `ty` fields index the program's `TypeTable`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    Nop,

    // ---- moves and constants
    Move { dst: Reg, src: Reg },
    /// `dst = consts[k]` (strings, floats, big integers).
    Const { dst: Reg, k: u32 },
    /// Small integer immediate.
    Int { dst: Reg, v: i32 },
    Nil { dst: Reg },
    Bool { dst: Reg, v: bool },
    /// The zero value of `ty` (fresh runtime objects for sync types inside).
    Zero { dst: Reg, ty: TypeId },
    LoadGlobal { dst: Reg, g: u32 },
    StoreGlobal { g: u32, src: Reg },
    /// The function value of top-level function `f`.
    Func { dst: Reg, f: u32 },
    /// A closure of `f` capturing the cells in registers `cells..cells+n`
    /// (each register holds a `Value::Cell`).
    Closure { dst: Reg, f: u32, cells: Reg, n: u16 },
    /// `dst = Value::Cell` of the current closure's `i`-th captured variable.
    Upval { dst: Reg, i: u16 },

    // ---- heap variables and pointers
    /// `dst = new cell holding src` (a captured or address-taken variable).
    NewCell { dst: Reg, src: Reg },
    /// `dst = *ptr`; a nil pointer panics with Go's nil dereference error.
    Load { dst: Reg, ptr: Reg },
    /// `*ptr = src`.
    Store { ptr: Reg, src: Reg },
    /// `dst = &x[i]` for a slice `x` (bounds-checked).
    ElemAddr { dst: Reg, x: Reg, i: Reg },
    /// `dst = &(*p).field` for a pointer to struct `p`.
    FieldAddr { dst: Reg, p: Reg, i: u16 },

    // ---- integer arithmetic (64-bit wrapping; `Wrap` narrows)
    AddI { dst: Reg, a: Reg, b: Reg },
    SubI { dst: Reg, a: Reg, b: Reg },
    MulI { dst: Reg, a: Reg, b: Reg },
    /// Signed division; divide by zero panics, `MinInt64 / -1` wraps.
    DivI { dst: Reg, a: Reg, b: Reg },
    RemI { dst: Reg, a: Reg, b: Reg },
    /// Unsigned 64-bit division and remainder.
    DivU { dst: Reg, a: Reg, b: Reg },
    RemU { dst: Reg, a: Reg, b: Reg },
    AndI { dst: Reg, a: Reg, b: Reg },
    OrI { dst: Reg, a: Reg, b: Reg },
    XorI { dst: Reg, a: Reg, b: Reg },
    AndNotI { dst: Reg, a: Reg, b: Reg },
    /// Shifts: a negative count panics (`negative shift amount`); counts of
    /// 64 or more give 0 (or -1 for `ShrI` of a negative value).
    ShlI { dst: Reg, a: Reg, b: Reg },
    /// Arithmetic shift (signed types).
    ShrI { dst: Reg, a: Reg, b: Reg },
    /// Logical shift (unsigned types, on the value's bits).
    ShrU { dst: Reg, a: Reg, b: Reg },
    /// `dst = a + k`.
    AddIK { dst: Reg, a: Reg, k: i16 },
    NegI { dst: Reg, a: Reg },
    /// `^a`.
    BitNotI { dst: Reg, a: Reg },
    /// Narrows register `dst` in place to the sized integer `kind`.
    Wrap { dst: Reg, kind: IntKind },

    // ---- floats
    AddF { dst: Reg, a: Reg, b: Reg },
    SubF { dst: Reg, a: Reg, b: Reg },
    MulF { dst: Reg, a: Reg, b: Reg },
    DivF { dst: Reg, a: Reg, b: Reg },
    NegF { dst: Reg, a: Reg },
    /// Rounds register `dst` in place to float32 precision.
    RoundF32 { dst: Reg },

    // ---- strings
    Concat { dst: Reg, a: Reg, b: Reg },

    // ---- comparisons (results are Bool)
    EqI { dst: Reg, a: Reg, b: Reg },
    NeI { dst: Reg, a: Reg, b: Reg },
    LtI { dst: Reg, a: Reg, b: Reg },
    LeI { dst: Reg, a: Reg, b: Reg },
    /// Unsigned comparisons.
    LtU { dst: Reg, a: Reg, b: Reg },
    LeU { dst: Reg, a: Reg, b: Reg },
    LtF { dst: Reg, a: Reg, b: Reg },
    LeF { dst: Reg, a: Reg, b: Reg },
    LtS { dst: Reg, a: Reg, b: Reg },
    LeS { dst: Reg, a: Reg, b: Reg },
    /// `==` on any comparable values (floats, strings, structs, interfaces,
    /// channels, pointers...). Comparing interfaces holding uncomparable
    /// dynamic types panics as in Go.
    Eq { dst: Reg, a: Reg, b: Reg },
    Ne { dst: Reg, a: Reg, b: Reg },
    Not { dst: Reg, a: Reg },

    // ---- conversions
    IntToFloat { dst: Reg, a: Reg, unsigned: bool },
    /// Truncates toward zero, then wraps to `kind`.
    FloatToInt { dst: Reg, a: Reg, kind: IntKind },
    /// `string(rune)`: invalid code points give "\uFFFD".
    RuneToStr { dst: Reg, a: Reg },
    BytesToStr { dst: Reg, a: Reg },
    StrToBytes { dst: Reg, a: Reg },
    RunesToStr { dst: Reg, a: Reg },
    StrToRunes { dst: Reg, a: Reg },
    /// Boxes a concrete value of type `ty` into an interface value.
    ToIface { dst: Reg, a: Reg, ty: TypeId },

    // ---- control flow
    Jmp { to: u32 },
    JmpIf { cond: Reg, to: u32 },
    JmpIfNot { cond: Reg, to: u32 },
    /// Fused compare-and-branch for loops: jump when `!(a < b)` (ints).
    JmpIfNotLtI { a: Reg, b: Reg, to: u32 },
    /// Call top-level function `f` with its arguments in `a..`.
    Call { f: u32, a: Reg },
    /// Call the function value in register `fv` (nil panics).
    CallValue { fv: Reg, a: Reg },
    /// Call method `m` (a `Program::method_ids` id) of the interface value
    /// in register `a`, which is replaced by the dynamic value (the
    /// receiver); the other arguments follow it. A nil interface panics.
    CallIface { a: Reg, m: u32 },
    /// The value in `dst` (of type `ty`) was copied: the sync objects it
    /// holds by value become copies (see `runtime::synccopy`).
    CopySync { dst: Reg, ty: TypeId },
    /// `[n]T(s)`: a copy of the slice's first `n` elements; panics when
    /// the slice is shorter.
    SliceToArray { dst: Reg, a: Reg, n: u32 },
    /// `&(*p)[i]`: a pointer to element `i` of the array `p` points at
    /// (bounds-checked against the array now, as Go does).
    IndexAddr { dst: Reg, p: Reg, i: Reg },
    /// Type assertion `x.(T)` described by `Program::asserts[k]`: the
    /// value in `dst` (and, for the comma-ok form, the bool in `dst+1`).
    Assert { dst: Reg, x: Reg, k: u32 },
    /// Call a host function; arguments in `a..a+nargs`, results written
    /// back from `a`.
    CallNative { n: Native, a: Reg, nargs: u16 },
    /// Return registers `a..a+n` (after running deferred calls).
    Ret { a: Reg, n: u16 },
    /// `go fv(args)`: a new goroutine calls the function value in `fv` with
    /// a copy of registers `a..a+nargs`.
    Go { fv: Reg, a: Reg, nargs: u16 },
    /// `defer fv(args)`: arguments are evaluated now, the call runs when
    /// the surrounding function returns or panics.
    Defer { fv: Reg, a: Reg, nargs: u16 },
    /// `panic(v)`; `v` holds an interface value.
    Panic { v: Reg },
    /// `recover()`: the current panic's value, or nil.
    Recover { dst: Reg },

    // ---- composite values
    /// `make([]T, len, cap)`; `ty` is the element type; `cap` may be `NO_REG`.
    MakeSlice { dst: Reg, ty: TypeId, len: Reg, cap: Reg },
    /// A slice of registers `a..a+n`.
    SliceLit { dst: Reg, a: Reg, n: u16 },
    /// An array of registers `a..a+n`.
    ArrayLit { dst: Reg, a: Reg, n: u16 },
    /// A struct from registers `a..a+n` (all fields, in order).
    StructLit { dst: Reg, a: Reg, n: u16 },
    /// `x[i]` of a slice, array or string (a string gives a byte);
    /// bounds-checked with Go's message.
    Index { dst: Reg, x: Reg, i: Reg },
    /// `x[i] = src`: a slice element (shared backing array), or an element
    /// of the array held in register `x` (copy-on-write).
    SetIndex { x: Reg, i: Reg, src: Reg },
    /// Field `i` of the struct in `x`.
    Field { dst: Reg, x: Reg, i: u16 },
    /// Sets field `i` of the struct held in register `x` (copy-on-write).
    SetField { x: Reg, i: u16, src: Reg },
    Len { dst: Reg, x: Reg },
    Cap { dst: Reg, x: Reg },
    /// `x[lo:hi:max]` of a slice, array or string; absent bounds are `NO_REG`.
    SliceOf { dst: Reg, x: Reg, lo: Reg, hi: Reg, max: Reg },
    /// `dst = append(s, regs a..a+n...)`; grows as Go's growslice does,
    /// which needs the element's size in bytes on amd64 (`esize`, see
    /// `elem_size_code`) so that `cap` matches Go's size-class rounding,
    /// or by Go's stack-buffer rules when `esize` has `ESIZE_NOESC`.
    Append { dst: Reg, s: Reg, a: Reg, n: u16, esize: u16 },
    /// `dst = append(s, t...)`; `t` may be a string when `s` is `[]byte`.
    AppendSlice { dst: Reg, s: Reg, t: Reg, esize: u16 },
    /// `dst = copy(d, s)`; `s` may be a string.
    Copy { dst: Reg, d: Reg, s: Reg },
    MakeMap { dst: Reg },
    /// `dst = m[k]`, the zero value of `zero` when absent.
    MapGet { dst: Reg, m: Reg, k: Reg, zero: TypeId },
    /// `dst, dst+1 = m[k]` (value, ok).
    MapGet2 { dst: Reg, m: Reg, k: Reg, zero: TypeId },
    /// `m[k] = v`; a nil map panics `assignment to entry in nil map`.
    MapSet { m: Reg, k: Reg, v: Reg },
    MapDelete { m: Reg, k: Reg },
    /// An iterator over a snapshot of `m`'s keys (random start) into `dst`.
    MapIter { dst: Reg, m: Reg },
    /// Next entry of iterator `it` into `k`, `v` (either may be `NO_REG`);
    /// keys deleted since the snapshot are skipped; jumps to `done` at the end.
    MapNext { it: Reg, k: Reg, v: Reg, done: u32 },
    /// Decodes the UTF-8 rune of string `s` at byte index `i`:
    /// `dst` = rune (U+FFFD if invalid), `dst+1` = its width in bytes.
    DecodeRune { dst: Reg, s: Reg, i: Reg },

    // ---- channels (runtime/chan.rs, runtime/select.rs)
    /// `make(chan T, cap)`; `cap` may be `NO_REG`; `ty` is the element type.
    MakeChan { dst: Reg, ty: TypeId, cap: Reg },
    Send { ch: Reg, v: Reg },
    Recv { dst: Reg, ch: Reg },
    /// `v, ok := <-ch` into `dst`, `dst+1`.
    Recv2 { dst: Reg, ch: Reg },
    Close { ch: Reg },
    /// Runs the select in `FuncProto::selects[table]`; writes the chosen case
    /// index to `dst` (the number of cases for `default`).
    Select { table: u32, dst: Reg },

    // ---- scheduler, time and sync hooks (may block)
    /// `time.Sleep(d)`.
    Sleep { d: Reg },
    /// `runtime.Gosched()`.
    Gosched,
    /// `dst = time.After(d)`.
    After { dst: Reg, d: Reg },
    /// `m.Lock()` / `m.Unlock()` on a sync.Mutex object.
    Lock { m: Reg },
    Unlock { m: Reg },
    /// `Lock`/`Unlock` of the mutex in captured variable `i`, read in place
    /// (no register, no reference count; see vm/ops_lock.rs).
    LockUpval { i: u16 },
    UnlockUpval { i: u16 },
    /// `wg.Add(delta)` (`Done` is `Add(-1)`).
    WgAdd { wg: Reg, delta: Reg },
    WgWait { wg: Reg },
    /// `runtime.NumGoroutine()`.
    NumGoroutine { dst: Reg },
    /// `runtime.GOMAXPROCS(n)`: returns the previous setting.
    GoMaxProcs { dst: Reg, n: Reg },
    /// Builtin `print`/`println` of registers `a..a+n` to stderr; `ty` of
    /// each argument is passed as a boxed interface by the compiler.
    Print { a: Reg, n: u16, ln: bool },
    /// Runs the current frame's pending deferred calls, last first (the
    /// instruction re-executes after each one returns). A function with
    /// named results emits, for every `return`: store the results into the
    /// named variables, `RunDefers`, load the named variables into the
    /// result registers, `Ret` — so deferred calls can change the results.
    /// A function whose panic is recovered resumes at its last `RunDefers`
    /// (its epilogue), so it returns its named results' current values.
    RunDefers,
    /// `dst = *upvals[i]`: reads a captured variable (`Upval` + `Load` in one).
    LoadUpval { dst: Reg, i: u16 },
    /// `*upvals[i] = src`: writes a captured variable.
    StoreUpval { i: u16, src: Reg },
    /// Fused loop test against a constant: jump when `!(a < k)` (ints).
    JmpIfNotLtIK { a: Reg, k: i16, to: u32 },
    /// A sync, sync/atomic, os or os/signal operation on registers
    /// `a..` (results written back from `a`); may park. See vm/ops_sync.rs.
    Sync { k: crate::vm::ops_sync::SyncOp, a: Reg },
    /// A timer, math/rand, log or runtime.NumCPU call (`vm/ops_std.rs`):
    /// arguments from `a`, results written back from `a`.
    Std { k: crate::vm::ops_std::StdOp, a: Reg },
}

#[cfg(test)]
mod tests {
    #[test]
    fn op_is_small() {
        assert!(std::mem::size_of::<super::Op>() <= 12, "Op grew to {}", std::mem::size_of::<super::Op>());
    }
}
