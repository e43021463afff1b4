"""Dossier monthly pipeline: wait for the month's delivery, then land, conform, analyse, publish."""
from datetime import datetime, timezone

from include.dossier_pipeline import AS_OF_FIRST_MONTH, build_dag

DOC = """
### Dossier monthly
One run per delivery month (the data interval's month is the **as-of month**). Waits until the
delivery folder `<landing>/<YYYY-MM>/` holds every required dataset (see the stage manifest),
then runs the stages of the manifest's `monthly` pipeline with `spark-submit`. Every task is
idempotent for its month: clear and re-run freely. Publish writes the month's reported slices
(`curated/<zone>/<table>_reported/as_of_month=<YYYY-MM>/`) and the restated tables that changed;
clearing an earlier month's run rewrites that month's slices only, and the restated tables stay
as of the latest month analysed. Backfill month by month
(`airflow dags backfill dossier_monthly -s 2024-11-01 -e 2025-04-30`): runs go one at a time, in
order. Variables: `dossier_landing`, `dossier_lake`, `dossier_conf`, `dossier_app_jar`,
`dossier_person_key_file`; Spark connection: env `DOSSIER_SPARK_CONN_ID` (default `spark_default`).
"""

dag = build_dag(
    dag_id="dossier_monthly",
    pipeline="monthly",
    cron="0 6 1 * *",
    start=datetime(2024, 11, 1, tzinfo=timezone.utc),
    as_of_template=AS_OF_FIRST_MONTH,
    doc_md=DOC,
    wait_for_delivery=True,
)
