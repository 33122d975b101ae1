#!/usr/bin/env bash
# Installs everything the tests need on a fresh Debian machine, then runs every test.
set -euo pipefail
cd "$(dirname "$0")"
./scripts/install-test-deps.sh
export PATH="$PWD/.tools/bin:$PATH"
dotnet test GitOpsOperator.sln -c Release --blame-hang-timeout 6m --logger "console;verbosity=minimal" "$@"
