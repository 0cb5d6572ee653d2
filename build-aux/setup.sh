# Shared set-up for build-aux/run and build-aux/test: install what is
# missing on a Debian 12 machine, then configure and build _build.
# Sourced, not executed.

IDK_PACKAGES="build-essential pkg-config meson ninja-build gettext
  libglib2.0-dev libgtk-4-dev libgtk-4-bin libadwaita-1-dev libjson-glib-dev
  libsqlite3-dev sqlite3 xvfb xauth dbus dbus-x11 at-spi2-core x11-utils
  imagemagick fonts-dejavu-core adwaita-icon-theme desktop-file-utils
  appstream appstream-util libical-dev tzdata poppler-utils python3 libsodium-dev
  nettle-dev libsoup-3.0-dev glib-networking libsecret-1-dev"

# The tests read the iCalendar export with Mozilla's ical.js and sync
# through pouchdb-server, a CouchDB in memory (npm): a machine with
# Node.js from elsewhere keeps it, otherwise Debian's.  The
# fuzzers need clang and its libFuzzer runtime, the signature tests minisign.
IDK_NODE_PACKAGES="nodejs npm"
IDK_FUZZ_PACKAGES="clang-14 libclang-rt-14-dev minisign"

idk_install_missing ()
{
  local missing=""
  local packages="$IDK_PACKAGES"
  if [ "${1:-}" = "--for-tests" ]; then
    packages="$packages $IDK_FUZZ_PACKAGES"
    if ! { command -v node && command -v npm; } >/dev/null 2>&1; then
      packages="$packages $IDK_NODE_PACKAGES"
    fi
  fi
  for pkg in $packages; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = "installed" ] || missing="$missing $pkg"
  done
  [ -z "$missing" ] && return 0

  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo="sudo"
    else
      echo "These packages are missing and you are not root:$missing" >&2
      return 1
    fi
  fi
  echo "Installing:$missing"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq || return 1
  # shellcheck disable=SC2086
  $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $missing \
    </dev/null || return 1
}

idk_build ()
{
  if [ ! -f _build/build.ninja ]; then
    meson setup _build --buildtype=debugoptimized -Dwerror=true || return 1
  fi
  meson compile -C _build >_build/compile.log 2>&1 || { cat _build/compile.log; return 1; }
}

# A second build of the core, the command line and their tests, with
# AddressSanitizer and UndefinedBehaviorSanitizer.
idk_build_sanitized ()
{
  if [ ! -f _build-asan/build.ninja ]; then
    meson setup _build-asan --buildtype=debug -Dgui=false -Dwerror=true \
      -Db_sanitize=address,undefined -Db_lundef=false >_build/sanitized.log 2>&1 \
      || { cat _build/sanitized.log; return 1; }
  fi
  meson compile -C _build-asan >_build/sanitized.log 2>&1 || { cat _build/sanitized.log; return 1; }
}

# The npm packages the tests use (tests/npm), under _build/npm, never
# global; npm ci installs exactly the locked versions.
idk_install_npm_tools ()
{
  local dir=_build/npm
  mkdir -p "$dir"
  if ! cmp -s tests/npm/package-lock.json "$dir/package-lock.json" || [ ! -d "$dir/node_modules/ical.js" ] \
     || [ ! -x "$dir/node_modules/.bin/pouchdb-server" ]; then
    cp tests/npm/package.json tests/npm/package-lock.json "$dir/" || return 1
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error </dev/null) || return 1
  fi
}

# The libFuzzer harnesses, built with clang and the sanitizers in
# _build-fuzz; each runs for $1 seconds as a test of the "fuzz" suite.
idk_build_fuzz ()
{
  local seconds=${1:-60}
  if [ ! -f _build-fuzz/build.ninja ]; then
    CC=clang-14 meson setup _build-fuzz --buildtype=debug -Dgui=false -Dfuzz=true -Dwerror=false \
      -Db_sanitize=address,undefined -Db_lundef=false >_build/fuzz.log 2>&1 \
      || { cat _build/fuzz.log; return 1; }
  fi
  meson configure _build-fuzz -Dfuzz_seconds="$seconds" >>_build/fuzz.log 2>&1 || { cat _build/fuzz.log; return 1; }
  meson compile -C _build-fuzz >>_build/fuzz.log 2>&1 || { cat _build/fuzz.log; return 1; }
}
