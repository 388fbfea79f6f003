"""Names: a person, place or organisation in the passage about the event, a role the
source gives someone else, an item swapped into a list."""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from ..lang import Language
from ..models import Claim, Evidence, Mention
from ..text import is_arabic, norm, script_of, skeleton
from ..translit import arabic_skeleton, latin_skeleton, skeletons_match
from .context import ClaimContext, evidence_span, result
from .lookup import first_token_reading


def _name_matches(a: Mention, b: Mention) -> bool:
    va, vb = str(a.value), str(b.value)
    if va.startswith("country:") or vb.startswith("country:"):
        return va == vb
    wa = [w for w in va.split() if len(w) >= 3] or va.split()
    wb = vb.split()
    return all(any(_word_matches(x, y) for y in wb) for x in wa)


@lru_cache(maxsize=1 << 16)  # the same words meet again across claims and summaries
def _word_matches(x: str, y: str) -> bool:
    if x == y:
        return True
    if is_arabic(x) != is_arabic(y):  # Chahed / الشاهد: the transliteration model decides
        latin, arabic = (y, x) if is_arabic(x) else (x, y)
        return skeletons_match(latin_skeleton(latin), arabic_skeleton(arabic))
    sx, sy = skeleton(x), skeleton(y)
    if not sx or not sy:
        return False
    if sx == sy:
        return True
    return min(len(sx), len(sy)) >= 4 and Levenshtein.distance(sx, sy) <= 1


def _words_in_passages(c: ClaimContext, e: Mention) -> list[Evidence]:
    """Evidence that every word of the name stands in an aligned passage (clitics allowed)."""
    if str(e.value).startswith("country:"):
        return []
    s = c.src.scan
    found = []
    for w in [w for w in str(e.value).split() if len(w) >= 3]:
        hit = None
        for a in c.aligned:
            for t in s.toks[s.index_at(a.segment.start):s.index_at(a.segment.end)]:
                if t.kind == "word" and any(_word_matches(w, rest) for _, rest in s.lang.clitic_splits(t.text)):
                    hit = evidence_span(c.src, t.start, t.end)
                    break
            if hit:
                break
        if hit is None:
            return []
        found.append(hit)
    return found


def _source_token(c: ClaimContext, word: str) -> list[Evidence]:
    """A source word that is ``word``: the same word (clitics allowed), or across scripts the
    same concept (Court / «المحكمة») or the same name transliterated (Chahed / «الشاهد»)."""
    s = c.src.scan
    if script_of(word) == s.lang.script:
        i = first_token_reading(c.src).get(word)  # the first word token that reads as it, clitics off
        if i is not None:
            t = s.toks[i]
            return [evidence_span(c.src, t.end - len(word), t.end)]
        return []
    cache = c.src.cache.setdefault("cross_token", {})
    if word not in cache:
        cache[word] = _cross_token(c, word)
    return cache[word]


def _cross_token(c: ClaimContext, word: str) -> list[Evidence]:
    s = c.src.scan
    concept = c.summ.scan.lang.concept(word)
    key = latin_skeleton(word)
    for t in s.toks:
        if t.kind != "word":
            continue
        if concept and s.lang.concept(t.text) == concept:
            return [evidence_span(c.src, t.start, t.end)]
        for prefix, rest in s.lang.clitic_splits(t.text):
            if len(rest) >= 3 and abs(len(arabic_skeleton(rest)) - len(key)) <= 3 \
                    and skeletons_match(key, arabic_skeleton(rest)):
                return [evidence_span(c.src, t.start + len(prefix), t.end)]
    return []


def check_entity(c: ClaimContext, summary_enums: list[Mention]) -> Claim:
    e = c.m
    for lst in summary_enums:  # a list item swapped for a name the source lists elsewhere
        if lst._nstart <= e._nstart < lst._nend:
            contra = _list_swap(c, e, lst)
            if contra:
                return contra
    near = [x for x in c.aligned_mentions("entity") if _name_matches(e, x)]
    if near:
        return result(c, "supported", "The source names them in the passage about this event.", near[:1])
    in_passage = _words_in_passages(c, e)
    if in_passage:
        return result(c, "supported", "The passage about this event has this name.", in_passage)
    summ, src = c.summ.scan.lang, c.src.scan.lang
    if e.role and _name_like(e, summ):
        same_role = [x for x in c.aligned_mentions("entity")
                     if x.role and _role_key(x.role, src) == _role_key(e.role, summ) and _name_like(x, src)
                     and not _shares_a_word(e, x)]  # «محمود عباس» in both: one person, named at more length
        if same_role and c.confident:
            return result(c, "contradicted", f"The source names the {e.role} «{same_role[0].text}».", same_role[:1])
    in_sentence = [x for x in c.sentence_mentions("entity") if _name_matches(e, x)]
    elsewhere = [x for seg in c.src.segments for x in seg.mentions if x.kind == "entity" and _name_matches(e, x)]
    if in_sentence or (elsewhere and not c.aligned):
        return result(c, "supported", "The source names them.", (in_sentence or elsewhere)[:1])
    if elsewhere:
        best = max(elsewhere, key=c.score_of)
        return result(c, "unverifiable", "The source names them, but not in the passage about this event.",
                       [best])
    if not str(e.value).startswith("country:"):
        stop = c.summ.scan.lang.stopwords
        words = [w for w in str(e.value).split() if len(w) >= 3 and w not in stop]
        found = [_source_token(c, w) for w in words]
        if words and all(found):
            return result(c, "supported", "The source contains this name.", [f[0] for f in found])
    return result(c, "unverifiable", "The source does not mention this name.")


def _shares_a_word(a: Mention, b: Mention) -> bool:
    return any(_word_matches(x, y) for x in str(a.value).split() if len(x) >= 3 for y in str(b.value).split())


def _name_like(e: Mention, lang: Language) -> bool:
    """A first and a last name, neither shaped like a present-tense verb (يأمر، تدعو):
    headlines often put a verb where a name would follow the title."""
    words = str(e.value).split()
    return len(words) >= 2 and not any(w.startswith(lang.present_verb_prefixes) for w in words)


def _role_key(role: str, lang: Language) -> str:
    """A role's words without the article (الرئيس / رئيس)."""
    article = lang.article
    return " ".join(w[len(article):] if article and w.startswith(article) else w for w in norm(role).split())


def _list_swap(c: ClaimContext, e: Mention, lst: Mention) -> Claim | None:
    """An item of a summary list missing from the matching source list was swapped in."""
    items = [x for x in c.summ.scan.mentions if x.kind == "entity" and lst._nstart <= x._nstart < lst._nend]
    for src_list in c.aligned_mentions("enumeration"):
        src_items = [x for x in c.src.scan.mentions
                     if x.kind == "entity" and src_list._nstart <= x._nstart < src_list._nend]
        sentence = c.src.segment_at(src_list._nstart).sentence
        if any(_name_matches(e, y) for y in src_items) or any(
                _name_matches(e, y) for y in c.src.scan.mentions
                if y.kind == "entity" and c.src.segment_at(y._nstart).sentence == sentence):
            return None  # listed here, or in the same sentence (the list runs on past what was recognised)
        shared = sum(1 for x in items if any(_name_matches(x, y) for y in src_items))
        if shared * 2 >= len(items) and shared >= 1 and c.confident:
            return result(c, "contradicted",
                           f"The source lists {', '.join(src_list.value)} here; «{e.text}» is not among them.",
                           [src_list])
    return None


