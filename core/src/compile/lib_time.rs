//! The library table's `time` part beyond Sleep/After/Duration: timers,
//! tickers, `AfterFunc`, `Now`/`Since`/`Until`, `time.Time` and its
//! methods, layouts, `Month`/`Weekday`, `ParseDuration`.
//!
//! A `time.Time` is `struct { sec, nsec, mono int64 }` (see
//! `stdlib/time.rs`); a `*time.Timer`/`*time.Ticker` points at `struct {
//! C <-chan Time; r, when, period int64; f func() }` (see
//! `runtime/time.rs`).

use crate::stdlib::time::F as Tf;
use crate::stdlib::Host;
use crate::types::{consts as tc, ChanDir, Signature, Type, TypeId};
use crate::vm::ops_std::StdOp;

use super::consts::ConstVal;
use super::lib_text::{Run, StdFn};
use super::operand::{Mode, Operand};
use super::Compiler;

pub fn methods_of(type_name: &str) -> &'static [&'static str] {
    match type_name {
        "time.Time" => &[
            "Add",
            "After",
            "Before",
            "Compare",
            "Day",
            "Equal",
            "Format",
            "Hour",
            "IsZero",
            "Local",
            "Minute",
            "Month",
            "Nanosecond",
            "Round",
            "Second",
            "String",
            "Sub",
            "Truncate",
            "UTC",
            "Unix",
            "UnixMicro",
            "UnixMilli",
            "UnixNano",
            "Weekday",
            "Year",
            "YearDay",
        ],
        "time.Month" | "time.Weekday" => &["String"],
        "*time.Timer" | "*time.Ticker" => &["Reset", "Stop"],
        _ => &[],
    }
}

pub fn known_unsupported(pkg: &str, name: &str) -> bool {
    pkg == "time"
        && matches!(
            name,
            "Date"
                | "UTC"
                | "Local"
                | "Parse"
                | "ParseInLocation"
                | "LoadLocation"
                | "Location"
                | "FixedZone"
                | "UnixMicro"
        )
}

fn layout(n: &str) -> Option<&'static str> {
    Some(match n {
        "Layout" => "01/02 03:04:05PM '06 -0700",
        "ANSIC" => "Mon Jan _2 15:04:05 2006",
        "UnixDate" => "Mon Jan _2 15:04:05 MST 2006",
        "RubyDate" => "Mon Jan 02 15:04:05 -0700 2006",
        "RFC822" => "02 Jan 06 15:04 MST",
        "RFC822Z" => "02 Jan 06 15:04 -0700",
        "RFC850" => "Monday, 02-Jan-06 15:04:05 MST",
        "RFC1123" => "Mon, 02 Jan 2006 15:04:05 MST",
        "RFC1123Z" => "Mon, 02 Jan 2006 15:04:05 -0700",
        "RFC3339" => "2006-01-02T15:04:05Z07:00",
        "RFC3339Nano" => "2006-01-02T15:04:05.999999999Z07:00",
        "Kitchen" => "3:04PM",
        "Stamp" => "Jan _2 15:04:05",
        "StampMilli" => "Jan _2 15:04:05.000",
        "StampMicro" => "Jan _2 15:04:05.000000",
        "StampNano" => "Jan _2 15:04:05.000000000",
        "DateTime" => "2006-01-02 15:04:05",
        "DateOnly" => "2006-01-02",
        "TimeOnly" => "15:04:05",
        _ => return None,
    })
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

fn host(g: Tf, sig: &'static str, name: &'static str) -> Option<StdFn> {
    Some(StdFn {
        run: Run::Host(Host::Time(g)),
        sig,
        name,
    })
}

fn op(k: StdOp, sig: &'static str, name: &'static str) -> Option<StdFn> {
    Some(StdFn {
        run: Run::Op(k),
        sig,
        name,
    })
}

impl Compiler<'_> {
    /// `time.Time`'s struct (the named type itself is `time_type`).
    pub(super) fn time_struct(&mut self) -> TypeId {
        self.std_struct(&[("sec", tc::INT64), ("nsec", tc::INT64), ("mono", tc::INT64)])
    }

    pub(super) fn month_type(&mut self) -> TypeId {
        self.std_named("time", "Month", |_| tc::INT)
    }

    pub(super) fn weekday_type(&mut self) -> TypeId {
        self.std_named("time", "Weekday", |_| tc::INT)
    }

    fn timer_struct(&mut self) -> TypeId {
        let t = self.time_type();
        let c = self.types.intern(Type::Chan(ChanDir::Recv, t));
        let f = self.types.intern(Type::Func(Signature {
            params: vec![],
            results: vec![],
            variadic: false,
        }));
        self.std_struct(&[
            ("C", c),
            ("r", tc::INT64),
            ("when", tc::INT64),
            ("period", tc::INT64),
            ("f", f),
        ])
    }

    fn timer_named(&mut self, name: &str) -> TypeId {
        self.std_named("time", name, |c| c.timer_struct())
    }

    pub(super) fn timer_ptr(&mut self) -> TypeId {
        let t = self.timer_named("Timer");
        self.types.intern(Type::Pointer(t))
    }

    pub(super) fn ticker_ptr(&mut self) -> TypeId {
        let t = self.timer_named("Ticker");
        self.types.intern(Type::Pointer(t))
    }

    pub(super) fn time_member(&mut self, n: &str) -> Option<Operand> {
        if let Some(l) = layout(n) {
            return Some(Operand::konst(ConstVal::Str(l.as_bytes().into()), tc::UNTYPED_STRING));
        }
        if let Some(i) = MONTHS.iter().position(|m| *m == n) {
            let t = self.month_type();
            return Some(Operand::konst(ConstVal::Int(i as i128 + 1), t));
        }
        if let Some(i) = DAYS.iter().position(|m| *m == n) {
            let t = self.weekday_type();
            return Some(Operand::konst(ConstVal::Int(i as i128), t));
        }
        let ty = match n {
            "Timer" | "Ticker" => Some(self.timer_named(n)),
            "Month" => Some(self.month_type()),
            "Weekday" => Some(self.weekday_type()),
            _ => None,
        };
        if let Some(ty) = ty {
            return Some(Operand { mode: Mode::Type, ty });
        }
        let f = match n {
            "Now" => host(Tf::Now, ">T", "time.Now"),
            "Since" => host(Tf::Since, "T>d", "time.Since"),
            "Until" => host(Tf::Until, "T>d", "time.Until"),
            "Unix" => host(Tf::Unix, "II>T", "time.Unix"),
            "UnixMilli" => host(Tf::UnixMilli, "I>T", "time.UnixMilli"),
            "ParseDuration" => host(Tf::ParseDuration, "s>de", "time.ParseDuration"),
            "NewTimer" => op(StdOp::NewTimer, "d>P", "time.NewTimer"),
            "NewTicker" => op(StdOp::NewTicker, "d>K", "time.NewTicker"),
            "Tick" => op(StdOp::Tick, "d>C", "time.Tick"),
            "AfterFunc" => op(StdOp::AfterFunc, "dg>P", "time.AfterFunc"),
            _ => None,
        }?;
        let sig = self.sig_of(f.sig);
        let ty = self.types.intern(Type::Func(sig));
        Some(Operand {
            mode: Mode::Lib(super::lib::LibFn::Std(f), None),
            ty,
        })
    }

    /// Methods of `time.name` (`ptr`: called on a pointer).
    pub(super) fn time_method(&mut self, name: &str, ptr: bool, n: &str) -> Option<StdFn> {
        match (name, ptr) {
            ("Time", false) => match n {
                "Add" => host(Tf::Add, "d>T", "time.Time.Add"),
                "Sub" => host(Tf::Sub, "T>d", "time.Time.Sub"),
                "Before" => host(Tf::Before, "T>b", "time.Time.Before"),
                "After" => host(Tf::After, "T>b", "time.Time.After"),
                "Equal" => host(Tf::Equal, "T>b", "time.Time.Equal"),
                "Compare" => host(Tf::Compare, "T>i", "time.Time.Compare"),
                "IsZero" => host(Tf::IsZero, ">b", "time.Time.IsZero"),
                "Unix" => host(Tf::TUnix, ">I", "time.Time.Unix"),
                "UnixNano" => host(Tf::TUnixNano, ">I", "time.Time.UnixNano"),
                "UnixMilli" => host(Tf::TUnixMilli, ">I", "time.Time.UnixMilli"),
                "UnixMicro" => host(Tf::TUnixMicro, ">I", "time.Time.UnixMicro"),
                "Format" => host(Tf::Format, "s>s", "time.Time.Format"),
                "String" => host(Tf::String, ">s", "time.Time.String"),
                "Year" => host(Tf::Year, ">i", "time.Time.Year"),
                "Month" => host(Tf::Month, ">M", "time.Time.Month"),
                "Day" => host(Tf::Day, ">i", "time.Time.Day"),
                "Hour" => host(Tf::Hour, ">i", "time.Time.Hour"),
                "Minute" => host(Tf::Minute, ">i", "time.Time.Minute"),
                "Second" => host(Tf::Second, ">i", "time.Time.Second"),
                "Nanosecond" => host(Tf::Nanosecond, ">i", "time.Time.Nanosecond"),
                "YearDay" => host(Tf::YearDay, ">i", "time.Time.YearDay"),
                "Weekday" => host(Tf::Weekday, ">W", "time.Time.Weekday"),
                "Round" => host(Tf::TRound, "d>T", "time.Time.Round"),
                "Truncate" => host(Tf::TTruncate, "d>T", "time.Time.Truncate"),
                // Every location is UTC: the same instant, monotonic reading kept.
                "UTC" => host(Tf::Same, ">T", "time.Time.UTC"),
                "Local" => host(Tf::Same, ">T", "time.Time.Local"),
                _ => None,
            },
            ("Duration", false) => match n {
                "Round" => host(Tf::DurRound, "d>d", "time.Duration.Round"),
                "Truncate" => host(Tf::DurTruncate, "d>d", "time.Duration.Truncate"),
                "Abs" => host(Tf::DurAbs, ">d", "time.Duration.Abs"),
                _ => None,
            },
            ("Month", false) if n == "String" => host(Tf::MonthString, ">s", "time.Month.String"),
            ("Weekday", false) if n == "String" => host(Tf::WeekdayString, ">s", "time.Weekday.String"),
            // A Timer value (not made by NewTimer): Stop/Reset panic.
            ("Timer", _) => match n {
                "Stop" => op(StdOp::TimerStop, ">b", "time.(*Timer).Stop"),
                "Reset" => op(StdOp::TimerReset, "d>b", "time.(*Timer).Reset"),
                _ => None,
            },
            ("Ticker", _) => match n {
                "Stop" => op(StdOp::TickerStop, ">", "time.(*Ticker).Stop"),
                "Reset" => op(StdOp::TickerReset, "d>", "time.(*Ticker).Reset"),
                _ => None,
            },
            _ => None,
        }
    }
}
