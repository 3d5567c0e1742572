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

Importing this module (``nbgrader_config.py`` does) also makes nbgrader's own metadata validation
check its schema once instead of once per cell (``SchemaCheckedOnce``): the same verdicts, a
sixth of the time a large notebook takes to grade.
"""
import jsonschema
from nbgrader.nbgraderformat import SCHEMA_VERSION, common
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


class SchemaCheckedOnce:
    """``jsonschema`` as nbgrader's metadata validator sees it, with ``validate`` checking each schema once.

    ``jsonschema.validate(instance, schema)`` checks the schema itself before the instance, on every
    call: about 3 ms, for each nbgrader cell of each notebook, twice per graded notebook (0.5 s of a
    notebook of 120 cells).  This keeps one validator per schema; an instance gets the very error
    ``jsonschema.validate`` raises (the best match of the same validator's errors).
    """

    def __init__(self):
        self._validators = {}

    def __getattr__(self, name):
        return getattr(jsonschema, name)

    def validate(self, instance, schema):
        validator = self._validators.get(id(schema))
        if validator is None or validator.schema is not schema:
            cls = jsonschema.validators.validator_for(schema)
            cls.check_schema(schema)
            validator = self._validators[id(schema)] = cls(schema)
        error = jsonschema.exceptions.best_match(validator.iter_errors(instance))
        if error is not None:
            raise error


if not isinstance(common.jsonschema, SchemaCheckedOnce):
    common.jsonschema = SchemaCheckedOnce()
