package org.zcp.webaccess.settings;

import jakarta.ejb.EJB;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import org.zcp.store.api.MapiObjects;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.webaccess.ApiException;
import org.zcp.webaccess.Settings;
import org.zcp.webaccess.html.MailHtml;
import org.zcp.webaccess.session.Guard;

/**
 * The user's web client settings (docs/webaccess.md): language, time zone and signature, kept in
 * the user's store as JSON in PR_EC_WEBACCESS_SETTINGS_JSON of the store root, where the
 * original WebApp kept its settings, so they follow the user to every browser.
 */
@Path("settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SettingsResource {
    /** PR_EC_WEBACCESS_SETTINGS_JSON (PT_UNICODE 0x6772): the WebApp's settings on the store root. */
    static final int PR_EC_WEBACCESS_SETTINGS_JSON = 0x6772001F;
    static final int MAX_SIGNATURE = 16 * 1024;
    /** Made when first used (JSON-B is the container's). */
    private static final class Json {
        static final Jsonb JSON = JsonbBuilder.create();
    }

    public record Signature(boolean html, String body) {
    }

    /**
     * The settings; {@code openCalendars} are the other users' calendars the user opened
     * ("owner/folderId"), kept by the calendar API, {@code openStores} the other users' mailboxes
     * opened in the folder tree (login names) ({@code null} in a PUT: left as they are).
     */
    public record UserSettings(String language, String timezone, Signature signature, boolean signatureOnReply,
            List<String> openCalendars, List<String> openStores) {
    }

    @EJB
    MapiObjects mapi;

    @GET
    public UserSettings read(@Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        return stored(mapi, session);
    }

    @PUT
    public UserSettings write(UserSettings in, @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        UserSettings clean = valid(in);
        UserSettings kept = stored(mapi, session);
        if (clean.openCalendars() == null) clean = withCalendars(clean, kept.openCalendars());
        if (clean.openStores() == null) clean = withStores(clean, kept.openStores());
        save(mapi, session, clean);
        return clean;
    }

    /** Keeps the settings in the store. */
    public static void save(MapiObjects mapi, String session, UserSettings s) {
        String root = mapi.store(session).rootId;
        mapi.setProps(session, root, List.of(PropValue.ofString(PR_EC_WEBACCESS_SETTINGS_JSON, Json.JSON.toJson(s))));
    }

    /** The settings with other opened calendars. */
    public static UserSettings withCalendars(UserSettings s, List<String> openCalendars) {
        return new UserSettings(s.language(), s.timezone(), s.signature(), s.signatureOnReply(),
                openCalendars == null ? List.of() : List.copyOf(openCalendars), s.openStores());
    }

    /** The settings with other opened stores (login names). */
    public static UserSettings withStores(UserSettings s, List<String> openStores) {
        return new UserSettings(s.language(), s.timezone(), s.signature(), s.signatureOnReply(), s.openCalendars(),
                openStores == null ? List.of() : List.copyOf(openStores));
    }

    /** The user's settings as kept, defaults where unset. */
    public static UserSettings stored(MapiObjects mapi, String session) {
        String root = mapi.store(session).rootId;
        String json = null;
        for (PropValue v : mapi.props(session, root, List.of(PR_EC_WEBACCESS_SETTINGS_JSON))) {
            if (v.error == null && v.s != null) json = v.s;
        }
        UserSettings defaults = new UserSettings(Settings.language(), Settings.timezone(), new Signature(false, ""), false,
                List.of(), List.of());
        if (json == null) return defaults;
        try {
            UserSettings s = Json.JSON.fromJson(json, UserSettings.class);
            return new UserSettings(s.language() == null ? defaults.language() : s.language(),
                    s.timezone() == null ? defaults.timezone() : s.timezone(),
                    s.signature() == null ? defaults.signature() : s.signature(), s.signatureOnReply(),
                    s.openCalendars() == null ? List.of() : s.openCalendars(),
                    s.openStores() == null ? List.of() : s.openStores());
        } catch (JsonbException e) {
            // written by another client in another shape: the defaults, until the user saves
            return defaults;
        }
    }

    static UserSettings valid(UserSettings in) {
        if (in == null) throw ApiException.invalid("settings");
        String language = in.language() == null ? Settings.language() : in.language();
        if (!Settings.LANGUAGES.contains(language)) throw ApiException.invalid("languages: " + Settings.LANGUAGES);
        String zone = in.timezone() == null ? Settings.timezone() : in.timezone();
        try {
            zone = ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            throw ApiException.invalid("'" + zone + "' is not a time zone (a name such as Europe/Amsterdam)");
        }
        Signature sig = in.signature() == null ? new Signature(false, "") : in.signature();
        String body = sig.body() == null ? "" : sig.body();
        if (body.length() > MAX_SIGNATURE) throw ApiException.invalid("a signature has at most 16 KB");
        if (sig.html()) body = MailHtml.sanitize(body, cid -> null, true).html();
        List<String> open = in.openCalendars();
        if (open != null && (open.size() > 50 || open.stream().anyMatch(c -> c == null || !c.matches("[^/]{1,256}/\\d{1,19}")))) {
            throw ApiException.invalid("openCalendars: at most 50 of owner/folderId");
        }
        List<String> stores = in.openStores();
        if (stores != null && (stores.size() > 50 || stores.stream().anyMatch(c -> c == null || c.isBlank() || c.length() > 256))) {
            throw ApiException.invalid("openStores: at most 50 user names");
        }
        return new UserSettings(language, zone, new Signature(sig.html(), body), in.signatureOnReply(), open, stores);
    }
}
