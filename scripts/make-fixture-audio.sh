#!/usr/bin/env bash
# Generates the short spoken MP3 episodes the e2e tests play, into tests/fixtures/audio/.
# Needs Debian's espeak-ng, sox and lame. The outputs are committed; rerun only to change them.
set -euo pipefail
out="$(cd "$(dirname "$0")/.." && pwd)/tests/fixtures/audio"
mkdir -p "$out"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

make_episode() { # name seconds text
  local name=$1 seconds=$2 text=$3
  espeak-ng -s 150 -w "$tmp/voice.wav" "$text"
  # Pad the speech with a quiet tone to an exact length, so durations are predictable.
  sox "$tmp/voice.wav" -r 22050 -c 1 "$tmp/voice22.wav"
  sox -n -r 22050 -c 1 "$tmp/bed.wav" synth "$seconds" sine 220 vol 0.05
  sox -m "$tmp/bed.wav" "$tmp/voice22.wav" "$tmp/mix.wav" trim 0 "$seconds"
  lame --quiet -b 32 -m m --resample 22.05 "$tmp/mix.wav" "$out/$name.mp3"
}

make_episode episode-1 12 "Episode one. Routing protocols for people in a hurry."
make_episode episode-2 10 "Episode two. Automating the network with small scripts."
make_episode episode-3 14 "Episode three. Day two operations and the joy of on call."
make_episode long-episode 120 "A long episode, for seeking. Two minutes of network talk."
bash "$(dirname "$0")/make-gap-audio.sh" # the skip-silence fixture, from its own script
ls -l "$out"
