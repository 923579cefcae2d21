package org.zcp.protocols.imap.parse;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The temporary files large APPEND literals are written to while they arrive (security review
 * #1): a slow client sending a 100 MB message holds a file, not 100 MB of heap, for as long as it
 * takes. The files are readable by the server's user only (0600), since they hold mail.
 */
final class LiteralSpool {
    private static final FileAttribute<?>[] PRIVATE =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------"))}
                    : new FileAttribute<?>[0];

    private final Path dir;

    LiteralSpool(Path dir) {
        this.dir = dir;
    }

    /** A new private file for one literal. */
    Path create() throws IOException {
        return Files.createTempFile(dir, "imap-literal-", ".eml", PRIVATE);
    }
}
