package org.zcp.webaccess.settings;

import java.util.Objects;
import org.zcp.webaccess.Props;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.MapiObjects;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.webaccess.ApiException;
import org.zcp.webaccess.session.Guard;

/**
 * Out-of-office (manual 4.5, 8.9): the store root's properties that zarafa-set-oof sets and the
 * server's autoresponder reads at delivery, with the optional period it honours.
 */
@Path("outofoffice")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OutOfOfficeResource {
    static final int MAX_TEXT = 64 * 1024;
    static final List<Integer> TAGS = List.of(PropTag.PR_EC_OUTOFOFFICE, PropTag.PR_EC_OUTOFOFFICE_SUBJECT,
            PropTag.PR_EC_OUTOFOFFICE_MSG, PropTag.PR_EC_OUTOFOFFICE_FROM, PropTag.PR_EC_OUTOFOFFICE_UNTIL);

    public record OutOfOffice(boolean enabled, String subject, String message, String from, String until) {
    }

    @EJB
    MapiObjects mapi;

    @GET
    public OutOfOffice read(@Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        List<PropValue> p = mapi.props(session, mapi.store(session).rootId, TAGS);
        return new OutOfOffice(Props.bool(p, PropTag.PR_EC_OUTOFOFFICE),
                Objects.requireNonNullElse(Props.string(p, PropTag.PR_EC_OUTOFOFFICE_SUBJECT), ""),
                Objects.requireNonNullElse(Props.string(p, PropTag.PR_EC_OUTOFOFFICE_MSG), ""),
                Props.time(p, PropTag.PR_EC_OUTOFOFFICE_FROM), Props.time(p, PropTag.PR_EC_OUTOFOFFICE_UNTIL));
    }

    @PUT
    public OutOfOffice write(OutOfOffice in, @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        if (in == null) throw ApiException.invalid("out-of-office settings");
        String subject = in.subject() == null ? "" : in.subject().replaceAll("[\\x00-\\x1F\\x7F]+", " ").strip();
        String message = in.message() == null ? "" : in.message();
        if (subject.length() > 1000 || message.length() > MAX_TEXT) {
            throw ApiException.invalid("the subject has at most 1,000 characters and the message 64 KB");
        }
        long from = instant(in.from(), "from");
        long until = instant(in.until(), "until");
        if (from != 0 && until != 0 && until <= from) throw ApiException.invalid("'until' must be after 'from'");
        // 0 is "not limited" to the autoresponder (OutOfOfficeService.Settings)
        mapi.setProps(session, mapi.store(session).rootId, List.of(PropValue.ofBool(PropTag.PR_EC_OUTOFOFFICE, in.enabled()),
                PropValue.ofString(PropTag.PR_EC_OUTOFOFFICE_SUBJECT, subject),
                PropValue.ofString(PropTag.PR_EC_OUTOFOFFICE_MSG, message),
                PropValue.ofTime(PropTag.PR_EC_OUTOFOFFICE_FROM, from),
                PropValue.ofTime(PropTag.PR_EC_OUTOFOFFICE_UNTIL, until)));
        return read(req);
    }

    private static long instant(String iso, String name) {
        if (iso == null || iso.isBlank()) return 0;
        try {
            return Instant.parse(iso.strip()).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("'" + name + "' is not a time (ISO 8601, such as 2026-12-24T17:00:00Z)");
        }
    }
}
