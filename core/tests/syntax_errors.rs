//! Syntax errors: messages and positions as Go 1.27 prints them (each
//! expectation was recorded from `go build` on the same source).

mod syntax_util;
use syntax_util::*;

const MAIN: &str = "package main\n\nfunc main() {\n";

fn in_main(body: &str) -> String {
    format!("{}{}", MAIN, body)
}

#[test]
fn the_common_mistakes() {
    let cases: &[(&str, &str)] = &[
        // missing }
        (&in_main("\tif true {\n\t\tprintln(1)\n\n}\n"), "8:1: syntax error: unexpected EOF, expected }"),
        (&in_main("\tx := 1"), "4:8: syntax error: unexpected EOF, expected }"),
        // missing )
        (&in_main("\tprintln(1\n}\n"), "4:11: syntax error: unexpected newline in argument list; possibly missing comma or )"),
        (&in_main("\tprintln((1)\n}\n"), "4:13: syntax error: unexpected newline in argument list; possibly missing comma or )"),
        // stray )
        (&in_main("\tprintln(1))\n}\n"), "4:12: syntax error: unexpected ) at end of statement"),
        // else on a new line
        (&in_main("\tif true {\n\t}\n\telse {\n\t}\n}\n"), "6:2: syntax error: unexpected keyword else, expected }"),
        // missing comma in a composite literal over lines
        (&in_main("\tx := []int{\n\t\t1,\n\t\t2\n\t}\n\t_ = x\n}\n"), "6:4: syntax error: unexpected newline in composite literal; possibly missing comma or }"),
        (&in_main("\tx := [3]int{1, 2, 3\n\t_ = x\n}\n"), "4:21: syntax error: unexpected newline in composite literal; possibly missing comma or }"),
        // := and statements outside functions
        ("package main\n\nx := 1\n\nfunc main() {\n}\n", "3:1: syntax error: non-declaration statement outside function body"),
        ("package main\n\nprintln(1)\n\nfunc main() {\n}\n", "3:1: syntax error: non-declaration statement outside function body"),
        // brace on the next line
        ("package main\n\nfunc main()\n{\n}\n", "4:1: syntax error: unexpected semicolon or newline before {"),
        // missing operator / comma
        (&in_main("\tx := 1 2\n}\n"), "4:9: syntax error: unexpected literal 2 at end of statement"),
        (&in_main("\tf(1 2)\n}\n"), "4:6: syntax error: unexpected literal 2 in argument list; possibly missing comma or )"),
        (&in_main("\tprintln(1,\n\t\t2\n\t)\n}\n"), "5:4: syntax error: unexpected newline in argument list; possibly missing comma or )"),
        // C-style for with parentheses
        (&in_main("\tfor (i := 0; i < 3; i++) {\n\t}\n}\n"), "4:9: syntax error: unexpected :=, expected )"),
        // unfinished expressions
        (&in_main("\tvar x int = \n}\n"), "5:1: syntax error: unexpected }, expected expression"),
        (&in_main("\tx := 1 +\n}\n"), "5:1: syntax error: unexpected }, expected expression"),
        (&in_main("\tx.\n}\n"), "5:1: syntax error: unexpected }, expected name or ("),
        // composite literal in an if header
        ("package main\n\ntype T struct{}\n\nfunc main() {\n\tvar x T\n\tif x == T{} {\n\t}\n}\n", "7:14: syntax error: unexpected { at end of statement"),
    ];
    for (src, want) in cases {
        assert_eq!(error(src), *want, "source:\n{}", src);
    }
}

#[test]
fn header_errors() {
    let cases: &[(&str, &str)] = &[
        (
            &in_main("\tif {\n\t}\n}\n"),
            "4:5: syntax error: missing condition in if statement",
        ),
        (
            &in_main("\tif x := 1;\n\t{\n\t}\n}\n"),
            "4:11: syntax error: missing condition in if statement",
        ),
        (
            &in_main("\tif x := 1; {\n\t}\n}\n"),
            "4:11: syntax error: missing condition in if statement",
        ),
        (
            &in_main("\tif x := 0 {\n\t}\n}\n"),
            "4:7: syntax error: cannot use x := 0 as value",
        ),
        (
            &in_main("\tfor i := 0; i < 3; j := 1 {\n\t}\n}\n"),
            "4:23: syntax error: cannot declare in post statement of for loop",
        ),
        (
            &in_main("\tfor i := 0; i < 10 {\n\t}\n}\n"),
            "4:21: syntax error: unexpected {, expected semicolon or newline",
        ),
        (
            &in_main("\tif true {\n\t} else for {\n\t}\n}\n"),
            "5:9: syntax error: else must be followed by if or statement block",
        ),
        (
            &in_main("\tswitch x {\n\tfoo()\n\t}\n}\n"),
            "5:2: syntax error: unexpected name foo, expected case or default or }",
        ),
        (
            &in_main("\tselect x {\n\t}\n}\n"),
            "4:9: syntax error: missing { after select clause",
        ),
        (
            &in_main("\tcase 1:\n}\n"),
            "4:2: syntax error: unexpected keyword case, expected }",
        ),
    ];
    for (src, want) in cases {
        assert_eq!(error(src), *want, "source:\n{}", src);
    }
}

#[test]
fn statement_and_declaration_errors() {
    let cases: &[(&str, &str)] = &[
        (
            &in_main("\ta, b\n}\n"),
            "4:6: syntax error: unexpected newline, expected := or = or comma",
        ),
        (
            &in_main("\treturn 1 2\n}\n"),
            "4:11: syntax error: unexpected literal 2 at end of statement",
        ),
        (
            &in_main("\tvar func int\n}\n"),
            "4:6: syntax error: unexpected keyword func, expected name",
        ),
        (
            &in_main("\tvar c chan\n}\n"),
            "5:1: syntax error: missing channel element type",
        ),
        (
            &in_main("\tgo\n}\n"),
            "5:1: syntax error: unexpected }, expected expression",
        ),
        (
            &in_main("\tdefer (f())\n}\n"),
            "4:8: expression in defer must not be parenthesized",
        ),
        (
            &in_main("\tvar a struct{ b int }\n\ta.b := 1\n}\n"),
            "5:2: non-name a.b on left side of :=",
        ),
        (
            &in_main("\t_ = a[1:2:]\n}\n"),
            "4:12: syntax error: final index required in 3-index slice",
        ),
        (
            &in_main("\t_ = a[1::3]\n}\n"),
            "4:10: syntax error: middle index required in 3-index slice",
        ),
        (
            &in_main("\tprintln()\n}}\n"),
            "5:2: syntax error: unexpected } after top level declaration",
        ),
        (
            &in_main("\t} else {\n\t}\n}\n"),
            "4:4: syntax error: unexpected keyword else after top level declaration",
        ),
        (
            "package main\n\nvar x int y\n\nfunc main() {}\n",
            "3:11: syntax error: unexpected name y after top level declaration",
        ),
        (
            "package main\n\nvar x =\n\nfunc main() {}\n",
            "5:6: syntax error: unexpected name main, expected (",
        ),
        (
            "package main\n\nvar x := 1\n\nfunc main() {}\n",
            "3:7: syntax error: unexpected :=, expected =",
        ),
        (
            "package main\n\ntype T\n\nfunc main() {}\n",
            "3:7: syntax error: unexpected newline in type declaration",
        ),
        (
            "package main\n\ntype T struct {\n\t1\n}\n\nfunc main() {}\n",
            "4:2: syntax error: unexpected literal 1, expected field name or embedded type",
        ),
        (
            "package main\n\nfunc f(a int {\n}\n",
            "3:14: syntax error: unexpected { in parameter list; possibly missing comma or )",
        ),
        (
            "package main\n\nfunc f(a int, string) {}\n\nfunc main() {}\n",
            "3:21: syntax error: missing parameter type",
        ),
        (
            "package main\n\nfunc f(a ...int, b int) {}\n\nfunc main() {}\n",
            "3:10: can only use ... with final parameter",
        ),
        (
            "package main\n\nfunc main() {}\n\nimport \"fmt\"\n",
            "5:1: syntax error: imports must appear before other declarations",
        ),
    ];
    for (src, want) in cases {
        assert_eq!(error(src), *want, "source:\n{}", src);
    }
}

#[test]
fn package_and_import_errors_use_go_list_wording() {
    assert_eq!(error(""), "1:1: expected 'package', found 'EOF'");
    assert_eq!(
        error("func main() {\n}\n"),
        "1:1: expected 'package', found 'func'"
    );
    assert_eq!(
        error("package\n\nfunc main() {}\n"),
        "3:1: expected 'IDENT', found 'func'"
    );
    assert_eq!(
        error("package main\n\nimport 5\n\nfunc main() {}\n"),
        "3:8: import path must be a string"
    );
    assert_eq!(
        error("package main\n\nimport (\n\t\"fmt\"\n\tx\n)\n\nfunc main() {}\n"),
        "5:3: missing import path"
    );
}

#[test]
fn lexical_and_syntax_errors_are_both_reported() {
    assert_eq!(
        errors(&in_main("\tprintln(\"abc)\n}\n")),
        [
            "4:15: newline in string",
            "4:15: syntax error: unexpected newline in argument list; possibly missing comma or )"
        ]
    );
    assert_eq!(
        errors(&in_main("\tx := 1 @ 2\n}\n")),
        [
            "4:9: invalid character U+0040 '@'",
            "4:11: syntax error: unexpected literal 2 at end of statement"
        ]
    );
    // Running into EOF after a lexical error is not reported again.
    assert_eq!(
        errors(&in_main("\tx := `abc\n}\n")),
        ["4:7: string not terminated"]
    );
    assert_eq!(
        errors(&in_main("\tx := 0x\n\ty := 0b12\n}\n")),
        ["4:9: hexadecimal literal has no digits"]
    );
}

#[test]
fn messages_carry_no_file_name() {
    let d = chanscope_core::syntax::parse_file("package main\nfunc main() {").unwrap_err();
    assert_eq!(
        d.render("prog.go"),
        "prog.go:2:14: syntax error: unexpected EOF, expected }\n"
    );
}

#[test]
fn valid_edge_cases_are_accepted() {
    // Things that look odd but are valid Go.
    body("for (i < 3) {\n}");
    body("if x := f(); (T{}) == x {\n}");
    body("L:\n\t;");
    body("x := struct{}{}\n_ = x");
    body("var _ = []interface{}{1, \"a\", nil}");
    body("ch := make(chan chan<- int)\n_ = ch");
    body("var f func() func() int\n_ = f");
    body("switch x := v.(type) {\n}");
    body("go func(c chan<- int) { c <- 1 }(ch)");
    body("defer func() { recover() }()");
    file("package main;import \"fmt\";func main() { fmt.Println(1); }");
    file("\u{feff}package main\nfunc main() {}\n");
    file("package main\r\n\r\nfunc main() {\r\n\tx := `a\r\nb`\r\n\t_ = x\r\n}\r\n");
}
