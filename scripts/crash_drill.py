#!/usr/bin/env python3
"""The driving half of scripts/crash-drill.sh (run that, not this).

Starts the built portal on a fresh SQLite file, signs in as the demo intake clerk, sends a burst of
registrations through the JSON intake API (each with its own Idempotency-Key) from several threads,
SIGKILLs the portal after a number of them were acknowledged, restarts it on the same file, and sends
every registration again with the same key. Prints what was acknowledged before the kill, what the retry
found, and which acknowledged registrations were lost. The intake API is the portal's only write API:
every other step of a case is taken in the interactive pages (Blazor Server), not over HTTP, so the
load is intake; the deadline monitor adds its own ledger writes (the cases arrive a week old, overdue).
"""
import argparse
import concurrent.futures
import datetime
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse

PASSWORD = "Portal#2026"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Portal:
    def __init__(self, dll, content_root, work, port):
        self.dll, self.content_root, self.work, self.port = dll, content_root, work, port
        self.process = None
        self.starts = 0

    def env(self):
        env = dict(os.environ)
        env.update({
            "ASPNETCORE_ENVIRONMENT": "Development",  # the demo accounts
            "Database__Provider": "Sqlite",
            "ConnectionStrings__Sqlite": f"Data Source={self.work}/portal.db",
            "Security__RequireHttps": "false",
            "Ledger__DigestPath": f"{self.work}/ledger-digests",
            "Ledger__DigestKeyPath": f"{self.work}/ledger-key/digest-signing-key.pem",
            "Ledger__DigestInterval": "00:00:10",
            "Deadlines__MonitorInterval": "00:00:05",
            "Cases__EvidencePath": f"{self.work}/evidence",
            "Cases__PickupPath": f"{self.work}/outbox",
            "Logging__LogLevel__Default": "Warning",
        })
        return env

    def start(self):
        self.starts += 1
        log = open(f"{self.work}/portal-{self.starts}.log", "w")
        self.process = subprocess.Popen(["dotnet", self.dll, "--urls", f"http://127.0.0.1:{self.port}"],
                                        cwd=self.content_root, env=self.env(), stdout=log, stderr=subprocess.STDOUT)
        deadline = time.time() + 180
        while time.time() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"portal exited with {self.process.returncode}; see {log.name}")
            try:
                status, _, _ = self.request("GET", "/healthz", timeout=2)
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        sys.exit("portal did not answer /healthz within 180 s")

    def kill(self):
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def request(self, method, path, body=None, headers=None, timeout=60):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.getheaders(), response.read()
        finally:
            connection.close()

    def sign_in(self, user):
        status, headers, page = self.request("GET", "/account/login")
        cookies = cookies_of(headers)
        token = re.search(rb'name="__RequestVerificationToken" value="([^"]+)"', page).group(1).decode()
        form = urllib.parse.urlencode({"_handler": "login", "__RequestVerificationToken": token,
                                       "Input.UserName": user, "Input.Password": PASSWORD})
        status, headers, _ = self.request("POST", "/account/login", form, {
            "Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie_header(cookies)})
        cookies.update(cookies_of(headers))
        if status != 302 or "cp.auth" not in cookies:
            sys.exit(f"sign-in as {user} answered {status}")
        return cookie_header(cookies)


def cookies_of(headers):
    found = {}
    for name, value in headers:
        if name.lower() == "set-cookie":
            pair = value.split(";", 1)[0]
            key, _, val = pair.partition("=")
            found[key] = val
    return found


def cookie_header(cookies):
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


def registration(i, received):
    return json.dumps({
        "channel": "Hotline",
        "receivedAt": received,
        "complainant": {"name": f"演练{i:04d}", "phone": f"139{i:08d}"},
        "subject": {"productModel": "XP-200"},
        "description": f"崩溃演练第 {i} 件：电水壶底座漏电",
        "confirmedWithCaller": True,
    }, ensure_ascii=False).encode()


def register(portal, cookie, i, key, received):
    try:
        status, _, body = portal.request("POST", "/api/complaints", registration(i, received), {
            "Content-Type": "application/json", "Cookie": cookie, "Idempotency-Key": key}, timeout=120)
        number = json.loads(body).get("caseNumber") if status in (200, 201) else None
        return status, number
    except (OSError, http.client.HTTPException, ValueError):
        return None, None  # no answer: the portal died with this request in flight


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dll", required=True)
    parser.add_argument("--content-root", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--checker", required=True, help="the built bench/CrashDrill dll")
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--parallel", type=int, default=8)
    parser.add_argument("--kill-after", type=int, default=120, help="acknowledged registrations before SIGKILL")
    args = parser.parse_args()

    portal = Portal(args.dll, args.content_root, args.work, free_port())
    received = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=7)).isoformat(timespec="seconds")
    keys = [f"drill-{i:05d}" for i in range(args.calls)]
    portal.start()
    try:
        cookie = portal.sign_in("intake")
        first = {}
        acknowledged = 0
        killed = threading.Event()
        lock = threading.Lock()

        def first_call(i):
            nonlocal acknowledged
            if killed.is_set():
                return keys[i], (None, None)
            result = register(portal, cookie, i, keys[i], received)
            with lock:
                if result[0] in (200, 201):
                    acknowledged += 1
                    if acknowledged >= args.kill_after and not killed.is_set():
                        killed.set()
                        portal.kill()
            return keys[i], result

        started = time.time()
        with concurrent.futures.ThreadPoolExecutor(args.parallel) as pool:
            for key, result in pool.map(first_call, range(args.calls)):
                first[key] = result
        burst = time.time() - started
        if not killed.is_set():
            portal.kill()

        portal.start()
        cookie = portal.sign_in("intake")
        with concurrent.futures.ThreadPoolExecutor(args.parallel) as pool:
            retry = dict(zip(keys, pool.map(lambda i: register(portal, cookie, i, keys[i], received), range(args.calls))))

        acked = {k: r[1] for k, r in first.items() if r[0] in (200, 201)}
        unanswered = [k for k, r in first.items() if r[0] is None]
        refused = [k for k, r in first.items() if r[0] is not None and r[0] not in (200, 201)]
        lost = [k for k, number in acked.items() if retry[k][0] != 200 or retry[k][1] != number]
        failed_retry = [k for k, r in retry.items() if r[0] not in (200, 201)]
        in_flight_committed = [k for k in unanswered if retry[k][0] == 200]
        print(f"registrations: {args.calls} keys, {args.parallel} in parallel, SIGKILL after {args.kill_after} acknowledgements "
              f"({burst:.1f} s into the burst)")
        print(f"acknowledged before the kill: {len(acked)}; refused: {len(refused)}; no answer (in flight or not yet sent): {len(unanswered)}")
        print(f"retry with the same keys after restart: {sum(1 for r in retry.values() if r[0] == 200)} found (200), "
              f"{sum(1 for r in retry.values() if r[0] == 201)} created (201), {len(failed_retry)} failed")
        print(f"  of those without an answer before the kill: {len(in_flight_committed)} had been committed, "
              f"{len(unanswered) - len(in_flight_committed)} were created by the retry")
        print(f"acknowledged-but-lost: {len(lost)}{(' ' + ','.join(lost)) if lost else ''}")
        checked = check(args)
        return 0 if not lost and not failed_retry and not refused and checked == 0 else 1
    finally:
        portal.stop()


def check(args):
    """Runs the checker against the database while the restarted portal works; waits for the deadline monitor."""
    command = ["dotnet", args.checker, "--db", f"{args.work}/portal.db", "--digests", f"{args.work}/ledger-digests",
               "--key", f"{args.work}/ledger-key/digest-signing-key.pem"]
    for attempt in range(24):
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode == 0 or "caught up: no" not in result.stdout or attempt == 23:
            print(result.stdout.rstrip())
            if result.returncode not in (0, 1):
                print(result.stderr.rstrip())
            return result.returncode
        time.sleep(5)
    return 1


if __name__ == "__main__":
    sys.exit(main())
