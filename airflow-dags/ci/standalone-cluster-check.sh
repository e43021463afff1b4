#!/usr/bin/env bash
# Proof on a real Spark cluster: starts a Spark standalone master and two workers on 127.0.0.1
# from the Maven-provided Spark jars (a SPARK_HOME whose jars/ links to them), submits the whole
# pipeline for one month with spark-submit's own main class, checks that every table equals a
# lake built in local mode from the same landing folder, and stops everything it started (by
# process id), whatever happens.
#
#   standalone-cluster-check.sh LANDING LOCAL_LAKE MONTH
#
# tests/test_dag_commands_run.py (run by `mvn -B verify`) calls it with the lake its DAG tasks
# built for MONTH in local mode. The environment gives:
#   DOSSIER_APP_JAR                the spark-submit application (jobs/target/*-app.jar)
#   DOSSIER_SPARK_CLASSPATH_FILE   Spark's own classpath (no Dossier dependencies)
#   DOSSIER_JAVA_OPENS             the --add-opens flags Spark needs on Java 17
#   DOSSIER_TEST_WORK              a scratch folder (deleted and recreated)
set -euo pipefail

[[ $# -eq 3 ]] || { echo "usage: standalone-cluster-check.sh LANDING LOCAL_LAKE MONTH" >&2; exit 2; }
landing=$1 local_lake=$2 month=$3
[[ -d "$local_lake/curated" ]] || { echo "standalone-cluster-check: no curated tables in $local_lake" >&2; exit 1; }
: "${DOSSIER_APP_JAR:?}" "${DOSSIER_SPARK_CLASSPATH_FILE:?}" "${DOSSIER_JAVA_OPENS:?}" "${DOSSIER_TEST_WORK:?}"
[[ -f "$DOSSIER_APP_JAR" ]] || { echo "standalone-cluster-check: no app jar at $DOSSIER_APP_JAR (build jobs first)" >&2; exit 1; }

work=$DOSSIER_TEST_WORK
rm -rf "$work" && mkdir -p "$work/spark-home/jars" "$work/logs"
spark_cp=$(cat "$DOSSIER_SPARK_CLASSPATH_FILE")
tr ':' '\n' <<<"$spark_cp" | while read -r jar; do ln -s "$jar" "$work/spark-home/jars/"; done

export SPARK_HOME=$work/spark-home SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
# The local profile names local[*]; empty lets spark-submit's --master decide (no local-mode assumption).
export DOSSIER_SPARK_MASTER=
read -r -a opens <<<"$DOSSIER_JAVA_OPENS"

pids=()
stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
  done
}
trap stop_all EXIT

step() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

dossier() { # runs Dossier's Main outside spark-submit (compare) with the app jar
  timeout 600 java -Xmx2g "${opens[@]}" -cp "$DOSSIER_APP_JAR:$spark_cp" dossier.cli.Main "$@"
}
submit() { # spark-submit, as the real script would run it
  local master=$1; shift
  timeout 900 java -Xmx1g "${opens[@]}" -cp "$spark_cp" org.apache.spark.deploy.SparkSubmit \
    --master "$master" --deploy-mode client --class dossier.cli.Main \
    --conf "spark.executor.extraJavaOptions=$DOSSIER_JAVA_OPENS" --conf spark.executor.memory=768m \
    --conf spark.driver.host=127.0.0.1 --conf spark.sql.shuffle.partitions=4 \
    "$DOSSIER_APP_JAR" "$@"
}

port=$(free_port)
step "standalone master on 127.0.0.1:$port and two workers"
java -Xmx512m "${opens[@]}" -cp "$spark_cp" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$port" --webui-port "$(free_port)" > "$work/logs/master.log" 2>&1 &
pids+=($!)
for i in 1 2; do
  java -Xmx512m "${opens[@]}" -cp "$spark_cp" org.apache.spark.deploy.worker.Worker \
    --cores 1 --memory 1g --work-dir "$work/worker$i" --webui-port "$(free_port)" \
    "spark://127.0.0.1:$port" > "$work/logs/worker$i.log" 2>&1 &
  pids+=($!)
done
for _ in $(seq 1 90); do
  [[ $(grep -c "Registering worker" "$work/logs/master.log" 2>/dev/null || true) -ge 2 ]] && break
  sleep 1
done
[[ $(grep -c "Registering worker" "$work/logs/master.log") -ge 2 ]] || { echo "workers did not register" >&2; exit 1; }

step "cluster run of $month (spark-submit --master spark://127.0.0.1:$port)"
submit "spark://127.0.0.1:$port" run --landing "$landing" --lake "$work/lake-cluster" --as-of "$month" \
  > "$work/logs/cluster.out"
grep -q "ExecutorRunner" "$work/logs/worker1.log" "$work/logs/worker2.log" \
  || { echo "no executor ran on the workers: the run did not use the cluster" >&2; exit 1; }

step "compare every layer: cluster against local"
DOSSIER_SPARK_MASTER=local[2] dossier compare --left "$local_lake" --right "$work/lake-cluster" \
  --layers raw,conformed,analysed,curated | tee "$work/logs/compare.out"
step "standalone cluster run equals the local lake"
