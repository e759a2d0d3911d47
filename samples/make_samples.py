"""Regenerate every sample document and its golden expectation.

    python samples/make_samples.py [--no-convert]

Writes samples/seed.docx, samples/variants/NN-slug.docx, their LibreOffice
renditions (.pdf, .doc, -lo.docx; skipped with a message when soffice is
absent), samples/seed-scanned.pdf (image-only) and samples/expected/<stem>.json.
A rendition's expectation is its source's: strip `-lo` / `-scanned` from the stem.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from formgen import (  # noqa: E402
    VARIANTS,
    convert,
    expected_for,
    scan_pdf,
    seed_spec,
    soffice_available,
    to_json,
    write_docx,
)

SEED_RENDITIONS = frozenset({"pdf", "doc", "lo.docx"})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-convert", action="store_true", help="write .docx and JSON only")
    args = parser.parse_args(argv)
    jobs = [(HERE / "seed.docx", seed_spec(), SEED_RENDITIONS)]
    jobs += [(HERE / "variants" / f"{stem}.docx", spec, r) for stem, spec, r in VARIANTS]
    for path, spec, _ in jobs:
        write_docx(spec, path)
        _write_expected(path.stem, spec)
    print(f"wrote {len(jobs)} .docx and expectations", file=sys.stderr)
    if args.no_convert:
        return 0
    if not soffice_available():
        print("soffice not found: skipping .pdf/.doc/-lo.docx and the scanned PDF", file=sys.stderr)
        return 0
    _renditions(jobs)
    scan_pdf(HERE / "seed.pdf", HERE / "seed-scanned.pdf")
    print("wrote renditions and seed-scanned.pdf", file=sys.stderr)
    return 0


def _write_expected(stem: str, spec) -> None:
    out = HERE / "expected" / f"{stem}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(to_json(expected_for(spec)), encoding="utf-8")


def _renditions(jobs) -> None:
    """One soffice run per target format, each writing beside its source."""
    for fmt in ("pdf", "doc"):
        by_dir: dict[Path, list[Path]] = {}
        for path, _, wanted in jobs:
            if fmt in wanted:
                by_dir.setdefault(path.parent, []).append(path)
        for folder, paths in by_dir.items():
            convert(paths, fmt, folder)
    resaved = [path for path, _, wanted in jobs if "lo.docx" in wanted]
    with tempfile.TemporaryDirectory(prefix="formgen-lo-") as tmp:
        for out in convert(resaved, "docx", Path(tmp)):
            source = next(p for p in resaved if p.stem == out.stem)
            shutil.move(out, source.with_name(f"{source.stem}-lo.docx"))


if __name__ == "__main__":
    sys.exit(main())
