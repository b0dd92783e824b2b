//! The bug corpus (tests/bugs/): `check` with the default budget finds
//! every expected kind of finding in each buggy program and nothing in the
//! correct ones. The expected kinds are `tests/bugs/manifest.json`'s
//! (`expect`, empty for a correct program); every program must have an
//! entry, and its name prefix (`deadlock_`, `leak_`, `race_`, `lockorder_`,
//! `panic_`, `ok_`) must agree with it.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chanscope_core::analysis::check::{CheckConfig, Checker};

/// `chanscope check`'s default wall-clock budget.
const TIME_LIMIT: Duration = Duration::from_secs(10);

fn prefix_kind(name: &str) -> Option<Option<&'static str>> {
    let kinds = [("deadlock_", "deadlock"), ("leak_", "leak"), ("race_", "race"), ("lockorder_", "lock-order"), ("panic_", "panic")];
    if name.starts_with("ok_") {
        return Some(None);
    }
    kinds.iter().find(|(p, _)| name.starts_with(p)).map(|(_, k)| Some(*k))
}

/// `file` to its expected finding kinds, from the manifest.
fn manifest(dir: &std::path::Path) -> std::collections::HashMap<String, Vec<String>> {
    let text = std::fs::read_to_string(dir.join("manifest.json")).expect("tests/bugs/manifest.json");
    let v: serde_json::Value = serde_json::from_str(&text).expect("manifest.json is JSON");
    let mut out = std::collections::HashMap::new();
    for e in v.as_array().expect("a list of entries") {
        let file = e["file"].as_str().expect("file").to_string();
        let kinds = e["expect"].as_array().expect("expect").iter().map(|k| k.as_str().expect("kind").to_string()).collect();
        out.insert(file, kinds);
    }
    out
}

#[test]
fn corpus_bugs_are_found_and_correct_programs_pass() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/bugs");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "go")).collect();
    files.sort();
    let filter = std::env::var("BUGS_FILTER").ok();
    let manifest = manifest(&dir);
    let (mut failures, mut buggy, mut correct) = (Vec::new(), 0, 0);
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if filter.as_ref().is_some_and(|f| !name.contains(f.as_str())) {
            continue;
        }
        let Some(want_kinds) = manifest.get(&name) else {
            failures.push(format!("{}: no manifest entry", name));
            continue;
        };
        match prefix_kind(&name) {
            Some(Some(k)) if !want_kinds.iter().any(|w| w == k) => failures.push(format!("{}: the manifest does not expect {}", name, k)),
            Some(None) if !want_kinds.is_empty() => failures.push(format!("{}: a correct program with expected findings", name)),
            None => failures.push(format!("{}: no kind prefix", name)),
            _ => {}
        }
        let want: Option<&[String]> = if want_kinds.is_empty() { None } else { Some(want_kinds) };
        let src = std::fs::read(path).unwrap();
        let prog = match chanscope_core::compile_source(&src, &name) {
            Ok(p) => Arc::new(p),
            Err(d) => {
                failures.push(format!("{}: compile error {}", name, d.render(&name)));
                continue;
            }
        };
        let mut c = Checker::new(prog, CheckConfig::default());
        let start = Instant::now();
        while !c.done() && start.elapsed() < TIME_LIMIT {
            c.step(4);
        }
        let r = c.report();
        let kinds: Vec<&str> = r.findings.iter().map(|f| f.kind.as_str()).collect();
        match want {
            Some(ks) => {
                buggy += 1;
                for k in ks {
                    if !kinds.contains(&k.as_str()) {
                        failures.push(format!("{}: expected a {} finding, got {:?} in {} schedules", name, k, kinds, r.schedules));
                    }
                }
                if r.findings.iter().any(|f| f.replay.is_empty()) {
                    failures.push(format!("{}: a finding without a replay token", name));
                }
            }
            None => {
                correct += 1;
                if !r.findings.is_empty() {
                    failures.push(format!("{}: correct program, got {:?}", name, r.findings));
                }
            }
        }
        eprintln!("{}: {:?} in {} schedules{}", name, kinds, r.schedules, if r.exhaustive { " (exhaustive)" } else { "" });
    }
    eprintln!("{} buggy and {} correct programs checked", buggy, correct);
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}
