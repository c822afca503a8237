package io.jwtauth.adapter.rest;

import io.jwtauth.domain.AuthenticationFailure;
import io.jwtauth.domain.CapacityExceeded;
import io.jwtauth.domain.LoginThrottled;
import io.jwtauth.domain.StoreUnavailable;
import io.jwtauth.domain.WrongPassword;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes the failures of the use cases and of request reading to their answers in {@link ErrorResponses}. */
@Controller
final class ErrorRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorRoutes.class);

    @Error(global = true)
    HttpResponse<Map<String, Object>> authenticationFailed(AuthenticationFailure failure) {
        return ErrorResponses.of(failure);
    }

    @Error(global = true)
    HttpResponse<Map<String, Object>> notAuthenticated(NotAuthenticated failure) {
        return ErrorResponses.of(failure);
    }

    @Error(global = true)
    HttpResponse<Map<String, Object>> invalidBody(InvalidRequestBody invalid) {
        return ErrorResponses.of(invalid);
    }

    @Error(global = true)
    HttpResponse<Map<String, Object>> wrongPassword(WrongPassword wrong) {
        return ErrorResponses.wrongOldPassword();
    }

    @Error(global = true)
    HttpResponse<Map<String, Object>> loginThrottled(LoginThrottled throttled) {
        return ErrorResponses.of(throttled);
    }

    /** Not logged: under a flood this fires thousands of times a second, and each one is expected. */
    @Error(global = true)
    HttpResponse<Map<String, Object>> capacityExceeded(CapacityExceeded busy) {
        return ErrorResponses.serviceUnavailable();
    }

    /**
     * Logged at DEBUG only: during an outage every request ends here. The store adapter logs the outage itself, once
     * when it begins and once when it ends.
     */
    @Error(global = true)
    HttpResponse<Map<String, Object>> storeUnavailable(StoreUnavailable unavailable) {
        LOG.debug("Answering 503: {}", unavailable.getMessage());
        return ErrorResponses.serviceUnavailable();
    }
}
