# Finds a JDK (or JRE) of version 21 or newer, without relying on the default `java`
# (Debian bookworm's is 17). Sourced by scripts/kiosk, scripts/build, scripts/test and .ci/run.
#
#   kiosk_find_java [--jdk]   prints the home directory of the best candidate, or fails
#
# Order: $KIOSK_JAVA_HOME, $JAVA_HOME, the `java` on PATH, then every JVM under /usr/lib/jvm
# (newest first). --jdk also requires javac (for building).

kiosk_java_version() {
  # "21.0.8". The JDK's release file first: running java -version costs ~80 ms a candidate,
  # which every kiosk start would pay.
  local v=""
  [ -f "$1/release" ] && v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release" | head -n1)
  [ -n "$v" ] || v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)
  [ -n "$v" ] || return 1
  echo "$v"
}

kiosk_java_major() {
  # "openjdk version "21.0.8" 2025-07-15" -> 21 ; "1.8.0_402" -> 8
  local v
  v=$(kiosk_java_version "$1") || return 1
  case "$v" in 1.*) v=${v#1.} ;; esac
  echo "${v%%[.+-]*}"
}

kiosk_find_java() {
  local need_jdk=0 candidates=() home major
  [ "${1:-}" = "--jdk" ] && need_jdk=1
  [ -n "${KIOSK_JAVA_HOME:-}" ] && candidates+=("$KIOSK_JAVA_HOME")
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  if [ -d /usr/lib/jvm ]; then
    while IFS= read -r home; do candidates+=("$home"); done < <(
      for h in /usr/lib/jvm/*/; do
        h=${h%/}
        [ -x "$h/bin/java" ] && [ ! -L "$h" ] && printf '%s %s\n' "$(kiosk_java_major "$h" 2>/dev/null || echo 0)" "$h"
      done | sort -rn | cut -d' ' -f2-)
  fi
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] || continue
    [ "$need_jdk" = 1 ] && [ ! -x "$home/bin/javac" ] && continue
    major=$(kiosk_java_major "$home" 2>/dev/null) || continue
    if [ "$major" -ge 21 ] 2>/dev/null; then
      echo "$home"
      return 0
    fi
  done
  {
    echo "kiosk: no Java 21 or newer found (looked at \$KIOSK_JAVA_HOME, \$JAVA_HOME, the java on PATH and /usr/lib/jvm)."
    echo "       Install one: Debian 13 / Raspberry Pi OS Trixie 'sudo apt install openjdk-21-jdk-headless';"
    echo "       Debian 12 / Bookworm has no Java 21 in apt: 'temurin-21-jdk' from packages.adoptium.net"
    echo "       (Raspberry Pi: Java 21.0.8 or newer),"
    echo "       or point JAVA_HOME at a JDK 21+."
  } >&2
  return 1
}

# Maven's own libraries call sun.misc.Unsafe; JDK 24+ warns about it on every run.
kiosk_maven_opts() {
  local major
  major=$(kiosk_java_major "$1" 2>/dev/null || echo 0)
  if [ "$major" -ge 24 ]; then
    echo "${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  else
    echo "${MAVEN_OPTS:-}"
  fi
}
