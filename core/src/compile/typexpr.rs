//! Type expressions and the relations between types (assignability,
//! convertibility, comparability), following the Go spec.

use crate::diag::Pos;
use crate::syntax::ast::{self, TypeExpr};
use crate::types::{consts as tc, BasicKind, ChanDir, Field, Signature, Type, TypeId, MAX_FLAT_LEN};

use super::consts::represent;
use super::func::Local;
use super::operand::{Mode, Operand};
use super::vars::Found;
use super::{Compiler, Entity};

/// Why an assignment is refused, when Go adds a reason.
pub enum Refusal {
    Plain,
    /// "(overflows)" / "(truncated)".
    Suffix(&'static str),
}

pub fn universe_type(name: &str) -> Option<TypeId> {
    Some(match name {
        "bool" => tc::BOOL,
        "int" => tc::INT,
        "int8" => tc::INT8,
        "int16" => tc::INT16,
        "int32" | "rune" => tc::INT32,
        "int64" => tc::INT64,
        "uint" => tc::UINT,
        "uint8" | "byte" => tc::UINT8,
        "uint16" => tc::UINT16,
        "uint32" => tc::UINT32,
        "uint64" => tc::UINT64,
        "uintptr" => tc::UINTPTR,
        "float32" => tc::FLOAT32,
        "float64" => tc::FLOAT64,
        "string" => tc::STRING,
        "error" => tc::ERROR,
        "any" => tc::ANY,
        _ => return None,
    })
}

/// The implicit name of an embedded field: the type name without package
/// or `*`.
pub fn embedded_name(t: &TypeExpr) -> Option<String> {
    match t {
        TypeExpr::Name(id) => Some(id.name.clone()),
        TypeExpr::Qualified(_, id) => Some(id.name.clone()),
        TypeExpr::Pointer(e, _) => match &**e {
            TypeExpr::Name(id) | TypeExpr::Qualified(_, id) => Some(id.name.clone()),
            _ => None,
        },
        _ => None,
    }
}

impl Compiler<'_> {
    pub fn resolve_type(&mut self, t: &TypeExpr) -> TypeId {
        match t {
            TypeExpr::Name(id) => self.resolve_type_name(id),
            TypeExpr::Qualified(pkg, name) => self.lib_type(pkg, name),
            TypeExpr::Pointer(e, _) => {
                let e = self.resolve_type(e);
                self.types.intern(Type::Pointer(e))
            }
            TypeExpr::Slice(e, _) => {
                let e = self.resolve_type(e);
                self.types.intern(Type::Slice(e))
            }
            TypeExpr::Array(len, e, pos) => {
                let n = match len {
                    Some(l) => self.array_len(l),
                    None => {
                        self.err(
                            *pos,
                            "invalid use of [...] array (outside a composite literal)",
                        );
                        0
                    }
                };
                let e = self.resolve_type(e);
                let t = self.types.intern(Type::Array(n, e));
                self.check_type_size(t, *pos);
                t
            }
            TypeExpr::Map(kt, v, pos) => {
                let k = self.resolve_type(kt);
                let v = self.resolve_type(v);
                if k != tc::INVALID && !self.comparable(k) {
                    let n = self.types.name(k);
                    let _ = pos;
                    self.err(kt.pos(), format!("invalid map key type {}", n));
                }
                self.types.intern(Type::Map(k, v))
            }
            TypeExpr::Chan(dir, e, _) => {
                let e = self.resolve_type(e);
                self.types.intern(Type::Chan(*dir, e))
            }
            TypeExpr::Func(ft) => self.resolve_sig(ft),
            TypeExpr::Struct(fields, pos) => {
                let t = self.resolve_struct(fields);
                self.check_type_size(t, *pos);
                t
            }
            TypeExpr::Interface(elems, pos) => self.resolve_interface(elems, *pos),
            TypeExpr::Generic(_, _, pos) => {
                self.unsupported(*pos, "generics");
                tc::INVALID
            }
        }
    }

    fn resolve_type_name(&mut self, id: &ast::Ident) -> TypeId {
        match self.lookup(&id.name) {
            Found::Local(Local::Type(t)) | Found::Pkg(Entity::Type(t)) => return t,
            Found::None => {}
            _ => {
                self.err(id.pos, format!("{} is not a type", id.name));
                return tc::INVALID;
            }
        }
        if let Some(t) = universe_type(&id.name) {
            return t;
        }
        if id.name == "complex64" || id.name == "complex128" {
            self.unsupported(id.pos, "complex numbers");
            return tc::INVALID;
        }
        if id.name == "comparable" {
            self.unsupported(id.pos, "generics");
            return tc::INVALID;
        }
        self.err(id.pos, format!("undefined: {}", id.name));
        tc::INVALID
    }

    /// Refuses array and struct types whose values would hold more than
    /// `MAX_FLAT_LEN` values: one value of such a type takes unbounded
    /// work to zero, compare or print. Reported where the limit is
    /// crossed, not again for every type containing that one.
    pub(super) fn check_type_size(&mut self, ty: TypeId, pos: Pos) {
        let t = self.types.underlying(ty);
        if self.too_large.contains(&t) || self.types.flat_len(t) <= MAX_FLAT_LEN {
            return;
        }
        self.too_large.insert(t);
        let parts: Vec<TypeId> = match self.types.get(t) {
            Type::Array(_, e) => vec![*e],
            Type::Struct(fields) => fields.iter().map(|f| f.ty).collect(),
            _ => Vec::new(),
        };
        if parts.iter().all(|&p| self.types.flat_len(p) <= MAX_FLAT_LEN) {
            self.unsupported(pos, "types this large");
        }
    }

    fn array_len(&mut self, e: &ast::Expr) -> u64 {
        self.pending_types.const_depth += 1;
        let op = self.const_expr(e);
        self.pending_types.const_depth -= 1;
        match op.const_val().and_then(|v| v.as_int()) {
            Some(n) if (0..=(1 << 40)).contains(&n) => n as u64,
            Some(_) => {
                self.err(e.pos, format!("invalid array length {}", self.expr_text(e)));
                0
            }
            None => {
                if !op.is_invalid() {
                    self.err(
                        e.pos,
                        format!("array length {} must be constant", self.describe(e, &op)),
                    );
                }
                0
            }
        }
    }

    pub fn resolve_sig(&mut self, ft: &ast::FuncType) -> TypeId {
        let mut params: Vec<TypeId> = ft.params.iter().map(|p| self.resolve_type(&p.ty)).collect();
        if ft.variadic {
            if let Some(last) = params.last_mut() {
                *last = self.types.intern(Type::Slice(*last));
            }
        }
        let results = ft
            .results
            .iter()
            .map(|p| self.resolve_type(&p.ty))
            .collect();
        self.types.intern(Type::Func(Signature {
            params,
            results,
            variadic: ft.variadic,
        }))
    }

    fn resolve_struct(&mut self, fields: &[ast::FieldDecl]) -> TypeId {
        let mut out = Vec::new();
        for fd in fields {
            if fd.names.is_empty() {
                let ty = self.resolve_type(&fd.ty);
                let Some(name) = embedded_name(&fd.ty) else {
                    self.err(fd.pos, "invalid embedded field type");
                    continue;
                };
                if out.iter().any(|f: &Field| f.name == name) {
                    self.err(fd.pos, format!("{} redeclared", name));
                }
                self.check_embeddable(ty, fd);
                out.push(Field { name, ty, embedded: true });
                continue;
            }
            let ty = self.resolve_type(&fd.ty);
            for n in &fd.names {
                if n.name != "_" && out.iter().any(|f: &Field| f.name == n.name) {
                    self.err(n.pos, format!("{} redeclared", n.name));
                }
                out.push(Field {
                    name: n.name.clone(),
                    ty,
                    embedded: false,
                });
            }
        }
        self.types.intern(Type::Struct(out))
    }

    /// `interface { M(); Embedded }`: the method set, sorted by name.
    fn resolve_interface(&mut self, elems: &[ast::InterfaceElem], pos: Pos) -> TypeId {
        let mut ms: Vec<crate::types::IfaceMethod> = Vec::new();
        let add = |c: &mut Compiler<'_>, ms: &mut Vec<crate::types::IfaceMethod>, m: crate::types::IfaceMethod, at: Pos| {
            match ms.iter().find(|x| x.name == m.name) {
                Some(x) if x.sig != m.sig => c.err(at, format!("duplicate method {}", m.name)),
                Some(_) => {}
                None => ms.push(m),
            }
        };
        for el in elems {
            match el {
                ast::InterfaceElem::Method { name, sig } => {
                    let sig = self.resolve_sig(sig);
                    if ms.iter().any(|x| x.name == name.name) {
                        self.err(name.pos, format!("duplicate method {}", name.name));
                        continue;
                    }
                    add(self, &mut ms, crate::types::IfaceMethod { name: name.name.clone(), sig }, name.pos);
                }
                ast::InterfaceElem::Embed(t) => {
                    let et = self.resolve_type(t);
                    if et == tc::INVALID {
                        continue;
                    }
                    match self.types.under(et).clone() {
                        Type::Interface(ems) => {
                            for m in ems {
                                add(self, &mut ms, m, t.pos());
                            }
                        }
                        _ => self.unsupported(t.pos(), "interfaces with type constraints (generics)"),
                    }
                }
                ast::InterfaceElem::TypeSet(p) => self.unsupported(*p, "generics"),
            }
        }
        let _ = pos;
        ms.sort_by(|a, b| a.name.cmp(&b.name));
        self.types.intern(Type::Interface(ms))
    }

    /// Go's rules for an embedded field `T` or `*T`.
    fn check_embeddable(&mut self, ty: TypeId, fd: &ast::FieldDecl) {
        if let Type::Pointer(b) = self.types.get(ty).clone() {
            if matches!(self.types.get(b), Type::Pointer(_)) || self.types.is_interface(b) {
                self.err(fd.pos, "embedded field type cannot be a pointer to an interface");
            }
        }
    }

    pub fn sig(&self, ty: TypeId) -> Option<Signature> {
        match self.types.under(ty) {
            Type::Func(s) => Some(s.clone()),
            _ => None,
        }
    }

    /// Basic types count as named for assignability, as in Go.
    fn named_or_basic(&self, t: TypeId) -> bool {
        matches!(self.types.get(t), Type::Named { .. } | Type::Basic(_))
    }

    pub fn implements_error(&self, t: TypeId) -> bool {
        t == tc::ERROR
            || t == tc::PTR_ERROR_STRING
            || t == tc::PTR_WRAP_ERROR
            || self.types.underlying(t) == tc::UNDERLYING_ERROR
    }

    /// Whether `op` may be assigned to a variable of type `to`.
    pub fn assignable(&self, op: &Operand, to: TypeId) -> Result<(), Refusal> {
        let from = op.ty;
        if op.is_invalid() || to == tc::INVALID || from == to {
            return Ok(());
        }
        let tu = self.types.underlying(to);
        if let Mode::Nil = op.mode {
            return match self.types.get(tu) {
                Type::Pointer(_)
                | Type::Slice(_)
                | Type::Map(..)
                | Type::Chan(..)
                | Type::Func(_)
                | Type::Interface(_) => Ok(()),
                _ => Err(Refusal::Plain),
            };
        }
        if self.is_untyped(from) {
            if tu == tc::ANY {
                return Ok(());
            }
            let Some(kind) = self.types.basic(to) else {
                return Err(Refusal::Plain);
            };
            let fk = self.types.basic(from).unwrap_or(BasicKind::Invalid);
            let compatible = match fk {
                BasicKind::UntypedBool => kind == BasicKind::Bool,
                BasicKind::UntypedString => kind == BasicKind::String,
                _ => kind.is_numeric(),
            };
            if !compatible {
                return Err(Refusal::Plain);
            }
            if let Mode::Const(v) = &op.mode {
                return match represent(v, kind) {
                    Ok(_) => Ok(()),
                    Err(super::consts::Misfit::Overflows) => Err(Refusal::Suffix("overflows")),
                    Err(super::consts::Misfit::Truncated) => Err(Refusal::Suffix("truncated")),
                    Err(_) => Err(Refusal::Plain),
                };
            }
            return Ok(());
        }
        let fu = self.types.underlying(from);
        if fu == tu
            && (!self.named_or_basic(from) || !self.named_or_basic(to))
            && !self.types.is_interface(to)
        {
            return Ok(());
        }
        if let Type::Interface(ms) = self.types.get(tu) {
            if ms.is_empty() {
                return Ok(());
            }
            if tu == tc::UNDERLYING_ERROR && self.implements_error(from) {
                return Ok(());
            }
            return self.implements(from, to).map_err(|_| Refusal::Plain);
        }
        if let (Type::Chan(ChanDir::Both, e1), Type::Chan(_, e2)) =
            (self.types.get(fu), self.types.get(tu))
        {
            if e1 == e2 && (!self.types.is_named(from) || !self.types.is_named(to)) {
                return Ok(());
            }
        }
        Err(Refusal::Plain)
    }

    /// Whether a (non-constant) value of type `from` converts to `to`.
    pub fn convertible(&self, from: TypeId, to: TypeId) -> bool {
        let (fu, tu) = (self.types.underlying(from), self.types.underlying(to));
        if fu == tu || from == tc::INVALID || to == tc::INVALID {
            return true;
        }
        let probe = Operand::value(0, from);
        if self.assignable(&probe, to).is_ok() {
            return true;
        }
        // Go 1.20: a slice converts to an array of its element type.
        if let (Type::Slice(a), Type::Array(_, b)) = (self.types.get(fu), self.types.get(tu)) {
            return a == b;
        }
        if let (Type::Pointer(a), Type::Pointer(b)) = (self.types.get(fu), self.types.get(tu)) {
            return self.types.underlying(*a) == self.types.underlying(*b);
        }
        let (fb, tb) = (self.types.basic(from), self.types.basic(to));
        if let (Some(a), Some(b)) = (fb, tb) {
            if a.is_numeric() && b.is_numeric() {
                return true;
            }
            if a.is_integer() && b == BasicKind::String {
                return true;
            }
        }
        let is_str =
            |b: Option<BasicKind>| matches!(b, Some(BasicKind::String | BasicKind::UntypedString));
        let bytes_or_runes = |t: TypeId| matches!(self.types.get(t), Type::Slice(e) if matches!(self.types.basic(*e), Some(BasicKind::Uint8 | BasicKind::Int32)));
        (is_str(fb) && bytes_or_runes(tu)) || (is_str(tb) && bytes_or_runes(fu))
    }

    /// The field (or element) type that makes struct or array `t`
    /// incomparable.
    pub fn incomparable_part(&self, t: TypeId) -> Option<TypeId> {
        match self.types.under(t) {
            Type::Struct(fs) => fs.iter().find(|f| !self.comparable(f.ty)).map(|f| f.ty),
            Type::Array(_, e) if !self.comparable(*e) => Some(*e),
            _ => None,
        }
    }

    pub fn comparable(&self, t: TypeId) -> bool {
        self.types.comparable(t)
    }

    pub fn is_kind(&self, t: TypeId, p: impl Fn(BasicKind) -> bool) -> bool {
        self.types.basic(t).map(p).unwrap_or(false)
    }
}
