"""Structure of the DAGs, imported against the recording stand-in: tasks, order, schedules,
templated arguments, and that parsing reads no Variable."""
from __future__ import annotations

import tempfile
import unittest
from datetime import datetime, timezone
from pathlib import Path

import os

from tests.dag_loading import chain_order, load_dags, manifest
from tests.rendering import context, rendered_fields

VARIABLES = {
    "dossier_landing": "/data/landing",
    "dossier_lake": "/data/lake",
    "dossier_conf": "/etc/dossier/cluster.conf",
    "dossier_app_jar": "/opt/dossier/dossier-app.jar",
    "dossier_person_key_file": "/run/secrets/dossier-person-key",
}
# (cron, data interval of one run, the as-of month that run must pass)
EXPECTED = {
    "dossier_monthly": ("0 6 1 * *", datetime(2025, 3, 1), datetime(2025, 4, 1), "2025-03"),
    "dossier_quarterly": ("0 8 1 1,4,7,10 *", datetime(2025, 1, 1), datetime(2025, 4, 1), "2025-03"),
    "dossier_yearly": ("0 8 1 4 *", datetime(2025, 4, 1), datetime(2026, 4, 1), "2026-03"),
}
PIPELINE = {"dossier_monthly": "monthly", "dossier_quarterly": "quarterly", "dossier_yearly": "yearly"}


def filled(arguments: list[str], as_of: str) -> list[str]:
    values = {"{landing}": VARIABLES["dossier_landing"], "{lake}": VARIABLES["dossier_lake"],
              "{conf}": VARIABLES["dossier_conf"], "{as_of}": as_of}
    out = []
    for argument in arguments:
        for placeholder, value in values.items():
            argument = argument.replace(placeholder, value)
        out.append(argument)
    return out


class DagStructureTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dags = load_dags()
        cls.manifest = manifest()

    def test_parsing_reads_no_variable(self):
        from airflow.sdk import variable_reads

        self.assertEqual([], variable_reads, "DAG files must read Variables through templates only")

    def test_every_dag_states_schedule_catchup_retries_owner_tags_and_doc(self):
        for dag_id, (cron, *_rest) in EXPECTED.items():
            with self.subTest(dag=dag_id):
                dag = self.dags[dag_id]
                self.assertEqual(cron, dag.schedule.cron)
                self.assertEqual("CronDataIntervalTimetable", type(dag.schedule).__name__,
                                 "a bare cron gives an empty data interval in Airflow 3")
                self.assertEqual("Asia/Shanghai", dag.schedule.timezone)
                self.assertTrue(dag.catchup, "backfill needs catchup")
                self.assertEqual(1, dag.max_active_runs, "months must run one at a time, in order")
                self.assertIsNotNone(dag.start_date.tzinfo, "start_date must be time-zone aware")
                self.assertGreaterEqual(dag.default_args["retries"], 1)
                self.assertTrue(dag.default_args["depends_on_past"])
                self.assertTrue(callable(dag.default_args["on_failure_callback"]))
                self.assertTrue(dag.default_args["owner"])
                self.assertIn("dossier", dag.tags)
                self.assertIn(dag_id.split("_")[1], dag.doc_md.lower())

    def test_by_default_a_pipeline_is_one_submit_that_resumes(self):
        for dag_id, pipeline in PIPELINE.items():
            with self.subTest(dag=dag_id):
                expected = ["run"] if dag_id != "dossier_monthly" else ["wait_for_delivery", "run"]
                self.assertEqual(expected, chain_order(self.dags[dag_id]))
                arguments = self.manifest["pipelines"][pipeline]["one_submit"]["arguments"]
                stages = [t["task_id"] for t in self.manifest["pipelines"][pipeline]["per_stage"]]
                self.assertEqual(",".join(stages), arguments[arguments.index("--stages") + 1])
                self.assertIn("--resume", arguments)

    def test_per_stage_tasks_follow_the_manifest_in_order(self):
        dags = self.per_stage_dags()
        for dag_id, pipeline in PIPELINE.items():
            with self.subTest(dag=dag_id):
                expected = [t["task_id"] for t in self.manifest["pipelines"][pipeline]["per_stage"]]
                if dag_id == "dossier_monthly":
                    expected = ["wait_for_delivery", *expected]
                self.assertEqual(expected, chain_order(dags[dag_id]))

    @staticmethod
    def per_stage_dags() -> dict:
        os.environ["DOSSIER_DAG_TASKS"] = "per-stage"
        try:
            return load_dags()
        finally:
            del os.environ["DOSSIER_DAG_TASKS"]

    def test_spark_submit_arguments_render_to_the_manifest_with_the_as_of_month(self):
        per_stage = self.per_stage_dags()
        for dag_id, (_cron, start, end, as_of) in EXPECTED.items():
            ctx = context(start.replace(tzinfo=timezone.utc), end.replace(tzinfo=timezone.utc), VARIABLES)
            entry = self.manifest["pipelines"][PIPELINE[dag_id]]
            for dags, task in [(self.dags, entry["one_submit"])] + [(per_stage, t) for t in entry["per_stage"]]:
                with self.subTest(dag=dag_id, task=task["task_id"]):
                    submit = dags[dag_id].tasks[task["task_id"]]
                    rendered = rendered_fields(submit, ctx)
                    self.assertEqual(filled(task["arguments"], as_of), rendered["application_args"])
                    self.assertEqual(VARIABLES["dossier_app_jar"], rendered["application"])
                    self.assertEqual(self.manifest["main_class"], submit.java_class)
                    self.assertEqual(self.manifest["spark_conf"], rendered["conf"])
                    self.assertEqual(VARIABLES["dossier_person_key_file"],
                                     rendered["env_vars"]["DOSSIER_PERSON_KEY_FILE"])

    def test_monthly_sensor_checks_the_delivery_of_its_own_month(self):
        sensor = self.dags["dossier_monthly"].tasks["wait_for_delivery"]
        _cron, start, end, as_of = EXPECTED["dossier_monthly"]
        rendered = rendered_fields(sensor, context(start, end, VARIABLES))
        self.assertEqual(as_of, rendered["op_kwargs"]["month"])
        self.assertEqual(VARIABLES["dossier_landing"], rendered["op_kwargs"]["landing"])
        self.assertEqual("reschedule", sensor.mode, "a waiting sensor must not hold a worker slot")


class DeliveryCompletenessTest(unittest.TestCase):
    def setUp(self):
        load_dags()
        from include.dossier_pipeline import delivery_complete

        self.delivery_complete = delivery_complete
        self.required = manifest()["delivery"]["required"]
        self.landing = Path(tempfile.mkdtemp())

    def deliver(self, month: str, entry: dict) -> None:
        folder = self.landing / month / entry["source"]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{entry['dataset']}_{month.replace('-', '')}.csv").write_text("x\n", encoding="utf-8")

    def test_incomplete_until_every_required_dataset_arrived(self):
        self.assertFalse(self.delivery_complete(str(self.landing), "2025-03", self.required), "nothing delivered")
        for entry in self.required[:-1]:
            self.deliver("2025-03", entry)
        self.assertFalse(self.delivery_complete(str(self.landing), "2025-03", self.required), "one missing")
        self.deliver("2025-03", self.required[-1])
        self.assertTrue(self.delivery_complete(str(self.landing), "2025-03", self.required))

    def test_another_months_files_do_not_count(self):
        for entry in self.required:
            self.deliver("2025-02", entry)
        self.assertFalse(self.delivery_complete(str(self.landing), "2025-03", self.required))


if __name__ == "__main__":
    unittest.main()
