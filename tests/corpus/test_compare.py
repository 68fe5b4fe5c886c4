"""Comparisons against answers worked out by hand, on small measures written here: no corpus,
no extraction. Which concepts a child inherits, adds and drops; which way a target or deadline
moved; how much text it reuses."""

from __future__ import annotations

import pytest

from policygraph.corpus.compare import (
    AgencyChange,
    Comparison,
    DeadlineChange,
    ShingleIndex,
    TargetChange,
    TargetSide,
    compare,
    moves,
    reuse,
    summary,
    target_change,
)
from policygraph.models import MeasureMention, Measures, MentionDeadline, ProvisionText, Target

UNEMPLOYMENT = "城镇登记失业率"  # lower is better
COVERAGE = "社区养老服务设施覆盖率"  # higher is better
NEW_JOBS = "城镇新增就业"  # a count: higher is better, but only within one territory


def measure(concept: str, deadlines: tuple[str | None, ...] = (), agencies: tuple[str, ...] = ()) -> MeasureMention:
    return MeasureMention(concept, concept.upper(), "", "一、", "", "", 0, 0,
                          deadlines=tuple(MentionDeadline("", d) for d in deadlines), agencies=agencies)


def target(indicator: str, value: float, comparator: str, unit: str = "%") -> Target:
    return Target(indicator, value, unit, comparator, None, f"{indicator}{value}{unit}", 0, 0, "一、")


def measures(*ms: MeasureMention, targets: tuple[Target, ...] = (),
             provisions: tuple[tuple[str, str], ...] = ()) -> Measures:
    return Measures(provisions=tuple(ProvisionText(p, p, 0, len(t), t) for p, t in provisions),
                    measures=ms, targets=targets)


def test_concepts_inherited_added_and_dropped() -> None:
    parent = measures(measure("employment"), measure("training"), measure("subsidy"))
    child = measures(measure("subsidy"), measure("housing"), measure("employment"), measure("employment"))
    c = compare("child", "parent", child, parent)
    assert (c.inherited, c.added, c.dropped) == (("employment", "subsidy"), ("housing",), ("training",))
    assert (c.child, c.parent, c.via, c.path) == ("child", "parent", "requested", ("child", "parent"))
    assert c.changes == ()
    nothing = compare("a", "b", measures(), parent, via="stated", path=("a", "x", "b"))
    assert (nothing.inherited, nothing.added, nothing.dropped) == ((), (), ("employment", "subsidy", "training"))
    assert (nothing.via, nothing.path) == ("stated", ("a", "x", "b"))


@pytest.mark.parametrize(("parent", "child", "direction"), [
    # Lower is better: a lower rate, or the same rate held to a stricter bound, is tightened.
    (target(UNEMPLOYMENT, 4.5, "about"), target(UNEMPLOYMENT, 4, "at_most"), "tightened"),
    (target(UNEMPLOYMENT, 4.5, "at_most"), target(UNEMPLOYMENT, 5, "at_most"), "loosened"),
    (target(UNEMPLOYMENT, 4.5, "about"), target(UNEMPLOYMENT, 4.5, "at_most"), "tightened"),
    (target(UNEMPLOYMENT, 4.5, "at_most"), target(UNEMPLOYMENT, 4.5, "about"), "loosened"),
    (target(UNEMPLOYMENT, 4.5, "about"), target(UNEMPLOYMENT, 4.5, "about"), "same"),
    # Higher is better: the other way round.
    (target(COVERAGE, 95, "at_least"), target(COVERAGE, 98, "at_least"), "tightened"),
    (target(COVERAGE, 95, "at_least"), target(COVERAGE, 90, "at_least"), "loosened"),
    (target(COVERAGE, 95, "about"), target(COVERAGE, 95, "at_least"), "tightened"),
    (target(COVERAGE, 95, "at_least"), target(COVERAGE, 95, "equal"), "loosened"),
    # Units that differ cannot be ordered.
    (target(COVERAGE, 95, "at_least"), target(COVERAGE, 5, "at_least", "个百分点"), "changed"),
])
def test_a_target_moves_in_the_direction_that_matters_for_its_indicator(
        parent: Target, child: Target, direction: str) -> None:
    assert target_change(parent, child) == direction


def test_a_count_is_compared_only_within_one_territory() -> None:
    nation, city = target(NEW_JOBS, 8_000_000, "at_least", "人"), target(NEW_JOBS, 24_000, "at_least", "人")
    assert target_change(nation, city, same_scale=False) == "rescaled"  # not a loosening
    assert target_change(nation, city, same_scale=True) == "loosened"
    city_more = target(NEW_JOBS, 30_000, "at_least", "人")
    assert target_change(city, city_more, same_scale=True) == "tightened"
    assert target_change(target(UNEMPLOYMENT, 4.5, "about"), target(UNEMPLOYMENT, 4, "about"),
                         same_scale=False) == "tightened"  # a rate compares across territories


def test_targets_are_paired_by_indicator_and_unit() -> None:
    parent = measures(targets=(target(UNEMPLOYMENT, 4.5, "about"), target(COVERAGE, 95, "at_least"),
                               target(NEW_JOBS, 8_000_000, "at_least", "人"), target("就业", 60, "at_least")))
    child = measures(targets=(
        target("全市" + UNEMPLOYMENT, 4, "at_most"),  # the parent's indicator inside the child's
        target(COVERAGE, 0.5, "at_least", "个百分点"),  # another unit: not paired
        target(NEW_JOBS, 24_000, "at_least", "人"),
        target("就业率", 70, "at_least"),  # too short to be matched by containment
    ))
    c = compare("child", "parent", child, parent)
    assert c.changes == (
        TargetChange(UNEMPLOYMENT, TargetSide(4.5, "%", "about", f"{UNEMPLOYMENT}4.5%"),
                     TargetSide(4, "%", "at_most", f"全市{UNEMPLOYMENT}4%"), "tightened"),
        TargetChange(NEW_JOBS, TargetSide(8_000_000, "人", "at_least", f"{NEW_JOBS}8000000人"),
                     TargetSide(24_000, "人", "at_least", f"{NEW_JOBS}24000人"), "rescaled"))
    assert compare("child", "parent", child, parent, same_scale=True).changes[1].direction == "loosened"
    assert moves(c) == 1  # rescaled is not a move


@pytest.mark.parametrize(("parent_dates", "child_dates", "days", "direction"), [
    (("2003-06-30",), ("2003-08-31",), 62, "later"),  # July 31 + August 31 days
    (("2003-06-30",), ("2003-05-31",), -30, "earlier"),
    (("2003-06-30",), ("2003-06-30",), 0, "same"),
    # The earliest dated deadline on each side: 2003-06-30 against 2003-09-30.
    (("2003-12-31", None, "2003-06-30"), (None, "2004-01-31", "2003-09-30"), 92, "later"),
    (("2004-02-01",), ("2004-03-01",), 29, "later"),  # a leap year's February
])
def test_a_deadline_moved_later_or_earlier(parent_dates: tuple[str | None, ...], child_dates: tuple[str | None, ...],
                                           days: int, direction: str) -> None:
    parent = measures(measure("implementation", parent_dates), measure("training", ("2003-01-01",)))
    child = measures(measure("implementation", child_dates), measure("housing", ("2009-01-01",)))
    [change] = compare("child", "parent", child, parent).changes
    assert isinstance(change, DeadlineChange)
    assert (change.concept, change.label) == ("implementation", "IMPLEMENTATION")
    assert (change.days, change.direction) == (days, direction)
    assert change.parent.date == min(d for d in parent_dates if d)
    assert change.child.date == min(d for d in child_dates if d)


def test_a_deadline_without_a_date_on_one_side_is_no_change() -> None:
    parent = measures(measure("implementation", ("2003-06-30",)))
    assert compare("c", "p", measures(measure("implementation", (None,))), parent).changes == ()
    assert compare("c", "p", measures(measure("implementation")), parent).changes == ()


def test_responsible_agencies_changed() -> None:
    parent = measures(measure("subsidy", agencies=("财政部", "人力资源社会保障部")),
                      measure("training", agencies=("人力资源社会保障部",)), measure("housing", agencies=("住房城乡建设部",)))
    child = measures(measure("subsidy", agencies=("市财政局", "财政部")),
                     measure("training", agencies=("人力资源社会保障部",)), measure("housing"))
    changes = compare("child", "parent", child, parent).changes
    assert changes == (AgencyChange("subsidy", "SUBSIDY", ("市财政局",), ("人力资源社会保障部",)),)
    assert Comparison.from_dict(compare("child", "parent", child, parent).to_dict()).changes == changes


def _index(*provisions: tuple[str, set[int]]) -> ShingleIndex:
    sets = tuple(frozenset(s) for _p, s in provisions)
    return ShingleIndex(tuple(p for p, _s in provisions), sets, frozenset().union(*sets))


def test_reuse_counted_by_hand() -> None:
    parent = _index(("一、", {1, 2}), ("二、", {3, 4, 5}), ("三、", {7}))
    child = _index(("（一）", {1, 2, 3, 4}), ("（二）", {9}), ("（三）", {1, 2, 3}))
    r = reuse(child, parent)
    # 4 + 0 + 3 of the 4 + 1 + 3 shingles are in the parent.
    assert (r["share"], r["shingles"], r["copied"]) == (0.875, 8, 7)
    assert r["provisions"] == [
        {"child": "（一）", "parent": "一、", "similarity": 0.5},  # 2 / (4 + 2 - 2); 二、: 2 / (4 + 3 - 2)
        {"child": "（二）", "parent": None, "similarity": 0.0},
        {"child": "（三）", "parent": "一、", "similarity": 0.667},  # 2 / (3 + 2 - 2); 二、: 1 / (3 + 3 - 1)
    ]


def test_equally_good_matches_go_to_the_first_parent_provision() -> None:
    parent = _index(("一、", {1, 2, 3}), ("二、", {1, 2, 3}))
    assert reuse(_index(("x", {1, 2})), parent)["provisions"] == [{"child": "x", "parent": "一、", "similarity": 0.667}]
    assert reuse(_index(), parent) == {"share": 0.0, "shingles": 0, "copied": 0, "provisions": []}


PROVISION = "各地要加快建设社区养老服务设施，完善居家养老服务网络，支持社会力量参与运营。"
OTHER = "严格落实安全生产责任制，强化重点行业领域隐患排查治理，坚决遏制重特大事故发生。"


def test_text_reuse_of_an_identical_and_of_a_disjoint_provision() -> None:
    parent = measures(provisions=(("一、", OTHER), ("二、", PROVISION)))
    child = measures(provisions=(("（一）", PROVISION), ("（二）", "今年全市春季植树造林面积比去年扩大一倍。")))
    r = compare("child", "parent", child, parent).reuse
    [same, disjoint] = r["provisions"]
    assert same == {"child": "（一）", "parent": "二、", "similarity": 1.0}
    assert disjoint == {"child": "（二）", "parent": None, "similarity": 0.0}
    only_same = compare("c", "p", measures(provisions=(("（一）", PROVISION),)), parent).reuse
    assert only_same["share"] == 1.0 and only_same["copied"] == only_same["shingles"] > 0
    assert compare("c", "p", measures(provisions=(("（一）", OTHER),)), measures(
        provisions=(("一、", PROVISION),))).reuse["share"] == 0.0
    assert 0 < r["copied"] < r["shingles"] and r["share"] == round(r["copied"] / r["shingles"], 3)


def test_a_comparison_reads_back_as_written() -> None:
    parent = measures(measure("implementation", ("2003-06-30",)), targets=(target(UNEMPLOYMENT, 4.5, "about"),),
                      provisions=(("一、", PROVISION),))
    child = measures(measure("implementation", ("2003-08-31",)), targets=(target(UNEMPLOYMENT, 4, "about"),),
                     provisions=(("一、", PROVISION),))
    c = compare("child", "parent", child, parent, via="stated")
    assert Comparison.from_dict(c.to_dict()) == c
    assert moves(c) == 2  # a target tightened, a deadline later
    assert "provisions" not in summary(c).reuse and summary(c).reuse["share"] == 1.0


def test_a_deeper_cut_is_tightened_even_of_what_should_be_low() -> None:
    # 能耗 is lower-is-better, but 降低3% is a deeper cut than 降低2.5%: more demanding
    def cut(value: float) -> Target:
        return Target("单位国内生产总值能耗", value, "%", "about", 2025, "", 0, 0, change="decrease")
    assert target_change(cut(2.5), cut(3)) == "tightened"
    assert target_change(cut(2.5), cut(2)) == "loosened"
    # a cut beside a level of the same indicator is no comparison of values
    assert target_change(cut(2.5), target("单位国内生产总值能耗", 2.5, "at_most")) == "changed"
