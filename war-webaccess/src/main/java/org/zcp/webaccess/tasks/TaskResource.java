package org.zcp.webaccess.tasks;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import org.zcp.ical.ICalException;
import org.zcp.ical.ICalItems;
import org.zcp.ical.ItemKind;
import org.zcp.ical.TaskForms;
import org.zcp.store.api.FolderItems.Expect;
import org.zcp.store.api.FolderItems.Item;
import org.zcp.webaccess.ApiException;
import org.zcp.webaccess.items.ItemFolders;
import org.zcp.webaccess.session.Guard;

/**
 * Tasks (docs/webaccess.md, "Contacts, tasks and notes"): the user's task folders and their tasks,
 * read and written as VTODO through the ical library (the item CalDAV and Outlook see).
 */
@Path("tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource {
    private static final Logger LOG = Logger.getLogger(TaskResource.class.getName());

    public record Lists(List<ItemFolders.Folder> lists) {
    }

    /** A task; status needs-action, in-process, completed or cancelled; priority high, normal or low. */
    public record Task(String id, String etag, String subject, String description, String start, String due,
            String status, Integer percent, String priority, String completed,
            @jakarta.json.bind.annotation.JsonbProperty("private") Boolean isPrivate,
            List<String> categories) {
    }

    public record Tasks(List<Task> tasks) {
    }

    public record Ref(String id, String etag) {
    }

    @Inject
    ItemFolders folders;

    @GET
    public Lists lists(@Context HttpServletRequest req) {
        return new Lists(folders.own(Guard.session(req).storeSession(), ItemKind.TASK));
    }

    @GET
    @Path("{folder}/items")
    public Tasks list(@PathParam("folder") String list, @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        long folder = ItemFolders.folder(list);
        List<String> names = folders.items().list(session, folder).stream().map(r -> r.name()).toList();
        List<Task> out = new ArrayList<>();
        for (Item it : folders.fetch(session, folder, names)) {
            try {
                String text = ICalItems.render(it.message(), folders.ids(session), ItemFolders.serverZone());
                out.add(json(TaskForms.read(text, ItemFolders.serverZone()), it.ref().name(), it.ref().modSeq()));
            } catch (ICalException e) {
                LOG.fine("task " + it.ref().name() + " not shown: " + e.getMessage());
            }
        }
        // open ones first, by due day (none last), then done ones
        out.sort(Comparator.comparing((Task t) -> "completed".equals(t.status()) || "cancelled".equals(t.status()))
                .thenComparing(t -> t.due() == null ? "9999" : t.due()).thenComparing(t -> t.subject() == null ? "" : t.subject()));
        return new Tasks(out);
    }

    @GET
    @Path("{folder}/items/{id}")
    public Task get(@PathParam("folder") String list, @PathParam("id") String name, @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        Item it = folders.item(session, ItemFolders.folder(list), name);
        String text = ICalItems.render(it.message(), folders.ids(session), ItemFolders.serverZone());
        return json(ItemFolders.convert(() -> TaskForms.read(text, ItemFolders.serverZone())), name, it.ref().modSeq());
    }

    @POST
    @Path("{folder}/items")
    public Response create(@PathParam("folder") String list, Task in, @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        long folder = ItemFolders.folder(list);
        String uid = UUID.randomUUID().toString();
        String text = ItemFolders.convert(() -> TaskForms.create(form(in, uid), Instant.now()));
        String name = uid + ".ics";
        var ref = folders.items().put(session, folder, name, parse(session, text), Expect.absent());
        return Response.status(201).entity(new Ref(name, Long.toString(ref.modSeq()))).build();
    }

    @PUT
    @Path("{folder}/items/{id}")
    public Ref update(@PathParam("folder") String list, @PathParam("id") String name,
            @HeaderParam("If-Match") String ifMatch, Task in, @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        var ref = folders.replace(session, ItemFolders.folder(list), name, ifMatch, it -> {
            String before = ICalItems.render(it.message(), folders.ids(session), ItemFolders.serverZone());
            TaskForms.Task was = ItemFolders.convert(() -> TaskForms.read(before, ItemFolders.serverZone()));
            TaskForms.Task t = form(in, was.uid());
            // a task that stays completed keeps when it was completed
            TaskForms.Task f = !"COMPLETED".equals(t.status()) || !"COMPLETED".equals(was.status()) ? t
                    : new TaskForms.Task(t.uid(), t.summary(), t.description(), t.start(), t.due(), t.status(), t.percent(),
                            t.priority(), was.completed(), t.isPrivate(), t.categories());
            return parse(session, ItemFolders.convert(() -> TaskForms.update(before, f, Instant.now())));
        });
        return new Ref(name, Long.toString(ref.modSeq()));
    }

    @DELETE
    @Path("{folder}/items/{id}")
    public Response delete(@PathParam("folder") String list, @PathParam("id") String name,
            @HeaderParam("If-Match") String ifMatch, @Context HttpServletRequest req) {
        folders.delete(Guard.session(req).storeSession(), ItemFolders.folder(list), name, ifMatch);
        return Response.noContent().build();
    }

    private org.zcp.store.api.mapi.Message parse(String session, String text) {
        return ItemFolders.convert(() -> ICalItems.parse(text, folders.ids(session), ItemFolders.serverZone())).message();
    }

    static Task json(TaskForms.Task t, String name, long modSeq) {
        String priority = t.priority() == 0 || t.priority() == 5 ? "normal" : t.priority() < 5 ? "high" : "low";
        return new Task(name, Long.toString(modSeq), t.summary(), t.description(),
                t.start() == null ? null : t.start().toString(), t.due() == null ? null : t.due().toString(),
                t.status().toLowerCase(Locale.ROOT), t.percent(), priority,
                t.completed() == null ? null : t.completed().toString(), t.isPrivate(), t.categories());
    }

    static TaskForms.Task form(Task in, String uid) {
        if (in == null) throw ApiException.invalid("a task");
        if (in.subject() != null && in.subject().length() > 1000) throw ApiException.invalid("a subject of at most 1,000 characters");
        if (in.description() != null && in.description().length() > 64 * 1024) throw ApiException.invalid("a description of at most 64 KB");
        String status = in.status() == null ? "NEEDS-ACTION" : in.status().toUpperCase(Locale.ROOT);
        if (!Set.of("NEEDS-ACTION", "IN-PROCESS", "COMPLETED", "CANCELLED").contains(status)) {
            throw ApiException.invalid("a status of needs-action, in-process, completed or cancelled");
        }
        int priority = switch (in.priority() == null ? "normal" : in.priority()) {
            case "high" -> 1;
            case "normal" -> 5;
            case "low" -> 9;
            default -> throw ApiException.invalid("a priority of high, normal or low");
        };
        int percent = in.percent() == null ? 0 : in.percent();
        return new TaskForms.Task(uid, in.subject(), in.description(), day(in.start(), "start"), day(in.due(), "due"),
                status, percent, priority, null, Boolean.TRUE.equals(in.isPrivate()),
                in.categories() == null ? List.of() : in.categories());
    }

    private static LocalDate day(String v, String what) {
        if (v == null || v.isBlank()) return null;
        try {
            return LocalDate.parse(v.strip().length() > 10 ? v.strip().substring(0, 10) : v.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(what + " is a date (2026-12-24)");
        }
    }
}
