"""`jixiao check`: a readable report per document, errors first; exit 1 on errors, 0 clean, 2 misuse."""

from click.testing import CliRunner

from jixiao.cli import main

from conftest import SAMPLES


def check(*paths: str):
    return CliRunner().invoke(main, ["check", *paths])


def test_the_seed_exits_1_with_errors_before_the_warning():
    result = check(str(SAMPLES / "seed.docx"))
    assert result.exit_code == 1
    out = result.output
    assert "错误 2 项，警告 1 项" in out
    assert out.index("score.item_max") < out.index("score.rescore")
    assert out.index("score.total") < out.index("score.rescore")
    assert "位置：t2 r5 c6" in out
    assert "未核对 balance.identity" in out


def test_a_clean_document_exits_0():
    result = check(str(SAMPLES / "faults" / "clean-seed.docx"))
    assert result.exit_code == 0, result.output
    assert "错误 0 项，警告 0 项" in result.output


def test_warnings_alone_exit_0():
    result = check(str(SAMPLES / "faults" / "score-reason-missing.docx"))
    assert result.exit_code == 0
    assert "! 警告 score.reason_missing" in result.output


def test_a_failed_document_shows_its_error_and_exits_1():
    result = check(str(SAMPLES / "broken" / "truncated.docx"))
    assert result.exit_code == 1
    assert "读取失败" in result.output and "无法读取" in result.output


def test_misuse_exits_2():
    assert check().exit_code == 2
    assert check("no/such/file.docx").exit_code == 2
