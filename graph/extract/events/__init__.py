"""Political events (PLOVER types with CAMEO codes) from recognised sentences and mentions.

``cues`` finds event words, ``roles`` assigns source/target/mediator/location, ``modality`` reads
negation, future and reporting, ``rollup`` maps actors to countries and sectors, ``merge`` joins
reports of one event, ``extract`` runs them over an article.
"""

from graph.extract.events.extract import extract_events
from graph.extract.events.merge import event_id, merge_events, same_event

__all__ = ["event_id", "extract_events", "merge_events", "same_event"]
