"""File names of submissions downloaded from an LMS, for ``nbgrader zip_collect``.

Canvas names each file ``<login>_[late_]<user id>_<file number>_<file>[-<n>].ipynb``
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

nbgrader's default extractor also extracts the archives found inside the LMS's
download, which are students' uploads: a broken one aborts the whole run.
``LMSArchiveExtractor`` extracts only the archives in ``archive/``.  Both classes
are nbgrader plugins, set in ``nbgrader_config.py``.
"""
import os
import re
import shutil
from collections import namedtuple

from nbgrader.plugins import ExtractorPlugin, FileNameCollectorPlugin
from nbgrader.utils import unzip

# One path component each; `rest` is what follows the LMS's prefix.
CANVAS = re.compile(r"^(?P<student_id>[A-Za-z0-9][A-Za-z0-9.\-]*?)_(?:late_|LATE_)?\d+_(?P<number>\d+)_(?P<rest>.+)$")
MOODLE = re.compile(r"^.+?_(?P<student_id>\d+)_assignsubmission_(?:file|onlinetext)_(?P<rest>.*)$")
CANVAS_NOTEBOOK = re.compile(r"^(?P<stem>.+?)(?:-(?P<resubmission>\d+))?\.ipynb$")

Submission = namedtuple("Submission", "student_id file_id")


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
            return Submission(student, notebook["stem"] + ".ipynb")
    elif moodle and len(inside) == (0 if moodle["rest"] else 1):
        file_id = moodle["rest"] or inside[0]
        if file_id.endswith(".ipynb"):
            return Submission(student, file_id)
    else:
        raise NotASubmission(f"inside the upload of student {student}")
    raise NotASubmission(f"not a notebook of student {student}")


def parse(path):
    """{'student_id', 'file_id'} for a path relative to ``extracted/`` (see read), else None."""
    try:
        return read(path)._asdict()
    except NotASubmission:
        return None


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
    """nbgrader's collector plugin for Canvas and Moodle downloads."""

    def collect(self, submitted_file):
        if os.path.splitext(submitted_file)[1] not in self.valid_ext:
            return None
        path = os.path.relpath(submitted_file, self._extracted_folder())
        try:
            return read(path)._asdict()
        except NotASubmission as why:
            self.log.warning("Not collected, %s: %s", why, path)
            return None

    def _extracted_folder(self):
        """The run's ``extracted/`` folder, laid out as ZipCollectApp lays it out from its settings."""
        app = self.parent
        return os.path.join(app.coursedir.root, app.collect_directory_structure).format(
            downloaded=app.downloaded_directory, assignment_id=app.coursedir.assignment_id,
            collect_step=app.extracted_directory)
