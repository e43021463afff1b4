"""Renders the ``{{ expression }}`` templates of task arguments the way Airflow's Jinja would for
the simple expressions Dossier's DAGs use (attribute access, method calls, arithmetic)."""
from __future__ import annotations

import re
from datetime import datetime, timedelta
from types import SimpleNamespace

TEMPLATE = re.compile(r"\{\{\s*(.+?)\s*\}\}")


def context(data_interval_start: datetime, data_interval_end: datetime, variables: dict[str, str]) -> dict:
    return {
        "data_interval_start": data_interval_start,
        "data_interval_end": data_interval_end,
        "macros": SimpleNamespace(timedelta=timedelta),
        "var": SimpleNamespace(value=SimpleNamespace(**variables)),
    }


def render(value, ctx: dict):
    if isinstance(value, str):
        # Our own DAG templates only (test code): Python evaluates the simple expressions they use.
        return TEMPLATE.sub(lambda m: str(eval(m.group(1), {}, ctx)), value)
    if isinstance(value, list):
        return [render(v, ctx) for v in value]
    if isinstance(value, dict):
        return {k: render(v, ctx) for k, v in value.items()}
    return value


def rendered_fields(task, ctx: dict) -> dict:
    """The task's template fields, rendered."""
    return {field: render(task.kwargs[field], ctx) for field in task.template_fields if field in task.kwargs}
