package io.jwtauth.adapter.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Files that hold key material: they appear complete, readable by their owner only, and never replace another file. */
final class OwnerOnlyFile {

    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private OwnerOnlyFile() {
    }

    /**
     * Writes {@code text} to a private temporary file beside {@code file} and then links it under its real name:
     * the link either appears complete or fails because a file of that name exists. The permissions are given at
     * creation, so the content is never readable by others, not even briefly.
     *
     * @throws java.nio.file.FileAlreadyExistsException if {@code file} exists; it is left as it was
     * @throws UnsupportedOperationException on a file system without POSIX permissions or hard links
     */
    static void createNew(Path file, String text) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(folder, "." + file.getFileName() + "-", ".tmp", OWNER_ONLY);
        try {
            Files.writeString(temporary, text, StandardCharsets.US_ASCII, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            Files.createLink(file, temporary);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
