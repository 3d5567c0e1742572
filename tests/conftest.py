"""Shared test setup: a throwaway PostgreSQL server.  (Notebooks are kept whole under xdist by ../conftest.py.)"""
import pytest


def _pg_bin(name):
    import glob
    import shutil

    found = shutil.which(name) or sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found if isinstance(found, str) else (found[-1] if found else None)


@pytest.fixture(scope="session")
def postgres_url():
    """A throwaway PostgreSQL server on 127.0.0.1 with an empty `gradebook` database."""
    import os
    import shutil
    import socket
    import subprocess
    import tempfile

    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not (initdb and pg_ctl):
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed; .ci/run installs Debian's postgresql package")
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    data = tempfile.mkdtemp(prefix="lfs-pg-")
    as_user = []
    if os.geteuid() == 0:  # the server refuses to run as root
        shutil.chown(data, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    run = lambda *cmd: subprocess.run([*as_user, *cmd], check=True, capture_output=True, text=True)  # noqa: E731
    run(initdb, "-D", data, "-A", "trust", "-U", "postgres")
    run(pg_ctl, "-D", data, "-l", f"{data}/server.log", "-w", "-o",
        f"-p {port} -k {data} -c listen_addresses=127.0.0.1", "start")
    try:
        import psycopg2

        conn = psycopg2.connect(host="127.0.0.1", port=port, user="postgres", dbname="postgres")
        conn.autocommit = True
        conn.cursor().execute("CREATE DATABASE gradebook")
        conn.close()
        yield f"postgresql+psycopg2://postgres@127.0.0.1:{port}/gradebook"
    finally:
        run(pg_ctl, "-D", data, "-m", "fast", "-w", "stop")
        shutil.rmtree(data, ignore_errors=True)

