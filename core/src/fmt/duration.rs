//! `time.Duration.String`.

/// The digits of `v / 10^prec` after the point, without trailing zeros;
/// empty when the fraction is zero. Returns the integer part too.
fn split_frac(v: u64, prec: u32) -> (u64, String) {
    let p = 10u64.pow(prec);
    let frac = v % p;
    if frac == 0 {
        return (v / p, String::new());
    }
    let digits = format!("{:0width$}", frac, width = prec as usize);
    (v / p, format!(".{}", digits.trim_end_matches('0')))
}

/// Go's `Duration.String`: `1h2m3.5s`, `1.5ms`, `2µs`, `0s`, `-3s`.
pub fn duration_string(d: i64) -> String {
    let neg = d < 0;
    let u = d.unsigned_abs();
    let sign = if neg { "-" } else { "" };
    if u == 0 {
        return "0s".into();
    }
    if u < 1_000_000_000 {
        let (prec, unit) = match u {
            0..=999 => (0, "ns"),
            1_000..=999_999 => (3, "µs"),
            _ => (6, "ms"),
        };
        let (int, frac) = split_frac(u, prec);
        return format!("{}{}{}{}", sign, int, frac, unit);
    }
    let (secs, frac) = split_frac(u, 9);
    let (h, m, s) = (secs / 3600, (secs / 60) % 60, secs % 60);
    if h > 0 {
        format!("{}{}h{}m{}{}s", sign, h, m, s, frac)
    } else if secs >= 60 {
        format!("{}{}m{}{}s", sign, m, s, frac)
    } else {
        format!("{}{}{}s", sign, s, frac)
    }
}

#[cfg(test)]
mod tests {
    use super::duration_string as ds;

    #[test]
    fn matches_go() {
        // Expected strings from Go 1.27.3 time.Duration.String.
        assert_eq!(ds(0), "0s");
        assert_eq!(ds(1), "1ns");
        assert_eq!(ds(1_000), "1µs");
        assert_eq!(ds(1_500), "1.5µs");
        assert_eq!(ds(100_000_000), "100ms");
        assert_eq!(ds(1_500_000_000), "1.5s");
        assert_eq!(ds(7_200_000_000_000), "2h0m0s");
        assert_eq!(ds(61_000_000_001), "1m1.000000001s");
        assert_eq!(ds(-3_000_000_000), "-3s");
        assert_eq!(ds(-1_500), "-1.5µs");
        assert_eq!(ds(i64::MIN), "-2562047h47m16.854775808s");
        assert_eq!(ds(i64::MAX), "2562047h47m16.854775807s");
    }
}
