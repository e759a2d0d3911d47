"""A progress bar on stderr: documents done of total, failures, rate, time left.

On a terminal it redraws one line (at most ten times a second). Elsewhere (a log
file, CI) it writes a line per tenth of the work, so logs do not fill with bars.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 24
REDRAW_SECONDS = 0.1


class Progress:
    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.total = total
        self.done = 0
        self.failed = 0
        self.stream = stream if stream is not None else sys.stderr
        self.tty = self.stream.isatty()
        self.started = time.monotonic()
        self._drawn = 0.0
        self._tenths = 0

    def advance(self, failed: bool = False) -> None:
        self.done += 1
        self.failed += int(failed)
        if self.tty:
            now = time.monotonic()
            if now - self._drawn >= REDRAW_SECONDS or self.done == self.total:
                self._drawn = now
                self.stream.write("\r" + self.line())
                self.stream.flush()
        elif self.total and self.done * 10 // self.total > self._tenths:
            self._tenths = self.done * 10 // self.total
            self.stream.write(self.line() + "\n")
            self.stream.flush()

    def note(self, message: str) -> None:
        """A line above the bar (a failed file), without tearing the bar."""
        if self.tty:
            self.stream.write("\r\033[K" + message + "\n" + self.line())
        else:
            self.stream.write(message + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.tty and self.done:
            self.stream.write("\n")
            self.stream.flush()

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.done / elapsed
        share = self.done / self.total if self.total else 1.0
        filled = round(share * WIDTH)
        bar = "█" * filled + "░" * (WIDTH - filled)
        left = (self.total - self.done) / rate if rate else 0.0
        return (
            f"{bar} {self.done}/{self.total} documents {share:4.0%}, {self.failed} failed, "
            f"{rate:.1f} docs/s, {_duration(left)} left"
        )


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"
