"""Sanity of the sample generator (samples/formgen), not of jixiao's readers.

The docx is walked here with a few lines of lxml so these tests stay
independent of the reader under test.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
sys.path.insert(0, str(SAMPLES))

from formgen import (  # noqa: E402
    TABLE_KEYS,
    VARIANTS,
    expected_for,
    seed_spec,
    to_json,
    write_docx,
)

SEED_DUMP = Path("/work/shared/seeds/000_e8303339c5feb7eb.txt")
ALL_SPECS = [("seed", seed_spec()), *[(stem, spec) for stem, spec, _ in VARIANTS]]


def _para_text(p) -> str:
    # Accepted text: w:t only (a tracked deletion holds w:delText).
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def _tables(path: Path) -> list:
    return docx.Document(str(path)).element.body.findall(qn("w:tbl"))


def _rows(tbl) -> list[list[tuple[int, int, str | None, str]]]:
    """Each row as (grid start, span, vMerge, text) per w:tc."""
    rows = []
    for tr in tbl.findall(qn("w:tr")):
        start, row = 0, []
        for tc in tr.findall(qn("w:tc")):
            pr = tc.find(qn("w:tcPr"))
            span_el, vm = pr.find(qn("w:gridSpan")), pr.find(qn("w:vMerge"))
            span = int(span_el.get(qn("w:val"))) if span_el is not None else 1
            vmerge = None if vm is None else (vm.get(qn("w:val")) or "continue")
            text = "\n".join(_para_text(p) for p in tc.findall(qn("w:p")))
            row.append((start, span, vmerge, text))
            start += span
        rows.append(row)
    return rows


@pytest.fixture(scope="module")
def seed_docx(tmp_path_factory) -> Path:
    return write_docx(seed_spec(), tmp_path_factory.mktemp("seed") / "seed.docx")


def _dump_lines(path: Path) -> list[str]:
    lines = []
    for el in docx.Document(str(path)).element.body:
        if el.tag == qn("w:p"):
            lines.append(_para_text(el))
        elif el.tag == qn("w:tbl"):
            for row in _rows(el):
                lines += [line for *_, text in row for line in text.split("\n")]
    return lines


@pytest.mark.skipif(not SEED_DUMP.exists(), reason="seed text dump not on this machine")
def test_seed_docx_holds_every_line_of_the_seed_dump_in_order(seed_docx):
    wanted = [line.lstrip("\t").strip() for line in SEED_DUMP.read_text("utf-8").split("\n")]
    got = [line.strip() for line in _dump_lines(seed_docx)]
    assert [w for w in wanted if w] == [g for g in got if g][1:]  # [0] is the title


def test_seed_is_one_form_table_and_two_score_tables_on_their_grids(seed_docx):
    tables = _tables(seed_docx)
    assert len(tables) == 3
    assert [len(t.find(qn("w:tblGrid"))) for t in tables] == [16, 7, 7]
    second = _rows(tables[2])
    assert second[0][0][3] == "一级指标"  # header repeated (F7)
    assert second[1][0][2:] == ("restart", "过  程\n（40分）")  # merge restarted (F2)


def test_every_vmerge_continuation_sits_under_a_cell_of_the_same_grid_slot(seed_docx):
    for tbl in _tables(seed_docx):
        rows = _rows(tbl)
        for i, row in enumerate(rows):
            for start, span, vmerge, _ in row:
                if vmerge == "continue":
                    above = {(s, n) for s, n, v, _ in rows[i - 1] if v in ("restart", "continue")}
                    assert (start, span) in above, (i, start)


def test_income_values_sit_under_their_labels(seed_docx):
    rows = _rows(_tables(seed_docx)[0])
    header = next(r for r in rows if any(t == "公共财\n政拨款" for *_, t in r))
    values = rows[rows.index(header) + 1]
    assert [(s, n) for s, n, v, _ in header[2:]] == [(s, n) for s, n, v, _ in values[2:]]
    assert [t for *_, t in values] == ["机关", "232.13", "0", "232.13", "0", "0", "0"]


def test_seed_keeps_tracked_change_and_content_control(seed_docx):
    body = docx.Document(str(seed_docx)).element.body
    assert [t.text for t in body.iter(qn("w:delText"))] == ["旧名字"]
    assert body.find(".//" + qn("w:ins")) is not None
    assert body.find(".//" + qn("w:sdt")) is not None


def test_writing_twice_gives_identical_bytes(tmp_path):
    spec = VARIANTS[0][1]
    assert write_docx(spec, tmp_path / "a.docx").read_bytes() == \
        write_docx(spec, tmp_path / "b.docx").read_bytes()


@pytest.mark.parametrize("feature,stem_part,tag", [
    ("nested_table", "10-", "w:tbl"), ("vertical_label", "11-", "w:textDirection"),
])
def test_feature_variants_carry_their_feature(tmp_path, feature, stem_part, tag):
    stem, spec, _ = next(v for v in VARIANTS if v[0].startswith(stem_part))
    assert feature in spec.features
    body = docx.Document(str(write_docx(spec, tmp_path / f"{stem}.docx"))).element.body
    assert body.find(".//" + qn("w:tc") + "//" + qn(tag)) is not None


def _fig(expected: dict) -> dict[tuple[str, str], Decimal | None]:
    return {(f["org"], f["key"]): None if f["value"] is None else Decimal(f["value"])
            for f in expected["figures"]}


def _v(figs, org, key) -> Decimal:
    return figs[(org, key)] or Decimal(0)


@pytest.mark.parametrize("stem,spec", [(s, p) for s, p, _ in VARIANTS])
def test_variant_figures_satisfy_every_identity(stem, spec):
    exp = expected_for(spec)
    assert exp["rules"] == []
    figs = _fig(exp)
    for org in {o for o, k in figs if o}:
        def v(key, org=org):
            return _v(figs, org, key)
        assert v("income.total") == sum(v(k) for k in TABLE_KEYS["income"][1:])
        assert v("expense.total") == v("expense.basic") + v("expense.project")
        assert v("expense.basic") == v("expense.personnel") + v("expense.public")
        assert v("three_public.total") == sum(v(k) for k in TABLE_KEYS["three_public"][1:])
        assert v("assets.total") == sum(v(k) for k in TABLE_KEYS["assets"][1:])
        balance = v("income.total") - v("expense.total")
        if figs[(org, "balance.cumulative")] is None:
            assert balance == 0
        else:
            assert v("balance.cumulative") == balance
            assert v("balance.current") == balance - v("income.carryover")


@pytest.mark.parametrize("stem,spec", ALL_SPECS)
def test_score_maxima_add_up_to_100(stem, spec):
    scores = expected_for(spec)["scores"]
    total, i = Decimal(0), 0
    while i < len(scores):
        total += Decimal(scores[i]["max_score"])
        i += scores[i]["max_group_size"]
    assert total == 100


@pytest.mark.parametrize("stem,spec", [(s, p) for s, p, _ in VARIANTS])
def test_variant_scores_are_consistent(stem, spec):
    exp = expected_for(spec)
    items = exp["scores"]
    total = sum(Decimal(s["self_score"]) for s in items)
    assert total == Decimal(exp["total"]["self_score"]) == Decimal(spec.self_score)
    assert all(Decimal(s["self_score"]) <= Decimal(s["max_score"]) for s in items)
    assert all(s["reason"] for s in items
               if s["max_group_size"] == 1 and Decimal(s["self_score"]) < Decimal(s["max_score"]))
    grade = "优秀" if total >= 90 else "良好" if total >= 80 else "中" if total >= 60 else "差"
    assert exp["grade"] == grade


def test_seed_expectation_matches_spec_section_4():
    exp = expected_for(seed_spec())
    assert exp["rules"] == ["score.item_max", "score.rescore", "score.total"]
    adjust = next(s for s in exp["scores"] if s["indicator"] == "预算调整率")
    assert (adjust["max_score"], adjust["self_score"]) == ("3", "5")
    assert sum(Decimal(s["self_score"]) for s in exp["scores"]) == 100
    assert exp["total"] == {"max_score": "100", "self_score": "98"}
    benefit = [s for s in exp["scores"] if s["indicator"] in ("经济效益", "社会效益", "生态效益")]
    assert {(s["max_score"], s["max_group_size"]) for s in benefit} == {("15", 3)}


@pytest.mark.parametrize("stem,spec", ALL_SPECS)
def test_committed_expectations_are_up_to_date(stem, spec):
    path = SAMPLES / "expected" / f"{stem}.json"
    assert path.read_text("utf-8") == to_json(expected_for(spec)), \
        "run python samples/make_samples.py"
