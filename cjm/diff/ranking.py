"""Initiative scores and roadmap stages for `cjm diff`, computed by `cjm.prioritise` with the settings
`cjm prioritise` would use for the map (`[tool.cjm.prioritise]`), so the diff agrees with the roadmap."""

from __future__ import annotations

from cjm.core.errors import CjmError
from cjm.core.model import Journey
from cjm.diff.compare import Ranking
from cjm.io.config import find_config
from cjm.prioritise import prioritise, settings_from_config


def roadmap_ranking(config_from: str) -> Ranking:
    """A `Ranking` using the configuration that applies at `config_from` (a map's path or its folder)."""
    settings = settings_from_config(find_config(config_from))

    def positions(journey: Journey) -> dict[str, tuple[float, int]] | None:
        try:
            roadmap = prioritise([journey], model=settings.model, capacity=settings.capacity)
        except CjmError:  # inputs the preset needs are missing: the diff goes on without scores
            return None
        return {r.id: (r.score, r.stage) for r in roadmap.initiatives}

    return positions
