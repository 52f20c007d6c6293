#!/usr/bin/env bash
# Generates the transcript fixture episodes: spoken lines placed at exact times (each line is
# spoken by espeak-ng, then padded with silence to the next line's start), and from the same
# table the WebVTT and SRT transcripts, so every cue starts exactly when its words are heard.
# Needs Debian's espeak-ng, sox and lame. Outputs (committed): tests/fixtures/audio/lab-*.mp3,
# night-*.mp3 and tests/fixtures/served/lab-1.vtt, lab-2.srt, night-1.srt.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
audio="$root/tests/fixtures/audio"
served="$root/tests/fixtures/served"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

vtt_time() { printf '%02d:%02d:%02d.000' $(($1 / 3600)) $(($1 % 3600 / 60)) $(($1 % 60)); }
srt_time() { printf '%02d:%02d:%02d,000' $(($1 / 3600)) $(($1 % 3600 / 60)) $(($1 % 60)); }

# make_episode <name> <total seconds> <vtt|srt> <transcript file> then lines "start|speaker|text"
make_episode() {
  local name=$1 total=$2 kind=$3 out=$4; shift 4
  local parts=() n=0 count=$#
  if [ "$kind" = vtt ]; then printf 'WEBVTT\n\n' > "$out"; else : > "$out"; fi
  local lines=("$@")
  for ((i = 0; i < count; i++)); do
    IFS='|' read -r start speaker text <<< "${lines[$i]}"
    local next=$total
    if ((i + 1 < count)); then IFS='|' read -r next _ _ <<< "${lines[$((i + 1))]}"; fi
    local slot=$((next - start))
    espeak-ng -s 160 -w "$tmp/line.wav" "$text"
    sox "$tmp/line.wav" -r 22050 -c 1 "$tmp/line22.wav"
    # Exactly `slot` seconds: the speech, then silence (speech longer than its slot is cut).
    sox "$tmp/line22.wav" "$tmp/part$i.wav" pad 0 "$slot" trim 0 "$slot"
    parts+=("$tmp/part$i.wav")
    local end=$((start + slot - 1))
    n=$((n + 1))
    if [ "$kind" = vtt ]; then
      printf '%s\n%s --> %s\n<v %s>%s\n\n' "$n" "$(vtt_time "$start")" "$(vtt_time "$end")" "$speaker" "$text" >> "$out"
    else
      printf '%s\n%s --> %s\n%s: %s\n\n' "$n" "$(srt_time "$start")" "$(srt_time "$end")" "$speaker" "$text" >> "$out"
    fi
  done
  sox "${parts[@]}" "$tmp/all.wav"
  lame --quiet -b 32 -m m --resample 22.05 "$tmp/all.wav" "$audio/$name.mp3"
}

make_episode lab-1 30 vtt "$served/lab-1.vtt" \
  "0|Ada Lovelace|Welcome to Lab Notes." \
  "5|Ada Lovelace|Today our guest is Zoe Quartermaine." \
  "10|Zoe Quartermaine|I build zeppelins in my garden." \
  "15|Zoe Quartermaine|The periwinkle zeppelin flies when the tide turns." \
  "20|Ada Lovelace|That sounds wonderful." \
  "25|Ada Lovelace|Thanks for listening."

make_episode lab-2 20 srt "$served/lab-2.srt" \
  "0|Ada Lovelace|Lab Notes, episode two." \
  "6|Ada Lovelace|We measure the saffron comet tonight." \
  "12|Ada Lovelace|Goodbye for now."

make_episode night-1 24 srt "$served/night-1.srt" \
  "0|Max Night|This is Night Shift Radio." \
  "6|Max Night|Zoe Quartermaine joins us at midnight." \
  "12|Zoe Quartermaine|Lighthouses hum a tangerine melody." \
  "18|Max Night|Good night."
ls -l "$audio"/lab-*.mp3 "$audio"/night-*.mp3

# Two small chapter images (rendered from SVG by the resvg the icon script uses).
node --input-type=module -e '
import { Resvg } from "@resvg/resvg-js";
import { writeFileSync } from "node:fs";
const art = { "chapter-welcome": "<circle cx=\"32\" cy=\"32\" r=\"20\" fill=\"#fff\"/>", "chapter-zeppelins": "<ellipse cx=\"32\" cy=\"30\" rx=\"24\" ry=\"10\" fill=\"#fff\"/>" };
const bg = { "chapter-welcome": "#22aa77", "chapter-zeppelins": "#aa5522" };
for (const [name, shape] of Object.entries(art)) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="${bg[name]}"/>${shape}</svg>`;
  writeFileSync(process.argv[1] + "/" + name + ".png", new Resvg(svg).render().asPng());
}' "$served"
