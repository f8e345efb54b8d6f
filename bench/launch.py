#!/usr/bin/env python3
"""Launch-to-interactive time and memory of the real app on a demo database.

Drives the app through tauri-driver's WebDriver API (plain HTTP, no client library): the
clock starts before the session request (which launches the app) and stops when the first
customer row is in the DOM. Then it sums PSS over the app and its WebKit processes.

    python3 bench/launch.py --app target/release/dealdesk --db demo.db [--runs 5]

Needs Xvfb (DISPLAY set) and tauri-driver on 127.0.0.1:4444 (scripts/e2e.sh starts both;
or run `Xvfb :91 & DISPLAY=:91 tauri-driver &`).
"""
import argparse, json, os, statistics, subprocess, time, urllib.request

def wd(method, path, body=None, base="http://127.0.0.1:4444"):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.loads(r.read() or b"{}")

def pss_kib(pids):
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total

def app_pids(app_path):
    out = subprocess.run(["ps", "-eo", "pid,args"], capture_output=True, text=True).stdout
    return [int(l.split()[0]) for l in out.splitlines()[1:] if app_path in l or "WebKitWebProcess" in l or "WebKitNetworkProcess" in l]

def one_run(app, db):
    caps = {"capabilities": {"alwaysMatch": {"tauri:options": {"application": app, "args": ["--db", db]}}}}
    t0 = time.perf_counter()
    sid = wd("POST", "/session", caps)["value"]["sessionId"]
    t_session = time.perf_counter() - t0
    while True:
        found = wd("POST", f"/session/{sid}/elements", {"using": "css selector", "value": "[data-testid^='row-']"})["value"]
        if found:
            break
        if time.perf_counter() - t0 > 60:
            raise SystemExit("no customer row within 60 s")
        time.sleep(0.02)
    t_rows = time.perf_counter() - t0
    time.sleep(2)
    pss = pss_kib(app_pids(app))
    wd("DELETE", f"/session/{sid}")
    time.sleep(1)
    return t_session, t_rows, pss

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--app", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    app, db = os.path.abspath(a.app), os.path.abspath(a.db)
    runs = [one_run(app, db) for _ in range(a.runs)]
    for i, (s, r, p) in enumerate(runs, 1):
        print(f"run {i}: window+page {s*1000:.0f} ms, first customer rows {r*1000:.0f} ms, PSS {p/1024:.0f} MiB")
    print(f"median: first customer rows {statistics.median(r for _, r, _ in runs)*1000:.0f} ms, "
          f"PSS {statistics.median(p for _, _, p in runs)/1024:.0f} MiB (app + WebKit processes)")

if __name__ == "__main__":
    main()
