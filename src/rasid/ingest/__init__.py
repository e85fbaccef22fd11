"""Ingest: bytes and files to records ready for analysis."""
from .readers import Record, count_records, read_inputs, read_path, read_stream

__all__ = ["Record", "count_records", "read_inputs", "read_path", "read_stream"]
