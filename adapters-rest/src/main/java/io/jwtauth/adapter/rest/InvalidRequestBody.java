package io.jwtauth.adapter.rest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A body that cannot be read or whose fields break DRF's rules; answered with 400 and DRF's body. */
final class InvalidRequestBody extends RuntimeException {

    private final Map<String, Object> body;

    private InvalidRequestBody(Map<String, Object> body) {
        super("invalid request body", null, false, false);
        this.body = body;
    }

    static InvalidRequestBody fields(Map<String, List<String>> errors) {
        return new InvalidRequestBody(Collections.unmodifiableMap(new LinkedHashMap<>(errors)));
    }

    static InvalidRequestBody unparseable(String detail) {
        return new InvalidRequestBody(Map.of("detail", detail));
    }

    static InvalidRequestBody notAnObject(String pythonTypeName) {
        return new InvalidRequestBody(Map.of("non_field_errors",
                List.of("Invalid data. Expected a dictionary, but got " + pythonTypeName + ".")));
    }

    Map<String, Object> body() {
        return body;
    }
}
