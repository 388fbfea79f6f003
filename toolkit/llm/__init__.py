"""The model layer: schemas, prompts, the instructor client and the backends."""

from .. import models as _models  # noqa: F401  (first: toolkit.models and .schemas refer to each other)
