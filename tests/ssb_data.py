"""Where the real SSB files for tests lie (../shared/data/ssb, or $SSB_DATA_DIR)."""

import os
from pathlib import Path

SSB_DATA_DIR = Path(os.environ.get("SSB_DATA_DIR", Path(__file__).resolve().parents[2] / "shared" / "data" / "ssb"))
