"""Test-only recording stand-in for the Airflow API subset Dossier's DAGs use (see README.md)."""
