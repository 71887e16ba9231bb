"""Build a benchmark corpus (plain and plugin) with the phase hooks; print both tables.

Usage: ``python -m benchmarks.phases <corpus folder written by benchmarks.sites>``; the
plugin build is cold (its cache is removed first). ``make bench-phases`` runs it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

HOOKS = Path(__file__).parent


def main(argv: list[str]) -> int:
    """Build ``argv[0]/plain`` and ``argv[0]/plugin`` with the hooks; print the tables."""
    corpus = Path(argv[0]).resolve()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(HOOKS.parent.parent))
    for kind in ("plain", "plugin"):
        site = corpus / kind
        config = site / "mkdocs.phases.yml"
        config.write_text(
            (site / "mkdocs.yml").read_text("utf-8")
            + f"hooks:\n  - {HOOKS / 'first.py'}\n  - {HOOKS / 'last.py'}\n",
            "utf-8",
        )
        shutil.rmtree(site / ".cache", ignore_errors=True)
        print(f"\n## ({'a' if kind == 'plain' else 'b'}) {kind}\n", flush=True)
        done = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)],
            stdout=None,
            stderr=subprocess.DEVNULL,
            env=env,
            check=False,
        )
        if done.returncode:
            print(f"build failed ({done.returncode}): run it to see why: mkdocs build -f {config}")
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
