"""First program inside a grading sandbox: set resource limits, leave root, start the kernel.

    python launcher.py '{"as": ..., "cpu": ..., "nproc": ..., "fsize": ..., "nofile": ..., "uid": ...}' -- KERNEL COMMAND

When the grader runs as root, bubblewrap gives the sandbox no user namespace
and this script switches to ``uid`` (an unprivileged id used by no other
kernel), so that the process limit counts this kernel's processes only and no
other process on the machine can be signalled.  Under an ordinary user,
bubblewrap's user namespace already keeps the kernel apart and ``uid`` is None.
"""
import json
import os
import resource
import sys

LIMITS = {"as": resource.RLIMIT_AS, "cpu": resource.RLIMIT_CPU, "nproc": resource.RLIMIT_NPROC,
          "fsize": resource.RLIMIT_FSIZE, "nofile": resource.RLIMIT_NOFILE}


def main(argv):
    settings = json.loads(argv[1])
    if argv[2] != "--":
        raise SystemExit("usage: launcher.py LIMITS -- COMMAND")
    for key, limit in LIMITS.items():
        if settings.get(key):
            resource.setrlimit(limit, (settings[key], settings[key]))
    uid = settings.get("uid")
    if uid is not None and os.getuid() == 0:
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)
    if os.getuid() == 0 and uid is not None:
        raise SystemExit("the grading kernel would run as root")
    os.execv(argv[3], argv[3:])


if __name__ == "__main__":
    main(sys.argv)
