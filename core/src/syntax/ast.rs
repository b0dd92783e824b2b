//! The syntax tree of a Go source file, as the parser produces it.
//!
//! The tree is close to `go/ast`, but only for what chanscope's subset needs.
//! Constructs outside the subset that are still parsed (generics, goto, ...)
//! are kept so the checker can answer with a located
//! `chanscope does not support X yet` instead of a confusing syntax error.
//!
//! Every node carries the position of its first token (Go reports most
//! errors there). Depth is bounded by the parser (`MAX_NESTING`), so the
//! recursive walks over this tree in later passes cannot overflow the stack.

use crate::diag::Pos;

#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    pub name: String,
    pub pos: Pos,
}

#[derive(Clone, Debug, PartialEq)]
pub struct File {
    pub package: Ident,
    pub imports: Vec<Import>,
    pub decls: Vec<Decl>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    /// The import path without quotes, e.g. `sync/atomic`.
    pub path: String,
    /// `import f "fmt"`; `_` and `.` are kept as names.
    pub alias: Option<Ident>,
    /// Position of the path literal (Go reports unused imports there).
    pub pos: Pos,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Decl {
    Func(FuncDecl),
    Var(Vec<VarSpec>),
    Const(Vec<ConstSpec>),
    Type(Vec<TypeSpec>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct FuncDecl {
    pub name: Ident,
    /// Method receiver, e.g. `(c *Counter)`.
    pub recv: Option<Param>,
    /// Type parameters `[T any]` (generics): parsed only to be rejected.
    pub type_params: Vec<TypeParam>,
    pub sig: FuncType,
    /// `None` for a declaration without body (not valid in `package main`
    /// without assembly; the checker reports it).
    pub body: Option<Block>,
    /// Position of the `func` keyword.
    pub pos: Pos,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TypeParam {
    pub names: Vec<Ident>,
    pub constraint: TypeExpr,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FuncType {
    pub params: Vec<Param>,
    pub results: Vec<Param>,
    /// The last parameter is `...T`; its `ty` is `T`.
    pub variadic: bool,
    pub pos: Pos,
}

/// One parameter or result. Grouped names are split: `a, b int` gives two
/// `Param`s with the same type.
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub name: Option<Ident>,
    pub ty: TypeExpr,
}

#[derive(Clone, Debug, PartialEq)]
pub struct VarSpec {
    pub names: Vec<Ident>,
    pub ty: Option<TypeExpr>,
    pub values: Vec<Expr>,
    pub pos: Pos,
}

/// A constant spec. The parser fills in Go's implicit repetition: a spec
/// without type and values inside a `const (...)` group gets copies of the
/// previous spec's `ty` and `values`, and `iota` is its index in the group.
#[derive(Clone, Debug, PartialEq)]
pub struct ConstSpec {
    pub names: Vec<Ident>,
    pub ty: Option<TypeExpr>,
    pub values: Vec<Expr>,
    pub iota: u32,
    /// True when `ty`/`values` were copied from the previous spec.
    pub implicit: bool,
    pub pos: Pos,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TypeSpec {
    pub name: Ident,
    pub type_params: Vec<TypeParam>,
    /// `type A = B`.
    pub alias: bool,
    pub ty: TypeExpr,
    pub pos: Pos,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChanDir {
    Both,
    /// `chan<- T`
    Send,
    /// `<-chan T`
    Recv,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TypeExpr {
    /// `int`, `MyType` (also a type parameter name).
    Name(Ident),
    /// `sync.WaitGroup`, `time.Duration`.
    Qualified(Ident, Ident),
    Pointer(Box<TypeExpr>, Pos),
    Slice(Box<TypeExpr>, Pos),
    /// `[N]T`; `len` is `None` for `[...]T` in composite literals.
    Array(Option<Box<Expr>>, Box<TypeExpr>, Pos),
    Map(Box<TypeExpr>, Box<TypeExpr>, Pos),
    Chan(ChanDir, Box<TypeExpr>, Pos),
    Func(FuncType),
    Struct(Vec<FieldDecl>, Pos),
    Interface(Vec<InterfaceElem>, Pos),
    /// A generic instantiation `List[int]`: parsed only to be rejected.
    Generic(Box<TypeExpr>, Vec<TypeExpr>, Pos),
}

impl TypeExpr {
    pub fn pos(&self) -> Pos {
        match self {
            TypeExpr::Name(id) => id.pos,
            TypeExpr::Qualified(pkg, _) => pkg.pos,
            TypeExpr::Pointer(_, p)
            | TypeExpr::Slice(_, p)
            | TypeExpr::Array(_, _, p)
            | TypeExpr::Map(_, _, p)
            | TypeExpr::Chan(_, _, p)
            | TypeExpr::Struct(_, p)
            | TypeExpr::Interface(_, p)
            | TypeExpr::Generic(_, _, p) => *p,
            TypeExpr::Func(f) => f.pos,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct FieldDecl {
    /// Empty for an embedded field (`sync.Mutex`, `*Base`).
    pub names: Vec<Ident>,
    pub ty: TypeExpr,
    pub tag: Option<String>,
    pub pos: Pos,
}

#[derive(Clone, Debug, PartialEq)]
pub enum InterfaceElem {
    Method { name: Ident, sig: FuncType },
    /// An embedded interface, or a type-set term (`~int | string`, rejected).
    Embed(TypeExpr),
    /// A union or `~T` constraint term: parsed only to be rejected.
    TypeSet(Pos),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    /// Position of `{`.
    pub pos: Pos,
    /// Position of `}`.
    pub end: Pos,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    And,    // &
    Or,     // |
    Xor,    // ^
    AndNot, // &^
    Shl,
    Shr,
    LAnd, // &&
    LOr,  // ||
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl BinOp {
    pub fn as_str(self) -> &'static str {
        use BinOp::*;
        match self {
            Add => "+",
            Sub => "-",
            Mul => "*",
            Div => "/",
            Rem => "%",
            And => "&",
            Or => "|",
            Xor => "^",
            AndNot => "&^",
            Shl => "<<",
            Shr => ">>",
            LAnd => "&&",
            LOr => "||",
            Eq => "==",
            Ne => "!=",
            Lt => "<",
            Le => "<=",
            Gt => ">",
            Ge => ">=",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnOp {
    Pos,  // +x
    Neg,  // -x
    Not,  // !x
    Xor,  // ^x
    Addr, // &x
    Recv, // <-x
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub pos: Pos,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Ident(String),
    /// Integer literal; the value of `0x1F`, `0b101`, `1_000`, `'a'` is not
    /// here (runes are `Rune`). Values above i128 are a parse error.
    Int(i128),
    Float(f64),
    /// Imaginary literals (`2i`): parsed only to be rejected.
    Imag,
    Rune(u32),
    /// Decoded string literal: Go strings are bytes, so `"\xff"` is kept.
    Str(Vec<u8>),
    /// `T{...}`; `ty` is `None` for an elided inner literal `{1, 2}`.
    Composite { ty: Option<Box<TypeExpr>>, elems: Vec<Element> },
    FuncLit { sig: FuncType, body: Block },
    Paren(Box<Expr>),
    Selector(Box<Expr>, Ident),
    Index(Box<Expr>, Box<Expr>),
    /// `x[a, b]`: only generic instantiation uses it; rejected.
    IndexList(Box<Expr>, Vec<Expr>),
    Slice { x: Box<Expr>, lo: Option<Box<Expr>>, hi: Option<Box<Expr>>, max: Option<Box<Expr>> },
    /// `x.(T)`; `ty` is `None` for `x.(type)` (only valid in a type switch).
    TypeAssert(Box<Expr>, Option<Box<TypeExpr>>),
    Call { func: Box<Expr>, args: Vec<Expr>, ellipsis: bool },
    /// `*x`: a dereference, or a pointer type in type position.
    Star(Box<Expr>),
    Unary(UnOp, Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// A type written where an expression may stand: `[]int`, `map[K]V`,
    /// `chan int`, `func(int) bool`, `struct{}`, `interface{}`, `[3]int`
    /// (e.g. the first argument of `make`, or a conversion `[]byte(s)`).
    Type(Box<TypeExpr>),
}

/// One element of a composite literal: `value` or `key: value`.
#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    pub key: Option<Expr>,
    pub value: Expr,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Stmt {
    Expr(Expr),
    Var(Vec<VarSpec>),
    Const(Vec<ConstSpec>),
    Type(Vec<TypeSpec>),
    /// `a, b := x, y`. For `ShortVar`, `Assign`, `IncDec` and `Send`, `pos`
    /// is the operator (`:=`, `=`, `+=`, `++`, `<-`), where cmd/compile
    /// reports statement-level errors.
    ShortVar { names: Vec<Ident>, values: Vec<Expr>, pos: Pos },
    /// `a, b = x, y`, or `a += x` when `op` is `Some(Add)`.
    Assign { lhs: Vec<Expr>, rhs: Vec<Expr>, op: Option<BinOp>, pos: Pos },
    IncDec { target: Expr, inc: bool, pos: Pos },
    Send { ch: Expr, value: Expr, pos: Pos },
    Go(Expr, Pos),
    Defer(Expr, Pos),
    Return(Vec<Expr>, Pos),
    Break(Option<Ident>, Pos),
    Continue(Option<Ident>, Pos),
    Goto(Ident, Pos),
    Fallthrough(Pos),
    Block(Block),
    If {
        init: Option<Box<Stmt>>,
        cond: Expr,
        then: Block,
        /// Another `If` or a `Block`.
        els: Option<Box<Stmt>>,
        pos: Pos,
    },
    For {
        init: Option<Box<Stmt>>,
        cond: Option<Expr>,
        post: Option<Box<Stmt>>,
        body: Block,
        pos: Pos,
    },
    /// `for k, v := range x` (`define`), `for k, v = range x`, `for range x`.
    Range {
        key: Option<Expr>,
        value: Option<Expr>,
        define: bool,
        expr: Expr,
        body: Block,
        pos: Pos,
    },
    Switch {
        init: Option<Box<Stmt>>,
        tag: Option<Expr>,
        cases: Vec<CaseClause>,
        pos: Pos,
    },
    /// `switch v := x.(type) { ... }`
    TypeSwitch {
        init: Option<Box<Stmt>>,
        bind: Option<Ident>,
        /// The operand `x` of `x.(type)` (the assertion itself is implied).
        expr: Expr,
        cases: Vec<TypeCaseClause>,
        pos: Pos,
    },
    Select { cases: Vec<CommClause>, pos: Pos },
    Labeled { label: Ident, stmt: Box<Stmt> },
    Empty(Pos),
}

#[derive(Clone, Debug, PartialEq)]
pub struct CaseClause {
    /// Empty for `default`.
    pub exprs: Vec<Expr>,
    pub is_default: bool,
    pub body: Vec<Stmt>,
    pub pos: Pos,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TypeCaseClause {
    /// `None` stands for `nil`.
    pub types: Vec<Option<TypeExpr>>,
    pub is_default: bool,
    pub body: Vec<Stmt>,
    pub pos: Pos,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CommClause {
    /// `None` for `default`; otherwise a `Send`, an `Expr` that is a receive
    /// `<-ch`, or a `ShortVar`/`Assign` whose single right side is a receive.
    pub comm: Option<Box<Stmt>>,
    pub body: Vec<Stmt>,
    pub pos: Pos,
}

impl Stmt {
    pub fn pos(&self) -> Pos {
        match self {
            Stmt::Expr(e) => e.pos,
            Stmt::Var(v) => v.first().map(|s| s.pos).unwrap_or_default(),
            Stmt::Const(v) => v.first().map(|s| s.pos).unwrap_or_default(),
            Stmt::Type(v) => v.first().map(|s| s.pos).unwrap_or_default(),
            Stmt::Labeled { label, .. } => label.pos,
            Stmt::Block(b) => b.pos,
            Stmt::ShortVar { pos, .. }
            | Stmt::Assign { pos, .. }
            | Stmt::IncDec { pos, .. }
            | Stmt::Send { pos, .. }
            | Stmt::Go(_, pos)
            | Stmt::Defer(_, pos)
            | Stmt::Return(_, pos)
            | Stmt::Break(_, pos)
            | Stmt::Continue(_, pos)
            | Stmt::Goto(_, pos)
            | Stmt::Fallthrough(pos)
            | Stmt::If { pos, .. }
            | Stmt::For { pos, .. }
            | Stmt::Range { pos, .. }
            | Stmt::Switch { pos, .. }
            | Stmt::TypeSwitch { pos, .. }
            | Stmt::Select { pos, .. }
            | Stmt::Empty(pos) => *pos,
        }
    }
}
