#!/usr/bin/env python3
"""Writes the small hand-made CX world the report tests read (cxm-examples/src/test/resources/report/world/).

The layout is the simulator's contract: customers.ndjson, events.csv and events.ndjson (the same events),
journey-map.json, drivers.csv, subjects.csv, segments.json, actions.json, truth.json. The numbers are not a
model of anything: they are made so that every part of the report has something to show (repeat buyers for
the CLV fits, detractors with comments, two plans for survival). Two values test the HTML's escaping: a
detractor's comment holding <script>alert(1)</script> and a customer id with quotes and markup.
Run: python3 make-world.py (deterministic: seeded)."""
import csv, hashlib, io, json, os, random
from datetime import datetime, timedelta, timezone

random.seed(16)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "world")
os.makedirs(OUT, exist_ok=True)
START = datetime(2025, 1, 1, tzinfo=timezone.utc)
END = datetime(2025, 12, 31, tzinfo=timezone.utc)
QUOTED = 'c-"quote\'d"&<b>x</b>'
SCRIPT_COMMENT = "Awful and terrible wait <script>alert(1)</script> never again"

TP = {  # id: (name, channel, stage hint)
    "home": ("Home page", "web", "awareness"), "ad": ("Display ad", "web", "awareness"),
    "product": ("Product page", "web", "consideration"), "pricing": ("Pricing page", "web", "consideration"),
    "checkout": ("Checkout", "web", "purchase"), "hotline": ("Support hotline", "phone", "service"),
    "chat": ("Live chat", "chat", "service"), "newsletter": ("Newsletter", "email", "loyalty")}
GOOD = ["Great service, quick and friendly", "Helpful staff and fair prices", "Easy checkout, love it",
        "Friendly agent solved it fast", "Excellent support, thank you"]
BAD = ["Long wait times and not helpful", "Still unresolved after two calls, terrible", "Rude agent, long wait",
       "Not helpful at all, waited forever", "Prices too high and slow support"]
MEH = ["It was ok", "Fine, nothing special", "Average experience"]

events, drivers, subjects, customers = [], [], [], []
seq = [0]

def add(kind, cust, at, tp=None, **f):
    seq[0] += 1
    e = {"event_id": "e-%05d" % seq[0], "type": kind, "customer_id": cust, "occurred_at": at, "touchpoint_id": tp}
    e.update(f)
    events.append(e)

ids = ["c-%03d" % i for i in range(1, 121)] + [QUOTED]
for n, cust in enumerate(ids):
    first = START + timedelta(days=random.randint(0, 240), hours=random.randint(8, 18), minutes=random.randint(0, 59))
    plan = random.choice(["basic", "premium"])
    campaign = random.choice(["search", "social", "mail"])
    t = first
    add("interaction", cust, t, random.choice(["home", "ad"]), outcome="viewed", duration=30, campaign=campaign)
    t += timedelta(minutes=random.randint(2, 50))
    add("interaction", cust, t, "product", outcome="viewed", duration=90, campaign=campaign)
    if random.random() < 0.5:
        t += timedelta(minutes=random.randint(1, 20))
        add("interaction", cust, t, "pricing", outcome="viewed", duration=60, campaign=campaign)
    buys = random.random() < 0.8 or cust == QUOTED
    unresolved, wait = False, 0
    if buys:
        # BG/NBD's story: purchases at a weekly rate from a gamma, a drop-out chance from a beta after each.
        rate = 2.0 if cust == QUOTED else random.gammavariate(0.9, 0.3)
        drop = 0.0 if cust == QUOTED else random.betavariate(1.0, 3.0)
        # Gamma-Gamma's story: each purchase worth a Gamma(6, nu), nu from a Gamma(4, 40) across customers.
        nu = 6 / 500.0 if cust == QUOTED else random.gammavariate(4.0, 1 / 40.0)
        when = t + timedelta(minutes=random.randint(2, 30))
        k = 0
        while when < END:
            amount = max(1.0, round(random.gammavariate(6.0, 1 / nu), 2))
            add("purchase", cust, when, "checkout", order_id="o-%d-%d" % (n, k), amount="%.2f" % amount,
                currency="EUR", items=random.randint(1, 4), campaign=campaign)
            last = when
            k += 1
            if random.random() < drop:
                break
            when += timedelta(weeks=random.expovariate(rate), hours=random.randint(0, 5))
        t = last
        if random.random() < 0.6:
            t += timedelta(days=random.randint(1, 20))
            channel_tp = random.choice(["hotline", "chat"])
            unresolved = random.random() < 0.35
            wait = random.randint(60, 1500)
            if t >= END:
                t = END - timedelta(days=2)
            add("interaction", cust, t, channel_tp, outcome="unresolved" if unresolved else "resolved",
                duration=wait, campaign=campaign)
            t += timedelta(minutes=20)
            if channel_tp == "hotline":
                add("feedback", cust, t, "hotline", survey_id="support-csat", scale="csat",
                    score=2 if unresolved else random.choice([4, 5]))
            else:
                add("feedback", cust, t, "chat", survey_id="support-ces", scale="ces",
                    score=random.choice([2, 3]) if unresolved else random.choice([5, 6, 7]))
        if random.random() < 0.5:
            t += timedelta(days=random.randint(1, 30))
            t = min(t, END - timedelta(days=1))
            add("interaction", cust, t, "newsletter", outcome="opened", duration=20, campaign=campaign)
    # The relationship survey: wait and resolution make detractors.
    if random.random() < 0.85 or cust == "c-007":
        t += timedelta(days=random.randint(1, 10))
        base = 9 - (4 if unresolved else 0) - (2 if wait > 900 else 0) + random.choice([-1, 0, 0, 1])
        score = max(0, min(10, base))
        if cust == "c-007":
            score, comment = 0, SCRIPT_COMMENT
        else:
            comment = random.choice(BAD if score <= 6 else GOOD if score >= 9 else MEH)
        if t < END:
            add("feedback", cust, t, "checkout" if buys else None, survey_id="relationship-nps", scale="nps",
                score=score, comment=comment)
            drivers.append({"response_id": "r-%03d" % (len(drivers) + 1), "customer_id": cust, "recommend": score,
                            "wait_time": max(1, min(5, 5 - wait // 400 + random.choice([-1, 0, 0, 1]))),
                            "resolution": 1 if unresolved else random.choice([4, 5]),
                            "staff": max(1, min(5, score // 2 + random.choice([-1, 0, 1]))),
                            "price": random.randint(2, 5)})
    tenure_end = max(e["occurred_at"] for e in events if e["customer_id"] == cust)
    churned = (END - tenure_end).days > 90
    tickets = sum(1 for e in events if e["customer_id"] == cust and e["touchpoint_id"] in ("hotline", "chat"))
    subjects.append({"customer_id": cust, "tenure_days": max(1, (tenure_end - first).days + (0 if churned else (END - tenure_end).days)),
                     "churned": 1 if churned else 0, "plan": plan, "tickets": tickets,
                     "discount": 1 if plan == "basic" and random.random() < 0.5 else 0})
    email = "%s@example.com" % ("c-002" if cust == "c-120" else cust.replace('"', "").replace("'", "").replace("<", "").replace(">", "").replace("/", "").replace("&", ""))
    consents = [{"purpose": "service-call", "status": "GRANTED", "at": first}]
    if random.random() < 0.7:
        consents.append({"purpose": "marketing-email", "status": "GRANTED", "at": first})
    customers.append({"id": cust, "firstSeen": first, "profile": {"plan": plan}, "consents": consents,
                      "segments": [], "identities": [{"type": "EMAIL_HASH",
                                                      "value": hashlib.sha256(email.encode()).hexdigest()}]})

def iso(d):
    return d.strftime("%Y-%m-%dT%H:%M:%SZ")

events.sort(key=lambda e: (e["customer_id"], e["occurred_at"], e["event_id"]))
COLUMNS = ["event_id", "type", "customer_id", "occurred_at", "touchpoint_id", "touchpoint_name", "channel", "stage",
           "outcome", "duration", "order_id", "amount", "currency", "items", "survey_id", "scale", "score", "comment",
           "campaign"]
with open(os.path.join(OUT, "events.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(COLUMNS)
    for e in events:
        tp = e.get("touchpoint_id")
        row = dict(e, occurred_at=iso(e["occurred_at"]))
        if tp:
            row.update(touchpoint_name=TP[tp][0], channel=TP[tp][1], stage=TP[tp][2])
        w.writerow(["" if row.get(c) is None else row.get(c) for c in COLUMNS])
with open(os.path.join(OUT, "events.ndjson"), "w") as f:
    for e in events:
        tp = e.get("touchpoint_id")
        j = {"type": e["type"], "eventId": e["event_id"], "customerId": e["customer_id"],
             "occurredAt": iso(e["occurred_at"])}
        touch = {"id": tp, "name": TP[tp][0], "channel": TP[tp][1].upper(), "stage": TP[tp][2]} if tp else None
        if e["type"] == "interaction":
            j.update(touchpoint=touch, outcome=e["outcome"], duration="PT%dS" % e["duration"])
        elif e["type"] == "purchase":
            j.update(orderId=e["order_id"], amount={"amount": float(e["amount"]), "currency": "EUR"},
                     itemCount=e["items"])
            if touch:
                j["touchpoint"] = touch
        else:
            scale = {"nps": ("nps", 0, 10), "csat": ("csat", 1, 5), "ces": ("ces", 1, 7)}[e["scale"]]
            j.update(surveyId=e["survey_id"], scale={"name": scale[0], "min": scale[1], "max": scale[2]},
                     score=e["score"])
            if e.get("comment"):
                j["comment"] = e["comment"]
            if touch:
                j["touchpoint"] = touch
        j["attributes"] = {"campaign": e["campaign"]} if e.get("campaign") else {}
        f.write(json.dumps(j, ensure_ascii=False, separators=(",", ":")) + "\n")
with open(os.path.join(OUT, "customers.ndjson"), "w") as f:
    for c in customers:
        c = dict(c, firstSeen=iso(c["firstSeen"]), consents=[dict(x, at=iso(x["at"])) for x in c["consents"]])
        f.write(json.dumps(c, ensure_ascii=False, separators=(",", ":")) + "\n")
with open(os.path.join(OUT, "drivers.csv"), "w", newline="") as f:
    w = csv.DictWriter(f, ["response_id", "customer_id", "recommend", "wait_time", "resolution", "staff", "price"],
                       lineterminator="\n")
    w.writeheader()
    w.writerows(drivers)
with open(os.path.join(OUT, "subjects.csv"), "w", newline="") as f:
    w = csv.DictWriter(f, ["customer_id", "tenure_days", "churned", "plan", "tickets", "discount"],
                       lineterminator="\n")
    w.writeheader()
    w.writerows(subjects)
journey_map = {"stages": [
    {"name": "awareness", "touchpoints": ["home", "ad"], "expectedTime": "P7D"},
    {"name": "consideration", "touchpoints": ["product", "pricing"], "expectedTime": "P7D"},
    {"name": "purchase", "touchpoints": ["checkout"], "eventTypes": ["purchase"], "expectedTime": "P2D",
     "momentsOfTruth": ["checkout"]},
    {"name": "service", "touchpoints": ["hotline", "chat"], "expectedTime": "P3D", "final": True},
    {"name": "loyalty", "touchpoints": ["newsletter"], "final": True}],
    "transitions": [{"from": "awareness", "to": "consideration"}, {"from": "consideration", "to": "purchase"},
                    {"from": "purchase", "to": "service"}, {"from": "purchase", "to": "loyalty"},
                    {"from": "service", "to": "loyalty"}, {"from": "service", "to": "purchase"},
                    {"from": "loyalty", "to": "purchase"}]}
with open(os.path.join(OUT, "journey-map.json"), "w") as f:
    json.dump(journey_map, f, indent=1)
    f.write("\n")
segments = {"segments": [
    {"name": "detractors", "condition": {"category": "npsCategory", "in": ["detractor"]}},
    {"name": "repeat-buyers", "condition": {"number": "purchaseCount", "op": ">=", "value": 3}},
    {"name": "phone-users", "condition": {"channelUsed": "phone"}},
    {"name": "dormant", "condition": {"since": "lastSeen", "op": ">", "duration": "P90D"}}]}
with open(os.path.join(OUT, "segments.json"), "w") as f:
    json.dump(segments, f, indent=1)
    f.write("\n")
actions = {"policy": {"maxContacts": 2, "period": "P7D"}, "actions": [
    {"name": "follow-up-call", "kind": "call", "segments": ["detractors"], "channels": ["phone"],
     "consent": "service-call", "value": {"fixed": 50}, "cooldown": "P30D"},
    {"name": "win-back-offer", "kind": "offer", "segments": ["dormant"], "channels": ["email"],
     "consent": "marketing-email", "value": {"profile": "valueAtRisk", "factor": 1}, "cooldown": "P14D"},
    {"name": "thank-you-note", "kind": "message", "segments": ["repeat-buyers"], "channels": ["email"],
     "consent": "marketing-email", "value": {"fixed": 5}}]}
with open(os.path.join(OUT, "actions.json"), "w") as f:
    json.dump(actions, f, indent=1)
    f.write("\n")
with open(os.path.join(OUT, "truth.json"), "w") as f:
    json.dump({"note": "hand-made test world (make-world.py); no generating parameters", "customers": len(ids)}, f,
              indent=1)
    f.write("\n")
print(len(ids), "customers,", len(events), "events,", len(drivers), "responses with drivers")
