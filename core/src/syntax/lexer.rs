//! The lexer: nom parsers over `&str` for each token class, plus Go's
//! automatic semicolon insertion.
//!
//! Lexing never stops early: like Go's scanner it records the first error
//! and keeps producing tokens, so the parser can still report the syntax
//! error Go prints next to it.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_till, take_until, take_while, take_while1};
use nom::character::complete::{anychar, char, one_of};
use nom::combinator::{opt, recognize, verify};
use nom::multi::many0;
use nom::sequence::pair;
use nom::{IResult, Parser};

use super::literal;
use super::token::{ends_statement, Kind, Token, KEYWORDS};
use crate::diag::{Diagnostic, Pos};

type LResult<'a, O> = IResult<&'a str, O>;

fn is_letter(c: char) -> bool {
    c == '_' || c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic())
}

fn is_ident_char(c: char) -> bool {
    is_letter(c) || c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric())
}

fn ident(i: &str) -> LResult<'_, &str> {
    recognize(pair(take_while1(is_letter), take_while(is_ident_char))).parse(i)
}

fn dec_digits(i: &str) -> LResult<'_, &str> {
    take_while(|c: char| c.is_ascii_digit() || c == '_').parse(i)
}

fn hex_digits(i: &str) -> LResult<'_, &str> {
    take_while(|c: char| c.is_ascii_hexdigit() || c == '_').parse(i)
}

fn exponent(i: &str) -> LResult<'_, &str> {
    recognize((one_of("eEpP"), opt(one_of("+-")), dec_digits)).parse(i)
}

/// Recognizes as much as Go's scanner would take for a number; validity
/// (digits of the base, exponent rules) is checked afterwards so the
/// messages can match Go's.
fn number(i: &str) -> LResult<'_, &str> {
    let hex = recognize((
        alt((tag("0x"), tag("0X"))),
        hex_digits,
        opt(pair(char('.'), hex_digits)),
        opt(recognize((one_of("pP"), opt(one_of("+-")), dec_digits))),
    ));
    let other_base = recognize((
        alt((tag("0b"), tag("0B"), tag("0o"), tag("0O"))),
        dec_digits,
        opt(pair(char('.'), dec_digits)),
    ));
    let decimal = recognize((
        alt((
            recognize((
                verify(dec_digits, |s: &str| !s.is_empty() && !s.starts_with('_')),
                opt(pair(char('.'), dec_digits)),
            )),
            recognize((
                char('.'),
                verify(dec_digits, |s: &str| {
                    s.starts_with(|c: char| c.is_ascii_digit())
                }),
            )),
        )),
        opt(exponent),
    ));
    recognize(pair(alt((hex, other_base, decimal)), opt(char('i')))).parse(i)
}

/// An interpreted string or rune body: stops before the closing quote, a
/// newline or the end of input.
fn quoted_body(quote: char) -> impl FnMut(&str) -> LResult<'_, &str> {
    move |i| {
        recognize(many0(alt((
            take_while1(move |c| c != quote && c != '\\' && c != '\n'),
            recognize(pair(char('\\'), verify(anychar, |&c| c != '\n'))),
            tag("\\"),
        ))))
        .parse(i)
    }
}

const OPS3: [&str; 4] = ["<<=", ">>=", "&^=", "..."];
const OPS2: [&str; 20] = [
    "&&", "||", "<-", "++", "--", "==", "!=", "<=", ">=", ":=", "+=", "-=", "*=", "/=", "%=", "&=",
    "|=", "^=", "<<", ">>",
];
const OPS1: &str = "+-*/%&|^<>=!()[]{},;.:~";

fn operator(i: &str) -> LResult<'_, &str> {
    let three = |i| alt((tag(OPS3[0]), tag(OPS3[1]), tag(OPS3[2]), tag(OPS3[3]))).parse(i);
    fn two(i: &str) -> LResult<'_, &str> {
        let k = OPS2
            .iter()
            .position(|op| i.starts_with(op))
            .or_else(|| i.starts_with("&^").then_some(usize::MAX));
        match k {
            Some(usize::MAX) => tag("&^").parse(i),
            Some(k) => tag(OPS2[k]).parse(i),
            None => Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Tag,
            ))),
        }
    }
    alt((three, two, recognize(one_of(OPS1)))).parse(i)
}

struct Lexer<'a> {
    src: &'a str,
    rest: &'a str,
    line: u32,
    line_start: usize,
    toks: Vec<Token<'a>>,
    error: Option<Diagnostic>,
}

impl<'a> Lexer<'a> {
    fn offset(&self) -> usize {
        self.src.len() - self.rest.len()
    }

    fn pos_at(&self, off: usize) -> Pos {
        Pos::new(self.line, (off - self.line_start + 1) as u32)
    }

    fn pos(&self) -> Pos {
        self.pos_at(self.offset())
    }

    /// Moves past `n` bytes, keeping line bookkeeping in step.
    fn bump(&mut self, n: usize) {
        let start = self.offset();
        for (k, b) in self.rest.as_bytes()[..n].iter().enumerate() {
            if *b == b'\n' {
                self.line += 1;
                self.line_start = start + k + 1;
            }
        }
        self.rest = &self.rest[n..];
    }

    fn error(&mut self, pos: Pos, msg: impl Into<String>) {
        if self.error.is_none() {
            self.error = Some(Diagnostic::new(pos, msg));
        }
    }

    fn needs_semi(&self) -> bool {
        self.toks.last().is_some_and(ends_statement)
    }

    fn push(&mut self, kind: Kind, text: &'a str, pos: Pos) {
        self.toks.push(Token { kind, text, pos });
    }

    /// Skips blanks and comments; returns the position of an implied
    /// newline (a real one, or a comment spanning lines) if one was crossed.
    fn skip_blank(&mut self) -> Option<Pos> {
        let mut newline = None;
        loop {
            let mut blank = take_while::<_, _, nom::error::Error<&str>>(|c| {
                c == ' ' || c == '\t' || c == '\r' || c == '\n'
            });
            if let Ok((_, ws)) = blank.parse(self.rest) {
                if let Some(k) = ws.find('\n') {
                    newline.get_or_insert(self.pos_at(self.offset() + k));
                }
                self.bump(ws.len());
            }
            if self.rest.starts_with("//") {
                let (_, c) = take_till::<_, _, nom::error::Error<&str>>(|c| c == '\n')
                    .parse(self.rest)
                    .unwrap_or(("", ""));
                self.bump(c.len());
                continue;
            }
            if self.rest.starts_with("/*") {
                let start = self.pos();
                match take_until::<_, _, nom::error::Error<&str>>("*/").parse(&self.rest[2..]) {
                    Ok((_, body)) => {
                        if body.contains('\n') {
                            newline.get_or_insert(start);
                        }
                        self.bump(body.len() + 4);
                    }
                    Err(_) => {
                        self.error(start, "comment not terminated");
                        let n = self.rest.len();
                        self.bump(n);
                    }
                }
                continue;
            }
            return newline;
        }
    }

    fn run(&mut self) {
        loop {
            let newline = self.skip_blank();
            if let Some(p) = newline {
                if self.needs_semi() {
                    self.push(Kind::Semi, "newline", p);
                }
            }
            let pos = self.pos();
            if self.rest.is_empty() {
                if self.needs_semi() {
                    self.push(Kind::Semi, "EOF", pos);
                }
                self.push(Kind::Eof, "EOF", pos);
                return;
            }
            self.token(pos);
        }
    }

    fn token(&mut self, pos: Pos) {
        let rest = self.rest;
        let first = rest.chars().next().unwrap_or('\0');
        if let Ok((_, word)) = ident(rest) {
            let kind = if KEYWORDS.contains(&word) {
                Kind::Keyword
            } else {
                Kind::Ident
            };
            self.push(kind, word, pos);
            self.bump(word.len());
        } else if let Ok((_, text)) = number(rest) {
            let kind = literal::check_number(text).unwrap_or_else(|(off, msg)| {
                self.error(Pos::new(pos.line, pos.col + off as u32), msg);
                if text.contains(['.', 'e', 'E', 'p', 'P']) && !text.starts_with("0x") {
                    Kind::Float
                } else {
                    Kind::Int
                }
            });
            self.push(kind, text, pos);
            self.bump(text.len());
        } else if first == '"' || first == '\'' {
            self.quoted(first, pos);
        } else if first == '`' {
            self.raw_string(pos);
        } else if let Ok((_, op)) = operator(rest) {
            let kind = if op == ";" { Kind::Semi } else { Kind::Op };
            self.push(kind, if op == ";" { "semicolon" } else { op }, pos);
            self.bump(op.len());
        } else {
            self.error(
                pos,
                format!("invalid character {}", literal::fmt_u(first as u32)),
            );
            self.bump(first.len_utf8());
        }
    }

    fn quoted(&mut self, quote: char, pos: Pos) {
        let (_, body) = quoted_body(quote)(&self.rest[1..]).unwrap_or(("", ""));
        let after = &self.rest[1 + body.len()..];
        let closed = after.starts_with(quote);
        let len = 1 + body.len() + closed as usize;
        let text = &self.rest[..len];
        let what = if quote == '"' {
            "string"
        } else {
            "rune literal"
        };
        if !closed {
            let end = self.pos_at(self.offset() + 1 + body.len());
            if after.is_empty() {
                self.error(pos, format!("{} not terminated", what));
            } else {
                self.error(end, format!("newline in {}", what));
            }
        }
        let checked = if quote == '"' {
            literal::decode_string(body).map(|_| ())
        } else if closed {
            literal::decode_rune(body).map(|_| ())
        } else {
            Ok(())
        };
        if let Err((off, msg)) = checked {
            let at = if msg.starts_with("more than one") || msg.starts_with("empty") {
                pos
            } else {
                Pos::new(pos.line, pos.col + 1 + off as u32)
            };
            self.error(at, msg);
        }
        self.push(if quote == '"' { Kind::Str } else { Kind::Rune }, text, pos);
        self.bump(len);
    }

    fn raw_string(&mut self, pos: Pos) {
        let body = take_till::<_, _, nom::error::Error<&str>>(|c| c == '`')
            .parse(&self.rest[1..])
            .map_or("", |(_, b)| b);
        let closed = self.rest[1 + body.len()..].starts_with('`');
        if !closed {
            self.error(pos, "string not terminated");
        }
        let len = 1 + body.len() + closed as usize;
        let text = &self.rest[..len];
        self.push(Kind::RawStr, text, pos);
        self.bump(len);
    }
}

/// Splits `src` into tokens ending with an `Eof` token. The first lexical
/// error, if any, is returned alongside (lexing continues past it).
pub fn lex(src: &str) -> (Vec<Token<'_>>, Option<Diagnostic>) {
    // A leading byte order mark is skipped, as Go does; columns still count
    // its bytes.
    let body = src.strip_prefix('\u{FEFF}').unwrap_or(src);
    let mut lx = Lexer {
        src,
        rest: body,
        line: 1,
        line_start: 0,
        toks: Vec::with_capacity(src.len() / 3 + 2),
        error: None,
    };
    lx.run();
    (lx.toks, lx.error)
}
