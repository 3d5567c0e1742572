"""The grader's end of the channel on which a sandboxed kernel answers calls of a student's functions.

A ``CallSession`` is one ``coursekit_kernel.serve`` in the kernel: the grader
binds a ZeroMQ PAIR socket in the kernel manager's ``calls_folder`` (a folder
of the host, bound read-only into the sandbox, the socket openable by this
kernel's user alone), sends the kernel one silent execute request that
connects to it, and then sends each call as a message and reads the report.

Nothing that arrives is trusted: a message must parse (``coursekit_wire.loads``:
bounded size, JSON only), a report counts only with the nonce of its request,
and ZeroMQ itself refuses a message over ``coursekit_wire.MAX_BYTES``.  While it
waits, the grader checks every ``SLICE`` seconds that the kernel is alive and
still serving, so a crash or a ``serve`` the submission replaced is noticed at
once, and a call that runs past its deadline is reported as such.  Every wait
ends by its deadline, however many messages the kernel sends meanwhile.
"""
import os
import secrets
from time import monotonic

import zmq
from jupyter_core.utils import ensure_async, run_sync

from ..kernel import coursekit_wire as wire

SLICE = 0.05  # seconds between checks that the kernel is alive and still serving


class Silent(Exception):
    """No answer came before the deadline."""


class Died(Exception):
    """The kernel process ended."""


class Stopped(Exception):
    """The kernel finished its execute request without answering: it no longer serves calls."""


class CallSession:
    """One ``serve`` of a kernel (see the module docstring)."""

    def __init__(self, km, kc):
        self.km, self.kc = km, kc
        self.token = secrets.token_hex(8)
        self.path = os.path.join(km.calls_folder, self.token)
        self.socket = zmq.Context.instance().socket(zmq.PAIR)
        self.socket.linger = 0
        self.socket.setsockopt(zmq.MAXMSGSIZE, wire.MAX_BYTES)
        self.socket.bind(f"ipc://{self.path}")
        km.give_socket(self.path)
        self.msg_id = None
        self.stopped = False

    def open(self, deadline):
        """Ask the kernel to serve, and wait until it says it does."""
        code = f"__import__('coursekit_kernel').serve({self.km.calls_path(self.token)!r}, {self.token!r})"
        self.msg_id = run_sync(self._execute)(code)
        if self._receive(deadline).get("ready") != self.token:
            raise wire.WireError("the kernel did not answer with the session's token")

    async def _execute(self, code):
        return await ensure_async(self.kc.execute(code, silent=True, store_history=False, allow_stdin=False))

    def call(self, request, nonce, deadline):
        """Send a request (``verdicts.call_request``); return the report that carries its nonce."""
        try:
            self.socket.send_string(request, flags=zmq.NOBLOCK)
        except zmq.Again:
            raise Stopped() from None
        while True:
            report = self._receive(deadline)
            if report.get("nonce") == nonce:
                return report
            if monotonic() >= deadline:  # a stream of other messages does not put the deadline off
                raise Silent()

    def close(self, deadline):
        """End the session; True if the kernel stopped serving and went idle before ``deadline``."""
        try:
            if self.stopped:
                return True
            try:
                self.socket.send_string(wire.dumps({"done": self.token}), flags=zmq.NOBLOCK)
            except zmq.Again:
                return False
            while monotonic() < deadline:
                if run_sync(self._finished)(min(SLICE, max(0.0, deadline - monotonic()))):
                    return True
                if not run_sync(self.km.is_alive)():
                    return False
            return False
        finally:
            self.drop()

    def drop(self):
        """Close the grader's socket, without asking the kernel anything."""
        self.socket.close()
        try:
            os.unlink(self.path)
        except OSError:
            pass

    def _receive(self, deadline):
        while True:
            if self.socket.poll(max(0, int(1000 * min(SLICE, deadline - monotonic())))):
                try:
                    return wire.loads(self.socket.recv(flags=zmq.NOBLOCK).decode("utf-8"))
                except (UnicodeDecodeError, zmq.Again):
                    raise wire.WireError("the kernel's answer is not text") from None
            if monotonic() >= deadline:
                raise Silent()
            if not run_sync(self.km.is_alive)():
                raise Died()
            if run_sync(self._finished)(0):
                raise Stopped()

    async def _finished(self, timeout):
        """Whether the kernel replied to the serve request, waiting ``timeout`` seconds at most.

        Other shell messages are read and dropped; however many the kernel sends, this returns
        by ``timeout`` (a kernel holds its session's key, so it can send replies of its own).
        """
        if self.msg_id is None:
            return False
        end = monotonic() + timeout
        while True:
            try:
                msg = await ensure_async(self.kc.shell_channel.get_msg(timeout=max(0.0, end - monotonic())))
            except Exception:  # noqa: BLE001 - queue.Empty: no reply yet
                return False
            if msg.get("parent_header", {}).get("msg_id") == self.msg_id:
                self.stopped = True
                return True
            if monotonic() >= end:
                return False
