from airflow.models_standin import RecordingDag as DAG

# Recorded so that tests can prove DAG files read no Variable while being parsed.
variable_reads: list[str] = []


class Variable:
    @staticmethod
    def get(key, default_var=None, **kwargs):
        variable_reads.append(key)
        return default_var


__all__ = ["DAG", "Variable", "variable_reads"]
