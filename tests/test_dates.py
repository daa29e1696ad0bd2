"""Date resolver: a table of Arabic and English expressions anchored on a publication date."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.extract import dates as _dates
from graph.extract.dates import NO_PUBLICATION_DATE, calendar_words, find_dates, resolve_date

WED = date(2023, 9, 20)  # the seed article's publication date, a Wednesday
JAN = date(2008, 1, 10)  # a Thursday early in the year: "last December" is in the previous year

CASES = [
    # Arabic: relative days
    ("أمس", WED, "ar", date(2023, 9, 19)),
    ("امس", WED, "ar", date(2023, 9, 19)),
    ("البارحة", WED, "ar", date(2023, 9, 19)),
    ("يوم أمس", WED, "ar", date(2023, 9, 19)),
    ("أول أمس", WED, "ar", date(2023, 9, 18)),
    ("أول من أمس", WED, "ar", date(2023, 9, 18)),
    ("غداً", WED, "ar", date(2023, 9, 21)),
    ("بعد غد", WED, "ar", date(2023, 9, 22)),
    ("اليوم", WED, "ar", WED),
    ("قبل يومين", WED, "ar", date(2023, 9, 18)),
    ("قبل 3 أيام", WED, "ar", date(2023, 9, 17)),
    # Arabic: weekdays
    ("اليوم الأربعاء", WED, "ar", WED),
    ("يوم الثلاثاء الماضي", WED, "ar", date(2023, 9, 19)),
    ("الثلاثاء الماضي", WED, "ar", date(2023, 9, 19)),
    ("الأربعاء الماضي", WED, "ar", date(2023, 9, 13)),
    ("يوم الجمعة", WED, "ar", date(2023, 9, 15)),
    ("الخميس المقبل", WED, "ar", date(2023, 9, 21)),
    ("الأربعاء المقبل", WED, "ar", date(2023, 9, 27)),
    ("مساء الاثنين", WED, "ar", date(2023, 9, 18)),
    ("الأحد", WED, "ar", date(2023, 9, 17)),
    # Arabic: day + month, MSA / Levantine / Maghrebi / Algerian names
    ("19 سبتمبر الجاري", WED, "ar", date(2023, 9, 19)),
    ("١٩ سبتمبر", WED, "ar", date(2023, 9, 19)),
    ("5 أيلول", WED, "ar", date(2023, 9, 5)),
    ("3 تشرين الأول 2022", WED, "ar", date(2022, 10, 3)),
    ("12 شتنبر", WED, "ar", date(2023, 9, 12)),
    ("2 غشت 2021", WED, "ar", date(2021, 8, 2)),
    ("14 جويلية", WED, "ar", date(2023, 7, 14)),
    ("1 نونبر الماضي", WED, "ar", date(2022, 11, 1)),
    ("27 ديسمبر الماضي", JAN, "ar", date(2007, 12, 27)),
    ("5 أكتوبر (تشرين الاول) 2003", WED, "ar", date(2003, 10, 5)),
    ("19 يوليو (تموز) الماضي", WED, "ar", date(2023, 7, 19)),
    ("10 كانون الثاني المقبل", WED, "ar", date(2024, 1, 10)),
    ("الثلاثاء 19 سبتمبر 2023", WED, "ar", date(2023, 9, 19)),
    ("19/9/2023", WED, "ar", date(2023, 9, 19)),
    # Hijri (Umm al-Qura via hijridate)
    ("5 ربيع الأول 1445 هـ", WED, "ar", date(2023, 9, 20)),
    ("1 رمضان 1444", WED, "ar", date(2023, 3, 23)),
    ("5 ربيع الأول", WED, "ar", date(2023, 9, 20)),
    # English
    ("yesterday", WED, "en", date(2023, 9, 19)),
    ("today", WED, "en", WED),
    ("tomorrow", WED, "en", date(2023, 9, 21)),
    ("the day before yesterday", WED, "en", date(2023, 9, 18)),
    ("last Tuesday", WED, "en", date(2023, 9, 19)),
    ("on Tuesday", WED, "en", date(2023, 9, 19)),
    ("next Friday", WED, "en", date(2023, 9, 22)),
    ("on Sept. 19", WED, "en", date(2023, 9, 19)),
    ("September 19, 2023", WED, "en", date(2023, 9, 19)),
    ("19 September 2023", WED, "en", date(2023, 9, 19)),
    ("Dec. 27", JAN, "en", date(2007, 12, 27)),
    ("2023-09-19", WED, "en", date(2023, 9, 19)),
    ("two days ago", WED, "en", date(2023, 9, 18)),
    ("3 days ago", WED, "en", date(2023, 9, 17)),
]


def test_table_is_large_enough():
    assert len(CASES) >= 40
    assert {c[2] for c in CASES} == {"ar", "en"}


@pytest.mark.parametrize("expr,pub,lang,expected", CASES, ids=[c[0] for c in CASES])
def test_resolve(expr, pub, lang, expected):
    got, kind = resolve_date(expr, pub, lang)
    assert got == expected, (expr, kind)
    assert kind != "dateparser"  # the own rules cover the whole table


@pytest.mark.parametrize("expr,lang", [("أمس", "ar"), ("يوم الثلاثاء الماضي", "ar"), ("19 سبتمبر", "ar"), ("last Tuesday", "en")])
def test_no_publication_date_is_not_guessed(expr, lang):
    assert resolve_date(expr, None, lang) == (None, NO_PUBLICATION_DATE)


def test_full_date_needs_no_publication_date():
    assert resolve_date("3 تشرين الأول 2022", None, "ar")[0] == date(2022, 10, 3)


def test_month_words_need_a_number():
    # "مارس" is also the verb "practised", "رجب"/"رمضان" are names, "May" is a modal verb
    assert find_dates("مارس الضغط على رجب ورمضان", 0, 25, WED, "ar") == []
    assert find_dates("They may come in May.", 0, 21, WED, "en") == []


def test_bare_friday_is_the_prayer_not_a_date():
    text = "بعد صلاة الجمعة"
    assert find_dates(text, 0, len(text), WED, "ar") == []


def test_offsets_point_into_the_original_text():
    text = "وكانت أذربيجان قد شنّت في 19 سبتمبر الجاري عملية"
    (s, e, d, kind), = find_dates(text, 0, len(text), WED, "ar")
    assert text[s:e] == "19 سبتمبر الجاري"
    assert d == date(2023, 9, 19) and kind == "day-month"


def test_window_is_respected():
    text = "أمس واليوم"
    assert [text[s:e] for s, e, _, _ in find_dates(text, 4, len(text), WED, "ar")] == ["واليوم"]


def test_dateparser_fallback_is_labelled():
    # "last week" is not one day: the own rules leave it to dateparser, which anchors on publication
    assert resolve_date("الأسبوع الماضي", WED, "ar") == (date(2023, 9, 13), "dateparser")
    assert resolve_date("no date here", WED, "en") == (None, "unrecognised")


def test_diacritics_are_kept_in_the_span():
    text = "قد شنّت في ١٩ سِبْتَمْبَرَ الجاريْ عمليةً، وأمسِ"
    got = [(text[s:e], d) for s, e, d, _ in find_dates(text, 0, len(text), WED, "ar")]
    assert got == [("١٩ سِبْتَمْبَرَ الجاريْ", date(2023, 9, 19)), ("وأمسِ", date(2023, 9, 19))]


_CALENDAR = sorted({f for lang in ("ar", "en") for forms in calendar_words(lang).by_kind.values() for f in forms})
_PIECE = st.one_of(
    st.sampled_from(_CALENDAR + ["يوم", "قبل", "من", "شهر", "الموافق", "on", "of", "days", "ago", "ه", "هـ"]),
    st.sampled_from(["19", "2023", "3", "12/5/2021", "2023-09-20", "1st", "١٩", "أمس", "الأربعاء", "May", "Sept."]),
    st.text(alphabet="وفبلالأًـ(،.x1", max_size=4),
)


@given(st.lists(st.tuples(_PIECE, st.sampled_from([" ", "  ", "\n", "", ",", "، ", "(", "-", "/", "."])), max_size=14))
@settings(max_examples=300, deadline=None)
def test_date_search_tries_only_where_a_match_can_begin(parts):
    text = "".join(w + sep for w, sep in parts)
    pieces = list(map(_dates._fold_piece, text.split(" ")))
    key = " ".join(k for k, _ in pieces)
    assert key == text.translate(_dates._table())
    for lang in ("ar", "en"):
        pattern = _dates._pattern(lang)
        assert [m.span() for m in _dates._matches(pattern, key, pieces)] == [m.span() for m in pattern.finditer(key)]
