//! `time.Time` and `time.Duration` values (Go 1.27 time/time.go,
//! time/format.go). Timers live in `runtime/time.rs`.
//!
//! A `Time` is `struct { sec, nsec, mono int64 }`: seconds since January
//! 1, year 1 UTC (so the zero value is Go's zero time), nanoseconds
//! within the second, and the monotonic reading (`0`: none; otherwise
//! virtual nanoseconds since start + 1, as Go's `startNano` makes the
//! first reading 1). Every location is UTC, as on the Go playground.

use std::sync::Arc;

use super::{arg, set};
use crate::fmt::natives::new_error;
use crate::vm::native::NativeCtx;
use crate::vm::panic::Throw;
use crate::vm::value::Value;

/// Seconds from January 1, year 1 to the Unix epoch.
pub const UNIX_TO_INTERNAL: i64 = 62_135_596_800;
/// The virtual clock's start: 2009-11-10 23:00:00 UTC, as on the Go
/// playground.
pub const START_UNIX: i64 = 1_257_894_000;
const MIN_DURATION: i64 = i64::MIN;
const MAX_DURATION: i64 = i64::MAX;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum F {
    Now,
    Since,
    Until,
    /// `time.Unix(sec, nsec)`.
    Unix,
    UnixMilli,
    Add,
    Sub,
    Before,
    After,
    Equal,
    Compare,
    IsZero,
    TUnix,
    TUnixNano,
    TUnixMilli,
    TUnixMicro,
    Format,
    String,
    Year,
    Month,
    Day,
    Hour,
    Minute,
    Second,
    Nanosecond,
    Weekday,
    YearDay,
    TRound,
    TTruncate,
    DurRound,
    DurTruncate,
    DurAbs,
    ParseDuration,
    MonthString,
    WeekdayString,
    /// `UTC()`/`Local()`: every location is UTC.
    Same,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct T {
    pub sec: i64,
    pub nsec: i64,
    pub mono: i64,
}

impl T {
    pub fn from_value(v: &Value) -> T {
        match v {
            Value::Struct(f) => T {
                sec: f.first().map(|x| x.as_int()).unwrap_or(0),
                nsec: f.get(1).map(|x| x.as_int()).unwrap_or(0),
                mono: f.get(2).map(|x| x.as_int()).unwrap_or(0),
            },
            _ => T {
                sec: 0,
                nsec: 0,
                mono: 0,
            },
        }
    }

    pub fn value(self) -> Value {
        Value::Struct(Arc::new(vec![
            Value::Int(self.sec),
            Value::Int(self.nsec),
            Value::Int(self.mono),
        ]))
    }

    /// `time.Now()` at virtual time `now` (ns since start).
    pub fn now(now: i64) -> T {
        T {
            sec: UNIX_TO_INTERNAL + START_UNIX + now.div_euclid(1_000_000_000),
            nsec: now.rem_euclid(1_000_000_000),
            mono: now.saturating_add(1),
        }
    }

    fn add(self, d: i64) -> T {
        let mut dsec = d / 1_000_000_000;
        let mut nsec = self.nsec + d % 1_000_000_000;
        if nsec >= 1_000_000_000 {
            dsec += 1;
            nsec -= 1_000_000_000;
        } else if nsec < 0 {
            dsec -= 1;
            nsec += 1_000_000_000;
        }
        let mut mono = self.mono;
        if mono != 0 {
            match mono.checked_add(d) {
                Some(m) => mono = m,
                None => mono = 0,
            }
        }
        T {
            sec: self.sec.wrapping_add(dsec),
            nsec,
            mono,
        }
    }

    fn abs_ns(self) -> i128 {
        self.sec as i128 * 1_000_000_000 + self.nsec as i128
    }

    fn sub(self, u: T) -> i64 {
        if self.mono != 0 && u.mono != 0 {
            let d = self.mono as i128 - u.mono as i128;
            return d.clamp(MIN_DURATION as i128, MAX_DURATION as i128) as i64;
        }
        let d = self.abs_ns() - u.abs_ns();
        d.clamp(MIN_DURATION as i128, MAX_DURATION as i128) as i64
    }

    fn cmp(self, u: T) -> std::cmp::Ordering {
        if self.mono != 0 && u.mono != 0 {
            return self.mono.cmp(&u.mono);
        }
        (self.sec, self.nsec).cmp(&(u.sec, u.nsec))
    }

    fn unix(self) -> i64 {
        self.sec - UNIX_TO_INTERNAL
    }

    /// (year, month 1-12, day, yday 1-based, weekday 0=Sunday)
    fn date(self) -> (i64, i64, i64, i64, i64) {
        let days = self.unix().div_euclid(86_400);
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
        let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
        const CUM: [i64; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
        let yday = CUM[(m - 1) as usize] + d + if leap && m > 2 { 1 } else { 0 };
        let wd = (days + 4).rem_euclid(7);
        (y, m, d, yday, wd)
    }

    fn clock(self) -> (i64, i64, i64) {
        let s = self.unix().rem_euclid(86_400);
        (s / 3600, s % 3600 / 60, s % 60)
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

pub fn month_string(m: i64) -> String {
    if (1..=12).contains(&m) {
        MONTHS[(m - 1) as usize].to_string()
    } else {
        format!("%!Month({})", m)
    }
}

pub fn weekday_string(d: i64) -> String {
    if (0..=6).contains(&d) {
        DAYS[d as usize].to_string()
    } else {
        format!("%!Weekday({})", d)
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Std {
    LongMonth,
    Month,
    NumMonth,
    ZeroMonth,
    LongWeekDay,
    WeekDay,
    Day,
    UnderDay,
    ZeroDay,
    UnderYearDay,
    ZeroYearDay,
    Hour,
    Hour12,
    ZeroHour12,
    Minute,
    ZeroMinute,
    Second,
    ZeroSecond,
    LongYear,
    Year,
    PM,
    Pm,
    TZ,
    /// ISO 8601 offsets: (Z for UTC, with colons, with seconds, hours only).
    Offset {
        z: bool,
        colon: bool,
        secs: bool,
        hours_only: bool,
    },
    /// Fractional seconds: separator, digits, trim trailing zeros.
    Frac(u8, usize, bool),
}

fn lower_start(s: &[u8]) -> bool {
    s.first().is_some_and(|c| c.is_ascii_lowercase())
}

/// Go's nextStdChunk: (literal prefix length, the element, its length).
fn next_std(l: &[u8]) -> Option<(usize, Std, usize)> {
    let has = |i: usize, p: &[u8]| l.len() >= i + p.len() && &l[i..i + p.len()] == p;
    for i in 0..l.len() {
        let r = match l[i] {
            b'J' if has(i, b"Jan") => {
                if has(i, b"January") {
                    Some((Std::LongMonth, 7))
                } else if !lower_start(&l[i + 3..]) {
                    Some((Std::Month, 3))
                } else {
                    None
                }
            }
            b'M' if l.len() >= i + 3 => {
                if has(i, b"Monday") {
                    Some((Std::LongWeekDay, 6))
                } else if has(i, b"Mon") && !lower_start(&l[i + 3..]) {
                    Some((Std::WeekDay, 3))
                } else if has(i, b"MST") {
                    Some((Std::TZ, 3))
                } else {
                    None
                }
            }
            b'0' if l.len() >= i + 2 && (b'1'..=b'6').contains(&l[i + 1]) => Some((
                [
                    Std::ZeroMonth,
                    Std::ZeroDay,
                    Std::ZeroHour12,
                    Std::ZeroMinute,
                    Std::ZeroSecond,
                    Std::Year,
                ][(l[i + 1] - b'1') as usize],
                2,
            )),
            b'0' if has(i, b"002") => Some((Std::ZeroYearDay, 3)),
            b'1' => Some(if has(i, b"15") {
                (Std::Hour, 2)
            } else {
                (Std::NumMonth, 1)
            }),
            b'2' => Some(if has(i, b"2006") {
                (Std::LongYear, 4)
            } else {
                (Std::Day, 1)
            }),
            b'_' if has(i, b"_2") => {
                if has(i + 1, b"2006") {
                    return Some((i + 1, Std::LongYear, 4));
                }
                Some((Std::UnderDay, 2))
            }
            b'_' if has(i, b"__2") => Some((Std::UnderYearDay, 3)),
            b'3' => Some((Std::Hour12, 1)),
            b'4' => Some((Std::Minute, 1)),
            b'5' => Some((Std::Second, 1)),
            b'P' if has(i, b"PM") => Some((Std::PM, 2)),
            b'p' if has(i, b"pm") => Some((Std::Pm, 2)),
            b'-' | b'Z' => {
                let z = l[i] == b'Z';
                let rest = &l[i + 1..];
                let pick: &[(&[u8], bool, bool, bool)] = &[
                    (b"070000", false, true, false),
                    (b"07:00:00", true, true, false),
                    (b"0700", false, false, false),
                    (b"07:00", true, false, false),
                    (b"07", false, false, true),
                ];
                pick.iter()
                    .find(|(p, ..)| rest.starts_with(p))
                    .map(|&(p, colon, secs, hours_only)| {
                        (
                            Std::Offset {
                                z,
                                colon,
                                secs,
                                hours_only,
                            },
                            p.len() + 1,
                        )
                    })
            }
            b'.' | b',' if i + 1 < l.len() && (l[i + 1] == b'0' || l[i + 1] == b'9') => {
                let ch = l[i + 1];
                let mut j = i + 1;
                while j < l.len() && l[j] == ch {
                    j += 1;
                }
                if j < l.len() && l[j].is_ascii_digit() {
                    None
                } else {
                    Some((Std::Frac(l[i], j - (i + 1), ch == b'9'), j - i))
                }
            }
            _ => None,
        };
        if let Some((s, n)) = r {
            return Some((i, s, n));
        }
    }
    None
}

fn pad(out: &mut Vec<u8>, v: i64, width: usize) {
    let s = v.unsigned_abs().to_string();
    if v < 0 {
        out.push(b'-');
    }
    for _ in s.len()..width {
        out.push(b'0');
    }
    out.extend_from_slice(s.as_bytes());
}

pub fn format(t: T, layout: &[u8]) -> Vec<u8> {
    let (year, month, day, yday, wd) = t.date();
    let (hour, min, sec) = t.clock();
    let mut out = Vec::new();
    let mut l = layout;
    while let Some((pre, std, n)) = next_std(l) {
        out.extend_from_slice(&l[..pre]);
        l = &l[pre + n..];
        match std {
            Std::Year => pad(&mut out, year.rem_euclid(100), 2),
            Std::LongYear => pad(&mut out, year, 4),
            Std::Month => out.extend_from_slice(&MONTHS[(month - 1) as usize].as_bytes()[..3]),
            Std::LongMonth => out.extend_from_slice(MONTHS[(month - 1) as usize].as_bytes()),
            Std::NumMonth => pad(&mut out, month, 0),
            Std::ZeroMonth => pad(&mut out, month, 2),
            Std::WeekDay => out.extend_from_slice(&DAYS[wd as usize].as_bytes()[..3]),
            Std::LongWeekDay => out.extend_from_slice(DAYS[wd as usize].as_bytes()),
            Std::Day => pad(&mut out, day, 0),
            Std::UnderDay => {
                if day < 10 {
                    out.push(b' ');
                }
                pad(&mut out, day, 0)
            }
            Std::ZeroDay => pad(&mut out, day, 2),
            Std::UnderYearDay => {
                if yday < 100 {
                    out.push(b' ');
                    if yday < 10 {
                        out.push(b' ');
                    }
                }
                pad(&mut out, yday, 0)
            }
            Std::ZeroYearDay => pad(&mut out, yday, 3),
            Std::Hour => pad(&mut out, hour, 2),
            Std::Hour12 | Std::ZeroHour12 => {
                let h = if hour % 12 == 0 { 12 } else { hour % 12 };
                pad(&mut out, h, if std == Std::Hour12 { 0 } else { 2 })
            }
            Std::Minute => pad(&mut out, min, 0),
            Std::ZeroMinute => pad(&mut out, min, 2),
            Std::Second => pad(&mut out, sec, 0),
            Std::ZeroSecond => pad(&mut out, sec, 2),
            Std::PM => out.extend_from_slice(if hour >= 12 { b"PM" } else { b"AM" }),
            Std::Pm => out.extend_from_slice(if hour >= 12 { b"pm" } else { b"am" }),
            Std::TZ => out.extend_from_slice(b"UTC"),
            Std::Offset {
                z,
                colon,
                secs,
                hours_only,
            } => {
                if z {
                    out.push(b'Z');
                } else {
                    out.extend_from_slice(b"+00");
                    if !hours_only {
                        out.extend_from_slice(if colon { b":00" } else { b"00" });
                        if secs {
                            out.extend_from_slice(if colon { b":00" } else { b"00" });
                        }
                    }
                }
            }
            Std::Frac(sep, digits, trim) => {
                let mut d = format!("{:09}", t.nsec).into_bytes();
                d.truncate(digits.min(9));
                if trim {
                    while d.last() == Some(&b'0') {
                        d.pop();
                    }
                    if d.is_empty() {
                        continue;
                    }
                }
                out.push(sep);
                out.extend_from_slice(&d);
            }
        }
    }
    out.extend_from_slice(l);
    out
}

/// `Time.String()`.
pub fn time_string(v: &Value) -> String {
    let t = T::from_value(v);
    let mut s = String::from_utf8_lossy(&format(t, b"2006-01-02 15:04:05.999999999 -0700 MST")).into_owned();
    if t.mono != 0 {
        let sign = if t.mono < 0 { '-' } else { '+' };
        let m = t.mono.unsigned_abs();
        let (m1, m2) = (m / 1_000_000_000, m % 1_000_000_000);
        let (m0, m1) = (m1 / 1_000_000_000, m1 % 1_000_000_000);
        s.push_str(" m=");
        s.push(sign);
        if m0 != 0 {
            s.push_str(&format!("{}{:09}", m0, m1));
        } else {
            s.push_str(&m1.to_string());
        }
        s.push_str(&format!(".{:09}", m2));
    }
    s
}

fn less_than_half(x: i64, y: i64) -> bool {
    (x as u64).wrapping_add(x as u64) < y as u64
}

pub fn dur_round(d: i64, m: i64) -> i64 {
    if m <= 0 {
        return d;
    }
    let mut r = d % m;
    if d < 0 {
        r = -r;
        if less_than_half(r, m) {
            return d + r;
        }
        let d1 = d.wrapping_sub(m).wrapping_add(r);
        return if d1 < d { d1 } else { MIN_DURATION };
    }
    if less_than_half(r, m) {
        return d - r;
    }
    let d1 = d.wrapping_add(m).wrapping_sub(r);
    if d1 > d {
        d1
    } else {
        MAX_DURATION
    }
}

fn time_round(t: T, d: i64, round: bool) -> T {
    let t = T { mono: 0, ..t };
    if d <= 0 {
        return t;
    }
    let r = (t.abs_ns().rem_euclid(d as i128)) as i64;
    if !round {
        return t.add(-r);
    }
    if less_than_half(r, d) {
        t.add(-r)
    } else {
        t.add(d - r)
    }
}

fn time_quote(s: &[u8]) -> String {
    let mut out = String::from("\"");
    for &b in s {
        if b >= 0x80 || b < b' ' {
            out.push_str(&format!("\\x{:02x}", b));
        } else {
            if b == b'"' || b == b'\\' {
                out.push('\\');
            }
            out.push(b as char);
        }
    }
    out.push('"');
    out
}

pub fn parse_duration(orig: &[u8]) -> Result<i64, String> {
    let invalid = || format!("time: invalid duration {}", time_quote(orig));
    let mut s = orig;
    let mut d: u64 = 0;
    let mut neg = false;
    if let Some(&c) = s.first() {
        if c == b'-' || c == b'+' {
            neg = c == b'-';
            s = &s[1..];
        }
    }
    if s == b"0" {
        return Ok(0);
    }
    if s.is_empty() {
        return Err(invalid());
    }
    const LIM: u64 = 1 << 63;
    while !s.is_empty() {
        if !(s[0] == b'.' || s[0].is_ascii_digit()) {
            return Err(invalid());
        }
        let pl = s.len();
        let mut v: u64 = 0;
        let mut i = 0;
        while i < s.len() && s[i].is_ascii_digit() {
            if v > LIM / 10 {
                return Err(invalid());
            }
            v = v * 10 + (s[i] - b'0') as u64;
            if v > LIM {
                return Err(invalid());
            }
            i += 1;
        }
        s = &s[i..];
        let pre = pl != s.len();
        let mut post = false;
        let (mut f, mut scale) = (0u64, 1f64);
        if s.first() == Some(&b'.') {
            s = &s[1..];
            let pl = s.len();
            let mut i = 0;
            let mut overflow = false;
            while i < s.len() && s[i].is_ascii_digit() {
                let c = s[i];
                i += 1;
                if overflow {
                    continue;
                }
                if f > (LIM - 1) / 10 {
                    overflow = true;
                    continue;
                }
                let y = f * 10 + (c - b'0') as u64;
                if y > LIM {
                    overflow = true;
                    continue;
                }
                f = y;
                scale *= 10.0;
            }
            s = &s[i..];
            post = pl != s.len();
        }
        if !pre && !post {
            return Err(invalid());
        }
        let i = s
            .iter()
            .position(|&c| c == b'.' || c.is_ascii_digit())
            .unwrap_or(s.len());
        if i == 0 {
            return Err(format!("time: missing unit in duration {}", time_quote(orig)));
        }
        let u = &s[..i];
        s = &s[i..];
        let unit: u64 = match u {
            b"ns" => 1,
            b"us" => 1_000,
            _ if u == "µs".as_bytes() || u == "μs".as_bytes() => 1_000,
            b"ms" => 1_000_000,
            b"s" => 1_000_000_000,
            b"m" => 60_000_000_000,
            b"h" => 3_600_000_000_000,
            _ => {
                return Err(format!(
                    "time: unknown unit {} in duration {}",
                    time_quote(u),
                    time_quote(orig)
                ));
            }
        };
        if v > LIM / unit {
            return Err(invalid());
        }
        v *= unit;
        if f > 0 {
            v += (f as f64 * (unit as f64 / scale)) as u64;
            if v > LIM {
                return Err(invalid());
            }
        }
        d += v;
        if d > LIM {
            return Err(invalid());
        }
    }
    if neg {
        return Ok((d as i64).wrapping_neg());
    }
    if d > LIM - 1 {
        return Err(invalid());
    }
    Ok(d as i64)
}

pub fn call(f: F, ctx: &mut NativeCtx<'_>, args: &mut [Value]) -> Result<(), Throw> {
    use F::*;
    let a0 = arg(args, 0);
    let t = || T::from_value(&a0);
    let u = T::from_value(&arg(args, 1));
    let i1 = arg(args, 1).as_int();
    let v = match f {
        Now => T::now(ctx.now).value(),
        Since => Value::Int(T::now(ctx.now).sub(t())),
        Until => Value::Int(t().sub(T::now(ctx.now))),
        Unix => {
            let (mut sec, mut nsec) = (a0.as_int(), i1);
            if !(0..1_000_000_000).contains(&nsec) {
                sec = sec.wrapping_add(nsec.div_euclid(1_000_000_000));
                nsec = nsec.rem_euclid(1_000_000_000);
            }
            T {
                sec: sec.wrapping_add(UNIX_TO_INTERNAL),
                nsec,
                mono: 0,
            }
            .value()
        }
        UnixMilli => {
            let ms = a0.as_int();
            T {
                sec: ms.div_euclid(1000) + UNIX_TO_INTERNAL,
                nsec: ms.rem_euclid(1000) * 1_000_000,
                mono: 0,
            }
            .value()
        }
        Add => t().add(i1).value(),
        Sub => Value::Int(t().sub(u)),
        Before => Value::Bool(t().cmp(u).is_lt()),
        After => Value::Bool(t().cmp(u).is_gt()),
        Equal => Value::Bool(t().cmp(u).is_eq()),
        Compare => Value::Int(t().cmp(u) as i64),
        IsZero => Value::Bool(t().sec == 0 && t().nsec == 0),
        TUnix => Value::Int(t().unix()),
        TUnixNano => Value::Int(t().unix().wrapping_mul(1_000_000_000).wrapping_add(t().nsec)),
        TUnixMilli => Value::Int(t().unix().wrapping_mul(1000).wrapping_add(t().nsec / 1_000_000)),
        TUnixMicro => Value::Int(t().unix().wrapping_mul(1_000_000).wrapping_add(t().nsec / 1000)),
        Format => Value::bytes(&format(t(), arg(args, 1).as_bytes())),
        String => Value::str(&time_string(&a0)),
        Year => Value::Int(t().date().0),
        Month => Value::Int(t().date().1),
        Day => Value::Int(t().date().2),
        YearDay => Value::Int(t().date().3),
        Weekday => Value::Int(t().date().4),
        Hour => Value::Int(t().clock().0),
        Minute => Value::Int(t().clock().1),
        Second => Value::Int(t().clock().2),
        Nanosecond => Value::Int(t().nsec),
        TRound => time_round(t(), i1, true).value(),
        TTruncate => time_round(t(), i1, false).value(),
        DurRound => Value::Int(dur_round(a0.as_int(), i1)),
        DurTruncate => {
            let (d, m) = (a0.as_int(), i1);
            Value::Int(if m <= 0 { d } else { d - d % m })
        }
        DurAbs => {
            let d = a0.as_int();
            Value::Int(if d >= 0 {
                d
            } else if d == MIN_DURATION {
                MAX_DURATION
            } else {
                -d
            })
        }
        ParseDuration => match parse_duration(a0.as_bytes()) {
            Ok(d) => {
                set(args, 1, Value::Nil);
                Value::Int(d)
            }
            Err(msg) => {
                set(args, 1, new_error(Value::str(&msg)));
                Value::Int(0)
            }
        },
        MonthString => Value::str(&month_string(a0.as_int())),
        WeekdayString => Value::str(&weekday_string(a0.as_int())),
        Same => a0.clone(),
    };
    set(args, 0, v);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_time_prints_like_the_playground() {
        let t = T::now(0).value();
        assert_eq!(time_string(&t), "2009-11-10 23:00:00 +0000 UTC m=+0.000000001");
        let f = format(
            T::now(1_500_000_000),
            b"2006-01-02T15:04:05.000Z07:00 Mon Jan _2 3:04PM",
        );
        assert_eq!(
            String::from_utf8(f).unwrap(),
            "2009-11-10T23:00:01.500Z Tue Nov 10 11:00PM"
        );
        assert_eq!(
            time_string(
                &T {
                    sec: 0,
                    nsec: 0,
                    mono: 0
                }
                .value()
            ),
            "0001-01-01 00:00:00 +0000 UTC"
        );
    }

    #[test]
    fn parse_duration_matches_go() {
        assert_eq!(parse_duration(b"1h15m30.5s"), Ok(4_530_500_000_000));
        assert_eq!(parse_duration(b"-1.5h"), Ok(-5_400_000_000_000));
        assert_eq!(parse_duration(b"1"), Err("time: missing unit in duration \"1\"".into()));
        assert_eq!(
            parse_duration(b"3x"),
            Err("time: unknown unit \"x\" in duration \"3x\"".into())
        );
        assert_eq!(parse_duration(b""), Err("time: invalid duration \"\"".into()));
        assert_eq!(dur_round(1_500_000_000, 1_000_000_000), 2_000_000_000);
    }
}
