#!/usr/bin/env python3
"""Seeds a running Kept with one organization and one person who has N commitments.

    python3 bench/seed.py [BASE_URL] [N]      # defaults: http://127.0.0.1:8080 200

Signs up a new organization (a fresh e-mail each run), takes an API token with the right password,
makes N commitments (due dates spread over the next year, all four visibilities), reports progress
on every third one (all three confidences) and closes every twentieth one. Prints only the token on
stdout; progress goes to stderr. Python 3 standard library only.
"""

import datetime
import json
import sys
import time
import urllib.error
import urllib.request

BASE = (sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080").rstrip("/")
COUNT = int(sys.argv[2]) if len(sys.argv) > 2 else 200
PASSWORD = "benchmarks need 200 commitments"
VISIBILITIES = ["PRIVATE", "PARTNERS", "TEAM", "ORGANIZATION"]
CONFIDENCES = ["ON_TRACK", "AT_RISK", "OFF_TRACK"]
OUTCOMES = ["KEPT", "PARTLY_KEPT", "NOT_KEPT", "DROPPED"]


def call(method, path, body=None, token=None, expect=(200, 201)):
    request = urllib.request.Request(BASE + "/api/v1" + path, method=method)
    request.add_header("Accept", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, data, timeout=30) as response:
            status, text = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read().decode()
    if status not in expect:
        sys.exit(f"{method} {path}: HTTP {status}: {text[:500]}")
    return json.loads(text) if text else None


def main():
    email = f"bench-{time.time_ns()}@bench.example"
    call("POST", "/signup", {"organization": "Bench Org", "name": "Bench Person", "email": email,
                             "password": PASSWORD})
    token = call("POST", "/tokens", {"email": email, "password": PASSWORD})["token"]

    # tomorrow at the earliest, so the date is "today or later" in any time zone
    first_due = datetime.date.today() + datetime.timedelta(days=1)
    progressed = closed = 0
    for i in range(COUNT):
        due = first_due + datetime.timedelta(days=(i * 37) % 365)
        made = call("POST", "/commitments", {
            "what": f"Ship the quarterly report #{i} to the finance team",
            "doneWhen": f"Report #{i} is merged and the finance lead has signed it off in the tracker",
            "due": due.isoformat(),
            "why": "Finance closes the quarter on it; a late report delays every team's budget.",
            "visibility": VISIBILITIES[i % len(VISIBILITIES)],
        }, token)
        if i % 3 == 0:
            call("POST", f"/commitments/{made['id']}/progress", {
                "percent": (i * 7) % 101,
                "confidence": CONFIDENCES[(i // 3) % len(CONFIDENCES)],
                "note": f"Draft {i} reviewed; numbers from two of three regions are in.",
            }, token)
            progressed += 1
        if i % 20 == 19:
            call("POST", f"/commitments/{made['id']}/verification", {
                "outcome": OUTCOMES[(i // 20) % len(OUTCOMES)],
                "reflection": "Started the numbers a week earlier than last time; that was what made it.",
            }, token)
            closed += 1
    listed = call("GET", "/commitments", token=token)
    print(f"seeded {email}: {COUNT} commitments ({progressed} with progress, {closed} closed); "
          f"GET /api/v1/commitments lists {len(listed)}", file=sys.stderr)
    print(token)


if __name__ == "__main__":
    main()
