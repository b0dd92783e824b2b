//! The standard logger of package `log` (Go 1.27 log/log.go): header
//! formatting on the virtual clock.

use super::time::T;

pub const LDATE: i64 = 1;
pub const LTIME: i64 = 2;
pub const LMICROSECONDS: i64 = 4;
pub const LLONGFILE: i64 = 8;
pub const LSHORTFILE: i64 = 16;
pub const LUTC: i64 = 32;
pub const LMSGPREFIX: i64 = 64;
pub const LSTD_FLAGS: i64 = LDATE | LTIME;

/// One log line: prefix, timestamp, file:line, message, newline.
pub fn format_line(flags: i64, prefix: &[u8], now: i64, file: &str, line: u32, msg: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(msg.len() + 32);
    if flags & LMSGPREFIX == 0 {
        out.extend_from_slice(prefix);
    }
    if flags & (LDATE | LTIME | LMICROSECONDS) != 0 {
        let t = T::now(now);
        if flags & LDATE != 0 {
            out.extend_from_slice(&super::time::format(t, b"2006/01/02 "));
        }
        if flags & (LTIME | LMICROSECONDS) != 0 {
            out.extend_from_slice(&super::time::format(t, b"15:04:05"));
            if flags & LMICROSECONDS != 0 {
                out.extend_from_slice(&super::time::format(t, b".000000"));
            }
            out.push(b' ');
        }
    }
    if flags & (LSHORTFILE | LLONGFILE) != 0 {
        let name = if flags & LSHORTFILE != 0 {
            file.rsplit(['/', '\\']).next().unwrap_or(file)
        } else {
            file
        };
        out.extend_from_slice(format!("{}:{}: ", name, line).as_bytes());
    }
    if flags & LMSGPREFIX != 0 {
        out.extend_from_slice(prefix);
    }
    out.extend_from_slice(msg);
    if msg.last() != Some(&b'\n') {
        out.push(b'\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_header_is_the_playground_time() {
        let l = format_line(LSTD_FLAGS, b"", 0, "prog.go", 3, b"hello");
        assert_eq!(l, b"2009/11/10 23:00:00 hello\n");
        let l = format_line(
            LSTD_FLAGS | LMICROSECONDS | LSHORTFILE | LMSGPREFIX,
            b"[x] ",
            2_000_000_000,
            "/a/prog.go",
            7,
            b"m\n",
        );
        assert_eq!(
            String::from_utf8(l).unwrap(),
            "2009/11/10 23:00:02.000000 prog.go:7: [x] m\n"
        );
    }
}
