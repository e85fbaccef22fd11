"""Extraction: entities, actors, times, quantities and quotes."""
