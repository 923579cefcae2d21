package org.zcp.store.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeFeedTest {
    private static ChangeEvent added(long store, long folder, long uid, long modSeq) {
        return new ChangeEvent(store, folder, 100 + uid, false, ChangeEvent.Kind.ADDED, uid, modSeq);
    }

    @Test
    void aFolderSubscriberHearsOnlyItsFolderInOrder() {
        ChangeFeed feed = new ChangeFeed();
        List<ChangeEvent> heard = new ArrayList<>();
        feed.folder(7, heard::add);
        feed.publish(List.of(added(1, 7, 1, 10), added(1, 8, 1, 11), added(1, 7, 2, 12)));
        assertThat(heard).extracting(ChangeEvent::modSeq).containsExactly(10L, 12L);
    }

    @Test
    void aStoreSubscriberHearsEveryFolderOfItsStore() {
        ChangeFeed feed = new ChangeFeed();
        List<ChangeEvent> heard = new ArrayList<>();
        feed.store(1, heard::add);
        feed.publish(List.of(added(1, 7, 1, 10), added(2, 8, 1, 11), added(1, 9, 2, 12)));
        assertThat(heard).extracting(ChangeEvent::folderId).containsExactly(7L, 9L);
    }

    @Test
    void closingStopsEventsAndForgetsTheSubscription() {
        ChangeFeed feed = new ChangeFeed();
        List<ChangeEvent> heard = new ArrayList<>();
        ChangeFeed.Subscription sub = feed.folder(7, heard::add);
        assertThat(feed.subscriptions()).isEqualTo(1);
        sub.close();
        sub.close();
        feed.publish(List.of(added(1, 7, 1, 10)));
        assertThat(heard).isEmpty();
        assertThat(feed.subscriptions()).isZero();
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        ChangeFeed feed = new ChangeFeed();
        List<ChangeEvent> heard = new ArrayList<>();
        feed.folder(7, e -> {
            throw new IllegalStateException("broken listener");
        });
        feed.folder(7, heard::add);
        feed.publish(List.of(added(1, 7, 1, 10)));
        assertThat(heard).hasSize(1);
    }

    @Test
    void theEndOfASessionIsAnnouncedOnceToItsWatchers() {
        ChangeFeed feed = new ChangeFeed();
        List<String> heard = new ArrayList<>();
        feed.session("s1", () -> heard.add("s1"));
        feed.session("s2", () -> heard.add("s2"));
        feed.sessionEnded("s1");
        feed.sessionEnded("s1");
        assertThat(heard).containsExactly("s1");
        assertThat(feed.subscriptions()).isEqualTo(1);
    }
}
