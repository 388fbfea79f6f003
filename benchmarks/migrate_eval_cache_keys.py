"""One-off migration (issue 12, item 6): the recorded eval answers in evals/cache, renamed from the
old answer-cache key (model, template hash, messages, schema) to the new one, which also holds the
endpoint, mode, temperature and max tokens (``LLMClient.cache_key``).

The cache files do not hold their requests, so the requests are made again: every suite is replayed
(``toolkit eval --baseline evals/baseline.json``) with ``LLMClient.extract`` wrapped; for each request
a replay client makes, the old and the new key are computed from the same messages and the file under
the old key is renamed to the new one before the real ``extract`` reads it. Idempotent: a request
whose file already has its new name is left alone.

    python benchmarks/migrate_eval_cache_keys.py      # from the checkout; then commit evals/cache

It prints what it renamed and the recorded files no replayed request asked for (left as they are).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from toolkit.cli import main
from toolkit.evals import runner
from toolkit.llm.client import LLMClient


def old_key(client: LLMClient, messages, schema, template_hash) -> str:
    """The key before the endpoint, mode, temperature and max tokens were part of it."""
    blob = json.dumps({"model": client.model, "template": template_hash, "messages": messages,
                       "schema": schema.model_json_schema()}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def migrate(argv: list[str]) -> int:
    cache = Path(runner.EVAL_CACHE).resolve()
    before = {p.resolve() for p in cache.glob("??/*.json")}  # answers (not passages/)
    renamed: list[tuple[str, str]] = []
    already: set[Path] = set()
    missing: list[str] = []
    real = LLMClient.extract

    def extract(self, schema, messages, *, template=None, template_hash=None, temperature=0.0, context=None,
                max_reasks=None, max_tokens=None):
        if self.cache_only and self.cache_dir is not None and Path(self.cache_dir).resolve() == cache:
            sent = self.max_tokens if max_tokens is None else max_tokens
            new = self.cache_key(messages, schema, template_hash, temperature=temperature, max_tokens=sent)
            old = old_key(self, messages, schema, template_hash)
            old_path, new_path = cache / old[:2] / f"{old}.json", cache / new[:2] / f"{new}.json"
            if new_path.exists():
                already.add(new_path.resolve())
            elif old_path.exists():
                new_path.parent.mkdir(exist_ok=True)
                os.replace(old_path, new_path)
                renamed.append((old, new))
                already.add(new_path.resolve())
            else:
                missing.append(f"{self.model} {template} (old key {old[:12]})")
        return real(self, schema, messages, template=template, template_hash=template_hash,
                    temperature=temperature, context=context, max_reasks=max_reasks, max_tokens=max_tokens)

    LLMClient.extract = extract  # type: ignore[method-assign]
    code = main(argv or ["eval", "--baseline", "evals/baseline.json"])
    for directory in cache.iterdir():
        if directory.is_dir() and not any(directory.iterdir()):
            directory.rmdir()
    unused = sorted(str(p.relative_to(cache)) for p in before if p.exists() and p not in already)
    print(f"\nrenamed {len(renamed)} recorded answers; {len(already) - len(renamed)} already had the new key; "
          f"{len(missing)} requests had no recording; {len(unused)} recorded files no replay asked for",
          file=sys.stderr)
    for old, new in renamed:
        print(f"  {old[:16]}… -> {new[:16]}…", file=sys.stderr)
    for line in missing + unused:
        print(f"  not migrated: {line}", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(migrate(sys.argv[1:]))
