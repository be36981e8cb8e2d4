"""The first page of every send-ready document of the example network, as a picture
for docs/documents.md (PDF by netzwerkctl, PNG by poppler's pdftoppm).

    python scripts/screenshots.py        # writes docs/images/*.png

Run it after a change to a template or the print stylesheet, look at the pictures,
and commit them with the change.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TOP = Path(__file__).resolve().parents[1]
EXAMPLE = TOP / "examples" / "stadt-bocholt"
IMAGES = TOP / "docs" / "images"
TODAY = ["--today", "2022-09-01"]

# (picture, the command's arguments)
DOCUMENTS = [
    ("einladung", ["agenda", "2022-09-14-ag-vereine-wirtschaft", *TODAY]),
    ("protokoll-entwurf", ["minutes", "2022-07-06-ag-vereine-wirtschaft"]),
    ("anwesenheitsliste", ["attendance", "2022-09-14-ag-vereine-wirtschaft", *TODAY]),
    ("bericht-vorlage", ["report", "2021"]),
    ("urkunde", ["certificate", "siegel-freiwillige-willkommen", "--to", "awo-bocholt"]),
]


def main() -> int:
    if shutil.which("pdftoppm") is None:
        print("pdftoppm (poppler-utils) is needed", file=sys.stderr)
        return 2
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        for name, args in DOCUMENTS:
            pdf = Path(folder) / f"{name}.pdf"
            command = [sys.executable, "-m", "netzwerkctl", "-C", str(EXAMPLE), *args]
            subprocess.run([*command, "-o", str(pdf)], check=True, capture_output=True)
            target = IMAGES / name
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "60",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-singlefile",
                    str(pdf),
                    str(target),
                ],
                check=True,
            )
            print(f"{target.relative_to(TOP)}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
