"""A `cadreplan serve` started for real on loopback, for the browser and socket tests of the web workspace.

Each server runs the built `cadreplan` (CADREPLAN, default .build/debug/cadreplan) on a free port of 127.0.0.1
with a workspace in a temporary folder; nothing leaves the machine.
"""
import base64
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
CADREPLAN = Path(os.environ.get("CADREPLAN", REPOSITORY / ".build" / "debug" / "cadreplan"))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """One `cadreplan serve` process; `restart` stops it (SIGTERM) and starts it again on the same workspace."""

    def __init__(self, workspace, users=None, extra=()):
        self.workspace = Path(workspace)
        self.users = users
        self.extra = list(extra)
        self.port = free_port()
        self.process = None
        self.log = self.workspace.parent / f"serve-{self.port}.log"

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        command = [str(CADREPLAN), "serve", "--workspace", str(self.workspace), "--port", str(self.port)] + self.extra
        if self.users:
            command += ["--users", str(self.users)]
        self.process = subprocess.Popen(command, stdout=open(self.log, "ab"), stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/api/health", timeout=2) as response:
                    if response.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.2)
            if self.process.poll() is not None:
                raise RuntimeError("cadreplan serve ended: " + self.log.read_text())
        raise RuntimeError("cadreplan serve did not answer within 60 s: " + self.log.read_text())

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def restart(self):
        self.stop()
        return self.start()

    def request(self, path, method="GET", body=None, headers=None, auth=None, timeout=60):
        """(status, headers, bytes) of one request; never raises on an HTTP error status."""
        headers = dict(headers or {})
        if auth:
            headers["Authorization"] = "Basic " + base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
            headers.setdefault("Content-Type", "application/json")
        request = urllib.request.Request(self.url + path, data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def json(self, path, **options):
        status, _, data = self.request(path, **options)
        return status, (json.loads(data) if data else None)


def add_user(users_file, name, role, password, districts=None):
    command = [str(CADREPLAN), "users", "add", name, "--role", role, "--users", str(users_file)]
    if districts:
        command += ["--districts", ",".join(districts)]
    subprocess.run(command, input=password + "\n", text=True, check=True, capture_output=True)


def small_scenario_zip(folder, edit=None):
    """The repository's small scenario as a zip of its folder, as a planner would make it."""
    path = Path(folder) / "small.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in ["small.yaml", "officials.csv", "courses.csv", "targets.csv"]:
            data = (REPOSITORY / "Scenarios" / "small" / name).read_bytes()
            if edit:
                data = edit(name, data)
            archive.writestr(f"small/{name}", data)
    return path


def multipart(fields, files):
    """A multipart/form-data body: fields {name: text}, files [(field, filename, bytes)]."""
    boundary = "----cadreplan-test-boundary"
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for field, filename, data in files:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{filename}"\r\n'
                     f"Content-Type: application/octet-stream\r\n\r\n".encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


@pytest.fixture
def scratch():
    folder = Path(tempfile.mkdtemp(prefix="cadreplan-workspace-test-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def servers():
    started = []
    yield started
    for server in started:
        server.stop()
