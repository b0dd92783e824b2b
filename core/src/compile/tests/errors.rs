use crate::compile::compile;
use crate::syntax::parse_file;

/// Compiles `src` and returns the rendered diagnostics (`x.go:L:C: msg`).
pub fn errors_of(src: &str) -> String {
    let file = match parse_file(src) {
        Ok(f) => f,
        Err(d) => return format!("PARSE: {}", d.render("x.go")),
    };
    match compile(&file) {
        Ok(_) => String::new(),
        Err(d) => d.render("x.go"),
    }
}

fn check(src: &str, want: &[&str]) {
    let got = errors_of(src);
    let want: String = want.iter().map(|w| format!("x.go:{}\n", w)).collect();
    assert_eq!(got, want, "source:\n{}", src);
}

#[test]
fn unused_variable_and_import() {
    check(
        "package main\nimport (\"fmt\"; \"os\")\nfunc main() {\n\tx := 1\n\tfmt.Println(undefinedv)\n}\n",
        &["2:16: \"os\" imported and not used", "4:2: declared and not used: x", "5:14: undefined: undefinedv"],
    );
}

#[test]
fn assignment_messages() {
    check(
        "package main\ntype Celsius float64\nfunc main() {\n\tvar c Celsius = 1\n\tvar s string = c\n\tvar i8 int8 = 300\n\ti8 = 300\n\tvar q int = 1.5\n\tconst k int = 5\n\tvar str string = k\n\t_, _, _, _ = s, i8, q, str\n}\n",
        &[
            "5:17: cannot use c (variable of float64 type Celsius) as string value in variable declaration",
            "6:16: cannot use 300 (untyped int constant) as int8 value in variable declaration (overflows)",
            "7:7: cannot use 300 (untyped int constant) as int8 value in assignment (overflows)",
            "8:14: cannot use 1.5 (untyped float constant) as int value in variable declaration (truncated)",
            "10:19: cannot use k (constant 5 of type int) as string value in variable declaration",
        ],
    );
}

#[test]
fn call_and_channel_messages() {
    check(
        "package main\nfunc f() int { return 1 }\nfunc g(a int, b string) (int, error) { return 0, nil }\nfunc main() {\n\tg(1)\n\tg(1, \"a\", 3)\n\ta, b := f()\n\tvar ch <-chan int\n\tch <- 1\n\tclose(ch)\n\t_, _ = a, b\n}\n",
        &[
            "5:4: not enough arguments in call to g\n\thave (number)\n\twant (int, string)",
            "6:12: too many arguments in call to g\n\thave (number, string, number)\n\twant (int, string)",
            "7:10: assignment mismatch: 2 variables but f returns 1 value",
            "9:2: invalid operation: cannot send to receive-only channel <-chan int ch (variable of type <-chan int)",
            "10:8: invalid operation: cannot close receive-only channel ch (variable of type <-chan int)",
        ],
    );
}

#[test]
fn control_flow_messages() {
    check(
        "package main\nfunc h(x int) int { if x > 0 { return 1 } }\nfunc main() {\n\tx := 1\n\tx := 2\n\tL:\n\tfor {}\n}\n",
        &["2:43: missing return", "5:4: no new variables on left side of :=", "6:2: label L defined and not used"],
    );
    check(
        "package main\nfunc main() {\n\tbreak\n}\n",
        &["3:2: break is not in a loop, switch, or select"],
    );
}

#[test]
fn expression_messages() {
    check(
        "package main\nfunc main() {\n\t1\n\tvar n int\n\tn()\n\t_ = n / 0\n\ta := [3]int{}\n\t_ = a[5]\n\tif n {}\n\t_ = !n\n}\n",
        &[
            "3:2: 1 (untyped int constant) is not used",
            "5:2: invalid operation: cannot call n (variable of type int): int is not a function",
            "6:10: invalid operation: division by zero",
            "8:8: invalid argument: index 5 out of bounds [0:3]",
            "9:5: non-boolean condition in if statement",
            "10:7: invalid operation: operator ! not defined on n (variable of type int)",
        ],
    );
}

#[test]
fn unsupported_packages() {
    check(
        "package main\nimport \"net/http\"\nfunc main() { http.Get(\"x\") }\n",
        &["2:8: \"net/http\" is not supported by chanscope yet"],
    );
    // A blank import runs a package's init, which chanscope lacks (and
    // the path may not exist at all); of a supported package it is fine.
    check(
        "package main\nimport _ \"no/such/pkg\"\nfunc main() {}\n",
        &["2:10: \"no/such/pkg\" is not supported by chanscope yet"],
    );
    check("package main\nimport _ \"fmt\"\nfunc main() {}\n", &[]);
    // Unused, Go's own message wins.
    check(
        "package main\nimport \"os\"\nfunc main() {}\n",
        &["2:8: \"os\" imported and not used"],
    );
}

#[test]
fn closures_report_unused() {
    check(
        "package main\nfunc main() {\n\tfunc() { zz := 1 }()\n}\n",
        &["3:11: declared and not used: zz"],
    );
}
