#!/usr/bin/env python3
"""Writes the key-driver fixtures of tests/e2e/unseen_files.sh (deterministic).

grid_survey.csv: an airport-style survey. Q7* rate facilities on 1-5 with 6 for "not
applicable" and 0 for blank; Q7ALL is the overall rating; NETPRO is the 0-10 likelihood to
recommend (11: no answer). NETPRO follows Q7FOOD most, Q7SIGN less, Q7WIFI hardly.
AGE, DAY and Q4BAGS are codes on small numbers, not ratings; the likelihood to choose us for
meetings is an intention, not a driver.

airline_aspects.csv: airline reviews with 1-5 sub-ratings (some missing), a 1-10 overall
rating and a yes/no Recommended. Recommended follows ValueForMoney most, then
CabinStaffService; SeatComfort and FoodAndBeverages barely matter.
"""
import csv
import random
import sys
from pathlib import Path

out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent)
rng = random.Random(20261206)


def clamp(v, lo, hi):
    return max(lo, min(hi, v))


def rating():
    return clamp(round(rng.gauss(3.6, 1.0)), 1, 5)


with open(out / "grid_survey.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["RESPNUM", "NETPRO", "Q7ART", "Q7FOOD", "Q7SIGN", "Q7WIFI", "Q7ALL", "AGE",
                "DAY", "Q4BAGS", "Q4STORE", "Q4FOOD",
                "How likely will you choose us for meetings?"])
    for i in range(160):
        art, food, sign, wifi = rating(), rating(), rating(), rating()
        nps = clamp(round(2.2 * (food - 3) + 1.1 * (sign - 3) + 0.15 * (wifi - 3)
                          + 7 + rng.gauss(0, 1.2)), 0, 10)
        overall = clamp(round((art + food + sign + wifi) / 4 + rng.gauss(0, 0.4)), 1, 5)
        cells = [art, food, sign, wifi]
        for k in range(4):  # not applicable, blank
            u = rng.random()
            cells[k] = 6 if u < 0.15 else 0 if u < 0.2 else cells[k]
        w.writerow([5000 + i, 11 if rng.random() < 0.05 else nps, *cells, overall,
                    rng.randint(1, 7), rng.randint(1, 7), rng.choice([1, 2, 2, 0]),
                    rng.choice([1, 2, 3]), rng.choice([1, 2]), rng.randint(1, 5)])

with open(out / "airline_aspects.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["ReviewId", "ReviewBody", "OverallRating", "SeatComfort", "CabinStaffService",
                "FoodAndBeverages", "ValueForMoney", "Recommended", "TravelType"])
    bodies = ["Flight was on time", "Long queue at the gate", "Crew were kind", "Seat was narrow",
              "Meal was cold", "Good value for the price", "Lost my bag", "Smooth boarding"]
    for i in range(140):
        seat, staff, food, value = rating(), rating(), rating(), rating()
        score = 1.6 * (value - 3) + 0.9 * (staff - 3) + 0.1 * (seat - 3) + rng.gauss(0, 1.1)
        overall = clamp(round(6 + 1.5 * score), 1, 10)
        cells = [seat, staff, food, value]
        for k in range(4):
            if rng.random() < 0.1:
                cells[k] = ""
        w.writerow([f"A{i:03d}", rng.choice(bodies), overall, *cells,
                    "yes" if score > -0.3 else "no", rng.choice(["Business", "Solo Leisure"])])
