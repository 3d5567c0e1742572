"""File names of submissions downloaded from an LMS, for ``nbgrader zip_collect``.

Canvas names each file ``<login>_[late_]<user id>_<submission id>_<file>[-<n>].ipynb``
(``-<n>`` for a resubmission); Moodle puts each student's files in a folder, or
flattens them, as ``<Full Name>_<user id>_assignsubmission_file_[/]<file>.ipynb``.
The Canvas login, or the Moodle user id, becomes the nbgrader student id.

Only the LMS names students; what a student uploads is named by the student.
So a file's student comes from the outermost path component (below nbgrader's
``extracted/`` folder) that is a Canvas or Moodle name, and a file is collected
only where the LMS writes one: as that component itself (a Canvas or flattened
Moodle file), or directly inside it (a Moodle folder).  Anything deeper is inside
that student's own upload and is skipped with a warning naming the student.  A
path with ``..``, or a component that is both a Canvas and a Moodle name, is
skipped too.

A student with several copies of one notebook (Canvas's ``name.ipynb`` and
``name-2.ipynb``, or the same download twice) gets one: the highest Canvas
resubmission number ``-<n>`` wins (no suffix counts as 0), then the highest Canvas
submission id (ids grow with time), then the last path in sorted order.  The others
are skipped with a warning naming the student.  nbgrader's ZipCollectApp would
stop the whole run at a duplicate ("Duplicate submission file"), unless the
collector gave timestamps, and those end up in ``timestamp.txt`` and late
penalties; so the collector looks over the whole ``extracted/`` folder once and
answers only for the copy it keeps.

nbgrader's default extractor also extracts the archives found inside the LMS's
download, which are students' uploads: a broken one aborts the whole run.
``LMSArchiveExtractor`` extracts only the archives in ``archive/``.  Both classes
are nbgrader's own plugin hooks, set in ``nbgrader_config.py``: ``nbgrader
zip_collect`` is a fixed subcommand, so a subclass of the app could not be.
"""
import os
import re
import shutil
from collections import namedtuple

from nbgrader.plugins import ExtractorPlugin, FileNameCollectorPlugin
from nbgrader.utils import unzip

# One path component each; `rest` is what follows the LMS's prefix.
CANVAS = re.compile(r"^(?P<student_id>[A-Za-z0-9][A-Za-z0-9.\-]*?)_(?:late_|LATE_)?\d+_(?P<submission>\d+)_(?P<rest>.+)$")
MOODLE = re.compile(r"^.+?_(?P<student_id>\d+)_assignsubmission_(?:file|onlinetext)_(?P<rest>.*)$")
CANVAS_NOTEBOOK = re.compile(r"^(?P<stem>.+?)(?:-(?P<resubmission>\d+))?\.ipynb$")

Submission = namedtuple("Submission", "student_id file_id newness")  # newness orders a student's copies


class NotASubmission(ValueError):
    """Why a file below ``extracted/`` is not collected."""


def read(path):
    """The Submission at ``path``, relative to ``extracted/``; raises NotASubmission if there is none."""
    parts = path.replace(os.sep, "/").split("/")
    if ".." in parts:
        raise NotASubmission("a path with '..'")
    for depth, part in enumerate(parts):
        canvas, moodle = CANVAS.match(part), MOODLE.match(part)
        if canvas or moodle:
            break
    else:
        raise NotASubmission("not a Canvas or Moodle submission name")
    if canvas and moodle:
        raise NotASubmission(f"{part!r} is both a Canvas and a Moodle name")
    student, inside = (canvas or moodle)["student_id"], parts[depth + 1:]
    if canvas and not inside:
        notebook = CANVAS_NOTEBOOK.match(canvas["rest"])
        if notebook:
            newness = (int(notebook["resubmission"] or 0), int(canvas["submission"]))
            return Submission(student, notebook["stem"] + ".ipynb", newness)
    elif moodle and len(inside) == (0 if moodle["rest"] else 1):
        file_id = moodle["rest"] or inside[0]
        if file_id.endswith(".ipynb"):
            return Submission(student, file_id, (0, 0))
    else:
        raise NotASubmission(f"inside the upload of student {student}")
    raise NotASubmission(f"not a notebook of student {student}")


def parse(path):
    """{'student_id', 'file_id'} for a path relative to ``extracted/`` (see read), else None."""
    try:
        found = read(path)
    except NotASubmission:
        return None
    return {"student_id": found.student_id, "file_id": found.file_id}


class LMSArchiveExtractor(ExtractorPlugin):
    """nbgrader's extractor without its extraction of archives inside archives.

    The archives in ``archive/`` (the LMS's downloads) are extracted, each into a
    folder of its own, and other files copied, as nbgrader does.  An archive inside
    one of them is a student's upload and stays as it is, so it is not collected.
    """

    def extract(self, archive_path, extracted_path):
        for folder, _, files in os.walk(archive_path):
            extract_to = os.path.normpath(os.path.join(extracted_path, os.path.relpath(folder, archive_path)))
            os.makedirs(extract_to, exist_ok=True)
            for name in files:
                src = os.path.join(folder, name)
                if os.path.splitext(name)[1] in self.zip_ext:
                    self.log.info("Extracting from: %s", src)
                    unzip(src, extract_to, zip_ext=self.zip_ext, create_own_folder=True, tree=False)
                else:
                    self.log.info("Copying from: %s", src)
                    shutil.copy(src, extract_to)


class LMSFileNameCollector(FileNameCollectorPlugin):
    """nbgrader's collector plugin for Canvas and Moodle downloads, one copy per student and notebook."""

    _kept = None  # path below extracted/ -> {'student_id', 'file_id'}, filled at the first file

    def collect(self, submitted_file):
        if os.path.splitext(submitted_file)[1] not in self.valid_ext:
            return None
        root = self._extracted_folder()
        if self._kept is None:
            self._kept = self._newest_copies(root)
        return self._kept.get(os.path.relpath(submitted_file, root))

    def _newest_copies(self, root):
        """The files to collect below ``root``: per student and notebook, the newest copy (see the module)."""
        copies = {}
        for folder, _, files in os.walk(root):
            for name in files:
                path = os.path.relpath(os.path.join(folder, name), root)
                if os.path.splitext(name)[1] not in self.valid_ext:
                    continue
                try:
                    found = read(path)
                except NotASubmission as why:
                    self.log.warning("Not collected, %s: %s", why, path)
                    continue
                copies.setdefault((found.student_id, found.file_id), []).append((found.newness, path))
        kept = {}
        for (student, file_id), found in sorted(copies.items()):
            paths = [path for _, path in sorted(found)]
            if len(paths) > 1:
                self.log.warning("Student %s has %d copies of %s (duplicate): collected %s, skipped %s",
                                 student, len(paths), file_id, paths[-1], ", ".join(paths[:-1]))
            kept[paths[-1]] = {"student_id": student, "file_id": file_id}
        return kept

    def _extracted_folder(self):
        """The run's ``extracted/`` folder, laid out as ZipCollectApp lays it out from its settings."""
        app = self.parent
        return os.path.join(app.coursedir.root, app.collect_directory_structure).format(
            downloaded=app.downloaded_directory, assignment_id=app.coursedir.assignment_id,
            collect_step=app.extracted_directory)
