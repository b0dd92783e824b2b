use crate::syntax::literal::*;

#[test]
fn integers_in_every_base() {
    assert_eq!(int_value("42"), Some(42));
    assert_eq!(int_value("1_000_000"), Some(1_000_000));
    assert_eq!(int_value("0x1F"), Some(31));
    assert_eq!(int_value("0XfF"), Some(255));
    assert_eq!(int_value("0o17"), Some(15));
    assert_eq!(int_value("017"), Some(15));
    assert_eq!(int_value("0b101"), Some(5));
    assert_eq!(int_value("0"), Some(0));
    assert_eq!(
        int_value("170141183460469231731687303715884105727"),
        Some(i128::MAX)
    );
    assert_eq!(int_value("170141183460469231731687303715884105728"), None);
}

#[test]
fn floats_decimal_and_hex() {
    assert_eq!(float_value("1.5"), 1.5);
    assert_eq!(float_value(".25"), 0.25);
    assert_eq!(float_value("1."), 1.0);
    assert_eq!(float_value("1e3"), 1000.0);
    assert_eq!(float_value("1_0.5e-1"), 1.05);
    assert_eq!(float_value("0x1p-2"), 0.25);
    assert_eq!(float_value("0x1.8p1"), 3.0);
    assert_eq!(float_value("0X_1FFFP-16"), 0.1249847412109375);
}

#[test]
fn number_validation() {
    assert!(check_number("1__0").is_err());
    assert!(check_number("0x_1").is_ok());
    assert!(check_number("1_").is_err());
    assert!(check_number("0b1.0").is_err());
    assert!(check_number("1p3").is_err());
    assert!(check_number("0.5").is_ok());
    assert!(
        check_number("09.5").is_ok(),
        "a leading zero is fine in floats"
    );
    assert!(check_number("00").is_ok());
}

#[test]
fn runes_with_all_escapes() {
    assert_eq!(decode_rune("a"), Ok('a' as u32));
    assert_eq!(decode_rune("世"), Ok('世' as u32));
    for (src, v) in [
        ("\\a", 7),
        ("\\b", 8),
        ("\\f", 12),
        ("\\n", 10),
        ("\\r", 13),
        ("\\t", 9),
        ("\\v", 11),
        ("\\\\", 92),
        ("\\'", 39),
    ] {
        assert_eq!(decode_rune(src), Ok(v), "{}", src);
    }
    assert_eq!(decode_rune("\\000"), Ok(0));
    assert_eq!(decode_rune("\\377"), Ok(255));
    assert_eq!(decode_rune("\\x41"), Ok(65));
    assert_eq!(decode_rune("\\u12e4"), Ok(0x12e4));
    assert_eq!(decode_rune("\\U00101234"), Ok(0x101234));
    assert!(decode_rune("\\\"").is_err(), "\\\" is not a rune escape");
    assert!(decode_rune("\\400").is_err());
    assert!(decode_rune("\\uD800").is_err());
    assert!(decode_rune("\\U00110000").is_err());
    assert!(decode_rune("").is_err());
}

#[test]
fn strings_are_bytes() {
    assert_eq!(decode_string("a\\tb"), Ok(b"a\tb".to_vec()));
    assert_eq!(decode_string("\\xff\\xfe"), Ok(vec![0xff, 0xfe]));
    assert_eq!(decode_string("\\u00e9"), Ok("é".as_bytes().to_vec()));
    assert_eq!(decode_string("\\101\\\""), Ok(b"A\"".to_vec()));
    assert_eq!(decode_string("日本"), Ok("日本".as_bytes().to_vec()));
    assert!(decode_string("\\'").is_err(), "\\' is not a string escape");
    assert!(decode_string("\\x4").is_err());
    assert_eq!(decode_raw("a\r\nb\\n"), b"a\nb\\n".to_vec());
}

#[test]
fn u_format_matches_go() {
    assert_eq!(fmt_u('@' as u32), "U+0040 '@'");
    assert_eq!(fmt_u(0), "U+0000");
    assert_eq!(fmt_u(0x1F600), "U+1F600 '😀'");
}
