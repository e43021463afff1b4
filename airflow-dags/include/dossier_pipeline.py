"""Builds Dossier's Airflow DAGs from the stage manifest that the Java side emits.

The manifest (``stage_manifest.json`` beside this file, written by ``bin/dossier stages --out``)
is the one source of truth for task names, order and arguments; a Java test fails when the
committed copy drifts from what the code emits. This module only maps it onto Airflow: every
task submits ``dossier.cli.Main`` with ``SparkSubmitOperator``, keyed by the data interval, and
passes paths, never data. Nothing here touches the metadata database or the network when the
DAG file is parsed: Variables are read through templates at run time.

By default a pipeline is one submit (``run --stages … --resume``): the month's stages share one
JVM, and a retried or cleared task passes over the stages already done for that input. With the
environment variable ``DOSSIER_DAG_TASKS=per-stage`` (read when the DAG file is parsed) each
stage is its own task instead.
"""
from __future__ import annotations

import json
import logging
import os
from datetime import datetime, timedelta
from pathlib import Path

from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
from airflow.providers.standard.sensors.python import PythonSensor
from airflow.sdk import DAG
from airflow.timetables.interval import CronDataIntervalTimetable

MANIFEST_PATH = Path(__file__).with_name("stage_manifest.json")
SUPPORTED_FORMAT = 2
# How a pipeline becomes tasks: one submit for all its stages (default) or one task per stage.
TASKS_MODES = {"one-submit": "one_submit", "per-stage": "per_stage"}
TIMEZONE = "Asia/Shanghai"

# Templates resolved by Airflow when a task runs (cheap to parse, no Variable lookups at import).
VARIABLES = {
    "{landing}": "{{ var.value.dossier_landing }}",
    "{lake}": "{{ var.value.dossier_lake }}",
    "{conf}": "{{ var.value.dossier_conf }}",
}
APPLICATION = "{{ var.value.dossier_app_jar }}"
# The month a run is about: the data interval's month (monthly DAG) or its last month.
AS_OF_FIRST_MONTH = "{{ data_interval_start.strftime('%Y-%m') }}"
AS_OF_LAST_MONTH = "{{ (data_interval_end - macros.timedelta(days=1)).strftime('%Y-%m') }}"

log = logging.getLogger(__name__)


def load_manifest(path: Path = MANIFEST_PATH) -> dict:
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if manifest.get("format") != SUPPORTED_FORMAT:
        raise ValueError(f"{path}: manifest format {manifest.get('format')!r}, expected {SUPPORTED_FORMAT}")
    return manifest


def application_args(arguments: list[str], as_of_template: str) -> list[str]:
    """Fills the manifest's placeholders with Airflow templates."""
    filled = []
    for argument in arguments:
        for placeholder, template in {**VARIABLES, "{as_of}": as_of_template}.items():
            argument = argument.replace(placeholder, template)
        filled.append(argument)
    return filled


def pipeline_tasks(manifest: dict, pipeline: str, mode: str | None = None) -> list[dict]:
    """The pipeline's Spark tasks in order: its one submit, or one task per stage."""
    mode = mode or os.environ.get("DOSSIER_DAG_TASKS", "one-submit")
    if mode not in TASKS_MODES:
        raise ValueError(f"DOSSIER_DAG_TASKS={mode!r}: expected one of {sorted(TASKS_MODES)}")
    entry = manifest["pipelines"][pipeline][TASKS_MODES[mode]]
    return entry if isinstance(entry, list) else [entry]


def notify_failure(context) -> None:
    """Failure callback: one line a human can act on (alerting hooks in here)."""
    task_instance = context.get("task_instance")
    log.error(
        "Dossier task failed: dag=%s task=%s run=%s; it is safe to clear and re-run (tasks are idempotent)",
        getattr(task_instance, "dag_id", "?"),
        getattr(task_instance, "task_id", "?"),
        context.get("run_id"),
    )


def delivery_complete(landing: str, month: str, required: list[dict]) -> bool:
    """True when ``<landing>/<month>/<source>/`` holds a file of every required dataset."""
    folder = Path(landing) / month
    compact = month.replace("-", "")
    for entry in required:
        source_folder = folder / entry["source"]
        prefix = f"{entry['dataset']}_{compact}"
        if not source_folder.is_dir() or not any(p.name.startswith(prefix) for p in source_folder.iterdir()):
            log.info("delivery %s not complete: no %s file in %s", month, entry["dataset"], source_folder)
            return False
    return True


def build_dag(
    dag_id: str,
    pipeline: str,
    cron: str,
    start: datetime,
    as_of_template: str,
    doc_md: str,
    wait_for_delivery: bool,
    manifest: dict | None = None,
) -> DAG:
    manifest = manifest or load_manifest()
    default_args = {
        "owner": "dossier-data-engineering",
        "retries": 2,
        "retry_delay": timedelta(minutes=10),
        # Months are processed in order: conform is incremental on what earlier months landed.
        "depends_on_past": True,
        "on_failure_callback": notify_failure,
    }
    dag = DAG(
        dag_id=dag_id,
        schedule=CronDataIntervalTimetable(cron, timezone=TIMEZONE),
        start_date=start,
        catchup=True,
        max_active_runs=1,
        default_args=default_args,
        tags=["dossier", pipeline],
        doc_md=doc_md,
    )
    with dag:
        previous = None
        if wait_for_delivery:
            previous = PythonSensor(
                task_id="wait_for_delivery",
                python_callable=delivery_complete,
                op_kwargs={
                    "landing": VARIABLES["{landing}"],
                    "month": as_of_template,
                    "required": manifest["delivery"]["required"],
                },
                mode="reschedule",
                poke_interval=60 * 60,
                timeout=14 * 24 * 60 * 60,
            )
        for task in pipeline_tasks(manifest, pipeline):
            submit = SparkSubmitOperator(
                task_id=task["task_id"],
                doc_md=task["summary"],
                application=APPLICATION,
                java_class=manifest["main_class"],
                conf=dict(manifest["spark_conf"]),
                application_args=application_args(task["arguments"], as_of_template),
                conn_id=os.environ.get("DOSSIER_SPARK_CONN_ID", "spark_default"),
                name=f"{dag_id}.{task['task_id']}",
                env_vars={"DOSSIER_PERSON_KEY_FILE": "{{ var.value.dossier_person_key_file }}"},
            )
            if previous is not None:
                previous >> submit
            previous = submit
    return dag
