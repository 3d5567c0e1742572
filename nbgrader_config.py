"""nbgrader configuration for Loss Functions from Scratch.

Paths are relative to the folder nbgrader runs in (the repository root).
"""
c = get_config()  # noqa: F821 - provided by nbgrader

c.CourseDirectory.course_id = "loss-functions-from-scratch"
c.CourseDirectory.solution_directory = "solutions"

# Per-cell execution timeout in seconds: an infinite loop costs one cell, not the class.
c.Execute.timeout = 60
