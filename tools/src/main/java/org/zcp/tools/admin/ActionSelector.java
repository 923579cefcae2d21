package org.zcp.tools.admin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Picks the one action of an invocation and checks that every other option given is one of its
 * attributes. The table below is the whole command-line grammar of zarafa-admin.
 */
final class ActionSelector {
    private static final Set<String> GLOBAL = Set.of("-h", "--config", "-v");
    private static final String[] USER_QUOTA = {"--qo", "--qw", "--qs", "--qh"};
    private static final String[] COMPANY_QUOTA = {"--qo", "--qw", "--udqo", "--udqw", "--udqs", "--udqh"};

    private interface Factory {
        Action create(AdminOptions o) throws AdminException;
    }

    private record Entry(String option, Factory factory, Set<String> attributes) {
    }

    private static final List<Entry> ACTIONS = List.of(
            // users (manual 8.2, 8.3, 8.7, 8.8)
            entry("-c", UserActions::create, join(USER_QUOTA, "-p", "-P", "-e", "-f", "-a", "-n", "-I")),
            entry("-u", UserActions::update, join(USER_QUOTA, "-U", "-p", "-P", "-e", "-f", "-a", "-n",
                    "--add-sendas", "--del-sendas", "--enable-feature", "--disable-feature",
                    "--mr-accept", "--mr-decline-conflict", "--mr-decline-recurring")),
            entry("-d", UserActions::delete),
            entry("-l", UserActions::list, "-I"),
            entry("--details", DetailsActions::details, "--type"),
            entry("--list-sendas", UserActions::listSendAs),
            // groups (manual 8.3.6)
            entry("-g", GroupActions::create, "-e", "-f", "-I"),
            entry("--update-group", GroupActions::update, "-e", "-f"),
            entry("-G", GroupActions::delete),
            entry("-L", GroupActions::list, "-I"),
            entry("-b", GroupActions::addMember, "-i"),
            entry("-B", GroupActions::removeMember, "-i"),
            // stores (manual 6.2.2.5, 8.1, 8.2)
            entry("-s", StoreActions::createPublic, "-I"),
            entry("--list-orphans", o -> StoreActions.listOrphans()),
            entry("--remove-store", StoreActions::remove),
            entry("--hook-store", StoreActions::hook, "-u"),
            entry("--unhook-store", StoreActions::unhook),
            entry("--purge-softdelete", StoreActions::purgeSoftDelete),
            entry("--sync", o -> UserActions.sync()),
            // companies (manual 6.2.3, 6.2.5, 6.2.6)
            entry("--create-company", CompanyActions::create, COMPANY_QUOTA),
            entry("--delete-company", CompanyActions::delete),
            entry("--update-company", CompanyActions::update, COMPANY_QUOTA),
            entry("--set-system-admin", CompanyActions::setSystemAdmin, "-I"),
            entry("--list-companies", o -> CompanyActions.list()),
            entry("--add-view", CompanyActions::addView, "-I"),
            entry("--del-view", CompanyActions::delView, "-I"),
            entry("--list-view", CompanyActions::listView, "-I"),
            entry("--add-admin", CompanyActions::addAdmin, "-I"),
            entry("--del-admin", CompanyActions::delAdmin, "-I"),
            entry("--list-admin", CompanyActions::listAdmin, "-I"));

    private ActionSelector() {
    }

    static Action select(AdminOptions options, ParseResult parsed) throws AdminException {
        List<OptionSpec> given = parsed.matchedOptions();
        for (OptionSpec spec : given) {
            if (spec.getValue() instanceof String s && s.isBlank()) {
                throw new AdminException("Option " + name(spec) + " cannot be empty.");
            }
        }
        Set<String> names = new LinkedHashSet<>();
        given.forEach(spec -> names.add(name(spec)));
        List<Entry> actions = new ArrayList<>();
        for (Entry e : ACTIONS) {
            if (names.contains(e.option())) {
                actions.add(e);
            }
        }
        if (names.contains("--hook-store")) {
            actions.removeIf(e -> e.option().equals("-u")); // here -u names the store's new owner (8.2)
        }
        if (actions.isEmpty()) {
            throw new AdminException("No correct command (e.g. -c for create user) given; see --help.");
        }
        if (actions.size() > 1) {
            List<String> opts = actions.stream().map(Entry::option).toList();
            throw new AdminException("Only one action can be given at a time, not "
                    + String.join(", ", opts.subList(0, opts.size() - 1)) + " and " + opts.get(opts.size() - 1) + ".");
        }
        Entry action = actions.get(0);
        for (String n : names) {
            if (!n.equals(action.option()) && !GLOBAL.contains(n) && !action.attributes().contains(n)) {
                throw new AdminException("Option " + n + " cannot be used with " + action.option() + ".");
            }
        }
        return action.factory().create(options);
    }

    /** The name an option has in the table above, whichever alias was typed. */
    private static String name(OptionSpec spec) {
        for (String n : spec.names()) {
            if (GLOBAL.contains(n)
                    || ACTIONS.stream().anyMatch(e -> e.option().equals(n) || e.attributes().contains(n))) {
                return n;
            }
        }
        return spec.longestName();
    }

    private static Entry entry(String option, Factory factory, String... attributes) {
        return new Entry(option, factory, Set.of(attributes));
    }

    private static String[] join(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
