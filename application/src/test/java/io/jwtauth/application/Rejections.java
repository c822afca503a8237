package io.jwtauth.application;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jwtauth.domain.TokenRejected;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

final class Rejections {

    private Rejections() {
    }

    static void assertRejected(ThrowingCallable call, TokenRejected.Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(TokenRejected.class,
                rejected -> org.assertj.core.api.Assertions.assertThat(rejected.reason()).isEqualTo(reason));
    }
}
