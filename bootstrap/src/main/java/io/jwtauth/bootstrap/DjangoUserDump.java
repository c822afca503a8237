package io.jwtauth.bootstrap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The output of Django's {@code manage.py dumpdata auth.user}, read one record at a time from a stream, so that a
 * dump of millions of users needs no more memory than one of them. A record of the wrong shape becomes a
 * {@link Bad} entry and reading goes on with the next; only a file that is not JSON at all stops it, with
 * {@link Unreadable}.
 */
final class DjangoUserDump implements Closeable {

    /** One element of the dump's list, numbered from 1. */
    sealed interface Entry permits UserRecord, Bad {
        long number();
    }

    /** The fields jwt-auth takes over from an {@code auth.user} record. */
    record UserRecord(long number, String pk, String username, String password, boolean active) implements Entry {
    }

    /** An element that is not a usable {@code auth.user} record, and why. */
    record Bad(long number, String pk, String reason) implements Entry {
    }

    /**
     * The file is not a JSON list, or stops being JSON part-way. The parser's own message is left out: it is long and
     * names Java types, while the operator needs the line.
     */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    private static final int MAX_PK_SHOWN = 40;

    private final JsonParser parser;
    private final long size;
    private long number;
    private long complete;

    private DjangoUserDump(JsonParser parser, long size) {
        this.parser = parser;
        this.size = size;
    }

    static DjangoUserDump open(Path file) throws IOException {
        JsonFactory json = JsonFactory.builder()
                // No single string in a user record comes near this; a larger one is a broken file, not a user.
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(1 << 20).build())
                .build();
        JsonParser parser = json.createParser(file.toFile());
        DjangoUserDump dump = new DjangoUserDump(parser, Files.size(file));
        try {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new Unreadable("not the output of dumpdata: the file does not hold a JSON list");
            }
        } catch (IOException | RuntimeException e) {
            dump.close();
            throw e instanceof Unreadable unreadable ? unreadable : new Unreadable(notJson(e));
        }
        return dump;
    }

    /** The next entry, or empty at the end of the list. */
    Optional<Entry> next() {
        try {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY || token == null) {
                return Optional.empty();
            }
            number++;
            Entry entry;
            if (token == JsonToken.START_OBJECT) {
                entry = record();
            } else {
                parser.skipChildren();
                entry = new Bad(number, "?", "not a JSON object");
            }
            complete = number;
            return Optional.of(entry);
        } catch (IOException | RuntimeException e) {
            throw new Unreadable(notJson(e) + " (records read before it: " + complete + ")");
        }
    }

    /** How far through the file reading has got, from 0 to 100. */
    int percentRead() {
        long offset = parser.currentLocation().getByteOffset();
        return size == 0 || offset < 0 ? 100 : (int) Math.min(100, offset * 100 / size);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private Entry record() throws IOException {
        String model = null;
        String pk = "?";
        String username = null;
        String password = null;
        Boolean active = null;
        String problem = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "model" -> model = value == JsonToken.VALUE_STRING ? parser.getText() : "";
                case "pk" -> pk = value.isScalarValue() ? shorten(parser.getText()) : "?";
                case "fields" -> {
                    if (value != JsonToken.START_OBJECT) {
                        problem = "\"fields\" is not an object";
                        break;
                    }
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String field = parser.currentName();
                        JsonToken fieldValue = parser.nextToken();
                        switch (field) {
                            case "username" -> username = fieldValue == JsonToken.VALUE_STRING ? parser.getText() : null;
                            case "password" -> password = fieldValue == JsonToken.VALUE_STRING ? parser.getText() : null;
                            case "is_active" -> active = fieldValue.isBoolean() ? fieldValue == JsonToken.VALUE_TRUE : null;
                            default -> { }
                        }
                        parser.skipChildren();
                    }
                }
                default -> { }
            }
            parser.skipChildren();
        }
        if (!"auth.user".equals(model)) {
            return new Bad(number, pk, "not an auth.user record");
        }
        if (problem != null) {
            return new Bad(number, pk, problem);
        }
        if (username == null || password == null || active == null) {
            return new Bad(number, pk, "username, password and is_active must be a string, a string and a boolean");
        }
        return new UserRecord(number, pk, username, password, active);
    }

    private static String shorten(String text) {
        return text.length() <= MAX_PK_SHOWN ? text : text.substring(0, MAX_PK_SHOWN) + "…";
    }

    private static String notJson(Exception e) {
        return "the file is not valid JSON at line " + (e instanceof JsonProcessingException json
                && json.getLocation() != null ? json.getLocation().getLineNr() : -1);
    }
}
