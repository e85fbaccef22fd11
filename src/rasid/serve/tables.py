"""Lists as JSON or CSV: every list endpoint takes ``format=json|csv`` so the web app can offer
downloads of exactly what it shows."""
from __future__ import annotations

import csv
import io
import json
from typing import Any, Literal

from fastapi.responses import JSONResponse, Response

__all__ = ["Format", "table_response"]

Format = Literal["json", "csv"]


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    """Nested values as JSON; text that a spreadsheet would run as a formula gets a leading '."""
    if isinstance(value, (dict, list)):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def table_response(rows: list[dict[str, Any]], fmt: Format, name: str,
                   headers: dict[str, str] | None = None) -> Response:
    """``rows`` as a JSON array, or as a CSV attachment ``name.csv`` (nested values as JSON text)."""
    if fmt == "json":
        return JSONResponse(rows, headers=headers)
    columns: list[str] = []
    for row in rows:
        columns += [k for k in row if k not in columns]
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)
    return Response("\ufeff" + buf.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}.csv"', **(headers or {})})
