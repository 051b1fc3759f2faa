#!/usr/bin/env bash
# The web workspace under load, on loopback only (127.0.0.1):
#   - time from pressing Plan (POST /api/runs) to the first progress event on the run's event stream;
#   - a 100,000-official province uploaded and planned, and the server's resident memory while its run is shown
#     (run JSON, schedule pages, one official's search);
#   - wrk, 20 connections for 20 s each: latency of GET /api/runs and of a run page (its HTML, and its JSON).
# Usage: Benchmarks/workspace.sh [OFFICIALS]   (default 100000; needs the release build and wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
officials="${1:-100000}"
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
swift build -c release --product cadreplan >/dev/null
cadreplan="$PWD/.build/release/cadreplan"
work="$(mktemp -d)"
port=18080
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT

"$cadreplan" serve --workspace "$work/workspace" --port "$port" >"$work/serve.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/api/health" >/dev/null; do sleep 0.2; done
rss() { awk '/VmRSS/ {print $2 / 1024 " MB"}' "/proc/$server/status"; }
echo "server started: $(rss)"

# Pressing Plan to the first progress event, on the sample province.
python3 - "$port" <<'EOF'
import http.client, json, sys, time
port = int(sys.argv[1])
def call(method, path, body=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    c.request(method, path, body=json.dumps(body) if body else None, headers={"Content-Type": "application/json"})
    return c.getresponse()
pressed = time.time()
run = json.loads(call("POST", "/api/runs", {"scenario": "quang-ngai-2022", "command": "plan",
                                           "options": {"gap": 0.005, "time_limit": 60}}).read())
stream = call("GET", f"/api/runs/{run['id']}/events")
while True:
    line = stream.fp.readline().decode()
    if line.startswith("event: progress"):
        print(f"Plan pressed → first progress event: {time.time() - pressed:.3f} s")
        break
while not stream.fp.readline().decode().startswith("event: done"):
    pass
print(f"sample planned, run {run['id']}: {time.time() - pressed:.1f} s end to end")
EOF

# A province of OFFICIALS officials, uploaded as a zip and planned.
"$cadreplan" generate --officials "$officials" --seed 7 --out "$work/big/big" >/dev/null
(cd "$work/big" && python3 -c "import shutil; shutil.make_archive('big', 'zip', '.', 'big')")
curl -sf -F name=big -F "files=@$work/big/big.zip" "http://127.0.0.1:$port/api/scenarios" >/dev/null
echo "uploaded $officials officials: $(rss)"
id=$(curl -sf -H 'Content-Type: application/json' -d '{"scenario":"big","command":"plan","options":{"gap":0.01,"time_limit":120}}' \
    "http://127.0.0.1:$port/api/runs" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
until curl -sf "http://127.0.0.1:$port/api/runs/$id" | grep -q '"state":"\(done\|stopped\|failed\)"'; do sleep 2; done
echo "planned $officials officials (run $id): $(curl -sf "http://127.0.0.1:$port/api/runs/$id" | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["state"], r["exit_code"], r["summary"]["objective"], r["summary"]["gap"])')"
for page in 0 25 50000 100000; do
    curl -sf "http://127.0.0.1:$port/api/runs/$id/table/schedule.csv?offset=$page&limit=25" >/dev/null
done
curl -sf "http://127.0.0.1:$port/api/runs/$id/table/officials_plan.csv?q=Nguy%E1%BB%85n&limit=25" >/dev/null
curl -sf "http://127.0.0.1:$port/api/runs/$id" >/dev/null
echo "while the $officials-official run is shown (paged schedule, search, run JSON): $(rss)"

for path in "/api/runs" "/runs/$id" "/api/runs/$id" "/api/runs/$id/table/schedule.csv?offset=40000&limit=25"; do
    echo "--- wrk -t2 -c20 -d20s --latency $path"
    wrk -t2 -c20 -d20s --latency "http://127.0.0.1:$port$path" | grep -E "Latency|50%|99%|Requests/sec|Non-2xx"
done
echo "after the load: $(rss)"
