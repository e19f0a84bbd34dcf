#!/usr/bin/env python3
"""The store's own text model against the lexicon alone, on the shared review files.

For each file: the reviews are split in halves by a hash of their title and text (copies of a
review fall on one side); one half is imported with its ratings (or recommend flags), the other
with them blanked, into one store. `rebuy` then learns a text model from the rated half and scores
the unrated half. The AUC of the unrated half's buy_again_probability (the blend) is compared with
that of text_signals' text_buy_again_probability (the lexicon), both against the held-back rating:
4-5 of 5 or 7.75+ of 10 would buy again, 1-3 of 5 or 5.5 of 10 or less would not, the middle left
out (as tests/bench/text_accuracy.sh labels them); an unscored response counts 0.5.

usage: tests/bench/text_model_bench.py [NAME ...]   (needs a built tree)
  REBUY_BIN: another build; REAL_DATA: the real files' folder; BENCH_DIR: keep the stores there.
Results in docs/accuracy.md, "A model learnt from the store's own ratings".
"""
import csv
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REBUY = os.environ.get("REBUY_BIN", str(ROOT / "build/bin/rebuy"))
DATA = Path(os.environ.get("REAL_DATA", ROOT.parent / "shared/data/real"))

# name: (file, format, label field, label maximum (0: a True/False flag), title, text, importer)
SETS = {
    "amazon": ("amazon/AMAZON_FASHION_5.json", "jsonl", "overall", 5, "summary", "reviewText", "amazon"),
    "yelp": ("yelp/review_sample.first1000.json", "jsonl", "stars", 5, None, "text", "yelp"),
    "olist": ("olist/olist_order_reviews_dataset.first6123.csv", "csv", "review_score", 5,
              "review_comment_title", "review_comment_message", "csv"),
    "hotel": ("hotel/booking_hotel_reviews.csv", "csv", "Reviewer_Score", 10, "Negative_Review",
              "Positive_Review", "csv"),
    "steam": ("steam/steam_reviews_recommended.csv", "csv", "recommended", 0, None, "review", "csv"),
}


PLACEHOLDERS = {"No Negative", "No Positive"}


def label_of(value, top):
    value = (value or "").strip()
    if top == 0:
        return {"true": 1, "false": 0}.get(value.lower())
    try:
        share = (float(value) - 1) / (top - 1)
    except ValueError:
        return None
    return 1 if share >= 0.75 else 0 if share <= 0.5 else None


def text_key(title, text):
    # Words only: the export joins a file's two texts (the hotel's) with a blank line and drops
    # the hotel's "No Negative" / "No Positive" placeholders.
    joined = " ".join(t for t in (title or "", text or "") if t.strip() not in PLACEHOLDERS)
    return " ".join(re.findall(r"\w+", joined.lower()))


def auc(pairs):
    pairs = sorted(pairs)
    positives = sum(y for _, y in pairs)
    negatives = len(pairs) - positives
    rank_sum, i = 0.0, 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        rank_sum += (i + j + 1) / 2 * sum(y for _, y in pairs[i:j])
        i = j
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def split(name, work):
    path, form, field, top, title_field, text_field, importer = SETS[name]
    truth, halves = {}, ([], [])
    if form == "jsonl":
        rows = [json.loads(line) for line in open(DATA / path, encoding="utf-8")]
        header = None
    else:
        reader = csv.DictReader(open(DATA / path, encoding="utf-8-sig", newline=""))
        header, rows = reader.fieldnames, list(reader)
    for row in rows:
        key = text_key(row.get(title_field) if title_field else "", row.get(text_field))
        held_back = int(hashlib.md5(key.encode()).hexdigest(), 16) % 2
        if held_back:
            truth[key] = label_of(str(row.get(field, "")), top)
            row = dict(row)
            if form == "jsonl":
                row.pop(field, None)
            else:
                row[field] = ""
        halves[held_back].append(row)
    files = []
    for half, rows_of_half in zip(("rated", "unrated"), halves):
        out = work / f"{name}_{half}.{'json' if form == 'jsonl' else 'csv'}"
        with open(out, "w", encoding="utf-8", newline="") as f:
            if form == "jsonl":
                f.writelines(json.dumps(r) + "\n" for r in rows_of_half)
            else:
                w = csv.DictWriter(f, fieldnames=header)
                w.writeheader()
                w.writerows(rows_of_half)
        files.append(out)
    return files, truth, importer


def measure(name, work):
    (rated, unrated), truth, importer = split(name, work)
    db = work / f"{name}.db"
    db.unlink(missing_ok=True)
    for f in (rated, unrated):
        subprocess.run([REBUY, "--db", db, "import", "--as", importer, f], check=True,
                       stdout=subprocess.DEVNULL)
    export = work / f"{name}.csv"
    subprocess.run([REBUY, "--db", db, "export", "--format", "csv", "-o", export], check=True)
    report = json.loads(subprocess.run([REBUY, "--db", db, "report", "--format", "json"],
                                       check=True, capture_output=True, text=True).stdout)
    blend, lexicon = [], []
    for r in csv.DictReader(open(export, encoding="utf-8-sig", newline="")):
        y = truth.get(text_key(r["title"], r["text"]))  # only held-back texts are in truth
        if y is None:
            continue
        blend.append((float(r["buy_again_probability"] or 0.5), y))
        lexicon.append((float(r["text_buy_again_probability"] or 0.5), y))
    model = report.get("text_model") or {}
    print(f"| {name} | {model.get('learnt', 0):,} | {len(blend):,} | {auc(lexicon):.3f} | "
          f"{auc(blend):.3f} | {auc(blend) - auc(lexicon):+.3f} | "
          f"{(model.get('auc') or {}).get('blend') or float('nan'):.3f} | "
          f"{'yes' if model.get('used') else 'no: ' + model.get('reason', '')} |", flush=True)


def main():
    names = sys.argv[1:] or list(SETS)
    work = Path(os.environ.get("BENCH_DIR") or tempfile.mkdtemp())
    work.mkdir(parents=True, exist_ok=True)
    print("| file | learnt from | unrated half | AUC lexicon | AUC with the model | gain | "
          "cross-validated AUC | model used |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for name in names:
        measure(name, work)


if __name__ == "__main__":
    main()
