"""A real sandboxed grading kernel, seen from inside and from the host: what it can see,
reach, write and start, and that nothing it starts outlives it."""
import asyncio
import json
import os
import socket
import time
from pathlib import Path

import pytest

from coursekit import ROOT
from coursekit.grader import sandbox
from coursekit.grader.sandbox import SandboxedKernelManager, SandboxUnavailable

pytestmark = pytest.mark.xdist_group("sandbox")


async def _run(km, *codes):
    """Start ``km``'s kernel, run each code, return what each printed (stdout) as JSON-decoded values."""
    await km.start_kernel(extra_arguments=["--HistoryManager.hist_file=:memory:"])
    kc = km.client()
    kc.start_channels()
    try:
        await kc.wait_for_ready(timeout=60)
        results = []
        for code in codes:
            printed = []
            reply = await kc.execute_interactive(
                code, timeout=60,
                output_hook=lambda msg: printed.append(msg["content"].get("text", ""))
                if msg["msg_type"] == "stream" else None)
            assert reply["content"]["status"] == "ok", reply["content"]
            results.append(json.loads("".join(printed)) if printed else None)
        return results
    finally:
        kc.stop_channels()
        await km.shutdown_kernel(now=True)
        await km.cleanup_resources()


def run(codes, **traits):
    return asyncio.run(_run(SandboxedKernelManager(kernel_name="python3", **traits), *codes))


LOOK_AROUND = """
import json, os, resource, socket
def writable(path):
    try:
        with open(os.path.join(path, "probe"), "w") as f:
            f.write("x")
        return True
    except OSError:
        return False
try:
    socket.create_connection(("127.0.0.1", PORT), timeout=2)
    network = True
except OSError:
    network = False
print(json.dumps({
    "uid": os.getuid(), "cwd": os.getcwd(), "course": sorted(os.listdir(ROOT)) if os.path.isdir(ROOT) else None, "home": sorted(os.listdir(HOME)) if os.path.isdir(HOME) else None,
    "pids": sorted(int(p) for p in os.listdir("/proc") if p.isdigit()), "network": network,
    "writable": [p for p in ("/", "/usr", "/etc", ROOT, PREFIX, "/tmp", os.getcwd(), "/run/coursekit") if writable(p)],
    "limits": [resource.getrlimit(getattr(resource, n))[0] for n in ("RLIMIT_AS", "RLIMIT_NPROC", "RLIMIT_FSIZE", "RLIMIT_NOFILE")],
}))
"""


def test_kernel_sees_and_reaches_only_its_own_sandbox():
    """Does a grading kernel run unprivileged, away from the course, the home folder, the network and other processes?"""
    import sys

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.1)
    code = (LOOK_AROUND.replace("PORT", str(listener.getsockname()[1])).replace("ROOT", repr(str(ROOT)))
            .replace("HOME", repr(str(Path.home()))).replace("PREFIX", repr(sys.prefix)))
    (seen,) = run([code], process_limit=48, file_size_limit=2 ** 20)
    with pytest.raises(OSError):  # nothing connected to the host's loopback
        listener.accept()
    listener.close()
    assert seen["uid"] != 0 and seen["cwd"] == sandbox.WORK
    assert not seen["network"]
    for folder, seen_there in ((ROOT, seen["course"]), (Path.home(), seen["home"])):
        python_parts = {Path(p).relative_to(folder).parts[0] for p in (sys.prefix, sys.base_prefix)
                        if Path(p).is_relative_to(folder)}  # the read-only Python environment may live there
        assert seen_there is None or set(seen_there) <= python_parts, f"the kernel sees {folder}: {seen_there}"
    assert len(seen["pids"]) <= 3, f"the kernel sees processes outside its sandbox: {seen['pids']}"
    assert sorted(seen["writable"]) == sorted(["/tmp", sandbox.WORK, "/run/coursekit"])
    assert seen["limits"] == [4 * 2 ** 30, 48, 2 ** 20, 256]


def test_process_limit_stops_a_fork_bomb_and_nothing_outlives_the_kernel():
    """Does the process limit hold, and do a detached process and a double fork die with their kernel?"""
    marker = f"lfs-sandbox-orphan-{os.getpid()}"
    code = f"""
import json, os, subprocess, sys
if os.fork() == 0:
    os.setsid()
    os.execv(sys.executable, [sys.executable, "-c", "import time; time.sleep(600)", "{marker}"])
started = 0
try:
    for _ in range(200):
        subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)", "{marker}"], start_new_session=True)
        started += 1
except OSError:
    pass
print(json.dumps(started))
"""
    (started,) = run([code], process_limit=32)
    assert 0 < started < 32
    time.sleep(0.5)
    alive = [p for p in Path("/proc").glob("[0-9]*/cmdline") if marker.encode() in _read(p)]
    assert not alive, f"{len(alive)} processes outlived their kernel"


def _read(path):
    try:
        return path.read_bytes()
    except OSError:
        return b""


def test_tmpfs_size_bounds_what_a_kernel_can_write():
    """Does a kernel that fills its folders stop at the configured size, leaving the host's disk alone?"""
    code = """
import json, os
written = 0
try:
    for i in range(100):
        with open(f"fill{i}", "wb") as f:
            f.write(b"0" * 2 ** 20)
        written += 1
except OSError:
    pass
print(json.dumps(written))
"""
    (written,) = run([code], tmpfs_size=8 * 2 ** 20)
    assert 4 <= written <= 8


def test_grading_refuses_without_a_sandbox_unless_told(monkeypatch):
    """Where bubblewrap cannot run, is grading refused with the fix named, and does the opt-out say so?"""
    monkeypatch.setattr(sandbox, "bwrap_binary", lambda: "/nonexistent/bwrap")
    sandbox.probe.cache_clear()
    try:
        with pytest.raises(SandboxUnavailable, match="unsandboxed=True"):
            run(["print(1)"])
        km = SandboxedKernelManager(kernel_name="python3", unsandboxed=True)
        assert "unsandboxed" in km.sandbox_description
        (cwd,) = asyncio.run(_run(km, "import json, os; print(json.dumps(os.getcwd()))"))
        assert cwd.endswith("/work")
    finally:
        sandbox.probe.cache_clear()


def test_sandbox_pid_is_read_whole_when_bwrap_writes_it_in_pieces():
    """bwrap writes its --info-fd JSON in several writes: is a slow, split answer still read whole?"""
    import threading

    read_end, write_end = os.pipe()

    def bwrap_like():
        for piece in (b"{\n", b'    "child-pid": 4242,\n', b'    "net-namespace": 1\n', b"}\n"):
            os.write(write_end, piece)
            time.sleep(0.05)
        os.close(write_end)
    writer = threading.Thread(target=bwrap_like)
    writer.start()
    try:
        assert SandboxedKernelManager()._sandbox_pid(read_end) == 4242
    finally:
        writer.join()
        os.close(read_end)


def test_a_kernel_whose_sandbox_does_not_answer_is_not_left_running(monkeypatch):
    """If bwrap's answer cannot be read, is the launched sandbox killed rather than orphaned?"""
    def no_answer(self, fd, wait=60):
        raise SandboxUnavailable("no answer")
    monkeypatch.setattr(SandboxedKernelManager, "_sandbox_pid", no_answer)
    km = SandboxedKernelManager(kernel_name="python3")
    with pytest.raises(SandboxUnavailable):
        asyncio.run(km.start_kernel(extra_arguments=[]))
    process = km.provisioner.process if km.provisioner is not None else None
    assert process is None or process.poll() is not None, "the sandbox's bwrap is still running"
    assert not Path(km._runtime).exists()
