# Sourced first by a test that reads the real files: `source real_data.sh DIR`
# sets $real to DIR, ../shared/data/real. Without it the test exits 77, which
# CTest reports as skipped (SKIP_RETURN_CODE, real_data.cmake), never as passed.
if [ ! -d "$1" ]; then
  echo "SKIP: needs ../shared/data/real (not in this checkout)"
  exit 77
fi
real=$(cd "$1" && pwd)
