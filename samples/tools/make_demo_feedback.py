#!/usr/bin/env python3
"""Write the synthetic demo feedback of "Northwind Outfitters", a fictional outdoor shop.

Writes two files next to each other (default: samples/feedback/):

  northwind_survey.csv  ~400 post-purchase survey responses, 2025-11-01 .. 2026-10-31
  northwind_orders.csv  the same customers' orders, before and after they answered

Standard library only, and deterministic: the same seed always gives byte-identical files,
so the committed copies can be regenerated and diffed. Python's random.Random is stable
across versions for the calls used here (random, randint, randrange, choice, choices,
shuffle, sample, gauss, triangular).

The data tells a story an analysis should be able to find again:
  * Footwear sizing runs small all year: the biggest detractor theme for Footwear.
  * A warehouse move makes deliveries late from January to March 2026 (2026 Q1).
  * The app crashes at checkout until a release on 1 June 2026 fixes it.
  * Members are happier than returning customers, who are happier than new ones,
    and scores drift up mildly over the year.
  * Customers who said they would "definitely" buy again mostly ordered again within
    90 days of answering; those who said they would not, rarely did.
Every comment is written to match its row's scores, category and journey stage.
"""

import argparse
import csv
import datetime as dt
import random
from pathlib import Path

SEED = 20261031
UTC = dt.timezone.utc
START = dt.datetime(2025, 11, 1, tzinfo=UTC)
END = dt.datetime(2026, 10, 31, 23, 59, 59, tzinfo=UTC)  # also the orders export's cut-off
HISTORY_START = dt.datetime(2024, 1, 1, tzinfo=UTC)  # earliest order of a returning customer

DELIVERY_CRISIS = (dt.datetime(2026, 1, 1, tzinfo=UTC), dt.datetime(2026, 4, 1, tzinfo=UTC))
CHECKOUT_FIXED = dt.datetime(2026, 6, 1, tzinfo=UTC)

FIRST_TIME_CUSTOMERS = 376
ANSWER_TWICE = 24  # customers with a second response; 376 + 24 = 400 responses

NPS_HEADER = "How likely are you to recommend Northwind to a friend? (0-10)"
BUY_AGAIN_HEADER = "Would you buy from us again?"
SURVEY_HEADER = ["response_id", "submitted_at", "customer_id", "segment", "product_category",
                 "journey_stage", NPS_HEADER, BUY_AGAIN_HEADER, "comment"]
ORDERS_HEADER = ["order_id", "customer_id", "ordered_at", "total", "currency"]

# Top box first; the index is used as the answer's level below.
BUY_AGAIN = ["Definitely would", "Probably would", "Might or might not", "Probably would not",
             "Definitely would not"]
# Chance of ordering again within 90 days of answering, by buy-again level. Stated intent
# overstates behaviour, so even the top box stays well below 100 %.
REORDER_90_DAYS = [0.64, 0.38, 0.17, 0.07, 0.03]

SEGMENTS = {"New customer": 0.42, "Returning": 0.38, "Members": 0.20}
SEGMENT_BASE = {"New customer": 8.0, "Returning": 8.5, "Members": 9.0}
CURRENCIES = {"EUR": (0.80, 1.0), "GBP": (0.12, 0.87), "USD": (0.08, 1.09)}  # share, rate

# Fictional products with their EUR prices; comments name the product that was ordered.
PRODUCTS = {
    "Jackets": [("Ridgeline shell jacket", 229.95), ("Fjord down parka", 319.95),
                ("Tarn rain jacket", 149.95), ("Hollin fleece", 89.95)],
    "Footwear": [("Scree trail runners", 139.95), ("Cairn hiking boots", 189.95),
                 ("Bothy camp slippers", 49.95)],
    "Camping": [("Basecamp 2 tent", 379.95), ("Lowland sleeping bag", 199.95),
                ("Ember stove", 64.95), ("Tarp Lite", 79.95)],
    "Accessories": [("merino beanie", 29.95), ("Summit 30L daypack", 99.95),
                    ("trekking poles", 69.95), ("headlamp", 39.95)],
}
PRODUCT_CATEGORY = {name: c for c, products in PRODUCTS.items() for name, _ in products}
PRODUCT_PRICE = {name: price for products in PRODUCTS.values() for name, price in products}
PLURAL_PRODUCTS = {"Scree trail runners", "Cairn hiking boots", "Bothy camp slippers",
                   "trekking poles"}
CATEGORY_WEIGHTS = {"Jackets": 0.31, "Footwear": 0.26, "Camping": 0.24, "Accessories": 0.19}
# More answers around the winter holidays, when more people order.
MONTH_WEIGHTS = [1.3, 1.5, 1.0, 0.8, 0.8, 0.9, 1.0, 1.0, 0.9, 0.8, 0.9, 1.1]

# Effect of each problem theme on the 0-10 score, and where in the journey it happens.
ISSUES = {
    "delivery_late": -3.6,
    "sizing_small": -3.1,
    "checkout_crash": -3.0,
    "quality_issue": -3.4,
    "support_slow": -2.8,
    "returns_hassle": -2.6,
    "price_high": -1.6,
}
STAGES = {
    "delivery_late": ["delivery"],
    "sizing_small": ["delivery", "after-use"],
    "checkout_crash": ["purchase"],
    "quality_issue": ["after-use"],
    "support_slow": ["after-use"],
    "returns_hassle": ["after-use"],
    "price_high": ["research", "purchase"],
    "great_quality": ["after-use"],
    "fast_delivery": ["delivery"],
    "word_of_mouth": ["discovery"],
    "easy_checkout": ["purchase"],
    "helpful_advice": ["research"],
    "loyal": ["after-use"],
    "value": ["research", "purchase"],
}
POSITIVE_WEIGHTS = {"great_quality": 3.0, "fast_delivery": 2.0, "word_of_mouth": 1.5,
                    "easy_checkout": 1.0, "helpful_advice": 1.0, "loyal": 1.5, "value": 1.0}

# Comment templates by theme and tone ("neg" for scores 0-6, "mid" 7-8, "pos" 9-10).
# {product} is the product the customer ordered; {is}, {was}, {has} and {s} agree with it.
TEMPLATES = {
    "delivery_late": {
        "neg": ["Late delivery. The {product} took almost three weeks to arrive and tracking "
                "showed nothing for days.",
                "Ordered for a trip and it arrived after I was back.",
                "Delivery was promised in 3-5 days, it took over two weeks. Nobody told me why.",
                "Parcel stuck 'in preparation' for 12 days. I had to chase it twice.",
                "Tracking said delivered, it was not. Turned up a week later at a neighbour's."],
        "mid": ["Nice {product}, but delivery was slow this time, about two weeks.",
                "The {product} {is} good, shipping took much longer than promised."],
        "pos": ["Delivery took a while, but the {product} {was} worth the wait.",
                "A bit late, but you kept me updated and the {product} {is} great."],
    },
    "sizing_small/Footwear": {
        "neg": ["Sizing runs small. Had to send the {product} back and the next size is sold out.",
                "The {product} run a full size small. Your size guide is wrong.",
                "Way too tight across the toes, even half a size up. Returned them.",
                "Sizing runs small, my usual size pinched after ten minutes. Disappointed."],
        "mid": ["Comfortable {product}, but they run small. Order half a size up.",
                "Good grip and well made, sizing runs small though."],
        "pos": ["Love the {product}. They run a bit small, so go half a size up."],
    },
    "sizing_small/Jackets": {
        "neg": ["The {product} is far too tight across the shoulders. Sizing runs small.",
                "Sizing runs small, an L fits like an M. Had to return it."],
        "mid": ["Nice {product} but it runs small, size up if you wear layers."],
        "pos": ["Great {product}, runs a little small so I sized up."],
    },
    "checkout_crash": {
        "neg": ["The app crashes at checkout every time I try to pay. Ended up ordering on the "
                "website after three tries.",
                "App crashed at checkout twice and I was charged twice. Refund took a week.",
                "Checkout in the app just freezes after entering the card. Very frustrating."],
        "mid": ["App crashed at checkout, the website worked. The {product} itself {is} fine."],
        "pos": ["The app crashed at checkout but the website was fine and the {product} {is} "
                "excellent."],
    },
    "quality_issue": {
        "neg": ["The {product} {was} faulty after two weeks of use.",
                "The {product} fell apart on the second trip.",
                "Stitching came apart after a couple of uses. Not what I expect at this price."],
        "mid": ["Decent {product}, but the stitching is already fraying."],
        "pos": ["Had a small defect, but the replacement {product} {is} perfect."],
    },
    "support_slow": {
        "neg": ["Support was slow. Five days for a reply to a simple question about my order.",
                "Asked support about a faulty buckle, got a template answer after a week.",
                "Customer service took ages and then closed my ticket without solving anything."],
        "mid": ["Support was slow to answer but sorted it out in the end."],
        "pos": ["Support was slow to reply, but very helpful once they did."],
    },
    "returns_hassle": {
        "neg": ["Returns are a hassle: I had to print a label, pay postage and wait three weeks "
                "for the refund.",
                "Returning the {product} was a pain. Refund still not in my account after a month.",
                "No free returns, and the returns form kept rejecting my order number."],
        "mid": ["The {product} {is} fine, but the return of my first pick was more hassle than it "
                "should be."],
        "pos": ["Returns took a while but the exchanged {product} fit{s} perfectly."],
    },
    "price_high": {
        "neg": ["Too expensive for what it is. Found the same quality cheaper elsewhere.",
                "Price went up between adding to basket and checkout. Not cool.",
                "Shipping costs on top of those prices put me off."],
        "mid": ["Good {product}, but pricey. Would buy more in a sale.",
                "Quality is fine, but the price is on the high side."],
        "pos": ["Not cheap, but the {product} {is} worth every cent."],
    },
    "great_quality": {
        "neg": ["The {product} {is} okay, but nothing special for the money."],
        "mid": ["Good quality {product}, nothing to complain about.",
                "Solid {product}, does the job."],
        "pos": ["Great quality. The {product} {has} been on every trip this year and still "
                "look{s} new.",
                "Excellent {product}, well made and exactly as described.",
                "Best {product} I have owned. Great quality.",
                "Great quality, you can tell it is built to last."],
    },
    "fast_delivery": {
        "neg": ["Arrived quickly, but the {product} {was} not what the photos suggested."],
        "mid": ["Quick delivery, the {product} {is} as expected."],
        "pos": ["Fast delivery, arrived in two days and well packed.",
                "Ordered on Sunday evening, the {product} {was} here on Tuesday. Impressive."],
    },
    "word_of_mouth": {
        "neg": ["A friend recommended you, but I was not impressed."],
        "mid": ["Heard about you from a friend. Good first experience."],
        "pos": ["A friend recommended you, and I have recommended you to my friends too.",
                "Found you through my hiking club and was not disappointed.",
                "Recommended you to my friends after our trip, the {product} {was} the star."],
    },
    "easy_checkout": {
        "neg": ["Ordering was easy, the {product} less so. Not for me."],
        "mid": ["Easy to order. The {product} {is} fine."],
        "pos": ["Easy checkout, clear delivery options, no surprises.",
                "Ordering was quick and simple, even on my phone."],
    },
    "helpful_advice": {
        "neg": ["Hard to compare models on the site, I ended up guessing and guessed wrong."],
        "mid": ["Product pages are detailed, would like more customer photos."],
        "pos": ["The size guide and the chat helped me pick the right {product}. Spot on.",
                "Great comparison charts, made choosing the {product} easy."],
    },
    "loyal": {
        "neg": ["Used to love ordering here, lately not so much."],
        "mid": ["Regular customer, usually happy. This order was okay."],
        "pos": ["Third order this year and never a problem.",
                "Still using the {product} every weekend months later.",
                "Always happy with Northwind."],
    },
    "value": {
        "neg": ["Cheap, and it feels cheap."],
        "mid": ["Fair price for a solid {product}."],
        "pos": ["Great value in the sale, the {product} feel{s} like it cost twice as much."],
    },
}
TAILS = {"neg": ["", "", " Disappointed.", " Please sort this out."],
         "mid": ["", "", " Decent overall."],
         "pos": ["", "", " Thanks!", " Keep it up."]}

# Comments that exercise importers and reports: quotes, commas, line breaks, accents,
# non-Latin scripts, emoji, and hostile strings that a report must escape. Each is placed
# on a row whose theme, score range, category and buy-again answer it matches (a named
# product becomes that row's product), so the data stays consistent:
# (themes, NPS range, product or category or None, buy-again levels or None, text).
SPECIAL_COMMENTS = [
    ({"quality_issue"}, (0, 6), "Tarn rain jacket", None,
     'The "waterproof" Tarn rain jacket soaked through on its first walk, in light rain, '
     'after 20 minutes. "Waterproof", my foot.'),
    ({"great_quality"}, (8, 10), "Fjord down parka", {0, 1},
     "Pros: warm, light, packs down small.\nCons: the chest zip snags now and then.\n"
     "Overall: happy, would buy again."),
    ({"delivery_late"}, (0, 4), None, None,
     "Ordered on a Monday.\nShipped 11 days later.\nArrived after 3 weeks, with no updates "
     "in between."),
    ({"delivery_late"}, (0, 5), None, None,
     "Très déçu : la livraison a pris trois semaines et personne n'a répondu à mes e-mails."),
    ({"sizing_small"}, (3, 7), "Footwear", None,
     "Die Schuhe fallen mindestens eine Nummer zu klein aus. Qualität top, Größe leider nicht."),
    ({"sizing_small"}, (0, 6), "Footwear", None,
     "サイズが小さめでした。普段より0.5cm大きいサイズをおすすめします。"),
    ({"word_of_mouth"}, (9, 10), "Jackets", None,
     "¡Me encanta la chaqueta! Ya se la recomendé a mi hermana."),
    ({"great_quality"}, (9, 10), None, {0, 1}, "质量很好，下次还会再买。"),
    ({"delivery_late"}, (0, 6), None, None, "Η παράδοση άργησε δύο εβδομάδες. Κρίμα."),
    ({"great_quality", "loyal"}, (9, 10), "Lowland sleeping bag", {0, 1},
     "Väldigt nöjd med sovsäcken, varm även på fjället. Beställer igen!"),
    ({"great_quality", "loyal"}, (9, 10), "Basecamp 2 tent", {0},
     "Tent survived a storm on the ridge ⛺🌧️ — will definitely order again!"),
    ({"easy_checkout", "value", "great_quality"}, (7, 8), None, None, "<script>alert(1)</script>"),
    ({"great_quality", "fast_delivery"}, (9, 10), "Cairn hiking boots", None,
     'Great boots"><img src=x onerror=alert(1)>'),
    ({"returns_hassle"}, (0, 4), None, None,
     '=HYPERLINK("http://example.invalid/refund","refund me")'),  # spreadsheet formula
]


def pick_weighted(rng, weights):
    """One key of a {key: weight} dict; keys are visited in insertion order (deterministic)."""
    total = sum(weights.values())
    x = rng.random() * total
    for key, weight in weights.items():
        x -= weight
        if x < 0:
            return key
    return key


def month_index(when):
    return (when.year - START.year) * 12 + when.month - START.month


def random_time_in_month(rng, index):
    year, month = START.year + (START.month - 1 + index) // 12, (START.month - 1 + index) % 12 + 1
    first = dt.datetime(year, month, 1, tzinfo=UTC)
    following = dt.datetime(year + month // 12, month % 12 + 1, 1, tzinfo=UTC)
    # Answers cluster in waking hours (customers are mostly in Europe).
    return at_daytime(rng, first + dt.timedelta(days=rng.randrange((following - first).days)))


def at_daytime(rng, when):
    """The same day at a random waking hour: customers (mostly in Europe) order and answer
    in the evening more than at night."""
    midnight = when.replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight + dt.timedelta(seconds=int(rng.triangular(6, 23.99, 19) * 3600))


def pick_issue(rng, when, category):
    """The problem this response is about, or None. Probabilities carry the story."""
    in_crisis = DELIVERY_CRISIS[0] <= when < DELIVERY_CRISIS[1]
    chances = [
        ("delivery_late", 0.36 if in_crisis else 0.05),
        ("sizing_small", {"Footwear": 0.34, "Jackets": 0.05}.get(category, 0.0)),
        ("checkout_crash", 0.09 if when < CHECKOUT_FIXED else 0.01),
        ("quality_issue", 0.04),
        ("support_slow", 0.05),
        ("returns_hassle", 0.04),
        ("price_high", 0.06),
    ]
    for issue, chance in chances:
        if rng.random() < chance:
            return issue
    return None


def tone(nps, buy_again):
    if nps is None:
        return "neg" if buy_again is None or buy_again >= 3 else "pos" if buy_again == 0 else "mid"
    return "neg" if nps <= 6 else "mid" if nps <= 8 else "pos"


def write_comment(rng, row):
    key = row["theme"]
    if key == "sizing_small":
        key += "/" + row["category"]
    t = tone(row["nps"], row["buy_again"])
    plural = row["product"] in PLURAL_PRODUCTS
    text = rng.choice(TEMPLATES[key][t]).format_map({
        "product": row["product"], "is": "are" if plural else "is",
        "was": "were" if plural else "was", "has": "have" if plural else "has",
        "s": "" if plural else "s"})
    tail = rng.choice(TAILS[t])
    if tail.strip() not in text:
        text += tail
    # Statements of intent only where the buy-again answer says the same.
    if row["buy_again"] == 4 and rng.random() < 0.5:
        text += " Never again."
    elif row["buy_again"] == 0 and t == "pos" and \
            rng.random() < (0.8 if row["theme"] in ("loyal", "word_of_mouth") else 0.3):
        text += " Will definitely order again."
    return text[0].upper() + text[1:]


def make_response(rng, customer, when, segment):
    category = pick_weighted(rng, CATEGORY_WEIGHTS)
    product, price = rng.choice(PRODUCTS[category])
    issue = pick_issue(rng, when, category)
    # A problem spreads answers wider: some shrug it off, some give 0.
    latent = (SEGMENT_BASE[segment] + customer["mood"] + 0.07 * (month_index(when) - 5.5)
              + (ISSUES[issue] + rng.gauss(0, 1.7) if issue else 0.7 + rng.gauss(0, 1.1)))
    nps = min(10, max(0, round(latent)))
    # Buy-again follows the recommendation score, but price-sensitive customers are less
    # likely to return, and a size problem is not a reason to leave the brand.
    intent = nps + rng.gauss(0, 1.2)
    intent += {"price_high": -1.2, "sizing_small": 1.0}.get(issue, 0.0)
    intent += 0.5 if segment == "Members" else 0.0
    buy_again = 0 if intent >= 8.5 else 1 if intent >= 6.5 else 2 if intent >= 4.5 else \
        3 if intent >= 2.5 else 4
    if issue:
        theme = issue
    else:
        weights = dict(POSITIVE_WEIGHTS)
        if DELIVERY_CRISIS[0] <= when < DELIVERY_CRISIS[1]:
            weights["fast_delivery"] = 0.2
        theme = pick_weighted(rng, weights)
    return {
        "customer": customer, "submitted_at": when, "segment": segment, "category": category,
        "product": product, "price": price, "theme": theme, "stage": rng.choice(STAGES[theme]),
        "nps": nps, "buy_again": buy_again, "comment": "",
    }


def order_lag_days(rng, row):
    """Days between the order and the survey answer about it."""
    if row["stage"] == "after-use":
        return rng.uniform(20, 60)
    if row["theme"] == "delivery_late":
        return rng.uniform(18, 35)
    return rng.uniform(5, 25)


def make_survey(rng):
    customer_ids = rng.sample(range(10000, 100000), FIRST_TIME_CUSTOMERS)
    customers = []
    for number in customer_ids:
        customers.append({
            "id": f"C-{number}",
            "segment": pick_weighted(rng, SEGMENTS),
            "currency": pick_weighted(rng, {k: v[0] for k, v in CURRENCIES.items()}),
            "mood": rng.gauss(0, 0.8),  # makes one customer's two answers alike
        })
    months = [rng.choices(range(12), weights=MONTH_WEIGHTS)[0] for _ in customers]
    rows = [make_response(rng, c, random_time_in_month(rng, m), c["segment"])
            for c, m in zip(customers, months)]
    for row in rows:
        row["ordered_at"] = at_daytime(
            rng, row["submitted_at"] - dt.timedelta(days=order_lag_days(rng, row)))

    # Customers who ordered again get surveyed again; those who intended to return are
    # far more likely to have done so.
    candidates = [r for r in rows if r["submitted_at"] < dt.datetime(2026, 8, 1, tzinfo=UTC)]
    rng.shuffle(candidates)
    candidates.sort(key=lambda r: r["buy_again"] + rng.random() * 2.5)
    second = []
    for first in candidates:
        if len(second) == ANSWER_TWICE:
            break
        segment = "Returning" if first["segment"] == "New customer" else first["segment"]
        reorder = at_daytime(rng, first["submitted_at"] + dt.timedelta(days=rng.uniform(5, 80)))
        row = make_response(rng, first["customer"], reorder, segment)
        row["ordered_at"] = reorder
        row["submitted_at"] = at_daytime(
            rng, reorder + dt.timedelta(days=order_lag_days(rng, row)))
        if row["submitted_at"] <= END:
            second.append(row)
    rows += second
    rows.sort(key=lambda r: r["submitted_at"])

    # About 65 % leave a comment; unhappy customers write more often.
    for row in rows:
        t = tone(row["nps"], row["buy_again"])
        if rng.random() < {"neg": 0.82, "mid": 0.45, "pos": 0.66}[t]:
            row["comment"] = write_comment(rng, row)

    order = list(range(len(rows)))
    rng.shuffle(order)
    used = set()
    for themes, (low, high), where, levels, text in SPECIAL_COMMENTS:
        category = PRODUCT_CATEGORY.get(where, where)
        for i in order:
            r = rows[i]
            if (i not in used and r["theme"] in themes and low <= r["nps"] <= high
                    and category in (None, r["category"])
                    and (levels is None or r["buy_again"] in levels)):
                if where in PRODUCT_CATEGORY:
                    r["product"], r["price"] = where, PRODUCT_PRICE[where]
                r["comment"] = text
                used.add(i)
                break
        else:
            raise SystemExit(f"no row fits the special comment {text!r}: change the seed")

    # Skipped questions and unknown fields, as real exports have them. Special rows keep
    # their scores so each one stays consistent with its text.
    for i, row in enumerate(rows):
        if i in used:
            continue
        if rng.random() < 0.015:
            row["nps"] = None
        if rng.random() < 0.025:
            row["buy_again"] = None
        if rng.random() < 0.01:
            row["segment"] = ""
        if rng.random() < 0.02:
            row["stage"] = ""
    return rows


def price_in(currency, eur):
    """A shop price in the customer's currency: converted, then ending in .95 again."""
    return round(eur * CURRENCIES[currency][1]) - 0.05


def order_total(rng, currency, main_price):
    total = price_in(currency, main_price)
    if rng.random() < 0.4:  # an accessory in the same basket
        total += price_in(currency, rng.choice(PRODUCTS["Accessories"])[1])
    if total < price_in(currency, 75.0):
        total += price_in(currency, 5.0)  # shipping below the free-shipping threshold
    return round(total, 2)


def random_product_price(rng):
    return rng.choice(PRODUCTS[pick_weighted(rng, CATEGORY_WEIGHTS)])[1]


def make_orders(rng, rows):
    orders = []  # (ordered_at, customer_id, total, currency)
    by_customer = {}
    for row in rows:
        by_customer.setdefault(row["customer"]["id"], []).append(row)
    for responses in by_customer.values():
        customer = responses[0]["customer"]
        currency = customer["currency"]
        first_order = responses[0]["ordered_at"]
        # A new customer's surveyed order is their first; others have a history before it.
        history = {"New customer": 0, "Returning": rng.randint(1, 3),
                   "Members": rng.randint(2, 6)}[customer["segment"]]
        for _ in range(history):
            span = (first_order - HISTORY_START).total_seconds() - 14 * 86400
            when = at_daytime(rng, HISTORY_START + dt.timedelta(seconds=rng.uniform(0, span)))
            orders.append((when, customer["id"], order_total(rng, currency,
                                                                random_product_price(rng)),
                           currency))
        for row in responses:
            orders.append((row["ordered_at"], customer["id"],
                           order_total(rng, currency, row["price"]), currency))
        # Orders after the last answer follow its stated intent. (An earlier answer's
        # follow-up is the order the next answer is about.)
        last = responses[-1]
        level = last["buy_again"]
        if level is None:
            nps = last["nps"]
            level = 2 if nps is None else 0 if nps >= 9 else 1 if nps >= 7 else 3
        p90 = REORDER_90_DAYS[level]
        when = last["submitted_at"]
        if rng.random() < p90:
            when = at_daytime(rng, when + dt.timedelta(days=rng.uniform(4, 90)))
            orders.append((when, customer["id"],
                           order_total(rng, currency, random_product_price(rng)), currency))
        while rng.random() < 0.1 + 0.3 * p90:  # occasional later orders
            when = at_daytime(rng, when + dt.timedelta(days=rng.uniform(91, 240)))
            orders.append((when, customer["id"],
                           order_total(rng, currency, random_product_price(rng)), currency))
    # The export ends at the cut-off: later orders have not happened yet.
    orders = sorted(o for o in orders if o[0] <= END)
    numbered = []
    number = 104000
    for when, customer_id, total, currency in orders:
        number += rng.randint(1, 40)  # other customers' orders fall in between
        numbered.append([f"NW-{number}", customer_id, iso(when), f"{total:.2f}", currency])
    return numbered


def iso(when):
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default_dir = Path(__file__).resolve().parent.parent / "feedback"
    parser.add_argument("--out-dir", type=Path, default=default_dir,
                        help=f"where to write the CSV files (default: {default_dir})")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    rows = make_survey(rng)
    orders = make_orders(rng, rows)

    args.out_dir.mkdir(parents=True, exist_ok=True)
    # newline="" lets csv control line ends; "\n" keeps the committed files diff-friendly.
    with open(args.out_dir / "northwind_survey.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(SURVEY_HEADER)
        for number, row in enumerate(rows, start=1):
            writer.writerow([
                f"NWS-{number:05d}", iso(row["submitted_at"]), row["customer"]["id"],
                row["segment"], row["category"], row["stage"],
                "" if row["nps"] is None else row["nps"],
                "" if row["buy_again"] is None else BUY_AGAIN[row["buy_again"]],
                row["comment"],
            ])
    with open(args.out_dir / "northwind_orders.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(ORDERS_HEADER)
        writer.writerows(orders)
    print(f"wrote {len(rows)} responses and {len(orders)} orders to {args.out_dir}")


if __name__ == "__main__":
    main()
