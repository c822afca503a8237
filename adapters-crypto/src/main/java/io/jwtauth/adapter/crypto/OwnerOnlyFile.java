package io.jwtauth.adapter.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Supplier;

/** Files that hold key material: they appear complete, readable by their owner only, and never replace another file. */
final class OwnerOnlyFile {

    /** What a generated key file yields once its text is read: the key, or an exception saying the file is corrupt. */
    interface Parser<T> {
        T parse(String text);
    }

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
    /**
     * The key stored in {@code file}, generated and stored first if there is none yet (then {@code announce} runs).
     * Of several processes starting at once, one stores its key and all of them read that one.
     *
     * @throws IllegalStateException if the file cannot be written or read; the parser's own for a corrupt file
     */
    static <T> T readOrCreate(Path file, Supplier<String> generate, Parser<T> parser, Runnable announce) {
        if (!Files.exists(file)) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                createNew(file, generate.get());
                announce.run();
            } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                // Its key is the one to use: read below.
            } catch (IOException | UnsupportedOperationException e) {
                throw new IllegalStateException("cannot store a generated signing key as " + file + " (" + e
                        + "); fix the data folder or configure auth.signing-key", e);
            }
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the generated signing key " + file + " (" + e
                    + "); fix its permissions or configure auth.signing-key", e);
        }
        return parser.parse(text);
    }

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
