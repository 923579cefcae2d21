package org.zcp.store.api.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a rule does: {@code type} is one of the names below; {@code folderId} (an entry id of a
 * folder of the same store) for MOVE and COPY, {@code addresses} for FORWARD and REDIRECT.
 */
public class RuleAction {
    /** Deliver to this folder instead of the Inbox (the first move wins; later ones copy). */
    public static final String MOVE = "MOVE";
    /** Deliver a further copy to this folder. */
    public static final String COPY = "COPY";
    /** Do not store the message (unless a move or copy keeps it elsewhere). */
    public static final String DELETE = "DELETE";
    /** Send a new message with the original attached. */
    public static final String FORWARD = "FORWARD";
    /** Send the original unchanged with Resent-From/Resent-To headers. */
    public static final String REDIRECT = "REDIRECT";
    /** Store the message as read. */
    public static final String MARK_READ = "MARK_READ";
    /** All known types. */
    public static final List<String> TYPES = List.of(MOVE, COPY, DELETE, FORWARD, REDIRECT, MARK_READ);

    public String type;
    public String folderId;
    public List<String> addresses = new ArrayList<>();

    public RuleAction() {
    }

    public RuleAction(String type) {
        this.type = type;
    }

    public static RuleAction move(String folderId) {
        RuleAction a = new RuleAction(MOVE);
        a.folderId = folderId;
        return a;
    }

    public static RuleAction copy(String folderId) {
        RuleAction a = new RuleAction(COPY);
        a.folderId = folderId;
        return a;
    }

    public static RuleAction delete() {
        return new RuleAction(DELETE);
    }

    public static RuleAction markRead() {
        return new RuleAction(MARK_READ);
    }

    public static RuleAction forward(String... addresses) {
        RuleAction a = new RuleAction(FORWARD);
        a.addresses = new ArrayList<>(Arrays.asList(addresses));
        return a;
    }

    public static RuleAction redirect(String... addresses) {
        RuleAction a = new RuleAction(REDIRECT);
        a.addresses = new ArrayList<>(Arrays.asList(addresses));
        return a;
    }
}
