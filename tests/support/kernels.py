"""A real sandboxed grading kernel for tests and benchmarks, started and ended as the grader does."""
import contextlib

from jupyter_core.utils import run_sync

from coursekit.grader.execute import _discard
from coursekit.grader.sandbox import SandboxedKernelManager


@contextlib.contextmanager
def sandboxed_kernel(code=""):
    """Yield (kernel manager, client, run) for a ready sandboxed kernel that has run ``code``.

    ``run(code)`` executes more code there and asserts that it succeeded.
    """
    km = SandboxedKernelManager(kernel_name="python3")
    run_sync(km.start_kernel)(extra_arguments=["--HistoryManager.hist_file=:memory:"])
    kc = km.client()
    kc.start_channels()

    def run(source):
        reply = run_sync(kc.execute_interactive)(source, timeout=30, output_hook=lambda msg: None)
        assert reply["content"]["status"] == "ok", reply["content"]

    try:
        run_sync(kc.wait_for_ready)(timeout=60)
        if code:
            run(code)
        yield km, kc, run
    finally:
        kc.stop_channels()
        run_sync(_discard)(km)
