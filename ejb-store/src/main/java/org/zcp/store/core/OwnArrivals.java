package org.zcp.store.core;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.api.FolderChanges;
import org.zcp.store.api.MessageSummary;
import org.zcp.store.entity.HierarchyObject;
import org.zcp.store.mapi.MessageCreated;
import org.zcp.store.mapi.ObjectStore;

/**
 * The folder index learns the messages a transaction creates (LMTP delivery, IMAP APPEND, a SOAP
 * save) once it commits, as it learns a STORE's flags: the IMAP sessions on the folder, woken by
 * the change event, then find their folder's entry current and read nothing back but the journal's
 * highest number. Learned only when the folder's entry was current when the creator took the
 * store's lock (nothing journaled in the folder between the entry and the new message); otherwise
 * the next reader brings the entry up to date from the journal as before. The summary is made by
 * the code that makes it from the rows ({@code FolderMessagesBean.summaryOf}), from the row as
 * written and the properties the rows would give.
 */
@ApplicationScoped
public class OwnArrivals {
    @Inject
    FolderIndex index;

    @Inject
    ObjectStore objects;

    @Inject
    Keywords keywords;

    void created(@Observes MessageCreated c) {
        HierarchyObject m = c.message();
        if (m.flags != 0 || m.deletedAt != null) return; // not in the message list (associated)
        FolderIndex.Entry held = index.get(m.parentId);
        if (held == null || held.modSeq() >= m.changeNum) return;
        if (objects.journaledBetween(m.parentId, held.modSeq(), m.changeNum)) return;
        index.learn(m.parentId, held, new FolderChanges(m.changeNum, List.of(summary(m, c.props())), List.of()));
    }

    MessageSummary summary(HierarchyObject m, List<PropValue> props) {
        int kw = keywords.tag();
        Map<Integer, PropValue> p = new HashMap<>();
        for (PropValue v : props) {
            PropValue size = ObjectStore.keptTextSize(v); // what setProps keeps beside a kept text
            if (v.tag == kw) p.put(kw, v);
            else if (size != null) p.put(size.tag, size);
        }
        return FolderMessagesBean.summaryOf(new FolderMessagesBean.Row(m.id, m.imapUid, m.changeNum, m.msgFlags,
                m.size, m.created, m.deliveryTime, m.msgStatus, m.flagStatus, m.lastVerb), p, kw);
    }
}
