#!/usr/bin/env python3
"""Seeds Kept over its API for the benchmarks and prints an API token (only that, on stdout).

    bench/seed.py [BASE_URL] [COUNT]        # defaults: http://127.0.0.1:8080 200

Signs up a new organization (a unique e-mail each time, so it also works on a used database),
creates an API token, and makes COUNT commitments for that person: due dates spread over the next
90 days, the four visibilities in turn, and a progress update on every third one. The data is the
same on every run (fixed random seed), apart from the names made unique. Python 3 stdlib only.

With PARTNERS=N in the environment (and KEPT_LOG naming the server's log, where invitation links
are written when no mail server is set), that person also invites N peer partners from outside by
e-mail; each joins through the link in the log, accepts, and makes PARTNER_COMMITMENTS (default 50)
commitments for their partners, which then show in the person's list.
"""
import os
import re
import datetime
import json
import random
import sys
import time
import urllib.error
import urllib.request

PASSWORD = "bench marks 2026"
VISIBILITIES = ["PRIVATE", "PARTNERS", "TEAM", "ORGANIZATION"]
CONFIDENCES = ["ON_TRACK", "ON_TRACK", "AT_RISK", "OFF_TRACK"]
THINGS = ["the onboarding guide", "the quarterly report", "the billing migration", "the release notes",
          "the hiring plan", "the API changelog", "the incident review", "the pricing page",
          "the support runbook", "the design review"]
VERBS = ["Publish", "Write and send", "Finish", "Review and merge", "Present"]
DONE = ["published on the wiki and linked from the handbook", "sent to all 12 team leads",
        "merged to main with 2 approvals", "signed off by finance", "presented at the Friday demo",
        "improve it somewhat"]  # the last one is vague on purpose: the clarity check has issues to list


def call(base, method, path, body=None, token=None):
    request = urllib.request.Request(base + path, method=method,
                                     data=None if body is None else json.dumps(body).encode())
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        sys.exit(f"{method} {path} answered {error.code}: {error.read().decode(errors='replace')}")


def main():
    base = (sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080").rstrip("/")
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    unique = time.strftime("%Y%m%d%H%M%S")
    email = f"bench-{unique}@bench.example"
    call(base, "POST", "/api/v1/signup", {"organization": f"Bench {unique}", "name": "Bench Mark",
                                           "email": email, "password": PASSWORD})
    token = call(base, "POST", "/api/v1/tokens", {"email": email, "password": PASSWORD})["token"]

    rng = random.Random(2026)
    today = datetime.date.today()
    updates = 0
    for i in range(count):
        thing = rng.choice(THINGS)
        made = call(base, "POST", "/api/v1/commitments", {
            "what": f"{rng.choice(VERBS)} {thing} (item {i + 1})",
            "doneWhen": f"{thing.capitalize()} {rng.choice(DONE)}",
            # from tomorrow on, so "today" in another time zone than the server's never makes it past
            "due": (today + datetime.timedelta(days=rng.randint(1, 90))).isoformat(),
            "why": f"So that the team can plan the next quarter around {thing}.",
            "visibility": VISIBILITIES[i % len(VISIBILITIES)],
        }, token)
        if i % 3 == 0:
            call(base, "POST", f"/api/v1/commitments/{made['id']}/progress", {
                "percent": rng.randint(0, 9) * 10,
                "confidence": rng.choice(CONFIDENCES),
                "note": f"Draft of {thing} is under review.",
            }, token)
            updates += 1
    partners = int(os.environ.get("PARTNERS", "0"))
    shared = seed_partners(base, token, unique, partners, int(os.environ.get("PARTNER_COMMITMENTS", "50")), rng)
    print(f"seeded {email}: {count} commitments, {updates} with a progress update; {partners} partners,"
          f" who made {shared} commitments (about half for partners)", file=sys.stderr)
    print(token)


def invitation_link(email):
    """The token of the invitation e-mailed to this address, read from the server's log."""
    log = os.environ["KEPT_LOG"]
    for _ in range(200):
        with open(log, encoding="utf-8", errors="replace") as f:
            text = f.read()
        at = text.rfind("to " + email + ":")
        if at >= 0:
            found = re.search(r"/invitations/([A-Za-z0-9_-]+)", text[at:])
            if found:
                return found.group(1)
        time.sleep(0.05)
    sys.exit(f"no invitation link for {email} in {log}")


def seed_partners(base, token, unique, partners, each, rng):
    today = datetime.date.today()
    made = 0
    for n in range(partners):
        email = f"partner-{n}-{unique}@outside.example"
        partnership = call(base, "POST", "/api/v1/partnerships", {"email": email, "kind": "PEER"}, token)["id"]
        call(base, "POST", f"/api/v1/invitations/{invitation_link(email)}",
             {"password": PASSWORD, "name": f"Partner {n + 1}"})
        partner = call(base, "POST", "/api/v1/tokens", {"email": email, "password": PASSWORD})["token"]
        call(base, "POST", f"/api/v1/partnerships/{partnership}/accept", {"challengeMeOn": "my dates"}, partner)
        for i in range(each):
            thing = rng.choice(THINGS)
            call(base, "POST", "/api/v1/commitments", {
                "what": f"{rng.choice(VERBS)} {thing} (partner {n + 1}, item {i + 1})",
                "doneWhen": f"{thing.capitalize()} {rng.choice(DONE)}",
                "due": (today + datetime.timedelta(days=rng.randint(1, 90))).isoformat(),
                "why": f"So that my partner can hold me to {thing}.",
                "visibility": rng.choice(["PARTNERS", "PRIVATE"]),
            }, partner)
            made += 1
    return made


if __name__ == "__main__":
    main()
