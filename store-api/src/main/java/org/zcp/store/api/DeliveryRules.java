package org.zcp.store.api;

import java.util.List;
import org.zcp.store.api.rules.Rule;

/** The Inbox rules delivery runs for a user (the store keeps them; the delivery pipeline evaluates them). */
@FunctionalInterface
public interface DeliveryRules {
    /**
     * The user's Inbox rules in ascending sequence, as a list the caller may change; empty when the
     * user has no store, no Inbox or no rules, or the stored rules are unreadable (mail is never
     * stopped by a broken rule set). Moves and copies to folders that are gone are left out.
     */
    List<Rule> forDelivery(long userId);
}
