"""Names: a person, place or organisation in the passage about the event, a role the
source gives someone else, an item swapped into a list."""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from ..index import Document
from ..lang import Language
from ..mentions.names import adjective_country
from ..models import Claim, Evidence, Mention
from ..text import is_arabic, norm, script_of, skeleton
from ..translit import arabic_skeleton, latin_skeleton, same_name, skeletons_match
from .context import ClaimContext, evidence_span, result
from .lookup import first_token_reading


def _words(value: object) -> list[str]:
    """The words of a name, hyphenated compounds apart ("Tunis-Carthage", "Putin-Zelensky")."""
    return str(value).replace("-", " ").split()


def _name_matches(a: Mention, b: Mention) -> bool:
    va, vb = str(a.value), str(b.value)
    if va.startswith("country:") or vb.startswith("country:"):
        return va == vb
    if is_arabic(va) != is_arabic(vb) and same_name(*((vb, va) if is_arabic(va) else (va, vb))):
        return True  # whole names across scripts: Abdulrahman Al-Zamil / «عبد الرحمان بن عبد الله الزامل»
    wa = [w for w in _words(va) if len(w) >= 3] or _words(va)
    wb = _words(vb)
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


def _named_chars(c: ClaimContext) -> bytearray:
    """The source's characters inside a name it was found to mention."""
    covered = c.src.cache.get("named_chars")
    if covered is None:
        covered = bytearray(len(c.src.scan.nt.text))
        for m in c.src.scan.mentions:
            if m.kind == "entity":
                covered[m._nstart:m._nend] = b"\x01" * (m._nend - m._nstart)
        c.src.cache["named_chars"] = covered
    return covered


def _token_matches(word: str, token: str, named: bool) -> bool:
    """Is the source token ``token`` the name word ``word``? A spelling variant in the same
    script only counts inside a name the source mentions: the skeleton of «الشابي» is that
    of «الصعبة», and a common word must not stand in for a family name."""
    return word == token or ((named or is_arabic(word) != is_arabic(token)) and _word_matches(word, token))


def _words_in_passages(c: ClaimContext, e: Mention) -> list[Evidence]:
    """Evidence that every word of the name stands in an aligned passage (clitics allowed)."""
    if str(e.value).startswith("country:"):
        return []
    s = c.src.scan
    named = _named_chars(c)
    found = []
    for w in [w for w in _words(e.value) if len(w) >= 3]:
        bare = {rest for _, rest in c.summ.scan.lang.clitic_splits(w)}  # «والسلطة», «للكهرباء»
        hit = None
        for a in c.aligned:
            for t in s.toks[s.index_at(a.segment.start):s.index_at(a.segment.end)]:
                if t.kind == "word" and any(rest in bare or _token_matches(w, rest, bool(named[t.start]))
                                            for _, rest in s.lang.clitic_splits(t.text)):
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
    country = _claimed_country(e, c.summ.scan.lang)
    if country:
        found = _country_in_source(c, country)
        if found:
            return found
    summ, src = c.summ.scan.lang, c.src.scan.lang
    if e.role and _name_like(e, summ):
        same_role = [x for x in c.aligned_mentions("entity")
                     if x.role and _same_role(e.role, summ, x.role, src) and _name_like(x, src)
                     and not _shares_a_word(e, x)]  # «محمود عباس» in both: one person, named at more length
        if same_role and c.confident:
            return result(c, "contradicted", f"The source names the {e.role} «{same_role[0].text}».", same_role[:1])
    in_sentence = [x for x in c.sentence_mentions("entity") if _name_matches(e, x)]
    elsewhere = [x for seg in c.src.segments for x in seg.mentions if x.kind == "entity" and _name_matches(e, x)]
    if in_sentence or (elsewhere and not c.aligned):
        return result(c, "supported", "The source names them.", (in_sentence or elsewhere)[:1])
    swapped = _speaker_swap(c, e)
    if swapped is not None:
        return swapped
    if elsewhere:
        best = max(elsewhere, key=c.score_of)
        return result(c, "unverifiable", "The source names them, but not in the passage about this event.",
                       [best])
    if not str(e.value).startswith("country:"):
        stop = c.summ.scan.lang.stopwords
        words = [w for w in _words(e.value) if len(w) >= 3 and w not in stop]
        tokens = [_source_token(c, w) for w in words]
        if words and all(tokens):
            return result(c, "supported", "The source contains this name.", [t[0] for t in tokens])
    return result(c, "unverifiable", "The source does not mention this name.")


def _shares_a_word(a: Mention, b: Mention) -> bool:
    return any(_word_matches(x, y) for x in _words(a.value) if len(x) >= 3 for y in _words(b.value))


def _name_like(e: Mention, lang: Language) -> bool:
    """A first and a last name, neither shaped like a present-tense verb (يأمر، تدعو):
    headlines often put a verb where a name would follow the title."""
    words = str(e.value).split()
    return len(words) >= 2 and not any(w.startswith(lang.present_verb_prefixes) for w in words)


def _same_role(a: str, lang_a: Language, b: str, lang_b: Language) -> bool:
    """The same office: the same words (article aside) in one language; across languages,
    the same concepts, two or more, every word having one ("Agriculture Minister" /
    «وزير الفلاحة»)."""
    if lang_a.code == lang_b.code:
        return _role_key(a, lang_a) == _role_key(b, lang_b)
    ka, kb = _role_concepts(a, lang_a), _role_concepts(b, lang_b)
    return ka is not None and len(ka) >= 2 and ka == kb


def _role_concepts(role: str, lang: Language) -> frozenset[str] | None:
    words = [w for w in norm(role).split() if w not in lang.stopwords]
    concepts = [lang.concept(w) for w in words]
    known = [x for x in concepts if x is not None]
    return frozenset(known) if words and len(known) == len(concepts) else None


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




def _claimed_country(e: Mention, lang: Language) -> str | None:
    """The country a claim names: «country:DZ», or a one-word adjective of it ("Tunisian")."""
    value = str(e.value)
    if value.startswith("country:"):
        return value[8:]
    words = value.split()
    return adjective_country(lang, words[0]) if len(words) == 1 else None


def _country_in_source(c: ClaimContext, code: str) -> Claim | None:
    """A country the source names only by its adjective (Algeria / «قسنطينة الجزائرية»), or
    an adjective the source writes as the country (Tunisian / «تونس»)."""
    s = c.src.scan
    cache = c.src.cache.setdefault("country_words", {})
    if code not in cache:
        spans = [(m._nstart, m._nend) for m in s.mentions if m.kind == "entity" and m.value == f"country:{code}"]
        spans += [(t.start, t.end) for t in s.toks if t.kind == "word" and len(t.text) >= 4
                  and adjective_country(s.lang, t.text) == code]
        cache[code] = sorted(spans)
    spans = cache[code]
    summ = c.summ.scan
    a, b = c.summ.sentence_span(c.summ.segment_at(c.m._nstart).sentence)
    if any(t.kind == "word" and a <= t.start < b and not c.m._nstart <= t.start < c.m._nend
           and adjective_country(summ.lang, t.text) == code for t in summ.toks):
        # «سائح جزائري الجزائر»: the summary's own adjective accounts for the source's one
        spans = [sp for sp in spans if any(m.kind == "entity" and m._nstart == sp[0] for m in s.mentions)]
    if not spans:
        return None
    aligned = {a.segment.index for a in c.aligned}
    sentences = {a.segment.sentence for a in c.aligned}
    near = [sp for sp in spans if c.src.segment_at(sp[0]).index in aligned]
    in_sentence = [sp for sp in spans if c.src.segment_at(sp[0]).sentence in sentences]
    if near or in_sentence or not c.aligned:
        a, b = (near or in_sentence or spans)[0]
        return result(c, "supported", "The source names this country in the passage about this event."
                      if near else "The source names this country.", [evidence_span(c.src, a, b)])
    a, b = spans[0]
    return result(c, "unverifiable", "The source names this country, but not in the passage about this event.",
                  [evidence_span(c.src, a, b)])


# How far before a name its reporting verb may stand: «صرح رئيس حركة النهضة، راشد الغنوشي».
SPEAKER_REACH = 6
PEOPLE = ("person", "name")  # units of names that may be a person's


REPORTING = ("said", "reveal", "warn", "deny")  # concepts whose verbs report someone's words


def _reporting(lang: Language, word: str | None) -> bool:
    """A verb that reports someone's words (said, revealed, warned, denied)."""
    return word is not None and lang.concept(word) in REPORTING


def _speaker(doc: Document, m: Mention) -> bool:
    """Is ``m`` the one whose words a reporting verb reports: after the verb (and a title),
    «وأوضح الشابي»، «صرح رئيس الحركة، راشد الغنوشي»، "said Macron", or right before it,
    "Macron told reporters"?"""
    s = doc.scan
    i, end = s.index_at(m._nstart), s.index_at(m._nend)
    if end < len(s.toks) and _reporting(s.lang, s.word(end)):
        return True
    for k in range(i - 1, max(i - 1 - SPEAKER_REACH, -1), -1):
        t = s.toks[k]
        if t.kind != "word":
            if t.text in (",", "،"):
                continue
            return False
        if _reporting(s.lang, t.text):  # a verb opening its clause: not "Tabib said Chahed was", "He said Chahed"
            return k == 0 or s.toks[k - 1].kind != "word" or t.text.startswith(s.lang.conjunction_prefixes)
        if t.text in s.lang.stopwords or any(x.kind == "entity" and x.unit in PEOPLE and x._nstart == t.start
                                             for x in s.mentions):
            return False  # «قال الوزير إن محمد…»: the name opens what is reported
    return False


def _speaker_swap(c: ClaimContext, e: Mention) -> Claim | None:
    """The summary gives the passage's words to someone the passage does not name, and the
    passage gives them to someone else: «وأوضح الشابي» where the source has «صرح ... الغنوشي»."""
    if e.unit not in PEOPLE or not c.aligned or not c.confident or not _speaker(c.summ, e):
        return None
    if e.text[:1].islower():
        return None  # "the company said": a word the summary writes in lower case names no one
    seg = c.aligned[0].segment
    if any(_name_matches(e, x) or _shares_a_word(e, x) for x in seg.mentions if x.kind == "entity"):
        return None
    speakers = [x for x in seg.mentions if x.kind == "entity" and x.unit in PEOPLE and _speaker(c.src, x)]
    if not speakers:
        return None
    return result(c, "contradicted", f"The source gives these words to «{speakers[0].text}».", speakers[:1])
