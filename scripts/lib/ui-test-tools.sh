# Browser-test tools from the npm registry (axe-core for the accessibility scans), pinned by
# kiosk-core/src/test/npm/package-lock.json and installed with `npm ci` only when the lock changed.
# Without npm the accessibility tests say so and are skipped; .ci/run installs npm.
kiosk_ui_test_tools() {
  local dir=kiosk-core/src/test/npm
  if ! command -v npm >/dev/null 2>&1; then
    echo "WARNING: npm is not installed (apt install npm): the accessibility scans (axe-core) are skipped" >&2
    return 0
  fi
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.lock-installed"; then
    (cd "$dir" && npm ci --no-audit --no-fund --silent && cp package-lock.json node_modules/.lock-installed)
  fi
}
