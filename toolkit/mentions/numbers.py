"""Numbers, percentages, counts («ثمانية من القادة»، «قادة ثماني دول»، duals) and durations."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, NamedTuple

from .scan import PhraseHit, Scan, _first_words, first_words_of


@dataclass
class _Quantity:
    kind: str
    nstart: int
    nend: int
    value: float
    unit: str | None = None
    approximate: bool = False
    bound: str | None = None
    alternatives: list[float] | None = None
    extra: dict = field(default_factory=dict)


def _clean(v: float) -> int | float:
    return int(v) if float(v).is_integer() else round(v, 6)


def parse_number_words(words: list[str], s: Scan) -> float | None:
    """Value of a sequence of number words ('ثلاثة وعشرين ألفا', 'twenty-one', 'واحد فاصلة خمسة')."""
    lang = s.lang
    sign = 1
    if words and words[0] in lang.negative:
        sign, words = -1, words[1:]
    point = next((k for k, w in enumerate(words) if w in lang.decimal_point), None)
    if point is not None:
        whole, frac = parse_number_words(words[:point], s), parse_number_words(words[point + 1:], s)
        if whole is None or frac is None or not float(frac).is_integer():
            return None
        return sign * (whole + frac / 10 ** len(str(int(frac))))
    total: float = 0
    current: float = 0
    for w in words:
        if w in lang.units:
            current += lang.units[w]
        elif w in lang.ten_words:  # أحد عشر = 1 + 10
            current += 10
        elif w in lang.tens:
            current += lang.tens[w]
        elif w in lang.hundreds:
            v = lang.hundreds[w]
            current = current * 100 if v == 100 and 0 < current < 10 else current + v
        elif w in lang.fractions:
            current += lang.fractions[w]
        elif w in lang.multiplied_fractions:  # ثلاثة أرباع = 3 x 1/4
            current = (current or 1) * lang.multiplied_fractions[w]
        elif w in lang.scales:
            v = lang.scales[w]
            total += v + current if w in lang.self_counted_scales else (current or 1) * v
            current = 0
        else:
            return None
    return sign * float(total + current)


def _compound(word: str, table: dict[str, int] | dict[str, float]) -> list[str]:
    """A hyphenated number word cut into the longest words of ``table``: 'twenty-one' ->
    ['twenty', 'one'], 'quatre-vingt-dix' -> ['quatre-vingt', 'dix']; the parts as written when
    it cannot be cut so."""
    parts = word.split("-")
    if len(parts) == 1:
        return parts
    out, i = [], 0
    while i < len(parts):
        for j in range(len(parts), i, -1):
            key = "-".join(parts[i:j])
            if key in table:
                out.append(key)
                i = j
                break
        else:
            return parts
    return out


def _word_sequence(s: Scan, i: int) -> tuple[list[str], int, int] | None:
    """Number words starting at token i: (words, next index, clitic length of the first)."""
    lang = s.lang
    table = lang.number_words
    first = s.word(i)
    if first is None or first in lang.percent_words:
        return None
    # compounds come hyphenated: twenty-one, quatre-vingt-dix
    parts = _compound(first, table)
    prefix_len = 0
    following = s.word(i + 1)
    if first in lang.negative and following and _compound(following, table)[0] in table:
        words = [first]
    elif all(p in table for p in parts):
        words = parts
    else:
        for prefix, rest in lang.clitic_splits(first):
            if rest in table:
                words, prefix_len = [rest], len(prefix)
                break
        else:
            hit = s.phrase(i, lang.units, clitics=False, max_words=3)  # "a dozen"
            if not hit or " " not in hit.key:
                return None
            return [hit.key], hit.end, 0
    k = i + 1
    while k < len(s.toks) and s.adjacent(k - 1, k):
        w = s.word(k)
        if w is None:
            break
        nxt = s.word(k + 1)
        if w == lang.conjunction and nxt and _compound(nxt, table)[0] in table \
                and _may_follow(lang, words, _compound(nxt, table)[0]):
            k += 1
            continue
        if (w in lang.decimal_point and nxt and nxt in table and words[-1] not in lang.negative) \
                or (words[-1] in lang.negative and _compound(w, table)[0] in table):
            words.append(w)  # "واحد فاصلة خمسة", "سالب ثلاثة"
            k += 1
            continue
        joined = w.startswith(lang.conjunction) and w[len(lang.conjunction):] in table
        if joined:
            w = w[len(lang.conjunction):]
        parts = _compound(w, table)
        if not all(p in table for p in parts) or not _may_follow(lang, words, parts[0]):
            break
        if joined and parts[0] in lang.scales:
            break  # "مئة وألف": a scale after a joined "and" starts a new number
        words.extend(parts)
        k += 1
    return words, k, prefix_len


def _order(lang, w: str) -> tuple[str, int]:
    if w in lang.fractions or w in lang.multiplied_fractions:
        return "fraction", 0
    if w in lang.decimal_point or w in lang.negative:
        return "point", 0
    if w in lang.units:
        return "unit", 1
    if w in lang.ten_words:
        return "ten", 10
    if w in lang.tens:
        return "tens", 10
    if w in lang.hundreds:
        return "hundred", 100
    return "scale", lang.scales.get(w, 1000)


def _may_follow(lang, words: list[str], nxt: str) -> bool:
    """Can ``nxt`` continue the number ``words``? ('ثمانية وثماني' and 'ألف وثلاثة آلاف' are two)."""
    (a, va), (b, vb) = _order(lang, words[-1]), _order(lang, nxt)
    if a == "point":
        return b != "point"
    if b == "fraction":
        return a != "fraction"  # "واحد ونصف"
    if a == "fraction":
        return b == "scale"  # "نصف مليون"
    if b == "scale" and any(_order(lang, w) == ("scale", v) and v <= vb
                            for w in words for v in [lang.scales.get(w, 0)]):
        return False
    if a == "unit":
        return b in ("ten", "tens", "hundred", "scale")
    if a in ("ten", "tens"):
        return b == "scale" or (a == "tens" and b == "unit")
    if a == "hundred":
        return b != "hundred"
    return b != "scale" or vb < va


def _approximate(s: Scan, i: int) -> tuple[bool, str | None]:
    """Is the number at token i stated loosely, and is it a bound ('أكثر من', 'over')?"""
    openers = first_words_of(s.lang, s.lang.table("approximators"), s.lang.table("lower_bounds"),
                             s.lang.table("upper_bounds"))
    for back in (1, 2, 3, 4):
        if i - back >= 0 and not openers.isdisjoint(s.readings[i - back]):  # else no table has a phrase there
            hit = s.phrase(i - back, s.lang.table("approximators"), max_words=back)
            if hit and hit.end == i:
                return True, _bound(s, i - back, i)
            for table, bound in (("lower_bounds", "at_least"), ("upper_bounds", "at_most")):
                hit = s.phrase(i - back, s.lang.table(table), max_words=back)
                if hit and hit.end == i:
                    return True, bound
    return False, None


def _bound(s: Scan, i: int, end: int) -> str | None:
    for table, bound in (("lower_bounds", "at_least"), ("upper_bounds", "at_most")):
        hit = s.phrase(i, s.lang.table(table), max_words=end - i)
        if hit and hit.end == end:
            return bound
    return None


def _noun_after(s: Scan, j: int) -> tuple[str | None, str | None, int]:
    """(noun class or stem, surface noun, next index) of the counted noun after a number."""
    lang = s.lang
    k = j
    if s.word(k) in lang.of_words and s.word(k + 1):  # «ثمانية من القادة», "eight of the leaders"
        k += 1
        if s.word(k) in lang.article_words:
            k += 1
    w = s.word(k)
    if w is None or not s.adjacent(k - 1, k):
        return None, None, j
    currency = s.phrase(k, lang.currencies, max_words=2)
    if currency is not None and " " in currency.key:  # «جنيه استرليني» is a pound sterling, not an Egyptian pound
        return currency.value, currency.key, currency.end
    for _, rest in lang.clitic_splits(w):
        cls = lang.noun_class(rest)
        if cls is not None:
            if cls in lang.duration_classes and _year_token(s, k + 1):
                return None, None, j  # "2.76 مليون سنة 2015": the year it was, not a count of years
            return cls, rest, k + 1
        if rest in lang.currencies:
            return lang.currencies[rest], rest, k + 1
    if any(rest in lang.member_nouns for _, rest in lang.clitic_splits(w)) and (body := _member_body(s, k + 1)):
        return body, w, k + 1  # «30 عضوا بمجلس النواب», "30 members of parliament": MPs; the body is no part
    if k + 1 < len(s.toks) and s.word(k + 1):  # two-word nouns: "heads of state"
        two = f"{w} {s.word(k + 1)}"
        if two in lang.noun_classes:
            return lang.noun_classes[two], two, k + 2
    if w in lang.stopwords or w in lang.months or k != j or len(w) < 2 or any(
            rest in lang.number_words for _, rest in lang.clitic_splits(w)):
        return None, None, j
    return None, lang.stem(w), j


def _member_body(s: Scan, k: int) -> str | None:
    """The class of the members of the body named from token k on: «بمجلس نواب الشعب», «في
    البرلمان», "of parliament" (mp)."""
    lang = s.lang
    if s.word(k) in lang.of_words:
        k += 1
    hit = s.phrase(k, lang.member_bodies, max_words=4)
    return hit.value if hit is not None else None


def _definite_head(s: Scan, i: int, prefix_len: int, value: float) -> tuple[str | None, str, int] | None:
    """(class or None, noun stem, start) of the definite noun a definite cardinal follows and
    counts: «المترشحين الخمسة» is five candidates, «السنوات الخمس» five years. Only a number with
    the article that follows a noun with the article is read so; one (الواحد) is an adjective."""
    lang = s.lang
    word = s.word(i) or ""
    if not prefix_len or not word[:prefix_len].endswith(lang.article) or value < 2 or not float(value).is_integer():
        return None
    noun = s.word(i - 1)
    if noun is None or not s.adjacent(i - 1, i) or noun in lang.stopwords:
        return None
    for prefix, rest in lang.clitic_splits(noun):
        if prefix and prefix in lang.article_prefixes and len(rest) >= 3:
            cls = lang.noun_class(rest) or lang.dual_class(rest)
            if cls is None and (rest in lang.number_words or rest in lang.months or rest in lang.weekdays):
                return None
            return cls, lang.stem(noun), s.toks[i - 1].start
    return None


def _year_token(s: Scan, k: int) -> bool:
    t = s.toks[k] if k < len(s.toks) else None
    return t is not None and t.kind == "num" and not t.decimals and len(t.text) == 4 and 1800 <= t.value <= 2200


def _vowelled_fraction(s: Scan, i: int) -> float | None:
    """خُمس (a fifth), not خمس (five): the damma the text writes on the first letter decides."""
    lang, t = s.lang, s.toks[i]
    if not lang.fraction_vowel:
        return None
    for prefix, rest in lang.clitic_splits(t.text):
        value = lang.vowelled_fractions.get(rest)
        if value is not None:
            a, _ = s.nt.to_original(t.start + len(prefix), t.end)
            if s.nt.original[a + 1:a + 2] == lang.fraction_vowel:
                return value
    return None


def _ordinal_teen(s: Scan, i: int) -> int | None:
    """'الثالثة عشرة' (the thirteenth) at token i: the ordinal's value, else None."""
    lang, nxt = s.lang, s.word(i + 1)
    if nxt is None or nxt not in lang.ordinal_teens or not s.adjacent(i, i + 1):
        return None
    for _, rest in lang.clitic_splits(s.word(i) or ""):
        if rest in lang.ordinal_units and lang.ordinal_units[rest] < 10:
            return lang.ordinal_units[rest] + lang.ordinal_teens[nxt]
    return None


def _negative_before(s: Scan, i: int) -> int | None:
    """Start of 'سالب' / 'minus' written right before a number."""
    if i and s.word(i - 1) in s.lang.negative and s.adjacent(i - 1, i):
        return s.toks[i - 1].start
    return None


def _counted_by_word_before(s: Scan, i: int) -> tuple[str, int] | None:
    """(class, where the word starts, its clitics off) of a word before the number at token i that
    says what it counts («مقتل 10»: the dead), an approximator between them allowed («مقتل أكثر
    من 10»). Like the counted noun after a number, the word is part of the quantity's words."""
    k = i
    for back in (4, 3, 2, 1):  # the longest approximator ending right before the number
        hits = [s.phrase(i - back, s.lang.table(t), max_words=back) if i - back >= 0 else None
                for t in ("approximators", "lower_bounds", "upper_bounds")]
        if any(h is not None and h.end == i for h in hits):
            k = i - back
            break
    w = s.word(k - 1) if k else None
    if w is None or not s.adjacent(k - 1, k):
        return None
    return next(((s.lang.counted_by_word_before[rest], s.toks[k - 1].start + len(prefix))
                 for prefix, rest in s.lang.clitic_splits(w) if rest in s.lang.counted_by_word_before), None)


def _leader_head_before(s: Scan, i: int) -> bool:
    """'قادة ثماني دول' / 'leaders of eight countries' count leaders."""
    for back in (1, 2):
        if i - back < 0:
            continue
        words = [w for k in range(i - back, i) if (w := s.word(k)) is not None]
        if len(words) != back:
            continue
        phrase = " ".join(words)
        for _, rest in s.lang.clitic_splits(words[0]):
            if " ".join([rest, *words[1:]]) in s.lang.leader_heads:
                return True
        if phrase in s.lang.leader_heads:
            return True
    return False


def _may_start_number(lang, word: str) -> bool:
    """Could a word token begin anything :func:`find_numbers` reads from a word: an ordinal teen,
    a vowelled fraction, a number-word sequence, a dual or group noun, a duration after a
    preposition? The conditions depend on the word alone (what follows it only narrows them), so
    the answer is kept per word, and every other word is passed over with one set lookup."""
    memo = lang._word_memo("_may_start_number")
    hit = memo.get(word)
    if hit is None:
        table = lang.number_words
        readings = [rest for _, rest in lang.clitic_splits(word)]
        hit = (any(r in lang.ordinal_units or r in table or r in lang.group_words
                   or lang.dual_class(r) is not None or lang.feminine_dual_noun(r) is not None for r in readings)
               or (bool(lang.fraction_vowel) and any(r in lang.vowelled_fractions for r in readings))
               or word in lang.negative
               or all(p in table for p in _compound(word, table))
               or word in _first_words(lang, lang.units)
               or lang.noun_classes.get(word) in lang.duration_classes)
        if len(memo) < 200_000:
            memo[word] = hit
    return hit


class _Reading(NamedTuple):
    """A number as read at its first token, before any unit is attached: its value, where it
    starts (after a minus word or a clitic) and the token after it (``end``), the scale word a
    digit number was multiplied by («3970 مليون»: ``scaled``), the clitics of a number word
    («الخمسة»: ``prefix``), whether it is a bare magnitude («مليار دولار») and whether it is a
    fraction alone («النصف»)."""

    value: float
    start: int
    end: int
    scaled: float = 1
    prefix: int = 0
    bare_scale: bool = False
    fraction_only: bool = False


def find_numbers(s: Scan) -> None:
    """Numbers, percentages, counts, durations and sums of money, written in digits or in words.

    Only the number tokens and the words that may begin a number are visited; each quantity is
    read, given its unit, and then units are shared and alternatives merged before the mentions
    are added."""
    lang = s.lang
    found: list[_Quantity] = []
    # the numbers and the words that may begin one: nothing below takes any other token
    number_starts = {w for w in s.word_positions() if _may_start_number(lang, w)}
    i = 0
    for at in sorted({*s.number_indices(), *s.starting_with(number_starts, clitics=False)}):
        if at < i:
            continue  # inside the number just read
        i = at
        t = s.toks[i]
        if s.taken(t.start, t.end):
            i += 1
            continue
        i = _read_quantity(s, i, found)
    _share_units(s, found)
    _add_quantities(s, found)


def _read_quantity(s: Scan, i: int, found: list[_Quantity]) -> int:
    """Read the quantity whose number starts at token i into ``found``; the index to go on from.

    The number is read first (digits or words), then what qualifies it: approximation, a series
    name, a currency symbol, and the unit after it, so each step sees the number whole."""
    lang = s.lang
    t = s.toks[i]
    read = _read_digits(s, i) if t.kind == "num" else _read_number_words(s, i, found)
    if isinstance(read, int):
        return read  # no quantity here (or one recorded already): go on from there
    value, j = read.value, read.end
    if read.fraction_only and _ordinal_after(s, j):  # "الربع الأول": the first quarter, a period
        return j
    loose, bound = _approximate(s, i)
    q = _Quantity("number", read.start, s.toks[j - 1].end, value,
                  approximate=loose or (t.kind == "word" and read.bare_scale), bound=bound)
    if t.kind == "num":
        q.extra["digits"], q.extra["scale"] = i, read.scaled
    pct = s.phrase(j, lang.table("percent_words"), clitics=False, max_words=2)
    if pct is None and j < len(s.toks) and s.toks[j].text == "%":
        pct = PhraseHit("%", True, j + 1, 0)
    symbol = _currency_before(s, i) if t.kind == "num" else None
    series = _series_before(s, i) if t.kind == "num" else None
    if series is not None:  # "SARS-CoV-2", «اس-300»: a model or series number names a thing
        found.append(_Quantity("number", series[1], t.end, value, unit=DESIGNATION + series[0]))
        return i + 1
    if symbol:  # "$5bn", "€20"
        q.unit, q.nstart = symbol
    j = _attach_unit(s, i, j, q, pct, read)
    if t.kind == "word" and value == 1 and q.kind == "number" and s.word(j) in lang.one_of_words:
        return j  # "one of the ..." is a pronoun, not a value
    found.append(q)
    return j


def _read_digits(s: Scan, i: int) -> _Reading:
    """A number written in digits at token i, with a minus word before it («سالب ٥») and a scale
    word after it («3970 مليون»), whose places the digits after it may fill («231 الف و336»)."""
    lang = s.lang
    t = s.toks[i]
    value, j, start, scaled = t.value, i + 1, t.start, 1
    if (neg := _negative_before(s, i)) is not None:  # "سالب ٥"
        value, start = -value, neg
    scale = s.phrase(j, lang.scales, clitics=False, max_words=1)
    if scale and s.adjacent(i, j) and scale.key not in lang.self_counted_scales:
        value *= scale.value
        scaled = scale.value
        j = scale.end
        # "231 الف و336" is 231 336, "80 الف 696" is 80 696
        k = j + 1 if s.word(j) == lang.conjunction and s.adjacent(j - 1, j) else j
        # the rest must fill the scale's places exactly ("و336" after ألف): "$5mn and 3 people"
        # are two figures
        if k < len(s.toks) and s.toks[k].kind == "num" and s.adjacent(k - 1, k) \
                and s.toks[k].value < scale.value and s.toks[k].decimals == 0 \
                and len(s.toks[k].text) == len(str(scale.value)) - 1 \
                and not s.phrase(k + 1, lang.scales, clitics=False, max_words=1):
            value += s.toks[k].value
            j = k + 1
    return _Reading(value, start, j, scaled=scaled)


def _read_number_words(s: Scan, i: int, found: list[_Quantity]) -> _Reading | int:
    """A number written in words at token i, or the index to go on from where there is none.

    An ordinal teen («الثالثة عشرة») and a dual or group noun are recorded in ``found`` here, as
    they need no unit; a lone vague scale or pronoun number («عشرات», «أحد») is passed over."""
    lang = s.lang
    t = s.toks[i]
    if (teen := _ordinal_teen(s, i)) is not None:  # "الدورة الثالثة عشرة" = the 13th
        found.append(_Quantity("number", t.start + _clitic_length(s, i), s.toks[i + 1].end, teen))
        return i + 2
    if (part := _vowelled_fraction(s, i)) is not None:
        return _Reading(part, t.start + _clitic_length(s, i), i + 1, fraction_only=True)
    seq = _word_sequence(s, i)
    if seq is None:
        _dual_or_group(s, i, found)
        return i + 1
    words, j, prefix_len = seq
    if len(words) == 1 and (words[0] in lang.vague_scales or words[0] in lang.pronoun_numbers):
        return j
    parsed = parse_number_words(words, s)
    if parsed is None:
        return i + 1
    value = parsed
    if len(words) == 1 and words[0] in lang.construct_dual_scales:
        value *= 2
    fraction_only = 0 < abs(value) < 1 and any(w in lang.fractions or w in lang.multiplied_fractions
                                                 for w in words)
    return _Reading(value, t.start + prefix_len, j, prefix=prefix_len,
                    bare_scale=len(words) == 1 and words[0] in lang.scales, fraction_only=fraction_only)


def _attach_unit(s: Scan, i: int, j: int, q: _Quantity, pct: PhraseHit | None, read: _Reading) -> int:
    """Give ``q`` (its number ends before token j) its kind and unit; the index after them.

    The first that applies wins: a percent sign or word, a currency abbreviation («مليون د.ت»),
    a definite counted noun before a number word («المعابر الأربعة»), a fraction as a share,
    then the counted noun after the number."""
    lang = s.lang
    before = _percent_before(s, i)
    if before is not None and not pct and _noun_after(s, j)[0] is not None:
        before = None  # «بنسبة 7ر2 نقاط»: a rate in points, counted by the noun after it, not a percentage
    if pct or before is not None:
        q.kind, q.unit = "percent", "%"
        if pct:
            j = pct.end
            q.nend = s.toks[j - 1].end
        elif before is not None:
            q.nstart = before
    elif (abbr := s.phrase(j, lang.currency_abbreviations, clitics=False, max_words=2)) and s.adjacent(j - 1, j):
        code, factor = abbr.value
        q.value, q.unit, q.nend, j = q.value * factor, code, s.toks[abbr.end - 1].end, abbr.end
        q.extra["scale"] = q.extra.get("scale", 1) * factor
    elif s.toks[i].kind == "word" and (head := _definite_head(s, i, read.prefix, read.value)) is not None:
        # «المعابر الأربعة»، «الأيام الثلاثة الأخيرة»: the counted noun comes first, the number agrees
        cls, noun, q.nstart = head
        if cls is None:
            q.unit, q.extra["loose_unit"] = noun, True
        else:
            q.kind, q.unit = ("duration" if cls in lang.duration_classes else "count"), cls
    elif read.fraction_only and (_noun_after(s, j)[0] or "") not in lang.duration_classes:
        # "ثلاثة أرباع المشاركين", "النصف": a share, the same value as 75 %, 50 %
        q.kind, q.unit, q.value = "percent", "%", read.value * 100
    else:
        j = _attach_noun_after(s, i, j, q)
    return j


def _attach_noun_after(s: Scan, i: int, j: int, q: _Quantity) -> int:
    """The counted noun after the number (token j on): its class makes ``q`` a duration, a sum
    (a currency code) or a count; a noun of no known class stays as a loose unit. The index
    after the noun."""
    lang = s.lang
    cls, surface, k = _noun_after(s, j)
    before = _counted_by_word_before(s, i) if cls in (None, "person") else None
    if before is not None:  # «مقتل 10 في اشتباكات», «جرح 4 آخرين», "killing 12 people"
        (q.unit, q.nstart), q.kind = before, "count"
        if cls is not None:
            q.nend, j = s.toks[k - 1].end, k
        return j
    if cls is not None:
        if cls in lang.duration_classes:
            q.kind = "duration"
        elif cls.isupper():  # currency code
            q.kind = "number"
        else:
            q.kind = "count"
        if cls == "country" and _leader_head_before(s, i):
            cls = "leader"
        q.unit, q.nend, j = cls, s.toks[k - 1].end, k
    elif surface is not None and not (q.unit and q.unit.isupper()):  # "a $5bn deal" is a sum in USD, not deals
        q.unit = surface
        q.extra["loose_unit"] = True
    return j


def _add_quantities(s: Scan, found: list[_Quantity]) -> None:
    """Add the quantities read as mentions, alternatives merged; a bare year («أوسكار 2018») is
    added as a date, not as a number."""
    for q in _merge_alternatives(s, found):
        if _bare_year(s, q):  # "أوسكار 2018", "Eurovision 2018:"
            s.add("date", q.nstart, q.nend, f"{int(q.value):04d}", calendar="gregorian")
            continue
        fields: dict[str, Any] = {"unit": q.unit, "approximate": q.approximate, "bound": q.bound}
        if q.alternatives:
            fields["alternatives"] = [_clean(a) for a in q.alternatives]
        s.add(q.kind, q.nstart, q.nend, _clean(q.value), **fields)


def _bare(q: _Quantity) -> bool:
    """Digits alone: no unit, no scale word, no percent ("من 4594" before "إلى 3970 مليون دينار")."""
    return q.kind == "number" and q.unit is None and q.extra.get("scale") == 1 and not q.alternatives \
        and not q.bound


def _share_units(s: Scan, found: list[_Quantity]) -> None:
    """Two figures of one measure share the unit written once (ellipsis):

    - a range writes it last: «من 4594 إلى 3970 مليون دينار», «من 5.1 إلى 9.3 بالمائة», "from 5.1 to
      9.3 percent": the first figure takes the second's unit and scale;
    - a comparison writes it first: «678 صوتا مقابل 414», "2.99 million against 2.76": the second
      figure takes the first's.
    Only bare digits take a unit, and only across nothing but the joining word."""
    lang = s.lang
    ordered = sorted(found, key=lambda q: q.nstart)
    for a, b in pairwise(ordered):
        if "digits" not in a.extra or "digits" not in b.extra:
            continue
        between = s.nt.text[a.nend:b.nstart].split()
        if a.extra.get("loose_unit") and len(between) == 2:
            between = between[1:]  # «678 صوتا مقابل 414»: the counted noun is not part of the mention
        if len(between) != 1:
            continue
        word = between[0]
        if _bare(a) and not _bare(b) and word in lang.to_words and s.word(a.extra["digits"] - 1) in lang.from_words:
            a.kind, a.unit = b.kind, b.unit
            a.value *= b.extra.get("scale", 1)
            a.extra["scale"] = b.extra.get("scale", 1)
        elif (_bare(b) or b.extra.get("loose_unit")) and not _bare(a) and word in lang.pair_words \
                and not _year_like(s, b) and b.extra.get("scale") == 1 and b.kind == "number":
            # the word after the second figure is no counted noun of its own here («414 لنور الدين»)
            b.kind, b.unit = a.kind, a.unit
            b.value *= a.extra.get("scale", 1)
            b.extra["scale"] = a.extra.get("scale", 1)
            if a.extra.get("loose_unit"):
                b.extra["loose_unit"] = True


def _year_like(s: Scan, q: _Quantity) -> bool:
    text = s.nt.text[q.nstart:q.nend]
    return text.isdigit() and len(text) == 4 and 1900 <= q.value <= 2100


def _bare_year(s: Scan, q: _Quantity) -> bool:
    """A four-digit number between 1900 and 2100 counting nothing is a year."""
    text = s.nt.text[q.nstart:q.nend]
    return (q.kind == "number" and q.unit is None and not q.alternatives and text.isdigit()
            and len(text) == 4 and 1900 <= q.value <= 2100)


DESIGNATION = "designation:"  # the unit of a series number: the series it numbers ("designation:sars-cov")


def _series_before(s: Scan, i: int) -> tuple[str, int] | None:
    """(series, start) of a word joined to the number by a hyphen, with no space: "SARS-CoV-2"."""
    if i < 2 or s.toks[i - 1].text != "-" or s.toks[i - 2].kind != "word":
        return None
    if s.toks[i - 2].end != s.toks[i - 1].start or s.toks[i - 1].end != s.toks[i].start:
        return None
    if s.toks[i].decimals or (i + 1 < len(s.toks) and s.toks[i + 1].text == "-"
                              and s.toks[i + 1].start == s.toks[i].end):
        return None  # "2-3", "SARS-2-X": not a plain series number
    return s.toks[i - 2].text.lower(), s.toks[i - 2].start


def _currency_before(s: Scan, i: int) -> tuple[str, int] | None:
    """(currency code, start) of a currency sign written right before a number."""
    if i == 0:
        return None
    prev = s.toks[i - 1]
    code = s.lang.currencies.get(prev.text)
    if code and prev.kind == "punct" and s.adjacent(i - 1, i):
        return code, prev.start
    return None


def _percent_before(s: Scan, i: int) -> int | None:
    """Start of a percent marker written before the number: '%5', 'نسبة ١٠', 'بالمائة 10'."""
    if i == 0:
        return None
    prev = s.toks[i - 1]
    if prev.text == "%" and prev.end == s.toks[i].start:
        return prev.start
    if prev.kind == "word" and (prev.text in s.lang.percent_before or prev.text in s.lang.percent_words) \
            and s.adjacent(i - 1, i):
        return prev.start
    return None


def _clitic_length(s: Scan, i: int) -> int:
    """Length of the clitic before a number word at token i (وخُمس، للثالثة)."""
    lang, w = s.lang, s.word(i) or ""
    for prefix, rest in lang.clitic_splits(w):
        if rest in lang.number_words or rest in lang.ordinal_units or rest in lang.vowelled_fractions:
            return len(prefix)
    return 0


def _ordinal_after(s: Scan, j: int) -> bool:
    """'الربع الأول' is the first quarter (a period), not a share."""
    w = s.word(j)
    return w is not None and w in s.lang.ordinal_units


def _named_month_after(s: Scan, i: int) -> bool:
    """«منذ شهر جانفي»، «منذ شهر رمضان»: the month named after «شهر» is a date, not one month."""
    nxt = s.word(i + 1)
    return nxt is not None and (nxt in s.lang.months or nxt in s.lang.hijri_months)


def _dual_or_group(s: Scan, i: int, found: list[_Quantity]) -> None:
    w = s.word(i)
    if w is None:
        return
    lang = s.lang
    if s.word(i - 1) in lang.duration_prepositions and lang.noun_classes.get(w) in lang.duration_classes \
            and w not in lang.vague_plurals and not _named_month_after(s, i):  # «منذ أعوام» is for years
        found.append(_Quantity("duration", s.toks[i].start, s.toks[i].end, 1, unit=lang.noun_classes[w]))
        return  # «منذ أسبوع»: one week
    for prefix, rest in lang.clitic_splits(w):
        cls = lang.dual_class(rest)
        if cls is not None:
            kind = "duration" if cls in lang.duration_classes else "count"
            found.append(_Quantity(kind, s.toks[i].start + len(prefix), s.toks[i].end, 2, unit=cls))
            return
        if rest in lang.group_words:
            # "اللقاء الثلاثي" is three-party; "خلال الثلاثي الرابع", "للثلاثية" is a quarter
            prev = s.word(i - 1)
            after = s.word(i + 1)
            if prefix or prev is None or prev in lang.stopwords or (after and after in lang.ordinal_units):
                return
            found.append(_Quantity("count", s.toks[i].start + len(prefix), s.toks[i].end,
                                   lang.group_words[rest], unit="group"))
            return
    for prefix, rest in lang.clitic_splits(w):
        noun = lang.feminine_dual_noun(rest)
        if noun is not None:  # «رحلتين»: two flights, counted as «ثلاث رحلات» is (by the noun's stem)
            found.append(_Quantity("count", s.toks[i].start + len(prefix), s.toks[i].end, 2, unit=lang.stem(noun),
                                   extra={"loose_unit": True}))
            return


def _merge_alternatives(s: Scan, found: list[_Quantity]) -> list[_Quantity]:
    """'أسبوعين أو ثلاثة أسابيع' -> one duration, value 2, alternatives [2, 3]."""
    out: list[_Quantity] = []
    for q in sorted(found, key=lambda q: q.nstart):
        if out:
            p = out[-1]
            between = s.nt.text[p.nend:q.nstart].strip()
            same_unit = p.unit == q.unit or (p.unit is None and q.kind == p.kind) or (
                p.kind == "number" and p.unit is None and q.kind in ("duration", "count", "percent"))
            if between in s.lang.or_words and q.kind == "number" and q.unit is None and p.unit is not None \
                    and p.kind in ("duration", "count") and "digits" not in q.extra:
                # «بعد أسبوعين أو ثلاثة»: the second figure's noun is left out, the first's is meant
                q.kind, q.unit, same_unit = p.kind, p.unit, True
            if between in s.lang.or_words and same_unit and p.kind in (q.kind, "number"):  # not "from 3 to 5"
                p.alternatives = (p.alternatives or [p.value]) + [q.value]
                p.nend, p.kind, p.unit = q.nend, q.kind, q.unit
                continue
        out.append(q)
    return out
