//! Checking and decoding literal text, with the Go scanner's messages.
//!
//! Errors carry a byte offset into the literal so the lexer can report them
//! at the column Go uses.

use super::token::Kind;

pub type LitError = (usize, String);

fn base_name(base: u32) -> &'static str {
    match base {
        2 => "binary",
        8 => "octal",
        10 => "decimal",
        _ => "hexadecimal",
    }
}

fn split_prefix(text: &str) -> (u32, usize) {
    let b = text.as_bytes();
    if b.len() >= 2 && b[0] == b'0' {
        match b[1] | 0x20 {
            b'x' => return (16, 2),
            b'b' => return (2, 2),
            b'o' => return (8, 2),
            _ => {}
        }
    }
    (10, 0)
}

/// Classifies a number the lexer recognized and reports what Go's scanner
/// would reject in it.
pub fn check_number(text: &str) -> Result<Kind, LitError> {
    let (base, skip) = split_prefix(text);
    let body = &text[skip..];
    let imag = body.ends_with('i');
    let body = if imag { &body[..body.len() - 1] } else { body };
    let exp_at = body.find(|c: char| {
        if base == 16 {
            c == 'p' || c == 'P'
        } else {
            c == 'e' || c == 'E' || c == 'p' || c == 'P'
        }
    });
    let (mant, exp) = match exp_at {
        Some(k) => (&body[..k], Some(&body[k..])),
        None => (body, None),
    };
    let has_dot = mant.contains('.');
    if has_dot && (base == 2 || base == 8) {
        return Err((
            skip + mant.find('.').unwrap_or(0),
            format!("invalid radix point in {} literal", base_name(base)),
        ));
    }
    if !mant.bytes().any(|c| c.is_ascii_hexdigit()) {
        return Err((
            text.len(),
            format!("{} literal has no digits", base_name(base)),
        ));
    }
    let mut legacy_octal =
        base == 10 && mant.len() > 1 && mant.starts_with('0') && !has_dot && exp.is_none() && !imag;
    if legacy_octal && mant.bytes().all(|c| c == b'0' || c == b'_') {
        legacy_octal = mant.len() > 1;
    }
    let digit_base = if legacy_octal { 8 } else { base };
    for (k, c) in mant.char_indices() {
        if c == '.' || c == '_' {
            continue;
        }
        if c.to_digit(16).is_none_or(|d| d >= digit_base) {
            return Err((
                skip + k,
                format!("invalid digit {:?} in {} literal", c, base_name(digit_base)),
            ));
        }
    }
    if let Some(e) = exp {
        let letter = e.as_bytes()[0] | 0x20;
        if letter == b'p' && base != 16 {
            return Err((
                skip + exp_at.unwrap_or(0),
                "'p' exponent requires hexadecimal mantissa".into(),
            ));
        }
        let digits = e[1..].trim_start_matches(['+', '-']);
        if !digits.bytes().any(|c| c.is_ascii_digit()) {
            return Err((text.len(), "exponent has no digits".into()));
        }
    } else if base == 16 && has_dot {
        return Err((
            text.len(),
            "hexadecimal mantissa requires a 'p' exponent".into(),
        ));
    }
    if let Some(k) = bad_separator(text) {
        return Err((k, "'_' must separate successive digits".into()));
    }
    Ok(if imag {
        Kind::Imag
    } else if has_dot || exp.is_some() {
        Kind::Float
    } else {
        Kind::Int
    })
}

/// An `_` must sit between two digits (or after a base prefix).
fn bad_separator(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    for (k, &c) in b.iter().enumerate() {
        if c != b'_' {
            continue;
        }
        let prev_ok = k > 0
            && (b[k - 1].is_ascii_hexdigit()
                || (k == 2 && b[0] == b'0' && (b[1] | 0x20).is_ascii_lowercase()));
        let next_ok = k + 1 < b.len() && b[k + 1].is_ascii_hexdigit();
        if !prev_ok || !next_ok {
            return Some(k);
        }
    }
    None
}

/// Value of an integer literal; `None` when it does not fit in i128.
pub fn int_value(text: &str) -> Option<i128> {
    let (mut base, skip) = split_prefix(text);
    let digits = &text[skip..];
    if base == 10 && digits.len() > 1 && digits.starts_with('0') {
        base = 8;
    }
    let mut v: i128 = 0;
    for c in digits.chars().filter(|&c| c != '_') {
        let d = c.to_digit(base)? as i128;
        v = v.checked_mul(base as i128)?.checked_add(d)?;
    }
    Some(v)
}

pub fn float_value(text: &str) -> f64 {
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    let (base, skip) = split_prefix(&clean);
    if base != 16 {
        return clean.parse().unwrap_or(f64::INFINITY);
    }
    hex_float(&clean[skip..])
}

fn hex_float(s: &str) -> f64 {
    let (mant, exp) = match s.find(['p', 'P']) {
        Some(k) => (&s[..k], s[k + 1..].parse::<i64>().unwrap_or(0)),
        None => (s, 0),
    };
    let mut v = 0f64;
    let mut frac_digits: i64 = 0;
    let mut seen_dot = false;
    for c in mant.chars() {
        if c == '.' {
            seen_dot = true;
            continue;
        }
        v = v * 16.0 + c.to_digit(16).unwrap_or(0) as f64;
        if seen_dot {
            frac_digits += 1;
        }
    }
    let e = (exp - 4 * frac_digits).clamp(-4000, 4000) as i32;
    v * 2f64.powi(e)
}

/// Decodes one escape after the backslash; `quote` is the delimiter that
/// may be escaped. Returns bytes appended, or the Go message.
fn escape(s: &str, quote: char, out: &mut Vec<u8>, is_rune: &mut bool) -> Result<usize, LitError> {
    let mut it = s.chars();
    let c = it
        .next()
        .ok_or((0, "escape sequence not terminated".to_string()))?;
    let simple = match c {
        'a' => Some(7u8),
        'b' => Some(8),
        'f' => Some(12),
        'n' => Some(b'\n'),
        'r' => Some(b'\r'),
        't' => Some(b'\t'),
        'v' => Some(11),
        '\\' => Some(b'\\'),
        _ if c == quote => Some(c as u8),
        _ => None,
    };
    if let Some(b) = simple {
        out.push(b);
        return Ok(1);
    }
    let (n, base, max) = match c {
        '0'..='7' => (3, 8, 255u32),
        'x' => (2, 16, 255),
        'u' => (4, 16, 0x10FFFF),
        'U' => (8, 16, 0x10FFFF),
        _ => return Err((0, "unknown escape".into())),
    };
    let start = if c.is_ascii_digit() { 0 } else { 1 };
    let digits = s.get(start..start + n).unwrap_or("");
    let mut x: u32 = 0;
    for (k, d) in digits.chars().enumerate() {
        match d.to_digit(base) {
            Some(v) => x = x * base + v,
            None => {
                return Err((
                    start + k,
                    format!("invalid character {:?} in {} escape", d, base_name(base)),
                ))
            }
        }
    }
    if digits.len() < n {
        return Err((s.len(), "escape sequence not terminated".into()));
    }
    if base == 8 && x > 255 {
        return Err((0, format!("octal escape value {} > 255", x)));
    }
    if c == 'u' || c == 'U' {
        if x > max || (0xD800..0xE000).contains(&x) {
            return Err((
                0,
                format!("escape is invalid Unicode code point {}", fmt_u(x)),
            ));
        }
        let ch = char::from_u32(x).unwrap_or('\u{FFFD}');
        let mut buf = [0u8; 4];
        out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
        *is_rune = true;
    } else {
        out.push(x as u8);
    }
    Ok(start + n)
}

/// Go's `%#U` formatting, e.g. `U+0040 '@'`.
pub fn fmt_u(x: u32) -> String {
    match char::from_u32(x) {
        Some(c) if !c.is_control() && c != '\u{FFFD}' => format!("U+{:04X} '{}'", x, c),
        _ => format!("U+{:04X}", x),
    }
}

/// Decodes the inside of an interpreted string (without quotes).
pub fn decode_string(body: &str) -> Result<Vec<u8>, LitError> {
    let mut out = Vec::with_capacity(body.len());
    let mut k = 0;
    while let Some(rel) = body[k..].find('\\') {
        out.extend_from_slice(&body.as_bytes()[k..k + rel]);
        let at = k + rel + 1;
        let mut r = false;
        let used = escape(&body[at..], '"', &mut out, &mut r).map_err(|(o, m)| (at + o, m))?;
        k = at + used;
    }
    out.extend_from_slice(&body.as_bytes()[k..]);
    Ok(out)
}

/// Raw strings drop carriage returns, as the spec says.
pub fn decode_raw(body: &str) -> Vec<u8> {
    body.bytes().filter(|&b| b != b'\r').collect()
}

/// Decodes the inside of a rune literal (without quotes).
pub fn decode_rune(body: &str) -> Result<u32, LitError> {
    let mut chars = body.chars();
    let value = match chars.next() {
        None => {
            return Err((
                0,
                "empty rune literal or unescaped ' in rune literal".into(),
            ))
        }
        Some('\\') => {
            let mut out = Vec::new();
            let mut unicode = false;
            let used =
                escape(&body[1..], '\'', &mut out, &mut unicode).map_err(|(o, m)| (1 + o, m))?;
            if body.len() > 1 + used {
                return Err((0, "more than one character in rune literal".into()));
            }
            if unicode {
                std::str::from_utf8(&out)
                    .ok()
                    .and_then(|s| s.chars().next())
                    .map_or(0xFFFD, |c| c as u32)
            } else {
                out.first().copied().unwrap_or(0) as u32
            }
        }
        Some(c) => {
            if chars.next().is_some() {
                return Err((0, "more than one character in rune literal".into()));
            }
            c as u32
        }
    };
    Ok(value)
}
