# Shared by the importers' end-to-end scripts: runs `rebuy` in a scratch
# directory and checks what it prints.
# usage: source e2e_lib.sh REBUY_BIN; then check ... ; finish
rebuy=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
unset REBUY_PLUGIN_PATH REBUY_DB

passed=0 failed=0
check() { # check NAME COMMAND...: the command must succeed
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name" >&2; fi
}
# expect_exit CODE OUTFILE COMMAND...: runs the command, stdout+stderr to OUTFILE
expect_exit() {
  local code=$1 out=$2; shift 2
  "$@" >"$out" 2>&1
  local got=$?
  [ "$got" -eq "$code" ] || { echo "expected exit $code, got $got from: $*" >&2; cat "$out" >&2; return 1; }
}
contains() { grep -qF -- "$2" "$1" || { echo "'$1' lacks: $2" >&2; cat "$1" >&2; return 1; }; }

# imports_as FILE PLUGIN IN STORED REJECTED SKIPPED: into a fresh database FILE
# is read by PLUGIN (chosen without --as) with these counts, and a second
# import adds nothing. The database stays in $db for more checks.
imports_as() {
  local file=$1 plugin=$2 in=$3 stored=$4 rejected=$5 skipped=$6
  db="$work/db.$((++imports))"
  check "import $file" expect_exit 0 out "$rebuy" --db "$db" import --no-analyze "$file"
  check "$plugin reads $file" contains out "with $plugin "
  check "counts of $file" contains out \
    "rows: $in in = $stored stored ($stored new, 0 updated, 0 unchanged) + $rejected rejected + $skipped skipped"
  check "import $file again" expect_exit 0 out "$rebuy" --db "$db" import --no-analyze "$file"
  check "a second import of $file adds nothing" contains out \
    "rows: $in in = $stored stored (0 new, 0 updated, $stored unchanged) + $rejected rejected + $skipped skipped"
}
imports=0

# import_says DB FILE TEXT: `rebuy --db DB import FILE` succeeds and prints TEXT.
import_says() {
  "$rebuy" --db "$1" import "$2" >out 2>&1 && grep -qF -- "$3" out || { echo "expected: $3" >&2; cat out >&2; return 1; }
}
# stored DB N: the report counts N responses.
stored() { "$rebuy" --db "$1" report --format json >report.json && grep -qF "\"responses\": $2," report.json; }

# imports_distinct FILE PLUGIN ROWS DISTINCT: into a fresh database FILE is read
# by PLUGIN (chosen without --as, its id the source) as ROWS rows that store
# DISTINCT responses, a row repeating an earlier one to the letter counting as
# unchanged; a second import adds nothing.
imports_distinct() {
  local file=$1 plugin=$2 rows=$3 distinct=$4
  db="$work/db.$((++imports))"
  check "$file counted" import_says "$db" "$file" \
    "$rows in = $rows stored ($distinct new, 0 updated, $((rows - distinct)) unchanged) + 0 rejected + 0 skipped"
  check "$plugin chosen for $file" grep -qF "with $plugin 1.0.0 as source \"$plugin\"" out
  check "$distinct responses of $file" stored "$db" "$distinct"
  check "a second import of $file adds nothing" import_says "$db" "$file" \
    "$rows in = $rows stored (0 new, 0 updated, $rows unchanged) + 0 rejected + 0 skipped"
  check "still $distinct responses of $file" stored "$db" "$distinct"
}

# updates_edited BEFORE AFTER NEW_TEXT OLD_TEXT: BEFORE has two reviews; AFTER
# has one of them unchanged, the other edited (NEW_TEXT where OLD_TEXT was)
# and one new. The edited review is updated in place, not duplicated.
updates_edited() {
  local before=$1 after=$2 new=$3 old=$4
  db="$work/db.$((++imports))"
  check "import $before" import_says "$db" "$before" "2 in = 2 stored (2 new, 0 updated, 0 unchanged)"
  check "import $after" import_says "$db" "$after" "3 in = 3 stored (1 new, 1 updated, 1 unchanged)"
  check "no duplicates" stored "$db" 3
  check "export" bash -c "'$rebuy' --db '$db' export --format jsonl >export.jsonl"
  check "the edited text is stored" grep -qF -- "$new" export.jsonl
  check "the old text is gone" bash -c "! grep -qF -- '\"$old\"' export.jsonl"
}

# imports_bare_cr FILE PLUGIN STORED FIELDS: FILE with bare CR line ends (old
# Mac Excel) and a two-field row appended reads as STORED rows and a reject
# naming the appended row's line and "expected FIELDS fields, found 2".
imports_bare_cr() {
  local file=$1 plugin=$2 stored=$3 fields=$4
  tr '\n' '\r' < "$file" | tr -s '\r' > bare_cr.csv
  local lines; lines=$(tr -cd '\r' < bare_cr.csv | wc -c)
  printf 'x,y\r' >> bare_cr.csv
  imports_as bare_cr.csv "$plugin" $((stored + 1)) "$stored" 1 0
  check "rejects of bare_cr.csv" expect_exit 0 rej "$rebuy" --db "$db" rejects
  check "ragged row of bare_cr.csv named" contains rej \
    "bare_cr.csv:$((lines + 1)): rejected: expected $fields fields, found 2"
}

finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
