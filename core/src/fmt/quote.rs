//! UTF-8 decoding and quoting with Go's rules (`unicode/utf8`, `strconv`).
//! Go strings may hold invalid UTF-8, so decoding works on bytes and turns
//! each bad byte into `RUNE_ERROR` of width 1, exactly as `utf8.DecodeRune`.

use super::isprint_table::PRINT_RANGES;

pub const RUNE_ERROR: u32 = 0xFFFD;
pub const MAX_RUNE: u32 = 0x10FFFF;

/// `utf8.DecodeRune`: the first rune of `b` and its width (0 for empty).
pub fn decode_rune(b: &[u8]) -> (u32, usize) {
    let Some(&b0) = b.first() else {
        return (RUNE_ERROR, 0);
    };
    if b0 < 0x80 {
        return (b0 as u32, 1);
    }
    let (n, init, lo) = match b0 {
        0xC2..=0xDF => (2, (b0 & 0x1F) as u32, 0x80),
        0xE0..=0xEF => (3, (b0 & 0x0F) as u32, 0x800),
        0xF0..=0xF4 => (4, (b0 & 0x07) as u32, 0x10000),
        _ => return (RUNE_ERROR, 1),
    };
    if b.len() < n {
        return (RUNE_ERROR, 1);
    }
    let mut r = init;
    for &c in &b[1..n] {
        if c & 0xC0 != 0x80 {
            return (RUNE_ERROR, 1);
        }
        r = (r << 6) | (c & 0x3F) as u32;
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid.
    if r < lo || (0xD800..=0xDFFF).contains(&r) || r > MAX_RUNE {
        return (RUNE_ERROR, 1);
    }
    (r, n)
}

/// Number of runes in `b`, counting each invalid byte as one.
pub fn rune_count(b: &[u8]) -> usize {
    let mut i = 0;
    let mut n = 0;
    while i < b.len() {
        i += decode_rune(&b[i..]).1.max(1);
        n += 1;
    }
    n
}

/// `utf8.ValidRune`.
pub fn valid_rune(r: u32) -> bool {
    r <= MAX_RUNE && !(0xD800..=0xDFFF).contains(&r)
}

/// `utf8.AppendRune`: invalid runes become U+FFFD.
pub fn push_rune(out: &mut Vec<u8>, r: u32) {
    let c = if valid_rune(r) {
        char::from_u32(r).unwrap_or('\u{FFFD}')
    } else {
        '\u{FFFD}'
    };
    let mut tmp = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
}

/// `strconv.IsPrint`.
pub fn is_print(r: u32) -> bool {
    PRINT_RANGES
        .binary_search_by(|&(lo, hi)| {
            if hi < r {
                std::cmp::Ordering::Less
            } else if lo > r {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

const LOWER_HEX: &[u8; 16] = b"0123456789abcdef";

fn push_escaped_rune(out: &mut Vec<u8>, r: u32, quote: u8, ascii_only: bool) {
    if r == quote as u32 || r == '\\' as u32 {
        out.push(b'\\');
        out.push(r as u8);
        return;
    }
    if ascii_only {
        if r < 0x80 && is_print(r) {
            out.push(r as u8);
            return;
        }
    } else if is_print(r) {
        push_rune(out, r);
        return;
    }
    let simple = match r {
        0x07 => Some(b'a'),
        0x08 => Some(b'b'),
        0x0C => Some(b'f'),
        0x0A => Some(b'n'),
        0x0D => Some(b'r'),
        0x09 => Some(b't'),
        0x0B => Some(b'v'),
        _ => None,
    };
    if let Some(c) = simple {
        out.push(b'\\');
        out.push(c);
        return;
    }
    if r < 0x20 || r == 0x7F {
        out.extend_from_slice(b"\\x");
        out.push(LOWER_HEX[(r >> 4) as usize & 0xF]);
        out.push(LOWER_HEX[r as usize & 0xF]);
        return;
    }
    let r = if valid_rune(r) { r } else { RUNE_ERROR };
    let (prefix, digits): (&[u8], u32) = if r < 0x10000 {
        (b"\\u", 4)
    } else {
        (b"\\U", 8)
    };
    out.extend_from_slice(prefix);
    for i in (0..digits).rev() {
        out.push(LOWER_HEX[(r >> (4 * i)) as usize & 0xF]);
    }
}

/// `strconv.Quote` (or `QuoteToASCII` when `ascii_only`).
pub fn quote(out: &mut Vec<u8>, s: &[u8], ascii_only: bool) {
    out.push(b'"');
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode_rune(&s[i..]);
        if w == 1 && r == RUNE_ERROR {
            out.extend_from_slice(b"\\x");
            out.push(LOWER_HEX[(s[i] >> 4) as usize]);
            out.push(LOWER_HEX[(s[i] & 0xF) as usize]);
        } else {
            push_escaped_rune(out, r, b'"', ascii_only);
        }
        i += w.max(1);
    }
    out.push(b'"');
}

/// `strconv.QuoteRune` (or `QuoteRuneToASCII`).
pub fn quote_rune(out: &mut Vec<u8>, r: u32, ascii_only: bool) {
    let r = if valid_rune(r) { r } else { RUNE_ERROR };
    out.push(b'\'');
    push_escaped_rune(out, r, b'\'', ascii_only);
    out.push(b'\'');
}

/// `strconv.CanBackquote`.
pub fn can_backquote(s: &[u8]) -> bool {
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode_rune(&s[i..]);
        i += w.max(1);
        if w > 1 {
            if r == 0xFEFF {
                return false;
            }
            continue;
        }
        if r == RUNE_ERROR || (r < 0x20 && r != 0x09) || r == 0x60 || r == 0x7F {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &[u8], ascii: bool) -> String {
        let mut out = Vec::new();
        quote(&mut out, s, ascii);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn decode_matches_go() {
        assert_eq!(decode_rune("é".as_bytes()), (0xE9, 2));
        assert_eq!(decode_rune(b"\xe2\x82"), (RUNE_ERROR, 1));
        assert_eq!(decode_rune(b"\xc0\x80"), (RUNE_ERROR, 1));
        assert_eq!(decode_rune(b"\xed\xa0\x80"), (RUNE_ERROR, 1));
        assert_eq!(rune_count(b"h\xc3\xa9llo\xff"), 6);
        assert_eq!(rune_count(b"h\xffi"), 3);
    }

    #[test]
    fn quote_matches_go() {
        // Expected strings from Go 1.27.3 strconv.Quote / QuoteToASCII.
        assert_eq!(q(b"hi \"x\"\n\t\\", false), r#""hi \"x\"\n\t\\""#);
        assert_eq!(
            q("héllo☺\u{7f}\u{200b}".as_bytes(), false),
            "\"héllo☺\\x7f\\u200b\""
        );
        assert_eq!(
            q("héllo☺😀".as_bytes(), true),
            r#""h\u00e9llo\u263a\U0001f600""#
        );
        assert_eq!(q(b"a\xffb\x00", false), r#""a\xffb\x00""#);
        let mut out = Vec::new();
        quote_rune(&mut out, '\'' as u32, false);
        quote_rune(&mut out, 0x110000, false);
        assert_eq!(String::from_utf8(out).unwrap(), "'\\'''�'");
        assert!(can_backquote(b"a\tb"));
        assert!(!can_backquote(b"a`b"));
        assert!(!can_backquote(b"a\nb"));
    }

    #[test]
    fn is_print_samples() {
        assert!(is_print(' ' as u32));
        assert!(!is_print(0x7F));
        assert!(!is_print(0xA0));
        assert!(is_print(0xE9));
        assert!(!is_print(0x200B));
        assert!(is_print(0x1F600));
    }
}
