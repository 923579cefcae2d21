package org.zcp.store.api.delivery;


/** The outcome of delivering a message to one recipient. */
public class DeliveryResult {
    /** Stored; {@code messageId} names the new message. */
    public static final String DELIVERED = "delivered";
    /** No such user or address: permanent (LMTP 550 5.1.1, dagent exit 67). */
    public static final String UNKNOWN = "unknown";
    /** The store is over its hard quota: permanent (LMTP 552 5.2.2). */
    public static final String QUOTA = "quota";
    /** Anything else: try again later (LMTP 4xx, dagent exit 75). */
    public static final String TEMPFAIL = "tempfail";

    public String recipient;
    public String status;
    public String messageId;
    public String detail;
}
