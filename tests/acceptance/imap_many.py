#!/usr/bin/python3
"""imap_many.py HOST IMAP_PORT LMTP_PORT USER PASSWORD ADDRESS N: N IMAP sessions at once, each
logged in, INBOX selected and in IDLE; one message delivered over LMTP must reach every one of
them as an untagged EXISTS; then all end with DONE and LOGOUT."""
import smtplib
import socket
import sys
import threading
import time

host, port, lmtp_port, user, password, address, n = sys.argv[1:8]
port, n = int(port), int(n)


class Session:
    def __init__(self):
        self.sock = socket.create_connection((host, port), timeout=120)
        self.file = self.sock.makefile("rb")
        self.exists = None

    def line(self):
        data = self.file.readline()
        if not data:
            raise EOFError("connection closed")
        return data.decode("latin-1").rstrip("\r\n")

    def command(self, tag, text):
        self.sock.sendall(("%s %s\r\n" % (tag, text)).encode())
        while True:
            line = self.line()
            if line.startswith("* ") and line.endswith(" EXISTS"):
                self.exists = int(line.split()[1])
            if line.startswith(tag + " "):
                if not line.startswith(tag + " OK"):
                    raise RuntimeError(line)
                return


def main():
    sessions, errors = [], []
    idling, lock = threading.Barrier(n + 1, timeout=300), threading.Lock()
    seen = []

    def run():
        try:
            s = Session()
            s.line()
            s.command("a", "LOGIN %s %s" % (user, password))
            s.command("b", "SELECT INBOX")
            before = s.exists
            s.sock.sendall(b"c IDLE\r\n")
            if not s.line().startswith("+"):
                raise RuntimeError("no IDLE continuation")
            with lock:
                sessions.append(s)
        except Exception as e:  # noqa: BLE001 - reported below
            with lock:
                errors.append(repr(e))
            idling.abort()
            return
        idling.wait()
        try:
            deadline = time.time() + 120
            while time.time() < deadline:
                line = s.line()
                if line.endswith(" EXISTS") and int(line.split()[1]) > before:
                    with lock:
                        seen.append(1)
                    break
            s.sock.sendall(b"DONE\r\n")
            while not s.line().startswith("c "):
                pass
            s.command("d", "LOGOUT")
        except Exception as e:  # noqa: BLE001
            with lock:
                errors.append(repr(e))

    threads = [threading.Thread(target=run) for _ in range(n)]
    t0 = time.time()
    for t in threads:
        t.start()
        time.sleep(0.005)
    try:
        idling.wait()
    except threading.BrokenBarrierError:
        raise SystemExit("not all sessions reached IDLE: %s" % (errors[:3],))
    opened = time.time() - t0
    lmtp = smtplib.LMTP(host, int(lmtp_port))
    lmtp.sendmail("crowd@remote.test", [address], ("From: crowd@remote.test\r\nTo: %s\r\nSubject: to the crowd\r\n"
                                                    "\r\nhello everybody\r\n" % address).encode())
    lmtp.quit()
    for t in threads:
        t.join()
    print("%d sessions open in %.1f s; %d saw the delivery in IDLE; %d errors %s"
          % (len(sessions), opened, len(seen), len(errors), errors[:3]))
    if len(seen) != n or errors:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
