package org.zcp.store.entity;

import java.io.Serializable;
import java.util.Objects;

public class ReceiveFolderId implements Serializable {
    private static final long serialVersionUID = 1L;
    public long storeId;
    public String messageClass;

    @Override
    public boolean equals(Object o) {
        return o instanceof ReceiveFolderId k && k.storeId == storeId && Objects.equals(k.messageClass, messageClass);
    }

    @Override
    public int hashCode() {
        return Objects.hash(storeId, messageClass);
    }
}
