#!/usr/bin/env bash
# Reproducible builds: builds the published modules of the committed tree twice, in two directories of different
# names and at different times, and compares the sha256 of every jar (classes, sources, Javadoc, the testkit's
# standalone jar). Exits non-zero, showing the differing lines, when any pair differs.
#   bash .ci/reproducible.sh            # HEAD
#   bash .ci/reproducible.sh <commit>
set -euo pipefail
cd "$(dirname "$0")/.."
rev="${1:-HEAD}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

build() {
  local dir="$work/$1"
  mkdir -p "$dir"
  git archive "$rev" | tar -x -C "$dir"
  # the release profile's reactor: every published module (and the examples, which are not staged)
  (cd "$dir" && mvn -B -q -Prelease -DskipTests package)
  (cd "$dir" && find . -path '*/target/*' -maxdepth 3 \( -name '*.jar' -o -name '*.pom' \) -print \
      | grep -v '/examples/' | sort | xargs sha256sum) > "$work/$1.sha256"
}

build first-build
sleep 2   # a second later on the clock, so a timestamp that leaked into an archive shows
build second-build-elsewhere

count="$(wc -l < "$work/first-build.sha256")"
if [ "$count" -eq 0 ]; then
  echo "no jar was built" >&2
  exit 1
fi
if diff "$work/first-build.sha256" "$work/second-build-elsewhere.sha256"; then
  echo "reproducible: $count archives byte-identical across two builds"
  cat "$work/first-build.sha256"
else
  echo "NOT reproducible: the archives above differ between two builds of $rev" >&2
  exit 1
fi
