package io.jwtauth.adapter.rest;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/**
 * Fails each test whose HTTP exchanges the generated OpenAPI document does not describe, as
 * {@link OpenApiConformanceFilter} found them. Registered for every test of this module through JUnit's extension
 * autodetection (junit-platform.properties and META-INF/services), so no test has to ask for it.
 */
public final class OpenApiConformance implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> violations = OpenApiConformanceFilter.drain();
        if (!violations.isEmpty()) {
            throw new AssertionFailedError(violations.size() + " answer(s) the OpenAPI document does not describe:\n  "
                    + String.join("\n  ", violations));
        }
    }
}
