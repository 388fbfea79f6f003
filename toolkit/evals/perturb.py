"""The FactCC idea for Arabic and English: from a faithful summary and its source, plant
one labelled error at a time, so suites grow without hand-labelling.

The cases are generated once, reviewed, and frozen in ``evals/suites/generated/``; the eval
runner reads those files and never regenerates them, so the gold stays fixed while the
verifier changes (the gold evidence is the faithful verdict's evidence *at freeze time*,
checked by a reviewer)::

    python -m toolkit.evals.perturb seed ant     # rewrite evals/suites/generated/{seed,ant}.jsonl

Every perturbation rewrites one mention of the summary in the summary's own script and
style (digits stay Eastern Arabic where they were, number words keep their gender form),
and is deterministic: the same input always gives the same cases.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from babel import Locale

from ..index import SourceIndex
from ..lang import detect_language, get_language
from ..lang.cldr import months_in_order, weekdays_in_order
from ..mentions import scan_text
from ..mentions.dates import WEEKDAY_NAMES, date_of, parse_iso, same_date
from ..models import Mention
from ..text import norm
from ..checks import verify
from .cases import Case, ErrorKind, PlantedError, QuotedSpan, load_cases, resolve_source

_EASTERN = "٠١٢٣٤٥٦٧٨٩"
# Counted-noun number words by gender form (ة-form with masculine nouns).
_AR_WORDS_M = ["", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة"]
_AR_WORDS_F = ["", "واحدة", "اثنتان", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر"]
_EN_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
             "eleven", "twelve"]
_AR_WEEKDAYS = weekdays_in_order("ar")  # CLDR, Monday first
_EN_WEEKDAYS = [w.title() for w in WEEKDAY_NAMES]
# Month names by family (CLDR: MSA, Tunisian, Levantine, English), so a swap stays in the text's
# own naming (أوت -> سبتمبر).
_MONTH_FAMILIES = [months_in_order(locale) for locale in ("ar", "ar_TN", "ar_LB", "en")]
_STAND_INS = {"ar": {"country": "المغرب", "person": "محمد العربي"},
              "en": {"country": "Morocco", "person": "John Smith"}}


@dataclass(frozen=True)
class Edit:
    kind: ErrorKind
    start: int  # offsets into the summary
    end: int
    replacement: str


def _bump_digit(text: str) -> str | None:
    """Change the leading digit of a number, keeping its script: 12261،2 -> 22261،2."""
    for i, ch in enumerate(text):
        if ch.isdigit():
            eastern = ch in _EASTERN
            d = int(ch) if not eastern else _EASTERN.index(ch)
            new = (d + 1) % 10 or 2
            rep = _EASTERN[new] if eastern else str(new)
            return text[:i] + rep + text[i + 1:]
    return None


def _change_count_word(text: str, value: int, lang: str) -> str | None:
    """'ثمانية من القادة' -> 'تسعة من القادة', keeping the gender form; 'eight' -> 'nine'."""
    if lang == "en":
        for n, w in enumerate(_EN_WORDS):
            if text.lower().startswith(w) and n == value and n + 1 < len(_EN_WORDS):
                return _EN_WORDS[n + 1] + text[len(w):]
        return None
    if not 3 <= value <= 9:
        return None
    words = text.split(" ")
    for table in (_AR_WORDS_M, _AR_WORDS_F):
        for k, w in enumerate(words):
            if norm(w).endswith(norm(table[value])) and len(norm(w)) - len(norm(table[value])) <= 2:
                prefix = w[: len(w) - len(table[value])] if w.endswith(table[value]) else ""
                words[k] = prefix + table[value + 1]
                return " ".join(words)
    return None


def _edits(source: str, summary: str, published, lang: str, passages: dict) -> Iterator[Edit]:
    """``passages``: summary offset of a claim -> the source passage its faithful version rests on."""
    index = SourceIndex(scan_text(source, published=published))
    src, summ = index.scan, index.scan_summary(summary, published=published, lang=lang)
    used_names = {str(m.value) for m in summ.mentions if m.kind == "entity"}
    for m in summ.mentions:
        if m.kind == "date" and m.value and m.calendar == "gregorian" and not m.relative:
            new = _bump_day(m)
            if new:
                yield Edit("date", m.start, m.end, new)
            new = _next_month(m.text)
            if new:
                yield Edit("date", m.start, m.end, new)
            home = passages.get(m.start)
            home_dates = [date_of(d) for d in src.mentions if d.kind == "date" and d.value and home
                          and home.start <= d.start < home.end]
            other = next((d for d in src.mentions if d.kind == "date" and d.value and not d.relative
                          and len(date_of(d)) == len(date_of(m)) and not same_date(date_of(d), date_of(m))
                          and not d.weekday and not any(h[:4] == date_of(d)[:4]
                                                        and same_date(h[:len(date_of(d))], date_of(d))
                                                        for h in home_dates)), None)
            if other:
                text = _strip_preposition(other.text) if src.lang.code == lang else _english_date(date_of(other))
                yield Edit("wrong-event", m.start, m.end, text)
        if m.kind == "weekday" or (m.kind == "date" and m.weekday):
            edit = _swap_weekday(m, summary, lang)
            if edit:
                yield edit
        if m.kind == "count" and isinstance(m.value, (int, float)) and not m.alternatives:
            new = _change_count_word(m.text, int(m.value), lang) if not any(c.isdigit() for c in m.text) \
                else _bump_digit(m.text)
            if new and new != m.text:
                yield Edit("count", m.start, m.end, new)
        if m.kind in ("number", "percent") and any(c.isdigit() for c in m.text):
            new = _bump_digit(m.text)
            if new:
                yield Edit(m.kind, m.start, m.end, new)
        if m.kind == "entity":
            new = _swap_entity(m, src.mentions, used_names, lang, src.lang.code != lang)
            if new:
                yield Edit("entity", m.start, m.end, new)
        if m.kind == "quote":
            new = _alter_quote(m, src.mentions, source)
            if new:
                yield Edit("quote", m.start, m.end, new)


def _bump_day(m: Mention) -> str | None:
    """'15 أغسطس' -> '16 أغسطس': the first number in a date's words, not its year."""
    text = m.text
    for i, ch in enumerate(text):
        if ch.isdigit():
            j = i
            while j < len(text) and text[j].isdigit():
                j += 1
            if j - i > 2:
                return None
            eastern = ch in _EASTERN
            day = int("".join(str(_EASTERN.index(c)) if eastern else c for c in text[i:j]))
            new = str(day + 1 if day < 28 else day - 1)
            if eastern:
                new = "".join(_EASTERN[int(c)] for c in new)
            return text[:i] + new + text[j:]
    return None


def _english_date(value: str) -> str:
    year, month, day = parse_iso(value)
    month_name = date(2001, month, 1).strftime("%B") if month else ""
    return " ".join(str(x) for x in (day, month_name, year) if x)


def _next_month(text: str) -> str | None:
    """'15 أغسطس' -> '15 سبتمبر': the month name swapped for the next one of its family."""
    normal = norm(text)
    for family in _MONTH_FAMILIES:
        for k, name in sorted(enumerate(family), key=lambda x: -len(x[1])):
            pos = normal.find(norm(name))
            if pos >= 0 and text.find(name) >= 0:
                at = text.find(name)
                return text[:at] + family[(k + 1) % 12] + text[at + len(name):]
    return None


def _strip_preposition(text: str) -> str:
    for p in ("في ", "يوم ", "وفي ", "on ", "On "):
        if text.startswith(p):
            return text[len(p):]
    return text


def _swap_weekday(m: Mention, summary: str, lang: str) -> Edit | None:
    names = _EN_WEEKDAYS if lang == "en" else _AR_WEEKDAYS
    day = m.value if m.kind == "weekday" else m.weekday
    current = WEEKDAY_NAMES.index(day)
    for cand in {names[current], norm(names[current])} | ({"الإثنين"} if current == 0 else set()):
        pos = summary.find(cand, m.start, m.end)
        if pos < 0 and lang == "en":
            pos = summary.lower().find(cand.lower(), m.start, m.end)
        if pos >= 0:
            return Edit("weekday", pos, pos + len(cand), names[(current + 1) % 7])
    return None


def _swap_entity(m: Mention, source_mentions: list[Mention], used: set[str], lang: str,
                 cross_lingual: bool) -> str | None:
    """Another name of the same type from the same article, in the summary's language."""
    kind = "country" if str(m.value).startswith("country:") else "person"
    words = set(str(m.value).split())
    for e in source_mentions:
        if e.kind != "entity" or str(e.value) in used or words & set(str(e.value).split()):
            continue  # the same name, or the same person more fully named
        if kind == "country" and str(e.value).startswith("country:"):
            return Locale(lang).territories.get(str(e.value)[8:]) if cross_lingual else e.text
        if kind == "person" and e.unit == "person" and not cross_lingual and len(e.text) >= 3:
            return e.text
    return _STAND_INS.get(lang, _STAND_INS["en"])[kind]


def _alter_quote(m: Mention, source_mentions: list[Mention], source: str) -> str | None:
    """Replace the quote's longest word with another word of the source."""
    inner_words = m.text.strip("\"«»“”").split()
    if len(inner_words) < 4:
        return None
    longest = max(inner_words, key=len)
    pool = [w for w in source.split() if len(w) >= 4 and w not in inner_words and w.isalpha()]
    if not pool:
        return None
    replacement = max(pool, key=len)
    return m.text.replace(longest, replacement, 1)


def perturb(case: Case, source: str, *, published=None) -> list[Case]:
    """Cases with one planted error each, from a faithful case. The faithful verdict's
    evidence for the changed claim becomes the gold evidence of the perturbed case."""
    lang = case.lang or detect_language(case.summary)
    get_language(lang)
    baseline = verify(source, case.summary, published=published, lang=lang)
    out: list[Case] = []
    seen: set[tuple[int, str, str]] = set()
    passages = {c.span.start: c.passage for c in baseline.claims if c.passage}
    for n, edit in enumerate(_edits(source, case.summary, published, lang, passages)):
        if (edit.start, edit.kind, edit.replacement) in seen:
            continue
        seen.add((edit.start, edit.kind, edit.replacement))
        summary = case.summary[:edit.start] + edit.replacement + case.summary[edit.end:]
        gold = [QuotedSpan(start=e.start, end=e.end, text=e.text) for c in baseline.claims
                if c.span.start <= edit.start < c.span.end for e in c.evidence[:1]]
        out.append(Case(
            id=f"{case.id}~{edit.kind}{n}", source=case.source, source_path=case.source_path,
            summary=summary, published=case.published, lang=lang, label="error", generated=True,
            error=PlantedError(kind=edit.kind, span=QuotedSpan(start=edit.start, end=edit.start + len(edit.replacement),
                                                               text=edit.replacement),
                               original=case.summary[edit.start:edit.end], replacement=edit.replacement),
            gold_evidence=gold,
        ))
    return out


def freeze(suite: str, *, root, datasets) -> str:
    """The perturbations of a hand suite's faithful cases, as the text of a frozen suite file."""
    import json

    lines = [f"// Generated by toolkit/evals/perturb.py from evals/suites/{suite}.jsonl, then reviewed and frozen.",
             "// Do not regenerate to change a figure: the gold here is fixed while the verifier changes."]
    for case in load_cases(root / "evals" / "suites" / f"{suite}.jsonl"):
        if case.label != "faithful":
            continue
        source, published = resolve_source(case, root=root, datasets=datasets)
        for planted in perturb(case, source, published=case.published or published):
            lines.append(json.dumps(planted.model_dump(mode="json", exclude_defaults=True), ensure_ascii=False))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    import sys

    from .runner import DEFAULT_DATASETS, GENERATED_DIR, SOURCES, write_atomic

    GENERATED_DIR.mkdir(exist_ok=True)
    for name in sys.argv[1:]:
        write_atomic(GENERATED_DIR / f"{name}.jsonl", freeze(name, root=SOURCES, datasets=DEFAULT_DATASETS))
        print(f"wrote {GENERATED_DIR / name}.jsonl", file=sys.stderr)
