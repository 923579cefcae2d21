package org.zcp.store.api.rules;


/** A rule condition on a message header: it exists and, when {@code contains} is set, a value contains it. */
public class HeaderMatch {
    public String name;
    /** Case-insensitive substring of a value of the header; absent: the header merely exists. */
    public String contains;

    public HeaderMatch() {
    }

    public HeaderMatch(String name, String contains) {
        this.name = name;
        this.contains = contains;
    }
}
