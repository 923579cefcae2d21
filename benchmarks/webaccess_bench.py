#!/usr/bin/python3
"""webaccess_bench.py PART ...: the figures of benchmarks/webaccess-bench.sh (issue 13: how fast
the web client shows a big Inbox, and its memory per session), printed as "RESULT name value
unit" lines. Standard library only, but for the browser part (Debian's python3-selenium 4.8 with
/usr/bin/chromium and /usr/bin/chromedriver).

  count    HOST PORT USER PASSWORD             the Inbox's message count (delivery progress)
  api      HOST PORT USER PASSWORD N           the JSON API (docs/webaccess.md) on one keep-alive
           connection: logon, folders, the Inbox's first page (100 rows, newest first), a page in
           the middle (offset N/2), the first page sorted by subject, a page sorted by subject
           in the middle, and a quick search matching about 1% of the messages (search_text
           below); each the median of REPEAT (5) after WARM (3) calls that also warm the JVM
  browser  HOST PORT USER PASSWORD N OUTDIR    headless Chromium: from the click on "Sign in" to
           the first message row shown in the list, then the list scrolled to 50%, 30% and 70%
           of its height and the time until the rows of that part are shown (median); one
           warm-up pass first; the rows in the DOM and the page's JS heap
  sessions HOST PORT PID JCMD COUNT            the server JVM's heap after a full GC and its
           resident memory, before and with COUNT web sessions of users u1..uCOUNT (password
           as the login name) open: each logged on, its folders and first Inbox page loaded,
           its api/events stream kept open
  imap     HOST PORT USER PASSWORD N           the reference: the IMAP a webmail (Roundcube)
           asks of the server for the same pages (UID SORT + UID FETCH of 100 envelopes)
"""
import http.client
import imaplib
import json
import math
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse

REPEAT = int(os.environ.get("REPEAT", "5"))
WARM = int(os.environ.get("WARM", "3"))
PAGE = 100


def search_text(n):
    """A quick search that matches about 1% of benchmarks/lmtp_load.py's N messages: their
    subjects are "Benchmark %05d word word", so "Benchmark 001" is messages 100..199 (1% of
    10,000) and "Benchmark 01" 1,000..1,999 (1% of 100,000)."""
    k = max(0, min(4, round(math.log10(max(n, 100) / 100))))
    return "Benchmark " + "1".zfill(5 - k)


def median_ms(fn, repeat=REPEAT, warm=WARM):
    for _ in range(warm):
        fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def result(name, value, unit, note=""):
    shown = "%10d" % value if isinstance(value, int) else "%10.1f" % value
    print("RESULT %-28s %s %s%s" % (name, shown, unit, ("   (" + note + ")") if note else ""), flush=True)


# ---- the JSON API ----------------------------------------------------------------------------

class Api:
    """One browser's worth of the API: a keep-alive connection, the session cookie, the CSRF token."""

    def __init__(self, host, port):
        self.host, self.port = host, port
        self.conn = http.client.HTTPConnection(host, port, timeout=600)
        self.cookie = None
        self.csrf = None

    def call(self, method, path, body=None, expect=(200,)):
        headers = {"Accept": "application/json"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        if self.csrf and method not in ("GET", "HEAD"):
            headers["X-ZCP-CSRF"] = self.csrf
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        for attempt in (1, 2):
            try:
                self.conn.request(method, "/webaccess/api/" + path, data, headers)
                res = self.conn.getresponse()
                raw = res.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # the server closed an idle keep-alive connection: once more on a new one
                self.conn.close()
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=600)
                if attempt == 2:
                    raise
        for h, v in res.getheaders():
            if h.lower() == "set-cookie" and v.startswith("ZARAFA_WEBACCESS="):
                self.cookie = v.split(";", 1)[0]
        if res.status not in expect:
            raise SystemExit("%s %s: HTTP %d %s" % (method, path, res.status, raw[:300].decode(errors="replace")))
        return json.loads(raw) if raw and res.getheader("Content-Type", "").startswith("application/json") else None

    def logon(self, user, password):
        self.cookie = self.csrf = None
        r = self.call("POST", "session", {"user": user, "password": password, "language": "en"})
        self.csrf = r["csrf"]
        return r

    def logoff(self):
        self.call("DELETE", "session", expect=(200, 204))
        self.cookie = self.csrf = None

    def inbox(self):
        for f in self.call("GET", "folders")["folders"]:
            if f.get("special") == "inbox":
                return f
        raise SystemExit("no Inbox among the folders")

    def page(self, folder, offset, sort="date", order="desc", q=None, limit=PAGE):
        query = {"offset": offset, "limit": limit, "sort": sort, "order": order}
        if q:
            query["q"] = q
        return self.call("GET", "folders/%s/messages?%s" % (folder, urllib.parse.urlencode(query)))


def part_count(host, port, user, password):
    a = Api(host, port)
    a.logon(user, password)
    print(a.inbox().get("count"))
    a.logoff()


def part_api(host, port, user, password, n):
    a = Api(host, port)

    def logon_logoff():
        a.logon(user, password)
        a.logoff()

    # logon alone: a session made and ended each time (the end is not timed)
    times = []
    for k in range(WARM + REPEAT):
        t0 = time.perf_counter()
        a.logon(user, password)
        dt = (time.perf_counter() - t0) * 1000
        a.logoff()
        if k >= WARM:
            times.append(dt)
    result("zcp_api_logon", statistics.median(times), "ms", "POST api/session")
    a.logon(user, password)
    result("zcp_api_folders", median_ms(lambda: a.call("GET", "folders")), "ms", "GET api/folders")
    inbox = a.inbox()
    folder = inbox["id"]
    total = a.page(folder, 0)["total"]
    if total != n:
        print("webaccess_bench: the Inbox holds %s messages, not %d" % (total, n), file=sys.stderr)
    mid = max(0, total // 2)

    def check(page, offset):
        if len(page["rows"]) != min(PAGE, max(0, total - offset)):
            raise SystemExit("a page at offset %d came with %d rows" % (offset, len(page["rows"])))

    check(a.page(folder, 0), 0)
    check(a.page(folder, mid), mid)
    result("zcp_api_first_page", median_ms(lambda: a.page(folder, 0)), "ms",
           "100 rows, date desc, of %d" % total)
    result("zcp_api_middle_page", median_ms(lambda: a.page(folder, mid)), "ms", "offset %d, date desc" % mid)
    result("zcp_api_subject_page", median_ms(lambda: a.page(folder, 0, "subject", "asc")), "ms",
           "first page, subject asc")
    result("zcp_api_subject_middle", median_ms(lambda: a.page(folder, mid, "subject", "asc")), "ms",
           "offset %d, subject asc" % mid)
    q = search_text(n)
    found = a.page(folder, 0, q=q)["total"]
    result("zcp_api_search", median_ms(lambda: a.page(folder, 0, q=q)), "ms",
           "q=%s: %d matches, first page" % (q, found))
    a.logoff()


# ---- the browser ------------------------------------------------------------------------------

CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,900"]

# clicks "Sign in" and waits, frame by frame, until a message row is in the viewport
JS_LOGON = r"""
const done = arguments[arguments.length - 1];
const limit = arguments[0];
const t0 = performance.now();
document.getElementById('logon-submit').click();
function shown(e) {
  const r = e.getBoundingClientRect();
  return r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
}
(function poll() {
  const rows = document.querySelectorAll('[data-message-id]');
  for (const e of rows) if (shown(e)) { done({ ms: performance.now() - t0 }); return; }
  if (performance.now() - t0 > limit) {
    const err = document.getElementById('logon-error');
    const app = document.getElementById('app');
    done({ error: 'no message row shown ' + (limit / 1000) + ' s after the click (logon error: "' +
      (err ? err.textContent : '') + '", application shown: ' + (app ? !app.hidden : 'no #app') +
      ', rows in the DOM: ' + rows.length + ')' });
    return;
  }
  requestAnimationFrame(poll);
})();
"""

# scrolls the list's scrolling element to a fraction of its height and waits until the rows in
# view are message rows (no loading placeholder left) and at least one was not in the DOM before
JS_SCROLL = r"""
const frac = arguments[0], limit = arguments[1];
const done = arguments[arguments.length - 1];
const any = document.querySelector('[data-message-id]');
let sc = null;
for (let e = any ? any.parentElement : null; e; e = e.parentElement) {
  const oy = getComputedStyle(e).overflowY;
  if (e.scrollHeight > e.clientHeight + 1 && (oy === 'auto' || oy === 'scroll')) { sc = e; break; }
}
if (!sc) sc = document.getElementById('message-list');
const before = new Set([...document.querySelectorAll('[data-message-id]')].map((e) => e.dataset.messageId));
const target = Math.round((sc.scrollHeight - sc.clientHeight) * frac);
let firstNew = null;
const t0 = performance.now();
sc.scrollTop = target;
function poll() {
  const box = sc.getBoundingClientRect();
  let fresh = 0, missing = 0, rows = 0;
  for (const e of sc.querySelectorAll('[role=row], [data-message-id]')) {
    const r = e.getBoundingClientRect();
    if (r.height <= 0 || r.bottom <= box.top || r.top >= box.bottom) continue;
    rows++;
    const id = e.dataset.messageId;
    if (!id) missing++;
    else if (!before.has(id)) fresh++;
  }
  const now = performance.now() - t0;
  if (fresh > 0 && firstNew === null) firstNew = now;
  if (fresh > 0 && missing === 0) {
    done({ ms: now, firstMs: firstNew, rows: rows, scroller: sc.id || sc.className, scrollTop: sc.scrollTop,
      scrollHeight: sc.scrollHeight });
    return;
  }
  if (now > limit) {
    done({ error: 'the rows at ' + Math.round(frac * 100) + '% were not shown ' + (limit / 1000) +
      ' s after the scroll (rows in view: ' + rows + ', placeholders: ' + missing + ', new: ' + fresh +
      ', scrolling element: ' + (sc.id || sc.className) + ', scrollHeight ' + sc.scrollHeight + ')' });
    return;
  }
  requestAnimationFrame(poll);
}
requestAnimationFrame(poll);
"""


def part_browser(host, port, user, password, n, outdir):
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait
        from selenium.webdriver.support import expected_conditions as ec
    except ImportError:
        print("RESULT zcp_browser FAILED: python3-selenium is not installed (apt-get install -y python3-selenium)")
        return
    limit_ms = int(os.environ.get("BROWSER_WAIT_S", "120")) * 1000
    os.makedirs(outdir, exist_ok=True)
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for f in CHROME_FLAGS + ["--user-data-dir=" + os.path.join(outdir, "profile")]:
        opts.add_argument(f)
    service = Service("/usr/bin/chromedriver", log_path=os.path.join(outdir, "chromedriver.log"))
    url = "http://%s:%d/webaccess/" % (host, port)
    failed = None
    driver = None
    try:
        driver = webdriver.Chrome(service=service, options=opts)
        driver.set_script_timeout(limit_ms / 1000 + 30)

        def one_pass(label):
            # a fresh start of the client: no cookie, the logon page
            driver.delete_all_cookies()
            driver.get(url)
            WebDriverWait(driver, 60).until(ec.visibility_of_element_located((By.ID, "logon-user")))
            driver.find_element(By.ID, "logon-user").clear()
            driver.find_element(By.ID, "logon-user").send_keys(user)
            driver.find_element(By.ID, "logon-password").send_keys(password)
            r = driver.execute_async_script(JS_LOGON, limit_ms)
            if "error" in r:
                raise RuntimeError("%s: %s" % (label, r["error"]))
            scrolls = []
            for frac in (0.5, 0.3, 0.7):
                s = driver.execute_async_script(JS_SCROLL, frac, limit_ms)
                if "error" in s:
                    raise RuntimeError("%s: %s" % (label, s["error"]))
                scrolls.append(s)
            dom = driver.execute_script("return document.querySelectorAll('[data-message-id]').length")
            heap = driver.execute_script("return performance.memory ? performance.memory.usedJSHeapSize : -1")
            return r["ms"], scrolls, dom, heap

        one_pass("warm-up pass")
        logons, scroll_full, scroll_first, doms, heaps = [], [], [], [], []
        for k in range(int(os.environ.get("BROWSER_PASSES", "3"))):
            ms, scrolls, dom, heap = one_pass("pass %d" % (k + 1))
            logons.append(ms)
            scroll_full.append(statistics.median(s["ms"] for s in scrolls))
            scroll_first.append(statistics.median(s["firstMs"] for s in scrolls))
            doms.append(dom)
            heaps.append(heap)
        driver.save_screenshot(os.path.join(outdir, "list.png"))
        passes = len(logons)
        result("zcp_browser_logon_to_list", statistics.median(logons), "ms",
               "click on Sign in to the first row shown; median of %d passes" % passes)
        result("zcp_browser_scroll", statistics.median(scroll_full), "ms",
               "scroll to 50/30/70% until the rows in view are shown; median")
        result("zcp_browser_scroll_first_row", statistics.median(scroll_first), "ms",
               "the same, until the first new row is shown")
        result("zcp_browser_dom_rows", max(doms), "rows", "[data-message-id] elements in the DOM, of %d messages" % n)
        result("zcp_browser_js_heap", max(heaps) // 1024, "kB", "performance.memory.usedJSHeapSize")
        # the client's own session ends, as a user's logoff would
        try:
            driver.find_element(By.ID, "logoff").click()
        except Exception:
            pass
    except Exception as e:  # the figures are missing, the other parts of the run go on
        failed = "%s: %s" % (type(e).__name__, str(e).strip().splitlines()[0]) if str(e).strip() else type(e).__name__
        try:
            driver.save_screenshot(os.path.join(outdir, "failure.png"))
            failed += " (screenshot %s/failure.png)" % outdir
        except Exception:
            pass
    finally:
        if driver is not None:
            driver.quit()
    if failed:
        print("RESULT zcp_browser FAILED: %s" % failed, flush=True)


# ---- memory with many web sessions ------------------------------------------------------------

def heap_kb(jcmd, pid):
    """The JVM's used heap in kB after a full GC (jcmd GC.run, then GC.heap_info)."""
    for _ in range(2):
        subprocess.run([jcmd, str(pid), "GC.run"], check=True, capture_output=True)
    time.sleep(1)
    out = subprocess.run([jcmd, str(pid), "GC.heap_info"], check=True, capture_output=True, text=True).stdout
    units = {"K": 1, "M": 1024, "G": 1024 * 1024}
    used = 0
    for line in out.splitlines():
        s = line.strip()
        if s.startswith(("Metaspace", "class space")) or not s:
            continue
        # Serial "DefNew total ..K, used ..K" + "Tenured ...", G1 "garbage-first heap total ..K, used ..K",
        # Parallel "PSYoungGen ..." + "ParOldGen ...", ZGC "ZHeap used ..M, capacity ..."
        m = re.search(r"total \d+[KMG], used (\d+)([KMG])", s) or re.match(r"ZHeap\s+used (\d+)([KMG])", s)
        if m:
            used += int(m.group(1)) * units[m.group(2)]
    if used == 0:
        raise SystemExit("cannot read the heap from jcmd GC.heap_info:\n" + out)
    return used


def rss_kb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def open_events(host, port, cookie):
    """An api/events stream as a browser keeps it: the socket stays open, nothing is read after
    the answer's head and the first event."""
    s = socket.create_connection((host, port), timeout=60)
    s.sendall(("GET /webaccess/api/events HTTP/1.1\r\nHost: %s:%d\r\nAccept: text/event-stream\r\n"
               "Cookie: %s\r\n\r\n" % (host, port, cookie)).encode())
    data = b""
    while b"\r\n\r\n" not in data or b"ready" not in data:
        chunk = s.recv(4096)
        if not chunk:
            raise SystemExit("the events stream closed: %r" % data[:300])
        data += chunk
    if not data.startswith(b"HTTP/1.1 200"):
        raise SystemExit("api/events: %r" % data[:300])
    return s


def part_sessions(host, port, pid, jcmd, count):
    pid = int(pid)
    heap0, rss0 = heap_kb(jcmd, pid), rss_kb(pid)
    sessions = []
    t0 = time.perf_counter()
    for k in range(1, count + 1):
        a = Api(host, port)
        a.logon("u%d" % k, "u%d" % k)
        folder = a.inbox()["id"]
        a.page(folder, 0)
        sessions.append((a, open_events(host, port, a.cookie)))
    opened = time.perf_counter() - t0
    time.sleep(2)
    heap1, rss1 = heap_kb(jcmd, pid), rss_kb(pid)
    result("zcp_sessions_open", opened, "s", "%d users logged on, folders, first page, events stream" % count)
    result("zcp_heap_before", heap0, "kB", "used heap after a full GC, no session of these users")
    result("zcp_heap_with_sessions", heap1, "kB", "used heap after a full GC, %d sessions open" % count)
    result("zcp_heap_per_session", (heap1 - heap0) / count, "kB", "heap difference / %d" % count)
    result("zcp_rss_before", rss0, "kB", "the JVM's resident memory")
    result("zcp_rss_with_sessions", rss1, "kB", "%d sessions open" % count)
    result("zcp_rss_per_session", (rss1 - rss0) / count, "kB", "resident difference / %d" % count)
    for a, s in sessions:
        s.close()
        try:
            a.logoff()
        except SystemExit:
            pass


# ---- the reference: IMAP as a webmail uses it ------------------------------------------------

def part_imap(host, port, user, password, n):
    c = imaplib.IMAP4(host, port)
    c.login(user, password)
    typ, data = c.select("INBOX", readonly=True)
    exists = int(data[0])
    # the capabilities after LOGIN (before it, Dovecot names only the pre-login ones)
    typ, d = c.capability()
    has_sort = b"SORT" in d[0].upper().split()

    def sort_uids(criterion, search="ALL"):
        if has_sort:
            typ, d = c.uid("SORT", criterion, "UTF-8", search)
        else:
            typ, d = c.uid("SEARCH", search)
        if typ != "OK":
            raise SystemExit("IMAP %s: %r" % ("SORT" if has_sort else "SEARCH", d))
        uids = d[0].split()
        if not has_sort and "REVERSE" in criterion:
            uids.reverse()
        return uids

    def fetch(uids):
        if not uids:
            return
        typ, d = c.uid("FETCH", b",".join(uids).decode(), "(UID ENVELOPE FLAGS RFC822.SIZE)")
        if typ != "OK":
            raise SystemExit("IMAP FETCH: %r" % d)

    mid = exists // 2
    if has_sort:
        how = "UID SORT (REVERSE DATE) UTF-8 ALL + UID FETCH (ENVELOPE FLAGS RFC822.SIZE)"
    else:
        how = "no SORT: UID SEARCH ALL + UID FETCH (ENVELOPE FLAGS RFC822.SIZE), unsorted"
        print("webaccess_bench: the IMAP server has no SORT: SEARCH and FETCH instead", file=sys.stderr)
    result("dovecot_imap_first_page", median_ms(lambda: fetch(sort_uids("(REVERSE DATE)")[:PAGE])), "ms",
           how + ", first 100 of %d" % exists)
    result("dovecot_imap_middle_page", median_ms(lambda: fetch(sort_uids("(REVERSE DATE)")[mid:mid + PAGE])), "ms",
           "the same, 100 from %d" % mid)
    result("dovecot_imap_subject_page", median_ms(lambda: fetch(sort_uids("(SUBJECT)")[:PAGE])), "ms",
           "UID SORT (SUBJECT) + FETCH, first 100" if has_sort else "unsorted")
    result("dovecot_imap_subject_middle", median_ms(lambda: fetch(sort_uids("(SUBJECT)")[mid:mid + PAGE])), "ms",
           ("UID SORT (SUBJECT) + FETCH, 100 from %d" if has_sort else "unsorted, 100 from %d") % mid)
    q = search_text(n)
    crit = 'SUBJECT "%s"' % q
    found = len(sort_uids("(REVERSE DATE)", crit))
    result("dovecot_imap_search", median_ms(lambda: fetch(sort_uids("(REVERSE DATE)", crit)[:PAGE])), "ms",
           "UID %s %s + FETCH: %d matches, first page" % ("SORT (REVERSE DATE) UTF-8" if has_sort else "SEARCH", crit, found))

    def search_only():
        typ, d = c.uid("SEARCH", "SUBJECT", '"%s"' % q)
        if typ != "OK":
            raise SystemExit("IMAP SEARCH: %r" % d)

    result("dovecot_imap_search_only", median_ms(search_only), "ms", "UID SEARCH %s alone" % crit)
    c.logout()


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    part, args = sys.argv[1], sys.argv[2:]
    if part == "count":
        part_count(args[0], int(args[1]), args[2], args[3])
    elif part == "api":
        part_api(args[0], int(args[1]), args[2], args[3], int(args[4]))
    elif part == "browser":
        part_browser(args[0], int(args[1]), args[2], args[3], int(args[4]), args[5])
    elif part == "sessions":
        part_sessions(args[0], int(args[1]), args[2], args[3], int(args[4]))
    elif part == "imap":
        part_imap(args[0], int(args[1]), args[2], args[3], int(args[4]))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
