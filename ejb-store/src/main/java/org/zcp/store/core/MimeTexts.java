package org.zcp.store.core;

import org.zcp.api.mapi.MapiError;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.StoreException;
import org.zcp.store.MemoryBudget;
import org.zcp.store.mapi.MessageService;
import org.zcp.mime.MapiToMime;
import org.zcp.store.session.Session;

/** A stored message as MIME for its RFC 822 text, when none was kept with it. */
final class MimeTexts {
    private MimeTexts() {
    }

    /** {@code size}: the stored message's size (PR_MESSAGE_SIZE), what the conversion reserves for. */
    static byte[] text(MessageService messages, Session s, String entryId, Message m, long size) {
        try (var held = MemoryBudget.reserve(MemoryBudget.conversionBytes(size), "a message")) {
            var mime = MapiToMime.convert(m, null, new MapiToMime.Options(null, false, n -> {
                MessageService.Content c = messages.attachment(s, entryId, n);
                try {
                    return c.bytes() != null ? c.bytes() : java.nio.file.Files.readAllBytes(c.file());
                } catch (java.io.IOException x) {
                    throw new StoreException(MapiError.MAPI_E_CALL_FAILED, x.getMessage());
                }
            }));
            return MapiToMime.toBytes(mime);
        }
    }
}
