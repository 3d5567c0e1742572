"""nbgrader configuration for Loss Functions from Scratch.

Paths are relative to this file's folder (the repository root).
"""
from coursekit.grader.derivations import AutogradedOnly
from coursekit.grader.execute import SandboxedExecute
from coursekit.grader.feedback import HideHiddenTests
from coursekit.grader.metadata import RepairSubmittedMetadata
from coursekit.grader.sanitize import SanitizeStudentHTML
from coursekit.grader.zipnames import LMSArchiveExtractor, LMSFileNameCollector
from nbconvert.preprocessors import ClearMetadataPreprocessor, CSSHTMLHeaderPreprocessor
from nbgrader.converters import Autograde, GenerateAssignment, GenerateSolution
from nbgrader.preprocessors import (
    AssignLatePenalties, CheckCellMetadata, ClearMarkScheme, GetGrades, IgnorePattern, LimitOutput, SaveAutoGrades)

c = get_config()  # noqa: F821 - provided by nbgrader

c.CourseDirectory.course_id = "loss-functions-from-scratch"
c.CourseDirectory.solution_directory = "solutions"
# nbgrader's own ignore list, and the grading record the execute step writes beside each graded
# notebook: a submission cannot bring its own, and feedback does not copy it to the student.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "coursekit-grading.json"]

# Student code runs only in sandboxed kernels (coursekit/grader/sandbox.py), and graded test cells run
# in the grader's own process against them (coursekit/grader/execute.py, verdicts.py).
# A call or cell gets 60 s at most; a whole notebook gets 300 s.
c.Execute.timeout = 60
c.SandboxedExecute.notebook_budget = 300
c.Execute.extra_arguments = ["--HistoryManager.hist_file=:memory:"]
# Limits of every grading kernel (defaults shown): 4 GiB of address space, 900 s of CPU time,
# 64 processes and threads, 64 MiB per file, 256 open files, 256 MiB each for /tmp and the
# working folder.  Where no sandbox can run, grading refuses unless
# c.SandboxedKernelManager.unsandboxed = True, which every account then records.
c.SandboxedKernelManager.memory_limit = 4 * 2 ** 30

# Derivations are written in manually graded markdown answers; their rubrics lie in mark scheme
# regions of the locked prompt cells above them (coursekit/grader/derivations.py), which nbgrader
# removes from the release and formgrader shows to the grader.
c.ClearMarkScheme.enforce_metadata = False  # the rubric sits in the locked prompt, not in a task cell
c.GenerateAssignment.preprocessors = [AutogradedOnly, *GenerateAssignment.class_traits()["preprocessors"].default()]
# solutions/ is for instructors: it keeps the rubrics beside the model derivations.
c.GenerateSolution.preprocessors = [p for p in GenerateSolution.class_traits()["preprocessors"].default()
                                    if p is not ClearMarkScheme]
# To run the course autograded only, set this to True before generate_assignment: derivation
# answers then count 0 points, and nobody has to grade them by hand.
c.AutogradedOnly.enabled = False

# Before nbgrader's own sanitising: a pasted copy of a graded cell, an edited schema version or a
# derivation left blank cannot stop the run or wait for a person (coursekit/grader/metadata.py).
c.Autograde.sanitize_preprocessors = [RepairSubmittedMetadata, *Autograde.class_traits()["sanitize_preprocessors"].default()]

# nbgrader's autograde pipeline, with Execute replaced by the sandboxed one.
c.Autograde.autograde_preprocessors = [
    SandboxedExecute, IgnorePattern, ClearMetadataPreprocessor, LimitOutput,
    SaveAutoGrades, AssignLatePenalties, CheckCellMetadata,
    SanitizeStudentHTML,  # last: the stored notebook, which formgrader and feedback show, runs no student HTML
]

# Feedback shows pass/fail, points and the diagnostic, never the hidden tests.
c.GenerateFeedback.preprocessors = [GetGrades, CSSHTMLHeaderPreprocessor, HideHiddenTests]

# `nbgrader zip_collect` understands Canvas and Moodle download names, takes each student id
# only from the LMS's own naming, and leaves archives inside the download (students' uploads)
# unextracted (coursekit/grader/zipnames.py).
c.ZipCollectApp.extractor_plugin = LMSArchiveExtractor
c.ZipCollectApp.collector_plugin = LMSFileNameCollector
