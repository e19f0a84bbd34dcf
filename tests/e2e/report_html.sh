#!/usr/bin/env bash
# The HTML report in a real browser (headless Chromium): it loads with no
# console errors and no network requests, shows the headline numbers the JSON
# report gives, and feedback written to attack it shows as text and runs nothing.
# usage: report_html.sh REBUY_BIN SOURCE_DIR
set -uo pipefail
rebuy=$1 source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export REBUY_DB="$work/report.db"
unset REBUY_PLUGIN_PATH

command -v chromium >/dev/null || "$source_dir/scripts/install-deps" || exit 1
for tool in chromium sqlite3 jq; do
  command -v $tool >/dev/null || { echo "missing $tool: run scripts/install-deps" >&2; exit 1; }
done

passed=0 failed=0
check() { # check NAME COMMAND...: the command must succeed
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name" >&2; fi
}
contains() { grep -qF -- "$2" "$1" || { echo "'$1' lacks: $2" >&2; return 1; }; }
lacks() { [ -s "$1" ] && ! grep -qiE -- "$2" "$1" || { echo "'$1' has: $(grep -oiE -- "$2" "$1" | head -3)" >&2; return 1; }; }

script_payload='<script>alert(1)</script>'
attribute_payload='"><img src=x onerror=alert(1)>'

# Feedback written by strangers, in the comment, the segment and the customer id.
{
  echo 'response_id,submitted_at,customer_id,segment,nps,Would you buy from us again?,comment'
  for i in $(seq 1 60); do
    month=$(( (i % 3) + 9 ))
    case $((i % 4)) in
      0) answer='Definitely would' score=10 comment='Lovely boots, fast delivery' ;;
      1) answer='Probably would' score=8 comment='Good value' ;;
      2) answer='Probably would not' score=3 comment="Late parcel $script_payload" ;;
      3) answer='Definitely would not' score=1 comment="Broken box ${attribute_payload//\"/\"\"}" ;;
    esac
    segment=$([ $((i % 5)) -eq 0 ] && echo '"<b>VIP</b> ""><img src=x onerror=alert(1)>"' || echo Regular)
    printf 'R%03d,2025-%02d-%02dT10:00:00Z,"C%d%s",%s,%s,%s,"%s"\n' "$i" "$month" $(( (i % 27) + 1 )) \
      $((i % 17)) "$([ $((i % 7)) -eq 0 ] && echo "$script_payload")" "$segment" "$score" "$answer" \
      "${comment//\"/\"\"}"
  done
} >feedback.csv
check "import" "$rebuy" import feedback.csv >import.out 2>&1

check "report html" "$rebuy" report -o report.html
check "report json" "$rebuy" report -o report.json
check "json is the report" jq -e >/dev/null '.responses == 60' report.json

# The file itself: nothing to run, nothing to fetch.
check "no script element" lacks report.html '<script'
check "no img element" lacks report.html '<img'
check "no remote URL in src or href" lacks report.html '(src|href)[[:space:]]*=[[:space:]]*"?[a-z]*:?//'
check "no url() in styles" lacks report.html 'url\('
check "a policy forbids scripts and fetches" contains report.html "default-src 'none'"

# Chromium's own background traffic (updates, time, accounts) is not the page's.
browser_hosts='google\.com|googleapis\.com|gvt1\.com|gstatic\.com'
open_in_chromium() { # open_in_chromium PAGE PREFIX: PREFIX.dom, PREFIX.log, PREFIX.net
  timeout 90 chromium --headless --disable-gpu --no-sandbox --no-first-run \
    --user-data-dir="$work/profile-$2" --proxy-server=127.0.0.1:9 \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-extensions --enable-logging=stderr --v=0 --log-net-log="$work/$2.net" \
    --dump-dom "file://$work/$1" >"$2.dom" 2>"$2.log"
}
page_requests() { # URLs the page asked for, beyond its own file
  grep -o '"url":"[^"]*"' "$1" | grep -vE "\"url\":\"(file|data|about|chrome):" |
    grep -vE "https?://([a-z0-9-]+\.)*($browser_hosts)[/:\"]" | sort -u
}
no_console_messages() { ! grep -F 'CONSOLE' "$1" || { echo "console output above" >&2; return 1; }; }
no_requests() { local r; r=$(page_requests "$1"); [ -z "$r" ] || { echo "requests: $r" >&2; return 1; }; }

# The detectors must be able to fail: a page that logs an error and fetches an image.
printf '<!DOCTYPE html><p>probe</p><script>console.error("probe")</script><img src="http://example.invalid/x.png">' >probe.html
check "probe opens" open_in_chromium probe.html probe
check "console errors are seen" grep -qF 'CONSOLE' probe.log
check "requests are seen" grep -qF 'example.invalid' <(page_requests probe.net)

check "report opens in chromium" open_in_chromium report.html report
check "dom dumped" contains report.dom '<section id="headline">'
check "no console errors" no_console_messages report.log
check "no network requests" no_requests report.net
# The payloads are text in the page, not elements or handlers.
check "script payload is text" contains report.dom '&lt;script&gt;alert(1)&lt;/script&gt;'
check "attribute payload is text" contains report.dom '"&gt;&lt;img src=x onerror=alert(1)&gt;'
check "no script ran or exists" lacks report.dom '<script'
check "no image element" lacks report.dom '<img'
check "no event handler attribute" lacks report.dom '<[a-z]+[^>]* on[a-z]+="'

# No table is wider than the page, on screen at 1280 px nor printed on A4, with
# long values and long attribute names. The report runs no script, so a copy of
# it gets one that writes each table's width and its container's into the DOM;
# for print, the copy's print rules apply at the width of an A4 page less the
# report's @page margins (210 - 2 x 12 mm = 703 px).
long_name=What_single_change_to_our_delivery_and_returns_process_would_make_you_order_again_soon
long_value=Enterprise-customers-in-the-northern-region-with-annual-contracts-above-one-hundred-thousand
{
  echo "response_id,submitted_at,customer_id,segment,product,nps,Would you buy from us again?,$long_name,${long_name}_2,comment"
  for i in $(seq 1 40); do
    if [ $((i % 2)) -eq 0 ]; then
      answer='Probably would not' comment="Late delivery and a broken parcel, Unbroken$long_value$long_value"
    else
      answer='Definitely would' comment="Lovely quality, fast delivery $long_value"
    fi
    printf 'W%03d,2025-%02d-%02dT10:00:00Z,customer-%s-%d,%s-%d,%s,%s,%s,%s,%s,"%s"\n' "$i" \
      $(( (i % 3) + 9 )) $(( (i % 27) + 1 )) "$long_value" $((i % 7)) "$long_value" $((i % 4)) \
      "${long_value//-/_}" $((i % 11)) "$answer" "https://example.invalid/$long_value/$i" \
      "$long_value" "$comment"
  done
} >"wide-${long_value}.csv"
check "import wide" "$rebuy" --db wide.db import "wide-${long_value}.csv" >wide.out 2>&1
check "report wide" "$rebuy" --db wide.db report --by "$long_name" -o wide.html
cat >measure.js <<'JS'
const page = document.documentElement.clientWidth, lines = [];
document.querySelectorAll("table").forEach((t, i) => {
  const box = t.getBoundingClientRect(), room = t.parentElement.clientWidth;
  const wide = box.right > page + 0.5 || box.width > room + 0.5;
  lines.push(`${wide ? "TOO WIDE" : "fits"} table ${i}: ${Math.round(box.width)} px in ${room} px`);
});
lines.push(`page: ${document.documentElement.scrollWidth} px in ${page} px`);
const out = document.createElement("pre");
out.id = "table-widths";
out.textContent = lines.join("\n");
document.body.append(out);
JS
table_widths() { # table_widths PAGE WIDTH MEDIA PREFIX: PREFIX.dom lists each table's width
  local copy="$work/$4.html" print_rules='s/^$//'
  [ "$3" = print ] && print_rules='s/@media print/@media all/'
  sed -e 's/<meta http-equiv="Content-Security-Policy"[^>]*>//' -e "$print_rules" \
    -e 's|</body>|<script src="measure.js"></script></body>|' "$1" >"$copy"
  timeout 90 chromium --headless --disable-gpu --no-sandbox --no-first-run \
    --user-data-dir="$work/profile-$4" --proxy-server=127.0.0.1:9 --disable-background-networking \
    --disable-component-update --disable-sync --disable-extensions --hide-scrollbars \
    --window-size="$2,1000" --dump-dom "file://$copy" >"$4.dom" 2>"$4.log"
}
fits() { # fits DOM: every table fits, and the page does not scroll sideways
  grep -q 'id="table-widths"' "$1" && ! grep -q 'TOO WIDE' "$1" &&
    grep -qE '^page: ([0-9]+) px in \1 px' "$1" || { sed -n '/table-widths/,/<\/pre>/p' "$1" >&2; return 1; }
}
printf '<!DOCTYPE html><body><main><table><tr><td>%s</td></tr></table></main></body>' \
  "$(printf 'x%.0s' $(seq 1 400))" >wide-probe.html
check "the measure sees a table too wide" table_widths wide-probe.html 1280 screen probe-wide
check "a table too wide is reported" grep -q 'TOO WIDE' probe-wide.dom
check "measure on screen" table_widths wide.html 1280 screen wide-screen
check "every section has its table" test "$(grep -cE '(fits|TOO WIDE) table' wide-screen.dom)" -ge 10
check "every table fits at 1280 px" fits wide-screen.dom
check "measure in print" table_widths wide.html 703 print wide-print
check "every table fits on A4" fits wide-print.dom

# The headline numbers of the JSON report, as the page shows them.
value_of() { jq -r "$1" report.json; }
nps=$(value_of .nps.score) nps_n=$(value_of .nps.n) rate=$(value_of .buy_again.rate)
rate_n=$(value_of .buy_again.n) responses=$(value_of .responses)
check "nps known" test "$nps" != null
check "rate known" test "$rate" != null
check "page nps = json" contains report.dom "id=\"nps-score\" data-value=\"$nps\">$(printf '%+.1f' "$nps")<"
check "page nps n = json" contains report.dom "id=\"nps-n\" data-value=\"$nps_n\">$nps_n<"
check "page rate = json" contains report.dom \
  "id=\"buy-again-rate\" data-value=\"$rate\">$(LC_ALL=C awk -v r="$rate" 'BEGIN { printf "%.1f %%", 100 * r }')<"
check "page rate n = json" contains report.dom "id=\"buy-again-n\" data-value=\"$rate_n\">$rate_n<"
check "page responses = json" contains report.dom "id=\"responses\" data-value=\"$responses\">$responses<"

# Each segment row against the rest of the responses, tested.
check "segment rows tested against the rest" jq -e >/dev/null \
  '[.segments[] | select(.dimension == "segment") | .rows[] | .nps_vs_rest.p_value, .rate_vs_rest.p_value
    | numbers] | length == 4' report.json
check "html shows the tests" contains report.dom '<th>NPS vs rest</th>'

# Report options on the command line: what they change is said in every format.
check "--nps-interval score" "$rebuy" report --nps-interval score -o score.json
check "json says the score interval" jq -e >/dev/null '.nps.interval_method == "score"' score.json
check "score interval differs" jq -e >/dev/null --slurpfile w report.json \
  '.nps.ci_low != $w[0].nps.ci_low and .nps.score == $w[0].nps.score' score.json
check "--nps-interval dirichlet html" "$rebuy" report --nps-interval dirichlet -o dirichlet.html
check "html names the method" contains dirichlet.html 'data-method="dirichlet"'
check "--nps-denominator all" "$rebuy" report --nps-denominator all -o all.json
check "json says the denominator" jq -e >/dev/null \
  '.nps.denominator_policy == "all" and .nps.unanswered == 0 and .nps.n == 60' all.json
check "unknown --nps-denominator is a usage error" bash -c \
  '"$1" report --nps-denominator some >out 2>err; [ $? -eq 1 ] && grep -qF -- "--nps-denominator some" err' \
  _ "$rebuy"
check "html shows the denominator" contains report.dom 'id="nps-denominator" data-value="answered"'
check "--shrinkage" "$rebuy" report --shrinkage 5 -o shrink.json
check "json says the shrinkage" jq -e >/dev/null '.calibration.shrinkage == 5' shrink.json
check "negative --shrinkage is a usage error" bash -c '"$1" report --shrinkage -1 >out 2>&1; [ $? -eq 1 ]' \
  _ "$rebuy"
check "unknown --nps-interval is a usage error" bash -c \
  '"$1" report --nps-interval wald >out 2>err; [ $? -eq 1 ] && grep -qF -- "--nps-interval wald" err' \
  _ "$rebuy"

# --option PLUGIN.KEY=VALUE reaches one plugin; a scope naming none is refused (on a copy).
cp "$REBUY_DB" options.db
check "scoped analyzer option" "$rebuy" --db options.db analyze --rerun --option buy_again.preset=top2
check "a bad scoped value reaches its analyzer" bash -c \
  '"$1" --db options.db analyze --rerun --option buy_again.preset=nope >out 2>err; [ $? -eq 2 ] && grep -qF "preset=nope" err' \
  _ "$rebuy"
check "unknown scope is a usage error naming it" bash -c \
  '"$1" --db options.db analyze --option nosuch.x=1 >out 2>err; [ $? -eq 1 ] && grep -qF "'"'"'nosuch'"'"' names no loaded" err' \
  _ "$rebuy"
check "unknown scope on import too" bash -c \
  '"$1" --db options.db import --option buy_agian.scale=5 feedback.csv >out 2>err; [ $? -eq 1 ] && grep -qF buy_agian err' \
  _ "$rebuy"

# The horizon of "ordered again" belongs to the store and the report says it.
check "default horizon in json" jq -e >/dev/null '.calibration.horizon_days == 90' report.json
check "analyze --horizon 30" "$rebuy" --db options.db analyze --horizon 30
check "report says the horizon" bash -c \
  '"$1" --db options.db report --format json | jq -e ".calibration.horizon_days == 30" >/dev/null' _ "$rebuy"
check "a later analyze keeps it" bash -c \
  '"$1" --db options.db analyze >/dev/null && "$1" --db options.db report --format json | jq -e ".calibration.horizon_days == 30" >/dev/null' \
  _ "$rebuy"
check "horizon 0 is a usage error" bash -c \
  '"$1" --db options.db analyze --horizon 0 >out 2>err; [ $? -eq 1 ] && grep -qF -- "--horizon 0" err' _ "$rebuy"

echo "report_html: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
