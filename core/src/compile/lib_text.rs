//! The library table's strings, strconv, math, math/rand, sort, log and
//! runtime.NumCPU part, and the machinery shared with `lib_time.rs`.
//!
//! A member is a `StdFn`: how to run it (a host function, an `Op::Std`,
//! a log call formatted by fmt first, or Shuffle's loop) and its Go
//! signature written compactly (see `sig_of`).

use crate::stdlib::{math::F as M, rand::F as R, sort::F as So, strconv::F as C, strings::F as Sg, Host};
use crate::syntax::ast::Ident;
use crate::types::{consts as tc, ChanDir, Field, Signature, Type, TypeId};
use crate::vm::native::Native;
use crate::vm::op::{Op, Reg};
use crate::vm::ops_std::{LogKind, StdOp};

use super::consts::ConstVal;
use super::lib::LibFn;
use super::operand::{Mode, Operand};
use super::Compiler;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Run {
    Host(Host),
    Op(StdOp),
    /// fmt's Sprint/Sprintln/Sprintf, then the logger.
    Log(Native, LogKind),
    /// `rand.Shuffle` (`true`: the `*rand.Rand` method): a loop calling
    /// the user's swap function.
    Shuffle(bool),
}

/// A library function or method of these packages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StdFn {
    pub run: Run,
    /// Parameters, `>`, results; one letter per type (see `sig_of`).
    pub sig: &'static str,
    pub name: &'static str,
}

impl StdFn {
    pub fn sig(self, c: &mut Compiler<'_>) -> Signature {
        c.sig_of(self.sig)
    }

    pub fn go_name(self) -> &'static str {
        self.name
    }
}

/// Method sets of these packages' types, by Go's spelling of the type.
pub fn methods_of(type_name: &str) -> &'static [&'static str] {
    match type_name {
        "*strings.Builder" => &[
            "Cap",
            "Grow",
            "Len",
            "Reset",
            "String",
            "Write",
            "WriteByte",
            "WriteRune",
            "WriteString",
        ],
        "*strconv.NumError" => &["Error", "Unwrap"],
        "*rand.Rand" => &[
            "Float32", "Float64", "Int", "Int31", "Int31n", "Int63", "Int63n", "Intn", "Perm", "Seed", "Shuffle",
            "Uint32", "Uint64",
        ],
        _ => super::lib_time::methods_of(type_name),
    }
}

/// Members that exist in Go but not in chanscope.
pub fn known_unsupported(pkg: &str, name: &str) -> bool {
    let list: &[&str] = match pkg {
        "strings" => &[
            "Map",
            "FieldsFunc",
            "IndexFunc",
            "LastIndexFunc",
            "TrimFunc",
            "TrimLeftFunc",
            "TrimRightFunc",
            "NewReader",
            "Reader",
            "NewReplacer",
            "Replacer",
            "ContainsFunc",
            "SplitSeq",
            "FieldsSeq",
            "Lines",
            "ToTitle",
            "ToValidUTF8",
            "SplitAfterN",
            "Clone",
        ],
        "strconv" => &[
            "AppendInt",
            "AppendQuote",
            "AppendFloat",
            "ParseComplex",
            "FormatComplex",
            "QuoteRuneToASCII",
        ],
        "sort" => &[
            "Slice",
            "SliceStable",
            "Sort",
            "Stable",
            "Search",
            "Interface",
            "IntSlice",
            "StringSlice",
            "Reverse",
            "Find",
        ],
        "log" => &["New", "Logger", "SetOutput", "Writer", "Default", "Output"],
        "math/rand" => &["NewZipf", "Zipf", "ExpFloat64", "NormFloat64", "Read"],
        "math" => &[
            "Gamma",
            "Lgamma",
            "Erf",
            "Erfc",
            "J0",
            "J1",
            "Y0",
            "Y1",
            "Ldexp",
            "Nextafter",
            "Ilogb",
            "Logb",
            "FMA",
        ],
        _ => &[],
    };
    list.contains(&name) || super::lib_time::known_unsupported(pkg, name)
}

fn f(run: Run, sig: &'static str, name: &'static str) -> StdFn {
    StdFn { run, sig, name }
}

fn host_s(g: Sg, sig: &'static str, name: &'static str) -> StdFn {
    f(Run::Host(Host::Strings(g)), sig, name)
}

fn strings_fn(n: &str) -> Option<StdFn> {
    use Sg::*;
    Some(match n {
        "Contains" => host_s(Contains, "ss>b", "strings.Contains"),
        "ContainsRune" => host_s(ContainsRune, "sr>b", "strings.ContainsRune"),
        "ContainsAny" => host_s(ContainsAny, "ss>b", "strings.ContainsAny"),
        "HasPrefix" => host_s(HasPrefix, "ss>b", "strings.HasPrefix"),
        "HasSuffix" => host_s(HasSuffix, "ss>b", "strings.HasSuffix"),
        "Index" => host_s(Index, "ss>i", "strings.Index"),
        "IndexByte" => host_s(IndexByte, "sy>i", "strings.IndexByte"),
        "IndexRune" => host_s(IndexRune, "sr>i", "strings.IndexRune"),
        "IndexAny" => host_s(IndexAny, "ss>i", "strings.IndexAny"),
        "LastIndexAny" => host_s(LastIndexAny, "ss>i", "strings.LastIndexAny"),
        "LastIndex" => host_s(LastIndex, "ss>i", "strings.LastIndex"),
        "LastIndexByte" => host_s(LastIndexByte, "sy>i", "strings.LastIndexByte"),
        "Split" => host_s(Split, "ss>S", "strings.Split"),
        "SplitN" => host_s(SplitN, "ssi>S", "strings.SplitN"),
        "SplitAfter" => host_s(SplitAfter, "ss>S", "strings.SplitAfter"),
        "Fields" => host_s(Fields, "s>S", "strings.Fields"),
        "Join" => host_s(Join, "Ss>s", "strings.Join"),
        "Repeat" => host_s(Repeat, "si>s", "strings.Repeat"),
        "Replace" => host_s(Replace, "sssi>s", "strings.Replace"),
        "ReplaceAll" => host_s(ReplaceAll, "sss>s", "strings.ReplaceAll"),
        "ToUpper" => host_s(ToUpper, "s>s", "strings.ToUpper"),
        "ToLower" => host_s(ToLower, "s>s", "strings.ToLower"),
        "Title" => host_s(Title, "s>s", "strings.Title"),
        "TrimSpace" => host_s(TrimSpace, "s>s", "strings.TrimSpace"),
        "Trim" => host_s(Trim, "ss>s", "strings.Trim"),
        "TrimLeft" => host_s(TrimLeft, "ss>s", "strings.TrimLeft"),
        "TrimRight" => host_s(TrimRight, "ss>s", "strings.TrimRight"),
        "TrimPrefix" => host_s(TrimPrefix, "ss>s", "strings.TrimPrefix"),
        "TrimSuffix" => host_s(TrimSuffix, "ss>s", "strings.TrimSuffix"),
        "Count" => host_s(Count, "ss>i", "strings.Count"),
        "EqualFold" => host_s(EqualFold, "ss>b", "strings.EqualFold"),
        "Cut" => host_s(Cut, "ss>ssb", "strings.Cut"),
        "CutPrefix" => host_s(CutPrefix, "ss>sb", "strings.CutPrefix"),
        "CutSuffix" => host_s(CutSuffix, "ss>sb", "strings.CutSuffix"),
        "Compare" => host_s(Compare, "ss>i", "strings.Compare"),
        _ => return None,
    })
}

fn strconv_fn(n: &str) -> Option<StdFn> {
    use C::*;
    let h = |g: C, sig, name| f(Run::Host(Host::Strconv(g)), sig, name);
    Some(match n {
        "Itoa" => h(Itoa, "i>s", "strconv.Itoa"),
        "Atoi" => h(Atoi, "s>ie", "strconv.Atoi"),
        "ParseInt" => h(ParseInt, "sii>Ie", "strconv.ParseInt"),
        "ParseUint" => h(ParseUint, "sii>Ue", "strconv.ParseUint"),
        "ParseFloat" => h(ParseFloat, "si>fe", "strconv.ParseFloat"),
        "ParseBool" => h(ParseBool, "s>be", "strconv.ParseBool"),
        "FormatInt" => h(FormatInt, "Ii>s", "strconv.FormatInt"),
        "FormatUint" => h(FormatUint, "Ui>s", "strconv.FormatUint"),
        "FormatFloat" => h(FormatFloat, "fyii>s", "strconv.FormatFloat"),
        "FormatBool" => h(FormatBool, "b>s", "strconv.FormatBool"),
        "Quote" => h(Quote, "s>s", "strconv.Quote"),
        "QuoteToASCII" => h(QuoteToASCII, "s>s", "strconv.QuoteToASCII"),
        "QuoteRune" => h(QuoteRune, "r>s", "strconv.QuoteRune"),
        "Unquote" => h(Unquote, "s>se", "strconv.Unquote"),
        _ => return None,
    })
}

fn math_fn(n: &str) -> Option<StdFn> {
    use M::*;
    let h = |g: M, sig, name| f(Run::Host(Host::Math(g)), sig, name);
    let f1 = |g: M, name| h(g, "f>f", name);
    let f2 = |g: M, name| h(g, "ff>f", name);
    Some(match n {
        "Sqrt" => f1(Sqrt, "math.Sqrt"),
        "Abs" => f1(Abs, "math.Abs"),
        "Floor" => f1(Floor, "math.Floor"),
        "Ceil" => f1(Ceil, "math.Ceil"),
        "Round" => f1(Round, "math.Round"),
        "RoundToEven" => f1(RoundToEven, "math.RoundToEven"),
        "Trunc" => f1(Trunc, "math.Trunc"),
        "Exp" => f1(Exp, "math.Exp"),
        "Exp2" => f1(Exp2, "math.Exp2"),
        "Log" => f1(Log, "math.Log"),
        "Log2" => f1(Log2, "math.Log2"),
        "Log10" => f1(Log10, "math.Log10"),
        "Log1p" => f1(Log1p, "math.Log1p"),
        "Sin" => f1(Sin, "math.Sin"),
        "Cos" => f1(Cos, "math.Cos"),
        "Tan" => f1(Tan, "math.Tan"),
        "Asin" => f1(Asin, "math.Asin"),
        "Acos" => f1(Acos, "math.Acos"),
        "Atan" => f1(Atan, "math.Atan"),
        "Sinh" => f1(Sinh, "math.Sinh"),
        "Cosh" => f1(Cosh, "math.Cosh"),
        "Tanh" => f1(Tanh, "math.Tanh"),
        "Cbrt" => f1(Cbrt, "math.Cbrt"),
        "Pow" => f2(Pow, "math.Pow"),
        "Atan2" => f2(Atan2, "math.Atan2"),
        "Hypot" => f2(Hypot, "math.Hypot"),
        "Max" => f2(Max, "math.Max"),
        "Min" => f2(Min, "math.Min"),
        "Mod" => f2(Mod, "math.Mod"),
        "Dim" => f2(Dim, "math.Dim"),
        "Copysign" => f2(Copysign, "math.Copysign"),
        "Inf" => h(Inf, "i>f", "math.Inf"),
        "IsInf" => h(IsInf, "fi>b", "math.IsInf"),
        "NaN" => h(NaN, ">f", "math.NaN"),
        "IsNaN" => h(IsNaN, "f>b", "math.IsNaN"),
        "Signbit" => h(Signbit, "f>b", "math.Signbit"),
        "Float64bits" => h(Float64bits, "f>U", "math.Float64bits"),
        "Float64frombits" => h(Float64frombits, "U>f", "math.Float64frombits"),
        "Float32bits" => h(Float32bits, "F>u", "math.Float32bits"),
        "Float32frombits" => h(Float32frombits, "u>F", "math.Float32frombits"),
        "Modf" => h(Modf, "f>ff", "math.Modf"),
        "Frexp" => h(Frexp, "f>fi", "math.Frexp"),
        _ => return None,
    })
}

/// Untyped constants of package math, exact where Go's are integers.
fn math_const(n: &str) -> Option<ConstVal> {
    let i = |v: i128| Some(ConstVal::Int(v));
    let fl = |v: f64| Some(ConstVal::Float(v));
    match n {
        "MaxInt" | "MaxInt64" => i(i64::MAX as i128),
        "MinInt" | "MinInt64" => i(i64::MIN as i128),
        "MaxInt8" => i(i8::MAX as i128),
        "MinInt8" => i(i8::MIN as i128),
        "MaxInt16" => i(i16::MAX as i128),
        "MinInt16" => i(i16::MIN as i128),
        "MaxInt32" => i(i32::MAX as i128),
        "MinInt32" => i(i32::MIN as i128),
        "MaxUint8" => i(u8::MAX as i128),
        "MaxUint16" => i(u16::MAX as i128),
        "MaxUint32" => i(u32::MAX as i128),
        "MaxUint" | "MaxUint64" => i(u64::MAX as i128),
        "MaxFloat64" => fl(f64::MAX),
        "SmallestNonzeroFloat64" => fl(f64::from_bits(1)),
        "MaxFloat32" => fl(f32::MAX as f64),
        "SmallestNonzeroFloat32" => fl(f32::from_bits(1) as f64),
        "Pi" => fl(std::f64::consts::PI),
        "E" => fl(std::f64::consts::E),
        "Phi" => fl(1.618_033_988_749_895),
        "Sqrt2" => fl(std::f64::consts::SQRT_2),
        "SqrtE" => fl(1.648_721_270_700_128_2),
        "SqrtPi" => fl(1.772_453_850_905_516),
        "SqrtPhi" => fl(1.272_019_649_514_069),
        "Ln2" => fl(std::f64::consts::LN_2),
        "Log2E" => fl(std::f64::consts::LOG2_E),
        "Ln10" => fl(std::f64::consts::LN_10),
        "Log10E" => fl(std::f64::consts::LOG10_E),
        _ => None,
    }
}

fn sort_fn(n: &str) -> Option<StdFn> {
    use So::*;
    let h = |g: So, sig, name| f(Run::Host(Host::Sort(g)), sig, name);
    Some(match n {
        "Ints" => h(Ints, "N>", "sort.Ints"),
        "Strings" => h(Strings, "S>", "sort.Strings"),
        "Float64s" => h(Float64s, "G>", "sort.Float64s"),
        "IntsAreSorted" => h(IntsAreSorted, "N>b", "sort.IntsAreSorted"),
        "StringsAreSorted" => h(StringsAreSorted, "S>b", "sort.StringsAreSorted"),
        "Float64sAreSorted" => h(Float64sAreSorted, "G>b", "sort.Float64sAreSorted"),
        "SearchInts" => h(SearchInts, "Ni>i", "sort.SearchInts"),
        "SearchStrings" => h(SearchStrings, "Ss>i", "sort.SearchStrings"),
        "SearchFloat64s" => h(SearchFloat64s, "Gf>i", "sort.SearchFloat64s"),
        _ => return None,
    })
}

fn log_fn(n: &str) -> Option<StdFn> {
    let l = |fm: Native, k: LogKind, name| {
        let sig = if fm == Native::FmtSprintf { "sa>" } else { "a>" };
        f(Run::Log(fm, k), sig, name)
    };
    let o = |k: StdOp, sig, name| f(Run::Op(k), sig, name);
    Some(match n {
        "Print" => l(Native::FmtSprint, LogKind::Print, "log.Print"),
        "Println" => l(Native::FmtSprintln, LogKind::Print, "log.Println"),
        "Printf" => l(Native::FmtSprintf, LogKind::Print, "log.Printf"),
        "Fatal" => l(Native::FmtSprint, LogKind::Fatal, "log.Fatal"),
        "Fatalln" => l(Native::FmtSprintln, LogKind::Fatal, "log.Fatalln"),
        "Fatalf" => l(Native::FmtSprintf, LogKind::Fatal, "log.Fatalf"),
        "Panic" => l(Native::FmtSprint, LogKind::Panic, "log.Panic"),
        "Panicln" => l(Native::FmtSprintln, LogKind::Panic, "log.Panicln"),
        "Panicf" => l(Native::FmtSprintf, LogKind::Panic, "log.Panicf"),
        "SetFlags" => o(StdOp::LogSetFlags, "i>", "log.SetFlags"),
        "SetPrefix" => o(StdOp::LogSetPrefix, "s>", "log.SetPrefix"),
        "Flags" => o(StdOp::LogFlags, ">i", "log.Flags"),
        "Prefix" => o(StdOp::LogPrefix, ">s", "log.Prefix"),
        _ => return None,
    })
}

fn log_const(n: &str) -> Option<i128> {
    use crate::stdlib::log::*;
    Some(match n {
        "Ldate" => LDATE,
        "Ltime" => LTIME,
        "Lmicroseconds" => LMICROSECONDS,
        "Llongfile" => LLONGFILE,
        "Lshortfile" => LSHORTFILE,
        "LUTC" => LUTC,
        "Lmsgprefix" => LMSGPREFIX,
        "LstdFlags" => LSTD_FLAGS,
        _ => return None,
    } as i128)
}

/// `rand` functions and, with `m`, `*rand.Rand` methods.
fn rand_fn(n: &str, m: bool) -> Option<StdFn> {
    let op = |r: R, sig, name| f(Run::Op(if m { StdOp::RandM(r) } else { StdOp::Rand(r) }), sig, name);
    Some(match n {
        "Int" => op(R::Int, ">i", "rand.Int"),
        "Intn" => op(R::Intn, "i>i", "rand.Intn"),
        "Int63" => op(R::Int63, ">I", "rand.Int63"),
        "Int63n" => op(R::Int63n, "I>I", "rand.Int63n"),
        "Int31" => op(R::Int31, ">r", "rand.Int31"),
        "Int31n" => op(R::Int31n, "r>r", "rand.Int31n"),
        "Uint32" => op(R::Uint32, ">u", "rand.Uint32"),
        "Uint64" => op(R::Uint64, ">U", "rand.Uint64"),
        "Float64" => op(R::Float64, ">f", "rand.Float64"),
        "Float32" => op(R::Float32, ">F", "rand.Float32"),
        "Perm" => op(R::Perm, "i>N", "rand.Perm"),
        "Seed" => op(R::Seed, "I>", "rand.Seed"),
        "Shuffle" => f(Run::Shuffle(m), "ih>", "rand.Shuffle"),
        "New" if !m => f(Run::Op(StdOp::RandNew), "Q>R", "rand.New"),
        "NewSource" if !m => f(Run::Op(StdOp::Rand(R::Seed)), "I>Q", "rand.NewSource"),
        _ => return None,
    })
}

impl Compiler<'_> {
    /// A named library type `pkg.name`, made on first use.
    pub(super) fn std_named(&mut self, pkg: &str, name: &str, under: impl FnOnce(&mut Self) -> TypeId) -> TypeId {
        let n = self.types.len() as TypeId;
        let found =
            (0..n).find(|&i| matches!(self.types.get(i), Type::Named { pkg: p, name: m, .. } if p == pkg && m == name));
        if let Some(t) = found {
            return t;
        }
        let t = self.types.push_named(pkg, name, tc::INVALID);
        let u = under(self);
        self.types.set_underlying(t, u);
        t
    }

    pub(super) fn std_struct(&mut self, fields: &[(&str, TypeId)]) -> TypeId {
        let fs = fields
            .iter()
            .map(|(n, t)| Field {
                name: n.to_string(),
                ty: *t,
                embedded: false,
            })
            .collect();
        self.types.intern(Type::Struct(fs))
    }

    fn ptr_to(&mut self, t: TypeId) -> TypeId {
        self.types.intern(Type::Pointer(t))
    }

    fn num_error_ptr(&mut self) -> TypeId {
        let t = self.std_named("strconv", "NumError", |c| {
            c.std_struct(&[("Func", tc::STRING), ("Num", tc::STRING), ("Err", tc::ERROR)])
        });
        self.ptr_to(t)
    }

    fn builder_type(&mut self) -> TypeId {
        self.std_named("strings", "Builder", |c| c.std_struct(&[("buf", tc::SLICE_BYTE)]))
    }

    fn rand_ptr(&mut self) -> TypeId {
        let t = self.std_named("rand", "Rand", |_| tc::INT64);
        self.ptr_to(t)
    }

    /// Decodes a compact signature: `s` string, `b` bool, `i` int, `I`
    /// int64, `U` uint64, `u` uint32, `r` int32/rune, `y` byte, `f`
    /// float64, `F` float32, `e` error, `S` []string, `Y` []byte, `N`
    /// []int, `G` []float64, `a` ...any, `d` Duration, `T` Time, `M`
    /// Month, `W` Weekday, `P` *Timer, `K` *Ticker, `C` <-chan Time, `R`
    /// *rand.Rand, `Q` rand.Source, `g` func(), `h` func(int, int).
    pub fn sig_of(&mut self, code: &str) -> Signature {
        let (ps, rs) = code.split_once('>').unwrap_or((code, ""));
        let params = ps.chars().map(|ch| self.sig_type(ch)).collect();
        let results = rs.chars().map(|ch| self.sig_type(ch)).collect();
        Signature {
            params,
            results,
            variadic: ps.ends_with('a'),
        }
    }

    fn sig_type(&mut self, ch: char) -> TypeId {
        match ch {
            's' => tc::STRING,
            'b' => tc::BOOL,
            'i' => tc::INT,
            'I' => tc::INT64,
            'U' => tc::UINT64,
            'u' => tc::UINT32,
            'r' => tc::INT32,
            'y' => tc::UINT8,
            'f' => tc::FLOAT64,
            'F' => tc::FLOAT32,
            'e' => tc::ERROR,
            'S' => self.types.intern(Type::Slice(tc::STRING)),
            'Y' => tc::SLICE_BYTE,
            'N' => self.types.intern(Type::Slice(tc::INT)),
            'G' => self.types.intern(Type::Slice(tc::FLOAT64)),
            'a' => tc::SLICE_ANY,
            'd' => tc::DURATION,
            'T' => self.time_type(),
            'M' => self.month_type(),
            'W' => self.weekday_type(),
            'P' => self.timer_ptr(),
            'K' => self.ticker_ptr(),
            'C' => {
                let t = self.time_type();
                self.types.intern(Type::Chan(ChanDir::Recv, t))
            }
            'R' => self.rand_ptr(),
            'Q' => self.std_named("rand", "Source", |_| tc::INT64),
            'g' => self.types.intern(Type::Func(Signature {
                params: vec![],
                results: vec![],
                variadic: false,
            })),
            'h' => self.types.intern(Type::Func(Signature {
                params: vec![tc::INT, tc::INT],
                results: vec![],
                variadic: false,
            })),
            _ => tc::INVALID,
        }
    }

    fn std_func(&mut self, f: StdFn) -> Operand {
        let sig = f.sig(self);
        let ty = self.types.intern(Type::Func(sig));
        Operand {
            mode: Mode::Lib(LibFn::Std(f), None),
            ty,
        }
    }

    /// `pkg.name` for the packages of this file and `time`'s new members.
    pub fn std_member(&mut self, pkg: &str, n: &str, sel: &Ident) -> Option<Operand> {
        let _ = sel;
        let ty_op = |ty: TypeId| Operand { mode: Mode::Type, ty };
        let fun = match pkg {
            "strings" if n == "Builder" => {
                let t = self.builder_type();
                return Some(ty_op(t));
            }
            "strings" => strings_fn(n),
            "strconv" if n == "NumError" => {
                let p = self.num_error_ptr();
                let Type::Pointer(t) = self.types.get(p).clone() else {
                    return None;
                };
                return Some(ty_op(t));
            }
            "strconv" if n == "IntSize" => return Some(Operand::konst(ConstVal::Int(64), tc::UNTYPED_INT)),
            "strconv" => {
                if let Some(k) = match n {
                    "ErrSyntax" => Some(C::ErrSyntax),
                    "ErrRange" => Some(C::ErrRange),
                    _ => None,
                } {
                    let r = self.f().alloc();
                    self.f().emit(Op::CallNative {
                        n: Native::Std(Host::Strconv(k)),
                        a: r,
                        nargs: 1,
                    });
                    return Some(Operand {
                        mode: Mode::Value { reg: r, var: true },
                        ty: tc::ERROR,
                    });
                }
                let f = strconv_fn(n);
                if f.is_some() {
                    // Errors are `*strconv.NumError`s: the type must exist.
                    self.num_error_ptr();
                }
                f
            }
            "math" => {
                if let Some(v) = math_const(n) {
                    let ty = if matches!(v, ConstVal::Int(_)) {
                        tc::UNTYPED_INT
                    } else {
                        tc::UNTYPED_FLOAT
                    };
                    return Some(Operand::konst(v, ty));
                }
                math_fn(n)
            }
            "sort" => sort_fn(n),
            "log" => {
                if let Some(v) = log_const(n) {
                    return Some(Operand::konst(ConstVal::Int(v), tc::UNTYPED_INT));
                }
                log_fn(n)
            }
            "math/rand" => match n {
                "Rand" => {
                    let p = self.rand_ptr();
                    let Type::Pointer(t) = self.types.get(p).clone() else {
                        return None;
                    };
                    return Some(ty_op(t));
                }
                "Source" => {
                    let t = self.sig_type('Q');
                    return Some(ty_op(t));
                }
                _ => rand_fn(n, false),
            },
            "runtime" if n == "NumCPU" => Some(f(Run::Op(StdOp::NumCPU), ">i", "runtime.NumCPU")),
            "time" => return self.time_member(n),
            _ => None,
        };
        fun.map(|f| self.std_func(f))
    }

    /// Methods of these packages' types; `None` when `xo` has none named so.
    pub fn std_method(&mut self, xo: &Operand, sel: &Ident) -> Option<Operand> {
        let (pkg, name, ptr) = {
            let (named, ptr) = match self.types.get(xo.ty) {
                Type::Pointer(e) => (*e, true),
                _ => (xo.ty, false),
            };
            match self.types.get(named) {
                Type::Named { pkg, name, .. } => (pkg.clone(), name.clone(), ptr),
                _ => return None,
            }
        };
        let n = sel.name.as_str();
        let host = |g: Sg, sig, name| Some(host_s(g, sig, name));
        let fun = match (pkg.as_str(), name.as_str(), ptr) {
            ("strings", "Builder", true) => match n {
                "WriteString" => host(Sg::WriteString, "s>ie", "strings.(*Builder).WriteString"),
                "WriteByte" => host(Sg::WriteByte, "y>e", "strings.(*Builder).WriteByte"),
                "WriteRune" => host(Sg::WriteRune, "r>ie", "strings.(*Builder).WriteRune"),
                "Write" => host(Sg::Write, "Y>ie", "strings.(*Builder).Write"),
                "String" => host(Sg::String, ">s", "strings.(*Builder).String"),
                "Len" => host(Sg::Len, ">i", "strings.(*Builder).Len"),
                "Cap" => host(Sg::Cap, ">i", "strings.(*Builder).Cap"),
                "Reset" => host(Sg::Reset, ">", "strings.(*Builder).Reset"),
                "Grow" => host(Sg::Grow, "i>", "strings.(*Builder).Grow"),
                _ => None,
            },
            ("strings", "Builder", false) if methods_of("*strings.Builder").contains(&n) => {
                // The method needs the variable's address, which the
                // method-call path does not take for library types yet.
                self.unsupported(
                    sel.pos,
                    "strings.Builder methods on a non-pointer Builder (use a *strings.Builder)",
                );
                return Some(Operand::invalid());
            }
            ("strconv", "NumError", true) if n == "Error" => Some(f(
                Run::Host(Host::Strconv(C::ErrSyntax)),
                ">s",
                "strconv.(*NumError).Error",
            )),
            ("strconv", "NumError", true) if n == "Unwrap" => {
                let recv = self.to_reg(xo, tc::INVALID);
                let sig = LibFn::NumErrorUnwrap.sig(self);
                let ty = self.types.intern(Type::Func(sig));
                return Some(Operand {
                    mode: Mode::Lib(LibFn::NumErrorUnwrap, Some(recv)),
                    ty,
                });
            }
            ("rand", "Rand", true) => rand_fn(n, true),
            ("time", ..) => self.time_method(&name, ptr, n),
            _ => None,
        }?;
        let fun = if fun.name == "strconv.(*NumError).Error" {
            // The receiver boxed as an error: fmt's Error path prints it.
            let r = self.to_reg(xo, tc::INVALID);
            let b = self.f().alloc();
            self.f().emit(Op::ToIface {
                dst: b,
                a: r,
                ty: xo.ty,
            });
            let sig = self.sig_of(">s");
            let ty = self.types.intern(Type::Func(sig));
            return Some(Operand {
                mode: Mode::Lib(LibFn::ErrorMethod, Some(b)),
                ty,
            });
        } else {
            fun
        };
        let recv = self.to_reg(xo, tc::INVALID);
        let sig = fun.sig(self);
        let ty = self.types.intern(Type::Func(sig));
        Some(Operand {
            mode: Mode::Lib(LibFn::Std(fun), Some(recv)),
            ty,
        })
    }

    /// Phase two of a call; arguments (receiver first) at `base`.
    pub fn emit_std(&mut self, f: StdFn, base: Reg, nargs: u16) {
        let nres = f.sig.split_once('>').map(|(_, r)| r.len()).unwrap_or(0) as u16;
        let n = nargs.max(nres);
        self.f().reserve(base as u32 + n as u32 + 1);
        match f.run {
            Run::Host(h) => {
                self.f().emit(Op::CallNative {
                    n: Native::Std(h),
                    a: base,
                    nargs: n,
                });
            }
            Run::Op(k) => {
                self.f().emit(Op::Std { k, a: base });
            }
            Run::Log(fm, kind) => {
                self.f().emit(Op::CallNative { n: fm, a: base, nargs });
                self.f().emit(Op::Std {
                    k: StdOp::Log(kind),
                    a: base,
                });
            }
            Run::Shuffle(m) => self.emit_shuffle(base, m),
        }
    }

    /// `for i := n - 1; i > 0; i-- { swap(i, j) }` with `j` drawn by an
    /// `Op::Std`: the user's function runs as an ordinary call.
    fn emit_shuffle(&mut self, base: Reg, method: bool) {
        let (recv, n, swap) = if method {
            (Some(base), base + 1, base + 2)
        } else {
            (None, base, base + 1)
        };
        let draw = |k: R| if method { StdOp::RandM(k) } else { StdOp::Rand(k) };
        let t = self.f().alloc_n(4);
        let (i, zero, w) = (t, t + 1, t + 2);
        let fs = self.f();
        // The draw's window: [receiver,] argument.
        let warg = if method { w + 1 } else { w };
        fs.emit(Op::Move { dst: warg, src: n });
        if let Some(r) = recv {
            fs.emit(Op::Move { dst: w, src: r });
        }
        fs.emit(Op::Std {
            k: draw(R::ShuffleCheck),
            a: w,
        });
        fs.emit(Op::AddIK { dst: i, a: n, k: -1 });
        fs.emit(Op::Int { dst: zero, v: 0 });
        let top = fs.here();
        let exit = fs.emit(Op::JmpIfNotLtI { a: zero, b: i, to: 0 });
        if let Some(r) = recv {
            fs.emit(Op::Move { dst: w, src: r });
        }
        fs.emit(Op::Move { dst: warg, src: i });
        fs.emit(Op::Std {
            k: draw(R::ShuffleJ),
            a: w,
        });
        let args = fs.alloc_n(2);
        let fs = self.f();
        fs.emit(Op::Move { dst: args, src: i });
        fs.emit(Op::Move { dst: args + 1, src: w });
        fs.emit(Op::CallValue { fv: swap, a: args });
        fs.emit(Op::AddIK { dst: i, a: i, k: -1 });
        fs.emit(Op::Jmp { to: top });
        fs.patch_here(exit);
    }
}
