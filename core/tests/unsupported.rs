//! Go that real-world concurrency code contains but chanscope's subset does
//! not cover yet must be refused with a located `FILE:LINE:COL: chanscope
//! does not support X yet` (or, for a whole package, `"pkg" is not supported
//! by chanscope yet`) and exit code 1: never a confusing syntax error, a
//! wrong answer or a crash. Every snippet is valid Go (`go build` accepts
//! it). When a feature becomes supported, move its snippet to a conformance
//! program instead of deleting it.

use std::path::PathBuf;
use std::process::Command;

struct Case {
    /// Also the file name, so the expected position reads `name.go:L:C`.
    name: &'static str,
    src: &'static str,
    /// `LINE:COL: message`, without the file name.
    want: &'static str,
    /// The diagnostic must be the first line of stderr (diagnostics are
    /// sorted by position). False where an earlier, knock-on diagnostic is
    /// known to come first.
    first: bool,
}

const CASES: &[Case] = &[
    Case {
        name: "slicing_an_array",
        src: "package main\n\nimport \"fmt\"\n\n\
              func main() {\n\
              \tvar buf [4]int\n\
              \ts := buf[1:3]\n\
              \ts[0] = 7\n\
              \tfmt.Println(buf, s)\n\
              }\n",
        want: "7:7: chanscope does not support slicing arrays yet",
        first: true,
    },
    Case {
        name: "cgo",
        src: "package main\n\n// #include <stdio.h>\nimport \"C\"\n\nimport \"fmt\"\n\n\
              func main() {\n\
              \tfmt.Println(\"hi\")\n\
              }\n",
        want: "4:8: chanscope does not support cgo yet",
        first: true,
    },
    Case {
        name: "go_embed",
        src: "package main\n\nimport (\n\t_ \"embed\"\n\t\"fmt\"\n)\n\n\
              //go:embed hello.txt\n\
              var hello string\n\n\
              func main() {\n\
              \tfmt.Println(hello)\n\
              }\n",
        want: "8:1: chanscope does not support go:embed yet",
        first: true,
    },
    Case {
        name: "math_rand_v2",
        src: "package main\n\nimport (\n\t\"fmt\"\n\t\"math/rand/v2\"\n)\n\n\
              func main() {\n\
              \tfmt.Println(rand.IntN(10) < 10)\n\
              }\n",
        want: "5:2: \"math/rand/v2\" is not supported by chanscope yet",
        first: true,
    },
    Case {
        name: "generic_func",
        src: "package main\n\nimport \"fmt\"\n\n\
              func Map[T, U any](xs []T, f func(T) U) []U {\n\
              \tvar out []U\n\
              \tfor _, x := range xs {\n\
              \t\tout = append(out, f(x))\n\
              \t}\n\
              \treturn out\n\
              }\n\n\
              func main() {\n\
              \tfmt.Println(Map([]int{1, 2}, func(i int) int { return i * 2 }))\n\
              }\n",
        want: "5:6: chanscope does not support generics yet",
        first: true,
    },
    Case {
        name: "generic_type_instantiated",
        src: "package main\n\nimport \"fmt\"\n\n\
              type Stack[T any] struct {\n\
              \titems []T\n\
              }\n\n\
              func main() {\n\
              \tvar s Stack[int]\n\
              \tfmt.Println(len(s.items))\n\
              }\n",
        want: "10:13: chanscope does not support generics yet",
        first: false,
    },
    Case {
        name: "generic_type_decl",
        src: "package main\n\nimport \"fmt\"\n\n\
              type Stack[T any] struct {\n\
              \titems []T\n\
              }\n\n\
              func main() {\n\
              \tvar s Stack[int]\n\
              \tfmt.Println(len(s.items))\n\
              }\n",
        want: "5:6: chanscope does not support generics yet",
        first: true,
    },
    Case {
        name: "generic_method_receiver",
        src: "package main\n\nimport \"fmt\"\n\n\
              type List[T any] []T\n\n\
              func (l List[T]) Len() int { return len(l) }\n\n\
              func main() {\n\
              \tfmt.Println(List[int]{1}.Len())\n\
              }\n",
        want: "7:13: chanscope does not support generics yet",
        first: false,
    },
    Case {
        name: "type_set_constraint",
        src: "package main\n\nimport \"fmt\"\n\n\
              type Number interface {\n\
              \t~int | ~float64\n\
              }\n\n\
              func main() {\n\
              \tfmt.Println(1)\n\
              }\n",
        want: "6:2: chanscope does not support generics yet",
        first: true,
    },
    Case {
        // TODO: `"sync/atomic" imported and not used` (5:2) comes first.
        name: "atomic_pointer_generic",
        src: "package main\n\nimport (\n\t\"fmt\"\n\t\"sync/atomic\"\n)\n\n\
              type cfg struct{ n int }\n\n\
              func main() {\n\
              \tvar p atomic.Pointer[cfg]\n\
              \tp.Store(&cfg{1})\n\
              \tfmt.Println(p.Load().n)\n\
              }\n",
        want: "11:22: chanscope does not support generics yet",
        first: false,
    },
    Case {
        name: "complex_builtin",
        src: "package main\n\nimport \"fmt\"\n\n\
              func main() {\n\
              \tc := complex(1, 2)\n\
              \tfmt.Println(real(c))\n\
              }\n",
        want: "6:7: chanscope does not support complex numbers yet",
        first: true,
    },
    Case {
        name: "complex_type",
        src: "package main\n\nimport \"fmt\"\n\n\
              func main() {\n\
              \tvar c complex128\n\
              \tfmt.Println(c)\n\
              }\n",
        want: "6:8: chanscope does not support complex numbers yet",
        first: true,
    },
    Case {
        name: "unsafe_import",
        src: "package main\n\nimport (\n\t\"fmt\"\n\t\"unsafe\"\n)\n\n\
              func main() {\n\
              \tfmt.Println(unsafe.Sizeof(1))\n\
              }\n",
        want: "5:2: \"unsafe\" is not supported by chanscope yet",
        first: true,
    },
    Case {
        name: "reflect_import",
        src: "package main\n\nimport (\n\t\"fmt\"\n\t\"reflect\"\n)\n\n\
              func main() {\n\
              \tfmt.Println(reflect.TypeOf(1))\n\
              }\n",
        want: "5:2: \"reflect\" is not supported by chanscope yet",
        first: true,
    },
    Case {
        name: "net_http_import",
        src: "package main\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n)\n\n\
              func main() {\n\
              \tfmt.Println(http.StatusOK)\n\
              }\n",
        want: "5:2: \"net/http\" is not supported by chanscope yet",
        first: true,
    },
    Case {
        // TODO: `"fmt" imported and not used` (3:8) comes first.
        name: "range_over_func",
        src: "package main\n\nimport \"fmt\"\n\n\
              func seq(yield func(int) bool) {\n\
              \tfor i := 0; i < 3; i++ {\n\
              \t\tif !yield(i) {\n\
              \t\t\treturn\n\
              \t\t}\n\
              \t}\n\
              }\n\n\
              func main() {\n\
              \tfor x := range seq {\n\
              \t\tfmt.Println(x)\n\
              \t}\n\
              }\n",
        want: "14:17: chanscope does not support range over functions yet",
        first: false,
    },
    Case {
        name: "dot_import",
        src: "package main\n\nimport . \"fmt\"\n\n\
              func main() {\n\
              \tPrintln(\"x\")\n\
              }\n",
        want: "3:8: chanscope does not support dot imports yet",
        first: true,
    },
    Case {
        name: "fmt_sscan",
        src: "package main\n\nimport \"fmt\"\n\n\
              func main() {\n\
              \tvar n int\n\
              \tfmt.Sscan(\"5\", &n)\n\
              \tfmt.Println(n)\n\
              }\n",
        want: "7:6: chanscope does not support fmt.Sscan yet",
        first: true,
    },
    Case {
        name: "os_getenv",
        src: "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\n\
              func main() {\n\
              \tfmt.Println(os.Getenv(\"HOME\") != \"\")\n\
              }\n",
        want: "9:17: chanscope does not support os.Getenv yet",
        first: true,
    },
    Case {
        name: "runtime_goexit",
        src: "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\n\
              func main() {\n\
              \tdone := make(chan bool)\n\
              \tgo func() {\n\
              \t\tdefer close(done)\n\
              \t\truntime.Goexit()\n\
              \t}()\n\
              \t<-done\n\
              \tfmt.Println(\"ok\")\n\
              }\n",
        want: "12:11: chanscope does not support runtime.Goexit yet",
        first: true,
    },
    Case {
        name: "runtime_debug_import",
        src: "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime/debug\"\n)\n\n\
              func main() {\n\
              \tfmt.Println(len(debug.Stack()) > 0)\n\
              }\n",
        want: "5:2: \"runtime/debug\" is not supported by chanscope yet",
        first: true,
    },
    Case {
        name: "slices_import",
        src: "package main\n\nimport (\n\t\"fmt\"\n\t\"slices\"\n)\n\n\
              func main() {\n\
              \txs := []int{3, 1, 2}\n\
              \tslices.Sort(xs)\n\
              \tfmt.Println(xs)\n\
              }\n",
        want: "5:2: \"slices\" is not supported by chanscope yet",
        first: true,
    },
    Case {
        // Generic in Go (OnceValue[T]).
        name: "sync_once_value",
        src: "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\n\
              func main() {\n\
              \tget := sync.OnceValue(func() int { return 42 })\n\
              \tfmt.Println(get())\n\
              }\n",
        want: "9:14: chanscope does not support sync.OnceValue yet",
        first: true,
    },
];

fn scratch_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("chanscope-unsupported-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `chanscope run NAME.go` from the file's directory so diagnostics
/// start with the bare file name, as Go's do.
fn run(case: &Case) -> (Option<i32>, String, String) {
    let dir = scratch_dir();
    let file = format!("{}.go", case.name);
    std::fs::write(dir.join(&file), case.src).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_chanscope"))
        .current_dir(&dir)
        .arg("run")
        .arg(&file)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn check(case: &Case) -> Option<String> {
    let (code, stdout, stderr) = run(case);
    let want = format!("{}.go:{}", case.name, case.want);
    let mut problems = Vec::new();
    if code != Some(1) {
        problems.push(format!("exit code {code:?}, want 1"));
    }
    if !stdout.is_empty() {
        problems.push(format!("the program ran: stdout {stdout:?}"));
    }
    let lines: Vec<&str> = stderr.lines().collect();
    if !lines.contains(&want.as_str()) {
        problems.push(format!("no line {want:?}"));
    } else if case.first && lines.first() != Some(&want.as_str()) {
        problems.push(format!("{want:?} is not the first line"));
    }
    (!problems.is_empty()).then(|| {
        format!(
            "{}: {}\n  stderr: {stderr:?}",
            case.name,
            problems.join("; ")
        )
    })
}

#[test]
fn unsupported_features_get_a_located_error() {
    let failures: Vec<String> = CASES.iter().filter_map(check).collect();
    let _ = std::fs::remove_dir_all(scratch_dir());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn cases_have_distinct_names() {
    let mut names: Vec<&str> = CASES.iter().map(|c| c.name).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), CASES.len());
    assert!(CASES.len() >= 10);
}
