#!/usr/bin/env bash
# Builds the release-history registry of bench/release-history.sh in DIR: one workflow,
# support_copilot, released RELEASES times, padded with other artifacts' version tags to TAGS tags.
#   usage: make-release-history.sh DIR RELEASES TAGS
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=release-history.sh
. "$here/release-history.sh"
mkdir -p "$1"
RELEASES="$2" TAGS="$3" make_release_history "$1"
