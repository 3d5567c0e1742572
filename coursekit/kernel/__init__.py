"""Kernel side: bound read-only into every grading sandbox, where its modules import as top-level names."""
