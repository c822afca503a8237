package io.jwtauth.adapter.rest;

import java.util.List;
import java.util.Optional;

/**
 * Reads the access token out of the {@code Authorization} header values of a request, as simplejwt's
 * {@code JWTAuthentication.get_raw_token} does: the header splits into words the way Python's {@code str.split()} makes
 * them, the first is the scheme, compared case-insensitively (RFC 9110 §11.1; simplejwt since PR #977), and the second
 * is the token. No header, or another scheme ({@code Basic …}, {@code Token …}), means no credentials: another
 * authentication may apply. A Bearer header without exactly one token after the scheme is malformed.
 *
 * <p>Two {@code Authorization} fields are refused as malformed rather than one of them picked: a proxy in front may have
 * read the other one (RFC 9110 §5.3 allows only list-valued fields to repeat, and this one is not).
 */
final class BearerCredentials {

    private static final String SCHEME = "Bearer";

    private BearerCredentials() {
    }

    /**
     * @param authorization every {@code Authorization} field of the request, in order
     * @return the token, or empty when the request carries no Bearer credentials
     * @throws NotAuthenticated with {@link NotAuthenticated.Reason#BAD_AUTHORIZATION_HEADER} for a malformed Bearer header
     */
    static Optional<String> token(List<String> authorization) {
        if (authorization.isEmpty()) {
            return Optional.empty();
        }
        if (authorization.size() > 1) {
            throw new NotAuthenticated(NotAuthenticated.Reason.BAD_AUTHORIZATION_HEADER);
        }
        return token(authorization.get(0));
    }

    /**
     * The second of exactly two words, the first being the scheme. Scanned by hand rather than with a regular
     * expression: this runs on every protected request, and a token is hundreds of characters long.
     */
    private static Optional<String> token(String header) {
        String value = header.strip();
        int schemeEnd = nextWhiteSpace(value, 0);
        if (schemeEnd != SCHEME.length() || !value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        int tokenStart = schemeEnd;
        while (tokenStart < value.length() && isSeparator(value.charAt(tokenStart))) {
            tokenStart++;
        }
        // strip() leaves no white space at the end, so a separator after the token means a third word.
        if (tokenStart == value.length() || nextWhiteSpace(value, tokenStart) != value.length()) {
            throw new NotAuthenticated(NotAuthenticated.Reason.BAD_AUTHORIZATION_HEADER);
        }
        return Optional.of(value.substring(tokenStart));
    }

    private static int nextWhiteSpace(String value, int from) {
        int i = from;
        while (i < value.length() && !isSeparator(value.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * What {@code \s} matches in a Java regular expression: the space, and tab to carriage return (9 to 13). A
     * token's characters are all above the space, so for them this is one comparison.
     */
    static boolean isSeparator(char c) {
        return c <= ' ' && (c == ' ' || (c >= '\t' && c <= '\r'));
    }
}
