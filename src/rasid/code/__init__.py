"""Event coding: PLOVER event types with CAMEO codes, actors, dates, places, flags and evidence."""
