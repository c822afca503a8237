package io.jwtauth.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.jwtauth.application.AuthenticateAccessToken;
import io.jwtauth.application.Fixture;
import io.jwtauth.domain.StoreUnavailable;
import io.jwtauth.domain.TokenPair;
import io.jwtauth.domain.User;
import io.jwtauth.domain.UserId;
import io.jwtauth.domain.port.UserStore;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.security.authentication.Authentication;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The fetcher against the real use case with a mocked user store: what it must never ask the store (a token that fails
 * its own checks), which thread it asks on, and what it makes of a store that is down.
 */
class AccessTokenAuthenticationFetcherTest {

    private final Fixture fixture = new Fixture();
    private final UserStore users = mock(UserStore.class);
    private final ExecutorService blocking = Executors.newSingleThreadExecutor(task -> new Thread(task, "blocking-test"));
    private final User myuser = fixture.user("myuser", "mypassword");
    private final TokenPair pair = fixture.loginAs("myuser", "mypassword");

    @AfterEach
    void stop() {
        blocking.shutdownNow();
    }

    @Test
    void aTokenThatFailsItsOwnChecksNeverCostsALookup() {
        ExecutorService executor = mock(ExecutorService.class);
        AccessTokenAuthenticationFetcher fetcher = fetcher(id -> false, executor);
        for (String header : List.of("Bearer forged", "Bearer " + pair.refresh(), "Bearer a b")) {
            MutableHttpRequest<?> request = HttpRequest.GET("/api/profile/").header("Authorization", header);
            assertThat(fetch(fetcher, request).authentications()).as(header).isEmpty();
            assertThat(request.getAttribute(AccessTokenAuthenticationFetcher.FAILURE)).as(header).isPresent();
        }
        verifyNoInteractions(users, executor);
    }

    @Test
    void aRequestWithoutCredentialsIsLeftAloneWithoutAReason() {
        MutableHttpRequest<?> request = HttpRequest.GET("/api/profile/").header("Authorization", "Basic eDp5");
        assertThat(fetch(fetcher(id -> true, blocking), request).authentications()).isEmpty();
        assertThat(request.getAttribute(AccessTokenAuthenticationFetcher.FAILURE)).isEmpty();
        verifyNoInteractions(users);
    }

    @Test
    void aCachedOwnerIsCheckedOnTheCallingThreadWithoutThePool() {
        ExecutorService executor = mock(ExecutorService.class);
        when(users.findById(myuser.id())).thenReturn(Optional.of(myuser));
        Fetched fetched = fetch(fetcher(id -> id.equals(myuser.id()), executor), bearer(pair.access()));
        assertThat(fetched.authentications()).singleElement().extracting(Authentication::getName).isEqualTo("myuser");
        assertThat(fetched.thread()).isEqualTo(Thread.currentThread().getName());
        verifyNoInteractions(executor);
    }

    @Test
    void anOwnerThatMustBeLookedUpIsLookedUpOnTheBlockingPool() {
        when(users.findById(any(UserId.class))).thenAnswer(call -> {
            assertThat(Thread.currentThread().getName()).isEqualTo("blocking-test");
            return Optional.of(myuser);
        });
        Fetched fetched = fetch(fetcher(id -> false, blocking), bearer(pair.access()));
        assertThat(fetched.authentications()).singleElement().extracting(Authentication::getAttributes)
                .isEqualTo(java.util.Map.of("user_id", myuser.id().asClaim()));
        // The lookup itself ran on the pool (checked in the answer above); the request may go on from either thread.
        verify(users).findById(myuser.id());
    }

    @Test
    void aStoreThatIsDownLeavesTheRequestUnauthenticatedWithTheOutageAsTheReason() {
        StoreUnavailable down = new StoreUnavailable("database unreachable", null);
        when(users.findById(myuser.id())).thenThrow(down);
        for (boolean cached : new boolean[] {true, false}) {
            MutableHttpRequest<?> request = bearer(pair.access());
            assertThat(fetch(fetcher(id -> cached, blocking), request).authentications()).isEmpty();
            assertThat(request.getAttribute(AccessTokenAuthenticationFetcher.FAILURE)).contains(down);
        }
    }

    private AccessTokenAuthenticationFetcher fetcher(UserCache cache, ExecutorService executor) {
        return new AccessTokenAuthenticationFetcher(new AuthenticateAccessToken(fixture.verifier, users), cache, executor);
    }

    private static MutableHttpRequest<?> bearer(String token) {
        return HttpRequest.GET("/api/profile/").header("Authorization", "Bearer " + token);
    }

    record Fetched(List<Authentication> authentications, String thread) {
    }

    /** Subscribes and waits for the end, noting the thread on which the publisher finished. */
    private static Fetched fetch(AccessTokenAuthenticationFetcher fetcher, HttpRequest<?> request) {
        Publisher<Authentication> publisher = fetcher.fetchAuthentication(request);
        List<Authentication> received = new ArrayList<>();
        CompletableFuture<String> done = new CompletableFuture<>();
        publisher.subscribe(new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Authentication authentication) {
                received.add(authentication);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                done.complete(Thread.currentThread().getName());
            }
        });
        try {
            return new Fetched(received, done.get(10, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
