#!/usr/bin/env bash
# Builds what is needed and runs the whole of commentflow on this machine:
# Kafka (KRaft, its own process), PostgreSQL, an SMTP sink with a web inbox and the four services.
# Data and logs stay in .local/ between runs. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
echo "commentflow: building the jars (mvn -DskipTests package)..."
mvn -q -DskipTests package
exec java -jar local-runner/target/local-runner.jar "$@"
