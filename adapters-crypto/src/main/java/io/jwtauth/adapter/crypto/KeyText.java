package io.jwtauth.adapter.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A key setting's value: the key itself (PEM or JSON text, which environment variables and YAML can carry) or the
 * path of a file that holds it. Messages never repeat the value, which may be a secret put in the wrong setting.
 */
final class KeyText {

    /** Far above any key file (an RSA-4096 PEM is about 3 KiB); it stops a wrong path from filling the memory. */
    static final int MAX_FILE_BYTES = 64 * 1024;

    private KeyText() {
    }

    /**
     * The text itself if it starts with {@code inlineStart} (after white space), else the content of the file it
     * names.
     *
     * @param setting the property's name, for messages
     * @throws IllegalArgumentException if the file cannot be read or is too large
     */
    static String read(String value, String inlineStart, String setting) {
        String stripped = value.strip();
        if (stripped.startsWith(inlineStart)) {
            return stripped;
        }
        Path file;
        try {
            file = Path.of(stripped);
        } catch (InvalidPathException e) {
            throw unreadable(setting, "not a file name");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw unreadable(setting, "no such file");
        } catch (AccessDeniedException e) {
            throw unreadable(setting, "permission denied");
        } catch (IOException e) {
            throw unreadable(setting, e.getClass().getSimpleName());
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw unreadable(setting, "the file is larger than " + MAX_FILE_BYTES / 1024 + " KiB");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException unreadable(String setting, String why) {
        return new IllegalArgumentException(setting + " is neither the key itself nor the path of a readable key file ("
                + why + ")");
    }
}
