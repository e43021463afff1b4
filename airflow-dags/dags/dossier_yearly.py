"""Dossier yearly pipeline: grades, awards and the annual data report."""
from datetime import datetime, timezone

from include.dossier_pipeline import AS_OF_LAST_MONTH, build_dag

DOC = """
### Dossier yearly
One run per year, on 1 April, once the annual assessments (delivered January to March) are in;
the as-of month is March. Runs the manifest's `yearly` pipeline: the previous year's "5+1" and
"4+1" grades, the three lists, steed and snail awards, and the annual data report. The grades
and awards as reported then are in March's slices (`<table>_reported/as_of_month=<YYYY>-03/`),
the latest ones in the restated tables.
"""

dag = build_dag(
    dag_id="dossier_yearly",
    pipeline="yearly",
    cron="0 8 1 4 *",
    start=datetime(2025, 4, 1, tzinfo=timezone.utc),
    as_of_template=AS_OF_LAST_MONTH,
    doc_md=DOC,
    wait_for_delivery=False,
)
