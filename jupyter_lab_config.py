"""JupyterLab settings of this course, given on the command line that the README gives:

    .venv/bin/jupyter lab --config=jupyter_lab_config.py <the notebook to open>

so that the course opens in the same way for a normal user, for root (Docker images, cloud notebooks),
in a container and on a machine without a browser.  This file takes the place of your own
jupyter_server_config.py for this server only; your jupyter_lab_config.py still applies.
"""
import os
import sys

c = get_config()  # noqa: F821 - provided by Jupyter

COURSE = os.path.dirname(os.path.abspath(__file__))

# JupyterLab's file browser shows the whole course folder, whichever notebook the command opens.
c.ServerApp.root_dir = COURSE

# JupyterLab refuses to run as root unless told to; root is the usual user in containers.
c.ServerApp.allow_root = True

# In a container, listen on all of the container's interfaces, so that a published port
# (docker run -p 8888:8888) reaches the server from outside.  Whoever reaches the port needs the
# token in the printed address (unless your own settings turn the token off).
if os.path.exists("/.dockerenv") or os.path.exists("/run/.containerenv"):
    c.ServerApp.ip = "0.0.0.0"

# The addresses JupyterLab prints (all there is on a machine without a browser) lead to the
# notebook named on the command line, not to an empty JupyterLab.
_named = [os.path.abspath(a) for a in sys.argv[1:] if not a.startswith("-") and a.endswith(".ipynb")]
try:
    _inside = bool(_named) and os.path.commonpath([_named[-1], COURSE]) == COURSE
except ValueError:  # on another drive (Windows)
    _inside = False
if _inside:
    c.LabApp.default_url = "/lab/tree/" + os.path.relpath(_named[-1], COURSE).replace(os.sep, "/")
