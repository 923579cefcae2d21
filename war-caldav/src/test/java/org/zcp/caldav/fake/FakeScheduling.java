package org.zcp.caldav.fake;

import java.util.ArrayList;
import java.util.List;
import org.zcp.store.api.Scheduling;

/** Scheduling messages as the store would queue them: recorded for the tests to read. */
public final class FakeScheduling implements Scheduling {
    /** One message sent: who sent it, the iTIP text and to whom. */
    public record Sent(String from, String calendar, List<String> to) {
        public String method() {
            for (String l : calendar.split("\r\n")) if (l.startsWith("METHOD:")) return l.substring(7);
            return null;
        }
    }

    private final FakeWebLogons logons;
    public final List<Sent> sent = new ArrayList<>();

    public FakeScheduling(FakeWebLogons logons) {
        this.logons = logons;
    }

    @Override
    public void send(String session, String calendar, List<String> recipients) {
        sent.add(new Sent(logons.check(session), calendar, List.copyOf(recipients)));
    }
}
