//! Sanity of the bug-finding corpus in tests/bugs (see tests/bugs/README.md):
//! the manifest and the programs agree, every entry is well-formed, and each
//! program's default run (`chanscope run`, procs 4, seed 1) matches what the
//! manifest says about it: a non-rare deadlock deadlocks in the default
//! schedule, everything else exits normally there. Whether `chanscope check`
//! finds the expected kinds is tests/bugs.rs's job (the explorer's harness).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const KINDS: [&str; 5] = ["deadlock", "leak", "race", "lock-order", "panic"];

fn bugs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/bugs")
}

struct Entry {
    file: String,
    expect: Vec<String>,
    rare: bool,
    go_race_confirms: Option<bool>,
    notes: String,
}

/// Parses manifest.json strictly: any missing or mistyped field is an error
/// naming the entry.
fn manifest() -> Vec<Entry> {
    let path = bugs_dir().join("manifest.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let v: Value = serde_json::from_str(&text).expect("manifest.json is not valid JSON");
    let arr = v
        .as_array()
        .expect("manifest.json must be an array of entries");
    arr.iter()
        .enumerate()
        .map(|(i, e)| {
            let obj = e
                .as_object()
                .unwrap_or_else(|| panic!("entry {i} is not an object"));
            for k in obj.keys() {
                assert!(
                    ["file", "expect", "rare", "go_race_confirms", "notes"].contains(&k.as_str()),
                    "entry {i}: unknown field {k}"
                );
            }
            let file = obj["file"]
                .as_str()
                .unwrap_or_else(|| panic!("entry {i}: file"))
                .to_string();
            let expect = obj["expect"]
                .as_array()
                .unwrap_or_else(|| panic!("{file}: expect must be an array"))
                .iter()
                .map(|k| {
                    k.as_str()
                        .unwrap_or_else(|| panic!("{file}: expect holds strings"))
                        .to_string()
                })
                .collect();
            let rare = obj["rare"]
                .as_bool()
                .unwrap_or_else(|| panic!("{file}: rare must be a bool"));
            let go_race_confirms = match &obj["go_race_confirms"] {
                Value::Null => None,
                Value::Bool(b) => Some(*b),
                _ => panic!("{file}: go_race_confirms must be a bool or null"),
            };
            let notes = obj["notes"]
                .as_str()
                .unwrap_or_else(|| panic!("{file}: notes"))
                .to_string();
            Entry {
                file,
                expect,
                rare,
                go_race_confirms,
                notes,
            }
        })
        .collect()
}

#[test]
fn manifest_and_programs_agree() {
    let entries = manifest();
    let listed: Vec<&str> = entries.iter().map(|e| e.file.as_str()).collect();
    let unique: BTreeSet<&str> = listed.iter().copied().collect();
    assert_eq!(unique.len(), listed.len(), "duplicate manifest entries");
    let on_disk: BTreeSet<String> = std::fs::read_dir(bugs_dir())
        .unwrap()
        .filter_map(|d| d.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".go"))
        .collect();
    for f in &on_disk {
        assert!(unique.contains(f.as_str()), "{f} has no manifest entry");
    }
    for f in &unique {
        assert!(
            on_disk.contains(*f),
            "manifest lists {f}, which does not exist"
        );
    }
}

#[test]
fn entries_are_well_formed() {
    let entries = manifest();
    let buggy = entries.iter().filter(|e| !e.expect.is_empty()).count();
    let correct = entries.len() - buggy;
    assert!(buggy >= 45, "only {buggy} buggy programs");
    assert!(correct >= 22, "only {correct} correct programs");
    for e in &entries {
        let f = &e.file;
        let kinds: BTreeSet<&str> = e.expect.iter().map(|k| k.as_str()).collect();
        assert_eq!(kinds.len(), e.expect.len(), "{f}: repeated kind");
        for k in &kinds {
            assert!(KINDS.contains(k), "{f}: unknown kind {k}");
        }
        assert!(!e.notes.trim().is_empty(), "{f}: empty notes");
        // A race is claimed exactly when Go's verdict on it is recorded.
        assert_eq!(
            kinds.contains("race"),
            e.go_race_confirms.is_some(),
            "{f}: go_race_confirms vs expect"
        );
        if kinds.is_empty() {
            assert!(!e.rare, "{f}: a correct program cannot be rare");
            assert!(f.starts_with("ok_"), "{f}: correct programs are named ok_*");
        } else {
            assert!(
                !f.starts_with("ok_"),
                "{f}: ok_ program with expected findings"
            );
        }
        let src = std::fs::read_to_string(bugs_dir().join(f)).unwrap();
        let header = if kinds.is_empty() {
            "// Correct:"
        } else {
            "// Bug:"
        };
        assert!(
            src.starts_with(header),
            "{f}: must start with a `{header}` comment"
        );
        assert!(src.contains("\npackage main\n"), "{f}: not package main");
        assert!(
            src.contains("Shows in:") || kinds.is_empty(),
            "{f}: header must say in which schedule the bug shows"
        );
    }
}

/// The default run must agree with `rare`: a deadlock that is not rare shows
/// as Go's fatal deadlock error (exit 2), a panic that is not rare as a panic
/// or fatal error (exit 2); rare bugs, leaks, races and lock-order
/// inversions leave the default run's exit status 0.
#[test]
fn default_run_matches_rare_flags() {
    let mut failures = Vec::new();
    for e in manifest() {
        let out = Command::new(env!("CARGO_BIN_EXE_chanscope"))
            .args(["run", "--timeout", "20s"])
            .arg(bugs_dir().join(&e.file))
            .output()
            .unwrap();
        let code = out.status.code();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let deadlocks = stderr.starts_with("fatal error: all goroutines are asleep - deadlock!");
        let want_deadlock = e.expect.iter().any(|k| k == "deadlock") && !e.rare;
        let want_panic = e.expect.iter().any(|k| k == "panic") && !e.rare;
        let ok = if want_deadlock {
            code == Some(2) && deadlocks
        } else if want_panic {
            code == Some(2)
                && (stderr.starts_with("panic: ") || stderr.starts_with("fatal error: "))
        } else {
            code == Some(0)
        };
        if !ok {
            let first = stderr.lines().next().unwrap_or("");
            failures.push(format!("{}: exit {:?}, stderr {:?}", e.file, code, first));
        }
    }
    assert!(
        failures.is_empty(),
        "default runs disagree with the manifest:\n{}",
        failures.join("\n")
    );
}
