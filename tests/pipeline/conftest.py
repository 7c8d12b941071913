from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from kgrun import articles_dir, fixture_config  # noqa: E402,F401  (fixtures)
