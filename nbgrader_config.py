"""nbgrader configuration for Loss Functions from Scratch.

Paths are relative to this file's folder (the repository root).
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)  # makes coursekit importable for its preprocessors

from coursekit.execute import ResilientExecute  # noqa: E402
from coursekit.feedback import HideHiddenTests  # noqa: E402
from coursekit.sanitize import SanitizeStudentHTML  # noqa: E402
from coursekit.zipnames import LMSFileNameCollector  # noqa: E402
from nbconvert.preprocessors import ClearMetadataPreprocessor, CSSHTMLHeaderPreprocessor  # noqa: E402
from nbgrader.preprocessors import (  # noqa: E402
    AssignLatePenalties, CheckCellMetadata, GetGrades, IgnorePattern, LimitOutput, SaveAutoGrades)

c = get_config()  # noqa: F821 - provided by nbgrader

c.CourseDirectory.course_id = "loss-functions-from-scratch"
c.CourseDirectory.solution_directory = "solutions"

# Per-cell execution timeout in seconds: an infinite loop costs one cell, not the class.
c.Execute.timeout = 60
# A grading kernel holds nothing worth a graceful goodbye.
c.Execute.shutdown_kernel = "immediate"
# Every kernel first runs coursekit/kernel_guard.py: submitted files cannot shadow
# modules, and os._exit()/exit() fail the calling cell instead of killing the kernel.
c.Execute.extra_arguments = [
    "--HistoryManager.hist_file=:memory:",
    f"--IPKernelApp.exec_files={os.path.join(HERE, 'coursekit', 'kernel_guard.py')!r}",
]

# nbgrader's autograde pipeline, with Execute replaced by one that survives a kernel
# death: the cell that crashed fails, the kernel restarts, and later cells are graded.
c.Autograde.autograde_preprocessors = [
    ResilientExecute, IgnorePattern, ClearMetadataPreprocessor, LimitOutput,
    SaveAutoGrades, AssignLatePenalties, CheckCellMetadata,
    SanitizeStudentHTML,  # last: the stored notebook, which formgrader and feedback show, runs no student HTML
]

# Feedback shows pass/fail, points and the diagnostic, never the hidden tests.
c.GenerateFeedback.preprocessors = [GetGrades, CSSHTMLHeaderPreprocessor, HideHiddenTests]

# `nbgrader zip_collect` understands Canvas and Moodle download names (coursekit/zipnames.py).
c.ZipCollectApp.collector_plugin = LMSFileNameCollector
