//! Go types as the checker and the runtime see them.
//!
//! Types are interned in a `TypeTable` and named by `TypeId` (an index), so
//! two structurally identical unnamed types get the same id and type identity
//! is `==` on ids. The table travels with the compiled program: `fmt` walks it
//! to print values (`%v`, `%+v`, `%T`) and the VM uses it for zero values and
//! interface conversions.

use std::collections::HashMap;

pub use crate::syntax::ast::ChanDir;

pub type TypeId = u32;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BasicKind {
    Bool,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    Float32,
    Float64,
    String,
    UntypedBool,
    UntypedInt,
    UntypedRune,
    UntypedFloat,
    UntypedString,
    UntypedNil,
    /// The type of an expression that had an error; compatible with all, so
    /// one mistake does not cascade into many messages.
    Invalid,
}

impl BasicKind {
    pub fn name(self) -> &'static str {
        use BasicKind::*;
        match self {
            Bool => "bool",
            Int => "int",
            Int8 => "int8",
            Int16 => "int16",
            Int32 => "int32",
            Int64 => "int64",
            Uint => "uint",
            Uint8 => "uint8",
            Uint16 => "uint16",
            Uint32 => "uint32",
            Uint64 => "uint64",
            Uintptr => "uintptr",
            Float32 => "float32",
            Float64 => "float64",
            String => "string",
            UntypedBool => "untyped bool",
            UntypedInt => "untyped int",
            UntypedRune => "untyped rune",
            UntypedFloat => "untyped float",
            UntypedString => "untyped string",
            UntypedNil => "untyped nil",
            Invalid => "invalid type",
        }
    }

    pub fn is_integer(self) -> bool {
        use BasicKind::*;
        matches!(
            self,
            Int | Int8 | Int16 | Int32 | Int64 | Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr | UntypedInt | UntypedRune
        )
    }

    pub fn is_unsigned(self) -> bool {
        use BasicKind::*;
        matches!(self, Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr)
    }

    pub fn is_float(self) -> bool {
        matches!(self, BasicKind::Float32 | BasicKind::Float64 | BasicKind::UntypedFloat)
    }

    pub fn is_numeric(self) -> bool {
        self.is_integer() || self.is_float()
    }

    pub fn is_untyped(self) -> bool {
        use BasicKind::*;
        matches!(self, UntypedBool | UntypedInt | UntypedRune | UntypedFloat | UntypedString | UntypedNil)
    }

    /// Bit size of a sized integer kind (int, uint and uintptr are 64 bits,
    /// as on amd64, the platform the goldens are recorded on).
    pub fn int_bits(self) -> Option<u32> {
        use BasicKind::*;
        match self {
            Int8 | Uint8 => Some(8),
            Int16 | Uint16 => Some(16),
            Int32 | Uint32 => Some(32),
            Int | Int64 | Uint | Uint64 | Uintptr => Some(64),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Field {
    pub name: String,
    pub ty: TypeId,
    /// An embedded field; `name` is the type's name.
    pub embedded: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Signature {
    pub params: Vec<TypeId>,
    pub results: Vec<TypeId>,
    /// The last param is `...T`, stored as the slice type `[]T`.
    pub variadic: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IfaceMethod {
    pub name: String,
    /// A `Type::Func` without receiver.
    pub sig: TypeId,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    Basic(BasicKind),
    /// A defined type. `pkg` is `main` for user types, `sync`, `time`, ...
    /// for library ones. `underlying` is filled after the declaration is
    /// resolved (recursive types point at themselves through pointers).
    Named { pkg: String, name: String, underlying: TypeId, methods: Vec<MethodRef> },
    Pointer(TypeId),
    Slice(TypeId),
    Array(u64, TypeId),
    Map(TypeId, TypeId),
    Chan(ChanDir, TypeId),
    Func(Signature),
    Struct(Vec<Field>),
    /// Method set sorted by name, as Go's type checker keeps it.
    Interface(Vec<IfaceMethod>),
    /// Multiple results of a call; never the type of a variable.
    Tuple(Vec<TypeId>),
    /// Runtime-provided opaque state: the inside of `sync.Mutex`,
    /// `sync.WaitGroup`, ... wrapped by a `Named` type.
    Opaque(OpaqueKind),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OpaqueKind {
    Mutex,
    RWMutex,
    WaitGroup,
    Once,
    Cond,
    Timer,
    Ticker,
    Other,
    /// `sync.Map`, `sync.Pool`'s items (runtime/sync.rs objects).
    SyncMap,
    Pool,
    /// `sync/atomic`'s typed values: the value is a `Value::Cell` holding
    /// the integer (any width; the named type says which), bool or `any`.
    AtomicInt,
    AtomicBool,
    AtomicValue,
}

/// A method declared on a named type, compiled to function `func`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MethodRef {
    pub name: String,
    /// Index into `Program::funcs`.
    pub func: u32,
    pub ptr_recv: bool,
    /// The method's type without receiver.
    pub sig: TypeId,
}

/// The largest `TypeTable::flat_len` the checker accepts for a type.
pub const MAX_FLAT_LEN: u64 = 1 << 24;

/// The interning table. Ids of the basic types are fixed (see `consts`).
#[derive(Clone, Debug)]
pub struct TypeTable {
    types: Vec<Type>,
    index: HashMap<Type, TypeId>,
}

/// Fixed ids of frequently used types, created by `TypeTable::new` in this
/// order.
pub mod consts {
    use super::TypeId;
    pub const INVALID: TypeId = 0;
    pub const BOOL: TypeId = 1;
    pub const INT: TypeId = 2;
    pub const INT8: TypeId = 3;
    pub const INT16: TypeId = 4;
    pub const INT32: TypeId = 5;
    pub const INT64: TypeId = 6;
    pub const UINT: TypeId = 7;
    pub const UINT8: TypeId = 8;
    pub const UINT16: TypeId = 9;
    pub const UINT32: TypeId = 10;
    pub const UINT64: TypeId = 11;
    pub const UINTPTR: TypeId = 12;
    pub const FLOAT32: TypeId = 13;
    pub const FLOAT64: TypeId = 14;
    pub const STRING: TypeId = 15;
    pub const UNTYPED_BOOL: TypeId = 16;
    pub const UNTYPED_INT: TypeId = 17;
    pub const UNTYPED_RUNE: TypeId = 18;
    pub const UNTYPED_FLOAT: TypeId = 19;
    pub const UNTYPED_STRING: TypeId = 20;
    pub const UNTYPED_NIL: TypeId = 21;
    /// `interface{}` / `any`.
    pub const ANY: TypeId = 22;
    /// `struct{}`.
    pub const EMPTY_STRUCT: TypeId = 23;
    /// `[]any`, the parameter of `fmt.Println` and friends.
    pub const SLICE_ANY: TypeId = 24;
    /// The predeclared `error` interface (`Named` over `interface{ Error() string }`).
    pub const ERROR: TypeId = 25;
    /// `func() string`, the signature of `Error` and `String`.
    pub const FUNC_STRING: TypeId = 26;
    pub const UNDERLYING_ERROR: TypeId = 27;
    /// `errors.errorString` (struct { s string }) and the pointer to it that
    /// `errors.New` returns. Value: `Iface { ty: PTR_ERROR_STRING, val:
    /// Value::Cell(cell holding Value::Str(msg)) }` (a real pointer, so two
    /// `errors.New("x")` are different errors, as in Go).
    pub const ERROR_STRING: TypeId = 29;
    pub const PTR_ERROR_STRING: TypeId = 30;
    /// `fmt.wrapError` (struct { msg string; err error }) and its pointer,
    /// returned by `fmt.Errorf` with one `%w`. Value: `Iface { ty:
    /// PTR_WRAP_ERROR, val: Value::Cell(cell holding Value::Struct([Str(msg),
    /// err])) }`.
    pub const WRAP_ERROR: TypeId = 32;
    pub const PTR_WRAP_ERROR: TypeId = 33;
    /// `time.Duration` (int64).
    pub const DURATION: TypeId = 34;
    /// `sync.Mutex`, `sync.WaitGroup`: values are `Value::Obj`.
    pub const MUTEX: TypeId = 36;
    pub const WAITGROUP: TypeId = 38;
    pub const PTR_MUTEX: TypeId = 39;
    pub const PTR_WAITGROUP: TypeId = 40;
    /// `[]byte`, `[]rune`, `[]int`, `[]string`.
    pub const SLICE_BYTE: TypeId = 41;
    pub const SLICE_RUNE: TypeId = 42;
}

impl Default for TypeTable {
    fn default() -> Self {
        Self::new()
    }
}

impl TypeTable {
    pub fn new() -> TypeTable {
        use BasicKind::*;
        let mut t = TypeTable { types: Vec::new(), index: HashMap::new() };
        for k in [
            Invalid, Bool, Int, Int8, Int16, Int32, Int64, Uint, Uint8, Uint16, Uint32, Uint64, Uintptr, Float32,
            Float64, String, UntypedBool, UntypedInt, UntypedRune, UntypedFloat, UntypedString, UntypedNil,
        ] {
            t.intern(Type::Basic(k));
        }
        let any = t.intern(Type::Interface(vec![]));
        debug_assert_eq!(any, consts::ANY);
        let es = t.intern(Type::Struct(vec![]));
        debug_assert_eq!(es, consts::EMPTY_STRUCT);
        let sa = t.intern(Type::Slice(consts::ANY));
        debug_assert_eq!(sa, consts::SLICE_ANY);
        // `error` is a named interface whose underlying type is created next.
        let err = t.push_named("", "error", consts::UNDERLYING_ERROR);
        debug_assert_eq!(err, consts::ERROR);
        let fs = t.intern(Type::Func(Signature { params: vec![], results: vec![consts::STRING], variadic: false }));
        debug_assert_eq!(fs, consts::FUNC_STRING);
        let ue = t.intern(Type::Interface(vec![IfaceMethod { name: "Error".into(), sig: fs }]));
        debug_assert_eq!(ue, consts::UNDERLYING_ERROR);
        let es_struct = t.intern(Type::Struct(vec![Field { name: "s".into(), ty: consts::STRING, embedded: false }]));
        let es = t.push_named("errors", "errorString", es_struct);
        debug_assert_eq!(es, consts::ERROR_STRING);
        let pes = t.intern(Type::Pointer(es));
        debug_assert_eq!(pes, consts::PTR_ERROR_STRING);
        let we_struct = t.intern(Type::Struct(vec![
            Field { name: "msg".into(), ty: consts::STRING, embedded: false },
            Field { name: "err".into(), ty: consts::ERROR, embedded: false },
        ]));
        let we = t.push_named("fmt", "wrapError", we_struct);
        debug_assert_eq!(we, consts::WRAP_ERROR);
        let pwe = t.intern(Type::Pointer(we));
        debug_assert_eq!(pwe, consts::PTR_WRAP_ERROR);
        let d = t.push_named("time", "Duration", consts::INT64);
        debug_assert_eq!(d, consts::DURATION);
        let om = t.intern(Type::Opaque(OpaqueKind::Mutex));
        let m = t.push_named("sync", "Mutex", om);
        debug_assert_eq!(m, consts::MUTEX);
        let ow = t.intern(Type::Opaque(OpaqueKind::WaitGroup));
        let w = t.push_named("sync", "WaitGroup", ow);
        debug_assert_eq!(w, consts::WAITGROUP);
        let pm = t.intern(Type::Pointer(m));
        debug_assert_eq!(pm, consts::PTR_MUTEX);
        let pw = t.intern(Type::Pointer(w));
        debug_assert_eq!(pw, consts::PTR_WAITGROUP);
        let sb = t.intern(Type::Slice(consts::UINT8));
        debug_assert_eq!(sb, consts::SLICE_BYTE);
        let sr = t.intern(Type::Slice(consts::INT32));
        debug_assert_eq!(sr, consts::SLICE_RUNE);
        t
    }

    /// Returns the id of a structural type, creating it when new.
    /// Named types are never interned this way: use `push_named`.
    pub fn intern(&mut self, ty: Type) -> TypeId {
        if let Some(&id) = self.index.get(&ty) {
            return id;
        }
        let id = self.types.len() as TypeId;
        self.types.push(ty.clone());
        if !matches!(ty, Type::Named { .. }) {
            self.index.insert(ty, id);
        }
        id
    }

    /// Creates a new defined type: every `type T ...` declaration is distinct.
    pub fn push_named(&mut self, pkg: &str, name: &str, underlying: TypeId) -> TypeId {
        let id = self.types.len() as TypeId;
        self.types.push(Type::Named { pkg: pkg.into(), name: name.into(), underlying, methods: vec![] });
        id
    }

    pub fn set_underlying(&mut self, named: TypeId, u: TypeId) {
        if let Type::Named { underlying, .. } = &mut self.types[named as usize] {
            *underlying = u;
        }
    }

    pub fn add_method(&mut self, named: TypeId, m: MethodRef) {
        if let Type::Named { methods, .. } = &mut self.types[named as usize] {
            methods.push(m);
        }
    }

    pub fn get(&self, id: TypeId) -> &Type {
        &self.types[id as usize]
    }

    pub fn len(&self) -> usize {
        self.types.len()
    }

    pub fn is_empty(&self) -> bool {
        self.types.is_empty()
    }

    /// Follows `Named` to the structural type beneath.
    pub fn underlying(&self, mut id: TypeId) -> TypeId {
        // Bounded: a cycle of named types without structure is rejected by
        // the checker ("invalid recursive type"), but stay safe anyway.
        for _ in 0..64 {
            match &self.types[id as usize] {
                Type::Named { underlying, .. } => id = *underlying,
                _ => return id,
            }
        }
        consts::INVALID
    }

    /// The number of `Value`s a value of type `id` holds when counted
    /// flat: one for a scalar or a reference (pointer, slice, map, ...),
    /// the sum over the fields of a struct (at least one), `n` times the
    /// element for `[n]T`; saturating. Zeroing, comparing, hashing or
    /// printing one value costs this much, so the checker and the
    /// machine's allocation limit bound it.
    pub fn flat_len(&self, id: TypeId) -> u64 {
        self.flat_in(id, &mut HashMap::new(), 0)
    }

    fn flat_in(&self, id: TypeId, memo: &mut HashMap<TypeId, u64>, depth: u32) -> u64 {
        // The same depth bound as zero values (`vm::zero`).
        if depth > 64 {
            return 1;
        }
        let u = self.underlying(id);
        if let Some(&n) = memo.get(&u) {
            return n;
        }
        let n = match self.types.get(u as usize) {
            Some(Type::Array(n, e)) => n.saturating_mul(self.flat_in(*e, memo, depth + 1)),
            Some(Type::Struct(fields)) => fields
                .iter()
                .fold(0u64, |acc, f| acc.saturating_add(self.flat_in(f.ty, memo, depth + 1)))
                .max(1),
            _ => 1,
        };
        memo.insert(u, n);
        n
    }

    /// Whether values of type `id` can be compared with `==` (the spec's
    /// comparable types; interfaces count, their dynamic values may panic).
    pub fn comparable(&self, id: TypeId) -> bool {
        self.comparable_in(id, 0)
    }

    fn comparable_in(&self, id: TypeId, depth: u32) -> bool {
        if depth > 32 {
            return true;
        }
        match self.under(id) {
            Type::Slice(_) | Type::Map(..) | Type::Func(_) => false,
            Type::Struct(fs) => fs.iter().all(|f| self.comparable_in(f.ty, depth + 1)),
            Type::Array(_, e) => self.comparable_in(*e, depth + 1),
            _ => true,
        }
    }

    pub fn under(&self, id: TypeId) -> &Type {
        self.get(self.underlying(id))
    }

    pub fn basic(&self, id: TypeId) -> Option<BasicKind> {
        match self.under(id) {
            Type::Basic(k) => Some(*k),
            _ => None,
        }
    }

    pub fn is_interface(&self, id: TypeId) -> bool {
        matches!(self.under(id), Type::Interface(_))
    }

    pub fn is_named(&self, id: TypeId) -> bool {
        matches!(self.get(id), Type::Named { .. })
    }

    /// Size and alignment in bytes on amd64, and whether the type holds
    /// pointers: what Go's allocator sees, so `append` can round capacities
    /// to the same size classes.
    pub fn layout(&self, id: TypeId) -> (u64, u64, bool) {
        self.layout_in(id, 0)
    }

    fn layout_in(&self, id: TypeId, depth: u32) -> (u64, u64, bool) {
        if depth > 64 {
            return (8, 8, true);
        }
        use BasicKind::*;
        match self.under(id) {
            Type::Basic(k) => match k {
                Bool | Int8 | Uint8 | UntypedBool => (1, 1, false),
                Int16 | Uint16 => (2, 2, false),
                Int32 | Uint32 | Float32 | UntypedRune => (4, 4, false),
                String | UntypedString => (16, 8, true),
                UntypedNil => (8, 8, true),
                _ => (8, 8, false),
            },
            Type::Pointer(_) | Type::Map(..) | Type::Chan(..) | Type::Func(_) => (8, 8, true),
            Type::Slice(_) => (24, 8, true),
            Type::Interface(_) => (16, 8, true),
            Type::Array(n, e) => {
                let (sz, al, p) = self.layout_in(*e, depth + 1);
                (sz.saturating_mul(*n), al, p && *n > 0)
            }
            Type::Struct(fields) => {
                let (mut off, mut align, mut ptrs) = (0u64, 1u64, false);
                for f in fields {
                    let (sz, al, p) = self.layout_in(f.ty, depth + 1);
                    off = off.div_ceil(al) * al + sz;
                    align = align.max(al);
                    ptrs |= p;
                }
                (off.div_ceil(align) * align, align, ptrs)
            }
            Type::Opaque(OpaqueKind::Mutex) => (8, 4, false),
            Type::Opaque(OpaqueKind::RWMutex) => (24, 8, false),
            Type::Opaque(OpaqueKind::WaitGroup) => (16, 8, false),
            Type::Opaque(_) => (8, 8, true),
            Type::Named { .. } | Type::Tuple(_) => (8, 8, true),
        }
    }

    /// Go's spelling of a type, as `%T` prints it: `int`, `[]string`,
    /// `map[string]int`, `chan<- int`, `main.Point`, `*sync.WaitGroup`,
    /// `func(int) string`, `struct { X int }`.
    pub fn name(&self, id: TypeId) -> String {
        let mut s = String::new();
        self.write_name(id, &mut s, 0);
        s
    }

    fn write_name(&self, id: TypeId, out: &mut String, depth: u32) {
        if depth > 32 {
            out.push_str("...");
            return;
        }
        let d = depth + 1;
        match &self.types[id as usize] {
            Type::Basic(k) => out.push_str(match k {
                BasicKind::Uint8 => "uint8",
                BasicKind::Int32 => "int32",
                k => k.name(),
            }),
            Type::Named { pkg, name, .. } => {
                if !pkg.is_empty() {
                    out.push_str(pkg);
                    out.push('.');
                }
                out.push_str(name);
            }
            Type::Pointer(e) => {
                out.push('*');
                self.write_name(*e, out, d);
            }
            Type::Slice(e) => {
                out.push_str("[]");
                self.write_name(*e, out, d);
            }
            Type::Array(n, e) => {
                out.push_str(&format!("[{}]", n));
                self.write_name(*e, out, d);
            }
            Type::Map(k, v) => {
                out.push_str("map[");
                self.write_name(*k, out, d);
                out.push(']');
                self.write_name(*v, out, d);
            }
            Type::Chan(dir, e) => {
                out.push_str(match dir {
                    ChanDir::Both => "chan ",
                    ChanDir::Send => "chan<- ",
                    ChanDir::Recv => "<-chan ",
                });
                // `chan (<-chan int)` needs parentheses to stay unambiguous.
                let paren = *dir == ChanDir::Both && matches!(self.get(*e), Type::Chan(ChanDir::Recv, _));
                if paren {
                    out.push('(');
                }
                self.write_name(*e, out, d);
                if paren {
                    out.push(')');
                }
            }
            Type::Func(sig) => {
                out.push_str("func");
                self.write_sig(sig, out, d);
            }
            Type::Struct(fields) => {
                if fields.is_empty() {
                    out.push_str("struct {}");
                    return;
                }
                out.push_str("struct { ");
                for (i, f) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push_str("; ");
                    }
                    if !f.embedded {
                        out.push_str(&f.name);
                        out.push(' ');
                    }
                    self.write_name(f.ty, out, d);
                }
                out.push_str(" }");
            }
            Type::Interface(ms) => {
                if ms.is_empty() {
                    out.push_str("interface {}");
                    return;
                }
                out.push_str("interface { ");
                for (i, m) in ms.iter().enumerate() {
                    if i > 0 {
                        out.push_str("; ");
                    }
                    out.push_str(&m.name);
                    if let Type::Func(sig) = self.get(m.sig) {
                        self.write_sig(sig, out, d);
                    }
                }
                out.push_str(" }");
            }
            Type::Tuple(ts) => {
                out.push('(');
                for (i, t) in ts.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.write_name(*t, out, d);
                }
                out.push(')');
            }
            Type::Opaque(k) => out.push_str(&format!("{:?}", k)),
        }
    }

    fn write_sig(&self, sig: &Signature, out: &mut String, d: u32) {
        out.push('(');
        for (i, p) in sig.params.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            if sig.variadic && i + 1 == sig.params.len() {
                out.push_str("...");
                match self.get(*p) {
                    Type::Slice(e) => self.write_name(*e, out, d),
                    _ => self.write_name(*p, out, d),
                }
            } else {
                self.write_name(*p, out, d);
            }
        }
        out.push(')');
        match sig.results.len() {
            0 => {}
            1 => {
                out.push(' ');
                self.write_name(sig.results[0], out, d);
            }
            _ => {
                out.push_str(" (");
                for (i, r) in sig.results.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.write_name(*r, out, d);
                }
                out.push(')');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_ids_and_names() {
        let mut t = TypeTable::new();
        assert_eq!(t.name(consts::INT), "int");
        assert_eq!(t.name(consts::ERROR), "error");
        assert_eq!(t.name(consts::ANY), "interface {}");
        let s = t.intern(Type::Slice(consts::STRING));
        assert_eq!(t.name(s), "[]string");
        let m = t.intern(Type::Map(consts::STRING, s));
        assert_eq!(t.name(m), "map[string][]string");
        let c = t.intern(Type::Chan(ChanDir::Recv, consts::INT));
        assert_eq!(t.name(c), "<-chan int");
        let f = t.intern(Type::Func(Signature { params: vec![consts::INT, s], results: vec![consts::BOOL], variadic: true }));
        assert_eq!(t.name(f), "func(int, ...string) bool");
        assert_eq!(t.intern(Type::Slice(consts::STRING)), s);
        let p = t.push_named("main", "Point", consts::EMPTY_STRUCT);
        assert_eq!(t.name(p), "main.Point");
    }
}
