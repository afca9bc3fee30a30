#!/usr/bin/env python3
"""A real SMTP server for tests and the local run: every message it accepts is written
to --dir as <n>.eml (atomically). Prints "ready" once listening; stops on SIGTERM.

--fail-first K answers the first K messages with 451 (a temporary failure), so tests can
check that deliveries are retried. --delay-first S holds the first message's DATA for S
seconds before accepting it, so a test can kill the sender in the middle of a delivery.
While a file named "down" exists in --dir, every message gets 421 (service not available),
so a test can keep the server away for as long as it likes.

Each file starts with X-Sink-Received-At: the wall-clock time (seconds since 1970) at
which the whole message had arrived, so a benchmark can time alerts up to the mail server,
and X-Sink-Peer: the sender's address and port, so a test can tell which mails shared a
connection.
"""
import argparse
import asyncio
import os
import signal
import time

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder, fail_first, delay_first=0.0):
        self.folder = folder
        self.fail_first = fail_first
        self.delay_first = delay_first
        self.count = len([n for n in os.listdir(folder) if n.endswith(".eml")])

    async def handle_DATA(self, server, session, envelope):
        received_at = time.time()
        if os.path.exists(os.path.join(self.folder, "down")):
            return "421 4.3.2 service not available"
        if self.fail_first > 0:
            self.fail_first -= 1
            return "451 4.3.0 try again later"
        if self.delay_first > 0:
            delay, self.delay_first = self.delay_first, 0
            open(os.path.join(self.folder, "data-started"), "w").close()
            await asyncio.sleep(delay)
        self.count += 1
        name = os.path.join(self.folder, "%06d.eml" % self.count)
        peer = session.peer if isinstance(session.peer, tuple) else (session.peer, "")
        header = "X-Sink-Received-At: %.6f\r\nX-Sink-Peer: %s:%s\r\nX-Envelope-From: %s\r\nX-Envelope-To: %s\r\n" % (
            received_at,
            peer[0],
            peer[1],
            envelope.mail_from,
            ", ".join(envelope.rcpt_tos),
        )
        data = envelope.original_content or envelope.content
        if isinstance(data, str):
            data = data.encode("utf-8")
        with open(name + ".tmp", "wb") as f:
            f.write(header.encode("ascii") + data)
            f.flush()
            os.fsync(f.fileno())
        os.rename(name + ".tmp", name)
        return "250 OK"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=2525)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--fail-first", type=int, default=0)
    parser.add_argument("--delay-first", type=float, default=0.0)
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    controller = Controller(Sink(args.dir, args.fail_first, args.delay_first), hostname=args.host, port=args.port)
    controller.start()
    print("ready", flush=True)

    def stop(*_):
        controller.stop()
        # aiosmtpd's loop thread would keep a plain exit waiting; leave at once.
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    # A parent that blocks SIGTERM (test runners do) passes its mask on; unblock it, or
    # the signal would wait forever and the test would have to SIGKILL us.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
    signal.signal(signal.SIGINT, stop)
    while True:
        signal.pause()


if __name__ == "__main__":
    main()
