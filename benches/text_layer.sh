#!/usr/bin/env bash
# What the Vietnamese text layer costs: the same generated corpus built by Loa before the text
# layer (BASE, default 3b3011c) and by the working tree, alternating, median of RUNS builds.
# Usage: benches/text_layer.sh        (env: PAGES=10000 RUNS=5 SEED=1 BASE=<commit>)
set -euo pipefail

PAGES="${PAGES:-10000}"
RUNS="${RUNS:-5}"
SEED="${SEED:-1}"
BASE="${BASE:-3b3011c}"
NOW="2021-08-01"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$root/target/bench"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
logs="$bench/logs"
timer=/usr/bin/time
die() { printf '\ntext_layer.sh: error: %s\n' "$*" >&2; exit 1; }
note() { printf '==> %s\n' "$*" >&2; }

[[ "$PAGES" =~ ^[1-9][0-9]*$ ]] || die "PAGES must be a positive integer"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer"
"$timer" -f '%e %M' -o /dev/null true 2>/dev/null || die "GNU time is missing (apt-get install time)"
mkdir -p "$bench" "$logs"

# --- the two binaries -------------------------------------------------------------------------
build() { # <source dir> <copy binary to>
    cargo build --release --manifest-path "$1/Cargo.toml" >"$logs/text-layer-build.log" 2>&1 \
        || { tail -n 30 "$logs/text-layer-build.log" >&2; die "cargo build failed in $1"; }
    cp "$target_dir/release/loa" "$2"
}
base_src="$bench/base-$BASE"
if [[ ! -d "$base_src" ]]; then
    note "checking out $BASE into $base_src"
    git -C "$root" worktree add --detach "$base_src" "$BASE" >/dev/null
fi
if [[ ! -x "$bench/loa-base-$BASE" ]]; then
    note "building loa at $BASE"
    build "$base_src" "$bench/loa-base-$BASE"
fi
cp "$bench/loa-base-$BASE" "$bench/loa-base"
note "building loa from the working tree"
build "$root" "$bench/loa-head"

# --- corpus: one content/, two roots (the old Loa knows neither `lint:` nor _data/) ----------
corpus="$bench/text-corpus-$PAGES-seed$SEED"
rustc --edition 2024 -O "$root/benches/corpus.rs" -o "$bench/corpus" 2>"$logs/corpus-rustc.log" \
    || { cat "$logs/corpus-rustc.log" >&2; die "the corpus generator does not compile"; }
"$bench/corpus" "$corpus/head" --pages "$PAGES" --seed "$SEED" >&2
rm -rf "$corpus/head/themes" && cp -r "$root/themes" "$corpus/head/themes"
mkdir -p "$corpus/base"
ln -sfn "$corpus/head/content" "$corpus/base/content"
rm -rf "$corpus/base/themes" && cp -r "$base_src/themes" "$corpus/base/themes"
sed '/^lint:/,$d' "$corpus/head/site.yaml" >"$corpus/base/site.yaml"

# --- runs ---------------------------------------------------------------------------------------
# Output goes to memory (/dev/shm) when there is one: writing 10k files to disk is noisier than
# everything measured here. Both builds write the same files.
out_root="${OUT_ROOT:-/dev/shm}"
[[ -d "$out_root" && -w "$out_root" ]] || out_root="$bench"
declare -A wall cpu rss
for i in $(seq 1 "$RUNS"); do
    for side in base head; do
        out="$out_root/loa-text-bench-$side"
        "$timer" -f '%e %U %S %M' -o "$logs/time-$side" "$bench/loa-$side" build --root "$corpus/$side" \
            --output "$out" --now "$NOW" --quiet >"$logs/run-$side.log" 2>&1 \
            || { tail -n 20 "$logs/run-$side.log" >&2; die "loa-$side failed"; }
        read -r w u s m <"$logs/time-$side"
        c=$(echo "$u + $s" | bc -l)
        wall[$side]+="$w "
        cpu[$side]+="$c "
        rss[$side]+="$m "
        note "run $i $side: ${w}s wall, ${c}s CPU, ${m}KB"
    done
done
rm -rf "$out_root"/loa-text-bench-base "$out_root"/loa-text-bench-head
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
bw=$(median <<<"${wall[base]}"); hw=$(median <<<"${wall[head]}")
bc_=$(median <<<"${cpu[base]}"); hc=$(median <<<"${cpu[head]}")
bm=$(median <<<"${rss[base]}"); hm=$(median <<<"${rss[head]}")
printf '\n%s pages, median of %s builds each, output in %s\n' "$PAGES" "$RUNS" "$out_root"
printf '%-24s %9s %9s %14s\n' "" "wall (s)" "CPU (s)" "peak RSS (MB)"
printf '%-24s %9s %9s %14.1f\n' "before the text layer" "$bw" "$bc_" "$(echo "$bm/1024" | bc -l)"
printf '%-24s %9s %9s %14.1f\n' "with the text layer" "$hw" "$hc" "$(echo "$hm/1024" | bc -l)"
printf '%-24s %9.3f %9.3f %14.3f\n' "ratio" "$(echo "$hw/$bw" | bc -l)" "$(echo "$hc/$bc_" | bc -l)" "$(echo "$hm/$bm" | bc -l)"
