"""Dossier quarterly pipeline: the quarter's lists and analysis report."""
from datetime import datetime, timezone

from include.dossier_pipeline import AS_OF_LAST_MONTH, build_dag

DOC = """
### Dossier quarterly
One run per calendar quarter, on the first day of the next quarter; the as-of month is the
quarter's last month. Runs the manifest's `quarterly` pipeline (analysis of the quarter's lists
and the quarterly report) on what the monthly runs have landed and conformed. The quarter's
figures as reported are in the slice of its last month (`<table>_reported/as_of_month=<YYYY-MM>/`);
a re-run writes that slice again with the same rows.
"""

dag = build_dag(
    dag_id="dossier_quarterly",
    pipeline="quarterly",
    cron="0 8 1 1,4,7,10 *",
    start=datetime(2025, 1, 1, tzinfo=timezone.utc),
    as_of_template=AS_OF_LAST_MONTH,
    doc_md=DOC,
    wait_for_delivery=False,
)
