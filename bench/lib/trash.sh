# Where benches put what they discard. Deleting thousands of files slows the next file creations
# on this machine's ext4 for minutes (without a journal, each new inode skips the ones deleted in
# the last 1-6 minutes, scanning them one by one), and that would time the previous run's delete
# instead of the next run. So nothing is deleted before or between timed runs: it is moved to
# bench/target/trash, emptied when the bench ends, or under bench/run once after the last bench.
# usage (from the repo root): . bench/lib/trash.sh; bench_trash PATH...; ...; bench_empty_trash
bench_trash() {
  local p
  mkdir -p bench/target/trash
  for p in "$@"; do
    [ -e "$p" ] && mv "$p" "bench/target/trash/$(basename "$p")-$$-$RANDOM"
  done
  return 0
}
bench_empty_trash() {
  [ -n "${FRONTIER_BENCH_RUN:-}" ] && return 0
  rm -rf bench/target/trash
  date +%s >bench/target/.trash-emptied
}
# Seconds after a mass delete until file creation is back to speed, and the seconds since the trash was last emptied.
BENCH_DISK_SETTLES=360
bench_trash_age() {
  echo $(( $(date +%s) - $(cat bench/target/.trash-emptied 2>/dev/null || echo 0) ))
}
# Prints a comment when a bench emptied the trash less than 6 minutes ago (figures that create many
# files are then slower than they would be on a quiet disk, on both sides).
bench_recent_delete_note() {
  local age
  age=$(bench_trash_age)
  if [ "$age" -lt "$BENCH_DISK_SETTLES" ]; then
    echo "# note: a bench deleted its discarded files ${age} s ago; file creation on this disk is slower for up to ~6 minutes after a mass delete"
  fi
  return 0
}
# Waits until 6 minutes have passed since a bench last emptied the trash (bench/run calls it first).
bench_wait_for_disk() {
  local age
  age=$(bench_trash_age)
  if [ "$age" -lt "$BENCH_DISK_SETTLES" ]; then
    echo "# waiting $(( BENCH_DISK_SETTLES - age )) s: discarded files were deleted ${age} s ago, and file creation on this disk is slow for ~6 minutes after a mass delete" >&2
    sleep $(( BENCH_DISK_SETTLES - age ))
  fi
  return 0
}
