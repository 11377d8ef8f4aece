# Finds a JDK (or JRE) of version 21 or newer, without relying on the default `java`
# (Debian bookworm's is 17). Sourced by scripts/kiosk, scripts/build, scripts/test and .ci/run.
#
#   kiosk_find_java [--jdk]   prints the home directory of the best candidate, or fails
#
# Order: $KIOSK_JAVA_HOME, $JAVA_HOME, the `java` on PATH, then every JVM under /usr/lib/jvm
# (newest first). --jdk also requires javac (for building).

# Every kiosk start runs this: it forks nothing for a JDK that has a release file (each fork and
# exec of sed, head, sort or readlink cost 5-20 ms on a small machine; the launcher took 0.55 s).

# Sets KIOSK_JAVA_VERSION to "21.0.8" for the JDK at $1, from its release file (running java
# -version costs ~80 ms a candidate).
kiosk_read_java_version() {
  local line
  KIOSK_JAVA_VERSION=""
  if [ -f "$1/release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case $line in
        JAVA_VERSION=*) line=${line#JAVA_VERSION=}; line=${line#\"}; KIOSK_JAVA_VERSION=${line%%\"*}; break ;;
      esac
    done < "$1/release"
  fi
  [ -n "$KIOSK_JAVA_VERSION" ] || KIOSK_JAVA_VERSION=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)
  [ -n "$KIOSK_JAVA_VERSION" ]
}

# Sets KIOSK_JAVA_MAJOR: "21.0.8" -> 21 ; "1.8.0_402" -> 8
kiosk_read_java_major() {
  local v
  kiosk_read_java_version "$1" || return 1
  v=$KIOSK_JAVA_VERSION
  case "$v" in 1.*) v=${v#1.} ;; esac
  KIOSK_JAVA_MAJOR=${v%%[.+-]*}
}

kiosk_java_version() {
  kiosk_read_java_version "$1" || return 1
  echo "$KIOSK_JAVA_VERSION"
}

kiosk_java_major() {
  kiosk_read_java_major "$1" || return 1
  echo "$KIOSK_JAVA_MAJOR"
}

# True when $1 is a Java 21+ (with javac when $2 is 1).
kiosk_java_fits() {
  [ -x "$1/bin/java" ] || return 1
  [ "$2" = 1 ] && [ ! -x "$1/bin/javac" ] && return 1
  kiosk_read_java_major "$1" 2>/dev/null || return 1
  [ "$KIOSK_JAVA_MAJOR" -ge 21 ] 2>/dev/null
}

kiosk_find_java() {
  local need_jdk=0 home java best="" best_major=0
  [ "${1:-}" = "--jdk" ] && need_jdk=1
  # in order, and no further than the first that fits
  for home in "${KIOSK_JAVA_HOME:-}" "${JAVA_HOME:-}"; do
    if [ -n "$home" ] && kiosk_java_fits "$home" "$need_jdk"; then echo "$home"; return 0; fi
  done
  if java=$(command -v java 2>/dev/null); then
    [ -L "$java" ] && java=$(readlink -f "$java")
    home=${java%/bin/java}
    if [ "$home" != "$java" ] && kiosk_java_fits "$home" "$need_jdk"; then echo "$home"; return 0; fi
  fi
  # the newest under /usr/lib/jvm (not its version-less symlinks)
  for home in /usr/lib/jvm/*/; do
    home=${home%/}
    [ -L "$home" ] && continue
    if kiosk_java_fits "$home" "$need_jdk" && [ "$KIOSK_JAVA_MAJOR" -gt "$best_major" ]; then
      best=$home
      best_major=$KIOSK_JAVA_MAJOR
    fi
  done
  if [ -n "$best" ]; then echo "$best"; return 0; fi
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
