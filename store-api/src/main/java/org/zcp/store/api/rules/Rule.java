package org.zcp.store.api.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A server-side rule of an Inbox: when {@code condition} matches a message delivered to the
 * Inbox, {@code actions} run. Rules run in ascending {@code sequence}; {@code stop} ends the
 * processing of later rules once this one matched.
 */
public class Rule {
    public String name;
    public boolean enabled = true;
    public int sequence;
    /** Absent or empty: every message matches. */
    public RuleCondition condition;
    public List<RuleAction> actions = new ArrayList<>();
    /** Stop processing later rules when this one matched. */
    public boolean stop;

    public Rule() {
    }

    public Rule(String name, int sequence, RuleCondition condition, RuleAction... actions) {
        this.name = name;
        this.sequence = sequence;
        this.condition = condition;
        this.actions = new ArrayList<>(Arrays.asList(actions));
    }

    /** The rules in the order they run: by sequence, equal sequences in their given order. */
    public static List<Rule> inOrder(List<Rule> rules) {
        List<Rule> out = new ArrayList<>(rules == null ? List.of() : rules);
        out.sort(java.util.Comparator.comparingInt(r -> r.sequence));
        return out;
    }
}
