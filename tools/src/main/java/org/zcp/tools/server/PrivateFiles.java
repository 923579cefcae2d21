package org.zcp.tools.server;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and directories that only the server's user may read (review finding #6): the data
 * directory with the database and attachments, the TLS key stores and their passwords, the
 * per-start properties. Directories are created 0700 and files 0600 whatever the umask; a file
 * is written under a fresh name (O_EXCL, so a planted symlink is never followed) and renamed
 * over the target, which replaces a symlink rather than writing through it.
 */
final class PrivateFiles {
    static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Missing parents: the service user, who owns only the directory itself, must pass through. */
    static final Set<PosixFilePermission> PARENT = PosixFilePermissions.fromString("rwxr-xr-x");

    /**
     * Creates {@code dir} 0700 and its missing parents 0755. An existing directory is left as it
     * is, see {@link #restrict}.
     */
    static Path directory(Path dir) throws IOException {
        return directory(dir, DIR);
    }

    private static Path directory(Path dir, Set<PosixFilePermission> perms) throws IOException {
        Path abs = dir.toAbsolutePath();
        if (Files.isDirectory(abs)) return abs;
        Path parent = abs.getParent();
        if (parent != null) directory(parent, PARENT);
        try {
            Files.createDirectory(abs, attribute(perms));
            // the umask may have taken bits of a parent's 0755 away
            if (perms == PARENT && posix(abs)) Files.setPosixFilePermissions(abs, PARENT);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(abs)) throw e;
        }
        return abs;
    }

    /**
     * Makes an existing file 0600 or directory 0700 (data written by an older version, 0644/0755).
     * A symlink is left alone: in a directory the service user owns it may point anywhere, and
     * root must not change the mode of its target.
     */
    static void restrict(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(path) || !posix(path)) return;
        Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setPermissions(Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? DIR : FILE);
    }

    /** Writes {@code content} to {@code file} as a 0600 file, atomically. */
    static void write(Path file, byte[] content) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp",
                attribute(FILE));
        try {
            Files.write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?>[] attribute(Set<PosixFilePermission> perms) {
        return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(perms)}
                : new FileAttribute<?>[0];
    }
}
