//! Expression shapes, literal values and positions.

mod syntax_util;
use chanscope_core::syntax::ast::*;
use syntax_util::*;

fn s(src: &str) -> String {
    sexpr(&expr(src))
}

#[test]
fn precedence_has_five_levels() {
    assert_eq!(
        s("a || b && c == d + e * f"),
        "(a || (b && (c == (d + (e * f)))))"
    );
    assert_eq!(s("a * b + c"), "((a * b) + c)");
    assert_eq!(s("a - b - c"), "((a - b) - c)", "left associative");
    assert_eq!(s("a << 1 | b &^ c"), "((a << 1) | (b &^ c))");
    assert_eq!(
        s("a != b || c < d && e >= f"),
        "((a != b) || ((c < d) && (e >= f)))"
    );
    assert_eq!(s("x % 2 ^ y & z"), "((x % 2) ^ (y & z))");
}

#[test]
fn unary_operators() {
    assert_eq!(s("-x * +y"), "((Neg x) * (Pos y))");
    assert_eq!(s("!ok && ^m == 0"), "((Not ok) && ((Xor m) == 0))");
    assert_eq!(s("<-ch"), "(Recv ch)");
    assert_eq!(s("<-<-ch"), "(Recv (Recv ch))");
    assert_eq!(s("&x.f"), "(Addr x.f)");
    assert_eq!(s("*p + 1"), "((*p) + 1)");
    assert_eq!(s("**pp"), "(*(*pp))");
    assert_eq!(s("-5"), "(Neg 5)");
}

#[test]
fn primary_chains() {
    assert_eq!(s("a.b.c(1, 2)[3]"), "a.b.c(1, 2)[3]");
    assert_eq!(s("f(xs...)"), "f(xs...)");
    assert_eq!(s("f(a, b,)"), "f(a, b)");
    assert_eq!(s("f()()"), "f()()");
    assert_eq!(s("x.(int)"), "x.(int)");
    assert_eq!(s("x.(*T).f"), "x.(*T).f");
    assert_eq!(s("x.(type)"), "x.(type)");
    assert_eq!(s("m[k]"), "m[k]");
    assert_eq!(s("(a + b) * c"), "(((a + b)) * c)");
}

#[test]
fn slices() {
    assert_eq!(s("a[1:2]"), "a[1:2]");
    assert_eq!(s("a[:]"), "a[:]");
    assert_eq!(s("a[lo:]"), "a[lo:]");
    assert_eq!(s("a[:hi]"), "a[:hi]");
    assert_eq!(s("a[1:2:3]"), "a[1:2:3]");
    assert_eq!(s("a[:2:3]"), "a[:2:3]");
}

#[test]
fn types_in_expression_position() {
    assert_eq!(s("make(chan int, 3)"), "make(type:chan int, 3)");
    assert_eq!(s("make([]int, n)"), "make(type:[]int, n)");
    assert_eq!(s("make(map[string]int)"), "make(type:map[string]int)");
    assert_eq!(s("make(chan<- int)"), "make(type:chan<- int)");
    assert_eq!(s("make(<-chan int)"), "make(type:<-chan int)");
    assert_eq!(s("make(chan (<-chan int))"), "make(type:chan <-chan int)");
    assert_eq!(s("[]byte(s)"), "type:[]byte(s)");
    assert_eq!(s("new(struct{})"), "new(type:struct{})");
    assert_eq!(s("x.(interface{})"), "x.(interface{0})");
    assert_eq!(s("(func(int) bool)(nil)"), "(type:func(int) (bool))(nil)");
    assert_eq!(s("[3]int{}"), "[3]int{}");
    assert_eq!(s("(*T)(p)"), "((*T))(p)");
    assert_eq!(s("chan struct{}(nil)"), "type:chan struct{}(nil)");
}

#[test]
fn composite_literals() {
    assert_eq!(s("[]int{1, 2, 3}"), "[]int{1, 2, 3}");
    assert_eq!(s("[...]int{1, 2}"), "[...]int{1, 2}");
    assert_eq!(s("map[string]int{\"a\": 1,}"), "map[string]int{\"a\": 1}");
    assert_eq!(s("Point{X: 1, Y: 2}"), "Point{X: 1, Y: 2}");
    assert_eq!(s("pkg.T{}"), "pkg.T{}");
    assert_eq!(s("[][]int{{1}, {2, 3}}"), "[][]int{{1}, {2, 3}}");
    assert_eq!(
        s("map[Point]string{{1, 2}: \"a\"}"),
        "map[Point]string{{1, 2}: \"a\"}"
    );
    assert_eq!(s("[]*T{{}}"), "[]*T{{}}");
    assert_eq!(s("struct{ a int }{1}"), "struct{a int}{1}");
    assert_eq!(s("&T{}"), "(Addr T{})");
    assert_eq!(s("[]int{\n1,\n2,\n}"), "[]int{1, 2}");
    assert_eq!(s("List[int]{}"), "List[int]{}");
}

#[test]
fn func_literals() {
    let x = expr("func(a, b int) (int, error) { return a + b, nil }");
    let ExprKind::FuncLit { sig, body } = x.kind else {
        panic!("{:?}", x)
    };
    assert_eq!(sig.params.len(), 2);
    assert_eq!(sig.params[1].name.as_ref().unwrap().name, "b");
    assert_eq!(stype(&sig.params[0].ty), "int");
    assert_eq!(sig.results.len(), 2);
    assert_eq!(body.stmts.len(), 1);
    assert_eq!(s("func() {}()"), "funclit{0}()");
    assert_eq!(s("func(xs ...int) {}"), "funclit{0}");
}

#[test]
fn integer_literals() {
    for (src, v) in [
        ("42", 42),
        ("0x1F", 31),
        ("0o17", 15),
        ("017", 15),
        ("0b101", 5),
        ("1_000_000", 1_000_000),
        ("0", 0),
    ] {
        assert_eq!(expr(src).kind, ExprKind::Int(v), "{}", src);
    }
}

#[test]
fn float_and_imaginary_literals() {
    for (src, v) in [
        ("1.5", 1.5),
        (".5", 0.5),
        ("1e3", 1000.0),
        ("6.02e23", 6.02e23),
        ("0x1p-2", 0.25),
        ("1.", 1.0),
        ("1E-2", 0.01),
    ] {
        assert_eq!(expr(src).kind, ExprKind::Float(v), "{}", src);
    }
    assert_eq!(expr("2i").kind, ExprKind::Imag);
    assert_eq!(expr("1.5e2i").kind, ExprKind::Imag);
}

#[test]
fn rune_and_string_literals() {
    assert_eq!(expr("'a'").kind, ExprKind::Rune(97));
    assert_eq!(expr("'\\n'").kind, ExprKind::Rune(10));
    assert_eq!(expr("'\\x7f'").kind, ExprKind::Rune(127));
    assert_eq!(expr("'\\u00e9'").kind, ExprKind::Rune(0xe9));
    assert_eq!(expr("'世'").kind, ExprKind::Rune(0x4e16));
    assert_eq!(
        expr("\"a\\tb\\\"\"").kind,
        ExprKind::Str(b"a\tb\"".to_vec())
    );
    assert_eq!(expr("\"\\xff\"").kind, ExprKind::Str(vec![0xff]));
    assert_eq!(
        expr("\"\\377\\u00e9\"").kind,
        ExprKind::Str(vec![0xff, 0xc3, 0xa9])
    );
    assert_eq!(expr("`a\\n\r\nb`").kind, ExprKind::Str(b"a\\n\nb".to_vec()));
}

#[test]
fn positions_are_first_token_byte_columns() {
    let x = expr("a + b*c");
    assert_eq!(
        x.pos,
        p(1, 1),
        "binary: left operand start (where go reports mismatched types)"
    );
    let ExprKind::Binary(_, _, r) = &x.kind else {
        panic!()
    };
    assert_eq!(r.pos, p(1, 5));
    let x = expr("\"é\" + x");
    let ExprKind::Binary(_, _, r) = &x.kind else {
        panic!()
    };
    assert_eq!(r.pos, p(1, 8), "columns count bytes");
    assert_eq!(expr("-x").pos, p(1, 1));
    let x = expr("f(1,\n  g(2))");
    let ExprKind::Call { args, .. } = &x.kind else {
        panic!()
    };
    assert_eq!(args[1].pos, p(2, 3));
    let x = expr("(x)");
    assert_eq!(x.pos, p(1, 1));
    let x = expr("[]int{1}");
    assert_eq!(x.pos, p(1, 1));
}
