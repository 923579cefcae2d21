package org.zcp.store.api.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * When a rule applies: every part that is given must match (an empty condition matches every
 * message). Text comparisons are case-insensitive substring matches.
 */
public class RuleCondition {
    /** Any of them in a From address or display name, or in the envelope sender. */
    public List<String> fromContains = new ArrayList<>();
    /** Any of them in a To or Cc address or display name. */
    public List<String> sentToContains = new ArrayList<>();
    /** Any of them in the subject. */
    public List<String> subjectContains = new ArrayList<>();
    /** Each of them must match: the header exists and, when {@code contains} is set, a value contains it. */
    public List<HeaderMatch> headers = new ArrayList<>();
    /** The message is larger than this many bytes. */
    public Long sizeAbove;
    /** The message is smaller than this many bytes. */
    public Long sizeBelow;
    /** The recipient's address is the only To address. */
    public boolean sentOnlyToMe;

    public RuleCondition() {
    }
}
