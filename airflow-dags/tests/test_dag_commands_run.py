"""Executes the monthly DAG's spark-submit commands for real, with Spark's own SparkSubmit main
class from the Maven classpath standing in for the spark-submit script, and proves that a
backfill through them (every delivery folder in turn, then the last month cleared and re-run)
equals one `run --as-of` per month in order.

To keep CI short, the backfill runs its commands through SparkSubmit in one warm JVM
(tests/java/SubmitEach.java), as does the reference lake; the re-run of the last month runs task
by task, one JVM per task in dependency order, exactly as Airflow workers would (so no task
leans on what an earlier one left in memory). Maven (airflow-dags module) provides the app jar
and Spark's classpath. DOSSIER_DAG_TEST_MONTHS sets the number of delivery folders (CI: 3; 7 for
a backfill of six monthly deliveries).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import unittest
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tests.dag_loading import chain_order, load_dags
from tests.rendering import context, rendered_fields

ENV = ("DOSSIER_APP_JAR", "DOSSIER_SPARK_CLASSPATH_FILE", "DOSSIER_JAVA_OPENS", "DOSSIER_TEST_WORK")
# Delivery folders: the backfill folder and the monthly deliveries after it.
MONTHS = int(os.environ.get("DOSSIER_DAG_TEST_MONTHS", "3"))
CADRES = 200  # the generator's smallest district
# First month of the backfill folder's history (the default goes back to 2013): short, so CI stays quick.
HISTORY_START = "2025-01"
TIMEOUT = 900


@unittest.skipUnless(all(os.environ.get(v) for v in ENV), "run by `mvn -B verify -Pcluster-proof`, which provides the jars")
class DagCommandsRunTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = Path(os.environ["DOSSIER_TEST_WORK"])
        shutil.rmtree(cls.work, ignore_errors=True)
        cls.work.mkdir(parents=True)
        cls.app_jar = os.environ["DOSSIER_APP_JAR"]
        cls.spark_cp = Path(os.environ["DOSSIER_SPARK_CLASSPATH_FILE"]).read_text().strip()
        cls.opens = os.environ["DOSSIER_JAVA_OPENS"].split()
        cls.landing = cls.work / "landing"
        cls.java([f"-Ddossier.sample.history-start={HISTORY_START}", "-cp", f"{cls.app_jar}:{cls.spark_cp}",
                  "dossier.cli.Main", "sample", "--out", str(cls.landing),
                  "--cadres", str(CADRES), "--months", str(MONTHS - 1)], "sample")
        cls.months = sorted(p.name for p in cls.landing.iterdir() if p.is_dir())
        cls.dag = load_dags()["dossier_monthly"]

    @classmethod
    def java(cls, args: list[str], name: str) -> None:
        log = cls.work / f"{name}.log"
        with log.open("w") as out:
            result = subprocess.run(["java", "-Xmx2g", *cls.opens, *args], stdout=out, stderr=subprocess.STDOUT,
                                    timeout=TIMEOUT, env={**os.environ, "DOSSIER_SPARK_MASTER": ""})
        if result.returncode != 0:
            raise AssertionError(f"{name} exited {result.returncode}; last lines:\n" +
                                 "\n".join(log.read_text().splitlines()[-30:]))

    def rendered(self, month: str, lake: Path) -> list[tuple[str, dict]]:
        """The monthly DAG's tasks for one month, in dependency order, with rendered fields."""
        start = datetime.strptime(month, "%Y-%m").replace(tzinfo=timezone.utc)
        end = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
        ctx = context(start, end, {"dossier_landing": str(self.landing), "dossier_lake": str(lake),
                                   "dossier_conf": str(self.profile()), "dossier_app_jar": self.app_jar,
                                   "dossier_person_key_file": ""})
        return [(task_id, rendered_fields(self.dag.tasks[task_id], ctx)) for task_id in chain_order(self.dag)]

    def profile(self) -> Path:
        """A local profile whose master is left to spark-submit."""
        path = self.work / "dag-test.conf"
        path.write_text('include classpath("application.conf")\ndossier.spark.master = ""\n', encoding="utf-8")
        return path

    def spark_submit_argv(self, fields: dict) -> list[str]:
        argv = ["--master", "local[2]", "--class", self.dag.tasks["land"].java_class, "--name", fields["name"]]
        for key, value in fields["conf"].items():
            argv += ["--conf", f"{key}={value}"]
        return [*argv, fields["application"], *fields["application_args"]]

    def test_backfill_through_dag_commands_equals_one_run_per_month(self):
        dag_lake, run_lake = self.work / "lake-dag", self.work / "lake-run"
        backfill = [["spark-submit", *self.spark_submit_argv(fields)]
                    for month in self.months for _, fields in self.spark_tasks(month, dag_lake)]
        self.submit_each(backfill, "backfill")
        self.assertTrue(any((dag_lake / "curated").rglob("*.parquet")), "no curated Parquet after the backfill")

        last = self.months[-1]
        for task_id, fields in self.spark_tasks(last, dag_lake):  # a cleared DAG run: one JVM per task
            self.java(["-cp", self.spark_cp, "org.apache.spark.deploy.SparkSubmit", *self.spark_submit_argv(fields)],
                      f"rerun-{last}-{task_id}")

        run_per_month = [self.dossier("run", "--landing", str(self.landing), "--lake", str(run_lake),
                                      "--conf", str(self.profile()), "--as-of", m) for m in self.months]
        # compare exits non-zero when the lakes differ, which fails submit_each
        compare = self.dossier("compare", "--left", str(run_lake), "--right", str(dag_lake),
                               "--layers", "raw,conformed,analysed,curated", "--conf", str(self.profile()))
        self.submit_each([*run_per_month, compare], "run-per-month-and-compare")

    def spark_tasks(self, month: str, lake: Path) -> list[tuple[str, dict]]:
        """The month's Spark tasks in dependency order, after checking that its delivery sensor would pass."""
        from include.dossier_pipeline import delivery_complete

        tasks = []
        for task_id, fields in self.rendered(month, lake):
            if task_id == "wait_for_delivery":
                self.assertTrue(delivery_complete(**fields["op_kwargs"]), f"delivery {month} should be complete")
            else:
                tasks.append((task_id, fields))
        return tasks

    def dossier(self, *args: str) -> list[str]:
        """A bin/dossier command as spark-submit runs it (the profile leaves the master to spark-submit)."""
        return ["spark-submit", "--master", "local[2]", "--class", "dossier.cli.Main", self.app_jar, *args]

    def submit_each(self, commands: list[list[str]], name: str) -> None:
        launcher = self.work / "launcher"
        if not (launcher / "SubmitEach.class").exists():
            subprocess.run(["javac", "-d", str(launcher), "-cp", self.spark_cp,
                            str(Path(__file__).with_name("java") / "SubmitEach.java")], check=True)
        script = self.work / f"{name}.commands"
        script.write_text("\n".join("\t".join(c) for c in commands) + "\n", encoding="utf-8")
        self.java(["-cp", f"{launcher}:{self.app_jar}:{self.spark_cp}", "SubmitEach", str(script)], name)


if __name__ == "__main__":
    unittest.main()
