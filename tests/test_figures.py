"""Figures as typed facts: what the Chinese states, what the English must say for it, and the
exact message when it does not."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.figures import (
    Figure,
    Kind,
    Qualifier,
    compare,
    extract_en,
    extract_zh,
    number,
    zh_numeral_values,
)
from generator.tm import store
from tests.conftest import ROOT

COMMITTED_PO = ROOT / "content/hangzhou-education-2020/translations/en.po"


def facts(figures: list[Figure]) -> list[tuple[Decimal, Kind, Qualifier]]:
    return [(f.value, f.kind, f.qualifier) for f in figures]


def messages(zh: str, en: str) -> list[str]:
    return [m.message for m in compare(zh, en)]


# --- reading the Chinese -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "kind", "qualifier", "span"),
    [
        ("累计入校服务5.79万人次，", "57900", Kind.COUNT, Qualifier.EXACT, "5.79万人次"),
        ("新增学位7.89万个", "78900", Kind.COUNT, Qualifier.EXACT, "7.89万个"),
        ("补助资金3771.55万元", "37715500", Kind.MONEY, Qualifier.EXACT, "3771.55万元"),
        ("降低1.01个百分点", "1.01", Kind.PERCENTAGE_POINT, Qualifier.EXACT, "1.01个百分点"),
        ("近视率为59.19%", "59.19", Kind.PERCENT, Qualifier.EXACT, "59.19%"),
        ("占比５０％", "50", Kind.PERCENT, Qualifier.EXACT, "５０％"),
        ("千分率3‰", "3", Kind.PERMILLE, Qualifier.EXACT, "3‰"),
        ("100多万中小学生", "1000000", Kind.COUNT, Qualifier.MORE_THAN, "100多万"),
        ("学校2600余个校区", "2600", Kind.COUNT, Qualifier.MORE_THAN, "2600余个"),
        ("推进2240多所民办学校", "2240", Kind.COUNT, Qualifier.MORE_THAN, "2240多所"),
        ("师生近3.2万人次", "32000", Kind.COUNT, Qualifier.NEARLY, "近3.2万人次"),
        ("将近500人", "500", Kind.COUNT, Qualifier.NEARLY, "将近500人"),
        ("占比98%以上", "98", Kind.PERCENT, Qualifier.MORE_THAN, "98%以上"),
        ("覆盖面超过96%", "96", Kind.PERCENT, Qualifier.MORE_THAN, "超过96%"),
        ("约200所", "200", Kind.COUNT, Qualifier.ABOUT, "约200所"),
        ("300人左右", "300", Kind.COUNT, Qualifier.ABOUT, "300人左右"),
        ("不足10个", "10", Kind.COUNT, Qualifier.LESS_THAN, "不足10个"),
        ("2020年", "2020", Kind.YEAR, Qualifier.EXACT, "2020年"),
        ("2019年度", "2019", Kind.YEAR, Qualifier.EXACT, "2019年度"),
        ("连续10年排名第一", "10", Kind.COUNT, Qualifier.EXACT, "10年"),
        ("2000余所学校", "2000", Kind.COUNT, Qualifier.MORE_THAN, "2000余所"),
        ("瓶窑校区于9月底开工", "9", Kind.MONTH, Qualifier.EXACT, "9月"),
        ("短短8个月内", "8", Kind.COUNT, Qualifier.EXACT, "8个"),
        ("排名第3位", "3", Kind.ORDINAL, Qualifier.EXACT, "第3位"),
        ("增长1.5倍", "1.5", Kind.TIMES, Qualifier.EXACT, "1.5倍"),
        ("货物进出口总额9.5万亿元", "9500000000000", Kind.MONEY, Qualifier.EXACT, "9.5万亿元"),
    ],
)
def test_a_chinese_figure_has_an_exact_value_a_kind_and_a_qualifier(
    text: str, value: str, kind: Kind, qualifier: Qualifier, span: str
) -> None:
    (figure,) = extract_zh(text)
    assert (figure.value, figure.kind, figure.qualifier) == (Decimal(value), kind, qualifier)
    assert figure.text == span
    assert text[figure.start : figure.end] == span


def test_a_ratio_keeps_both_terms_with_either_colon() -> None:
    assert [(f.value, f.second, f.kind) for f in extract_zh("从4.36:1下降到2.62：1")] == [
        (Decimal("4.36"), Decimal(1), Kind.RATIO),
        (Decimal("2.62"), Decimal(1), Kind.RATIO),
    ]


def test_a_date_is_a_year_a_month_and_a_day() -> None:
    assert facts(extract_zh("于2020年9月1日顺利开学")) == [
        (Decimal(2020), Kind.YEAR, Qualifier.EXACT),
        (Decimal(9), Kind.MONTH, Qualifier.EXACT),
        (Decimal(1), Kind.DAY, Qualifier.EXACT),
    ]


@pytest.mark.parametrize(
    "text", ["“十三五”收官", "第十二届艺术节", "党的十九届四中全会", "两个覆盖", "5G网络", "近视率"]
)
def test_numerals_in_names_codes_and_words_are_no_figures(text: str) -> None:
    assert extract_zh(text) == []


def test_chinese_numerals_are_known_so_that_english_digits_for_them_are_tolerated() -> None:
    assert {Decimal(13), Decimal(5)} <= zh_numeral_values("“十三五”")
    assert Decimal(12) in zh_numeral_values("第十二届")
    assert Decimal(2) in zh_numeral_values("两个覆盖")
    assert Decimal(2020) in zh_numeral_values("二〇二〇年")
    assert Decimal(1000000) in zh_numeral_values("一百万")


# --- reading the English -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "kind", "qualifier"),
    [
        ("a total of 57,900 visits", "57900", Kind.COUNT, Qualifier.EXACT),
        ("a total of 57900 visits", "57900", Kind.COUNT, Qualifier.EXACT),
        ("more than 1 million students", "1000000", Kind.COUNT, Qualifier.MORE_THAN),
        ("1.5 billion", "1500000000", Kind.COUNT, Qualifier.EXACT),
        ("subsidies of CNY 37.7155 million", "37715500", Kind.MONEY, Qualifier.EXACT),
        ("subsidies of 37,715,500 yuan", "37715500", Kind.MONEY, Qualifier.EXACT),
        ("RMB 37,715,500", "37715500", Kind.MONEY, Qualifier.EXACT),
        ("59.19% of students", "59.19", Kind.PERCENT, Qualifier.EXACT),
        ("59.19 percent of students", "59.19", Kind.PERCENT, Qualifier.EXACT),
        ("down 1.01 percentage points", "1.01", Kind.PERCENTAGE_POINT, Qualifier.EXACT),
        ("98% or above", "98", Kind.PERCENT, Qualifier.MORE_THAN),
        ("over 2,240 schools", "2240", Kind.COUNT, Qualifier.MORE_THAN),
        ("above 90%", "90", Kind.PERCENT, Qualifier.MORE_THAN),
        ("in excess of 500", "500", Kind.COUNT, Qualifier.MORE_THAN),
        ("nearly 32,000 cases", "32000", Kind.COUNT, Qualifier.NEARLY),
        ("almost 4,000", "4000", Kind.COUNT, Qualifier.NEARLY),
        ("approximately 200", "200", Kind.COUNT, Qualifier.ABOUT),
        ("the 19th CPC Central Committee", "19", Kind.ORDINAL, Qualifier.EXACT),
        ("in 2020", "2020", Kind.YEAR, Qualifier.EXACT),
        ("an increase over 2019", "2019", Kind.YEAR, Qualifier.EXACT),
        ("the end of September", "9", Kind.MONTH, Qualifier.EXACT),
        ("1.5 times", "1.5", Kind.TIMES, Qualifier.EXACT),
        ("CNY 9.5 trillion", "9500000000000", Kind.MONEY, Qualifier.EXACT),
        ("3.2 trillion", "3200000000000", Kind.COUNT, Qualifier.EXACT),
    ],
)
def test_an_english_figure_has_an_exact_value_a_kind_and_a_qualifier(
    text: str, value: str, kind: Kind, qualifier: Qualifier
) -> None:
    assert facts(extract_en(text)) == [(Decimal(value), kind, qualifier)]


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("1-9月", ("1", Kind.MONTH), ("9", Kind.MONTH)),
        ("1—9月", ("1", Kind.MONTH), ("9", Kind.MONTH)),
        ("补助10至15万元", ("100000", Kind.MONEY), ("150000", Kind.MONEY)),
        ("增长5%—5.5%", ("5", Kind.PERCENT), ("5.5", Kind.PERCENT)),
        ("学制3至5年", ("3", Kind.COUNT), ("5", Kind.COUNT)),
        ("2019-2020年", ("2019", Kind.YEAR), ("2020", Kind.YEAR)),
        ("1.5-2 million", ("1500000", Kind.COUNT), ("2000000", Kind.COUNT)),
        ("5-5.5%", ("5", Kind.PERCENT), ("5.5", Kind.PERCENT)),
        ("3 to 5 percent", ("3", Kind.PERCENT), ("5", Kind.PERCENT)),
        ("CNY 1.5-2 billion", ("1500000000", Kind.MONEY), ("2000000000", Kind.MONEY)),
        ("2019-2020", ("2019", Kind.YEAR), ("2020", Kind.YEAR)),
    ],
)
def test_a_range_writes_its_unit_once_and_both_terms_have_it(
    text: str, first: tuple[str, Kind], second: tuple[str, Kind]
) -> None:
    extract = extract_en if text.isascii() else extract_zh
    assert [(f.value, f.kind) for f in extract(text)] == [
        (Decimal(first[0]), first[1]),
        (Decimal(second[0]), second[1]),
    ]


def test_an_english_ratio_and_date() -> None:
    (ratio,) = extract_en("fell from 4.36:1")
    assert (ratio.value, ratio.second, ratio.text) == (Decimal("4.36"), Decimal(1), "4.36:1")
    assert facts(extract_en("on September 1, 2020")) == [
        (Decimal(9), Kind.MONTH, Qualifier.EXACT),
        (Decimal(1), Kind.DAY, Qualifier.EXACT),
        (Decimal(2020), Kind.YEAR, Qualifier.EXACT),
    ]


@pytest.mark.parametrize("text", ["COVID-19", "5G networks", "Mayor's Cup", "may be"])
def test_codes_and_words_are_no_english_figures(text: str) -> None:
    assert extract_en(text) == []


# --- comparing ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("累计入校服务5.79万人次", "a total of 57,900 visits"),
        ("累计入校服务5.79万人次", "a total of 57900 visits"),
        ("新增学位7.89万个", "adding 78,900 school places"),
        ("补助资金3771.55万元", "subsidies totaling CNY 37.7155 million"),
        ("补助资金3771.55万元", "subsidies totaling 37,715,500 yuan"),
        ("降低1.01个百分点", "a decrease of 1.01 percentage points"),
        ("从2019年的4.36:1下降", "from 4.36:1 in 2019"),
        ("从4.36：1下降", "from 4.36:1"),
        ("推进2240多所民办学校", "in more than 2,240 private schools"),
        ("2600余个校区", "over 2,600 campuses"),
        ("师生近3.2万人次", "nearly 32,000 teachers and students"),
        ("师生近3.2万人次", "almost 32,000 teachers and students"),
        ("日均实到学生占比98%以上", "98% or above"),
        ("日均实到学生占比98%以上", "above 98%"),
        ("覆盖面超过96%", "covers more than 96%"),
        ("100多万中小学生", "more than 1 million students"),
        ("于2020年9月1日顺利开学", "opened on September 1, 2020"),
        ("于2020年9月1日顺利开学", "opened on 1 September 2020"),
        ("10月下旬", "in late October"),
        ("杭州教育交出“十三五”收官高分报表", "at the end of the 13th Five-Year Plan period"),
        ("第十二届杭州市中小学生艺术节", "the 12th Art Festival"),
        ("党的十九届四中、五中全会", "the fourth and fifth plenary sessions of the 19th"),
        ("杭州第十四中学", "Hangzhou No. 14 High School"),
        ("新冠肺炎疫情", "the COVID-19 epidemic"),
        ("获得3名、3名，连续3年", "3 and 3, for 3 consecutive years"),
        ("获得3名，连续三年", "3, for three consecutive years"),
        ("6城区", "six urban districts"),
        ("排名第1位", "ranked first"),
        ("排名第1位", "ranked 1st"),
        ("货物进出口总额9.5万亿元", "total trade of CNY 9.5 trillion"),
        ("1-9月", "from January to September"),
        ("补助10—15万元", "subsidies of 100,000-150,000 yuan"),
        ("预期增长5%—5.5%", "expected growth of 5-5.5%"),
        ("预期增长5%—5.5%", "expected growth of 5% to 5.5%"),
        ("投资1.5亿—2亿元", "an investment of CNY 150-200 million"),
    ],
)
def test_the_english_states_the_chinese_figures(zh: str, en: str) -> None:
    assert messages(zh, en) == []


@pytest.mark.parametrize(
    ("zh", "en", "expected"),
    [
        (
            "累计入校服务5.79万人次",
            "a total of 5,790 visits",
            "5.79万人次 is 57,900, but the English has 5,790",
        ),
        (
            "降低1.01个百分点",
            "a decrease of 1.01%",
            "1.01个百分点 is 1.01 percentage points, but the English has 1.01%",
        ),
        (
            "师生近3.2万人次",
            "32,000 teachers and students",
            "近3.2万人次 is nearly 32,000, but the English has 32,000",
        ),
        (
            "累计入校服务5.79万人次",
            "nearly 57,900 visits",
            "5.79万人次 is 57,900, but the English has nearly 57,900",
        ),
        (
            "推进2240多所民办学校",
            "in 2,240 private schools",
            "2240多所 is more than 2,240, but the English has 2,240",
        ),
        (
            "补助资金3771.55万元",
            "subsidies of CNY 37.8 million",
            "3771.55万元 is CNY 37,715,500, but the English has CNY 37.8 million",
        ),
        (
            "补助资金3771.55万元",
            "subsidies of 37,715,500",
            "3771.55万元 is CNY 37,715,500, but the English has 37,715,500",
        ),
        ("从4.36:1下降", "from 4.63:1", "4.36:1 is 4.36:1, but the English has 4.63:1"),
        (
            "9月底开工",
            "started at the end of October",
            "9月 is September, but the English has October",
        ),
        (
            "新增学位7.89万个",
            "school places were added",
            "7.89万个 (78,900) is missing from the English",
        ),
        ("获得3名，连续3年", "3 for years", "3年 (3) is missing from the English"),
        ("第十二届艺术节", "the 13th Art Festival", "13th in the English is not in the Chinese"),
        ("召开2次会议", "held 2 meetings in 12 cities", "12 in the English is not in the Chinese"),
        ("2019年增加", "up on 2,019", "2019年 is 2019, but the English has 2,019"),
        (
            "召开2次会议，推进两个覆盖",
            "held meetings and the two coverages",
            "2次 (2) is missing from the English",
        ),
    ],
)
def test_a_wrong_figure_gives_one_exact_message(zh: str, en: str, expected: str) -> None:
    assert messages(zh, en) == [expected]


def test_every_figure_of_the_committed_english_changed_or_unqualified_is_a_finding() -> None:
    """Mutation test on the real translation: each English figure in digits, off by one or
    stripped of its qualifier, must be caught (unless it renders a Chinese numeral)."""
    missed = []
    for entry in store.load(COMMITTED_PO):
        numerals = zh_numeral_values(entry.msgid)
        for figure in extract_en(entry.msgstr):
            digits = re.search(r"\d[\d,]*(?:\.\d+)?", figure.text)
            if digits is None or figure.value in numerals:
                continue
            value = Decimal(digits.group().replace(",", ""))
            off_by_one = figure.text.replace(digits.group(), number(value + 1))
            for wrong in {off_by_one, digits.group()} - {figure.text}:
                english = entry.msgstr[: figure.start] + wrong + entry.msgstr[figure.end :]
                if not compare(entry.msgid, english):
                    missed.append(f"{figure.text} → {wrong}")
    assert missed == []


# --- properties --------------------------------------------------------------------------------


@given(st.integers(min_value=0, max_value=10**15))
def test_any_integer_written_with_commas_reads_back(n: int) -> None:
    (figure,) = extract_en(f"a total of {n:,} people")
    assert (figure.value, figure.kind, figure.text) == (n, Kind.COUNT, f"{n:,}")


@given(st.integers(min_value=0, max_value=10**15))
def test_any_integer_reads_back_from_chinese_in_either_width(n: int) -> None:
    full_width = str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    for digits in (str(n), full_width):
        (figure,) = extract_zh(f"共有{digits}人参加")
        assert (figure.value, figure.kind) == (n, Kind.COUNT)


amounts = st.decimals(min_value=0, max_value=10**6, places=4, allow_nan=False)


@given(amounts, st.sampled_from(["", "万", "亿"]), st.sampled_from(["个", "元", "%", "个百分点"]))
def test_the_canonical_english_of_any_chinese_figure_states_it(
    amount: Decimal, multiplier: str, unit: str
) -> None:
    zh = f"共{amount}{multiplier}{unit}，"
    (figure,) = extract_zh(zh)
    assert messages(zh, f"a total of {figure.reading()}.") == []


@given(amounts, st.sampled_from(["个", "元", "%"]))
def test_any_other_value_is_a_finding(amount: Decimal, unit: str) -> None:
    zh = f"共{amount}万{unit}，"
    (figure,) = extract_zh(zh)
    wrong = Figure(figure.value + 1, figure.kind, figure.qualifier)
    assert messages(zh, f"a total of {wrong.reading()}.") != []
