package org.zcp.caldav.resource;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.zcp.caldav.dav.DavException;
import org.zcp.ical.NamedIds;
import org.zcp.store.api.FolderState;
import org.zcp.store.api.FolderTree.Hierarchy;
import org.zcp.store.api.WebLogons.Who;

/**
 * One request's view of the store: who is logged on, with what session, and what the request
 * has read already (the hierarchy, folder states), so a Depth 1 PROPFIND reads each once.
 */
public final class Context {
    private final Store store;
    private final Who who;
    private final Codecs codecs;
    private final NamedIds ids;
    private Hierarchy hierarchy;
    private Map<Long, Map<String, String>> kept;
    private final Map<Tree, List<Coll>> collections = new EnumMap<>(Tree.class);
    private final Map<Long, FolderState> states = new HashMap<>();

    /**
     * The user segment of the public folders' homes ({@code /caldav/public/}, {@code /carddav/public/}):
     * the calendar, task and contact folders of the company's public store the session may see.
     */
    public static final String PUBLIC = "public";

    /** The user whose home the request addresses: the logged-on user, or one who shares folders. */
    private Who owner;
    private boolean publicHome;

    public Context(Store store, Who who, Codecs codecs, NamedIds ids) {
        this.store = store;
        this.who = who;
        this.owner = who;
        this.codecs = codecs;
        this.ids = ids;
    }

    /**
     * Addresses another user's home (shared calendars and address books, by the MAPI permissions
     * of their folders): 404 when there is no such user the session may see.
     */
    public void addressing(String user) {
        if (user == null || isSelf(user)) return;
        if (user.equalsIgnoreCase(PUBLIC)) {
            owner = new Who(null, PUBLIC, "Public folders", "");
            publicHome = true;
            refresh();
            hierarchy(); // 404 when the company has no public store the session may see
            return;
        }
        Who other = store.logons().user(who.session(), user);
        if (other == null) throw new DavException(404, "no user " + user);
        owner = other;
        refresh();
        hierarchy(); // 404 when the user has no store
    }

    /** The owner of the addressed home (the logged-on user unless {@link #addressing} another). */
    public Who owner() {
        return owner;
    }

    /** Whether the addressed home is the public folders' ({@link #PUBLIC}). */
    public boolean publicHome() {
        return publicHome;
    }

    /** Whether the addressed home is the logged-on user's own. */
    public boolean ownHome() {
        return owner == who;
    }

    public Store store() {
        return store;
    }

    public Who who() {
        return who;
    }

    public String session() {
        return who.session();
    }

    /** The login name of the addressed home's owner: what its URLs are made of. */
    public String user() {
        return owner.loginName();
    }

    public Codecs codecs() {
        return codecs;
    }

    public NamedIds ids() {
        return ids;
    }

    public Hierarchy hierarchy() {
        if (hierarchy == null) {
            hierarchy = ownHome() ? store.tree().folders(who.session())
                    : publicHome ? store.tree().publicFolders(who.session())
                    : store.tree().foldersOf(who.session(), owner.loginName());
            if (hierarchy == null) {
                throw new DavException(404, publicHome ? "no public folders to see" : "no store of " + owner.loginName());
            }
        }
        return hierarchy;
    }

    public List<Coll> collections(Tree tree) {
        return collections.computeIfAbsent(tree, t -> Homes.collections(hierarchy(), t, kept()));
    }

    /** What DAV clients keep with the folders of the hierarchy, by folder. */
    private Map<Long, Map<String, String>> kept() {
        if (kept == null) {
            kept = store.items().collectionProps(who.session(),
                    hierarchy().folders().stream().map(f -> f.id()).toList());
        }
        return kept;
    }

    /** The collection a path names; 404 when there is none. */
    public Coll collection(Target.Collection c) {
        Coll coll = Homes.find(collections(c.tree()), c.segment());
        if (coll == null) throw new DavException(404, "no collection " + c.segment());
        return coll;
    }

    /** The collection a path names, or null. */
    public Coll findCollection(Tree tree, String segment) {
        return Homes.find(collections(tree), segment);
    }

    public FolderState state(long folderId) {
        return states.computeIfAbsent(folderId, id -> store.messages().open(who.session(), id));
    }

    /** Forgets what was read (after a write that changed the hierarchy). */
    public void refresh() {
        hierarchy = null;
        kept = null;
        collections.clear();
        states.clear();
    }

    /** The href of a collection of the logged-on user. */
    /** Whether a user segment of a URL names the logged-on user: login name or e-mail address, any case. */
    /** Whether a URL's user segment names the addressed home's owner (login name or e-mail address, any case). */
    public boolean isOwner(String user) {
        return user != null && (user.equalsIgnoreCase(owner.loginName())
                || owner.email() != null && !owner.email().isEmpty() && user.equalsIgnoreCase(owner.email()));
    }

    public boolean isSelf(String user) {
        return user != null && (user.equalsIgnoreCase(who.loginName())
                || who.email() != null && !who.email().isEmpty() && user.equalsIgnoreCase(who.email()));
    }

    public String href(Coll c) {
        return Paths.collection(c.tree(), user(), c.segment());
    }

    public String href(Coll c, String item) {
        return Paths.item(c.tree(), user(), c.segment(), item);
    }
}
