package org.zcp.webaccess.settings;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.zcp.store.api.MapiObjects;
import org.zcp.store.api.rules.Rule;
import org.zcp.store.api.rules.RuleAction;
import org.zcp.webaccess.ApiException;
import org.zcp.webaccess.Props;
import org.zcp.webaccess.session.Guard;

/**
 * The Inbox rules (the settings' rules tab): the server-side rules delivery runs (zarafa-dagent's
 * rules, docs/delivery.md), read and replaced as a whole, in the order they run. Move and copy
 * name a folder of the user's store by its id; forward and redirect name addresses.
 */
@Path("rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RuleResource {
    static final int MAX_RULES = 200;

    public record Rules(List<Rule> rules) {
    }

    @EJB
    MapiObjects mapi;

    @GET
    public Rules get(@Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        return new Rules(mapi.rules(session, inbox(session)));
    }

    @PUT
    public Response put(Rules in, @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        if (in == null || in.rules() == null) throw ApiException.invalid("rules");
        if (in.rules().size() > MAX_RULES) throw ApiException.invalid("at most " + MAX_RULES + " rules");
        List<Rule> rules = new ArrayList<>();
        int seq = 10;
        for (Rule r : in.rules()) {
            rules.add(valid(r, seq));
            seq += 10;
        }
        mapi.setRules(session, inbox(session), rules);
        return Response.noContent().build();
    }

    private String inbox(String session) {
        String inbox = mapi.store(session).inboxId;
        if (inbox == null) throw new ApiException(404, "not-found", "no Inbox");
        return inbox;
    }

    /** A rule as the user gave it, checked: a name, known actions with what they need; numbered in list order. */
    static Rule valid(Rule r, int sequence) {
        if (r == null) throw ApiException.invalid("a rule");
        if (r.name == null || r.name.isBlank() || r.name.length() > 255) throw ApiException.invalid("a rule needs a name (at most 255 characters)");
        if (r.actions == null || r.actions.isEmpty()) throw ApiException.invalid("the rule \"" + r.name + "\" does nothing");
        for (RuleAction a : r.actions) {
            if (a == null || !RuleAction.TYPES.contains(a.type)) throw ApiException.invalid("actions: " + RuleAction.TYPES);
            switch (a.type) {
                case RuleAction.MOVE, RuleAction.COPY -> a.folderId = Props.id(a.folderId);
                case RuleAction.FORWARD, RuleAction.REDIRECT -> {
                    if (a.addresses == null || a.addresses.isEmpty()) throw ApiException.invalid(a.type + " needs an address");
                    for (String x : a.addresses) {
                        if (x == null || !x.strip().matches("[^\\s<>\"@]+@[^\\s<>\"@]+")) throw ApiException.invalid("not an e-mail address: " + x);
                    }
                }
                default -> { }
            }
        }
        if (r.condition != null) {
            for (List<String> l : List.of(r.condition.fromContains, r.condition.sentToContains, r.condition.subjectContains)) {
                if (l != null && l.stream().anyMatch(x -> x == null || x.isBlank() || x.length() > 255)) {
                    throw ApiException.invalid("a condition's words are 1 to 255 characters");
                }
            }
        }
        r.sequence = sequence;
        r.name = r.name.strip();
        return r;
    }
}
