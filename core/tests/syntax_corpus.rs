//! Every Go program the project ships must parse: examples and the
//! conformance suite (files named `*compile_error*` / `*syntax*` are meant
//! to fail somewhere, so they only must not panic).

use std::path::{Path, PathBuf};

use chanscope_core::syntax::parse_file;

fn go_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            go_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "go") {
            out.push(p);
        }
    }
}

#[test]
fn shipped_programs_parse() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    go_files(&root.join("examples"), &mut files);
    go_files(&root.join("tests/conformance"), &mut files);
    files.sort();
    let mut failures = Vec::new();
    for f in &files {
        let src = String::from_utf8_lossy(&std::fs::read(f).unwrap()).into_owned();
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let result = parse_file(&src);
        let may_fail = name.contains("compile_error") || name.contains("syntax");
        if let (Err(d), false) = (&result, may_fail) {
            failures.push(d.render(&f.display().to_string()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} files failed:\n{}",
        failures.len(),
        files.len(),
        failures.concat()
    );
}
