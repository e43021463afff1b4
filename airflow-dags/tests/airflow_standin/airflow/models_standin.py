"""The recording core of the stand-in: DAGs collect tasks, tasks record arguments and edges."""
from __future__ import annotations

_current_dags: list = []


class RecordingDag:
    def __init__(self, dag_id: str, **kwargs):
        self.dag_id = dag_id
        self.kwargs = kwargs
        self.tasks: dict[str, RecordingOperator] = {}

    def __enter__(self):
        _current_dags.append(self)
        return self

    def __exit__(self, *exc):
        _current_dags.pop()
        return False

    def __getattr__(self, name):
        try:
            return self.kwargs[name]
        except KeyError as missing:
            raise AttributeError(name) from missing


class RecordingOperator:
    template_fields: tuple[str, ...] = ()

    def __init__(self, task_id: str, **kwargs):
        if not _current_dags:
            raise RuntimeError(f"task {task_id} created outside a DAG context")
        self.task_id = task_id
        self.kwargs = kwargs
        self.upstream: set[str] = set()
        self.downstream: set[str] = set()
        self.dag = _current_dags[-1]
        if task_id in self.dag.tasks:
            raise ValueError(f"duplicate task_id {task_id} in {self.dag.dag_id}")
        self.dag.tasks[task_id] = self

    def __rshift__(self, other: "RecordingOperator") -> "RecordingOperator":
        self.downstream.add(other.task_id)
        other.upstream.add(self.task_id)
        return other

    def __getattr__(self, name):
        try:
            return self.kwargs[name]
        except KeyError as missing:
            raise AttributeError(name) from missing
