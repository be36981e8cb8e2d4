"""A real `netzwerkctl serve` process for the tests: started on a free port of
127.0.0.1, its address read from what it prints, stopped at the end."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def server(root: Path, *args: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    import tempfile

    command = [sys.executable, "-m", "netzwerkctl", "-C", str(root), "serve", "--port", "0"]
    # stderr into a file: a pipe nobody reads would stop a chatty server
    with tempfile.TemporaryFile(mode="w+") as log:
        proc = subprocess.Popen([*command, *args], stdout=subprocess.PIPE, stderr=log, text=True)
        try:
            assert proc.stdout is not None
            line = proc.stdout.readline()
            found = re.search(r"http://127\.0\.0\.1:\d+/", line)
            if not found:
                log.seek(0)
                raise AssertionError(f"the server did not start: {line}{log.read()}")
            yield proc, found.group(0)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
