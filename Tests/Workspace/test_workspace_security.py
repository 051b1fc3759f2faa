"""The shared workspace over real sockets on loopback: who may start it where, hostile requests and uploads, sessions,
roles and district views as a browser or a script meets them. Every request goes to 127.0.0.1 only.
"""
import http.client
import io
import json
import shutil
import subprocess
import time
import zipfile

from conftest import CADREPLAN, Server, add_user, multipart, small_scenario_zip


def test_a_network_address_needs_a_users_file(scratch):
    result = subprocess.run([str(CADREPLAN), "serve", "--workspace", str(scratch / "w"), "--host", "0.0.0.0", "--port", "18999"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "--users" in result.stderr
    empty = scratch / "users.json"
    result = subprocess.run([str(CADREPLAN), "serve", "--workspace", str(scratch / "w"), "--host", "0.0.0.0", "--users", str(empty)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "no accounts" in result.stderr


def test_other_sites_and_other_hosts_are_refused(scratch, servers):
    server = Server(scratch / "workspace", extra=["--max-upload-mb", "50"])
    servers.append(server.start())
    status, _, body = server.request("/api/health", headers={"Host": "evil.example"})
    assert status == 421, "a rebinding page names its own host"
    status, _, body = server.request("/api/scenarios/quang-ngai-2022/variants", method="POST", body={"name": "x"},
                                     headers={"Origin": "http://evil.example"})
    assert status == 403 and "another site" in json.loads(body)["error"]
    status, headers, _ = server.request("/")
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"] and headers["X-Content-Type-Options"] == "nosniff"


def test_a_60_mb_upload_is_refused_with_413(scratch, servers):
    server = Server(scratch / "workspace")
    servers.append(server.start())
    size = 60 * 1000 * 1000
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    connection.putrequest("POST", "/api/scenarios")
    connection.putheader("Content-Type", "multipart/form-data; boundary=x")
    connection.putheader("Content-Length", str(size))
    connection.endheaders()
    chunk = b"\0" * 1_000_000
    try:
        for _ in range(60):
            connection.send(chunk)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the server answered and closed before the whole body was sent
    response = connection.getresponse()
    assert response.status == 413
    assert "50 MB" in json.loads(response.read())["error"]


def folder_size(folder):
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def test_hostile_zips_are_refused_without_filling_the_disk(scratch, servers):
    server = Server(scratch / "workspace")
    servers.append(server.start())
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("officials.csv", "w", force_zip64=True) as entry:
            for _ in range(1024):
                entry.write(b"\0" * 1_000_000)  # a gigabyte of zeros, a megabyte packed
    before = folder_size(scratch / "workspace")
    body, content_type = multipart({"name": "bomb"}, [("files", "bomb.zip", bomb.getvalue())])
    status, _, answer = server.request("/api/scenarios", method="POST", body=body, headers={"Content-Type": content_type})
    assert status == 422, answer
    assert folder_size(scratch / "workspace") - before < 5_000_000, "nothing of the bomb stays"

    for hostile in ["../../../tmp/evil.yaml", "/etc/evil.yaml"]:
        packed = io.BytesIO()
        with zipfile.ZipFile(packed, "w") as archive:
            archive.writestr(zipfile.ZipInfo(hostile), b"name: evil\n")
        body, content_type = multipart({"name": "evil"}, [("files", "evil.zip", packed.getvalue())])
        status, _, _ = server.request("/api/scenarios", method="POST", body=body, headers={"Content-Type": content_type})
        assert status == 422, hostile
    assert not (scratch / "tmp").exists()


def test_accounts_roles_and_district_views_over_sockets(scratch, servers):
    users = scratch / "users.json"
    add_user(users, "lan", "planner", "planner-pass-1")
    add_user(users, "binh", "viewer", "viewer-pass-1")
    add_user(users, "son", "viewer", "district-pass-1", districts=["Ba Tơ"])
    assert "district-pass-1" not in users.read_text()
    server = Server(scratch / "workspace", users=users)
    servers.append(server.start())
    planner = ("lan", "planner-pass-1")

    assert server.request("/api/health")[0] == 200
    for path in ["/api/scenarios", "/api/runs", "/api/audit", "/api/runs/1/rosters.zip"]:
        assert server.request(path)[0] == 401, path
    assert server.request("/api/runs", method="POST", body={"scenario": "small", "command": "plan"})[0] == 401

    body, content_type = multipart({"name": "small"}, [("files", "small.zip", small_scenario_zip(scratch).read_bytes())])
    assert server.request("/api/scenarios", method="POST", body=body, headers={"Content-Type": content_type}, auth=planner)[0] == 201
    status, run = server.json("/api/runs", method="POST", auth=planner,
                              body={"scenario": "small", "command": "plan", "options": {"time_limit": 15, "gap": 0.05}})
    assert status == 202
    for _ in range(300):
        state = server.json(f"/api/runs/{run['id']}", auth=planner)[1]["state"]
        if state not in ("queued", "running"):
            break
        time.sleep(0.2)
    assert state == "done"

    # A session cookie without the page's CSRF token changes nothing; with it, it does.
    status, headers, answer = server.request("/api/login", method="POST", body={"name": "lan", "password": "planner-pass-1"})
    cookie = headers["Set-Cookie"].split(";")[0]
    assert "HttpOnly" in headers["Set-Cookie"] and "SameSite=Strict" in headers["Set-Cookie"]
    csrf = json.loads(answer)["csrf"]
    variant = {"name": "small-x2", "budget": {"2022": 420000000}}
    assert server.request("/api/scenarios/small/variants", method="POST", body=variant, headers={"Cookie": cookie})[0] == 403
    assert server.request("/api/scenarios/small/variants", method="POST", body=variant,
                          headers={"Cookie": cookie, "X-CSRF-Token": csrf, "Origin": server.url})[0] == 201

    # A viewer reads and downloads, and changes nothing.
    viewer = ("binh", "viewer-pass-1")
    assert server.request(f"/api/runs/{run['id']}/files/plan.xlsx", auth=viewer)[0] == 200
    assert server.request("/api/runs", method="POST", auth=viewer, body={"scenario": "small", "command": "plan"})[0] == 403
    assert server.request(f"/api/runs/{run['id']}", method="DELETE", auth=viewer)[0] == 403

    # A district viewer gets their district's trainees only.
    district = ("son", "district-pass-1")
    status, _, data = server.request(f"/api/runs/{run['id']}/rosters.zip", auth=district)
    assert status == 200
    everything = zipfile.ZipFile(io.BytesIO(server.request(f"/api/runs/{run['id']}/rosters.zip", auth=planner)[2]))
    theirs = zipfile.ZipFile(io.BytesIO(data))
    def csv_rows(archive):
        return [line for name in archive.namelist() if name.endswith(".csv")
                for line in archive.read(name).decode("utf-8-sig").splitlines()[1:]]
    rows = csv_rows(theirs)
    assert rows and all(line.endswith(",Ba Tơ") for line in rows)
    assert len(rows) < len(csv_rows(everything))
    # The papers to print come too, but only the district's own: an intake's paper names every district.
    papers = [name for name in theirs.namelist() if name.endswith(".xlsx")]
    assert papers and all(name.startswith("rosters/districts/") or name.startswith("districts/") for name in papers), papers
    assert any(name.endswith(".xlsx") and "districts/" not in name for name in everything.namelist())
    assert server.request(f"/api/runs/{run['id']}/rosters.zip?district=S%C6%A1n%20H%C3%A0", auth=district)[0] == 403
    assert server.request(f"/api/runs/{run['id']}/files/plan.xlsx", auth=district)[0] == 403
    for escape in ["..%2F..%2Fworkspace.sqlite", "rosters/..%2F..%2F..%2Fusers.json"]:
        assert server.request(f"/api/runs/{run['id']}/files/{escape}", auth=planner)[0] in (400, 404), escape

    # Wrong passwords slow the next attempts down.
    took = []
    for _ in range(5):
        started = time.time()
        assert server.request("/api/login", method="POST", body={"name": "binh", "password": "guess"})[0] == 401
        took.append(time.time() - started)
    assert took[0] < 1 and took[3] >= 1 and took[4] >= 2, took

    # The audit trail is kept across a restart.
    server.restart()
    status, trail = server.json("/api/audit", auth=planner)
    assert {"upload", "run", "edit", "download", "sign in", "sign-in failed"} <= {entry["action"] for entry in trail}
