package org.zcp.store.api;

/**
 * What a message list shows of one message (docs/store-api.md).
 *
 * @param uid the message's UID in its folder: ascending in the order messages arrive, never reused
 * @param modSeq the store's change number of the message's last change (at least 1)
 * @param size the octets of its RFC 822 text as it is served
 * @param internalDate when it arrived (delivery time), epoch milliseconds
 */
public record MessageSummary(long uid, long modSeq, MessageFlags flags, long size, long internalDate) {
}
