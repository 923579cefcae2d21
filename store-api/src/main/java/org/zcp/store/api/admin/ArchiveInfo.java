package org.zcp.store.api.admin;


/**
 * An archive attached to a user (manual 6.7): the archive user whose store holds the copies, and
 * the folder in that store under which this user's messages are archived.
 */
public class ArchiveInfo {
    public String archiveUser;
    public String folder;

    public ArchiveInfo() {
    }

    public ArchiveInfo(String archiveUser, String folder) {
        this.archiveUser = archiveUser;
        this.folder = folder;
    }
}
