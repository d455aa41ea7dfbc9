#!/usr/bin/env bash
# Loa's search index vs Pagefind on the generated corpus: what building Loa's index costs (build
# with search on vs `search: false`), Pagefind's run over the same HTML, and in Chromium the bytes,
# time to first result and results of six queries on both. Medians of RUNS.
# Usage: benches/search.sh            (env: PAGES=10000 RUNS=5 SEED=1 FULL=1 ONLY=loa|pagefind
#                                      PAGEFIND_ARGS=)
# See benches/README.md for what is measured and how to read the numbers.
set -euo pipefail

PAGES="${PAGES:-10000}"
RUNS="${RUNS:-5}"
SEED="${SEED:-1}"
FULL="${FULL:-1}"                 # 0: skip listing every result (recall) in the browser
PAGEFIND_ARGS="${PAGEFIND_ARGS:-}" # extra pagefind options, e.g. "--root-selector main"
ONLY="${ONLY:-}"                  # "loa" or "pagefind" for one side only; empty for both
NOW="2021-08-01"                  # fixed build time for Loa: every corpus date is before it

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$root/target/bench"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
loa="$target_dir/release/loa"
generator="$bench/corpus"
corpus="$bench/corpus-$PAGES"
[[ "$SEED" == 1 ]] || corpus="$corpus-seed$SEED"
work="$bench/search"              # search-off root, the kept outputs, timings
off_root="$work/off-$(basename "$corpus")"
site="$work/site"                 # Loa's last build with search on: what Pagefind and the browser see
pagefind_out="$work/pagefind"     # Pagefind's last output
logs="$bench/logs"
node_dir="$root/benches/search"   # package.json: pagefind, playwright-core
results="$bench/search-results.json"
timer=/usr/bin/time
chromium_bin="${LOA_CHROMIUM:-/usr/bin/chromium}"

die() { printf '\nsearch.sh: error: %s\n' "$*" >&2; exit 1; }
note() { printf '==> %s\n' "$*" >&2; }

[[ "$PAGES" =~ ^[1-9][0-9]*$ ]] || die "PAGES must be a positive integer (got '$PAGES')"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer (got '$RUNS')"
[[ "$SEED" =~ ^[0-9]+$ ]] || die "SEED must be a non-negative integer (got '$SEED')"
case "$ONLY" in "" | loa | pagefind) ;; *) die "ONLY must be empty, 'loa' or 'pagefind' (got '$ONLY')" ;; esac
# ONLY=pagefind still builds the site with Loa (once, untimed), but needs no search index from it.
use_loa() { [[ "$ONLY" != pagefind ]]; }
use_pagefind() { [[ "$ONLY" != loa ]]; }
for tool in node npm; do
    command -v "$tool" >/dev/null || die "$tool is missing (Debian: apt-get install nodejs npm)"
done

mkdir -p "$bench" "$work" "$logs"

# Timed builds write to memory (/dev/shm) when there is one: writing 10 000 files to a virtual
# disk varies more between runs than what is measured (see text_layer.sh).
out_root="${OUT_ROOT:-/dev/shm}"
[[ -d "$out_root" && -w "$out_root" ]] || out_root="$work"
scratch="$out_root/loa-search-bench"
rm -rf "$scratch"
mkdir -p "$scratch"
trap 'rm -rf "$scratch"' EXIT

# --- GNU time, Chromium -----------------------------------------------------------------------
apt_install() {
    [[ "$(id -u)" == 0 ]] || die "$1 is missing; install it (apt-get install $2) and rerun"
    note "$1 is missing: installing the Debian package '$2'"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}
if ! "$timer" -f '%e %M' -o /dev/null true 2>/dev/null; then
    apt_install "GNU time" time
    "$timer" -f '%e %M' -o /dev/null true || die "GNU time still does not work at $timer"
fi
if [[ ! -x "$chromium_bin" ]]; then
    [[ "$chromium_bin" == /usr/bin/chromium ]] || die "no Chromium at LOA_CHROMIUM=$chromium_bin"
    apt_install Chromium chromium
    [[ -x "$chromium_bin" ]] || die "apt-get install chromium did not give $chromium_bin"
fi

# --- Pagefind and playwright-core (exact versions in benches/search/package.json) -------------
# No lock file: neither package has a dependency but pagefind's binary for each platform, all
# pinned to its own version, and a lock written where the registry serves only Linux's binaries
# lacks the others, which `npm ci` refuses.
if [[ ! -f "$node_dir/node_modules/.package-lock.json" \
    || "$node_dir/package.json" -nt "$node_dir/node_modules/.package-lock.json" ]]; then
    note "installing pagefind and playwright-core (npm install in benches/search)"
    (cd "$node_dir" && npm install --no-package-lock --no-audit --no-fund --loglevel=error) \
        >"$logs/search-npm.log" 2>&1 \
        || { tail -n 20 "$logs/search-npm.log" >&2; die "npm install failed in $node_dir (log: $logs/search-npm.log)"; }
fi
# `npx pagefind` is a Node wrapper that runs the binary of @pagefind/<platform>; the timed runs
# call that binary directly, so the wrapper's own start-up and memory are not counted.
pagefind="$(cd "$node_dir" && node --input-type=module -e \
    "import { resolveBinaryPath } from './node_modules/pagefind/lib/resolveBinary.js';
     console.log(resolveBinaryPath(['pagefind_extended', 'pagefind']))")" \
    || die "the pagefind package is installed but its binary was not found"
[[ -x "$pagefind" ]] || die "no executable pagefind binary at $pagefind"
pagefind_version="$("$pagefind" --version | awk '{ print $2 }')"

# --- Loa --------------------------------------------------------------------------------------
note "building loa (cargo build --release)"
if ! cargo build --release --manifest-path "$root/Cargo.toml" >"$logs/cargo-build.log" 2>&1; then
    tail -n 40 "$logs/cargo-build.log" >&2
    die "cargo build --release failed, so there is no loa binary to benchmark.
  Full log: $logs/cargo-build.log"
fi
[[ -x "$loa" ]] || die "cargo build --release succeeded but $loa is not there (is the binary named loa?)"

# --- corpus (shared with compare.sh: same generator, caching and theme copy) ------------------
# shellcheck source=benches/corpus.sh
source "$root/benches/corpus.sh"
[[ -d "$root/themes" ]] || die "no themes/ folder in $root for Loa's theme"
rm -rf "$corpus/themes"
cp -R "$root/themes" "$corpus/themes"
grep -q '^search:' "$corpus/site.yaml" && die "$corpus/site.yaml already sets search:; regenerate the corpus"

# The same site with `search: false`: its own site.yaml, the corpus' content/ and themes/.
mkdir -p "$off_root"
{ cat "$corpus/site.yaml"; echo "search: false"; } >"$off_root/site.yaml"
ln -sfn "$corpus/content" "$off_root/content"
ln -sfn "$corpus/themes" "$off_root/themes"

# --- timed runs -------------------------------------------------------------------------------
# run NAME LOG CMD...: runs CMD under GNU time, appends "wall_s rss_kb cpu_s" to $work/NAME.times.
run() {
    local name="$1" log="$2" tfile="$scratch/time"
    shift 2
    if ! "$timer" -f '%e %M %U %S' -o "$tfile" "$@" >"$log" 2>&1; then
        tail -n 40 "$log" >&2
        die "$name failed: $*
  Full log: $log"
    fi
    tail -n 1 "$tfile" | awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' >>"$work/$name.times"
}
loa_build() { # on|off
    local src="$corpus"
    [[ "$1" == on ]] || src="$off_root"
    rm -rf "$scratch/loa-$1"
    run "loa-$1" "$logs/search-loa-$1.log" \
        "$loa" build --root "$src" --output "$scratch/loa-$1" --now "$NOW" --quiet
}
pagefind_run() {
    rm -rf "$scratch/pagefind"
    # shellcheck disable=SC2086 # PAGEFIND_ARGS is a list of options
    run pagefind "$logs/search-pagefind.log" \
        "$pagefind" --site "$site" --output-path "$scratch/pagefind" $PAGEFIND_ARGS
}

note "warm-up build (untimed)"
loa_build on
: >"$work/loa-on.times"
: >"$work/loa-off.times"
: >"$work/pagefind.times"
if use_loa; then
    [[ -f "$scratch/loa-on/tim-kiem/chi-muc/m.js" ]] || die "the build with search on has no \
tim-kiem/chi-muc/m.js: this loa writes no search index yet (ONLY=pagefind measures Pagefind alone)"
    loa_build off
    [[ ! -e "$scratch/loa-off/tim-kiem" ]] || die "the build with search: false still wrote tim-kiem/"
    : >"$work/loa-on.times"
    : >"$work/loa-off.times"
    for ((i = 1; i <= RUNS; i++)); do
        for side in on off; do
            note "run $i/$RUNS: loa, search $side"
            loa_build "$side"
        done
    done
fi

# Keep the last build with search on: Pagefind indexes that same HTML, the browser serves it.
rm -rf "$site"
cp -R "$scratch/loa-on" "$site"
rm -rf "$scratch/loa-on" "$scratch/loa-off"

pagefind_pages='?'
if use_pagefind; then
    note "warm-up: npx pagefind (untimed)"
    rm -rf "$scratch/pagefind"
    # shellcheck disable=SC2086
    (cd "$node_dir" && npx --no-install pagefind --site "$site" --output-path "$scratch/pagefind" $PAGEFIND_ARGS) \
        >"$logs/search-pagefind.log" 2>&1 || { tail -n 30 "$logs/search-pagefind.log" >&2; die "npx pagefind failed"; }
    for ((i = 1; i <= RUNS; i++)); do
        note "run $i/$RUNS: pagefind"
        pagefind_run
    done
    pagefind_pages="$(grep -oE 'Indexed [0-9]+ pages' "$logs/search-pagefind.log" | grep -oE '[0-9]+' || echo '?')"
    rm -rf "$pagefind_out"
    cp -R "$scratch/pagefind" "$pagefind_out"
    rm -rf "$scratch/pagefind"
fi

# --- build report -----------------------------------------------------------------------------
median() { # COLUMN FILE; 0 for an empty file (a side not measured)
    cut -d' ' -f"$1" "$2" | sort -g | awk '{ v[NR] = $1 } END {
        if (!NR) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
declare -A wall rss cpu
for t in loa-off loa-on pagefind; do
    wall[$t]="$(median 1 "$work/$t.times")"
    rss[$t]="$(median 2 "$work/$t.times")"
    cpu[$t]="$(median 3 "$work/$t.times")"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b ? a / b : 0 }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
r_wall="$(ratio "${wall[loa-on]}" "${wall[loa-off]}")"
r_cpu="$(ratio "${cpu[loa-on]}" "${cpu[loa-off]}")"
r_rss="$(ratio "${rss[loa-on]}" "${rss[loa-off]}")"
# The median of the per-round ratios (COLUMN of the on and off times, which run in turn): on a
# noisy machine it follows the index's cost more closely than the ratio of the two medians,
# since each round's two builds see the same weather.
paired() {
    paste -d' ' "$work/loa-on.times" "$work/loa-off.times" |
        awk -v c="$1" '$(c + 3) > 0 { printf "%.4f\n", $c / $(c + 3) }' >"$work/paired.tmp"
    if [[ -s "$work/paired.tmp" ]]; then median 1 "$work/paired.tmp" | awk '{ printf "%.3f", $1 }'; else echo 0; fi
    rm -f "$work/paired.tmp"
}
p_wall="$(paired 1)"
p_cpu="$(paired 3)"
within() { awk -v r="$1" 'BEGIN { print (r <= 1.10) ? "yes" : "NO" }'; }
corpus_pages="$(find "$corpus/content" -name '*.md' ! -name '_index.md' | wc -l)"
site_html="$(find "$site" -name '*.html' | wc -l)"

{
    echo
    echo "Search build cost: $corpus_pages corpus pages ($site_html HTML files built), seed $SEED," \
        "median of $RUNS runs, $(nproc) CPUs, output in $out_root"
    echo
    printf '%-22s %9s %9s %14s\n' "" "wall (s)" "CPU (s)" "peak RSS (MB)"
    if use_loa; then
        printf '%-22s %9s %9s %14s\n' "loa, search: false" "${wall[loa-off]}" "${cpu[loa-off]}" "$(mb "${rss[loa-off]}")"
        printf '%-22s %9s %9s %14s\n' "loa, search on" "${wall[loa-on]}" "${cpu[loa-on]}" "$(mb "${rss[loa-on]}")"
        printf '%-22s %9s %9s %14s   (budget 1.10; within it: time %s, memory %s)\n' "ratio on / off" \
            "$r_wall" "$r_cpu" "$r_rss" "$(within "$r_wall")" "$(within "$r_rss")"
        printf '%-22s %9s %9s %14s   (median of the per-round ratios; within it: time %s)\n' \
            "paired on / off" "$p_wall" "$p_cpu" "" "$(within "$p_wall")"
    fi
    if use_pagefind; then
        printf '%-22s %9s %9s %14s   (%s pages indexed)\n' "pagefind $pagefind_version" "${wall[pagefind]}" \
            "${cpu[pagefind]}" "$(mb "${rss[pagefind]}")" "$pagefind_pages"
    fi
    echo
    for t in loa-off loa-on pagefind; do
        [[ -s "$work/$t.times" ]] || continue
        printf '%s runs (wall_s/rss_kb/cpu_s): %s\n' "$t" "$(paste -sd' ' <(tr ' ' '/' <"$work/$t.times"))"
    done
} | tee "$work/build-$PAGES.txt"

# The build numbers as JSON, for search-results.json.
times_json() {
    awk 'BEGIN { printf "[" }
        { printf "%s{\"wall_s\":%s,\"rss_kb\":%s,\"cpu_s\":%s}", (NR > 1 ? "," : ""), $1, $2, $3 }
        END { printf "]" }' "$1"
}
{
    printf '{"corpus_pages":%s,"html_files":%s,"seed":%s,"runs":%s,"cpus":%s,"output_root":"%s",' \
        "$corpus_pages" "$site_html" "$SEED" "$RUNS" "$(nproc)" "$out_root"
    for t in loa-off loa-on pagefind; do
        printf '"%s":{"wall_s":%s,"cpu_s":%s,"rss_kb":%s,"runs":%s},' "$t" "${wall[$t]}" "${cpu[$t]}" \
            "${rss[$t]}" "$(times_json "$work/$t.times")"
    done
    printf '"ratio_on_off":{"wall":%s,"cpu":%s,"rss":%s},' "$r_wall" "$r_cpu" "$r_rss"
    printf '"paired_on_off":{"wall":%s,"cpu":%s},' "$p_wall" "$p_cpu"
    printf '"pagefind_version":"%s","pagefind_args":"%s","pagefind_pages":"%s"}\n' "$pagefind_version" \
        "$PAGEFIND_ARGS" "$pagefind_pages"
} >"$work/build.json"

# --- browser ----------------------------------------------------------------------------------
full_flag=--full
[[ "$FULL" == 1 ]] || full_flag=--no-full
note "browser: $chromium_bin, $RUNS cold loads per query and engine"
node "$root/benches/search_browser.mjs" --loa "$site" --pagefind "$pagefind_out" --runs "$RUNS" \
    --build "$work/build.json" --harness "$work/pagefind-harness" --json "$results" "$full_flag" --only "$ONLY" \
    | tee "$work/browser-$PAGES.txt"
