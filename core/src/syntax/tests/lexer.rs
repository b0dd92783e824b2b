use crate::diag::Pos;
use crate::syntax::lexer::lex;
use crate::syntax::token::Kind;

/// Token texts, with inserted semicolons shown as `;nl` / `;eof`.
fn texts(src: &str) -> Vec<String> {
    let (toks, err) = lex(src);
    assert!(err.is_none(), "unexpected lex error {:?}", err);
    toks.iter()
        .map(|t| match (t.kind, t.text) {
            (Kind::Semi, "newline") => ";nl".to_string(),
            (Kind::Semi, "EOF") => ";eof".to_string(),
            (Kind::Semi, _) => ";".to_string(),
            (Kind::Eof, _) => "<eof>".to_string(),
            _ => t.text.to_string(),
        })
        .collect()
}

fn first_error(src: &str) -> (Pos, String) {
    let d = lex(src).1.expect("expected a lex error");
    (d.pos, d.message)
}

#[test]
fn semicolons_after_line_final_tokens() {
    assert_eq!(texts("x\ny"), ["x", ";nl", "y", ";eof", "<eof>"]);
    assert_eq!(texts("return\n"), ["return", ";nl", "<eof>"]);
    assert_eq!(
        texts("i++\nj--\n"),
        ["i", "++", ";nl", "j", "--", ";nl", "<eof>"]
    );
    assert_eq!(
        texts("f()\n]\n}\n"),
        ["f", "(", ")", ";nl", "]", ";nl", "}", ";nl", "<eof>"]
    );
    assert_eq!(
        texts("1\n2.5\n'a'\n\"s\"\n`r`\n3i\n")
            .iter()
            .filter(|t| *t == ";nl")
            .count(),
        6
    );
    assert_eq!(
        texts("break\ncontinue\nfallthrough\n")
            .iter()
            .filter(|t| *t == ";nl")
            .count(),
        3
    );
}

#[test]
fn no_semicolon_after_operators_and_open_brackets() {
    assert_eq!(texts("x +\ny"), ["x", "+", "y", ";eof", "<eof>"]);
    assert_eq!(texts("f(\n)"), ["f", "(", ")", ";eof", "<eof>"]);
    assert_eq!(texts("if {\n"), ["if", "{", "<eof>"]);
    assert_eq!(texts("x,\ny"), ["x", ",", "y", ";eof", "<eof>"]);
    assert_eq!(texts("func\n"), ["func", "<eof>"]);
}

#[test]
fn comments_act_as_space_or_newline() {
    assert_eq!(texts("x // c\ny"), ["x", ";nl", "y", ";eof", "<eof>"]);
    assert_eq!(texts("x /* c */ y"), ["x", "y", ";eof", "<eof>"]);
    assert_eq!(texts("x /* a\nb */ y"), ["x", ";nl", "y", ";eof", "<eof>"]);
    assert_eq!(texts("x + /* a\nb */ y"), ["x", "+", "y", ";eof", "<eof>"]);
    assert_eq!(texts("x // trailing"), ["x", ";eof", "<eof>"]);
}

#[test]
fn semicolon_positions_follow_go() {
    let (toks, _) = lex("ab\n  x /* c\n */");
    assert_eq!(
        toks[1].pos,
        Pos::new(1, 3),
        "newline semicolon sits at the newline"
    );
    assert_eq!(
        toks[3].pos,
        Pos::new(2, 5),
        "multi-line comment semicolon sits at the comment"
    );
    let (toks, _) = lex("x");
    assert_eq!((toks[1].text, toks[1].pos), ("EOF", Pos::new(1, 2)));
}

#[test]
fn longest_operator_match() {
    assert_eq!(texts("a&^=b")[1], "&^=");
    assert_eq!(texts("a&^b")[1], "&^");
    assert_eq!(texts("a<<=b")[1], "<<=");
    assert_eq!(texts("a<-b")[1], "<-");
    assert_eq!(texts("f(a...)")[3], "...");
    assert_eq!(texts("a:=b")[1], ":=");
    assert_eq!(texts("a&&b")[1], "&&");
}

#[test]
fn columns_count_bytes() {
    let (toks, _) = lex("\"é\" + x");
    assert_eq!(toks[2].pos, Pos::new(1, 8));
    let (toks, _) = lex("\tx");
    assert_eq!(toks[0].pos, Pos::new(1, 2));
}

#[test]
fn numbers_are_classified() {
    let kinds = |s: &str| lex(s).0.iter().map(|t| t.kind).take(1).collect::<Vec<_>>()[0];
    assert_eq!(kinds("0x1F"), Kind::Int);
    assert_eq!(kinds("1_000"), Kind::Int);
    assert_eq!(kinds("0o17"), Kind::Int);
    assert_eq!(kinds("0b101"), Kind::Int);
    assert_eq!(kinds("1.5"), Kind::Float);
    assert_eq!(kinds(".5"), Kind::Float);
    assert_eq!(kinds("1e9"), Kind::Float);
    assert_eq!(kinds("0x1p-2"), Kind::Float);
    assert_eq!(kinds("2i"), Kind::Imag);
    assert_eq!(kinds("1.5e3i"), Kind::Imag);
}

#[test]
fn lexical_errors_match_go() {
    assert_eq!(
        first_error("x := 1 @ 2"),
        (Pos::new(1, 8), "invalid character U+0040 '@'".into())
    );
    assert_eq!(
        first_error("s := \"abc\nx"),
        (Pos::new(1, 10), "newline in string".into())
    );
    assert_eq!(
        first_error("s := `abc"),
        (Pos::new(1, 6), "string not terminated".into())
    );
    assert_eq!(
        first_error("r := 'a\n"),
        (Pos::new(1, 8), "newline in rune literal".into())
    );
    assert_eq!(
        first_error("r := 'ab'"),
        (
            Pos::new(1, 6),
            "more than one character in rune literal".into()
        )
    );
    assert_eq!(
        first_error("x /* open"),
        (Pos::new(1, 3), "comment not terminated".into())
    );
    assert_eq!(
        first_error("x := 0x"),
        (Pos::new(1, 8), "hexadecimal literal has no digits".into())
    );
    assert_eq!(
        first_error("x := 0b12"),
        (Pos::new(1, 9), "invalid digit '2' in binary literal".into())
    );
    assert_eq!(
        first_error("x := 089"),
        (Pos::new(1, 7), "invalid digit '8' in octal literal".into())
    );
    assert_eq!(
        first_error("x := 1e"),
        (Pos::new(1, 8), "exponent has no digits".into())
    );
    assert_eq!(
        first_error("x := 0x1.8"),
        (
            Pos::new(1, 11),
            "hexadecimal mantissa requires a 'p' exponent".into()
        )
    );
    assert_eq!(
        first_error("s := \"\\q\""),
        (Pos::new(1, 8), "unknown escape".into())
    );
}

#[test]
fn lexing_continues_after_an_error() {
    let (toks, err) = lex("a @ b");
    assert!(err.is_some());
    assert_eq!(toks.iter().filter(|t| t.kind == Kind::Ident).count(), 2);
}
