#!/usr/bin/env bash
# Generates the skip-silence fixture: spoken phrases separated by known gaps of near-silence (a
# -60 dBFS noise floor, like a quiet room, not digital zero), as tests/fixtures/audio/gaps-episode.mp3,
# and gaps-episode.json listing where each phrase and each gap is (seconds, from the WAV before encoding).
# Needs Debian's espeak-ng, sox and lame. The outputs are committed; rerun only to change them.
set -euo pipefail
out="$(cd "$(dirname "$0")/.." && pwd)/tests/fixtures/audio"
mkdir -p "$out"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

phrases=("Alpha. The first phrase before the first gap." "Bravo. Words right after a long pause." "Charlie. Another pause is coming now." "Delta. The last words of this episode.")
gaps=(3 2.5 3.5)
rate=22050
parts=()
json='{"speech":['
t=0
for i in "${!phrases[@]}"; do
  espeak-ng -s 160 -w "$tmp/p$i.raw.wav" "${phrases[$i]}"
  # Trim espeak's own leading/trailing silence so the phrase edges are where the JSON says.
  sox "$tmp/p$i.raw.wav" -r $rate -c 1 "$tmp/p$i.wav" silence 1 0.01 0.5% reverse silence 1 0.01 0.5% reverse
  d=$(soxi -D "$tmp/p$i.wav")
  parts+=("$tmp/p$i.wav")
  json+="$( [ "$i" -gt 0 ] && echo ,)[$t,$(echo "$t + $d" | bc -l | xargs printf '%.3f')]"
  t=$(echo "$t + $d" | bc -l | xargs printf '%.3f')
  if [ "$i" -lt "${#gaps[@]}" ]; then
    sox -n -r $rate -c 1 "$tmp/g$i.wav" synth "${gaps[$i]}" whitenoise vol 0.001
    parts+=("$tmp/g$i.wav")
    t=$(echo "$t + ${gaps[$i]}" | bc -l | xargs printf '%.3f')
  fi
done
json+="],\"gaps\":[$(IFS=,; echo "${gaps[*]}")],\"duration\":$t}"
sox "${parts[@]}" "$tmp/all.wav"
lame --quiet -b 32 -m m --resample 22.05 "$tmp/all.wav" "$out/gaps-episode.mp3"
echo "$json" > "$out/gaps-episode.json"
cat "$out/gaps-episode.json"
