//! Chrome Trace Event JSON (opens in Perfetto and chrome://tracing).
//!
//! The virtual clock stands still while goroutines compute (it only jumps
//! when everything is blocked), so spans measured in virtual time would all
//! be zero wide. The trace's time axis is therefore the event sequence
//! number (1 µs per event); the virtual time is in every event's `args`.
//! Tracks: process 1 holds one thread per P, process 2 one per goroutine;
//! flow arrows join each channel send to its receive.

use std::collections::HashMap;

use serde_json::{json, Value as Json};

use super::{Event, EventKind};
use crate::runtime::sched::GId;

#[derive(Default)]
struct Open {
    /// Goroutine -> (state name, start ts).
    g: HashMap<GId, (String, u64)>,
    /// P -> (goroutine, start ts).
    p: HashMap<u32, (GId, u64)>,
}

pub fn to_chrome_json(events: &[Event]) -> String {
    let mut out: Vec<Json> = Vec::new();
    out.push(json!({"ph":"M","pid":1,"name":"process_name","args":{"name":"Ps"}}));
    out.push(json!({"ph":"M","pid":2,"name":"process_name","args":{"name":"Goroutines"}}));
    let mut open = Open::default();
    let mut named_g: HashMap<GId, ()> = HashMap::new();
    let mut named_p: HashMap<u32, ()> = HashMap::new();
    let mut pending_flow: HashMap<(u32, GId), u64> = HashMap::new();
    let mut flow_id = 0u64;
    let mut last_ts = 0;

    for e in events {
        let ts = e.seq;
        last_ts = ts;
        let args = json!({"t_ns": e.t, "line": e.line});
        if let Some(p) = e.p {
            if named_p.insert(p, ()).is_none() {
                out.push(json!({"ph":"M","pid":1,"tid":p,"name":"thread_name","args":{"name":format!("P{}", p)}}));
            }
        }
        let mut name_g = |g: GId, out: &mut Vec<Json>| {
            if named_g.insert(g, ()).is_none() {
                out.push(json!({"ph":"M","pid":2,"tid":g,"name":"thread_name","args":{"name":format!("goroutine {}", g)}}));
            }
        };
        match &e.kind {
            EventKind::GoCreate { g, func, .. } => {
                name_g(*g, &mut out);
                set_g_state(&mut open, &mut out, *g, "runnable", ts);
                out.push(json!({"ph":"i","pid":2,"tid":g,"ts":ts,"name":format!("go {}", func),"s":"t","args":args}));
            }
            EventKind::GoStart { g, .. } => {
                name_g(*g, &mut out);
                set_g_state(&mut open, &mut out, *g, "running", ts);
                if let Some(p) = e.p {
                    close_p(&mut open, &mut out, p, ts);
                    open.p.insert(p, (*g, ts));
                }
            }
            EventKind::GoBlock { g, reason, .. } => {
                set_g_state(&mut open, &mut out, *g, reason, ts);
                if let Some(p) = e.p {
                    close_p(&mut open, &mut out, p, ts);
                }
            }
            EventKind::GoUnblock { g, .. } => set_g_state(&mut open, &mut out, *g, "runnable", ts),
            EventKind::GoYield { g, preempted } => {
                set_g_state(&mut open, &mut out, *g, "runnable", ts);
                if let Some(p) = e.p {
                    close_p(&mut open, &mut out, p, ts);
                }
                if *preempted {
                    out.push(json!({"ph":"i","pid":2,"tid":g,"ts":ts,"name":"preempted","s":"t","args":args}));
                }
            }
            EventKind::GoExit { g } => {
                if let Some((state, start)) = open.g.remove(g) {
                    out.push(span(2, *g, &state, start, ts));
                }
                if let Some(p) = e.p {
                    close_p(&mut open, &mut out, p, ts);
                }
            }
            EventKind::ChanSend { ch, from, to, value, .. } => {
                out.push(json!({"ph":"i","pid":2,"tid":from,"ts":ts,"name":format!("ch{} <- {}", ch, value),"s":"t","args":args}));
                flow_id += 1;
                out.push(json!({"ph":"s","pid":2,"tid":from,"ts":ts,"id":flow_id,"name":"send","cat":"chan"}));
                match to {
                    Some(to) => out.push(json!({"ph":"f","bp":"e","pid":2,"tid":to,"ts":ts,"id":flow_id,"name":"send","cat":"chan"})),
                    None => {
                        pending_flow.insert((*ch, *from), flow_id);
                    }
                }
            }
            EventKind::ChanRecv { ch, to, from, value, .. } => {
                out.push(json!({"ph":"i","pid":2,"tid":to,"ts":ts,"name":format!("<-ch{} = {}", ch, value),"s":"t","args":args}));
                if let Some(from) = from {
                    if let Some(id) = pending_flow.remove(&(*ch, *from)) {
                        out.push(json!({"ph":"f","bp":"e","pid":2,"tid":to,"ts":ts,"id":id,"name":"send","cat":"chan"}));
                    }
                }
            }
            other => {
                let tid = e.p.unwrap_or(0);
                let name = serde_json::to_value(other).ok().and_then(|v| v.get("kind").cloned()).unwrap_or(Json::Null);
                out.push(json!({"ph":"i","pid":1,"tid":tid,"ts":ts,"name":name,"s":"t","args":{"t_ns":e.t,"event":other}}));
            }
        }
    }
    let ends: Vec<(GId, (String, u64))> = open.g.drain().collect();
    for (g, (state, start)) in ends {
        out.push(span(2, g, &state, start, last_ts + 1));
    }
    let ps: Vec<u32> = open.p.keys().copied().collect();
    for p in ps {
        close_p(&mut open, &mut out, p, last_ts + 1);
    }
    json!({"traceEvents": out, "displayTimeUnit": "ns"}).to_string()
}

fn span(pid: u32, tid: u64, name: &str, start: u64, end: u64) -> Json {
    json!({"ph":"X","pid":pid,"tid":tid,"ts":start,"dur":end.saturating_sub(start).max(1),"name":name})
}

fn set_g_state(open: &mut Open, out: &mut Vec<Json>, g: GId, state: &str, ts: u64) {
    if let Some((old, start)) = open.g.insert(g, (state.to_string(), ts)) {
        out.push(span(2, g, &old, start, ts));
    }
}

fn close_p(open: &mut Open, out: &mut Vec<Json>, p: u32, ts: u64) {
    if let Some((g, start)) = open.p.remove(&p) {
        out.push(span(1, p as u64, &format!("G{}", g), start, ts));
    }
}
