//! Runaway programs stop at limits with a clear message and a non-zero
//! exit, never a hang or a crash of the host: under the deterministic
//! driver and under the parallel one (a thread per P).

use std::process::Command;

/// Runs `src` under both drivers; each must exit 2 with stderr starting
/// with `want`.
fn expect(src: &str, flags: &[&str], want: &str) {
    for parallel in [false, true] {
        let mut f: Vec<&str> = flags.to_vec();
        if parallel {
            f.extend(["--parallel", "--procs", "4"]);
        }
        let t = std::time::Instant::now();
        let (code, err) = run(src, &f);
        assert_eq!(code, 2, "parallel={}: {}", parallel, err);
        assert!(err.starts_with(want), "parallel={}: {}", parallel, err);
        assert!(t.elapsed() < std::time::Duration::from_secs(20), "parallel={}: took {:?}", parallel, t.elapsed());
    }
}

fn run(src: &str, flags: &[&str]) -> (i32, String) {
    let dir = std::env::temp_dir().join(format!("chanscope-limits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("p{}.go", src.len()));
    std::fs::write(&path, src).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_chanscope")).arg("run").args(flags).arg(&path).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn endless_loop_hits_the_step_limit() {
    expect("package main\n\nfunc main() {\n\tfor {\n\t}\n}\n", &["--max-steps", "1000000"], "chanscope: program exceeded the step limit of 1000000 instructions");
}

#[test]
fn endless_loop_hits_the_time_limit() {
    expect("package main\n\nfunc main() {\n\tx := 0\n\tfor {\n\t\tx++\n\t}\n}\n", &["--max-steps", "0", "--timeout", "300ms"], "chanscope: program exceeded the time limit of 300ms");
}

/// Busy goroutines on every P, none of them ever blocking.
#[test]
fn endless_loops_on_every_p_hit_the_time_limit() {
    let src = "package main\n\nfunc spin() {\n\tx := 0\n\tfor {\n\t\tx++\n\t}\n}\n\nfunc main() {\n\tfor i := 0; i < 7; i++ {\n\t\tgo spin()\n\t}\n\tspin()\n}\n";
    expect(src, &["--max-steps", "0", "--timeout", "300ms"], "chanscope: program exceeded the time limit of 300ms");
    expect(src, &["--max-steps", "5000000"], "chanscope: program exceeded the step limit of 5000000 instructions");
}

#[test]
fn goroutine_bomb_hits_the_goroutine_limit() {
    expect("package main\n\nfunc main() {\n\tfor {\n\t\tgo func() { select {} }()\n\t}\n}\n", &["--max-goroutines", "5000"], "chanscope: too many goroutines (limit 5000)");
}

#[test]
fn memory_bomb_hits_the_memory_limit() {
    let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tvar s [][]int\n\tfor {\n\t\ts = append(s, make([]int, 100000))\n\t\tfmt.Print(\"\")\n\t}\n}\n";
    expect(src, &["--max-memory", "64"], "chanscope: program used more than 64 MB of memory");
}

#[test]
fn huge_single_allocation_is_refused() {
    let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\ts := make([]int, 1<<40)\n\tfmt.Println(len(s))\n}\n";
    expect(src, &[], "chanscope: allocation of 1099511627776 elements exceeds the limit");
}

#[test]
fn output_flood_hits_the_output_limit() {
    let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfor {\n\t\tfmt.Println(\"spam\")\n\t}\n}\n";
    expect(src, &["--max-output", "10000"], "chanscope: program output exceeded the limit of 10000 bytes");
}

#[test]
fn unbounded_recursion_is_a_stack_overflow() {
    let src = "package main\n\nfunc f(n int) int { return f(n+1) + 1 }\n\nfunc main() {\n\tprintln(f(0))\n}\n";
    expect(src, &[], "runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow");
}
