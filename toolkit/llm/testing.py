"""A scripted model backend for tests, in the manner of pydantic-ai's ``FunctionModel`` and
simonw/llm's mock model: no HTTP, no model, no cache.

:class:`ScriptedBackend` is a :class:`~toolkit.llm.backends.ModelBackend` (the same prompts, the same
validation context) whose client answers from a script instead of an endpoint. Every answer goes
through the response model's validators with the context the real client would pass, so a rule the
answer breaks (wrong language, too many or duplicate sentences, a citation out of range, a quote not
in the passage) is re-asked — the next answer of the script, with the rule's message appended to the
messages, as instructor appends it — and after the re-asks is an :class:`~toolkit.errors.ExtractionError`
naming the rule, as from :class:`~toolkit.llm.client.LLMClient`.

The script is one of:

- a list of answers, taken in call order (re-asks included);
- a dict from template name (``summarize``, ``extract_claims``, ``judge``) to a list of answers;
- a function of ``(template, messages)`` returning an answer (called for every attempt).

An answer is a dict (the model's JSON), a string (the model's raw text, parsed as JSON), a pydantic
model (its JSON), or an exception, which is raised as the endpoint's failure would be. A script that
runs out of answers raises :class:`ScriptExhausted`. ``backend.calls`` records every attempt.

    backend = ScriptedBackend({"summarize": [summary], "extract_claims": [{"claims": []}]})
    result = fact_check(article, backend=backend)
    assert [c.template for c in backend.calls] == ["summarize", "extract_claims"]
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar, Union

from pydantic import BaseModel, ValidationError

from ..errors import ExtractionError
from .backends import ModelBackend
from .client import _broken_rule
from .schemas import Run, Usage

T = TypeVar("T", bound=BaseModel)
Answer = Union[dict, list, str, BaseModel, BaseException]
Script = Union[Sequence[Answer], Mapping[str, Sequence[Answer]], Callable[[str, list[dict]], Answer]]


class ScriptExhausted(AssertionError):
    """The scripted backend was asked more than its script answers."""


@dataclass
class ScriptedCall:
    """One attempt: what was asked (template, messages, validation context) and what was answered."""

    template: str
    messages: list[dict]
    context: dict | None
    schema: str
    answer: Any
    attempt: int  # 1 for the first ask, 2 and more for re-asks
    error: str | None = None  # the validation error that caused a re-ask, if this answer broke a rule


@dataclass
class ScriptedClient:
    """Answers ``extract`` from a script, validating each answer as :class:`LLMClient` does."""

    script: Script
    model: str = "scripted"
    backend: str = "scripted"
    max_reasks: int = 2
    calls: list[ScriptedCall] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._taken: dict[str | None, int] = {}

    def _next(self, template: str, messages: list[dict]) -> Answer:
        script = self.script
        if callable(script):
            return script(template, messages)
        with self._lock:
            if isinstance(script, Mapping):
                queue, slot = script.get(template, ()), template
            else:
                queue, slot = script, None
            n = self._taken.get(slot, 0)
            if n >= len(queue):
                where = f" for {template!r}" if slot else ""
                raise ScriptExhausted(f"the script has no answer left{where} (call {n + 1} of {template!r})")
            self._taken[slot] = n + 1
            return queue[n]

    def extract(self, schema: type[T], messages: list[dict], *, template: str | None = None,
                template_hash: str | None = None, temperature: float = 0.0, context: dict | None = None,
                max_reasks: int | None = None, max_tokens: int | None = None) -> tuple[T, Run]:
        name = template or schema.__name__
        reasks = self.max_reasks if max_reasks is None else max_reasks
        asked = list(messages)
        usage = Usage()
        last: Exception | None = None
        raw: str | None = None
        for attempt in range(1, reasks + 2):
            answer = self._next(name, asked)
            call = ScriptedCall(name, asked, context, schema.__name__, answer, attempt)
            with self._lock:
                self.calls.append(call)
            if isinstance(answer, BaseException):
                raise answer
            usage = usage.add(Usage(requests=1))
            raw = _raw(answer)
            try:
                output = schema.model_validate_json(raw, context=context)
            except ValidationError as exc:
                last = exc
                call.error = str(exc)
                # as instructor re-asks: the answer, then what was wrong with it
                asked = [*asked, {"role": "assistant", "content": raw},
                         {"role": "user", "content": f"Correct your previous answer: {exc}"}]
                continue
            return output, Run(backend=self.backend, model=self.model, template=template,
                               template_hash=template_hash, usage=usage)
        assert last is not None
        rule, said = _broken_rule(last)
        lines = str(last).strip().splitlines()
        why = f"rule {rule!r}: {(said or '')[:200]}" if rule else (lines[0][:200] if lines else "invalid")
        attempts = reasks + 1
        raise ExtractionError(f"the model's output did not validate as {schema.__name__} after {attempts} "
                              f"attempt{'' if attempts == 1 else 's'}: {why}", raw, usage, rule)


def _raw(answer: Answer) -> str:
    if isinstance(answer, str):
        return answer
    if isinstance(answer, BaseModel):
        return answer.model_dump_json()
    return json.dumps(answer, ensure_ascii=False)


class ScriptedBackend(ModelBackend):
    """A :class:`ModelBackend` on a :class:`ScriptedClient`: the real prompts and validation
    context, answers from ``script`` (see the module's docstring); ``calls`` records every attempt."""

    def __init__(self, script: Script, *, name: str = "scripted", model: str = "scripted", max_reasks: int = 2):
        self.scripted = ScriptedClient(script, model=model, backend=name, max_reasks=max_reasks)
        super().__init__(self.scripted, name)

    @property
    def calls(self) -> list[ScriptedCall]:
        return self.scripted.calls

    def asked(self, template: str | None = None) -> list[ScriptedCall]:
        """The attempts made (for one template when given)."""
        return [c for c in self.calls if template is None or c.template == template]
