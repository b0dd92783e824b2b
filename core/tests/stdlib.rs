//! Library behaviour that the Go goldens cannot pin down: what depends on
//! the virtual clock (log timestamps, time.Now) or on the run's seed
//! (math/rand's top-level source).

use std::process::Command;

fn run(name: &str, src: &str, flags: &[&str]) -> (i32, String, String) {
    let dir = std::env::temp_dir().join(format!("chanscope-stdlib-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{}.go", name));
    std::fs::write(&path, src).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_chanscope"))
        .arg("run")
        .args(flags)
        .arg(&path)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn log_prints_the_playground_time_on_the_virtual_clock() {
    let src = "package main\n\nimport (\n\t\"log\"\n\t\"time\"\n)\n\nfunc main() {\n\tlog.Println(\"start\")\n\ttime.Sleep(90 * time.Second)\n\tlog.SetFlags(log.LstdFlags | log.Lmicroseconds | log.Lshortfile)\n\tlog.Print(\"later\")\n\tlog.Fatalf(\"bye %d\", 1)\n}\n";
    let (code, out, err) = run("logclock", src, &[]);
    assert_eq!(code, 1);
    assert_eq!(out, "");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines[0], "2009/11/10 23:00:00 start");
    assert!(
        lines[1].starts_with("2009/11/10 23:01:30.000") && lines[1].ends_with(" logclock.go:12: later"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].starts_with("2009/11/10 23:01:30.000") && lines[2].ends_with(" logclock.go:13: bye 1"),
        "{}",
        lines[2]
    );
    assert_eq!(lines.len(), 3);
}

#[test]
fn now_starts_at_the_playground_epoch_with_a_monotonic_reading() {
    let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tt := time.Now()\n\tfmt.Println(t.Format(time.DateTime))\n\ttime.Sleep(time.Hour)\n\tfmt.Println(time.Now().Round(time.Second).Format(time.RFC3339), time.Since(t).Round(time.Minute))\n\tfmt.Println(t)\n}\n";
    let (code, out, _) = run("now", src, &[]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[..2], ["2009-11-10 23:00:00", "2009-11-11T00:00:00Z 1h0m0s"]);
    // Go's Time.String of a Now() value ends with the monotonic reading.
    assert!(
        lines[2].starts_with("2009-11-10 23:00:00") && lines[2].contains(" +0000 UTC m=+0.0000"),
        "{}",
        lines[2]
    );
}

#[test]
fn rand_follows_the_seed() {
    let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"math/rand\"\n)\n\nfunc main() {\n\tfmt.Println(rand.Intn(1000000), rand.Int63(), rand.Perm(5))\n}\n";
    let a = run("rand1", src, &["--seed", "1"]).1;
    let b = run("rand1", src, &["--seed", "1"]).1;
    let c = run("rand1", src, &["--seed", "2"]).1;
    assert_eq!(a, b);
    assert_ne!(a, c);
}

#[test]
fn ticker_drops_ticks_for_a_slow_receiver() {
    let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\ttk := time.NewTicker(10 * time.Millisecond)\n\tstart := time.Now()\n\ttime.Sleep(55 * time.Millisecond)\n\t<-tk.C\n\tt := <-tk.C\n\tfmt.Println(t.Sub(start).Round(time.Millisecond))\n}\n";
    let (code, out, _) = run("ticker", src, &[]);
    assert_eq!(code, 0);
    // The buffered tick is from 10ms; the next one is due at 60ms, not 20ms.
    assert_eq!(out, "60ms\n");
}
