//! Package-level declaration order and invalid recursive types; the
//! messages were checked against Go 1.27.

use super::errors::errors_of;

fn check(src: &str, want: &[&str]) {
    let got = errors_of(src);
    let want: String = want.iter().map(|w| format!("x.go:{}\n", w)).collect();
    assert_eq!(got, want, "source:\n{}", src);
}

fn program(decls: &str, body: &str) -> String {
    format!(
        "package main\n\n{}\n\nfunc main() {{\n{}\n}}\n",
        decls, body
    )
}

#[test]
fn names_resolve_in_any_order() {
    let ok = [
        "type grid [N]int\nconst N = 4",
        "type A [len(B{})]int\ntype B [M]int\nconst M T = 3\ntype T int",
        "type X [3]A\ntype A = int",
        "type B struct{ a A }\ntype A = []B",
        "type A = []B\ntype B struct{ a A }",
        "type L struct{ next *L; kids []L; m map[int]L; c chan L; f func(L) L }",
        "type T struct { a [len(S{}.u)]int }\ntype S struct{ t *T; u [2]int }",
    ];
    for decls in ok {
        check(&program(decls, ""), &[]);
    }
}

#[test]
fn recursive_types_are_rejected_once() {
    check(
        &program("type T T", ""),
        &["3:6: invalid recursive type: T refers to itself"],
    );
    check(
        &program("type A B\ntype B A", ""),
        &["3:6: invalid recursive type A"],
    );
    check(
        &program("type A = B\ntype B = A", ""),
        &["3:6: invalid recursive type A"],
    );
    check(
        &program("type A = *A", ""),
        &["3:6: invalid recursive type: A refers to itself"],
    );
    // An alias stands for its type: the cycle is B's alone.
    check(
        &program("type A = struct{ b B }\ntype B struct{ a A }", ""),
        &["4:6: invalid recursive type: B refers to itself"],
    );
    // Uses of the invalid type stay quiet, as in Go.
    check(
        &program(
            "type T [2]T\n\nfunc (t T) M() int { return len(t) }",
            "\tvar t T\n\t_ = t.M() + len(T{})",
        ),
        &["3:6: invalid recursive type: T refers to itself"],
    );
}

#[test]
fn redeclarations_are_reported_in_source_order() {
    check(
        &program("const X = 1\ntype X int", ""),
        &["4:6: X redeclared in this block"],
    );
    check(
        &program("type X int\nconst X = 1", ""),
        &["4:7: X redeclared in this block"],
    );
    check(
        &program("func f() {}\nvar f int", ""),
        &["4:5: f redeclared in this block"],
    );
    check(
        &program("var f int\nfunc f() {}", ""),
        &["4:6: f redeclared in this block"],
    );
    check(
        &program("func g() {}\nconst g = 1", ""),
        &["4:7: g redeclared in this block"],
    );
}

#[test]
fn package_variables_in_constant_expressions() {
    check(
        &program("type T [len(arr)]int\nvar arr [3]int\nconst c = arr[0]", ""),
        &["5:11: arr[0] (variable of type int) is not constant"],
    );
    check(
        &program("var a [len(a)]int", ""),
        &["3:5: initialization cycle: a refers to itself"],
    );
    check(
        &program(
            "type T [len(nums)]int\nvar nums = [...]string{\"a\", \"b\"}",
            "\t_ = T{1, 2}",
        ),
        &[],
    );
}
