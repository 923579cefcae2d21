package org.zcp.caldav.fake;

import org.zcp.store.api.StoreFailure;

/** A store failure of a given kind, as the fakes throw them. */
public final class FakeFailure extends StoreFailure {
    private static final long serialVersionUID = 1L;
    private final Kind kind;

    public FakeFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
