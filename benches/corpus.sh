# shellcheck shell=bash disable=SC2154  # the variables come from the script that sources this
# Sourced by compare.sh and search.sh: compiles the corpus generator when its source changed and
# (re)generates the corpus at $corpus unless one made by the same source, N and seed is there.
# Expects: root, generator, corpus, PAGES, SEED, and the functions note and die.

# The generator is std-only, so it is compiled with rustc directly: it then works even while
# the loa crate itself does not compile. (`cargo run --release --example corpus` is the same.)
if [[ ! -x "$generator" || "$root/benches/corpus.rs" -nt "$generator" ]]; then
    note "compiling the corpus generator"
    rustc --edition 2024 -O "$root/benches/corpus.rs" -o "$generator"
fi
# A corpus is reused when it was made by the same generator source with the same N and seed.
stamp="$(sha256sum "$root/benches/corpus.rs" | cut -d' ' -f1) pages=$PAGES seed=$SEED"
if [[ ! -f "$corpus/site.yaml" || "$(cat "$corpus.stamp" 2>/dev/null)" != "$stamp" ]]; then
    note "generating $PAGES pages into ${corpus#"$root"/}"
    rm -f "$corpus.stamp"
    "$generator" "$corpus" --pages "$PAGES" --seed "$SEED"
    printf '%s\n' "$stamp" >"$corpus.stamp"
else
    note "reusing ${corpus#"$root"/}"
fi
