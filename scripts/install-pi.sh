#!/usr/bin/env bash
# Installs the kiosk on a Raspberry Pi (Raspberry Pi OS / Debian with systemd), as root.
# Idempotent: run it again after every update; an existing /etc/kiosk configuration is kept.
#
#   install-pi.sh [--dry-run] [--root DIR] [--app-dir DIR] [--desktop-user USER]
#   --dry-run            print every action, do none
#   --root DIR           write every file under DIR and only print the system actions
#                        (apt-get, groupadd/useradd/usermod, chown, systemctl): for testing
#   --app-dir DIR        the built application (kiosk.jar + lib/); default kiosk-core/target,
#                        built with scripts/build when missing
#   --desktop-user USER  who is logged in on the touchscreen (runs Chromium); default lightdm's
#                        autologin user, else the user with uid 1000
#   --help
set -euo pipefail
repo=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
. "$repo/scripts/lib/java.sh"

MIN_JAVA=21.0.8   # Java 21 before 21.0.8 crashes on the Pi 3's Cortex-A53 (JDK-8353237)
dry=0 root="" app_dir="" desktop_user=""
usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) dry=1 ;;
    --root) root=$(readlink -m "${2:?--root needs a directory}"); shift ;;
    --app-dir) app_dir=${2:?--app-dir needs a directory}; shift ;;
    --desktop-user) desktop_user=${2:?--desktop-user needs a user name}; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install-pi.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
# The system is only changed for real without --dry-run and --root.
live=1; { [ "$dry" = 1 ] || [ -n "$root" ]; } && live=0
if [ "$live" = 1 ] && [ "$(id -u)" != 0 ]; then
  echo "install-pi.sh: run it as root (sudo $0), or try --dry-run first" >&2; exit 1
fi

# --- helpers: file actions happen under $root (unless --dry-run); system actions only when live.
system() {
  if [ "$live" = 1 ]; then echo "run: $*"; "$@"; else echo "would run: $*"; fi
}
changed=0
put_file() { # src dest mode
  local target="$root$2"
  if [ -f "$target" ] && cmp -s "$1" "$target"; then return 0; fi
  changed=1
  if [ "$dry" = 1 ]; then echo "would install $2"; return 0; fi
  install -D -m "$3" "$1" "$target"
  echo "installed $2"
}
put_dir() { # dir mode
  [ -d "$root$1" ] && return 0
  if [ "$dry" = 1 ]; then echo "would create $1"; else install -d -m "$2" "$root$1"; echo "created $1"; fi
}
put_config() { # src dest: a configuration someone may have edited is never overwritten
  if [ -f "$root$2" ] && ! cmp -s "$1" "$root$2"; then
    echo "keeping $2 (edited here); the shipped version is $2.new"
    put_file "$1" "$2.new" 0640
  else
    put_file "$1" "$2" 0640
  fi
}
put_text() { # dest mode text
  local tmp; tmp=$(mktemp); printf '%s\n' "$3" >"$tmp"; put_file "$tmp" "$1" "$2"; rm -f "$tmp"
}
version_at_least() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]; }
missing_packages() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || echo "$p"
  done
}
has_candidate() { apt-cache policy "$1" 2>/dev/null | grep -q 'Candidate: [0-9]'; }

# --- the application
[ -n "$app_dir" ] || app_dir=$repo/kiosk-core/target
if [ ! -f "$app_dir/kiosk.jar" ]; then
  if [ "$dry" = 1 ]; then echo "would build the application: $repo/scripts/build"
  else echo "building the application"; "$repo/scripts/build"; fi
fi

# --- packages: a Java >= 21.0.8, fonts with every Vietnamese letter, Chromium for the touchscreen,
# espeak-ng for its spoken guidance (Chromium on the Pi has no Vietnamese voice of its own)
java_home() { env -u JAVA_HOME -u KIOSK_JAVA_HOME PATH=/usr/sbin:/usr/bin:/sbin:/bin bash -c ". '$repo/scripts/lib/java.sh'; kiosk_find_java" 2>/dev/null; }
packages=(fonts-dejavu-core fonts-noto-core curl espeak-ng)
# Raspberry Pi OS Bookworm calls its Chromium chromium-browser; Debian and Trixie call it chromium.
browser=chromium
if [ -z "$(missing_packages chromium-browser)" ] || { [ -n "$(missing_packages chromium)" ] && has_candidate chromium-browser; }; then
  browser=chromium-browser
fi
packages+=("$browser")
jhome=$(java_home || true)
# (--root lists every package: the machine running the test is not the Pi.)
if [ -n "$root" ] || [ -z "$jhome" ] || ! version_at_least "$(kiosk_java_version "$jhome")" "$MIN_JAVA"; then
  if has_candidate openjdk-21-jre-headless || [ -n "$root" ]; then
    packages+=(openjdk-21-jre-headless)
  else
    echo "install-pi.sh: no Java >= $MIN_JAVA here and apt offers no openjdk-21 (Bookworm has none)." >&2
    echo "       Install a Java 21 >= $MIN_JAVA (e.g. temurin-21-jre from packages.adoptium.net), then run this again." >&2
    exit 1
  fi
fi
if [ -n "$root" ]; then missing=("${packages[@]}"); else mapfile -t missing < <(missing_packages "${packages[@]}"); fi
if [ "${#missing[@]}" -gt 0 ]; then
  system apt-get update -qq
  system env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi
if [ "$live" = 1 ]; then
  jhome=$(java_home) || exit 1
  jversion=$("$jhome/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)
  if ! version_at_least "$jversion" "$MIN_JAVA"; then
    echo "install-pi.sh: $jhome is Java $jversion; the kiosk needs $MIN_JAVA or newer (older 21s crash on Cortex-A53, JDK-8353237)." >&2
    exit 1
  fi
  echo "Java $jversion at $jhome"
else
  echo "would check: the Java the service finds is >= $MIN_JAVA (now: ${jhome:-none} $([ -n "$jhome" ] && kiosk_java_version "$jhome"))"
fi

# --- the kiosk user and its device groups
for g in kiosk gpio dialout input video; do
  if [ -n "$root" ] || ! getent group "$g" >/dev/null; then system groupadd --system "$g"; fi
done
if [ -n "$root" ] || ! getent passwd kiosk >/dev/null; then
  system useradd --system --gid kiosk --home-dir /var/lib/kiosk --no-create-home --shell /usr/sbin/nologin kiosk
fi
if [ -n "$root" ] || [ "$(id -nG kiosk 2>/dev/null | tr ' ' '\n' | grep -cxE 'gpio|dialout|input|video')" != 4 ]; then
  system usermod -a -G gpio,dialout,input,video kiosk
fi

# --- files: application, launcher, configuration, data, units
put_dir /opt/kiosk/lib 0755
put_file "$app_dir/kiosk.jar" /opt/kiosk/kiosk.jar 0644
for jar in "$app_dir"/lib/*.jar; do put_file "$jar" "/opt/kiosk/lib/$(basename "$jar")" 0644; done
# Jars of an older version would join the class path: remove what this build does not have.
for jar in "$root"/opt/kiosk/lib/*.jar; do
  [ -e "$jar" ] && [ ! -e "$app_dir/lib/$(basename "$jar")" ] || continue
  if [ "$dry" = 1 ]; then echo "would remove ${jar#"$root"}"; else rm -f "$jar"; echo "removed ${jar#"$root"}"; fi
done
put_file "$repo/scripts/kiosk" /opt/kiosk/bin/kiosk 0755
put_file "$repo/scripts/lib/java.sh" /opt/kiosk/bin/lib/java.sh 0644
put_file "$repo/scripts/lib/jvm-opts.sh" /opt/kiosk/bin/lib/jvm-opts.sh 0644
put_file "$repo/scripts/kiosk-browser" /opt/kiosk/bin/kiosk-browser 0755
if [ ! -L "$root/usr/local/bin/kiosk" ]; then
  if [ "$dry" = 1 ]; then echo "would link /usr/local/bin/kiosk"
  else mkdir -p "$root/usr/local/bin"; ln -sfn /opt/kiosk/bin/kiosk "$root/usr/local/bin/kiosk"; echo "linked /usr/local/bin/kiosk"; fi
fi

put_dir /etc/kiosk 0750
put_config "$repo/config/kiosk.yaml" /etc/kiosk/kiosk.yaml
put_config "$repo/config/logback.xml" /etc/kiosk/logback.xml
system chown root:kiosk /etc/kiosk /etc/kiosk/kiosk.yaml /etc/kiosk/logback.xml
put_dir /var/lib/kiosk 0750
system chown -R kiosk:kiosk /var/lib/kiosk

restart=$changed; changed=0 # a new application or configuration: restart the service
put_file "$repo/config/systemd/kiosk.service" /etc/systemd/system/kiosk.service 0644
put_file "$repo/config/systemd/kiosk-browser.service" /etc/systemd/system/kiosk-browser.service 0644
if [ -z "$desktop_user" ]; then
  desktop_user=$(sed -n 's/^autologin-user=//p' "$root/etc/lightdm/lightdm.conf" 2>/dev/null | tail -n1 || true)
  [ -n "$desktop_user" ] || desktop_user=$(getent passwd 1000 | cut -d: -f1 || true)
  [ -n "$desktop_user" ] || desktop_user=pi
fi
desktop_uid=$(id -u "$desktop_user" 2>/dev/null || echo 1000)
put_text /etc/systemd/system/kiosk-browser.service.d/desktop-user.conf 0644 "# Written by install-pi.sh: the user logged in on the touchscreen.
[Service]
User=$desktop_user
Environment=XDG_RUNTIME_DIR=/run/user/$desktop_uid
Environment=DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/$desktop_uid/bus"
restart=$((restart | changed)); changed=0
put_file "$repo/config/systemd/journald-kiosk.conf" /etc/systemd/journald.conf.d/kiosk.conf 0644
journald_changed=$changed

# --- system services
# The desktop's screen blanking stays on: the touchscreen page holds a screen wake lock during
# opening hours and lets the screen sleep outside them (raspi-config: 0 = blanking enabled).
if [ -n "$root" ] || command -v raspi-config >/dev/null; then system raspi-config nonint do_blanking 0; fi
system systemctl daemon-reload
if [ -n "$root" ] || [ "$journald_changed" = 1 ]; then system systemctl restart systemd-journald; fi
system systemctl enable kiosk.service kiosk-browser.service

# --- the class-data-sharing archive, recorded once now (as the service would run the kiosk: same
# user, environment and flags) so that even the first start of the service maps it.
train=(runuser -u kiosk -- env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
       KIOSK_DATA_DIR=/var/lib/kiosk KIOSK_LOGBACK_CONFIG=/etc/kiosk/logback.xml
       /opt/kiosk/bin/kiosk train-archive --config /etc/kiosk/kiosk.yaml)
if [ "$live" = 0 ]; then
  echo "would record the class-data-sharing archive: ${train[*]}"
else
  (cd /var/lib/kiosk && "${train[@]}") || echo "warning: recording the class-data-sharing archive failed; the kiosk records it after its first start" >&2
fi
# A re-run that changed nothing leaves a running kiosk alone.
if [ "$restart" = 1 ] || [ -n "$root" ]; then verb=restart; else verb=start; fi
system systemctl "$verb" kiosk.service kiosk-browser.service
# The technician's check of every device, the disk, the clock and the broker (asks the running kiosk).
selftest=(runuser -u kiosk -- env KIOSK_DATA_DIR=/var/lib/kiosk /opt/kiosk/bin/kiosk selftest --config /etc/kiosk/kiosk.yaml)
if [ "$live" = 1 ]; then
  # Type=notify: systemctl start returned only once the kiosk said READY=1, so it answers already.
  "${selftest[@]}" || echo "warning: the self-test found a problem (above); the kiosk runs, fix the device and run: sudo ${selftest[*]}" >&2
else
  echo "would run: ${selftest[*]}"
fi
echo "done. Status: systemctl status kiosk; logs: journalctl -u kiosk; configuration: /etc/kiosk/kiosk.yaml"
