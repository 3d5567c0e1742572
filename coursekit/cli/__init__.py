"""The instructor's command line (python -m coursekit): regenerate, grade, the class report."""
