#![cfg(target_arch = "wasm32")]
//! The wasm boundary, run headless in Node by wasm-bindgen-test-runner
//! (`make wasm-test`): values arrive as plain JS objects shaped as the
//! TypeScript types say, errors as `SessionError`s.

use chanscope_wasm::{check, JsSessionConfig, Session};
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

/// The JS value as JSON (also proves it is plain data: no Maps, no undefined).
fn json(v: &JsValue) -> Value {
    let s: String = js_sys::JSON::stringify(v).unwrap().into();
    serde_json::from_str(&s).unwrap()
}

fn config(v: Value) -> JsSessionConfig {
    js_sys::JSON::parse(&v.to_string()).unwrap().unchecked_into()
}

fn field(v: &JsValue, k: &str) -> JsValue {
    js_sys::Reflect::get(v, &k.into()).unwrap()
}

const PINGS: &str = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tch := make(chan string)\n\tgo func() { ch <- \"ping\" }()\n\tfmt.Println(<-ch)\n}\n";

#[wasm_bindgen_test]
fn runs_and_reports_output_events_and_exit() {
    let mut s = Session::new(PINGS, config(json!({"procs": 2, "seed": 5}))).unwrap();
    let st = json(&s.step(0).unwrap());
    assert_eq!(st["stdout"], "ping\n");
    assert_eq!(st["stderr"], "");
    assert_eq!(st["exit"], json!({"code": 0, "kind": "normal"}));
    let evs = st["events"].as_array().unwrap();
    let send = evs.iter().find(|e| e["kind"] == "chan_send" || e["kind"] == "chan_recv").expect("a message");
    assert_eq!(send["value"], "ping");
    assert_eq!(send["line"], if send["kind"] == "chan_send" { 7 } else { 8 });
    // Option::None crosses as null, not undefined (which JSON would drop).
    let out = evs.iter().find(|e| e["kind"] == "output").unwrap();
    assert_eq!(out["p"], Value::Null);
    assert_eq!(out["text"], "ping\n");
    assert_eq!(evs.last().unwrap()["kind"], "exit");
    assert_eq!(evs[0]["seq"], 1);
    // The same run again, in small slices, gives the same events.
    let mut s2 = Session::new(PINGS, config(json!({"procs": 2, "seed": 5}))).unwrap();
    let mut evs2 = Vec::new();
    loop {
        let st2 = json(&s2.step(1).unwrap());
        evs2.extend(st2["events"].as_array().unwrap().iter().cloned());
        if !st2["exit"].is_null() {
            break;
        }
    }
    assert_eq!(Value::Array(evs2), st["events"]);
    assert!(JsValue::from(s.report().unwrap()).is_null(), "no report after a normal exit");
}

#[wasm_bindgen_test]
fn compile_errors_throw_a_session_error_with_diagnostics() {
    let src = "package main\n\nfunc main() {\n\tx := \"日本\"; y()\n}\n";
    let err = Session::new(src, JsValue::UNDEFINED.unchecked_into()).err().expect("throws");
    assert!(err.is_instance_of::<js_sys::Error>());
    assert_eq!(field(&err, "name"), "SessionError");
    assert_eq!(field(&err, "kind"), "compile");
    let diags = json(&field(&err, "diagnostics"));
    let d = &diags.as_array().unwrap()[0];
    assert_eq!(d["line"], 4);
    // `y` is after "\tx := \"日本\"; ": 16 bytes but 12 UTF-16 units.
    let y = diags.as_array().unwrap().iter().find(|d| d["message"].as_str().unwrap().contains("undefined: y")).expect("undefined: y");
    assert_eq!(y["col"], 17);
    assert_eq!(y["colUtf16"], 13);
    let msg: String = field(&err, "message").as_string().unwrap();
    assert!(msg.contains("prog.go:4:17: undefined: y"), "{}", msg);
    assert_eq!(json(&check(src).unwrap()), diags);
    assert_eq!(json(&check(PINGS).unwrap()), json!([]));
}

#[wasm_bindgen_test]
fn bad_config_is_a_config_error() {
    let err = Session::new(PINGS, config(json!({"procs": "many"}))).err().expect("throws");
    assert_eq!(field(&err, "kind"), "config");
    assert!(field(&err, "diagnostics").is_undefined());
    let err = Session::new(PINGS, config(json!({"preempt": "sometimes"}))).err().expect("throws");
    assert_eq!(field(&err, "kind"), "config");
}

#[wasm_bindgen_test]
fn deadlock_report_and_snapshot() {
    let src = "package main\n\nfunc main() {\n\tch := make(chan int)\n\tch <- 1\n}\n";
    let mut s = Session::new(src, config(json!({"procs": 1, "preempt": "cooperative"}))).unwrap();
    let snap = json(&s.snapshot().unwrap());
    assert_eq!(snap["procs"], json!([{"id": 0, "curg": null, "runnext": null, "runq": [1]}]));
    let st = json(&s.step(0).unwrap());
    assert_eq!(st["exit"], json!({"code": 2, "kind": "deadlock"}));
    let r = json(&s.report().unwrap());
    assert_eq!(r["kind"], "deadlock");
    assert!(r["text"].as_str().unwrap().starts_with("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan send]:"));
    let g = &r["goroutines"][0];
    assert_eq!((g["id"].clone(), g["status"].clone(), g["waitReason"].clone(), g["line"].clone()), (json!(1), json!("waiting"), json!("chan send"), json!(5)));
    assert_eq!(json(&s.snapshot().unwrap())["exit"]["kind"], "deadlock");
}

#[wasm_bindgen_test]
fn stop_ends_an_endless_loop() {
    let src = "package main\n\nfunc main() {\n\tfor {\n\t}\n}\n";
    let mut s = Session::new(src, config(json!({}))).unwrap();
    let st = json(&s.step(1).unwrap());
    assert_eq!(st["exit"], Value::Null);
    assert!(st["steps"].as_u64().unwrap() >= 1, "ran at least one quantum");
    s.stop("stopped");
    let st = json(&s.step(1).unwrap());
    assert_eq!(st["exit"], json!({"code": 2, "kind": "limit"}));
    assert_eq!(st["stderr"], "chanscope: stopped\n");
}
