# The JVM flags a kiosk runs with, in one place: scripts/kiosk starts the kiosk with them and
# scripts/bench runs the in-process benchmarks with them, so both measure what a Pi runs.
# Sourced after scripts/lib/java.sh.
#
#   kiosk_jvm_opts JAVA_HOME   prints the flags for that JVM
#   kiosk_jvm_env              exports the environment the JVM runs in (malloc arenas)

# Small fixed heap and the serial collector: a Pi runs one kiosk, and this keeps the resident
# size small (scripts/bench prints it); C1 only (TieredStopAtLevel=1) starts faster and uses less memory.
# (Jetty otherwise starts the platform MBean server, ~0.1 s, only to ask whether oops are compressed:
# they are under a 64 MB heap, so 64-byte cache lines hold 16 references.)
kiosk_jvm_opts() {
  local opts="-Xms16m -Xmx64m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MaxMetaspaceSize=64m \
 -XX:ReservedCodeCacheSize=32m -XX:CICompilerCount=1 -Dfile.encoding=UTF-8 -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED \
 -Dorg.eclipse.jetty.util.referencesPerCacheLine=16"
  # Netty (in the demo broker) calls sun.misc.Unsafe; JDK 24+ warns unless told (older JDKs lack the flag).
  if kiosk_read_java_major "$1" && [ "$KIOSK_JAVA_MAJOR" -ge 24 ]; then
    opts="$opts --sun-misc-unsafe-memory-access=allow"
  fi
  printf '%s\n' "$opts"
}

# glibc gives each busy thread its own malloc arena; two are plenty for a kiosk and keep the
# resident size down (a common setting for JVMs on small devices).
kiosk_jvm_env() {
  export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
}
