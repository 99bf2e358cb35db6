"""Figure QA on official English: each kind of official rendering is understood (no finding that
fails --strict, at most a note), each kind of planted error is caught, and on the committed
corpus of official pairs the rates stay within the targets (the corpus is fixed, so they are)."""

from __future__ import annotations

import pytest

from bench.figure_qa import (
    MAX_FALSE_FLAGS,
    MIN_CAUGHT,
    PLANTERS,
    fails_strict,
    load_pairs,
    measure,
)
from generator.check import Severity, figure_findings


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        # qualifiers carried by verbs and prepositions
        (
            "社会消费品零售总额超过40万亿元",
            "Total retail sales of consumer goods exceeded 40 trillion yuan.",
        ),
        ("调查失业率在5.3%以下", "the surveyed unemployment rate was below 5.3%."),
        (
            "城镇调查失业率控制在5.5%以内",
            "Keeping the surveyed urban unemployment rate within 5.5 percent",
        ),
        (
            "新能源汽车年产量突破1300万辆",
            "The output of new-energy vehicles passed the 13 million mark",
        ),
        ("2022年GDP突破120万亿元", "GDP topped 120 trillion yuan in 2022"),
        # a qualifier after a space, numbers in words, 翻一番
        (
            "今年赤字率拟按3.6% 以上安排",
            "The deficit-to-GDP ratio is projected at more than 3.6 percent.",
        ),
        ("财政赤字规模比去年增加1万亿元", "a deficit increase of one trillion yuan over last year"),
        ("人均预期寿命再提高1岁", "raise the average life expectancy by one year"),
        ("收入翻一番", "incomes doubled"),
        # Traditional numerals and units, Hong Kong's numerals and digit groups
        ("城鎮新增就業超過6000萬人", "Over 60 million urban jobs were added"),
        ("擬發行特別國債5000億元", "500 billion yuan of special treasury bonds will be issued"),
        ("糧食產量1.4萬億斤左右", "Grain output of around 700 million metric tons"),
        ("全年實質上升百分之三點五", "growth of 3.5 per cent in real terms"),
        ("預計共有77 100個公屋單位落成", "a total of 77 100 PRH units will be completed"),
    ],
)
def test_official_renderings_are_understood(zh: str, en: str) -> None:
    assert [f.message for f in figure_findings(zh, en) if f.severity.fails_strict] == []


@pytest.mark.parametrize(
    ("zh", "en", "note"),
    [
        (
            "粮食产量1.39万亿斤，再创历史新高。",
            "Grain output reached a record of 695 million metric tons.",
            "1.39万亿斤 is 1,390,000,000,000; the English has 695 million metric tons "
            "(converted from jin to tons)",
        ),
        (
            "夏粮面积4亿亩",
            "Summer grain acreage is 400 million mu (about 26.67 million hectares).",
            "about 26.67 million hectares in the English is a conversion the Chinese does not give",
        ),
        (
            "年初剩余的551万农村贫困人口全部脱贫",
            "All remaining poor rural residents, totaling 5.51 million in early 2020, were lifted "
            "from poverty",
            "2020 in the English is not in the Chinese: a year added for context?",
        ),
        (
            "去年國內生產總值達990865億元",
            "Last year, China's GDP reached 99.09 trillion yuan",
            "990865億元 is CNY 99,086,500,000,000; the English has 99.09 trillion yuan (rounded)",
        ),
        (
            "去年城镇新增就业1352万人",
            "about 13.52 million urban jobs were created last year",
            "1352万人 is 13,520,000; the English has about 13.52 million (the English says about)",
        ),
        (
            "資料並溯至民國 70 年",
            "and traced back to 1981",
            "70 年 is 70; the English has 1981 (year 70 of the ROC calendar)",
        ),
        (
            "国内生产总值增加到121万亿元",
            "China's GDP increased to 121 trillion yuan (about $17.5 trillion)",
            "about $17.5 trillion in the English is a conversion the Chinese does not give",
        ),
    ],
)
def test_what_official_english_changes_on_purpose_is_a_note(zh: str, en: str, note: str) -> None:
    findings = figure_findings(zh, en)
    assert [(f.message, f.severity) for f in findings] == [(note, Severity.NOTE)]


@pytest.mark.parametrize(
    ("kind", "zh", "en", "planted"),
    [
        ("digit", "国内生产总值达到99.1万亿元", "GDP reached 99.1 trillion yuan", "90.1"),
        ("qualifier dropped", "减负超过2.6万亿元", "more than 2.6 trillion yuan", "2.6"),
        ("qualifier flipped", "师生近3.2万人次", "nearly 32,000 visits", "more than"),
        ("magnitude", "城镇新增就业1352万人", "13.52 million urban jobs", "billion"),
        ("unit", "粮食产量1.3万亿斤以上", "grain output of over 650 million metric tons", "kg"),
    ],
)
def test_each_kind_of_planted_error_is_caught(kind: str, zh: str, en: str, planted: str) -> None:
    assert not fails_strict(zh, en)
    wrong = PLANTERS[kind](en, 0)
    assert wrong is not None and planted in wrong
    assert fails_strict(zh, wrong), wrong


def test_on_the_official_pairs_the_check_stays_within_its_targets() -> None:
    pairs = load_pairs()
    assert len(pairs) >= 150
    assert len({p.source for p in pairs}) >= 30
    result = measure(pairs)
    assert result.false_flag_rate <= MAX_FALSE_FLAGS
    assert result.catch_rate >= MIN_CAUGHT
    assert all(result.planted[kind] >= 50 for kind in PLANTERS)
