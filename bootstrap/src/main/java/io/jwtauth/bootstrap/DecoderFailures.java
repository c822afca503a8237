package io.jwtauth.bootstrap;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Counts, in {@code http.server.requests}, the answers to requests Netty could not decode (a request line over the
 * limit: 414; a header block over {@code micronaut.server.netty.max-header-size}: 431; a malformed header line: 400).
 * Micronaut answers those through the {@link ErrorResponseProcessor} without running any filter, so
 * {@link RequestMetrics} never sees them; this wraps whichever processor the REST adapter provides and hands each such
 * answer to {@link RequestMetrics#recordUndecodable}. A HEAD request of that kind skips the processor and stays
 * uncounted (docs/observability.md).
 */
@Singleton
@Requires(property = "micronaut.metrics.enabled", notEquals = "false")
@SuppressWarnings({"rawtypes", "unchecked"})
final class DecoderFailures implements BeanCreatedEventListener<ErrorResponseProcessor> {

    /** Lazily: the processor is created with the route executor, long before any request. */
    private final BeanProvider<RequestMetrics> metrics;

    DecoderFailures(BeanProvider<RequestMetrics> metrics) {
        this.metrics = metrics;
    }

    @Override
    public ErrorResponseProcessor onCreated(BeanCreatedEvent<ErrorResponseProcessor> event) {
        ErrorResponseProcessor<?> processor = event.getBean();
        return new ErrorResponseProcessor<Object>() {
            @Override
            public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
                MutableHttpResponse<Object> answer = (MutableHttpResponse<Object>) processor.processResponse(context, response);
                metrics.get().recordUndecodable(context.getRequest(), answer);
                return answer;
            }
        };
    }
}
