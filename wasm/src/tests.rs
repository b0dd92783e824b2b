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
