#!/usr/bin/env bash
# Files nobody wrote an importer for, through the real `rebuy` program: roles and
# scales read off headers and values, codes refused, missing markers counted, a
# file without a header row, and referral stated as a yes/no share. Fixtures of
# our own (tests/data/unseen), each reproducing a quirk of a real file.
# usage: unseen_files.sh REBUY_BIN DATA_DIR
set -uo pipefail
data=$2
source "$(dirname "$0")/../support/e2e_lib.sh" "$1"
lacks() { ! grep -qF -- "$2" "$1" || { echo "'$1' has: $2" >&2; return 1; }; }

# A survey: the 0-10 question under a coded header with code 11 for "no answer",
# a continue-buying question, and a 1-5 likelihood that is not about recommending.
export REBUY_DB="$work/survey.db"
check "survey imports" expect_exit 0 survey.out "$rebuy" import "$data/survey_codes.csv"
check "NETPRO is NPS on 0-10" contains survey.out "nps = NETPRO (0-10)"
check "why NETPRO" contains survey.out 'header "NETPRO" says "netpro*"'
check "code 11 refused" contains survey.out "7 values refused for their role"
check "NPS over the valid answers" contains survey.out "NPS +1.4"
check "over 73" contains survey.out "over 73 answers for NETPRO"
check "continue buying is buy_again" contains survey.out "buy_again = 20. Will you continue buying at Northwind?"
check "meetings is not NPS" contains survey.out '--map rating="18. How likely you will choose Northwind for business meetings?"'
check "rejects name the code" expect_exit 0 rejects.out "$rebuy" rejects
check "11 is not a 0-10 score" contains rejects.out "NETPRO: '11' is not a 0-10 score"
check "survey report" expect_exit 0 survey.json "$rebuy" report --format json
check "would buy again 58 of 80" contains survey.json '"rate": 0.725,'
check "mapping kept with the run" contains survey.json '"scale": "0-10",'
check "survey md" expect_exit 0 survey.md "$rebuy" report --format md
check "md data quality shows the scale" contains survey.md "| 1 | nps | NETPRO | 0-10 |"

# Game reviews: a True/False recommended flag is the stated recommendation; the
# game's title is the product; "-" is no text.
export REBUY_DB="$work/games.db"
check "games import" expect_exit 0 games.out "$rebuy" import "$data/game_reviews.csv"
check "recommended is recommend" contains games.out "recommend = recommended"
check "game_title is the product" contains games.out "product = game_title"
check "dash texts counted" contains games.out '"-" x6 in review'
check "games report" expect_exit 0 games.json "$rebuy" report --format json
check "would recommend 75 of 90" contains games.json '"share": 0.8333,'
check "its definition" contains games.json 'not a Net Promoter Score'
check "games md" expect_exit 0 games.md "$rebuy" report --format md
check "md headline shows the share" contains games.md "**Would recommend: 83.3 %**"
check "md breakdowns show it per game" contains games.md "NPS n | Would recommend | 95 % | Gap"
check "md data quality shows the mapping" contains games.md "| recommend | recommended |"
check "games html" expect_exit 0 games.html "$rebuy" report -o games.html
check "html headline shows the share" contains games.html 'id="recommend-share" data-value="0.8333"'

# Airline reviews: a 1-10 rating with no maximum column, yes/no Recommended, a
# title under "ReviewHeader", ordinal dates, NA texts.
export REBUY_DB="$work/airline.db"
check "airline dry run" expect_exit 0 airline.dry "$rebuy" import --dry-run "$data/airline_reviews.csv"
check "dry run shows the scale" contains airline.dry "rating         <- OverallRating (1-10)"
check "dry run says why" contains airline.dry 'header "OverallRating" says "overall rating"'
check "airline imports" expect_exit 0 airline.out "$rebuy" import "$data/airline_reviews.csv"
check "rating on 1-10" contains airline.out "rating = OverallRating (1-10)"
check "recommend" contains airline.out "recommend = Recommended"
check "header is a title" contains airline.out "title = ReviewHeader"
check "ordinal dates" contains airline.out "submitted_at = Datetime"
check "NA counted" contains airline.out '"NA" x6 in ReviewBody'
check "export" expect_exit 0 airline.csv "$rebuy" export --format csv
check "every rating carries its maximum" contains airline.csv ",10,"
check "airline report" expect_exit 0 airline.json "$rebuy" report --format json
check "no text NA" lacks airline.json '"quote": "NA"'

# Hotel reviews: a 10-point score with decimals; "No Positive" / "No Negative"
# stand for empty texts; the hotel's average is nobody's rating.
export REBUY_DB="$work/hotel.db"
check "hotel imports" expect_exit 0 hotel.out "$rebuy" import "$data/hotel_reviews.csv"
check "10-point score" contains hotel.out "rating = Reviewer_Score (1-10 with decimals)"
check "placeholders counted" contains hotel.out '"No Negative" x18 in Negative_Review'
check "placeholders counted too" contains hotel.out '"No Positive" x12 in Positive_Review'
check "the average stays an attribute" lacks hotel.out "rating = Average_Score"
check "a scale set by hand" expect_exit 0 hotel.dry "$rebuy" import --dry-run --scale Reviewer_Score=0-10 "$data/hotel_reviews.csv"
check "shown" contains hotel.dry "rating         <- Reviewer_Score (0-10 with decimals)"
check "a scale that is not one" expect_exit 1 badscale.out "$rebuy" import --dry-run --scale Reviewer_Score "$data/hotel_reviews.csv"

# Spanish reviews without a header row: every row is a review.
export REBUY_DB="$work/es.db"
check "headerless imports" expect_exit 0 es.out "$rebuy" import "$data/resenas_sin_cabecera.csv"
check "says so" contains es.out "no header row: line 1 is data"
check "every row stored" contains es.out "25 in = 25 stored (25 new"
check "dates and stars" contains es.out "submitted_at = column_1, rating = column_2 (1-5), title = column_3, text = column_4"

# Key drivers. A grid of facility ratings (1-5, 6 = not applicable, 0 = blank) beside a
# 0-10 recommend question; codes on small numbers (AGE, DAY, Q4*) are not ratings, the
# overall item and a likelihood question are not drivers. Built by driver_fixtures.py so that
# Q7FOOD moves NETPRO most.
export REBUY_DB="$work/grid.db"
check "grid imports" expect_exit 0 grid.out "$rebuy" import "$data/grid_survey.csv"
check "grid report" expect_exit 0 grid.json "$rebuy" report --format json
driver() { jq -e >/dev/null "$2" "$1"; }
check "one set of drivers" driver grid.json '.drivers | length == 1'
check "the Q7 items against would recommend" driver grid.json \
  '.drivers[0] | .question == "Q7" and .outcome == "would_recommend" and (.measure | test("0-10"))'
check "Q7FOOD first, then Q7SIGN" driver grid.json '[.drivers[0].items[].column] | .[0:2] == ["Q7FOOD", "Q7SIGN"]'
check "only the four facilities" driver grid.json '[.drivers[0].items[].column] | sort == ["Q7ART", "Q7FOOD", "Q7SIGN", "Q7WIFI"]'
check "the overall item left out" driver grid.json '.drivers[0].left_out == ["Q7ALL"]'
check "6 and 0 are no answer" driver grid.json '.drivers[0].items[0].scale == "1-5 (0, 6 = no answer)"'
check "weights add up to R2" driver grid.json \
  '.drivers[0] | ([.items[].weight] | add) - .r_squared | fabs < 0.001'
check "intervals hold the weights" driver grid.json \
  '[.drivers[0].items[] | .ci_low <= .weight and .weight <= .ci_high] | all'
check "the same store gives the same drivers" expect_exit 0 grid2.json "$rebuy" report --format json
check "drivers are deterministic" diff <(jq .drivers grid.json) <(jq .drivers grid2.json)
check "grid md" expect_exit 0 grid.md "$rebuy" report --format md
check "md shows drivers by the themes" contains grid.md "#### grid\_survey.csv, Q7 items: what moves would recommend"
check "md table" contains grid.md "| Q7FOOD | 1-5 (0, 6 = no answer) |"
check "grid html" expect_exit 0 grid.html "$rebuy" report -o grid.html
check "html table" contains grid.html '<h3 id="drivers">Key drivers</h3>'

# Airline reviews with 1-5 sub-ratings under plain aspect names (some missing) beside a 1-10
# overall rating and a yes/no Recommended: value for money moves both outcomes most.
export REBUY_DB="$work/aspects.db"
check "aspects import" expect_exit 0 aspects.out "$rebuy" import "$data/airline_aspects.csv"
check "aspects report" expect_exit 0 aspects.json "$rebuy" report --format json
check "both outcomes" driver aspects.json '[.drivers[].outcome] == ["would_buy_again", "would_recommend"]'
check "buy again read off the ratings" driver aspects.json '.drivers[0].measure | test("estimated")'
check "recommend from the yes/no answer" driver aspects.json '.drivers[1].measure | test("yes/no")'
check "value for money first" driver aspects.json '[.drivers[].items[0].column] == ["ValueForMoney", "ValueForMoney"]'
check "missing ratings skipped" driver aspects.json '[.drivers[1].items[].answered] | all(. < 140)'
check "no drivers without ratings" driver games.json '.drivers == []'
check "aspects md" expect_exit 0 aspects.md "$rebuy" report --format md
check "md says where R2 comes from" contains aspects.md "Together the 4 ratings account for"

# Star ratings beside would-buy-again answers: the store's own pairs say how each rating reads.
# 3-star customers here mostly say they would buy again (26 of 32), so a 3-star review without
# an answer counts as would-buy-again, where the default reading (0.35) would not.
export REBUY_DB="$work/pairs.db"
{
  echo "order,stars,Would you buy from us again?,comment"
  for i in $(seq 1 200); do
    stars=$((i % 5 + 1))
    case $stars in
      5) answer="Definitely would" ;; 4) answer="Probably would" ;;
      3) if [ $((i % 5 + i / 5 % 5)) -lt 6 ]; then answer="Probably would"; else answer="Probably not"; fi ;;
      *) answer="Definitely not" ;;
    esac
    [ "$i" -gt 160 ] && answer=""
    echo "O$i,$stars,$answer,Order $i arrived"
  done
} >pairs.csv
check "pairs import" expect_exit 0 pairs.out "$rebuy" import pairs.csv
check "pairs report" expect_exit 0 pairs.json "$rebuy" report --format json
check "calibrated on the answers" driver pairs.json \
  '.rating_calibration | .basis == "answers" and .pairs == 160 and (.steps | length) == 5'
check "3 stars read as the answers say" driver pairs.json \
  '.rating_calibration.steps[] | select(.rating == "3 of 5") | .observed == 0.8125 and .calibrated > 0.5'
check "monotone" driver pairs.json '[.rating_calibration.steps[].calibrated] | . == sort'
check "pairs md" expect_exit 0 pairs.md "$rebuy" report --format md
check "md says how ratings were read" contains pairs.md "Star ratings are calibrated on this store's 160 ratings beside would-buy-again answers"
check "estimates carry the calibration" expect_exit 0 pairs.jsonl.out "$rebuy" export --format jsonl -o pairs.jsonl
check "evidence names it" contains pairs.jsonl "calibrated on 160 ratings beside would-buy-again answers: 32 at 3 of 5, 0.81 say they would buy again"
check "reviews without pairs" expect_exit 0 games2.json "$rebuy" --db "$work/airline.db" report --format json
check "keep the default, and say so" driver games2.json '.rating_calibration | .basis == null and .pairs == 0'

# A rating beyond its column's scale is refused, not read on a second scale.
export REBUY_DB="$work/scale.db"
{
  echo "stars,review"
  for i in $(seq 1 30); do echo "$((i % 5 + 1)),This was review number $i and it was fine overall"; done
  echo "9,A nine on a five-star scale is a typo or a code"
} >stars.csv
check "stars import" expect_exit 0 stars.out "$rebuy" import stars.csv
check "the 9 refused" contains stars.out "1 values refused for their role"
check "rejects say why" expect_exit 0 stars.rej "$rebuy" rejects
check "outside its scale" contains stars.rej "stars: '9' is outside the rating's scale (0 to 5)"

finish
