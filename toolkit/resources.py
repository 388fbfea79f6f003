"""Files the toolkit ships with, found through :mod:`importlib.resources` wherever it is installed.

``toolkit/data/`` holds the prompt templates (``prompts/``), the built-in eval suites, their
baseline and recorded model answers (``evals/``) and the sample article (``seeds/``). In the
repository these three are symbolic links to the top-level ``prompts/``, ``evals/`` and
``seeds/`` folders (the files are written and reviewed there); building a wheel or an sdist
copies the files behind the links into the package, so an installed toolkit and an editable
checkout read the same paths. The report template lives in ``toolkit/templates/``.

Settings used here (read by :mod:`toolkit.settings`):

- ``TOOLKIT_PROMPTS_DIR`` — a folder of prompt templates that override the built-in ones by
  name (``summarize.j2``, ``extract_claims.j2``...); templates it lacks come from the package.
- ``TOOLKIT_DATASETS`` — the external evaluation datasets folder (default: ``../shared/datasets``
  beside the checkout; an installed toolkit has no default and needs it, or ``--datasets``).
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from .errors import ConfigError
from .settings import ENVIRONMENT, get_settings

PROMPTS_DIR_ENV = ENVIRONMENT["prompts_dir"]  # TOOLKIT_PROMPTS_DIR
DATASETS_ENV = ENVIRONMENT["datasets"]  # TOOLKIT_DATASETS


def package_path(*parts: str) -> Path:
    """A file or folder inside the installed ``toolkit`` package, as a filesystem path."""
    root = files("toolkit")
    path = Path(str(root.joinpath(*parts)))
    if not isinstance(root, Path) and not path.exists():  # pragma: no cover — a zipped install
        raise ConfigError(f"toolkit is installed in a form whose files cannot be read from disk ({root}): "
                          f"install it as a regular wheel")
    return path


def data_path(*parts: str) -> Path:
    """A file or folder of the shipped data: ``data_path("evals", "baseline.json")``."""
    return package_path("data", *parts)


def templates_dir() -> Path:
    """The report templates (``report.html.j2``)."""
    return package_path("templates")


def builtin_prompts_dir() -> Path:
    return data_path("prompts")


def prompt_dirs() -> tuple[Path, ...]:
    """Where prompt templates are looked up, first match wins: ``TOOLKIT_PROMPTS_DIR`` (when
    set), then the built-in templates."""
    path = get_settings().prompts_dir
    if path is None:
        return (builtin_prompts_dir(),)
    if not path.is_dir():
        raise ConfigError(f"{PROMPTS_DIR_ENV}={str(path)!r} is not a folder of prompt templates")
    return (path, builtin_prompts_dir())


def checkout_root() -> Path | None:
    """The repository checkout this toolkit runs from (an editable install), or None when it is
    installed from a wheel."""
    root = Path(__file__).resolve().parents[1]
    return root if (root / "pyproject.toml").is_file() and (root / "toolkit").is_dir() else None


def default_datasets() -> Path | None:
    """The external datasets folder: ``TOOLKIT_DATASETS``, else ``../shared/datasets`` beside the
    checkout; None for an installed toolkit without the setting."""
    configured = get_settings().datasets
    if configured is not None:
        return configured
    root = checkout_root()
    return root.parent / "shared" / "datasets" if root is not None else None
