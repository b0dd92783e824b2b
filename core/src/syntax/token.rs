//! Tokens produced by the lexer and consumed by the nom grammar.

use crate::diag::Pos;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Ident,
    Keyword,
    Int,
    Float,
    Imag,
    Rune,
    /// Interpreted string literal, text includes the quotes.
    Str,
    /// Raw string literal, text includes the backquotes.
    RawStr,
    /// Operators and punctuation; `text` is the operator itself.
    Op,
    /// Explicit `;` (text "semicolon") or inserted by the newline rule
    /// (text "newline" or "EOF"), which is what Go prints in messages.
    Semi,
    Eof,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    pub kind: Kind,
    pub text: &'a str,
    pub pos: Pos,
}

impl<'a> Token<'a> {
    pub fn is_op(&self, s: &str) -> bool {
        self.kind == Kind::Op && self.text == s
    }

    pub fn is_kw(&self, s: &str) -> bool {
        self.kind == Kind::Keyword && self.text == s
    }

    /// How cmd/compile names the token in "unexpected X".
    pub fn describe(&self) -> String {
        match self.kind {
            Kind::Ident => format!("name {}", self.text),
            Kind::Keyword => format!("keyword {}", self.text),
            Kind::Semi | Kind::Eof => self.text.to_string(),
            Kind::Op if self.text == "," => "comma".to_string(),
            Kind::Op => self.text.to_string(),
            _ => format!("literal {}", self.text),
        }
    }
}

pub const KEYWORDS: [&str; 25] = [
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
];

/// Go's rule: a newline after one of these tokens becomes a semicolon.
pub fn ends_statement(t: &Token<'_>) -> bool {
    match t.kind {
        Kind::Ident
        | Kind::Int
        | Kind::Float
        | Kind::Imag
        | Kind::Rune
        | Kind::Str
        | Kind::RawStr => true,
        Kind::Keyword => matches!(t.text, "break" | "continue" | "fallthrough" | "return"),
        Kind::Op => matches!(t.text, "++" | "--" | ")" | "]" | "}"),
        Kind::Semi | Kind::Eof => false,
    }
}
