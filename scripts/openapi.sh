#!/usr/bin/env bash
# The reporter's API code comes from Services/Reporter/openapi.yaml (docs/API.md).
#   bash scripts/openapi.sh generate   writes Services/Reporter/Library/API/Generated/
#   bash scripts/openapi.sh check      fails when the committed code is not what the spec gives
# The generator is a package of its own (scripts/openapi/), so building Plafond never builds
# it: its first debug build (OpenAPIKit, Yams) takes minutes on two cores, and a build
# plugin would add them to every clean build of the main package.
set -euo pipefail
cd "$(dirname "$0")/.."
spec=Services/Reporter/openapi.yaml
config=Services/Reporter/openapi-generator-config.yaml
committed=Services/Reporter/Library/API/Generated

generate_into() {
    local out="$1"
    mkdir -p "$out"
    local log
    log="$(mktemp)"
    # The generator prints its configuration on every run: shown only when it fails.
    if ! swift run --package-path scripts/openapi --quiet swift-openapi-generator generate "$spec" \
        --config "$config" --output-directory "$out" >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        return 1
    fi
    rm -f "$log"
    # Generated code keeps the generator's layout; swift-format's lint skips it.
    for file in "$out"/*.swift; do
        { echo "// swift-format-ignore-file"; cat "$file"; } >"$file.tmp" && mv "$file.tmp" "$file"
    done
}

case "${1:-}" in
generate)
    generate_into "$committed"
    echo "openapi: generated $committed from $spec"
    ;;
check)
    scratch="$(mktemp -d)"
    trap 'rm -rf "$scratch"' EXIT
    generate_into "$scratch"
    if ! diff -ru "$committed" "$scratch"; then
        echo "openapi: $committed is not what $spec gives; run: bash scripts/openapi.sh generate" >&2
        exit 1
    fi
    echo "openapi: the generated code matches $spec"
    ;;
*)
    echo "usage: bash scripts/openapi.sh generate|check" >&2
    exit 2
    ;;
esac
