# Debian bookworm packages bimtek needs, and an idempotent installer. Sourced by scripts/demo
# and scripts/test.

# To build the server and the client.
BUILD_PACKAGES=(
  cmake ninja-build g++ pkg-config
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libwebsocketpp-dev libsqlitecpp-dev libsqlite3-dev
  libsodium-dev libqrencode-dev libhpdf-dev libxlsxwriter-dev libcli11-dev
  fonts-dejavu-core tzdata
)
# To run the demo script.
DEMO_PACKAGES=(jq curl)
# To run every test: GoogleTest, a headless browser, readers for the PDF/QR/XLSX/CSV we produce,
# a terminal multiplexer for the client's screen test.
TEST_PACKAGES=(
  libgtest-dev libgmock-dev
  chromium poppler-utils zbar-tools python3 python3-openpyxl
  jq curl tmux sqlite3 procps
)

# ensure_packages PKG...: installs those not installed yet (apt-get; sudo when not root).
ensure_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]} == 0)); then
    return 0
  fi
  echo "Installing Debian packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "need root (or sudo) to install: ${missing[*]}" >&2; return 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# ensure_node: Node.js and npm for the web tests (Debian's when the machine has none).
ensure_node() {
  command -v node >/dev/null && command -v npm >/dev/null && return 0
  ensure_packages nodejs npm
}
