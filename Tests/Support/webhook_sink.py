#!/usr/bin/env python3
"""A real HTTP server receiving webhooks, for tests: every POST is appended to --log as
one JSON line (status answered, Idempotency-Key, body). Prints "ready" once listening.

--fail-first K answers the first K requests with --fail-status (default 500), so tests
can check that deliveries are retried with the same Idempotency-Key.
"""
import argparse
import json
import os
import signal
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--fail-first", type=int, default=0)
    parser.add_argument("--fail-status", type=int, default=500)
    args = parser.parse_args()
    lock = threading.Lock()
    remaining = [args.fail_first]

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length).decode("utf-8")
            with lock:
                status = 200
                if remaining[0] > 0:
                    remaining[0] -= 1
                    status = args.fail_status
                record = {
                    "status": status,
                    "path": self.path,
                    "idempotencyKey": self.headers.get("Idempotency-Key"),
                    "contentType": self.headers.get("Content-Type"),
                    "body": body,
                }
                with open(args.log, "a", encoding="utf-8") as f:
                    f.write(json.dumps(record) + "\n")
                    f.flush()
                    os.fsync(f.fileno())
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *_):
            pass

    server = ThreadingHTTPServer((args.host, args.port), Handler)
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    # A parent that blocks SIGTERM (test runners do) passes its mask on; unblock it, or
    # the signal would wait forever and the test would have to SIGKILL us.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
    print("ready", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
