package org.zcp.store.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.zcp.store.api.AddressBook.Entry;
import org.zcp.store.api.AddressBook.Kind;

/**
 * What every {@link AddressBook} must answer (the global address book CardDAV serves read-only):
 * war-caldav's fake is held to it as the real store is (AddressBookContractIT). A subclass gives a
 * session of a user who is visible in the address book, that user's login name and address, and
 * the login name of a hidden user of the same company.
 */
public abstract class AddressBookContract {
    protected abstract AddressBook addressBook();

    protected abstract String session();

    /** The login name and e-mail address of the session's user. */
    protected abstract String ownName();

    protected abstract String ownEmail();

    /** A user of the same company hidden from the address book. */
    protected abstract String hiddenName();

    @Test
    public void theUserIsInTheirOwnAddressBookWithNameAndAddress() {
        List<Entry> gal = addressBook().gal(session());
        assertThat(gal).anySatisfy(e -> {
            assertThat(e.name()).isEqualTo(ownName());
            assertThat(e.email()).isEqualToIgnoringCase(ownEmail());
            assertThat(e.kind()).isEqualTo(Kind.USER);
            assertThat(e.fullName()).isNotBlank();
        });
    }

    @Test
    public void hiddenUsersAreLeftOut() {
        assertThat(addressBook().gal(session())).extracting(Entry::name).doesNotContain(hiddenName());
    }

    @Test
    public void idsAreUniquePathSegmentsAndStable() {
        List<Entry> first = addressBook().gal(session());
        Set<String> ids = new HashSet<>();
        for (Entry e : first) {
            assertThat(e.id()).matches("[A-Za-z0-9._-]+");
            assertThat(ids.add(e.id())).as("id " + e.id() + " once").isTrue();
        }
        assertThat(addressBook().gal(session())).isEqualTo(first);
    }

    @Test
    public void usersComeBeforeGroupsEachInNameOrder() {
        List<Entry> gal = addressBook().gal(session());
        int firstGroup = gal.size();
        for (int i = 0; i < gal.size(); i++) {
            if (gal.get(i).kind() == Kind.GROUP) {
                firstGroup = Math.min(firstGroup, i);
            } else {
                assertThat(i).as("a user after a group").isLessThan(firstGroup);
            }
        }
        List<String> users = gal.subList(0, firstGroup).stream().map(Entry::name).toList();
        assertThat(users).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    }
}
