"""The channel on which a real sandboxed kernel answers the grader's calls: it answers, it cannot
pass off another answer as the one asked for, and a kernel that stops serving, dies or goes
silent is noticed at once or at the deadline, never taken as an answer."""
import os
import stat
from time import monotonic

import numpy as np
import pytest
from coursekit.grader.calls import CallSession, Died, Silent, Stopped
from coursekit.grader.verdicts import call_request
from coursekit.kernel import coursekit_wire as wire
from support.kernels import sandboxed_kernel

pytestmark = pytest.mark.xdist_group("sandbox")

FUNCTIONS = """
import numpy as np
def mse(y, p):
    print("printed by the student")
    p += 0  # in place, but no change
    return float(((p - y) ** 2).mean())

def apply(f, options):
    return {"result": f(options["text"]), "kind": type(f).__name__}
"""


@pytest.fixture
def kernel():
    with sandboxed_kernel(FUNCTIONS) as started:
        yield started


def _opened(km, kc):
    session = CallSession(km, kc)
    session.open(monotonic() + 30)
    return session


def _ask(session, nonce="n1", name="mse", seconds=30):
    y, p = np.zeros(4), np.arange(4.0)
    return session.call(call_request(name, (y, p), {}, nonce), nonce, monotonic() + seconds)


def test_calls_are_answered_and_the_kernel_is_idle_afterwards(kernel):
    """Does a session answer calls with the function's value, on a socket only the kernel's user can open?"""
    km, kc, run = kernel
    session = _opened(km, kc)
    mode = os.stat(session.path)
    assert stat.S_IMODE(mode.st_mode) == 0o600 and stat.S_ISSOCK(mode.st_mode)
    assert mode.st_uid == (km.kernel_uid if km.kernel_uid is not None else os.getuid())
    for i in range(3):
        report = _ask(session, nonce=f"n{i}")
        assert wire.decode(report["value"]) == 3.5 and "error" not in report and not report["stderr"]
    assert session.close(monotonic() + 30)
    assert not os.path.exists(session.path)
    run("assert 1 + 1 == 2")  # the kernel went back to running cells


def test_an_answer_to_another_call_is_not_taken(kernel):
    """Does a kernel that answers with a forged report (no matching nonce) get a timeout, not a pass?"""
    km, kc, run = kernel
    run("import coursekit_kernel\n"
        "coursekit_kernel.answer = lambda request: {'nonce': 'forged', 'value': {'t': 'float', 'v': '0x0p+0'}}")
    session = _opened(km, kc)
    start = monotonic()
    with pytest.raises(Silent):
        _ask(session, seconds=1)
    assert monotonic() - start < 5
    session.drop()


def test_a_kernel_that_stops_serving_is_noticed_at_once(kernel):
    """Does a serve() the submission replaced fail the call at once instead of at the deadline?"""
    km, kc, run = kernel
    run("import coursekit_kernel\ncoursekit_kernel.serve = lambda path, token: None")
    session = CallSession(km, kc)
    start = monotonic()
    with pytest.raises(Stopped):
        session.open(monotonic() + 30)
    assert monotonic() - start < 5
    session.drop()


def test_a_kernel_that_dies_in_a_call_is_noticed_at_once(kernel):
    """Does a function that kills its kernel fail the call at once, as a death, not a timeout?"""
    km, kc, run = kernel
    run("import os\ndef mse(y, p):\n    os._exit(1)")
    session = _opened(km, kc)
    start = monotonic()
    with pytest.raises(Died):
        _ask(session)
    assert monotonic() - start < 5
    session.drop()


def test_an_oversized_answer_is_never_read(kernel, monkeypatch):
    """Does ZeroMQ drop an answer over the wire's limit before the grader reads any of it?"""
    km, kc, run = kernel
    monkeypatch.setattr(wire, "MAX_BYTES", 10_000)
    run("def mse(y, p):\n    return np.zeros(2000)")  # about 21 kB of report
    session = _opened(km, kc)
    with pytest.raises(Silent):
        _ask(session, seconds=2)
    session.drop()


FLOOD_SHELL = """
import coursekit_kernel, time
_serve = coursekit_kernel.serve
def flooding_serve(path, token):
    _serve(path, token)  # answers every call, and stops on "done"; then floods the shell channel
    kernel = get_ipython().kernel
    stream, ident = kernel.shell_stream, kernel._parent_ident["shell"]
    end = time.time() + 30
    while time.time() < end:
        kernel.session.send(stream, "execute_reply", {"status": "ok", "execution_count": 0},
                            parent={"header": {"msg_id": "bogus", "msg_type": "execute_request"}}, ident=ident)
        time.sleep(0.005)
coursekit_kernel.serve = flooding_serve
"""

FLOOD_CALLS = """
import coursekit_kernel, json, time, zmq
def flooding_serve(path, token):
    socket = zmq.Context.instance().socket(zmq.PAIR)
    socket.connect(f"ipc://{path}")
    socket.send_string(json.dumps({"ready": token}))
    junk = json.dumps({"pad": "x" * 2 ** 20})  # sent faster than the grader can parse it
    end = time.time() + 30
    while time.time() < end:
        socket.send_string(junk)
coursekit_kernel.serve = flooding_serve
"""


def test_a_kernel_that_floods_the_shell_channel_cannot_hold_the_grader_past_its_deadline(kernel):
    """Does a kernel that, told to stop serving, sends forged replies without end still let the
    grader go at its deadline (it then replaces the kernel)?"""
    km, kc, run = kernel
    run(FLOOD_SHELL)
    session = _opened(km, kc)
    assert wire.decode(_ask(session)["value"]) == 3.5
    start = monotonic()
    assert not session.close(monotonic() + 2)
    assert monotonic() - start < 5


def test_a_kernel_that_floods_the_call_socket_cannot_put_off_the_deadline(kernel):
    """Does a stream of messages without the call's nonce end in a timeout at the deadline?"""
    km, kc, run = kernel
    run(FLOOD_CALLS)
    session = _opened(km, kc)
    start = monotonic()
    with pytest.raises(Silent):
        _ask(session, seconds=1)
    assert monotonic() - start < 4
    session.drop()


def test_a_module_function_passed_by_the_grader_is_the_kernels_own(kernel):
    """Does a function the grader passes (a loss of a shipped module) reach the student's function as the
    kernel's own object of that name, does a dict come back as a dict, and is a name the kernel lacks an error?"""
    import textwrap

    km, kc, run = kernel
    session = _opened(km, kc)
    report = session.call(call_request("apply", (textwrap.dedent, {"text": "  indented"}), {}, "n1"), "n1", monotonic() + 30)
    assert wire.decode(report["value"]) == {"result": "indented", "kind": "function"}
    missing = wire.dumps({"name": "apply", "nonce": "n2", "errstate": np.geterr(), "get": False, "kwargs": {},
                          "args": [{"t": "function", "module": "no_such_module", "name": "f"}, wire.encode({"text": ""})]})
    report = session.call(missing, "n2", monotonic() + 30)
    assert report["error"]["type"] == "ModuleNotFoundError" and "value" not in report
    assert session.close(monotonic() + 30)
