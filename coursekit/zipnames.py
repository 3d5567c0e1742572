"""File names of submissions downloaded from an LMS, for ``nbgrader zip_collect``.

Canvas names each file ``<login>_[late_]<user id>_<submission id>_<file>[-<n>].ipynb``
(``-<n>`` for a resubmission); Moodle puts each student's files in a folder, or
flattens them, as ``<Full Name>_<user id>_assignsubmission_file_[/]<file>.ipynb``.
The Canvas login, or the Moodle user id, becomes the nbgrader student id.
"""
import os
import re

from nbgrader.plugins import FileNameCollectorPlugin

PATTERNS = [
    re.compile(r"^(?P<student_id>[A-Za-z0-9.\-]+?)_(?:late_|LATE_)?\d+_\d+_(?P<file_id>.+?)(?:-\d+)?\.ipynb$"),
    re.compile(r"^(?P<name>[^/]+?)_(?P<student_id>\d+)_assignsubmission_(?:file|onlinetext)_/?(?P<file_id>[^/]+?)\.ipynb$"),
]


def parse(path):
    """{'student_id', 'file_id'} for an LMS file name (or a Moodle folder/file), else None."""
    tail = "/".join(path.replace(os.sep, "/").split("/")[-2:])
    for candidate in (tail, os.path.basename(path)):
        for pattern in PATTERNS:
            match = pattern.match(candidate)
            if match:
                return {"student_id": match["student_id"], "file_id": match["file_id"] + ".ipynb"}
    return None


class LMSFileNameCollector(FileNameCollectorPlugin):
    """nbgrader's collector plugin for Canvas and Moodle downloads."""

    def collect(self, submitted_file):
        if os.path.splitext(submitted_file)[1] not in self.valid_ext:
            return None
        info = parse(submitted_file)
        if info is None:
            self.log.warning("Not a Canvas or Moodle submission name, skipped: %s", submitted_file)
        return info
