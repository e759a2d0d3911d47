"""The ingest progress bar: live on a terminal, a line per tenth in a log."""

from __future__ import annotations

import io

from jixiao.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_off_a_terminal_it_writes_one_line_per_tenth_of_the_work():
    log = io.StringIO()
    progress = Progress(250, stream=log)
    for i in range(250):
        progress.advance(failed=i % 50 == 0)
    progress.close()
    lines = log.getvalue().splitlines()
    assert len(lines) == 10
    assert lines[-1].split("█ ", 1)[1].startswith("250/250 documents 100%, 5 failed")
    assert "docs/s" in lines[-1] and "left" in lines[-1]


def test_on_a_terminal_it_redraws_one_line_and_notes_failures_above_it():
    screen = Terminal()
    progress = Progress(3, stream=screen)
    progress.advance()
    progress.note("failed: b.docx: the file is empty")
    progress.advance(failed=True)
    progress.advance()
    progress.close()
    text = screen.getvalue()
    before, after = text.split("failed: b.docx: the file is empty\n")
    assert before.endswith("\r\033[K")  # the bar is cleared, not torn
    assert after.count("\n") == 1  # then one redrawn line, ended once at close
    assert "3/3 documents 100%, 1 failed" in after.split("\r")[-1]
