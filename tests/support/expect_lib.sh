# Sourced by end-to-end scripts that check exit codes and messages:
# `expect CODE TEXT COMMAND...` runs the command and counts a failure unless it
# exits with CODE and prints TEXT; the output stays in $out for more checks.
failed=0
fail() {
  echo "FAILED: $*" >&2
  failed=$((failed + 1))
}
# expect CODE TEXT COMMAND...: the command exits with CODE and prints TEXT (stdout or stderr).
expect() {
  local code=$1 text=$2
  shift 2
  local status
  out=$("$@" 2>&1)
  status=$?
  if [[ $status -ne $code ]] || ! grep -qF -- "$text" <<<"$out"; then
    fail "$* (exit $status, expected $code and: $text)"
    echo "$out" >&2
  fi
}
