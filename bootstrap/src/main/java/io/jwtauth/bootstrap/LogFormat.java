package io.jwtauth.bootstrap;

import ch.qos.logback.core.PropertyDefinerBase;
import java.util.Locale;

/**
 * The appender logback.xml attaches: {@code json} when LOG_FORMAT (system property, else environment variable) is
 * "json" in any case, otherwise {@code text}. An unknown value must never name a missing appender, which silently
 * switched off every log line, security events included; it falls back to text with a status warning.
 */
public final class LogFormat extends PropertyDefinerBase {

    @Override
    public String getPropertyValue() {
        String value = System.getProperty("LOG_FORMAT", System.getenv("LOG_FORMAT"));
        String appender = appenderFor(value);
        if (value != null && !value.isBlank() && !value.strip().equalsIgnoreCase(appender)) {
            System.err.println("LOG_FORMAT=" + value + " is neither text nor json: logging as text");
        }
        return appender;
    }

    /** {@code "json"} for "json" in any case and surrounding blanks; {@code "text"} for anything else or null. */
    static String appenderFor(String value) {
        return value != null && value.strip().toLowerCase(Locale.ROOT).equals("json") ? "json" : "text";
    }
}
