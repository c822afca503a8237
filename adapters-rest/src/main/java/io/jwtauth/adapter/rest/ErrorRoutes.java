package io.jwtauth.adapter.rest;

import io.jwtauth.domain.AuthenticationFailure;
import io.jwtauth.domain.CapacityExceeded;
import io.jwtauth.domain.LoginThrottled;
import io.jwtauth.domain.StoreUnavailable;
import io.jwtauth.domain.WrongPassword;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes the failures of the use cases and of request reading to their answers in {@link ErrorResponses}. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
final class ErrorRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorRoutes.class);

    @Error(global = true)
    HttpResponse<Map<String, Object>> authenticationFailed(AuthenticationFailure failure) {
        return ErrorResponses.of(failure);
    }

    @Error(global = true)
    HttpResponse<Map<String, Object>> invalidBody(InvalidRequestBody invalid) {
        return ErrorResponses.of(invalid);
    }

    /** Logged like the framework's own 415s, which it stands in for (see {@link TokenController}). */
    @Error(global = true)
    HttpResponse<Map<String, Object>> unsupportedMediaType(HttpRequest<?> request, UnsupportedMediaType unsupported) {
        HttpRefusals.log(request, 415, "Content-Type \"" + unsupported.contentType() + "\" is not JSON or a form in UTF-8");
        return ErrorResponses.of(unsupported);
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

    @Error(global = true)
    HttpResponse<Map<String, Object>> storeUnavailable(StoreUnavailable unavailable) {
        return serviceUnavailable(unavailable);
    }

    /**
     * Also for the owner's lookup of a protected request, which fails before any route runs. Logged at DEBUG only:
     * during an outage every request ends here. The store adapter logs the outage itself, once when it begins and once
     * when it ends.
     */
    static MutableHttpResponse<Map<String, Object>> serviceUnavailable(StoreUnavailable unavailable) {
        LOG.debug("Answering 503: {}", unavailable.getMessage());
        return ErrorResponses.serviceUnavailable();
    }
}
