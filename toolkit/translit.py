"""Latin ↔ Arabic name matching by consonant skeleton, without a list of names.

English and French-style (Tunisian, Maghrebi) spellings of an Arabic name differ in
vowels, digraphs and the article (Chahed / الشاهد, Essebsi / السبسي, Ghannouchi /
الغنوشي, Djerba / جربة), so neither string equality nor a plain edit distance works.
Both scripts are reduced to *keys* over one small alphabet, and a Latin key is aligned
with an Arabic key by a weighted edit distance (:func:`skeleton_distance`) in which the
known ambiguities of transliteration cost nothing and real differences cost more than
the tolerance allows.

Key alphabet (one character per symbol)
---------------------------------------
Consonants, shared by both scripts; emphatics merge with the plain letter and ق with ك
because Latin spellings do not keep them apart::

    b ب (b p)   t ت ط (t)    θ ث (th)   j ج (j dj)   h ح ه (h)   x خ (kh)
    d د ض (d)   ð ذ ظ (dh)   r ر        z ز (z)      s س ص (s ç c+e/i)   š ش (ch sh sch)
    g غ (gh)    f ف (f v ph) k ق ك (k q ck)   l ل   m م   n ن   w و (w)   y ي (y+vowel)

Cross-class pairs that cost nothing: t/s for ث, d/z/th for ذ ظ, th for ت, and a Latin
digraph for two letters (Fethi: th = ت+ح).

Arabic-only symbols:

* ``L`` the article ال — optional: it assimilates (Essebsi = ال+سبسي) or is dropped
  (Chahed = الشاهد).
* ``T`` a final ة or ه — optional: Latin writes it -a, -ah, -et or nothing.
* *Vowel carriers*, letters Latin renders as a vowel: ``A`` ا/أ/إ/آ, ``U`` medial و,
  ``I`` medial ي, ``3`` ع, ``E`` ئ, ``V`` a final ا/ى/ي. A run of carriers is one slot,
  filled by the Latin vowels (and glides) between the same consonants: any vowel fills
  ا/ع (Achour = عاشور), a و needs an o/u/w (Mahmoud = محمود, not Mohamed), a ي an i/y
  (Said = سعيد, not Saad). An unfilled و/ي/ع/final slot costs more than the tolerance;
  an unfilled alif half an edit (Sfax = صفاقس).
* An initial و/ي is a consonant (w, y); a final و or ع may go unwritten (Amr = عمرو,
  Machrou = مشروع).

Latin-only symbols:

* ``G`` a plain g: ج (Egyptian Gamal), ق (Tunisian Gafsa, Bourguiba) or غ (Gaza).
* ``C`` a hard c: ق/ك (Caid, Rafic) or, cedilla lost, س/ص (Faycal = فيصل).
* ``H`` a final h after a vowel (Fatimah, Kasbah) — optional.
* ``3`` an apostrophe or Arabizi 3 (Ja'far) — an explicit ع.
* ``a e i o u`` vowels (``ou``/``oo`` one ``u``, ``ee`` one ``i``): free to drop, but
  they fill carrier slots. ``ai``/``ei`` before a consonant add a ``y`` glide: the
  diphthong of a written ي (Zeineb = زينب; Zouheir ≠ زهرة).
* ``^`` the word opens on a vowel, so the Arabic word opens on ا/ع/و/ي or the article
  (Oujda = وجدة, not جدة; Ennahdha = النهضة). ``_`` the word opens on two consonants, a
  Maghrebi elision of an initial alif (Brahim = إبراهيم, Driss = إدريس).

:func:`same_name` matches whole names word by word, in order, after stripping a general
table of Latin titles; particles (al-, el, Ben, Abd, Abou, -eddine...) bind to their
neighbour so that «بن علي» or «عبد العزيز» are never cut.

Known blind spots, measured in ``tests/test_translit.py``: ع and short vowels are often
unwritten, so some distinct names share a key (Essid = الصيد and Saied = سعيد both
match السعيد; Mahmoud matches محمد because French writes short u as ou, as in Mourad =
مراد); exonyms that are not transliterations (Zarzis = جرجيس, Latakia = اللاذقية)
and Gulf j for ق (Sharjah = الشارقة) do not match.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .text import norm

__all__ = [
    "arabic_skeleton",
    "latin_skeleton",
    "same_name",
    "skeleton_distance",
    "skeletons_match",
]

# --------------------------------------------------------------------------- alphabet

_CONSONANTS = frozenset("btθjhxdðrzsšgfklmnwy")
_CARRIERS = frozenset("AUI3EV")  # Arabic vowel carriers; a run of them is one slot
_HINTS = frozenset("aeiou_^")  # Latin vowels and the word-start marks
_LATIN_CONS = _CONSONANTS | {"G", "C"}  # Latin symbols that must be matched

# --------------------------------------------------------------------------- Arabic side

# Letter classes. Emphatics merge with their plain letter (ط=ت, ض=د, ص=س) and ق with ك:
# Latin spellings do not keep these apart (Kais = قيس, Kef = الكاف).
_AR_CONS = {
    "ب": "b", "پ": "b", "ت": "t", "ط": "t", "ث": "θ", "ج": "j", "چ": "j", "ح": "h",
    "ه": "h", "ۀ": "h", "خ": "x", "د": "d", "ض": "d", "ذ": "ð", "ظ": "ð", "ر": "r",
    "ز": "z", "ژ": "z", "س": "s", "ص": "s", "ش": "š", "غ": "g", "ف": "f", "ڤ": "f",
    "ق": "k", "ك": "k", "ک": "k", "گ": "k", "ل": "l", "م": "m", "ن": "n",
}
_ALIFS = frozenset("اأإآٱ")
# A hamza on ا/و or alone is a glottal stop Latin never writes; on ي it sits where Latin
# writes a vowel, often i (Caid = قائد, Wael = وائل), so ئ is a carrier ("E").
_HAMZAS = frozenset("ءؤ")
_WAW, _YA = "و", frozenset("يیى")
_TA_MARBUTA = "ة"
_ARABIC_LETTERS = frozenset(_AR_CONS) | _ALIFS | _HAMZAS | {_WAW, "ع", _TA_MARBUTA, "ئ"} | _YA


def _arabic_letters(word: str) -> str:
    """Letters only: harakat, tatweel and presentation forms are folded away."""
    word = unicodedata.normalize("NFKC", word)
    return "".join(c for c in word if c in _ARABIC_LETTERS)


@lru_cache(maxsize=65536)
def arabic_skeleton(word: str) -> str:
    """Key of one Arabic word (raw or already :func:`toolkit.text.norm`-alised).

    >>> arabic_skeleton("الشاهد")
    'LšAhd'
    >>> arabic_skeleton("بورقيبة")
    'bUrkIbT'
    """
    letters = _arabic_letters(word)
    out: list[str] = []
    # The article: ال before at least two letters (not the إل of إلياس, whose alif is
    # hamzated; a norm()-alised الياس still matches because L is optional).
    if len(letters) >= 4 and letters[0] in "اٱ" and letters[1] == "ل":
        out.append("L")
        letters = letters[2:]
    # Word end. A final ا/ى/ي (with its hamza) is a vowel Latin writes: "V", which any
    # final Latin vowel fills (Sami = سامي, Ridha = رضا) and whose absence tells عدلي from
    # Adel, رضا from Riadh. A final و (عمرو = Amr) or ع (مشروع = Machrou) may go
    # unwritten. The ending is peeled once so the ي of ليبيا (before ا) survives.
    final_vowel = False
    if len(letters) > 1 and letters[-1] == "ع":
        letters = letters[:-1]
    else:
        while len(letters) > 1 and letters[-1] in _ALIFS | _HAMZAS | {"ى", "ئ"}:
            letters, final_vowel = letters[:-1], True
        if not final_vowel and len(letters) > 1 and letters[-1] in _YA | {_WAW}:
            final_vowel = letters[-1] != _WAW
            letters = letters[:-1]
    last = len(letters) - 1
    for i, c in enumerate(letters):
        if c in _AR_CONS:
            # A final ه is ambiguous with ة once text is normalised (ة→ه): optional.
            out.append("T" if c in "هۀ" and i == last and i > 0 else _AR_CONS[c])
        elif c == _TA_MARBUTA:
            out.append("T")
        elif c in _ALIFS:
            out.append("A")
        elif c == "ع":
            out.append("3")
        elif c == _WAW:
            out.append("w" if i == 0 else "U")  # initial و is always a consonant
        elif c in _YA:
            out.append("y" if i == 0 else "I")
        elif c == "ئ":
            out.append("E")
        # hamza seats: dropped
    if final_vowel:
        out.append("V")
    return "".join(out)


# --------------------------------------------------------------------------- Latin side

_LATIN_FOLD = str.maketrans({"ç": "s", "œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l",
                             "’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "ʿ": "'",
                             "ʾ": "'"})
_VOWEL_LETTERS = frozenset("aeiou")
# Arabizi digits (chat spelling): 3=ع 7=ح 5=خ 9=ق; 2 (hamza) is dropped.
_ARABIZI = {"3": "3", "7": "h", "5": "x", "9": "k", "2": ""}
# Digraphs first (longest match). Every ambiguity of the Latin side is settled in the
# comparison, not here: th stays θ, which ت ث ذ ظ all accept.
_DIGRAPHS = [("sch", "š"), ("ch", "š"), ("sh", "š"), ("kh", "x"), ("gh", "g"), ("th", "θ"),
             ("dh", "ð"), ("ph", "f"), ("dj", "j"), ("ck", "k")]
_SINGLE = {"b": "b", "p": "b", "t": "t", "d": "d", "s": "s", "z": "z", "k": "k", "q": "k",
           "j": "j", "f": "f", "v": "f", "l": "l", "m": "m", "n": "n", "r": "r", "w": "w",
           "h": "h", "g": "G"}


def _fold_latin(text: str) -> str:
    """Lower-case, accents off (Gabès → gabes, Kaïs → kais), typographic quotes unified."""
    text = text.lower().translate(_LATIN_FOLD)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def latin_skeleton(word: str) -> str:
    """Key of one Latin-script word (English, French or Arabizi spelling).

    >>> latin_skeleton("Chahed")
    'šahed'
    >>> latin_skeleton("Bourguiba")
    'burGiba'
    """
    w = "".join(c for c in _fold_latin(word) if c.isascii() and (c.isalpha() or c in "'23579"))
    # Doubled consonants are one (gemination: Essebsi, Hammami); vowels are kept, as a
    # double vowel often stands for ع (Jomaa = جمعة, Chaabane = شعبان).
    w = re.sub(r"([b-df-hj-np-tv-z])\1+", r"\1", w)
    out: list[str] = []
    i, n = 0, len(w)
    while i < n:
        c = w[i]
        nxt = w[i + 1] if i + 1 < n else ""
        for dg, sym in _DIGRAPHS:
            if w.startswith(dg, i):
                out.append(sym)
                i += len(dg)
                break
        else:
            if c in "qg" and nxt == "u" and i + 2 < n and w[i + 2] in "eiy":
                out.append("k" if c == "q" else "G")  # French qu/gu: the u is silent
                i += 2
                continue
            if (c, nxt) in (("o", "u"), ("o", "o"), ("e", "e")):
                # French ou, English oo are one /u/ (Marzouki, Qaboos); English ee is /i/
                # (Jazeera, Saeed), the long vowel of ي.
                out.append("i" if c == "e" else "u")
                i += 2
                continue
            if c in "ae" and nxt in ("i", "y") and i + 2 < n and w[i + 2] not in "aeiouy'":
                # ai/ei/ay/ey before a consonant is the diphthong of a written ي (Zeineb,
                # Haykel, Kairouan); unmatched, it costs like a consonant (Zouheir ≠ زهرة).
                out.extend((c, "y"))
                i += 2
                continue
            if c in _VOWEL_LETTERS:
                out.append(c)
            elif c == "y":
                # y before a vowel is the consonant ي (Youssef, Zayed); otherwise a vowel
                # (Morsy, Bey, Aymen).
                out.append("y" if nxt in _VOWEL_LETTERS else "i")
            elif c == "c":
                # Moncef; a hard c is ق/ك (Caid, Rafic) or, in spellings that lost the
                # cedilla, س/ص (Faycal = فيصل).
                out.append("s" if nxt and nxt in "eiy" else "C")
            elif c == "x":
                out.extend("ks")  # Sfax = صفاقس
            elif c == "h" and i == n - 1 and i > 0 and w[i - 1] in _VOWEL_LETTERS:
                out.append("H")  # Fatimah, Kasbah: the h writes the final vowel
            elif c == "'":
                out.append("3")
            elif c in _ARABIZI:
                if _ARABIZI[c]:
                    out.append(_ARABIZI[c])
            elif c in _SINGLE:
                out.append(_SINGLE[c])
            i += 1
    # Word start. Arabic words never start with a vowel, so a Latin one stands for an
    # initial ا/ع/و or the article (Oujda = وجدة, not جدة; Essebsi = السبسي): "^" must
    # find one. Maghrebi spellings drop an initial vowel before two consonants (Brahim,
    # Driss, Mbarek): "_" records that a vowel was there.
    if out and out[0] in "aeiou":
        out.insert(0, "^")
    elif len(out) >= 2 and out[0] in _LATIN_CONS and out[1] in _LATIN_CONS:
        out.insert(0, "_")
    return "".join(out)


# --------------------------------------------------------------------------- comparison

# Cost-free pairs (Latin symbol, Arabic symbol) besides identity.
_COMPAT = {
    ("t", "θ"), ("s", "θ"), ("θ", "t"), ("θ", "ð"),  # ث is t/s/th; th is also ت ذ ظ
    ("d", "ð"), ("z", "ð"), ("ð", "d"),  # ذ ظ: Chadli, Nazif; dh is also ض (Riadh)
    ("G", "j"), ("G", "k"), ("G", "g"),  # g: Gamal جمال, Gafsa قفصة, Gaza غزة
    ("C", "k"), ("C", "s"),  # hard c: Caid قائد, Faycal فيصل
    ("l", "L"), ("t", "T"), ("h", "T"), ("H", "h"), ("H", "T"),
    ("u", "w"), ("o", "w"), ("i", "y"), ("e", "y"),  # Ouafa = وفاء, Ilyes = الياس
}
# A Latin digraph may write two Arabic letters: th = ت+ح (Fethi فتحي), dh = د+ه (Adham),
# sh = س+ح (Ishaq إسحاق).
_DIGRAPH_SPLIT = {"θ": "tθ", "ð": "dð", "š": "s", "x": "k"}
_INF = float("inf")
_MAX_KEY = 80
_NEAR = {frozenset(p) for p in ("mn", "nl", "lr", "rn", "bf", "kx", "hx", "gx", "sš", "jš",
                                "jz", "sz", "dt", "Gx", "Gš")}


def _latin_skip(sym: str) -> float:
    return 1.0 if sym in _LATIN_CONS else 0.0


def _arabic_skip(sym: str) -> float:
    if sym in ("L", "T"):
        return 0.0
    if sym[0] in _CARRIERS:
        # An unwritten alif is common (Sfax = صفاقس); an unwritten و/ي/ع slot is what
        # tells محمود from Mohamed, so it costs more than one consonant edit.
        return 0.5 if set(sym) <= {"A", "E"} else 1.5
    return 1.0


def _cost(lat: str, ar: str) -> float:
    """One Latin symbol for one Arabic consonant (carrier runs: :func:`_run_cost`)."""
    if lat == ar or (lat, ar) in _COMPAT:
        return 0.0
    if lat in _HINTS or lat == "3" or ar[0] in _CARRIERS:
        return _INF
    # Consonant for consonant: only close pairs (n/m before b: Joumblatt = جنبلاط) cost
    # one edit; any other swap costs more than a tolerated edit, since a different
    # consonant is a different name far more often than a misspelling (Msaken ≠ مسقط).
    return 1.0 if frozenset((lat, ar)) in _NEAR else 1.5


# Latin symbols that may stand in a carrier run, and the carriers each can write (a
# vowel may also be a short vowel beside them: Marouane = مروان).
_RUN_SYMBOLS = {"a": "A3EV", "e": "A3EIV", "i": "A3EIV", "o": "A3EUV", "u": "A3EUV", "w": "U",
                "y": "IEV", "3": "A3", "_": "A"}


@lru_cache(maxsize=16384)
def _run_cost(run: str, carriers: str) -> float:
    """Cost of the Latin vowels/glides ``run`` writing the Arabic carrier run.

    Any vowel writes ا or ع, but a و needs an o/u/w and a ي an i/y somewhere in the run
    (Mahmoud = محمود, Said = سعيد; Mohamed ≠ محمود, Saad ≠ سعيد). English e for ي
    (Erekat = عريقات, Hemedti = حميدتي) is also French for a short vowel (Hassen = حسن,
    not حسين): half an edit. A missing و/ي costs what skipping the run costs.
    """
    if any(c not in _RUN_SYMBOLS or (c not in "aeiou" and not set(_RUN_SYMBOLS[c]) & set(carriers))
           for c in run):
        return _INF  # a glide, ' or elided vowel with nothing to write here
    cost = 0.0
    if "U" in carriers and not set(run) & set("ouw"):
        cost += 1.5
    if "I" in carriers and not set(run) & set("iy"):
        cost += 0.5 if "e" in run else 1.5
    return min(cost, 1.5)


def _arabic_tokens(key: str) -> tuple[str, ...]:
    """Split an Arabic key into symbols, a run of carriers being one slot."""
    toks: list[str] = []
    for c in key:
        if c in _CARRIERS and toks and toks[-1][0] in _CARRIERS:
            toks[-1] += c
        else:
            toks.append(c)
    return tuple(toks)


@lru_cache(maxsize=131072)
def skeleton_distance(latin_key: str, arabic_key: str) -> float:
    """Weighted edit distance from a Latin key to an Arabic key (0 = same name).

    Dropping a Latin vowel, the article, a ة or a final h is free; a consonant edit
    costs 1 between close consonants and 1.5 otherwise; an Arabic و/ي/ع slot with no
    Latin vowel to fill it costs 1.5, an alif 0.5.
    """
    a = _arabic_tokens(arabic_key)
    n, m = len(latin_key), len(a)
    d = [[_INF] * (m + 1) for _ in range(n + 1)]
    d[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            cur = d[i][j]
            if cur == _INF:
                continue
            if j < m:
                cost = cur + _arabic_skip(a[j])
                d[i][j + 1] = min(d[i][j + 1], cost)
            if i == n:
                continue
            lat = latin_key[i]
            if lat == "^":
                # Zero-width: the Arabic word must start here with a carrier, the article
                # or و/ي; the vowel itself is matched (or dropped) by the next symbol.
                ok = j < m and (a[j][0] in _CARRIERS or a[j] in ("L", "w", "y"))
                cost = cur + (0.0 if ok else 1.0)
                d[i + 1][j] = min(d[i + 1][j], cost)
                continue
            cost = cur + _latin_skip(lat)
            d[i + 1][j] = min(d[i + 1][j], cost)
            if j == m:
                continue
            if a[j][0] in _CARRIERS:
                # A carrier run is written by a run of Latin vowels and glides.
                k = i
                while k < n and latin_key[k] in _RUN_SYMBOLS:
                    k += 1
                    cost = cur + _run_cost(latin_key[i:k], a[j])
                    d[k][j + 1] = min(d[k][j + 1], cost)
                continue
            # ن before ب is pronounced m (Joumblatt = جنبلاط, Chambi = الشعانبي).
            iqlab = lat == "m" and a[j] == "n" and j + 1 < m and a[j + 1] == "b"
            cost = cur + (0.0 if iqlab else _cost(lat, a[j]))
            d[i + 1][j + 1] = min(d[i + 1][j + 1], cost)
            base = _DIGRAPH_SPLIT.get(lat)
            if base and j + 1 < m and a[j] in base and a[j + 1] == "h" and cur < d[i + 1][j + 2]:
                d[i + 1][j + 2] = cur
    return d[n][m]


def _mandatory(key: str, latin: bool) -> int:
    if latin:
        return sum(1 for c in key if c in _LATIN_CONS)
    return sum(1 for c in key if c in _CONSONANTS)


@lru_cache(maxsize=131072)
def skeletons_match(latin_key: str, arabic_key: str) -> bool:
    """Whether two keys spell the same name.

    Exact (distance 0) when either side has fewer than four consonants — short keys
    collide easily (Ali, Omar); one consonant edit is tolerated from four on (Bizerte
    = بنزرت drops the n), two from nine on (long compounds such as Abderrahmane).
    """
    if len(latin_key) > _MAX_KEY or len(arabic_key) > _MAX_KEY:
        return False  # no name is that long; the alignment is quadratic
    nl, na = _mandatory(latin_key, True), _mandatory(arabic_key, False)
    if nl == 0 or na == 0:
        return False
    shortest = min(nl, na)
    tol = 0.0 if shortest < 4 else (1.0 if shortest < 9 else 2.0)
    return skeleton_distance(latin_key, arabic_key) <= tol + 1e-9


# --------------------------------------------------------------------------- names

# Leading words that describe an office, not a person. General vocabulary only.
_TITLES = frozenset({
    "president", "presidente", "vice", "prime", "minister", "ministre", "ministers",
    "premier", "deputy", "former", "ex", "late", "the", "a", "an", "foreign", "interior",
    "defence", "defense", "finance", "economy", "economic", "health", "education",
    "justice", "industry", "trade", "commerce", "agriculture", "tourism", "transport",
    "energy", "culture", "youth", "sport", "sports", "women", "social", "affairs",
    "religious", "higher", "environment", "equipment", "communication", "communications",
    "technology", "technologies", "labour", "labor", "employment", "development",
    "investment", "planning", "state", "secretary", "general", "speaker", "parliament",
    "parliamentary", "assembly", "head", "chief", "chairman", "chairwoman", "chair",
    "leader", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "governor",
    "mayor", "mp", "mps", "mep", "senator", "king", "queen", "emir", "prince", "princess",
    "crown", "sultan", "sheikh", "shaikh", "sheik", "cheikh", "imam", "mufti", "mr", "mrs",
    "ms", "mme", "mlle", "m", "dr", "prof", "professor", "judge", "gen", "colonel", "col",
    "marshal", "field", "lieutenant", "lt", "captain", "capt", "maj", "major", "brig",
    "brigadier", "admiral", "commander", "hon", "his", "her", "excellency", "majesty",
    "highness", "sir", "monsieur", "madame", "docteur", "chef", "gouvernement",
    "government", "of", "and", "for", "du", "de", "des", "candidate", "member", "adviser",
    "advisor", "counsellor", "interim", "acting", "caretaker", "outgoing", "incumbent",
    "elect", "new", "opposition", "party", "national", "army", "military", "police",
    "director", "founder", "activist", "lawyer", "journalist", "writer", "poet", "singer",
    "coach", "player", "tunisian", "algerian", "moroccan", "libyan", "egyptian", "syrian",
    "lebanese", "iraqi", "jordanian", "palestinian", "saudi", "emirati", "qatari",
    "kuwaiti", "bahraini", "omani", "yemeni", "sudanese", "mauritanian", "arab"
})
# The article standing alone (al-Assad, Le Kef, l'Ariana), dropped wherever it is.
_LATIN_ARTICLES = frozenset({"al", "el", "il", "ul", "l", "le", "la", "les", "d"})
# Assimilated article forms; dropped only when hyphenated to the next word (es-Sebsi,
# ad-Din, an-Nahda), since alone they may be real words.
_ASSIMILATED = frozenset({
    "ad", "ed", "ud", "as", "es", "us", "ash", "esh", "ach", "ech", "at", "et", "ut", "ath",
    "eth", "az", "ez", "uz", "an", "en", "un", "ar", "er", "ur", "adh", "edh"
})
# Particles that form one name with the following word: «بن علي», «عبد العزيز», «أبو القاسم».
_LATIN_PREFIX = frozenset({
    "ben", "bin", "ibn", "bent", "bint", "ould", "ouled", "abou", "abu", "aboul", "abul",
    "bou", "abd", "abdel", "abdul", "abdoul", "abdal", "abdol", "abdu", "abde", "oum", "umm"
})
# Second halves of compounds (Nour Eddine, Nasr Allah, Seif al-Islam).
_LATIN_SUFFIX = frozenset({
    "din", "dine", "eddine", "eddin", "edine", "uddin", "uddine", "allah", "ullah", "illah",
    "alla", "ellah", "islam"
})
_AR_PREFIX = frozenset({"بن", "ابن", "بنت", "ابنه", "ولد", "اولاد", "ابو", "بو", "ابي", "عبد", "ام"})
_AR_SUFFIX = frozenset({"الدين", "الله", "الاسلام"})
_AR_DROP = frozenset({"ال"})  # آل (Al Thani) normalises to ال; Latin drops its "Al" too
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9,
          "x": 10}
_ORDINALS = {1: "اول", 2: "ثاني", 3: "ثالث", 4: "رابع", 5: "خامس", 6: "سادس", 7: "سابع",
             8: "ثامن", 9: "تاسع", 10: "عاشر"}
_LATIN_WORD = re.compile(r"[a-z0-9']+")
_ARABIC_WORD = re.compile("[" + "".join(sorted(_ARABIC_LETTERS)) + "\u064b-\u065f\u0670\u0640]+")


def _latin_units(text: str) -> tuple[tuple[str, int], ...]:
    """(key, roman numeral or 0) for each significant unit of a Latin name."""
    folded = _fold_latin(text)
    folded = re.sub(r"[‐‑‒–—]", "-", folded)
    words: list[tuple[str, bool]] = []
    for mt in _LATIN_WORD.finditer(folded):
        tok = mt.group().strip("'")
        hyphen = folded[mt.end():mt.end() + 1] == "-"
        tok = tok.removesuffix("'s")
        if tok[:2] in ("l'", "d'"):
            tok = tok[2:]  # l'Ariana, d'Ennahdha
        if tok:
            words.append((tok, hyphen))
    # Titles: the leading run only (Industry Minister Zied Ladhari).
    start = 0
    while start < len(words) and words[start][0] in _TITLES:
        start += 1
    units: list[list[str]] = []
    numerals: list[int] = []
    glue_next = False
    for tok, hyphen in words[start:]:
        if tok in _LATIN_ARTICLES or (hyphen and tok in _ASSIMILATED):
            continue
        if units and tok in _ROMAN:
            units.append([tok])
            numerals.append(_ROMAN[tok])
            glue_next = False
            continue
        if len(tok) == 1:
            continue  # an initial carries no skeleton
        if glue_next or (units and tok in _LATIN_SUFFIX and not numerals[-1]):
            units[-1].append(tok)
        else:
            units.append([tok])
            numerals.append(0)
        glue_next = tok in _LATIN_PREFIX
    return tuple((("".join(latin_skeleton(t) for t in u)) if not num else "", num)
                 for u, num in zip(units, numerals, strict=True))


def _arabic_units(text: str) -> tuple[tuple[str, str], ...]:
    """(key, normalised text) for each unit of an Arabic name, «بن»/«عبد» chains bound."""
    units: list[list[str]] = []
    glue_next = False
    for tok in _ARABIC_WORD.findall(unicodedata.normalize("NFKC", text)):
        plain = norm(tok)
        if not plain or plain in _AR_DROP:
            continue
        if glue_next or (units and plain in _AR_SUFFIX):
            units[-1].append(tok)
        else:
            units.append([tok])
        glue_next = plain in _AR_PREFIX
    return tuple(("".join(arabic_skeleton(t) for t in u), " ".join(norm(t) for t in u))
                 for u in units)


def _ordinal_matches(num: int, arabic_plain: str) -> bool:
    word = _ORDINALS.get(num)
    return word is not None and arabic_plain in (word, "ال" + word)


_MAX_SPAN = 3  # a word joined on one side may be two or three on the other (Noureddine)
_MAX_UNITS = 24  # longer strings are text, not names


@lru_cache(maxsize=16384)
def same_name(latin: str, arabic: str) -> bool:
    """Whether a Latin-script name designates the Arabic-script name.

    Every significant unit of the Latin name (titles, articles and initials removed)
    must match, in order, a unit of the Arabic name; Arabic units may be left over, so a
    family name alone matches the full name (Chahed ~ «يوسف الشاهد»). A unit is a word
    with its bound particles; a unit joined on one side may be split on the other
    (Noureddine ~ «نور الدين», Benali ~ «بن علي»). Never raises.
    """
    if not isinstance(latin, str) or not isinstance(arabic, str):
        return False
    lat = _latin_units(latin)
    ar = _arabic_units(arabic)
    if not lat or not ar or all(num for _, num in lat):
        return False

    if len(lat) > _MAX_UNITS or len(ar) > _MAX_UNITS:
        return False  # a sentence, not a name

    # fits[i][j]: Latin units i.. all match, in order, within Arabic units j..
    n, m = len(lat), len(ar)
    fits = [[False] * (m + 1) for _ in range(n + 1)]
    fits[n] = [True] * (m + 1)
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            fits[i][j] = fits[i][j + 1] or _fits_here(lat, ar, i, j, fits)
    return fits[0][0]


def _fits_here(lat: tuple[tuple[str, int], ...], ar: tuple[tuple[str, str], ...], i: int,
               j: int, fits: list[list[bool]]) -> bool:
    """Whether Latin unit i (alone or joined with the next) matches at Arabic unit j."""
    for a in range(1, min(_MAX_SPAN, len(lat) - i) + 1):
        span = lat[i:i + a]
        if any(num for _, num in span):
            if a == 1 and _ordinal_matches(span[0][1], ar[j][1]) and fits[i + 1][j + 1]:
                return True
            continue
        lkey = "".join(k for k, _ in span)
        for b in range(1, min(_MAX_SPAN, len(ar) - j) + 1):
            if not fits[i + a][j + b]:
                continue
            akey = "".join(k for k, _ in ar[j:j + b])
            # A joined/split compound must match exactly: the edit tolerance of a long
            # word must not swallow a short neighbour (Mohamed Abbou ≠ «محمد»).
            if a == b == 1:
                if skeletons_match(lkey, akey):
                    return True
            elif max(len(lkey), len(akey)) <= _MAX_KEY and skeleton_distance(lkey, akey) == 0.0:
                return True
    return False
