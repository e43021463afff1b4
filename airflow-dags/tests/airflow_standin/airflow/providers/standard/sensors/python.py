from airflow.models_standin import RecordingOperator


class PythonSensor(RecordingOperator):
    # As in apache-airflow-providers-standard.
    template_fields = ("templates_dict", "op_args", "op_kwargs")
