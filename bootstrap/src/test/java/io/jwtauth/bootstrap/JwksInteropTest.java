package io.jwtauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jwtauth.application.CreateUser;
import io.jwtauth.domain.PlainPassword;
import io.jwtauth.domain.Username;
import io.jwtauth.testsupport.OpenApiContract;
import io.jwtauth.testsupport.TestHttpClient;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What another service does with our tokens: it fetches {@code /.well-known/jwks.json} over HTTP from the assembled
 * service and verifies a token from a real login with jose4j, a JOSE library that shares no code with Nimbus. The
 * service runs the embedded default for each algorithm, so its key pair is generated in a fresh data folder.
 */
class JwksInteropTest {

    private static final Pattern FIELD = Pattern.compile("\"(access|refresh)\":\"([^\"]+)\"");


    @TempDir
    Path dataFolder;

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "RS384", "RS512", "PS256", "ES256", "ES384", "ES512"})
    void jose4jVerifiesOurTokensWithTheKeysWePublish(String algorithm) throws Exception {
        Map<String, Object> properties = Map.of(
                "auth.algorithm", algorithm,
                "auth.signing-key", "",
                "auth.data-dir", dataFolder.toString(),
                "datasources.default.url", "jdbc:h2:mem:jwks-" + algorithm + ";DB_CLOSE_DELAY=-1");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            server.getApplicationContext().getBean(CreateUser.class)
                    .handle(new CreateUser.Command(new Username("myuser"), new PlainPassword("mypassword")));
            TestHttpClient http = TestHttpClient.checked(server.getURI(), OpenApiContract.fromClasspath());
            HttpResponse<String> login = http.form("/api/token/", "username=myuser&password=mypassword");
            assertThat(login.statusCode()).isEqualTo(200);
            Matcher tokens = FIELD.matcher(login.body());
            assertThat(tokens.find()).isTrue();
            String refresh = tokens.group(2);
            assertThat(tokens.find()).isTrue();
            String access = tokens.group(2);

            String jwksUrl = server.getURL() + "/.well-known/jwks.json";
            HttpResponse<String> jwks = http.get("/.well-known/jwks.json", null);
            assertThat(jwks.headers().firstValue("Cache-Control")).contains("public, max-age=300");
            List<JsonWebKey> published = new HttpsJwks(jwksUrl).getJsonWebKeys();
            assertThat(published).singleElement().satisfies(key -> {
                assertThat(key.getAlgorithm()).isEqualTo(algorithm);
                assertThat(key.getUse()).isEqualTo("sig");
                assertThat(key.getKeyId()).isNotBlank();
                assertThat(key.toParams(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE))
                        .doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
            });

            JwtConsumer consumer = new JwtConsumerBuilder()
                    .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(new HttpsJwks(jwksUrl)))
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, algorithm)
                    .setRequireExpirationTime()
                    .setRequireJwtId()
                    .setRequireSubject()
                    .build();
            JwtClaims accessClaims = consumer.processToClaims(access);
            assertThat(accessClaims.getClaimValueAsString("token_type")).isEqualTo("access");
            assertThat(accessClaims.getClaimValueAsString("user_id")).isEqualTo("1");
            assertThat(accessClaims.getSubject()).isEqualTo("1");
            JwtClaims refreshClaims = consumer.processToClaims(refresh);
            assertThat(refreshClaims.getClaimValueAsString("token_type")).isEqualTo("refresh");
            assertThat(refreshClaims.getSubject()).isEqualTo("1");

            String[] accessParts = access.split("\\.");
            String[] refreshParts = refresh.split("\\.");
            String forged = accessParts[0] + "." + refreshParts[1] + "." + accessParts[2];
            assertThatThrownBy(() -> consumer.processToClaims(forged)).isInstanceOf(InvalidJwtException.class);
        }
    }
}
