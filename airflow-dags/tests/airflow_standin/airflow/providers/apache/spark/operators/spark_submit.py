from airflow.models_standin import RecordingOperator


class SparkSubmitOperator(RecordingOperator):
    # As in apache-airflow-providers-apache-spark.
    template_fields = ("application", "conf", "files", "py_files", "jars", "driver_class_path", "packages",
                       "exclude_packages", "keytab", "principal", "proxy_user", "name", "application_args",
                       "env_vars", "properties_file")
