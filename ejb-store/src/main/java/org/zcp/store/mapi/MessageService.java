package org.zcp.store.mapi;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zcp.api.mapi.ObjectType;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.mapi.Rights;
import org.zcp.store.api.mapi.Attachment;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.api.mapi.Recipient;
import org.zcp.store.StoreException;
import org.zcp.store.entity.ChangeEntry;
import org.zcp.store.entity.HierarchyObject;
import org.zcp.store.entity.StoreEntity;
import org.zcp.store.mapi.Access.Action;
import org.zcp.store.session.Session;

/**
 * Messages with their recipients (type 6 children) and attachments (type 7 children, content in
 * {@link AttachmentStorage}): create, save, load, copy, move, delete, read flags.
 */
@Stateless
public class MessageService {
    @Inject
    ObjectStore objects;

    @Inject
    PropertyReader reader;

    @Inject
    Access access;

    @Inject
    AttachmentStorage attachments;

    @Inject
    QuotaService quota;

    @Inject
    ObjectTree tree;

    @Inject
    Event<MessageCreated> created;

    public String create(Session s, String folderEntryId, Message m, boolean associated) {
        HierarchyObject folder = objects.resolve(folderEntryId);
        if (folder.type != ObjectType.MAPI_FOLDER || folder.deletedAt != null) {
            throw StoreException.invalid("not a folder");
        }
        access.check(s, folder.id, Action.CREATE, Rights.CREATE);
        StoreEntity store = objects.store(folder.storeId);
        quota.checkWrite(store, estimate(m));
        // the row inserted as write() leaves it (flags, hot columns, size), so it is updated only
        // once more, for its UID and change number
        HierarchyObject msg = objects.create(folder.storeId, folder.id, ObjectType.MAPI_MESSAGE, s.userId(), o -> {
            if (associated) o.flags |= HierarchyObject.FLAG_ASSOCIATED;
            o.msgFlags = PropTag.MSGFLAG_UNSENT | PropTag.MSGFLAG_READ;
            ObjectStore.presetColumns(o, m.props);
            if (m.attachments != null && !m.attachments.isEmpty()) {
                o.msgFlags |= PropTag.MSGFLAG_HASATTACH;
                o.attachNum = m.attachments.size();
            }
            o.size = freshSize(m);
        });
        write(msg, m, true);
        // the folder's UID counter and the store's change number are locked last, so concurrent
        // deliveries write their rows in parallel and only queue for these two counters; the
        // locks last until commit, so UIDs become visible in increasing order (IMAP needs that).
        // The store first, then the folder (the order every writer takes them in); the first lock
        // writes the message's row as it is now, the store's size and change number and the next
        // UID are changed after both locks, so each of the three rows is updated once, at commit.
        objects.lockFresh(StoreEntity.class, folder.storeId);
        msg.imapUid = tree.nextUid(folder);
        objects.addSize(msg.storeId, msg.size);
        objects.journal(msg, ChangeEntry.ADD);
        // still under both locks: the folder index may learn the arrival (core.OwnArrivals)
        if (m.props != null) created.fire(new MessageCreated(msg, m.props));
        return objects.entryId(msg);
    }

    public void save(Session s, String messageEntryId, Message m) {
        HierarchyObject msg = message(messageEntryId);
        access.check(s, msg.id, Action.EDIT, Rights.EDIT_ANY);
        quota.checkWrite(objects.store(msg.storeId), estimate(m));
        write(msg, m, false);
        objects.contentChanged(msg, m.props == null ? List.of() : m.props.stream().map(v -> v.tag).toList(),
                m.recipients != null || m.attachments != null);
        objects.journal(msg, ChangeEntry.MODIFY);
    }

    public Message load(Session s, String messageEntryId) {
        HierarchyObject msg = message(messageEntryId);
        access.check(s, msg.id, Action.READ, Rights.READ_ANY);
        List<HierarchyObject> parts = new ArrayList<>(objects.children(msg.id, ObjectType.MAPI_MAILUSER, false));
        parts.addAll(objects.children(msg.id, ObjectType.MAPI_ATTACH, false));
        return assemble(msg, reader.all(msg), parts, part -> objects.stored(part.id));
    }

    /**
     * Many messages of one folder as {@link #load} reads one (a multiget of a hundred calendar
     * items): each checked for reading, their properties, recipients and attachments read in a few
     * queries for all of them instead of several for each. In the order given, by object id.
     */
    public Map<Long, Message> loadAll(Session s, List<HierarchyObject> msgs) {
        for (HierarchyObject m : msgs) access.check(s, m.id, Action.READ, Rights.READ_ANY);
        List<Long> ids = msgs.stream().map(m -> m.id).toList();
        Map<Long, Map<Integer, PropValue>> props = objects.storedOf(ids);
        Map<Long, List<HierarchyObject>> parts = objects.partsOf(ids);
        Map<Long, Map<Integer, PropValue>> partProps = objects.storedOf(
                parts.values().stream().flatMap(List::stream).map(h -> h.id).toList());
        Map<Long, Message> out = new LinkedHashMap<>();
        for (HierarchyObject msg : msgs) {
            Map<Integer, PropValue> own = new LinkedHashMap<>(props.getOrDefault(msg.id, Map.of()));
            reader.computed(msg, own, null);
            List<HierarchyObject> of = parts.getOrDefault(msg.id, List.of()).stream()
                    .sorted(java.util.Comparator.comparingInt((HierarchyObject h) -> h.type).thenComparingLong(h -> h.id))
                    .toList();
            out.put(msg.id, assemble(msg, own, of, part -> partProps.getOrDefault(part.id, Map.of())));
        }
        return out;
    }

    /** A message of its properties and its parts (recipients first, then attachments, each in object order). */
    private Message assemble(HierarchyObject msg, Map<Integer, PropValue> props, List<HierarchyObject> parts,
            java.util.function.Function<HierarchyObject, Map<Integer, PropValue>> propsOf) {
        Message m = new Message();
        m.entryId = objects.entryId(msg);
        m.parentId = objects.entryId(msg.storeId, msg.parentId);
        m.props = new ArrayList<>(props.values());
        m.recipients = new ArrayList<>();
        m.attachments = new ArrayList<>();
        for (HierarchyObject part : parts) {
            if (part.type == ObjectType.MAPI_MAILUSER) {
                Recipient rc = new Recipient();
                rc.props = new ArrayList<>(propsOf.apply(part).values());
                rc.props.add(PropValue.ofLong(PropTag.PR_ROWID, part.attachNum));
                m.recipients.add(rc);
            } else {
                Attachment at = new Attachment();
                at.attachNum = part.attachNum;
                at.props = new ArrayList<>(propsOf.apply(part).values());
                at.embedded = embedded(part, at.props);
                at.size = at.embedded != null ? part.size : attachments.size(part.id);
                at.props.add(PropValue.ofLong(PropTag.PR_ATTACH_NUM, part.attachNum));
                at.props.add(PropValue.ofLong(PropTag.PR_ATTACH_SIZE, at.size));
                m.attachments.add(at);
            }
        }
        return m;
    }

    /**
     * The message an attachment holds as an object, with its own recipients and attachments; null
     * when it holds none (only attachments of method ATTACH_EMBEDDED_MSG are looked at: a file or
     * a message kept as MIME bytes costs no query).
     */
    private Message embedded(HierarchyObject attach, List<PropValue> props) {
        boolean method = props.stream().anyMatch(v -> v.tag == PropTag.PR_ATTACH_METHOD && v.l != null
                && v.l == ATTACH_EMBEDDED_MSG);
        if (!method) return null;
        List<HierarchyObject> held = objects.children(attach.id, ObjectType.MAPI_MESSAGE, false);
        if (held.isEmpty()) return null;
        HierarchyObject e = held.get(0);
        List<HierarchyObject> parts = new ArrayList<>(objects.children(e.id, ObjectType.MAPI_MAILUSER, false));
        parts.addAll(objects.children(e.id, ObjectType.MAPI_ATTACH, false));
        return assemble(e, reader.all(e), parts, part -> objects.stored(part.id));
    }

    /** PR_ATTACH_METHOD of an attachment that holds a message. */
    static final int ATTACH_EMBEDDED_MSG = 5;

    /** The content of attachment {@code attachNum}: a file path or the bytes. */
    public record Content(java.nio.file.Path file, byte[] bytes, String mimeType) {
    }

    public Content attachment(Session s, String messageEntryId, int attachNum) {
        HierarchyObject msg = message(messageEntryId);
        access.check(s, msg.id, Action.READ, Rights.READ_ANY);
        HierarchyObject a = attachmentObject(msg, attachNum);
        Map<Integer, PropValue> props = objects.stored(a.id);
        PropValue mime = props.get(PropTag.PR_ATTACH_MIME_TAG);
        String type = mime != null && mime.s != null ? mime.s : "application/octet-stream";
        java.nio.file.Path p = attachments.path(a.id);
        if (p != null) return new Content(p, null, type);
        try (InputStream in = attachments.open(a.id)) {
            return new Content(null, in.readAllBytes(), type);
        } catch (java.io.IOException e) {
            throw new StoreException(org.zcp.api.mapi.MapiError.MAPI_E_CALL_FAILED, e.getMessage());
        }
    }

    /** Adds (attachNum &lt; 0) or replaces an attachment with streamed content; returns its number. */
    public int saveAttachment(Session s, String messageEntryId, int attachNum, List<PropValue> props,
            InputStream content) {
        HierarchyObject msg = message(messageEntryId);
        access.check(s, msg.id, Action.EDIT, Rights.EDIT_ANY);
        StoreEntity store = objects.store(msg.storeId);
        quota.checkWrite(store, 1);
        long sizeBefore = store.storeSize;
        HierarchyObject a;
        if (attachNum < 0) {
            a = objects.create(msg.storeId, msg.id, ObjectType.MAPI_ATTACH, s.userId());
            a.attachNum = msg.attachNum++;
        } else {
            a = attachmentObject(msg, attachNum);
            for (HierarchyObject held : objects.children(a.id, ObjectType.MAPI_MESSAGE, false)) tree.discard(held);
        }
        if (props != null) objects.setProps(a, props);
        long size = content == null ? 0 : attachments.attach(a.id, content);
        a.size = size;
        updateSize(msg);
        quota.checkGrowth(objects.store(msg.storeId), sizeBefore);
        objects.contentChanged(msg, List.of(), true);
        objects.journal(msg, ChangeEntry.MODIFY);
        return a.attachNum;
    }

    private HierarchyObject attachmentObject(HierarchyObject msg, int attachNum) {
        for (HierarchyObject a : objects.children(msg.id, ObjectType.MAPI_ATTACH, false)) {
            if (a.attachNum == attachNum) return a;
        }
        throw StoreException.notFound("attachment " + attachNum);
    }

    HierarchyObject message(String entryId) {
        HierarchyObject msg = objects.resolve(entryId);
        if (msg.type != ObjectType.MAPI_MESSAGE) throw StoreException.invalid("not a message");
        if (objects.info(msg.parentId).type() == ObjectType.MAPI_ATTACH) {
            throw StoreException.invalid("an embedded message is read and written with the message that holds it");
        }
        return msg;
    }

    /**
     * Writes properties, and recipients and attachments when given, then recomputes the size. A
     * fresh message has nothing to replace, and its size is known from what was written.
     */
    void write(HierarchyObject msg, Message m, boolean fresh) {
        if (m.props != null) objects.setProps(msg, m.props, fresh);
        if (m.recipients != null) {
            if (!fresh) {
                for (HierarchyObject r : objects.children(msg.id, ObjectType.MAPI_MAILUSER, false)) tree.discard(r);
            }
            int row = 0;
            for (Recipient rc : m.recipients) {
                int number = row++;
                HierarchyObject r = objects.create(msg.storeId, msg.id, ObjectType.MAPI_MAILUSER, msg.ownerId,
                        o -> o.attachNum = number);
                objects.setProps(r, rc.props, true);
            }
        }
        if (m.attachments != null) {
            if (!fresh) {
                for (HierarchyObject a : objects.children(msg.id, ObjectType.MAPI_ATTACH, false)) tree.discard(a);
            }
            msg.attachNum = 0;
            for (Attachment at : m.attachments) {
                int number = msg.attachNum++;
                HierarchyObject a = objects.create(msg.storeId, msg.id, ObjectType.MAPI_ATTACH, msg.ownerId, o -> {
                    o.attachNum = number;
                    o.size = at.data == null ? 0 : at.data.length; // what attach() stores
                });
                objects.setProps(a, at.props, true);
                if (at.embedded != null) {
                    a.size = writeEmbedded(a, at.embedded);
                } else {
                    a.size = at.data == null ? 0 : attachments.attach(a.id, new ByteArrayInputStream(at.data));
                }
                msg.msgFlags |= PropTag.MSGFLAG_HASATTACH;
            }
        }
        if (fresh) {
            msg.size = freshSize(m); // the store's size grows with it in create, under the store's lock
        } else {
            updateSize(msg);
        }
    }

    /**
     * An embedded message: a message object under its attachment (no folder, no UID, no journal of
     * its own: it changes with the message that holds it), written as a fresh message is; its size
     * is the attachment's, so the holding message's size and the store's quota count it once.
     */
    private long writeEmbedded(HierarchyObject attach, Message embedded) {
        HierarchyObject e = objects.create(attach.storeId, attach.id, ObjectType.MAPI_MESSAGE, attach.ownerId, o -> {
            o.msgFlags = PropTag.MSGFLAG_READ;
            ObjectStore.presetColumns(o, embedded.props);
        });
        write(e, embedded, true);
        e.messageId = null; // not a message of the store's (duplicate suppression looks for those)
        return e.size;
    }

    /** The size write() gives a fresh message: its properties, recipients and attachments. */
    private static long freshSize(Message m) {
        long n = storedSize(m.props);
        if (m.recipients != null) for (Recipient rc : m.recipients) n += storedSize(rc.props);
        if (m.attachments != null) {
            for (Attachment at : m.attachments) {
                n += storedSize(at.props) + (at.embedded != null ? freshSize(at.embedded)
                        : at.data == null ? 0 : at.data.length);
            }
        }
        return n;
    }

    private static long storedSize(List<PropValue> props) {
        long n = 0;
        if (props != null) {
            for (PropValue v : props) {
                if (v != null && !ObjectStore.NOT_STORED.contains(v.tag)) n += v.octets();
            }
        }
        return n;
    }

    /** PR_MESSAGE_SIZE: properties, recipients and attachments; the store size follows (quota). */
    void updateSize(HierarchyObject msg) {
        objects.updateSize(msg);
    }

    private static long estimate(Message m) {
        long n = 0;
        if (m.props != null) for (PropValue v : m.props) n += v.octets();
        if (m.attachments != null) {
            for (Attachment a : m.attachments) {
                n += a.embedded != null ? estimate(a.embedded) : a.data == null ? 0 : a.data.length;
            }
        }
        return n;
    }

    public List<String> copy(Session s, List<String> ids, String destFolderId, boolean move) {
        HierarchyObject dest = objects.resolve(destFolderId);
        if (dest.type != ObjectType.MAPI_FOLDER || dest.deletedAt != null) throw StoreException.invalid("not a folder");
        access.check(s, dest.id, Action.CREATE, Rights.CREATE);
        StoreEntity destStore = objects.store(dest.storeId);
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            HierarchyObject msg = message(id);
            access.check(s, msg.id, Action.READ, Rights.READ_ANY);
            if (move) access.check(s, msg.id, Action.DELETE, Rights.DELETE_ANY);
            if (move && msg.storeId == dest.storeId) {
                objects.journal(msg, ChangeEntry.MOVE_OUT);
                msg.parentId = dest.id;
                msg.imapUid = tree.nextUid(dest);
                objects.journal(msg, ChangeEntry.ADD);
                objects.em().flush();
                out.add(objects.entryId(msg));
                continue;
            }
            quota.checkWrite(destStore, msg.size);
            HierarchyObject copy = tree.copyMessage(msg, dest, s.userId());
            out.add(objects.entryId(copy));
            if (move) tree.softDelete(msg, System.currentTimeMillis());
        }
        return out;
    }

    public void delete(Session s, List<String> ids, boolean hard) {
        long now = System.currentTimeMillis();
        for (String id : ids) {
            HierarchyObject msg = message(id);
            access.check(s, msg.id, Action.DELETE, Rights.DELETE_ANY);
            if (hard) tree.purge(msg);
            else if (msg.deletedAt == null) tree.softDelete(msg, now);
        }
    }

    public void setReadFlags(Session s, List<String> ids, boolean read) {
        for (String id : ids) {
            HierarchyObject msg = message(id);
            access.check(s, msg.id, Action.READ, Rights.READ_ANY);
            objects.setMessageFlags(msg, read ? msg.msgFlags | PropTag.MSGFLAG_READ : msg.msgFlags & ~PropTag.MSGFLAG_READ);
        }
    }
}
