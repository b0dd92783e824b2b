//! Boundary tests of the additions in this crate (run by `make wasm-test`
//! with the ones in wasm/tests).

use super::*;
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

fn json(v: &JsValue) -> Value {
    let s: String = js_sys::JSON::stringify(v).unwrap().into();
    serde_json::from_str(&s).unwrap()
}

fn config(v: Value) -> JsSessionConfig {
    js_sys::JSON::parse(&v.to_string()).unwrap().unchecked_into()
}

/// Steps until the run ends or stops making progress (it then waits for a
/// signal); returns stdout, stderr and the last status.
fn run_until_idle(s: &mut Session) -> (String, String, Value) {
    let (mut out, mut err) = (String::new(), String::new());
    let mut last_steps = u64::MAX;
    loop {
        let st = json(&s.step(1).unwrap());
        out.push_str(st["stdout"].as_str().unwrap());
        err.push_str(st["stderr"].as_str().unwrap());
        let steps = st["steps"].as_u64().unwrap();
        if !st["exit"].is_null() || steps == last_steps {
            return (out, err, st);
        }
        last_steps = steps;
    }
}

const NOTIFY: &str = r#"package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	fmt.Println("waiting")
	<-ctx.Done()
	fmt.Println("got:", context.Cause(ctx))
}
"#;

#[wasm_bindgen_test]
fn interrupt_reaches_notify_context() {
    let mut s = Session::new(NOTIFY, config(json!({"procs": 2}))).unwrap();
    let (out, _, st) = run_until_idle(&mut s);
    assert_eq!(out, "waiting\n");
    assert!(st["exit"].is_null(), "waits for the signal: {st}");
    s.interrupt();
    let (out, err, st) = run_until_idle(&mut s);
    assert_eq!(out, "got: interrupt signal received\n");
    assert_eq!(err, "");
    assert_eq!(st["exit"], json!({"code": 0, "kind": "normal"}));
    // After the exit it changes nothing.
    s.interrupt();
    assert_eq!(json(&s.step(1).unwrap())["exit"], json!({"code": 0, "kind": "normal"}));
}

#[wasm_bindgen_test]
fn interrupt_without_a_handler_kills_with_130() {
    let src = "package main\n\nimport \"time\"\n\nfunc main() {\n\tfor {\n\t\ttime.Sleep(time.Second)\n\t}\n}\n";
    let mut s = Session::new(src, config(json!({}))).unwrap();
    assert!(json(&s.step(1).unwrap())["exit"].is_null());
    s.interrupt();
    let (_, err, st) = run_until_idle(&mut s);
    assert_eq!(err, "signal: interrupt\n");
    assert_eq!(st["exit"], json!({"code": 130, "kind": "fatal"}));
    let r = json(&s.report().unwrap());
    assert_eq!(r["text"], "signal: interrupt\n");
}

/// Two goroutines take two locks in opposite orders: the default schedule
/// finishes, some interleavings deadlock.
const ABBA: &str = r#"package main

import (
	"fmt"
	"sync"
)

func main() {
	var a, b sync.Mutex
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		a.Lock()
		b.Lock()
		fmt.Println("a then b")
		b.Unlock()
		a.Unlock()
	}()
	go func() {
		defer wg.Done()
		b.Lock()
		a.Lock()
		fmt.Println("b then a")
		a.Unlock()
		b.Unlock()
	}()
	wg.Wait()
	fmt.Println("done")
}
"#;

fn run_to_exit(s: &mut Session) -> (String, Value) {
    let mut err = String::new();
    loop {
        let st = json(&s.step(0).unwrap());
        err.push_str(st["stderr"].as_str().unwrap());
        if !st["exit"].is_null() {
            return (err, st["exit"].clone());
        }
    }
}

#[wasm_bindgen_test]
fn checker_finds_a_rare_deadlock_and_its_token_replays_it() {
    // The default schedule does not deadlock.
    let mut s = Session::new(ABBA, config(json!({}))).unwrap();
    assert_eq!(run_to_exit(&mut s).1, json!({"code": 0, "kind": "normal"}));

    let mut c = Checker::new(ABBA, config(json!({})), 200).unwrap();
    let mut last = 0;
    let p = loop {
        let p = json(&c.step(5).unwrap());
        let n = p["schedules"].as_u64().unwrap();
        assert!(n >= last && n <= 200, "{p}");
        last = n;
        if p["done"] == true {
            break p;
        }
    };
    assert_eq!(p["budget"], 200);
    let dl = p["findings"].as_array().unwrap().iter().find(|f| f["kind"] == "deadlock").expect("a deadlock finding").clone();
    assert_eq!(dl["message"], "all goroutines are asleep - deadlock!");
    assert!(dl["goroutines"].as_array().unwrap().iter().any(|g| g.as_str().unwrap().contains("prog.go:28")), "{dl}");
    let token = dl["replay"].as_str().unwrap();

    let mut r = Session::replay(ABBA, config(json!({"trace": true})), token).unwrap();
    let (err, exit) = run_to_exit(&mut r);
    assert_eq!(exit, json!({"code": 2, "kind": "deadlock"}));
    assert!(err.contains("fatal error: all goroutines are asleep - deadlock!"), "{err}");
    let found = json(&r.findings().unwrap());
    assert!(found.as_array().unwrap().iter().any(|f| f["kind"] == "deadlock"), "{found}");
    assert_eq!(json(&r.report().unwrap())["kind"], "deadlock");
}

#[wasm_bindgen_test]
fn bad_replay_tokens_are_replay_errors() {
    for tok in ["", "9AAA", "1!!", "1A"] {
        let e: JsValue = Session::replay(ABBA, config(json!({})), tok).err().expect(tok);
        assert_eq!(js_sys::Reflect::get(&e, &"kind".into()).unwrap(), "replay", "{tok}");
    }
    let e: JsValue = Checker::new("package main\nfunc main() { x }\n", config(json!({})), 10).err().unwrap();
    assert_eq!(js_sys::Reflect::get(&e, &"kind".into()).unwrap(), "compile");
}

#[wasm_bindgen_test]
fn bad_parallel_schedules_are_replay_errors() {
    // Not a schedule, a truncated header, and a schedule of another program
    // (a valid header whose source hash cannot match: all zero).
    let other = [b"CSPS1".as_slice(), &[4, 1, 0, 0]].concat();
    for bytes in [b"".as_slice(), b"nope", b"CSPS1\x04", other.as_slice()] {
        let e: JsValue = Session::replay_parallel(ABBA, config(json!({})), bytes).err().expect("an error");
        assert_eq!(js_sys::Reflect::get(&e, &"kind".into()).unwrap(), "replay", "{bytes:?}");
    }
}
