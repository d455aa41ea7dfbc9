#!/usr/bin/env bash
# What the search index adds to a build, counted in instructions: the generated corpus built with
# search on, with search on but the header's search box taken out of the theme, and with
# `search: false`, each once under cachegrind; the box and the index are told apart. Unlike
# timings, the count hardly moves between runs on a shared machine, so it shows a change of a few
# percent in one run; it does not see cache misses, so check a real gain with search.sh.
# Usage: benches/search_instructions.sh        (env: PAGES=1000 SEED=1)
set -euo pipefail

PAGES="${PAGES:-1000}"
SEED="${SEED:-1}"
NOW="2021-08-01"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$root/target/bench"
loa="${CARGO_TARGET_DIR:-$root/target}/release/loa"
# shellcheck disable=SC2034  # read by corpus.sh
generator="$bench/corpus"
corpus="$bench/corpus-$PAGES"
[[ "$SEED" == 1 ]] || corpus="$corpus-seed$SEED"
off_root="$bench/search/off-$(basename "$corpus")"
nobox_root="$bench/search/nobox-$(basename "$corpus")"

die() { printf '\nsearch_instructions.sh: error: %s\n' "$*" >&2; exit 1; }
note() { printf '==> %s\n' "$*" >&2; }

[[ "$PAGES" =~ ^[1-9][0-9]*$ ]] || die "PAGES must be a positive integer (got '$PAGES')"
if ! command -v valgrind >/dev/null; then
    [[ "$(id -u)" == 0 ]] || die "valgrind is missing; install it (apt-get install valgrind) and rerun"
    note "valgrind is missing: installing the Debian package"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null
fi

note "building loa (cargo build --release)"
(cd "$root" && cargo build --release --quiet) || die "cargo build --release failed"
mkdir -p "$bench/search"
# shellcheck source=benches/corpus.sh
source "$root/benches/corpus.sh"
rm -rf "$corpus/themes"
cp -R "$root/themes" "$corpus/themes"
mkdir -p "$off_root"
{ grep -v '^search:' "$corpus/site.yaml"; echo "search: false"; } >"$off_root/site.yaml"
ln -sfn "$corpus/content" "$off_root/content"
ln -sfn "$corpus/themes" "$off_root/themes"
# Search on, the header box gone: its own copy of the theme, the form cut out of the header.
rm -rf "$nobox_root"
mkdir -p "$nobox_root"
cp "$corpus/site.yaml" "$nobox_root/site.yaml"
ln -sfn "$corpus/content" "$nobox_root/content"
cp -R "$root/themes" "$nobox_root/themes"
header="$nobox_root/themes/default/templates/partials/header.html"
awk '/<form/ { skip = 1 } !skip { print } /<\/form>/ { skip = 0 }' "$root/themes/default/templates/partials/header.html" >"$header"
grep -q '<form' "$root/themes/default/templates/partials/header.html" && ! grep -q '<form' "$header" \
    || die "could not cut the search form out of the theme's partials/header.html"

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
count() {
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
        "$loa" build --root "$1" --output "$out/site" --now "$NOW" --quiet \
        >/dev/null 2>"$out/log" || { cat "$out/log" >&2; die "the build of $1 failed"; }
    rm -rf "$out/site"
    awk '/I[[:space:]]+refs:/ { gsub(",", "", $NF); print $NF }' "$out/log"
}
note "search on (under cachegrind)"
on=$(count "$corpus")
note "search on, no header box (under cachegrind)"
nobox=$(count "$nobox_root")
note "search: false (under cachegrind)"
off=$(count "$off_root")
[[ -n "$on" && -n "$nobox" && -n "$off" ]] || die "cachegrind printed no instruction count"
awk -v on="$on" -v nobox="$nobox" -v off="$off" -v n="$PAGES" 'BEGIN {
    printf "%d pages: search on %.0f M instructions, search: false %.0f M, ratio x%.3f (+%.0f M)\n",
        n, on / 1e6, off / 1e6, on / off, (on - off) / 1e6
    printf "  the header box %+.0f M (%.1f %% of search: false), the index and search page %+.0f M (%.1f %%)\n",
        (on - nobox) / 1e6, 100 * (on - nobox) / off, (nobox - off) / 1e6, 100 * (nobox - off) / off }'
