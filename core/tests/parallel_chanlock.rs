//! Channels under their own locks in the parallel driver
//! (`runtime/chanlock.rs`): buffered traffic between Ps really runs
//! without the runtime lock, and such a run still records a schedule that
//! replays exactly (stamped fast operations merged in serial order), with
//! the event log's buffer counts consistent at every step.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use chanscope_core::runtime::parallel::Step;
use chanscope_core::runtime::schedlog;

/// bench/pairs.go (four producer/consumer pairs, each on its own
/// buffered channel) with `n` values per pair.
fn pairs(n: u32) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let src = std::fs::read_to_string(root.join("bench/pairs.go")).unwrap();
    assert!(src.contains("const N = 1000000"), "bench/pairs.go lost its N");
    src.replace("const N = 1000000", &format!("const N = {n}"))
}

fn dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("chanscope-chanlock-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn chanscope(args: &[&str]) -> (String, Vec<u8>) {
    let out = Command::new(env!("CARGO_BIN_EXE_chanscope"))
        .args(args)
        .output()
        .expect("run chanscope");
    assert!(
        out.status.success(),
        "chanscope {:?}: {}",
        args,
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.stderr,
    )
}

fn p(x: &Path) -> &str {
    x.to_str().unwrap()
}

#[test]
fn buffered_traffic_runs_under_channel_locks_and_replays_exactly() {
    let d = dir();
    let src = d.join("pairs.go");
    std::fs::write(&src, pairs(3000)).unwrap();
    let want = "[4498500 4498500 4498500 4498500]\n";
    let mut fast_total = 0;
    for rep in 0..5 {
        let (sched, e1, e2) = (d.join("s.bin"), d.join("e1.json"), d.join("e2.json"));
        let (out, _) = chanscope(&[
            "run",
            "--parallel",
            "--procs",
            "2",
            "--record-schedule",
            p(&sched),
            "--events",
            p(&e1),
            p(&src),
        ]);
        assert_eq!(out, want, "rep {rep}");
        let s = schedlog::decode(&std::fs::read(&sched).unwrap()).unwrap();
        let fast: Vec<u16> = s
            .steps
            .iter()
            .filter_map(|st| {
                if let Step::Fast { p, .. } = st {
                    Some(*p)
                } else {
                    None
                }
            })
            .collect();
        fast_total += fast.len();

        let (out2, _) = chanscope(&[
            "run",
            "--replay-schedule",
            p(&sched),
            "--events",
            p(&e2),
            p(&src),
        ]);
        assert_eq!(out2, want);
        let (a, b) = (std::fs::read(&e1).unwrap(), std::fs::read(&e2).unwrap());
        assert!(
            a == b,
            "rep {rep}: the replay's event log differs from the run's"
        );

        // The merged log is a serial order: each channel's buffer count
        // moves by exactly one per send or receive, from 0, and no
        // receive ever sees an empty buffer's value.
        let events: Vec<serde_json::Value> = serde_json::from_slice(&a).unwrap();
        let mut fill: HashMap<u64, i64> = HashMap::new();
        let mut last_t = i64::MIN;
        for (i, e) in events.iter().enumerate() {
            let t = e["t"].as_i64().unwrap();
            assert!(t >= last_t, "rep {rep}: event {i} goes back in time");
            last_t = t;
            assert_eq!(
                e["seq"].as_u64().unwrap(),
                i as u64 + 1,
                "rep {rep}: event {i} is numbered out of order"
            );
            let kind = e["kind"].as_str().unwrap_or_default();
            if kind != "chan_send" && kind != "chan_recv" || e["closed"].as_bool() == Some(true) {
                continue;
            }
            let ch = e["ch"].as_u64().unwrap();
            let n = e["buffered"].as_i64().unwrap();
            let direct = if kind == "chan_send" {
                !e["to"].is_null()
            } else {
                !e["from"].is_null()
            };
            let before = *fill.get(&ch).unwrap_or(&0);
            let expect = match (kind, direct) {
                ("chan_send", false) => before + 1,
                ("chan_recv", false) => before - 1,
                _ => before,
            };
            assert_eq!(
                n, expect,
                "rep {rep}: event {i} ({kind} on chan {ch}) leaves {n} buffered after {before}"
            );
            fill.insert(ch, n);
        }
    }
    eprintln!("{fast_total} channel operations under their channel's lock alone over 5 runs");
    // Over five runs the Ms must have used the fast path: with a 128-slot
    // buffer most sends and receives need no other goroutine.
    assert!(
        fast_total > 1000,
        "only {fast_total} channel operations ran under their channel's lock alone"
    );
}
