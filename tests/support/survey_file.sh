#!/usr/bin/env bash
# A generated survey of ROWS rows, the same on every run, for tests of many rows: ids, times
# (eight rows a minute, so some of a customer's answers share a time), customers, NPS, intent,
# three aspect ratings (key drivers) and a comment of three phrases that lean toward the score.
# One row in five answers neither question, so a text model learns from the others' comments.
# Written to survey.csv in the current directory, and cut into quarter1.csv .. quarter4.csv,
# each with the header, for tests that import the quarters separately.
# usage: survey_file.sh ROWS
set -euo pipefail
rows=${1:?usage: survey_file.sh ROWS}
awk -v n="$rows" 'BEGIN {
  srand(7)
  split("Definitely would,Probably would,Might or might not,Probably would not,Definitely would not", intent, ",")
  split("great service|fast delivery|friendly staff|will come back|fair price|the product broke|too expensive|late delivery|no answer from support|never again|the box was fine|ordered twice", phrase, "|")
  print "response_id,submitted_at,customer_id,segment,nps,Would you buy from us again?,Rate the delivery (1-5),Rate the price (1-5),Rate the staff (1-5),comment"
  for (i = 1; i <= n; i++) {
    s = int(rand() * 11)
    t = ""
    for (k = 0; k < 3; k++) {
      p = rand() < 0.6 ? (s >= 7 ? 1 + int(rand() * 5) : 6 + int(rand() * 5)) : 1 + int(rand() * 12)
      t = t (k ? ", " : "") phrase[p]
    }
    # Ratings: delivery follows the score closely, price loosely, staff not at all.
    d = int(s / 2.5) + 1; if (rand() < 0.2) d = 1 + int(rand() * 5)
    pr = rand() < 0.5 ? int(s / 2.5) + 1 : 1 + int(rand() * 5)
    st = 1 + int(rand() * 5)
    m = int(i / 8)
    asked = i % 5 ? s : ""
    said = i % 5 ? intent[1 + int((10 - s) / 2.2)] : ""
    printf "R%05d,2024-01-%02dT%02d:%02d:00Z,C%04d,%s,%s,%s,%d,%d,%d,\"%s\"\n", i, 1 + int(m / 1440), \
      int(m % 1440 / 60), m % 60, int(rand() * 3000), (i % 3 ? "retail" : "business"), asked, said, \
      d, pr, st, t
  }
}' >survey.csv
for q in 1 2 3 4; do
  head -1 survey.csv >"quarter$q.csv"
  tail -n +2 survey.csv | awk -v q=$q -v n="$rows" 'NR > (q - 1) * n / 4 && NR <= q * n / 4' >>"quarter$q.csv"
done
