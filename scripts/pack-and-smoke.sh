#!/usr/bin/env bash
# Packs every package into a temporary folder, installs `mi` from it as a .NET tool into a temporary tool path,
# runs `mi simulate` (small), `mi estimate` on a generated CSV and a tiny neural estimate (libtorch loads from the
# trimmed package), then builds and runs samples/QuickStart against the packed MutualInfo package.
# Besides the Release build in the projects' bin/ and obj/, it writes only to the temporary folder: its own NuGet
# cache (so a re-pack of the same version is never shadowed by a cached copy), tool path and native-library cache. Usage: bash scripts/pack-and-smoke.sh [--keep]  (--keep leaves the folder for a look)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
work=$(mktemp -d -t mi-pack-smoke.XXXXXX)
[[ "${1:-}" == "--keep" ]] || trap 'rm -rf "$work"' EXIT
export NUGET_PACKAGES="$work/nuget-packages" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The tool's patched LibTorchSharp copy goes to $XDG_CACHE_HOME/mutualinfo: keep it in the temporary folder too.
export XDG_CACHE_HOME="$work/cache"
# Dependencies (Sep, System.Numerics.Tensors, …) come from the user's package cache (read only) when present, else nuget.org.
user_cache="${HOME}/.nuget/packages"
step() { printf '== %s (%ds)\n' "$1" "$SECONDS"; }

step "pack"
dotnet pack "$repo/MutualInfo.slnx" -c Release -o "$work/packages" --nologo -v quiet
version=$(dotnet msbuild "$repo/src/MutualInfo/MutualInfo.csproj" -getProperty:Version)
ls -l "$work/packages"
for package in MutualInfo MutualInfo.Neural MutualInfo.Cli; do
    for ext in nupkg snupkg; do
        [[ -f "$work/packages/$package.$version.$ext" ]] || { echo "missing $package.$version.$ext" >&2; exit 1; }
    done
done
cli_bytes=$(stat -c %s "$work/packages/MutualInfo.Cli.$version.nupkg")
(( cli_bytes < 250 * 1000 * 1000 )) || { echo "MutualInfo.Cli.$version.nupkg is $cli_bytes bytes, over nuget.org's 250 MB" >&2; exit 1; }

step "install the tool"
dotnet tool install MutualInfo.Cli --version "$version" --tool-path "$work/tools" --add-source "$work/packages"
mi="$work/tools/mi"

step "mi simulate"
"$mi" simulate --family gaussian:dim=2,mi=1 --bounds infonce,nwj --n 4,64 --trials 50 --json "$work/simulate.json" --plot "$work/simulate.png" --seed 3
grep -q '"bound": *"infonce"' "$work/simulate.json" || { echo "simulate.json has no infonce row" >&2; exit 1; }

step "mi estimate"
awk 'BEGIN { srand(7); print "X1,Y1"; for (i = 0; i < 500; i++) { x = rand(); printf "%.17g,%.17g\n", x, x + 0.2 * rand() - 0.1 } }' > "$work/data.csv"
"$mi" estimate "$work/data.csv" --splits 4 --json "$work/estimate.json"
grep -q '"estimator": *"ksg-copula"' "$work/estimate.json" || { echo "estimate.json lacks the estimator" >&2; exit 1; }
"$mi" estimate "$work/data.csv" --estimator infonce --steps 30 --eval-every 10 --json "$work/neural.json" > /dev/null
grep -q '"estimator": *"infonce"' "$work/neural.json" || { echo "the neural estimate did not run" >&2; exit 1; }

step "samples/QuickStart against the packed packages"
dotnet run --project "$repo/samples/QuickStart" -c Release -p:RestoreAdditionalProjectSources="$work/packages%3B$user_cache" \
    -p:BaseIntermediateOutputPath="$work/quickstart/obj/" -p:BaseOutputPath="$work/quickstart/bin/" | tee "$work/quickstart.txt"
grep -q '^I(X;Y) = ' "$work/quickstart.txt" || { echo "QuickStart printed no estimate" >&2; exit 1; }

step "done"
