package org.zcp.gateways;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The books of an IMAP/POP3 listener's connection slots (security review #12). */
class ConnectionSlotsTest {
    final List<String> closed = new ArrayList<>();

    Closeable connection(String name) {
        return () -> closed.add(name);
    }

    @Test
    void anAddressMayHoldOnlyPerAddressConnectionsThatHaveNotLoggedInWhileOthersStillGetIn() {
        ConnectionSlots slots = new ConnectionSlots(100, 2);
        assertThat(slots.admit("192.0.2.1", connection("a1")).slot()).isNotNull();
        ConnectionSlots.Slot a2 = slots.admit("192.0.2.1", connection("a2")).slot();
        assertThat(slots.admit("192.0.2.1", connection("a3")).refusal()).isEqualTo(ConnectionSlots.Refusal.PER_ADDRESS);
        assertThat(slots.admit("192.0.2.2", connection("b1")).slot()).isNotNull();

        a2.loggedIn(); // a logged-in session no longer counts against its address (NAT offices)
        assertThat(slots.admit("192.0.2.1", connection("a3")).slot()).isNotNull();
        assertThat(closed).isEmpty();
    }

    @Test
    void whenFullTheOldestConnectionThatHasNotLoggedInIsClosedToMakeRoom() {
        ConnectionSlots slots = new ConnectionSlots(3, 0);
        ConnectionSlots.Slot user = slots.admit("192.0.2.9", connection("user")).slot();
        user.loggedIn();
        ConnectionSlots.Slot idle1 = slots.admit("192.0.2.1", connection("idle1")).slot();
        slots.admit("192.0.2.1", connection("idle2"));

        ConnectionSlots.Admission next = slots.admit("192.0.2.7", connection("next"));

        assertThat(next.slot()).isNotNull();
        assertThat(closed).containsExactly("idle1");
        assertThat(slots.used()).isEqualTo(3);
        idle1.release(); // its session ends after the close: the slot was already given away
        assertThat(slots.used()).isEqualTo(3);
    }

    @Test
    void onlyLoggedInSessionsCanFillTheListener() {
        ConnectionSlots slots = new ConnectionSlots(2, 0);
        slots.admit("192.0.2.1", connection("u1")).slot().loggedIn();
        slots.admit("192.0.2.2", connection("u2")).slot().loggedIn();
        assertThat(slots.admit("192.0.2.3", connection("x")).refusal()).isEqualTo(ConnectionSlots.Refusal.FULL);
        assertThat(closed).isEmpty();
    }

    @Test
    void releasingGivesTheSlotAndTheAddressCountBack() {
        ConnectionSlots slots = new ConnectionSlots(1, 1);
        ConnectionSlots.Slot s = slots.admit("192.0.2.1", connection("a")).slot();
        s.release();
        s.release();
        assertThat(slots.used()).isZero();
        assertThat(slots.admit("192.0.2.1", connection("b")).slot()).isNotNull();
    }

    @Test
    void loopbackIsNotLimitedPerAddressButStillByTheListener() {
        ConnectionSlots slots = new ConnectionSlots(3, 1, ConnectionSlots::notLoopback);
        assertThat(slots.admit("127.0.0.1", () -> { }).slot()).isNotNull();
        assertThat(slots.admit("127.0.0.1", () -> { }).slot()).as("loopback: no per-address limit").isNotNull();
        assertThat(slots.admit("192.0.2.1", () -> { }).slot()).isNotNull();
        assertThat(slots.admit("192.0.2.1", () -> { }).refusal()).isEqualTo(ConnectionSlots.Refusal.PER_ADDRESS);
    }
}
