"""Harmless nbgrader metadata before autograde: what a notebook editor can break, repaired.

``RepairSubmittedMetadata`` runs first in ``nbgrader autograde``'s sanitising step
(``c.Autograde.sanitize_preprocessors`` in ``nbgrader_config.py``), before nbgrader's own:

- **a cell copied and pasted keeps its grade id.**  nbgrader keeps the last cell of each grade id
  and gives the earlier ones empty nbgrader metadata, which its next check reads as a notebook of an
  old format: that error ends the whole ``nbgrader autograde`` run, for every student graded after
  this one.  Here the earlier copies lose their nbgrader metadata altogether and become ordinary cells;
- **a schema version other than nbgrader's own** (3) is set back to it, for the same reason;
- **a derivation left as the placeholder**, up to spaces and blank lines, is put back exactly as
  released, so that it scores 0 at once instead of waiting for a person to grade nothing.

None of this changes a grade: the grades come from the gradebook's copy of each cell's metadata.
"""
from nbgrader.nbgraderformat import SCHEMA_VERSION
from nbgrader.preprocessors import ClearSolutions, NbGraderPreprocessor

from .derivations import is_derivation

PLACEHOLDER = ClearSolutions().text_stub


class RepairSubmittedMetadata(NbGraderPreprocessor):
    """See the module docstring."""

    def preprocess(self, nb, resources):
        seen = set()
        for cell in reversed(nb.cells):  # nbgrader keeps the last cell of a grade id
            meta = cell.metadata.get("nbgrader")
            if meta is None:
                continue
            grade_id = meta.get("grade_id") if isinstance(meta, dict) else None
            if not isinstance(meta, dict) or grade_id in seen:
                self.log.warning("A copy of cell %r is left ungraded (it repeats an earlier grade id)", grade_id)
                del cell.metadata["nbgrader"]
                continue
            if grade_id is not None:
                seen.add(grade_id)
            if meta.get("schema_version") != SCHEMA_VERSION:
                meta["schema_version"] = SCHEMA_VERSION
            if is_derivation(cell) and "".join(cell.source.split()) == "".join(PLACEHOLDER.split()):
                cell.source = PLACEHOLDER
        return nb, resources
