#!/usr/bin/env bash
# Installs the system packages MutualInfo needs on Debian 12: fonts for plot text (ScottPlot draws no text without
# them) and libgomp for libtorch; with --aot also clang and zlib1g-dev, which the Native AOT publish of mi links with
# (README, "Commands"). Idempotent; does nothing when everything is present.
set -euo pipefail
needed=(fonts-dejavu-core libgomp1)
[[ "${1:-}" == "--aot" ]] && needed+=(clang zlib1g-dev)
missing=()
for p in "${needed[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  echo "setup: installed ${missing[*]}" >&2
fi
