package org.zcp.store.api;

import java.util.List;

/**
 * A folder as a session opens it.
 *
 * @param uidValidity the folder's id: the UIDs of a folder are valid as long as the folder is
 * @param uidNext the UID the next message will get
 * @param highestModSeq the folder's highest change number: nothing in it changed after this
 * @param keywords every keyword some message of the folder carries
 * @param readOnly the session may read but not change messages
 * @param recent the messages no session has been shown yet ({@link FolderMessages#recent})
 */
public record FolderState(long uidValidity, long uidNext, long highestModSeq, int messages, int unseen,
        boolean readOnly, List<String> keywords, int recent) {
}
