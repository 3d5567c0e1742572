"""nbgrader plugins: they run in the nbgrader process, as nbgrader_config.py sets them.

- execute.py: the autograde Execute step (sandboxed kernels; graded cells run in this process);
- sandbox.py: the bubblewrap kernel manager;
- verdicts.py: graded cells run against the student's kernel;
- feedback.py: feedback that keeps hidden tests hidden;
- sanitize.py: student HTML made inert for formgrader and feedback;
- zipnames.py: zip_collect for Canvas and Moodle downloads.
"""
