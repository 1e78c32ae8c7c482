"""An omnichannel business with touchpoints on one side only.

Omnichannel means the customer moves between online and offline as one experience: researching online and
confirming in a store, buying in the app and picking up in person, with carts, stock and support consistent
across them. A map of an omnichannel business whose touchpoints are all online (or all offline) cannot show the
moves between channels, which is where omnichannel experiences break. Add the other side, with phases that
cross channels such as *online consideration* and *store confirmation*; the `cjm adapt` rule `omnichannel`
does this. Channels marked `other` count for neither side.

Fails:

```yaml
business: {channels: omnichannel}
phases:
  - id: consideration
    name: Consideration
    kind: consideration
    touchpoints:
      - {name: Product page, channel: ec_site}
      - {name: Instagram, channel: sns}
```

Passes:

```yaml
business: {channels: omnichannel}
phases:
  - id: online-consideration
    name: Online consideration
    kind: online_consideration
    touchpoints:
      - {name: Product page, channel: ec_site}
  - id: store-confirmation
    name: Store confirmation
    kind: store_confirmation
    touchpoints:
      - {name: Fitting room, channel: store}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.adapt.plan import advice
from cjm.core.model import OFFLINE_CHANNELS, ONLINE_CHANNELS, Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding

CODE = "CJM605"
NAME = "omnichannel-one-sided"
SEVERITY = Severity.WARNING


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    if journey.business.get("channels") != "omnichannel":
        return
    channels = {touchpoint.get("channel") for phase in journey.phases for touchpoint in phase.touchpoints}
    online, offline = bool(channels & ONLINE_CHANNELS), bool(channels & OFFLINE_CHANNELS)
    if online != offline:
        have, lack = ("online", "offline (store, event, DM)") if online else ("offline", "online (EC site, app, SNS)")
        how = advice(journey, "omnichannel")
        yield Finding(
            ("business", "channels"),
            f"an omnichannel business whose touchpoints are all {have}: add the "
            f"{lack} side and the moves between them" + (f" ({how})" if how else ""),
            key=True,
        )
