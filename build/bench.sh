#!/usr/bin/env bash
# Benchmarks MlBuild against plain ML.NET and plain .NET builds and writes tests/MlBuild.Benchmarks/RESULTS.md
# (see the method there). Packs MlBuild from this tree into a temporary feed, then runs the benchmark program,
# which works in a temporary folder (1 GB of generated data, isolated NuGet packages and model caches) that is
# deleted at the end. Takes about 7 minutes on 2 cores, plus 20 to 30 for the scale benchmark (generated CSVs of
# 100 MB and 1 GB, trained by MlBuild and by hand). Run it on a quiet machine: it measures time and memory.
#
#   bash build/bench.sh                          # everything
#   bash build/bench.sh --only noop,hash         # some benchmarks (noop, hash, retrain, evaluate, scale, remote)
#   bash build/bench.sh --only remote --results tests/MlBuild.Benchmarks/RESULTS-remote.md   # the remote cache: nginx and s3rver (tests/.servers), about 9 minutes
#   bash build/bench.sh --rounds 5 --retrain-rounds 3 --evaluate-rounds 3 --data-mb 256 --results /tmp/R.md   # a quicker, smaller run
#   bash build/bench.sh --only scale --scale-mb 20,60 --scale-rounds 2 --results /tmp/scale.md   # the scale benchmark, small
#   bash build/bench.sh --only scale --scale-mb 10240 --scale-rounds 1 --scale-trainers OnlineGradientDescent --results /tmp/10g.md   # 10 GB, by hand (about 17 minutes, 11 GB of disk)
set -euo pipefail
cd "$(dirname "$0")/.."

root="$(mktemp -d "${TMPDIR:-/tmp}/mlbuild-bench.XXXXXX")"
trap 'rm -rf "$root"' EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0

# The load before this script adds its own: is the machine quiet enough to measure?
load_before="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
echo "Load average before packing: $load_before"
# What is packed, recorded now: others may commit to this tree while the benchmark runs.
source="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
git diff --quiet HEAD 2>/dev/null || source="$source with uncommitted changes"
echo "Packing MlBuild (commit $source) into $root/feed"
dotnet pack src/MlBuild/MlBuild.csproj -c Release -o "$root/feed" -nodeReuse:false -tl:off -v:q

dotnet run -c Release --project tests/MlBuild.Benchmarks -- --feed "$root/feed" --work "$root/work" --load-before "$load_before" --source "commit $source" "$@"
