package org.zcp.store.mapi;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.zcp.api.mapi.ObjectType;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.mapi.Rights;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.api.mapi.Row;
import org.zcp.store.api.mapi.SortOrder;
import org.zcp.store.api.mapi.TableQuery;
import org.zcp.store.api.mapi.TableResult;
import org.zcp.store.StoreException;
import org.zcp.store.cache.StoreCaches;
import org.zcp.store.entity.HierarchyObject;
import org.zcp.store.mapi.Access.Action;
import org.zcp.store.session.Session;

/**
 * Contents and hierarchy tables (tableMulti): restriction, sort and paging run in SQL on the hot
 * columns, so the first page of a 100,000-message folder never loads the other rows; the column
 * set is then filled from property rows (through the cell cache) and computed values.
 */
@Stateless
public class TableService {
    /** MAPI tables truncate long strings and binaries (the original's TABLE_CAP_STRING). */
    static final int CAP = 255;
    private static final int MAX_SORT_KEYS = 8;

    @PersistenceContext(unitName = "zarafa")
    EntityManager em;

    @Inject
    ObjectStore objects;

    @Inject
    PropertyReader reader;

    @Inject
    Access access;

    @Inject
    StoreCaches caches;

    public TableResult contents(Session s, String folderEntryId, TableQuery q) {
        HierarchyObject folder = objects.resolve(folderEntryId);
        if (folder.type != ObjectType.MAPI_FOLDER) throw StoreException.invalid("not a folder");
        access.check(s, folder.id, Action.VIEW, Rights.READ_ANY);
        if (q == null) q = new TableQuery();
        boolean deleted = (q.flags & TableQuery.SHOW_SOFT_DELETES) != 0;
        boolean assoc = (q.flags & TableQuery.MAPI_ASSOCIATED) != 0;

        List<Object> params = new ArrayList<>();
        // flags hold only the associated (0x40) and deleted (0x400) bits, so one equality selects the
        // view and lets the (parent_id, type, flags, delivery_time) index serve the sort
        int flags = (assoc ? HierarchyObject.FLAG_ASSOCIATED : 0) | (deleted ? HierarchyObject.FLAG_DELETED : 0);
        StringBuilder where = new StringBuilder(" WHERE h.parent_id = ? AND h.type = ? AND h.flags = ?");
        params.add(folder.id);
        params.add(ObjectType.MAPI_MESSAGE);
        params.add(flags);
        if (q.restriction != null) {
            where.append(" AND ").append(new SqlRestriction(params, false).toSql(q.restriction));
        }
        return run(s, q, where.toString(), params, false, Map.of());
    }

    public TableResult hierarchy(Session s, String folderEntryId, TableQuery q) {
        HierarchyObject folder = objects.resolve(folderEntryId);
        if (folder.type != ObjectType.MAPI_FOLDER) throw StoreException.invalid("not a folder");
        access.checkOpen(s, folder.id);
        if (q == null) q = new TableQuery();
        boolean deleted = (q.flags & TableQuery.SHOW_SOFT_DELETES) != 0;
        boolean deep = (q.flags & TableQuery.CONVENIENT_DEPTH) != 0;
        // collect the folders level by level with their depth, keeping only visible ones
        Map<Long, Integer> depth = new LinkedHashMap<>();
        List<Long> level = List.of(folder.id);
        int d = 1;
        while (!level.isEmpty()) {
            List<Long> next = new ArrayList<>();
            for (Object[] row : em.createQuery("select h.id, h.deletedAt from HierarchyObject h where h.parentId in :p"
                    + " and h.type = 3", Object[].class).setParameter("p", level).getResultList()) {
                long id = (Long) row[0];
                boolean isDeleted = row[1] != null;
                if (isDeleted != deleted && !(deleted && deep)) continue;
                if ((access.rights(s, id) & Rights.FOLDER_VISIBLE) == 0) continue;
                if (isDeleted == deleted) depth.put(id, d);
                next.add(id);
            }
            if (!deep) break;
            level = next;
            d++;
        }
        if (depth.isEmpty()) {
            TableResult empty = new TableResult();
            return empty;
        }
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE h.id IN (");
        int i = 0;
        for (long id : depth.keySet()) {
            where.append(i++ == 0 ? "?" : ",?");
            params.add(id);
        }
        where.append(')');
        if (q.restriction != null) {
            where.append(" AND ").append(new SqlRestriction(params, true).toSql(q.restriction));
        }
        if (q.sort == null || q.sort.isEmpty()) {
            // natural order: tree order as collected
            return rows(s, q, new ArrayList<>(filter(where.toString(), params, depth)), depth, true);
        }
        return run(s, q, where.toString(), params, true, depth);
    }

    private List<Long> filter(String where, List<Object> params, Map<Long, Integer> depth) {
        Query query = em.createNativeQuery("SELECT h.id FROM hierarchy h" + where);
        bind(query, params, 1);
        Set<Long> keep = new HashSet<>();
        for (Object o : query.getResultList()) keep.add(((Number) o).longValue());
        List<Long> ordered = new ArrayList<>();
        for (long id : depth.keySet()) if (keep.contains(id)) ordered.add(id);
        return ordered;
    }

    private TableResult run(Session s, TableQuery q, String where, List<Object> params, boolean folders,
            Map<Long, Integer> depth) {
        // count
        Query count = em.createNativeQuery("SELECT COUNT(*) FROM hierarchy h" + where);
        bind(count, params, 1);
        int total = ((Number) count.getSingleResult()).intValue();

        // sort joins and ORDER BY
        StringBuilder joins = new StringBuilder();
        StringBuilder order = new StringBuilder(" ORDER BY ");
        List<Object> joinParams = new ArrayList<>();
        List<SortOrder> sort = q.sort == null ? List.of() : q.sort;
        if (sort.size() > MAX_SORT_KEYS) throw StoreException.invalid("too many sort keys");
        int n = 0;
        for (SortOrder so : sort) {
            String col = sortColumn(so.tag, folders);
            if (col == null) {
                String alias = "s" + n;
                joins.append(" LEFT JOIN properties ").append(alias).append(" ON ").append(alias)
                        .append(".hierarchy_id = h.id AND ").append(alias).append(".tag = ?");
                joinParams.add(so.tag);
                col = alias + "." + storageColumn(so.tag);
            }
            order.append(col).append(so.descending ? " DESC, " : " ASC, ");
            n++;
        }
        order.append("h.id").append(sort.isEmpty() || !sort.get(0).descending ? " ASC" : " DESC");

        int start = Math.max(0, q.start);
        int limit = q.count <= 0 ? Integer.MAX_VALUE : q.count;
        String sql = "SELECT h.id FROM hierarchy h" + joins + where + order;
        Query page = em.createNativeQuery(sql);
        List<Object> all = new ArrayList<>(joinParams);
        all.addAll(params);
        bind(page, all, 1);
        page.setFirstResult(start);
        if (limit != Integer.MAX_VALUE) page.setMaxResults(limit);
        List<Long> ids = new ArrayList<>();
        for (Object o : page.getResultList()) ids.add(((Number) o).longValue());
        TableResult result = rows(s, q, ids, depth, folders);
        result.rowCount = total;
        return result;
    }

    private TableResult rows(Session s, TableQuery q, List<Long> ids, Map<Long, Integer> depth, boolean folders) {
        TableResult result = new TableResult();
        result.rowCount = ids.size();
        if (ids.isEmpty()) return result;
        List<Integer> columns = q.columns == null || q.columns.isEmpty() ? defaultColumns(folders) : q.columns;
        Map<Long, HierarchyObject> objs = new HashMap<>();
        for (HierarchyObject o : em.createQuery("select h from HierarchyObject h where h.id in :ids",
                HierarchyObject.class).setParameter("ids", ids).getResultList()) {
            objs.put(o.id, o);
        }
        Map<Long, Map<Integer, PropValue>> cells = cells(ids, columns);
        for (long id : ids) {
            HierarchyObject o = objs.get(id);
            if (o == null) continue;
            Map<Integer, PropValue> values = new HashMap<>(cells.getOrDefault(id, Map.of()));
            reader.computed(o, values, columns);
            if (depth.containsKey(id)) values.put(PropTag.PR_DEPTH, PropValue.ofLong(PropTag.PR_DEPTH, depth.get(id)));
            if (folders && columns.contains(PropTag.PR_RIGHTS)) {
                values.put(PropTag.PR_RIGHTS, PropValue.ofLong(PropTag.PR_RIGHTS, access.rights(s, id)));
            }
            List<PropValue> row = new ArrayList<>(columns.size());
            for (int tag : columns) {
                PropValue v = values.get(tag);
                row.add(v == null || v.error != null ? PropValue.ofError(tag, "MAPI_E_NOT_FOUND") : cap(v));
            }
            result.rows.add(new Row(row));
        }
        return result;
    }

    /** Stored values of the columns for the rows, through the cell cache. */
    private Map<Long, Map<Integer, PropValue>> cells(List<Long> ids, List<Integer> columns) {
        Map<Long, Map<Integer, PropValue>> out = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (long id : ids) {
            Map<Integer, PropValue> cached = caches.cells(id);
            if (cached != null && cached.keySet().containsAll(columns)) out.put(id, cached);
            else missing.add(id);
        }
        if (!missing.isEmpty()) {
            Map<Long, Map<Integer, PropValue>> loaded = objects.read(missing, columns);
            for (long id : missing) {
                Map<Integer, PropValue> m = new HashMap<>();
                Map<Integer, PropValue> prev = caches.cells(id);
                if (prev != null) m.putAll(prev);
                Map<Integer, PropValue> got = loaded.getOrDefault(id, Map.of());
                for (int tag : columns) {
                    PropValue v = got.get(tag);
                    m.put(tag, v == null ? PropValue.ofError(tag, "MAPI_E_NOT_FOUND") : cap(v));
                }
                caches.putCells(id, m);
                out.put(id, m);
            }
        }
        return out;
    }

    static PropValue cap(PropValue v) {
        if (v.s != null && v.s.length() > CAP) return PropValue.ofString(v.tag, v.s.substring(0, CAP));
        if (v.bin != null && v.bin.length > CAP && v.tag != PropTag.PR_ENTRYID) {
            return PropValue.ofBinary(v.tag, java.util.Arrays.copyOf(v.bin, CAP));
        }
        return v;
    }

    private static String sortColumn(int tag, boolean folders) {
        if (folders) {
            if (tag == PropTag.PR_DISPLAY_NAME) return "h.display_name";
            if (tag == PropTag.PR_CONTAINER_CLASS) return "h.container_class";
        }
        String hot = SqlRestriction.HOT.get(tag);
        return hot != null ? hot : SqlRestriction.SORT_HOT.get(tag);
    }

    private static String storageColumn(int tag) {
        return switch (Props.storage(tag)) {
            case LONG -> "val_long";
            case DOUBLE -> "val_double";
            case STRING -> "val_string";
            case BINARY -> "val_binary";
        };
    }

    private static List<Integer> defaultColumns(boolean folders) {
        return folders ? List.of(PropTag.PR_ENTRYID, PropTag.PR_DISPLAY_NAME, PropTag.PR_CONTAINER_CLASS,
                PropTag.PR_CONTENT_COUNT, PropTag.PR_CONTENT_UNREAD, PropTag.PR_SUBFOLDERS, PropTag.PR_DEPTH)
                : List.of(PropTag.PR_ENTRYID, PropTag.PR_SUBJECT, PropTag.PR_SENDER_NAME,
                        PropTag.PR_MESSAGE_DELIVERY_TIME, PropTag.PR_MESSAGE_SIZE, PropTag.PR_MESSAGE_FLAGS,
                        PropTag.PR_MESSAGE_CLASS);
    }

    private static void bind(Query q, List<Object> params, int first) {
        int i = first;
        for (Object p : params) q.setParameter(i++, p);
    }
}
