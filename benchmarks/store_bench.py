#!/usr/bin/python3
"""The client side of benchmarks/store-bench.sh, run the same way against zcp and Dovecot. Each
command prints its figures as "key value" lines on stdout (the shell collects them per server)
and what it did on stderr.

  deliver HOST LMTP RCPT FIRST COUNT SESSIONS KEY   messages FIRST..FIRST+COUNT-1 over SESSIONS
                                                    parallel LMTP sessions: KEY_rate (msg/s)
  imap HOST IMAP USER PASSWORD PASSES [WARMUP]      the IMAP workload WARMUP (1) times uncounted,
                                                    then PASSES times on INBOX: the median (s)
  idle HOST IMAP LMTP USER PASSWORD RCPT SAMPLES FIRST
                                                    ms from each LMTP 250 to "* n EXISTS" in IDLE
  load HOST IMAP LMTP USER PASSWORD RCPT SECONDS SESSIONS LMTP_SESSIONS PID FIRST
                                                    SESSIONS concurrent IMAP sessions (mixed
                                                    commands) and LMTP_SESSIONS deliveries for
                                                    SECONDS; throughput, p50/p99 per command kind,
                                                    peak memory of the process tree of PID
  mem PID KEY                                       resident memory of the process tree of PID
  table ZCP_RESULTS DOVECOT_RESULTS TITLE [NOTE...] the markdown table of both

Messages are deterministic and distinct: message i is the same bytes in every run and on both
servers, about 4 KB of text with its own Message-ID; every tenth carries a 4 KB attachment,
every seventh the words "Lorem ipsum", senders rotate over 50 addresses.
"""
import base64
import imaplib
import os
import queue
import random
import resource
import smtplib
import statistics
import sys
import threading
import time
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone

WORDS = ("meeting budget report quarterly review project deadline customer invoice travel agenda "
         "server backup network release schedule contract holiday training office planning "
         "minutes proposal figures supplier delivery warehouse support ticket upgrade license").split()
LOREM = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt."
SENDERS = 50
FROM_SEARCHED = "sender7@example.org"
T0 = datetime(2026, 1, 5, 8, 0, tzinfo=timezone(timedelta(hours=1)))


def message(i, rcpt="bench@example.com"):
    """Message i: about 4 KB, its own Message-ID, every tenth with a 4 KB attachment."""
    rnd = random.Random(i)
    lines, size = [], 0
    while size < 3300:
        line = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(8, 13)))
        lines.append(line)
        size += len(line) + 2
    if i % 7 == 3:
        lines.insert(rnd.randrange(len(lines)), LOREM)
    body = "\r\n".join(lines) + "\r\n"
    k = i % SENDERS
    head = ("From: Sender %d <sender%d@example.org>\r\nTo: Bench User <%s>\r\n"
            "Subject: Store bench %05d %s %s\r\nDate: %s\r\nMessage-ID: <store-bench-%d@example.org>\r\n"
            "MIME-Version: 1.0\r\n") % (k, k, rcpt, i, rnd.choice(WORDS), rnd.choice(WORDS),
                                        format_datetime(T0 + timedelta(minutes=7 * i)), i)
    if i % 10 != 9:
        return (head + "Content-Type: text/plain; charset=us-ascii\r\n\r\n" + body).encode("ascii")
    blob = base64.b64encode(rnd.randbytes(4096)).decode("ascii")
    att = "\r\n".join(blob[p:p + 76] for p in range(0, len(blob), 76))
    return ((head + 'Content-Type: multipart/mixed; boundary="sb%d"\r\n\r\n--sb%d\r\n'
            "Content-Type: text/plain; charset=us-ascii\r\n\r\n%s--sb%d\r\n"
            'Content-Type: application/octet-stream; name="data%d.bin"\r\n'
            "Content-Transfer-Encoding: base64\r\n"
            'Content-Disposition: attachment; filename="data%d.bin"\r\n\r\n%s\r\n--sb%d--\r\n') % (
        i, i, body, i, i, i, att, i)).encode("ascii")


def log(text):
    print(text, file=sys.stderr, flush=True)


def out(key, value):
    print("%s %s" % (key, value), flush=True)


def now():
    return time.perf_counter()


def percentile(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


# ---- LMTP delivery --------------------------------------------------------------------------

def deliver(host, port, rcpt, first, count, sessions, key):
    msgs = [(i, message(i, rcpt)) for i in range(first, first + count)]   # built before the clock
    errors = []

    def session(part):
        try:
            c = smtplib.LMTP(host, port, timeout=300)
            c.ehlo("bench")
            for i, msg in part:
                try:
                    refused = c.sendmail("sender@example.org", [rcpt], msg)
                    if refused:
                        errors.append("%d: %r" % (i, refused))
                except smtplib.SMTPResponseException as e:
                    errors.append("%d: %d %s" % (i, e.smtp_code, e.smtp_error[:600]))
                    c.rset()
                except smtplib.SMTPRecipientsRefused as e:
                    errors.append("%d: %r" % (i, e.recipients))
                    c.rset()
            c.quit()
        except (OSError, smtplib.SMTPException) as e:
            errors.append("session: %r" % e)

    threads = [threading.Thread(target=session, args=(msgs[k::sessions],)) for k in range(sessions)]
    t0 = now()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    t = now() - t0
    log("%s: %d messages over %d LMTP sessions in %.1f s (%.1f msg/s), %d errors %s"
        % (key, count, sessions, t, count / t, len(errors), errors[:3]))
    out(key + "_rate", "%.1f" % (count / t))
    out(key + "_errors", len(errors))


# ---- IMAP workload --------------------------------------------------------------------------

def check(typ, data):
    if typ != "OK":
        raise SystemExit("server said %s %r" % (typ, data))
    return data


def literals(data):
    return sum(1 for d in data if isinstance(d, tuple))


def hits(data):
    return len(data[0].split()) if data and data[0] else 0


LOGINS = 5    # connect + LOGIN + SELECT, the median of these; the last session goes on


def imap_pass(host, port, user, password, tag):
    r = {}
    logins = []
    for k in range(LOGINS):
        if k:
            c.logout()
        t0 = now()
        c = imaplib.IMAP4(host, port, timeout=600)
        check(*c.login(user, password))
        count = int(check(*c.select("INBOX"))[0])
        logins.append(now() - t0)
    r["login_select"] = statistics.median(logins)

    def timed(key, fn):
        t0 = now()
        data = check(*fn())
        r[key] = now() - t0
        return data

    timed("fetch_envelope", lambda: c.fetch("1:*", "(UID FLAGS ENVELOPE RFC822.SIZE INTERNALDATE)"))
    timed("fetch_bodystructure", lambda: c.fetch("1:*", "(BODYSTRUCTURE)"))
    data = timed("fetch_body", lambda: c.fetch("1:*", "(BODY.PEEK[])"))
    r["bodies"] = literals(data)
    r["hits_text"] = hits(timed("search_text", lambda: c.search(None, "TEXT", '"lorem ipsum"')))
    r["hits_from"] = hits(timed("search_from", lambda: c.search(None, "FROM", '"%s"' % FROM_SEARCHED)))
    n = min(count, 1000)
    t0 = now()
    check(*c.store("1:%d" % n, "+FLAGS", "(\\Flagged)"))
    check(*c.store("1:%d" % n, "-FLAGS", "(\\Flagged)"))
    r["store_flags"] = now() - t0
    r["store_n"] = n
    r["hits_unflagged"] = hits(timed("search_unflagged", lambda: c.search(None, "UNFLAGGED")))
    appends = [message(900000 + 1000 * tag + k) for k in range(100)]
    t0 = now()
    for m in appends:
        check(*c.append("INBOX", None, None, m))
    r["append100"] = now() - t0
    # not measured: the appended messages go again, so every pass sees the same mailbox
    check(*c.store("%d:*" % (count + 1), "+FLAGS.SILENT", "(\\Deleted)"))
    check(*c.expunge())
    after = int(check(*c.select("INBOX"))[0])
    if after != count:
        log("warning: %d messages after the pass, %d before" % (after, count))
    c.logout()
    r["messages"] = count
    return r


IMAP_KEYS = ("login_select", "fetch_envelope", "fetch_bodystructure", "fetch_body", "search_text",
             "search_from", "store_flags", "search_unflagged", "append100")


def imap(host, port, user, password, passes, warmup=1):
    """Runs the workload WARMUP times uncounted (the JVM's compiler needs many passes: on 2 cores
    the figures still fell from the second pass to the fourth), then PASSES times; the figures are
    the median of the counted passes, so that one collection or one store compaction in one pass
    does not decide a figure. Each pass expunges what it appended: every pass sees the same
    mailbox."""
    runs = []
    for p in range(1, warmup + passes + 1):
        r = imap_pass(host, port, user, password, p)
        runs.append(r)
        log("imap pass %d of %d (%s) on %d messages: %s; hits TEXT %d, FROM %d, UNFLAGGED %d; %d bodies"
            % (p, warmup + passes, "warm-up" if p <= warmup else "counted", r["messages"],
               ", ".join("%s %.3f s" % (k, r[k]) for k in IMAP_KEYS),
               r["hits_text"], r["hits_from"], r["hits_unflagged"], r["bodies"]))
    counted = runs[warmup:]
    for k in IMAP_KEYS:
        out(k, "%.4f" % statistics.median(w[k] for w in counted))
    for k in ("messages", "bodies", "store_n", "hits_text", "hits_from", "hits_unflagged"):
        out(k, r[k])


# ---- IDLE latency ---------------------------------------------------------------------------

def idle(host, port, lport, user, password, rcpt, samples, first):
    c = imaplib.IMAP4(host, port, timeout=600)
    check(*c.login(user, password))
    check(*c.select("INBOX"))
    c.send(b"i1 IDLE\r\n")
    line = c.readline()
    if not line.startswith(b"+"):
        raise SystemExit("IDLE not accepted: %r" % line)
    events = queue.Queue()

    def reader():
        while True:
            line = c.readline()
            if not line or line.startswith(b"i1 "):
                return
            if line.startswith(b"* ") and line.rstrip().endswith(b"EXISTS"):
                events.put(now())

    t = threading.Thread(target=reader, daemon=True)
    t.start()
    lmtp = smtplib.LMTP(host, lport, timeout=60)
    lmtp.ehlo("bench")
    latencies, timeouts = [], 0
    for s in range(samples):
        time.sleep(0.3)
        while not events.empty():
            events.get()
        lmtp.sendmail("sender@example.org", [rcpt], message(first + s, rcpt))
        t250 = now()
        try:
            # EXISTS may be read before smtplib has returned the 250: that counts as 0 ms
            latencies.append(max(0.0, events.get(timeout=10) - t250) * 1000)
        except queue.Empty:
            timeouts += 1
    lmtp.quit()
    c.send(b"DONE\r\n")
    t.join(10)
    c.logout()
    log("idle: %d samples (ms): %s; %d without EXISTS within 10 s"
        % (samples, " ".join("%.1f" % v for v in latencies), timeouts))
    if latencies:
        out("idle_median_ms", "%.1f" % statistics.median(latencies))
        out("idle_worst_ms", "%.1f" % max(latencies))
    out("idle_timeouts", timeouts)


# ---- memory of a process tree ---------------------------------------------------------------

def tree_memory(root):
    """(RSS, PSS) in kB of process ROOT and all its descendants."""
    parents = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open("/proc/%s/stat" % d) as f:
                    stat = f.read()
                parents[int(d)] = int(stat[stat.rindex(")") + 2:].split()[1])
            except (OSError, ValueError):
                pass
    tree, todo = set(), [root]
    while todo:
        p = todo.pop()
        tree.add(p)
        todo.extend(q for q, pp in parents.items() if pp == p and q not in tree)
    rss = pss = 0
    for p in tree:
        try:
            with open("/proc/%d/smaps_rollup" % p) as f:
                for line in f:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except OSError:
            pass
    return rss, pss


def mem(pid, key):
    rss, pss = tree_memory(pid)
    log("%s: RSS %d MB, PSS %d MB (process tree of %d)" % (key, rss // 1024, pss // 1024, pid))
    out(key + "_rss_kb", rss)
    out(key + "_pss_kb", pss)


# ---- load run -------------------------------------------------------------------------------

LOAD_KINDS = (("SELECT", 10), ("FETCH", 35), ("STORE", 25), ("APPEND", 10), ("IDLE", 20))
THINK = float(os.environ.get("LOAD_THINK_MS", "50")) / 1000    # mean pause between commands
LMTP_RATE = float(os.environ.get("LOAD_LMTP_RATE", "20"))      # deliveries/s offered, all sessions
IDLE_HOLD = 0.5


def load(host, port, lport, user, password, rcpt, seconds, sessions, lmtp_sessions, pid, first):
    samples = {k: [] for k, _ in LOAD_KINDS}
    samples["LMTP"] = []
    errors = {}
    lock = threading.Lock()
    window = {"end": float("inf")}

    def open_window():
        # runs once, when every session is logged in, before any of them goes on
        window["start"] = now()
        window["end"] = window["start"] + seconds

    ready = threading.Barrier(sessions + lmtp_sessions + 1, action=open_window)

    def record(kind, t0, t1):
        if t1 <= window["end"]:
            with lock:
                samples[kind].append(t1 - t0)

    def error(kind, e):
        with lock:
            errors.setdefault(kind, []).append(repr(e)[:200])

    def connect():
        c = imaplib.IMAP4(host, port, timeout=120)
        check(*c.login(user, password))
        return c, int(check(*c.select("INBOX"))[0])

    def imap_session(n):
        rnd = random.Random(n)
        kinds = [k for k, w in LOAD_KINDS for _ in range(w)]
        c = count = None
        try:
            c, count = connect()
        except Exception as e:  # noqa: BLE001 - counted, the session retries below
            error("connect", e)
        ready.wait()
        k = 0
        while now() < window["end"]:
            if c is None:
                try:
                    c, count = connect()
                except Exception as e:  # noqa: BLE001
                    error("connect", e)
                    time.sleep(1)
                    continue
            kind = rnd.choice(kinds)
            k += 1
            try:
                t0 = now()
                if kind == "SELECT":
                    count = int(check(*c.select("INBOX"))[0])
                elif kind == "FETCH":
                    if rnd.random() < 0.5:
                        lo = rnd.randint(1, max(1, count - 49))
                        check(*c.fetch("%d:%d" % (lo, min(count, lo + 49)),
                                       "(UID FLAGS ENVELOPE RFC822.SIZE INTERNALDATE)"))
                    else:
                        check(*c.fetch(str(rnd.randint(1, count)), "(BODY.PEEK[])"))
                elif kind == "STORE":
                    check(*c.store(str(rnd.randint(1, count)), rnd.choice(("+FLAGS", "-FLAGS")),
                                   "(\\Flagged)"))
                elif kind == "APPEND":
                    check(*c.append("INBOX", None, None, message(800000 + 10000 * n + k, rcpt)))
                else:
                    tag = b"L%d" % k
                    c.send(tag + b" IDLE\r\n")
                    line = c.readline()
                    while line.startswith(b"* "):
                        line = c.readline()
                    if not line.startswith(b"+"):
                        raise RuntimeError("IDLE answered %r" % line)
                    waited = now() - t0
                    time.sleep(IDLE_HOLD)
                    t0 = now() - waited
                    c.send(b"DONE\r\n")
                    line = c.readline()
                    while line and not line.startswith(tag + b" "):
                        line = c.readline()
                    if not line.startswith(tag + b" OK"):
                        raise RuntimeError("IDLE ended with %r" % line)
                record(kind, t0, now())
            except Exception as e:  # noqa: BLE001 - counted and the session starts over
                error(kind, e)
                try:
                    c.shutdown()
                except Exception:  # noqa: BLE001
                    pass
                c = None
            time.sleep(rnd.uniform(0, 2 * THINK))
        if c is not None:
            try:
                c.logout()
            except Exception:  # noqa: BLE001
                pass

    def lmtp_session(n):
        ready.wait()
        j = 0
        c = None
        interval = lmtp_sessions / LMTP_RATE
        due = window["start"] + n * interval / lmtp_sessions
        while now() < window["end"]:
            # the same deliveries are offered to both servers; one that cannot keep up delivers fewer
            time.sleep(max(0.0, due - now()))
            due += interval
            try:
                if c is None:
                    c = smtplib.LMTP(host, lport, timeout=120)
                    c.ehlo("bench")
                msg = message(first + n + j * lmtp_sessions, rcpt)
                j += 1
                t0 = now()
                c.sendmail("sender@example.org", [rcpt], msg)
                record("LMTP", t0, now())
            except Exception as e:  # noqa: BLE001
                error("LMTP", e)
                c = None
                time.sleep(0.5)
        if c is not None:
            c.quit()

    peak = [0, 0]

    def sampler():
        while now() < window["end"]:
            rss, pss = tree_memory(pid)
            peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
            time.sleep(2)

    threads = [threading.Thread(target=imap_session, args=(n,), daemon=True) for n in range(sessions)]
    threads += [threading.Thread(target=lmtp_session, args=(n,), daemon=True) for n in range(lmtp_sessions)]
    t_open = now()
    for t in threads:
        t.start()
    ready.wait()
    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    log("load: %d IMAP sessions logged in in %.1f s" % (sessions, window["start"] - t_open))
    s = threading.Thread(target=sampler, daemon=True)
    s.start()
    for t in threads:
        t.join(max(1, window["end"] + 150 - now()))
    stuck = sum(1 for t in threads if t.is_alive())
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    client_cpu = cpu1.ru_utime + cpu1.ru_stime - cpu0.ru_utime - cpu0.ru_stime
    total = sum(len(samples[k]) for k, _ in LOAD_KINDS)
    log("load: %d IMAP commands and %d deliveries in %d s; client CPU %.0f s; %d sessions still busy "
        "after the end; errors %s" % (total, len(samples["LMTP"]), seconds, client_cpu, stuck,
                                      {k: (len(v), v[:2]) for k, v in errors.items()}))
    out("load_cmds_per_s", "%.1f" % (total / seconds))
    for k in [k for k, _ in LOAD_KINDS] + ["LMTP"]:
        v = samples[k]
        out("load_%s_count" % k, len(v))
        if v:
            out("load_%s_p50_ms" % k, "%.1f" % (percentile(v, 50) * 1000))
            out("load_%s_p99_ms" % k, "%.1f" % (percentile(v, 99) * 1000))
    out("load_lmtp_rate", "%.1f" % (len(samples["LMTP"]) / seconds))
    out("load_errors", sum(len(v) for v in errors.values()))
    out("load_stuck", stuck)
    out("load_client_cpu_s", "%.1f" % client_cpu)
    out("load_rss_kb", peak[0])
    out("load_pss_kb", peak[1])


# ---- the table ------------------------------------------------------------------------------

def read_results(path):
    r = {}
    with open(path) as f:
        for line in f:
            if line.strip():
                k, v = line.split(None, 1)
                r[k] = float(v)
    return r


def table(zcp_path, dovecot_path, title, notes):
    z, d = read_results(zcp_path), read_results(dovecot_path)
    rows = []

    def row(label, key, unit, better, scale=1.0, fmt="%.3f"):
        a, b = z.get(key), d.get(key)
        show = lambda v: "—" if v is None else (fmt % (v * scale)) + (" " + unit if unit else "")
        if a is None or b is None or a == 0 or b == 0:
            ratio = "—"
        else:
            ratio = "%.2f" % ((a / b) if better == "higher" else (b / a))
        rows.append("| %s | %s | %s | %s |" % (label, show(a), show(b), ratio))

    def hit_note(key):
        return "%d / %d hits" % (z.get(key, -1), d.get(key, -1))

    n = "{:,}".format(int(z.get("messages", 0)))
    row("LMTP delivery, %d sessions" % int(z.get("lmtp_sessions", 0)), "lmtp_rate", "msg/s", "higher", fmt="%.0f")
    row("LOGIN + SELECT (%s messages), median of %d" % (n, LOGINS), "login_select", "s", "lower")
    row("FETCH 1:* (UID FLAGS ENVELOPE RFC822.SIZE INTERNALDATE)", "fetch_envelope", "s", "lower")
    row("FETCH 1:* BODYSTRUCTURE", "fetch_bodystructure", "s", "lower")
    row("FETCH 1:* BODY.PEEK[]", "fetch_body", "s", "lower")
    row('SEARCH TEXT "lorem ipsum" (%s)' % hit_note("hits_text"), "search_text", "s", "lower")
    row("SEARCH FROM (%s)" % hit_note("hits_from"), "search_from", "s", "lower")
    row("STORE 1:%d +FLAGS then -FLAGS (\\Flagged)" % z.get("store_n", 0), "store_flags", "s", "lower")
    row("SEARCH UNFLAGGED (%s)" % hit_note("hits_unflagged"), "search_unflagged", "s", "lower")
    row("APPEND × 100", "append100", "s", "lower")
    row("resident memory after the IMAP workload (RSS)", "imap_rss_kb", "MB", "lower", 1 / 1024, "%.0f")
    row("proportional memory after the IMAP workload (PSS)", "imap_pss_kb", "MB", "lower", 1 / 1024, "%.0f")
    row("IDLE: LMTP 250 → `* n EXISTS`, median of %d" % int(z.get("idle_samples", 0)), "idle_median_ms", "ms",
        "lower", fmt="%.1f")
    row("IDLE: LMTP 250 → `* n EXISTS`, worst", "idle_worst_ms", "ms", "lower", fmt="%.1f")
    ls = "load (%d IMAP sessions + %d LMTP, %d s)" % (
        z.get("load_sessions", 0), z.get("load_lmtp_sessions", 0), z.get("load_seconds", 0))
    row("%s: IMAP throughput" % ls, "load_cmds_per_s", "cmd/s", "higher", fmt="%.0f")
    for k, _ in LOAD_KINDS + (("LMTP", 0),):
        row("load: %s p50" % k, "load_%s_p50_ms" % k, "ms", "lower", fmt="%.1f")
        row("load: %s p99" % k, "load_%s_p99_ms" % k, "ms", "lower", fmt="%.1f")
    row("load: LMTP deliveries meanwhile", "load_lmtp_rate", "msg/s", "higher", fmt="%.1f")
    row("load: peak resident memory (RSS, process tree)", "load_rss_kb", "MB", "lower", 1 / 1024, "%.0f")
    row("load: peak proportional memory (PSS, process tree)", "load_pss_kb", "MB", "lower", 1 / 1024, "%.0f")

    print(title)
    print()
    for note in notes:
        print(note)
    print()
    print("| figure | zcp | Dovecot | ratio |")
    print("|---|---|---|---|")
    for r in rows:
        print(r)
    problems = []
    for key, what in (("lmtp_errors", "LMTP deliveries refused"), ("fill_errors", "fill deliveries refused"),
                      ("warm_errors", "warm-up deliveries refused"), ("idle_timeouts", "IDLE samples without EXISTS"),
                      ("load_errors", "load run command errors"), ("load_stuck", "load sessions busy after the end")):
        for name, r in (("zcp", z), ("Dovecot", d)):
            if r.get(key, 0):
                problems.append("%s: %d %s" % (name, r[key], what))
    for name, r in (("zcp", z), ("Dovecot", d)):
        if r.get("bodies", 0) != r.get("messages", 0):
            problems.append("%s: FETCH BODY.PEEK[] returned %d of %d bodies" % (name, r.get("bodies", 0), r.get("messages", 0)))
    for key in ("hits_text", "hits_from", "hits_unflagged", "messages"):
        if z.get(key) != d.get(key):
            problems.append("%s differs: zcp %s, Dovecot %s" % (key, z.get(key), d.get(key)))
    print()
    print("Ratio: ≥ 1 means zcp is better (faster, more per second, or less memory). Load client CPU: "
          "%.0f s in the zcp run, %.0f s in Dovecot's, of %d s." % (
              z.get("load_client_cpu_s", 0), d.get("load_client_cpu_s", 0), z.get("load_seconds", 0)))
    print("Dovecot delays IDLE notifications on purpose (lib-storage mailbox-watch.c, NOTIFY_DELAY_MSECS "
          "500), so its IDLE figures are no target; issue 10's is 100 ms. RSS sums pages that Dovecot's "
          "processes share once per process; PSS counts them once.")
    if problems:
        print("Problems: " + "; ".join(problems) + ".")


def big_folder(host, port, user, password, label):
    """A large folder over IMAP: SELECT (first, then the median of 5), the last page of 50
    messages with envelopes (first, when the gateway derives them, then again), UID SEARCH
    UNSEEN; prints one RESULT line."""
    c = imaplib.IMAP4(host, port, timeout=600)
    check(*c.login(user, password))
    t0 = now()
    count = int(check(*c.select("INBOX"))[0])
    first_select = now() - t0
    selects = []
    for _ in range(5):
        t0 = now()
        check(*c.select("INBOX"))
        selects.append(now() - t0)
    page = "%d:%d" % (max(1, count - 49), count)
    what = "(UID FLAGS ENVELOPE RFC822.SIZE INTERNALDATE)"
    t0 = now()
    check(*c.fetch(page, what))
    first_page = now() - t0
    t0 = now()
    check(*c.fetch(page, what))
    page_again = now() - t0
    t0 = now()
    unseen = hits(check(*c.uid("SEARCH", None, "UNSEEN")))
    search = now() - t0
    c.logout()
    print("RESULT %s IMAP: %d messages; SELECT first %.0f ms, median of 5 %.0f ms; last page of 50 with envelopes"
          " first %.0f ms, again %.0f ms; UID SEARCH UNSEEN %.0f ms (%d hits)"
          % (label, count, first_select * 1000, statistics.median(selects) * 1000, first_page * 1000,
             page_again * 1000, search * 1000, unseen))


def main():
    cmd, a = sys.argv[1], sys.argv[2:]
    if cmd == "deliver":
        deliver(a[0], int(a[1]), a[2], int(a[3]), int(a[4]), int(a[5]), a[6])
    elif cmd == "imap":
        imap(a[0], int(a[1]), a[2], a[3], int(a[4]), int(a[5]) if len(a) > 5 else 1)
    elif cmd == "idle":
        idle(a[0], int(a[1]), int(a[2]), a[3], a[4], a[5], int(a[6]), int(a[7]))
    elif cmd == "load":
        load(a[0], int(a[1]), int(a[2]), a[3], a[4], a[5], int(a[6]), int(a[7]), int(a[8]), int(a[9]),
             int(a[10]))
    elif cmd == "bigfolder":
        big_folder(a[0], int(a[1]), a[2], a[3], a[4])
    elif cmd == "mem":
        mem(int(a[0]), a[1])
    elif cmd == "table":
        table(a[0], a[1], a[2], a[3:])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
