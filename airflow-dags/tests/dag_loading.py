"""Imports the DAG files against the test-only Airflow stand-in."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
DAGS_ROOT = TESTS.parent
STANDIN = TESTS / "airflow_standin"
DAG_FILES = {
    "dossier_monthly": "dags.dossier_monthly",
    "dossier_quarterly": "dags.dossier_quarterly",
    "dossier_yearly": "dags.dossier_yearly",
}


def use_standin() -> None:
    for path in (str(STANDIN), str(DAGS_ROOT)):
        if path not in sys.path:
            sys.path.insert(0, path)


def load_dags() -> dict:
    """Freshly imports every DAG file; returns dag_id -> recorded DAG."""
    use_standin()
    for module in list(sys.modules):
        if module.startswith(("dags.", "include.")):
            del sys.modules[module]
    return {dag_id: importlib.import_module(module).dag for dag_id, module in DAG_FILES.items()}


def manifest() -> dict:
    use_standin()
    from include.dossier_pipeline import load_manifest

    return load_manifest()


def chain_order(dag) -> list[str]:
    """Task ids from the root along the single downstream chain (fails if it is not a chain)."""
    roots = [t for t in dag.tasks.values() if not t.upstream]
    assert len(roots) == 1, f"{dag.dag_id}: expected one root task, got {[t.task_id for t in roots]}"
    order, task = [], roots[0]
    while True:
        order.append(task.task_id)
        if not task.downstream:
            return order
        assert len(task.downstream) == 1, f"{dag.dag_id}: {task.task_id} fans out to {task.downstream}"
        task = dag.tasks[next(iter(task.downstream))]
