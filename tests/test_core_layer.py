"""The bottom of the house: `cjm.core` imports nothing of cjm's above it (not even lazily)."""

from __future__ import annotations

import re
from pathlib import Path

import cjm.core

CORE = Path(cjm.core.__file__).parent


def test_core_imports_only_core() -> None:
    imports = re.compile(r"^\s*(?:from|import)\s+(cjm(?:\.\w+)*)", re.M)
    above = {
        f"{module.name}: {name}"
        for module in CORE.glob("*.py")
        for name in imports.findall(module.read_text(encoding="utf-8"))
        if name != "cjm.core" and not name.startswith("cjm.core.")
    }
    assert above == set()
