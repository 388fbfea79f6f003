"""Named entities, quotes and enumerations.

There is no Arabic NER model that installs offline and runs in milliseconds, so names
are found from evidence the text itself gives: CLDR country names (Babel), names after
titles (الرئيس الروسي فلاديمير بوتين), short names in «guillemets», capitalised words in
English, and then every other occurrence of a name already found (with clitics:
وبوتين، لبوتين) — a prefix is only stripped when what remains is a known name.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from ..lang import Language
from ..models import Span
from ..text import skeleton
from .scan import PhraseHit, Scan, first_words_of

# The words these finders read are the language's tables (toolkit/lang/<code>.py): titles and
# what may stand between a title and a name (TITLE_DESCRIPTORS), capitalised words that are no
# names (NOT_NAMES), the article and the prefixes written onto a word, given names, heads of
# organisations, places.


_QUOTE_OR_LINE = re.compile('["\\n]')


def find_quotes(s: Scan) -> list[tuple[int, int]]:
    """Quoted passages: long ones become quote mentions, short Arabic ones names."""
    text = s.nt.text
    short: list[tuple[int, int]] = []
    opened = None
    for mark in _QUOTE_OR_LINE.finditer(text):  # the only characters the walk reacts to
        pos, ch = mark.start(), mark.group()
        if ch == "\n":
            opened = None
        elif ch == '"':
            if opened is None:
                opened = pos
            else:
                inner = text[opened + 1 : pos].strip()
                words = [t for t in inner.split() if any(c.isalpha() for c in t)]
                if len(words) >= 4:
                    s.add("quote", opened, pos + 1, inner, claim=False)
                elif words and s.lang.short_quotes_are_names:
                    short.append((opened + 1, pos))
                opened = None
    return short


def _with_article(lang: Language, word: str) -> bool:
    """الشركة، للشركة، بالبنك: a noun with the article describes; it does not name."""
    return word.startswith(lang.article_prefixes)


def _has_article(lang: Language, word: str) -> bool:
    """The word starts with the article itself (الروسي)."""
    return bool(lang.article) and word.startswith(lang.article)


def _is_nisba(lang: Language, word: str) -> bool:
    """Relational adjective (الروسي، الأمريكية): describes, never names."""
    return _has_article(lang, word) and word.endswith(lang.nisba_endings)


def _after_conjunction(lang: Language, word: str) -> str | None:
    """The rest of a word written with 'and' on it («وبوتين» -> «بوتين»), else None."""
    for c in lang.conjunction_prefixes:
        if word.startswith(c):
            return word[len(c):]
    return None


def _country_at(s: Scan, i: int) -> PhraseHit | None:
    hit = s.phrase(i, s.lang.countries)
    if hit:
        return hit
    w = s.word(i)
    if w is None or len(w) < 4:
        return None
    one_word = _one_word_country(s.lang, w)
    return None if one_word is None else PhraseHit(one_word[0], one_word[1], i + 1, one_word[2])


def _one_word_country(lang: Language, word: str) -> tuple[str, str, int] | None:
    """The country one word names, clitics off and spelling tolerated: (name, code, clitic
    length), or None. It depends on the word alone, so it is kept per word."""
    memo = lang._word_memo("_one_word_country")
    if word in memo:
        return memo[word]
    hit = None
    for prefix, rest in lang.clitic_splits(word):
        if rest.endswith(lang.nisba_endings):  # الروسي: an adjective, not Russia
            continue
        code = lang.country(rest)
        if code:
            hit = rest, code, len(prefix)
            break
    if len(memo) < 200_000:
        memo[word] = hit
    return hit


def _record_country(s: Scan, i: int, found: list) -> int | None:
    """Record the country named at token i in ``found``; the index after it, or None."""
    country = _country_at(s, i)
    if not country:
        return None
    _, code, end, prefix = country
    found.append((s.toks[i].start + prefix, s.toks[end - 1].end, f"country:{code}", "country", None))
    return end


def _capitalised(s: Scan, i: int) -> bool:
    t = s.toks[i]
    ch = s.nt.original[s.nt.to_original(t.start, t.end)[0]]
    return ch.isupper()


def _name_token(s: Scan, k: int, position: int = 0, names: AbstractSet[str] = frozenset()) -> bool:
    w = s.word(k)
    lang = s.lang
    if w is None or w in lang.name_stopwords or w in lang.number_words:
        return False
    if lang.names_by_capitals:
        return _capitalised(s, k) and w not in lang.not_names
    rest = _after_conjunction(lang, w)
    if rest is not None and (position > 1 or _has_article(lang, rest) or rest in lang.titles or rest in names
                             or rest in lang.stopwords):
        return False  # "بوتين والرئيس ترامب", "زيلينسكي وبوتين", «وتم»: a conjunction ends the name
    return not _with_article(lang, w) and len(w) >= 2


def _titled_names(s: Scan, i: int, found: list, names: set[str]) -> tuple[int, int, str] | None:
    """Name after a title at token i: (first name token, end token, role text).

    A country inside the title (رئيس وزراء أرمينيا) is recorded in ``found``."""
    hit = s.phrase(i, s.lang.table("titles"))
    if not hit:
        return None
    j = hit.end
    for _ in range(4):  # descriptors: الروسي، رئيس وزراء أرمينيا، المنتهية ولايته
        w = s.word(j)
        if w is None:
            return None
        if _is_nisba(s.lang, w) or w in s.lang.title_descriptors or _with_article(s.lang, w):
            j += 1
            continue
        end = _record_country(s, j, found)
        if end:
            j = end
            continue
        break
    first = i
    while s.lang.names_by_capitals and first > 0 and s.words[first - 1] is not None and _capitalised(s, first - 1) \
            and s.adjacent(first - 1, first) and s.words[first - 1] not in s.lang.not_names:
        first -= 1  # "Agriculture Minister": English puts the office's words before the title
    role = s.nt.original_slice(s.toks[first].start + (hit.prefix if first == i else 0), s.toks[j - 1].end) \
        if j > i else ""
    if any(rest in s.lang.org_heads for _, rest in s.lang.clitic_splits(s.word(j) or "")):
        return None  # «رئيس مجلس نواب الشعب»: the office of an institution, no name follows
    k = j
    longest = 5 if s.lang.names_by_capitals else 3  # capitals end a name: "Hajer Ben Cheikh Ahmed"
    while k < len(s.toks) and k - j < longest and _name_token(s, k, k - j, names) \
            and (k == j or s.adjacent(k - 1, k)):
        k += 1
    if k == j:
        return None
    if k - j == 3 and k < len(s.toks) and s.toks[k].kind == "word" and s.adjacent(k - 1, k) \
            and not s.lang.names_by_capitals:
        k -= 1  # a third word running on into the sentence is more likely a verb (capitals tell otherwise)
    return j, k, role


def _article_family(s: Scan, k: int) -> bool:
    """Token k is a family name with the article right after the previous word («البغوري»),
    not a country's adjective («الروسي»)."""
    w = s.word(k)
    return w is not None and k < len(s.toks) and s.adjacent(k - 1, k) and _has_article(s.lang, w) \
        and _family_token(s, k) and adjective_country(s.lang, w) is None


def _office_holder(s: Scan, j: int, k: int) -> tuple[int, int, str, str, str] | None:
    """The name right after an organisation that follows a title: «رئيس الهيئة الوطنية
    لمكافحة الفساد شوقي الطبيب» — a bare word and a family name with the article, the
    office (title and organisation) its role. (The organisation spans tokens j..k.)"""
    if j == 0 or k + 1 >= len(s.toks) or not s.adjacent(k - 1, k) or not s.adjacent(k, k + 1):
        return None
    title = s.word(j - 1)
    if title is None or not any(rest in s.lang.titles for _, rest in s.lang.clitic_splits(title)):
        return None
    given, family = s.word(k), s.word(k + 1)
    if _given_name(s, k):
        return None  # a listed given name: its own finder takes the whole name («عبد المجيد الزار»)
    if given is None or family is None or _with_article(s.lang, given) or not _name_token(s, k) \
            or not _article_family(s, k + 1) or _verb_like(s, given) or given in s.lang.stopwords \
            or s.lang.concept(given):
        return None
    role = s.nt.original_slice(s.toks[j - 1].start, s.toks[k - 1].end)
    return s.toks[k].start, s.toks[k + 1].end, f"{given} {family}", "person", role


def _verb_like(s: Scan, w: str) -> bool:
    """Shaped like a present or future verb (يؤكد، تصوت، ستصوت) and not a known given name:
    «يؤكد» after a given name is a verb, not a family name."""
    lang = s.lang
    verb = lang.present_verb_prefixes
    return bool(verb) and len(w) >= 4 and w not in lang.given_names and w not in lang.places \
        and not lang.country(w) and (w.startswith(verb) or (w.startswith(lang.future_verb_prefixes)
                                                            and w[1:2] in verb))


def _function_word(s: Scan, k: int) -> bool:
    w = s.word(k)
    return w is not None and (w in s.lang.name_stopwords or w in s.lang.stopwords)


def _family_token(s: Scan, k: int) -> bool:
    """Can token k be (part of) a family name after a given name?"""
    w = s.word(k)
    lang = s.lang
    if w is None or s.taken(s.toks[k].start, s.toks[k].end):  # «اليوم», a date's word
        return False
    if s.phrase(k, lang.table("titles"), clitics=False):  # «فاتن قلال كاتبة الدولة»: a title ends the name
        return False
    if (_function_word(s, k) and w not in lang.given_names) or w in lang.number_words \
            or any(prefix and prefix != lang.article and rest in lang.stopwords  # «وقال», not «الزار»
                   for prefix, rest in lang.clitic_splits(w)) \
            or (_with_article(lang, w) and w.endswith(lang.definite_descriptive_endings)) \
            or w in lang.months or w in lang.weekdays or w in lang.titles or len(w) < 2 or _verb_like(s, w):
        return False
    if _function_word(s, k):  # «علي» (a name) is not «على» (on): the text's spelling tells
        t = s.toks[k]
        if s.nt.original_slice(t.start, t.end).endswith(lang.function_word_finals):
            return False
    # «… ومحمد»، «بطارق»، «لوزارة»: a clitic on a given name or a head starts something else
    return not any(prefix and prefix != lang.article and (rest in lang.given_names or rest in lang.org_heads
                                                          or rest in lang.place_cues)
                   for prefix, rest in lang.clitic_splits(w))


def _given_name(s: Scan, i: int) -> tuple[int, int, int] | None:
    """A given name and its family name at token i (يوسف الشاهد، الباجي قائد السبسي،
    طارق بن علي): (start token, end token, clitic length), or None. (Languages that list no
    given names find people by their titles and capitals.)"""
    if not s.lang.given_names:
        return None
    hit = s.phrase(i, s.lang.given_names, max_words=2)
    if not hit:
        return None
    t = s.toks[i]
    _, b = s.nt.to_original(t.start + hit.prefix, t.end)
    if s.nt.original[b - 1:b] in s.lang.function_word_finals and _function_word(s, i):
        return None  # «على» is a preposition, «علي» a name; «ليلى»، «مصطفى» are names all the same
    k = hit.end
    family = 0
    while k < len(s.toks) and family < 3 and s.adjacent(k - 1, k):
        w = s.word(k)
        if w in s.lang.name_links and k + 1 < len(s.toks) and _family_token(s, k + 1) and s.adjacent(k, k + 1):
            k += 2  # «بن علي»: the link and the name it joins
            family += 1
            continue
        if w is None or not _family_token(s, k):
            break
        if family and not _with_article(s.lang, w) and not (_with_article(s.lang, s.word(k + 1) or "")
                                                             and _family_token(s, k + 1)):
            break  # a bare word ends no longer name («محمود عباس متهم»), it joins one («الباجي قائد السبسي»)
        k += 1
        family += 1
    return (i, k, hit.prefix) if family else None


def _organisation(s: Scan, i: int) -> tuple[int, int, int] | None:
    """An organisation named by its head noun at token i («وزارة الصناعة والتجارة»، «حزب
    نداء تونس»، «الاتحاد العام التونسي للشغل»): (start, end, clitic length), or None."""
    lang = s.lang
    hit = s.phrase(i, lang.org_heads, max_words=2)
    if not hit:
        return None
    head = hit.key
    k = hit.end
    party = head in lang.party_heads
    bare = 0  # words without the article: a party's own name («نداء تونس») has at most three
    joined = False  # a coordinated word («والتجارة») was taken
    while k < len(s.toks) and k - hit.end < 5 and s.adjacent(k - 1, k):
        w = s.word(k)
        if w is None or w in lang.name_stopwords or w in lang.stopwords or w in lang.number_words \
                or w in lang.months or _verb_like(s, w) or any(
                    rest in lang.org_heads or rest in lang.place_cues for _, rest in lang.clitic_splits(w)) \
                or _given_name(s, k):  # «رئيس اتحاد الفلاحين عبد المجيد الزار»: the head's name follows
            break
        after = _after_conjunction(lang, w)
        coordinated = after is not None and _with_article(lang, after)
        definite = _with_article(lang, w) or coordinated
        construct = not definite and _with_article(lang, s.word(k + 1) or "") and s.adjacent(k, k + 1)
        if not (definite or construct or (party and bare < 3) or w in lang.places or lang.country(w)):
            break
        if construct and k > hit.end and not w.startswith(lang.single_letter_clitics) and not party:
            break  # «الهيئة الوطنية لمكافحة الفساد شوقي الطبيب»: past its head, a bare pair is a person
        if joined and not (coordinated or w.startswith(lang.of_the_prefixes)):
            break  # «وزارة الصناعة والتجارة المشروع»: after «والتجارة» only more of the list belongs
        joined = joined or coordinated
        bare += not definite
        k += 1
    return (i, k, hit.prefix) if k > hit.end else None


def _place(s: Scan, i: int) -> tuple[int, int, int] | None:
    """A place: a known one («صفاقس»، «بالقصبة») or one named after a cue («بولاية
    سيدي بوزيد»، «معتمدية الرقاب»): (start, end, clitic length), or None."""
    lang = s.lang
    hit = s.phrase(i, lang.places, max_words=2)
    if hit:
        return i, hit.end, hit.prefix
    cue = s.phrase(i, lang.table("place_cues"), max_words=1)
    if not cue:
        return None
    k = cue.end
    while k < len(s.toks) and k - cue.end < 2 and s.adjacent(k - 1, k) and _family_token(s, k) \
            and not (k > cue.end and _with_article(lang, s.word(k) or "")):
        k += 1
    return (i, k, cue.prefix) if k > cue.end else None


# a name found: nstart, nend, value, unit, role
_Found = tuple[int, int, str, str, str | None]


def find_entities(s: Scan, known_names: frozenset[str] = frozenset()) -> None:
    """Countries, people, organisations, places and quoted names, as entity mentions.

    The finders run from the most certain to the least, each over what the earlier left: countries
    and titled people, then given names, organisations and places, then quoted names, then every
    other occurrence of a name word found so far (``names``, which ``known_names`` seeds)."""
    lang = s.lang
    found: list[_Found] = []
    names: set[str] = set(known_names)
    short_quotes = find_quotes(s)
    _find_countries_and_titled(s, found, names)
    _find_given_orgs_places(s, found, names)
    _record_quoted_names(s, short_quotes, found, names)
    if lang.article:
        # A word the text also writes with the article (القمة) is a common noun, not a name.
        cut = len(lang.article)
        with_article = {w[cut:] for w in s.words if w is not None and w.startswith(lang.article)}
        names -= with_article
    commons: set[str] = set()  # capitalised common words ("Law", "Putin"): a claim only with a counterpart
    if lang.names_by_capitals:
        _capitalised_runs(s, found, names, commons)
    names.difference_update(lang.stopwords, lang.titles)
    _find_name_occurrences(s, found, names, commons)
    _add_entities(s, found)


def _find_countries_and_titled(s: Scan, found: list[_Found], names: set[str]) -> None:
    """Countries and the people a title names («الوزير طارق بن علي»), into ``found``: the first
    pass, as a country or a title is the surest sign of what follows. Only the tokens that may
    begin a country, a title or a misspelt country are visited."""
    lang = s.lang
    openers = first_words_of(lang, lang.countries, lang.table("titles"))
    # the tokens that may begin a country, a title or a misspelt country; no other can
    misspelt = {w for w in s.word_positions() if len(w) >= 6 and _one_word_country(lang, w) is not None}
    candidates = s.starting_with(openers)
    if misspelt:
        candidates = sorted({*candidates, *s.starting_with(misspelt, clitics=False)})
    i = 0
    for at in candidates:
        if at < i:
            continue  # inside what the last one found
        i = at
        end = _record_country(s, i, found)
        if end:
            i = end
            continue
        titled = _titled_names(s, i, found, names)
        if titled:
            i = _record_titled(s, titled, found, names)
            continue
        i += 1


def _record_titled(s: Scan, titled: tuple[int, int, str], found: list[_Found], names: set[str]) -> int:
    """Record the person a title names (``titled``: the name's first token, the token after it and
    the role), the name stretched to a given name's whole extent; the index after the name."""
    lang = s.lang
    j, k, role = titled
    given = _given_name(s, j)  # the whole name after the title: «الوزير طارق بن علي»
    if given is None:  # «رئيس كونكت طارق الشريف»: a given name further on starts the name
        later = next((x for x in range(j + 1, k) if _given_name(s, x)), None)
        if later is not None:
            role = f"{role} {s.nt.original_slice(s.toks[j].start, s.toks[later - 1].end)}".strip()
            j, given = later, _given_name(s, later)
    k = max(k, given[1]) if given else k
    if given is None and k == j + 1 and _article_family(s, k) \
            and not any(s.lang.concept(w or "") for w in (s.words[j], s.words[k])):
        k += 1  # «رئيس النقابة ... ناجي البغوري»: an unlisted given name and a family name,
        # neither a word of the news lexicon («لمكافحة الفساد»، «ماكرون الأسبوع»)
    name = " ".join(s.toks[x].text for x in range(j, k))
    found.append((s.toks[j].start, s.toks[k - 1].end, name, "person", role))
    names.update(s.toks[x].text for x in range(j, k) if s.toks[x].text not in lang.name_links)
    return k


def _find_given_orgs_places(s: Scan, found: list[_Found], names: set[str]) -> None:
    """Given names, organisations and places where no country or title named them, into ``found``.

    A name stops at one found before, except that an organisation's may hold a country
    («حزب نداء تونس»); an organisation may be followed by its office holder."""
    lang = s.lang
    named = bytearray(len(s.nt.text))  # what countries and titled names already cover
    countries = bytearray(len(s.nt.text))  # an organisation's name may hold one: «حزب نداء تونس»
    for a, b, _, unit, _ in found:
        named[a:b] = b"\x01" * (b - a)
        if unit == "country":
            countries[a:b] = b"\x01" * (b - a)
    # a word none of whose readings begins a given name, an organisation's head, a place or a place's
    # cue: each finder below would reject it at its first phrase lookup
    starters = first_words_of(lang, lang.given_names, lang.org_heads, lang.places, lang.table("place_cues"))
    i = 0
    for at in s.starting_with(starters):  # given names, organisations and places, where no title named them
        if at < i or named[s.toks[at].start]:
            continue
        i = at
        for finder, unit in ((_given_name, "person"), (_organisation, "org"), (_place, "place")):
            hit = finder(s, i)
            if hit:
                j, k, prefix = hit
                while k > j + 1 and named[s.toks[k - 1].start] and not (
                        unit == "org" and countries[s.toks[k - 1].start]):  # stop at a name found before
                    k -= 1
                i = _record_named(s, j, k, prefix, unit, found, names)
                break
        else:
            i += 1


def _record_named(s: Scan, j: int, k: int, prefix: int, unit: str, found: list[_Found], names: set[str]) -> int:
    """Record the name on tokens j to k (its first word's clitic of ``prefix`` letters off); a
    person's words become name words, an organisation's holder is recorded too («رئيس الهيئة ...
    شوقي الطبيب»). The index to go on from."""
    words = [s.toks[x].text for x in range(j, k)]
    words[0] = words[0][prefix:]
    found.append((s.toks[j].start + prefix, s.toks[k - 1].end, " ".join(words), unit, None))
    if unit == "person":
        names.update(w for w in words if w not in s.lang.name_links)
    if unit == "org" and (holder := _office_holder(s, j, k)):  # «رئيس الهيئة ... شوقي الطبيب»
        found.append(holder)
        names.update(holder[2].split())
        k = s.index_at(holder[1] - 1) + 1
    return k


def _record_quoted_names(s: Scan, short_quotes: list[tuple[int, int]], found: list[_Found], names: set[str]) -> None:
    """Short quoted spans as names; their words (a conjunction off where the rest is a name
    already: «بوتين وزيلينسكي») become name words, so their other occurrences are found."""
    lang = s.lang
    for a, b in short_quotes:
        inner = s.nt.text[a:b].strip()
        lead = len(s.nt.text[a:b]) - len(s.nt.text[a:b].lstrip())
        found.append((a + lead, a + lead + len(inner), inner, "name", None))
        for w in inner.split():
            rest = _after_conjunction(lang, w)
            if rest is not None and rest in names:  # «بوتين وزيلينسكي»
                w = rest
            if len(w) >= 3 and not _has_article(lang, w):
                names.add(w)


def _find_name_occurrences(s: Scan, found: list[_Found], names: set[str], commons: set[str]) -> None:
    """Every other occurrence of a known name word, clitics stripped only onto a name, outside what
    was found: a person, or a common word where all its words are capitalised common ones."""
    lang = s.lang
    covered = bytearray(len(s.nt.text))
    for a, b, *_ in found:
        covered[a:b] = b"\x01" * (b - a)
    skeletons = {sk for sk in map(skeleton, names) if len(sk) >= 4}
    prefixes: dict[str, int | None] = {}  # word -> _name_prefix (names are settled from here on)

    def name_prefix(word: str) -> int | None:
        if word not in prefixes:
            prefixes[word] = _name_prefix(s, word, names, skeletons)
        return prefixes[word]
    # only the words that are a known name (clitics off) can start one
    # (what _name_prefix finds, asked of whole sets: a reading that is a name, a long skeleton of one)
    known = {w for w, at in s.word_positions().items()
             if not names.isdisjoint(s.readings[at[0]])
             or not skeletons.isdisjoint(_name_readings(lang, w)[1].values())} if names else ()
    i = 0
    for at in s.starting_with(known, clitics=False) if known else ():
        t = s.toks[at]
        if at < i or covered.find(1, t.start, t.end) != -1:
            continue
        i = at
        cut = name_prefix(t.text) or 0  # a known name word always has its prefix length
        k = i + 1
        while k < len(s.toks) and (nxt := s.word(k)) and name_prefix(nxt) == 0 \
                and s.adjacent(k - 1, k):
            k += 1
        value = " ".join([t.text[cut:], *(s.toks[x].text for x in range(i + 1, k))])
        unit = "common" if all(w in commons for w in value.split()) else "person"
        found.append((t.start + cut, s.toks[k - 1].end, value, unit, None))
        i = k


def _add_entities(s: Scan, found: list[_Found]) -> None:
    """Add the names found as entity mentions, in order, none overlapping another or a mention
    already taken; a person's name that runs into one ends before it."""
    added = bytearray(len(s.nt.text))
    for a, b, value, unit, title in sorted(found):
        if unit == "person" and s.taken(a, b):  # «سمير الطيب صباح اليوم»: the name ends before the date
            a, b, value = _before_taken(s, a, b, value)
        if not s.taken(a, b) and added.find(1, a, b) == -1:
            added[a:b] = b"\x01" * (b - a)
            s.add("entity", a, b, value, unit=unit, role=title, claim=False)


def _before_taken(s: Scan, a: int, b: int, value: str) -> tuple[int, int, str]:
    """A person's name cut before the first of its words another mention took, when two
    words or more remain; else unchanged (and dropped by the caller)."""
    first, last = s.index_at(a), s.index_at(b - 1)
    keep = next((k for k in range(first, last + 1) if s.taken(s.toks[k].start, s.toks[k].end)), last + 1)
    if keep - first < 2:
        return a, b, value
    return a, s.toks[keep - 1].end, " ".join(value.split()[: keep - first])


def _name_prefix(s: Scan, word: str, names: set[str], skeletons: set[str]) -> int | None:
    """Length of the clitic before a known name (0: none), or None when not a name.

    Spelling variants (زيلنسكي for زيلينسكي) match by consonant skeleton, for names with
    four consonants or more."""
    readings, long_skeletons = _name_readings(s.lang, word)
    for prefix_len, rest in readings:
        if rest in names:
            return prefix_len
    for prefix_len, sk in long_skeletons.items():
        if sk in skeletons:
            return prefix_len
    return None


def _name_readings(lang: Language, word: str) -> tuple[tuple[tuple[int, str], ...], dict[int, str]]:
    """A word's readings as (clitic length, rest), and the skeletons of at least four consonants
    by clitic length, in the same order: what :func:`_name_prefix` compares, kept per word."""
    memo = lang._word_memo("_name_readings")
    hit = memo.get(word)
    if hit is None:
        splits = lang.clitic_splits(word)
        long_skeletons: dict[int, str] = {}
        for prefix, rest in splits:
            sk = skeleton(rest)
            if len(sk) >= 4:
                long_skeletons.setdefault(len(prefix), sk)
        hit = tuple((len(prefix), rest) for prefix, rest in splits), long_skeletons
        if len(memo) < 200_000:
            memo[word] = hit
    return hit


def _countries_joined(s: Scan, i: int, found: list) -> bool:
    """Record each country of a hyphenated token whose parts are all countries
    ("Russia-Ukraine-US", "Tunisia-Algeria") in ``found``; False when one part is not."""
    t = s.toks[i]
    parts = t.text.split("-")
    if len(parts) < 2:
        return False
    codes = [s.lang.country(p) for p in parts]
    if not all(codes):
        return False
    start = t.start
    for part, code in zip(parts, codes, strict=True):
        found.append((start, start + len(part), f"country:{code}", "country", None))
        start += len(part) + 1
    return True


# A sentence's first word is capitalised whatever it is: only a word this rare in the language
# (wordfreq's Zipf scale; "Notwithstanding" 3.5, "Ennahdha" 0, "Tunisair" 0) is taken for a name.
RARE_OPENER_ZIPF = 2.0


def _rare_word(lang: Language, word: str) -> bool:
    if lang.common_word_zipf is None or len(word) < 4:
        return False
    # loaded on first use, as in Language.common_word
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang.code) < RARE_OPENER_ZIPF


def _calendar_word(lang: Language, word: str) -> bool:
    """A month or a weekday, plural too ("Tuesdays"): a date word, not a name."""
    return word in lang.months or word in lang.weekdays or lang.stem(word) in lang.weekdays


def _title_word(lang: Language, word: str) -> bool:
    """A title, or a title compound ("Minister-designate", "President-elect")."""
    return word in lang.titles or word.split("-")[0] in lang.titles


def without_possessive(lang: Language, word: str) -> str:
    """"Tounes's" -> "Tounes": a possessive suffix (the language's suffixes written with an
    apostrophe) is no part of a name."""
    for suffix in lang.suffixes:
        if suffix[:1] in "'’" and word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word


def _acronym(s: Scan, i: int) -> bool:
    """"IMF", "UGTT", "MPs": capitals throughout (a plural s allowed)."""
    t = s.toks[i]
    word = s.nt.original_slice(t.start, t.end).rstrip("s")
    return len(word) >= 2 and word.isupper()


def _capitalised_runs(s: Scan, found, names: set[str], commons: set[str]) -> None:
    covered = bytearray(len(s.nt.text))
    for a, b, *_ in found:
        covered[a:b] = b"\x01" * (b - a)
    # Words capitalised mid-sentence are names; so are the same words at a sentence start.
    for i, t in enumerate(s.toks):
        if i and t.kind == "word" and _capitalised(s, i) and s.toks[i - 1].text not in (".", "!", "?", '"') \
                and t.text not in s.lang.not_names and not _calendar_word(s.lang, t.text):
            names.add(t.text)
    i = 0
    while i < len(s.toks):
        t = s.toks[i]
        if t.kind != "word" or not _capitalised(s, i) or t.text in s.lang.not_names \
                or _calendar_word(s.lang, t.text) or covered[t.start]:
            i += 1
            continue
        k = i + 1
        while k < len(s.toks) and s.toks[k].kind == "word" and _capitalised(s, k) \
                and s.adjacent(k - 1, k) and s.toks[k].text not in s.lang.months:
            k += 1
        sentence_start = i == 0 or s.toks[i - 1].text in (".", "!", "?", '"', "\n")
        if k - i == 1 and sentence_start and t.text not in names and not _rare_word(s.lang, t.text):
            i = k  # "Officials said": a known word opens the sentence; "Ennahdha said" is a name
            continue
        a, b = i, k  # "Industry Minister Zied Ladhari": the office before the name is no part of it
        titled = [x for x in range(i, k) if _title_word(s.lang, s.toks[x].text)]
        if titled and titled[-1] + 1 < k:
            a = titled[-1] + 1
            names.difference_update(s.toks[x].text for x in range(i, a))  # the office is no name elsewhere
        while b > a and s.toks[b - 1].text in s.lang.abbreviations:  # "Law No. 34"
            b -= 1
        if a == b:
            i = k
            continue
        if b - a == 1 and _countries_joined(s, a, found):  # "Russia-Ukraine-US": three countries
            i = k
            continue
        words = [without_possessive(s.lang, s.toks[x].text) for x in range(a, b)]
        role = s.nt.original_slice(s.toks[i].start, s.toks[a - 1].end) if a > i else None
        if b - a == 1 and (s.lang.common_word(words[0]) or _acronym(s, a)) and not s.lang.country(words[0]):
            # "Faculty", "Law", "MPs", "IMF", and "Putin" too: frequency cannot tell a famous name from
            # a noun, so the check decides (a claim only where the source has a counterpart)
            found.append((s.toks[a].start, s.toks[b - 1].end, words[0], "common", role))
            names.add(words[0])
            commons.add(words[0])
            i = k
            continue
        found.append((s.toks[a].start, s.toks[b - 1].end, " ".join(words), "name", role))
        names.update(w for w in words if len(w) >= 3)
        i = k


def find_enumerations(s: Scan) -> None:
    """Runs of two or more names joined only by commas and 'و'/'and'."""
    ents = sorted((m for m in s.mentions if m.kind == "entity"), key=lambda m: m._nstart)
    position = {id(m): k for k, m in enumerate(ents)}  # ents.index(m), without comparing every mention before it
    conjunction = s.lang.conjunction  # "and", «و» (written onto the next word too: «،و»)
    separators = {",", conjunction, f", {conjunction}"} | (
        {f",{conjunction}"} if conjunction in s.lang.conjunction_prefixes else set())
    run: list = []

    def open_ended(k: int, step: int) -> bool:
        """Does the list go on past item k (``step`` 1: after it, -1: before it) with an item
        it did not recognise whole ("Tunisia, Algeria, northern Mali")? Then its length is
        not the number of items: a separator, one unrecognised word, then another item."""
        j = k + step
        if not 0 <= j < len(ents) or ents[j].unit != ents[k].unit:
            return False
        a, b = (ents[k]._nend, ents[j]._nstart) if step > 0 else (ents[j]._nend, ents[k]._nstart)
        words = s.nt.text[a:b].replace(",", " , ").split()
        if not words or words[0 if step > 0 else -1] not in separators:
            return False
        rest = [w for w in (words[1:] if step > 0 else words[:-1]) if w not in separators]
        return len(rest) == 1 and rest[0] not in s.lang.segment_breaks and s.lang.noun_class(rest[0]) is None

    def flush() -> None:
        if len(run) >= 2 and not open_ended(position[id(run[-1])], 1) and not open_ended(position[id(run[0])], -1):
            items = [m.text for m in run]
            s.add("enumeration", run[0]._nstart, run[-1]._nend, items, claim=False,
                  unit=run[0].unit if len({r.unit for r in run}) == 1 else None,
                  items=[Span(start=r.start, end=r.end) for r in run])

    for m in ents:
        if run:
            gap = " ".join(s.nt.text[run[-1]._nend : m._nstart].split())
            if gap in separators and m.unit == run[-1].unit:
                run.append(m)
                continue
            flush()
        run = [m]
    flush()


def adjective_country(lang: Language, word: str) -> str | None:
    """The country a relational adjective names: «الجزائرية»، «التونسيين», "Tunisian".

    With nisba endings (Arabic): a light suffix off (التونسيين), then the ending (تونسي):
    what remains is the name (تونس، الجزائر), or the name lost its last letter to the
    ending (غيني for غينيا). Without (English): a name of five letters or more and an
    ending of up to three ("Tunisian", "Egyptian")."""
    for _, rest in lang.clitic_splits(word):
        if lang.nisba_endings:
            forms = {rest} | {rest[:-len(x)] for x in lang.suffixes if rest.endswith(x) and len(rest) - len(x) >= 3}
            for form in forms:
                for ending in lang.nisba_endings:
                    if form.endswith(ending) and len(form) - len(ending) >= 3:
                        base = form[:-len(ending)]
                        code = lang.countries.get(base) or lang.countries.get(lang.article + base) \
                            or _clipped_countries(lang).get(form)
                        if code:
                            return code
        else:
            for cut in (1, 2, 3):  # names of five letters or more: "Malik" is no adjective of Mali
                code = lang.countries.get(rest[:-cut]) if len(rest) - cut >= 5 else None
                if code:
                    return code
    return None


_CLIPPED: dict[str, dict[str, str]] = {}


def _clipped_countries(lang: Language) -> dict[str, str]:
    """One-word country names less their last letter (غيني for غينيا), article off."""
    table = _CLIPPED.get(lang.code)
    if table is None:
        table = {}
        for name, code in lang.countries.items():
            if " " not in name:
                bare = name[len(lang.article):] if lang.article and name.startswith(lang.article) else name
                if len(bare) >= 4:
                    table.setdefault(bare[:-1], code)
        _CLIPPED[lang.code] = table
    return table
