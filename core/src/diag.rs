//! Source positions and diagnostics shared by every layer of the front end.

use std::fmt;

/// A position in a source file. `line` and `col` are 1-based; `col` counts
/// bytes, as Go's compiler does (editors that count UTF-16 units convert).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

impl Pos {
    pub const fn new(line: u32, col: u32) -> Pos {
        Pos { line, col }
    }
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// One compile error, printed as `FILE:LINE:COL: message` like Go's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub pos: Pos,
    pub message: String,
}

impl Diagnostic {
    pub fn new(pos: Pos, message: impl Into<String>) -> Diagnostic {
        Diagnostic { pos, message: message.into() }
    }

    /// Go's shape: `prog.go:3:5: undefined: x`.
    pub fn render(&self, file: &str) -> String {
        format!("{}:{}:{}: {}", file, self.pos.line, self.pos.col, self.message)
    }
}

/// All diagnostics of one compilation, sorted by position (Go prints them in
/// source order) and de-duplicated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn sorted(mut self) -> Diagnostics {
        self.0.sort_by(|a, b| a.pos.cmp(&b.pos).then_with(|| a.message.cmp(&b.message)));
        self.0.dedup();
        self
    }

    pub fn render(&self, file: &str) -> String {
        let mut out = String::new();
        for d in &self.0 {
            out.push_str(&d.render(file));
            out.push('\n');
        }
        out
    }
}
