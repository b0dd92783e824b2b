//! Inputs that once made the pipeline hang, exhaust memory or take
//! unbounded time in one instruction (found while fuzzing with
//! `core/fuzz`). Each goes through `compile_source` and a run with the
//! fuzz target's limits, and must end promptly with the expected answer.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chanscope_core::runtime::machine::{Config, ExitKind, Machine};

/// What an input must come to.
enum Want {
    /// A compile error containing this text.
    CompileError(&'static str),
    /// A run stopped at a limit, with this text on stderr.
    Limit(&'static str),
}

const CASES: &[(&str, Want)] = &[
    // `s += s` in a loop: one Concat built an unbounded string.
    (
        "string_concat_doubling.go",
        Want::Limit("exceeds the allocation limit"),
    ),
    // `%1000000d` verbs: Sprintf built hundreds of MB per call.
    (
        "sprintf_huge_widths.go",
        Want::Limit("exceeds the allocation limit"),
    ),
    // `fmt.Sprint` of a 64K-value array: 128 KB of text (a 16M-value one
    // took 0.5 s per call and was not stopped).
    (
        "sprint_huge_array.go",
        Want::Limit("exceeds the allocation limit"),
    ),
    // `fmt.Sprint` of slices sharing one backing array (8M values).
    (
        "sprint_shared_slices.go",
        Want::Limit("exceeds the allocation limit"),
    ),
    // `var a [1 << 24]int`: a zero value past `max_alloc`.
    (
        "zero_array_over_alloc.go",
        Want::Limit("allocation of 16777216 elements"),
    ),
    // `make([][65536]int, 65536)`: each element later copied apart.
    (
        "make_slice_of_arrays.go",
        Want::Limit("allocation of 4294967296 elements"),
    ),
    // `[1 << 20][1 << 20]int`: writes copied 1M-value rows, 2.5 GB.
    (
        "nested_array_type_too_large.go",
        Want::CompileError("types this large"),
    ),
    // Comparing two `[1 << 16][1 << 16]int` values (4G compares).
    (
        "compare_huge_arrays.go",
        Want::CompileError("types this large"),
    ),
    // `type Tn struct{ a, b Tn-1 }` 60 deep: a 2^59-value zero value.
    (
        "struct_type_exponential.go",
        Want::CompileError("types this large"),
    ),
    // The same 20 deep: allowed, but its zero value exceeds `max_alloc`.
    (
        "struct_zero_exponential.go",
        Want::Limit("exceeds the limit of 65536"),
    ),
    // `const cN = cN-1 + cN-1`: an exabyte string constant.
    (
        "const_string_doubling.go",
        Want::CompileError("constants this large"),
    ),
];

/// The limits of `core/fuzz/fuzz_targets/pipeline.rs`.
fn config(data: &[u8]) -> Config {
    Config {
        procs: 1 + (data.len() % 4),
        seed: data.len() as u64,
        max_steps: 200_000,
        max_output: 1 << 16,
        max_goroutines: 1000,
        max_frames: 10_000,
        max_stack: 1 << 20,
        max_alloc: 1 << 16,
        ..Config::default()
    }
}

#[test]
fn fuzz_regressions() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut failures = Vec::new();
    for (name, want) in CASES {
        let data = std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{}: {}", name, e));
        let start = Instant::now();
        let got = match chanscope_core::compile_source(&data, name) {
            Err(d) => format!("compile error: {:?}", d),
            Ok(prog) => {
                let mut m = Machine::new(Arc::new(prog), config(&data));
                let exit = m.run(0).cloned();
                let stderr = String::from_utf8_lossy(&m.stderr).into_owned();
                match exit {
                    Some(e) if e.kind == ExitKind::Limit => format!("limit: {}", stderr),
                    other => format!("exit {:?}: {}", other, stderr),
                }
            }
        };
        let took = start.elapsed();
        let ok = match want {
            Want::CompileError(s) => got.starts_with("compile error") && got.contains(s),
            Want::Limit(s) => got.starts_with("limit") && got.contains(s),
        };
        // Generous for debug builds; these took from seconds to forever.
        if !ok || took > Duration::from_secs(5) {
            failures.push(format!("{}: {:?}: {}", name, took, got));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Every input in the directory is listed above.
#[test]
fn all_inputs_listed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(
            CASES.iter().any(|(n, _)| *n == name),
            "{} is not in CASES",
            name
        );
    }
}
