"""The shell commands a README gives, found in its code blocks and run exactly as written.

A block's lines run in one shell, in order, and the block fails at the first line that fails
(``run_block``).  A block that starts JupyterLab runs in a terminal of its own until it prints its
address; ``serve`` then checks the server over its own API, stops it as a person would, with Ctrl+C
twice, and reports any process left behind.
"""
import fcntl
import json
import os
import pty
import re
import shutil
import signal
import subprocess
import termios
import threading
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

SHELLS = ("bash", "sh", "shell")


@dataclass
class Block:
    section: str  # the heading the block sits under
    lang: str  # the fence's info string: "" for a plain fence or an indented block
    text: str
    number: int  # its place among the document's code blocks, from 1

    def __str__(self):
        return f"code block {self.number} ({self.lang or 'plain'}, under {self.section!r})"


def _plain(tokens):
    return "".join(t.get("raw", "") or _plain(t.get("children") or []) for t in tokens)


def code_blocks(markdown):
    """Every code block of ``markdown`` (fenced with backticks or tildes, indented, inside lists or quotes),
    in order, with the heading above it, as a CommonMark parser (mistune, nbconvert's) finds them."""
    import mistune

    blocks, section = [], ""

    def walk(tokens):
        nonlocal section
        for token in tokens:
            if token["type"] == "heading":
                section = _plain(token.get("children") or []).strip()
            elif token["type"] == "block_code":
                info = (token.get("attrs") or {}).get("info") or ""
                blocks.append(Block(section, info.split()[0] if info.strip() else "", token["raw"], len(blocks) + 1))
            elif isinstance(token.get("children"), list):
                walk(token["children"])

    walk(mistune.create_markdown(renderer=None)(markdown))
    return blocks


def shell_blocks(markdown):
    return [b for b in code_blocks(markdown) if b.lang in SHELLS]


def commands(block):
    """The block's commands: its lines, a line ending in a backslash joined to the next."""
    lines, joined = [], ""
    for line in block.text.splitlines():
        joined += line
        if line.endswith("\\"):
            joined = joined[:-1]
            continue
        if joined.strip():
            lines.append(joined)
        joined = ""
    return lines


def fresh_copy(root, dest):
    """Copy the tracked files of the repository ``root`` (as the working tree has them) to ``dest``, links
    kept as links: what a fresh clone holds, with the changes not yet committed."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True, check=True).stdout
    dest = Path(dest)
    for name in filter(None, listed.decode().split("\0")):
        source, target = Path(root) / name, dest / name
        if not source.exists() and not source.is_symlink():
            continue  # deleted in the working tree
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            target.symlink_to(os.readlink(source))
        else:
            shutil.copy2(source, target)
    return dest


def notebooks_named(text):
    """The notebook paths a command names."""
    return re.findall(r"[^\s'\"]+\.ipynb", text)


def new_user_env(scratch, without=()):
    """The environment of someone trying the commands on this machine for the first time.

    No virtual environment active (the folders of ``without`` leave PATH), no Jupyter settings,
    data or runtime files of the test's user (fresh ones under ``scratch``), no display, so no
    browser to open.  HOME stays, for pip's cache and the Python installation.
    """
    scratch = Path(scratch)
    dropped = {str(Path(p)) for p in without}
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("JUPYTER", "JPY_", "PYTEST_", "COV_")) and k not in (
               "VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "DISPLAY", "WAYLAND_DISPLAY", "BROWSER")}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep)
                                  if p and not any(p == d or p.startswith(d + os.sep) for d in dropped))
    for kind in ("CONFIG", "DATA", "RUNTIME"):
        folder = scratch / f"jupyter-{kind.lower()}"
        folder.mkdir(parents=True, exist_ok=True)
        env[f"JUPYTER_{kind}_DIR"] = str(folder)
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    return env


def with_venv(env, venv):
    """``env`` with ``venv``'s bin/ first on PATH, as ``source .venv/bin/activate`` leaves it."""
    return {**env, "VIRTUAL_ENV": str(venv),
            "PATH": os.pathsep.join([str(Path(venv) / "bin"), env.get("PATH", "")])}


# Each command of a block runs as written, in one shell (so that `source` and `cd` carry over), and the
# block stops at the first one whose status is not 0, even a `&&` list or a pipeline that bash -e would let pass.
RUNNER = 'set -o pipefail; for __command in "$@"; do eval "$__command" || exit $?; done'


def run_block(block, cwd, env, timeout=900, wrap=()):
    """Run the commands of ``block`` (a Block or text) as written in ``cwd``; ``wrap`` goes in front of bash."""
    text = block if isinstance(block, Block) else Block("", "bash", block, 0)
    return subprocess.run([*wrap, "bash", "-c", RUNNER, "bash", *commands(text)],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL)


def failure(proc):
    return f"exit status {proc.returncode}:\n{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}"


# --- processes -----------------------------------------------------------------------------------

def _stat(pid):
    """(parent pid, session id, start time, state) of a live process, or None."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()
    return int(fields[1]), int(fields[3]), fields[19], fields[0]


def descendants(root):
    """{pid: start time} of ``root``'s live descendants."""
    table = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (st := _stat(int(entry.name))):
            table[int(entry.name)] = st
    found, todo = {}, [root]
    while todo:
        parent = todo.pop()
        for pid, (ppid, _, start, _) in table.items():
            if ppid == parent and pid not in found:
                found[pid] = start
                todo.append(pid)
    return found


def _cmdline(pid):
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _environ(pid):
    try:
        return Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    except OSError:
        return []


def alive(pids, session=None, marker=None):
    """The processes of ``pids`` ({pid: start time}) that still run, those of ``session``, and those whose
    environment holds ``marker`` (NAME=value)."""
    left = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        pid = int(entry.name)
        st = _stat(pid)
        if st is None or st[3] == "Z":
            continue
        if (pids.get(pid) == st[2] or (session is not None and st[1] == session)
                or (marker is not None and marker.encode() in _environ(pid))):
            left.append(f"{pid}: {_cmdline(pid)[:200]}")
    return left


# --- a JupyterLab command ------------------------------------------------------------------------

MARKER = "LFS_README_COMMAND"  # an environment variable that marks the processes of one served command
ADDRESS = re.compile(r"http://127\.0\.0\.1:(\d+)(/[^\s?]*)\?token=(\w+)")
ANSI = re.compile(r"\x1b(\[[0-9;?]*[A-Za-z]|\([AB0])")  # a terminal's colours and character sets


@dataclass
class Served:
    """What happened to a JupyterLab command: its output, the address it printed, what its API said."""
    output: str = ""
    port: int = 0
    path: str = ""  # of the printed address
    token: str = ""
    status: dict = field(default_factory=dict)  # request -> HTTP status
    answers: dict = field(default_factory=dict)  # request -> decoded JSON
    kernel_ready: bool = False  # the notebook's kernel answered
    exit_code: int = None
    left_behind: list = field(default_factory=list)

    def request(self, method, path, body=None):
        """An API request with the printed token; records and returns (status, JSON or None)."""
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": f"token {self.token}"})
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                status, raw = r.status, r.read()
        except urllib.error.HTTPError as e:
            status, raw = e.code, e.read()
        except OSError as e:  # refused, reset, timed out: the server is not there (any more)
            status, raw = 0, str(e).encode()
        try:
            answer = json.loads(raw)
        except ValueError:
            answer = None
        self.status[f"{method} {path}"], self.answers[f"{method} {path}"] = status, answer
        return status, answer


def _kernel_answers(connection_file, timeout=180):
    """Does the kernel of this connection file answer a kernel_info request, as a browser's first one?

    The first kernel of a fresh environment compiles its modules' bytecode as it starts: on a 2-core machine that
    grades three classes meanwhile (the full suite), that once took more than 60 s.  A kernel that never answers
    still fails."""
    from jupyter_client import BlockingKernelClient

    for _ in range(int(timeout * 4)):
        if connection_file.exists():
            break
        time.sleep(0.25)
    client = BlockingKernelClient()
    try:
        client.load_connection_file(str(connection_file))
        client.start_channels()
        client.wait_for_ready(timeout=timeout)
        return True
    except (OSError, RuntimeError, ValueError):
        return False
    finally:
        client.stop_channels()


def _output(chunks):
    return ANSI.sub("", b"".join(chunks).decode(errors="replace")).replace("\r\n", "\n")


def _in_terminal():
    """In the child, after setsid: make the terminal on stdin the session's controlling terminal."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def serve(block, cwd, env, notebook, start_timeout=900):
    """Run a block whose last command starts JupyterLab, in a terminal of its own, as a person would.

    Once the command prints its address, open ``notebook`` over the server's API (its contents, then a
    session, which starts a kernel), press Ctrl+C twice (the terminal sends SIGINT to the command), and
    see what is left.  Returns a Served; never raises for what the command did.
    """
    served = Served()
    marker = f"{MARKER}={uuid.uuid4().hex}"  # inherited by everything the command starts, detached or not
    env = {**env, MARKER: marker.split("=", 1)[1]}
    master, terminal = pty.openpty()
    proc = subprocess.Popen(["bash", "-c", RUNNER, "bash", *commands(block)], cwd=cwd, env=env, stdin=terminal,
                            stdout=terminal, stderr=terminal, start_new_session=True, preexec_fn=_in_terminal)
    os.close(terminal)
    chunks = []

    def read():
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:  # the terminal's other side is closed: everything has exited
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()

    def wait_for(predicate, seconds):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and proc.poll() is None:
            if predicate(_output(chunks)):
                return True
            time.sleep(0.25)
        return predicate(_output(chunks))

    started = {}
    try:
        if wait_for(ADDRESS.search, start_timeout):
            match = ADDRESS.search(_output(chunks))
            served.port, served.path, served.token = int(match[1]), match[2], match[3]
            served.request("GET", served.path + f"?token={served.token}")
            served.request("GET", f"/api/contents/{notebook}?content=0")
            status, answer = served.request("POST", "/api/sessions", {
                "path": notebook, "type": "notebook", "name": Path(notebook).name, "kernel": {"name": "python3"}})
            if status == 201:
                kernel = answer["kernel"]["id"]
                served.kernel_ready = _kernel_answers(Path(env["JUPYTER_RUNTIME_DIR"]) / f"kernel-{kernel}.json")
        started = descendants(proc.pid)
        if proc.poll() is None:
            os.write(master, b"\x03")  # Ctrl+C: Jupyter asks whether to shut down
            wait_for(lambda out: "Shut down this Jupyter server" in out, 10)
            if proc.poll() is None:
                os.write(master, b"\x03")  # Ctrl+C again: it shuts down
        try:
            served.exit_code = proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            served.exit_code = None
        time.sleep(0.5)  # what the command started and did not stop would still run now
        served.left_behind = alive(started, session=proc.pid, marker=marker)
    finally:
        if proc.poll() is None or served.left_behind:
            for pid in {proc.pid, *started, *(int(line.split(":")[0]) for line in served.left_behind)}:
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
            proc.wait()
        reader.join(timeout=10)
        os.close(master)
        served.output = _output(chunks)
    return served


def assert_opened(served, notebook):
    """Did a JupyterLab command open ``notebook`` as a person needs it: an address printed that leads to it,
    the notebook served over the server's API, a kernel that answers, and a clean stop on Ctrl+C twice with
    no process left behind?"""
    log = served.output[-6000:]
    assert served.token, f"JupyterLab printed no address to open (as uid {os.getuid()}):\n{log}"
    assert served.path == f"/lab/tree/{notebook}", f"the printed address leads to {served.path}, not to {notebook}"
    assert served.status[f"GET {served.path}?token={served.token}"] == 200, "the printed address does not open"
    contents = f"GET /api/contents/{notebook}?content=0"
    assert served.status[contents] == 200, f"the server does not serve {notebook}: {served.status}"
    assert served.answers[contents]["type"] == "notebook"
    assert served.status["POST /api/sessions"] == 201, f"no kernel for the notebook: {served.answers}"
    assert served.kernel_ready, "the notebook's kernel does not answer"
    assert served.exit_code == 0, f"Ctrl+C twice did not stop JupyterLab cleanly ({served.exit_code}):\n{log}"
    assert "Shutting down 1 kernel" in served.output, log
    assert not served.left_behind, f"left running after Ctrl+C twice: {served.left_behind}"
