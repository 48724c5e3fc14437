#!/usr/bin/env bash
# The .deb as a user gets it (issue 12, point 2; docs/packaging.md): what it declares
# and holds, then `apt-get install ./…deb` on this machine, the installed `jeton
# --version` and `jeton list`, the installed app's window (under scripts/headless) and
# its start-at-login entry naming the installed program, then `apt-get remove jeton`
# and the program gone. With an .rpm beside it, its requirements and files too.
#
#   tests/package/run.sh target/debug/bundle/deb/Jeton_0.1.0_amd64.deb
#
# Installs and removes the package `jeton` system-wide (through sudo when not root);
# a `jeton` already installed is an error rather than something to remove.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

deb=$(realpath "${1:?usage: tests/package/run.sh PATH/TO/jeton.deb}")
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

failures=0
ok() { echo "ok   $1"; }
fail() { echo "FAIL $1"; failures=$((failures + 1)); }
check() { # check NAME CMD...: the command's success is the check's
    local name=$1; shift
    if "$@"; then ok "$name"; else fail "$name"; fi
}
# What the package should hold, from the project's own files.
version=$(sed -n 's/^  "version": "\(.*\)",$/\1/p' tauri.conf.json)
exe=/usr/bin/jeton

scratch=$(mktemp -d -t jeton-package.XXXXXX)
installed=""
cleanup() {
    [ -z "$installed" ] || DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove -y -qq jeton >/dev/null 2>&1 || true
    rm -rf "$scratch"
}
trap cleanup EXIT

if dpkg-query -W -f='${Status}' jeton 2>/dev/null | grep -q "install ok installed"; then
    echo "package test: a package named jeton is already installed; remove it first (apt-get remove jeton)" >&2
    exit 1
fi

# --- What the .deb declares and holds -------------------------------------------------
control=$(dpkg-deb -f "$deb")
files=$(dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|; s|^\([^/]\)|/\1|')
depends=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/([^)]*)//; s/^ *//; s/ *$//')
check "package named jeton" grep -qx "Package: jeton" <<<"$control"
check "version $version" grep -qx "Version: $version" <<<"$control"
for p in libwebkit2gtk-4.1-0 libgtk-3-0 libayatana-appindicator3-1; do
    check "depends on $p" grep -qx "$p" <<<"$depends"
done
check "the program at $exe" grep -qx "$exe" <<<"$files"
check "the git helper at /usr/bin/git-credential-jeton" grep -qx /usr/bin/git-credential-jeton <<<"$files"
check "the desktop entry" grep -qx /usr/share/applications/Jeton.desktop <<<"$files"
for size in 32 64 128 256 512; do
    check "icon ${size}x${size}" grep -qx "/usr/share/icons/hicolor/${size}x${size}/apps/jeton.png" <<<"$files"
done
check "scalable icon" grep -qx /usr/share/icons/hicolor/scalable/apps/jeton.svg <<<"$files"
for f in /usr/share/bash-completion/completions/jeton /usr/share/zsh/vendor-completions/_jeton \
    /usr/share/fish/vendor_completions.d/jeton.fish; do
    check "completions: $f" grep -qx "$f" <<<"$files"
done

# Every library the program links comes with the declared packages (directly or through
# theirs), so that `apt-get install` on a machine without them brings them.
dpkg-deb -x "$deb" "$scratch/root"
closure=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
    --no-replaces --no-enhances $depends 2>/dev/null | grep -v '^ ' | sed 's/:.*//' | sort -u)
libs=$(ldconfig -p)
missing=()
for lib in $(readelf -d "$scratch/root$exe" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
    path=$(awk -v l="$lib" '$1 == l && /x86-64/ {print $NF}' <<<"$libs" | sed -n 1p)
    owner=""
    # dpkg knows a file by the path its package ships (/lib or /usr/lib): try both.
    [ -z "$path" ] || owner=$({ dpkg -S "$path" || dpkg -S "$(realpath "$path")"; } 2>/dev/null | sed -n '1s/:.*//p')
    [ -n "$owner" ] && grep -qx "$owner" <<<"$closure" || missing+=("$lib${owner:+ ($owner)}")
done
if [ ${#missing[@]} -eq 0 ]; then ok "every linked library comes with a declared package"
else fail "linked libraries no declared package brings: ${missing[*]}"; fi

# The desktop entry names the program and the window class the app's window has.
entry="$scratch/root/usr/share/applications/Jeton.desktop"
for line in "Name=Jeton" "Exec=jeton" "Icon=jeton" "Categories=Development;" "Terminal=false" "Type=Application"; do
    check "desktop entry: $line" grep -qx "$line" "$entry"
done
check "desktop entry: a comment" grep -q "^Comment=." "$entry"
wm_class=$(sed -n 's/^StartupWMClass=//p' "$entry")

# --- The .rpm beside it, when there is one --------------------------------------------
rpm_file=$(find "$(dirname "$deb")/../rpm" -maxdepth 1 -name "Jeton-$version-*.rpm" -o -name "Jeton_$version-*.rpm" 2>/dev/null | head -n1 || true)
if [ -n "$rpm_file" ]; then
    requires=$(rpm -qp --requires "$rpm_file" 2>/dev/null)
    for r in "libwebkit2gtk-4.1.so.0()(64bit)" "libgtk-3.so.0()(64bit)" "libayatana-appindicator3.so.1()(64bit)"; do
        check "rpm requires $r" grep -qxF "$r" <<<"$requires"
    done
    rpm_files=$(rpm -qpl "$rpm_file" 2>/dev/null)
    for f in $exe /usr/share/applications/Jeton.desktop /usr/share/icons/hicolor/512x512/apps/jeton.png \
        /usr/share/bash-completion/completions/jeton /usr/share/zsh/site-functions/_jeton; do
        check "rpm holds $f" grep -qx "$f" <<<"$rpm_files"
    done
else
    fail "an .rpm beside the .deb ($(dirname "$deb")/../rpm)"
fi

# --- Installed --------------------------------------------------------------------------
if DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$deb" >"$scratch/apt.log" 2>&1; then
    installed=1
    ok "apt-get install ./$(basename "$deb")"
else
    cat "$scratch/apt.log"
    fail "apt-get install ./$(basename "$deb")"
    exit 1
fi
check "jeton on the PATH is $exe" test "$(command -v jeton)" = "$exe"
check "jeton --version says $version" test "$(jeton --version)" = "jeton $version"
check "git-credential-jeton --version says $version" \
    test "$(git-credential-jeton --version)" = "git-credential-jeton $version"
check "git-credential-jeton links no desktop library" \
    bash -c '! readelf -d /usr/bin/git-credential-jeton | grep -Eq "NEEDED.*(gtk|webkit|glib|gdk)"'
# setup-git, in a home of its own, points git at the installed helper.
git_home="$scratch/git-home"
mkdir -p "$git_home"
helper_line() {
    HOME="$git_home" XDG_CONFIG_HOME="$git_home/.config" jeton setup-git >/dev/null &&
        HOME="$git_home" XDG_CONFIG_HOME="$git_home/.config" git config --global --get-all \
            credential.https://github.com.helper | tail -n1
}
check "jeton setup-git points git at /usr/bin/git-credential-jeton" \
    test "$(helper_line)" = "!'/usr/bin/git-credential-jeton'"
# bash-completion loads /usr/share/bash-completion/completions/jeton when `jeton` is first
# completed; sourcing it is what that does.
check "bash completes jeton's commands from the installed script" bash -c \
    'source /usr/share/bash-completion/completions/jeton && COMP_WORDS=(jeton rech) COMP_CWORD=1 && _jeton jeton rech jeton && [ "${COMPREPLY[*]}" = recheck ]'

export JETON_DATA_DIR="$scratch/data" JETON_KEYRING_NAMESPACE="jeton-package-test-$$"
mkdir -p "$JETON_DATA_DIR"
# start at login on: the app writes its login entry at start (src-tauri/src/autostart.rs).
printf '{"start_at_login": true}\n' >"$JETON_DATA_DIR/settings.json"
mkdir -p "$scratch/home"

# The installed app under a desktop of its own: the CLI, then the window.
SCRATCH=$scratch EXE=$exe WM_CLASS=$wm_class HOME="$scratch/home" "$root/scripts/headless" bash -c '
    set -u
    failures=0
    ok() { echo "ok   $1"; }
    fail() { echo "FAIL $1"; failures=$((failures + 1)); }
    out=$(jeton list 2>&1) && ok "jeton list (empty data dir): $out" || fail "jeton list: $out"

    # Polls CMD until it succeeds, for 60 s at most.
    until_ok() { for _ in $(seq 600); do "$@" && return 0; sleep 0.1; done; return 1; }
    window() { win=$(xdotool search --onlyvisible --pid "$app" --name "^Jeton$" 2>/dev/null | head -n1); [ -n "$win" ]; }

    jeton >"$SCRATCH/app.log" 2>&1 &
    app=$!
    # Searched again until found: `xdotool search --sync` once came back empty (1 run in 6).
    if until_ok window; then ok "the installed app shows its window"
    else fail "the installed app shows its window"; kill -0 "$app" 2>/dev/null || echo "     (it exited)"; cat "$SCRATCH/app.log"; fi
    if [ -n "$win" ]; then
        classes=$(xprop -id "$win" WM_CLASS | sed "s/.*= //; s/\"//g; s/, /\n/")
        grep -qx "$WM_CLASS" <<<"$classes" && ok "its window class matches StartupWMClass=$WM_CLASS" \
            || fail "window class ($classes) is not StartupWMClass=$WM_CLASS"
    fi
    login="$HOME/.config/autostart/Jeton.desktop"
    until_ok grep -q "^Exec=" "$login" 2>/dev/null || true
    exec_line=$(sed -n "s/^Exec=//p" "$login" 2>/dev/null)
    [ "$exec_line" = "$EXE --background" ] && ok "start at login runs $EXE --background" \
        || fail "start at login entry Exec=\"$exec_line\", not \"$EXE --background\""
    kill "$app" 2>/dev/null; wait "$app" 2>/dev/null
    exit $((failures > 0))
' || failures=$((failures + 1))

# --- Removed ------------------------------------------------------------------------------
if DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove -y -qq jeton >"$scratch/apt.log" 2>&1; then
    installed=""
    ok "apt-get remove jeton"
else
    cat "$scratch/apt.log"
    fail "apt-get remove jeton"
fi
check "the program is gone" test ! -e "$exe"
check "the desktop entry is gone" test ! -e /usr/share/applications/Jeton.desktop
check "dpkg no longer lists jeton" bash -c '! dpkg-query -W -f="\${Status}" jeton 2>/dev/null | grep -q "install ok installed"'

echo "package test: $(du -h "$deb" | cut -f1) $deb"
if [ $failures -gt 0 ]; then echo "package test: $failures failed"; exit 1; fi
echo "package test: all passed"
