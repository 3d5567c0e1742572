"""Test support: scratch courses (scratch.py) and the mutant / alternative-correct catalogs (catalog.py)."""
