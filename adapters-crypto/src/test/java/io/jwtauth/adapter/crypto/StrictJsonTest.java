package io.jwtauth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

    private static Map<String, Object> read(String json) {
        return StrictJson.object(json.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }

    @Test
    void givesValuesTheTypesNimbusGivesThem() {
        Map<String, Object> object = read("{\"whole\":1767261900,\"negative\":-3,\"fraction\":1.5,\"exponent\":1e3,"
                + "\"huge\":123456789012345678901234567890,\"text\":\"a\",\"yes\":true,\"nothing\":null,"
                + "\"list\":[1,\"b\"],\"object\":{\"c\":false}}");

        assertThat(object.get("whole")).isEqualTo(1_767_261_900L);
        assertThat(object.get("negative")).isEqualTo(-3L);
        assertThat(object.get("fraction")).isEqualTo(1.5);
        assertThat(object.get("exponent")).isEqualTo(1000.0);
        assertThat(object.get("huge")).isEqualTo(1.2345678901234568E29);
        assertThat(object.get("text")).isEqualTo("a");
        assertThat(object.get("yes")).isEqualTo(Boolean.TRUE);
        assertThat(object).containsEntry("nothing", null);
        assertThat(object.get("list")).isEqualTo(List.of(1L, "b"));
        assertThat(object.get("object")).isEqualTo(Map.of("c", false));
    }

    @Test
    void keepsWholeNumbersBeyondADoublesPrecision() {
        assertThat(read("{\"id\":9007199254740993}").get("id")).isEqualTo(9_007_199_254_740_993L);
    }

    @Test
    void readsCharactersBeyondAscii() {
        assertThat(read("{\"name\":\"Zoë 😀\"}").get("name")).isEqualTo("Zoë 😀");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "efbbbf7b7d", // {} after a byte order mark
            "7b007d00", // {} in UTF-16LE
            "007b007d", // {} in UTF-16BE
            "7b0000007d000000", // {} in UTF-32LE
            "7b2261223a22c0af227d", // {"a":"/"} with the slash in an overlong form
            "7b2261223a22eda080227d", // {"a":"?"} with a surrogate encoded on its own
            "7b2261223a22f5808080227d", // {"a":"?"} with a lead byte beyond Unicode
            "7b2261223a22e9227d"}) // {"a":"é"} in Latin-1
    void refusesAnythingButUtf8WithoutAByteOrderMark(String hex) {
        assertThat(StrictJson.object(HexFormat.of().parseHex(hex))).isEmpty();
    }

    @Test
    void refusesAZeroByteAnywhere() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("{\"a\":\"b".getBytes(StandardCharsets.US_ASCII));
        bytes.write(0);
        bytes.writeBytes("\"}".getBytes(StandardCharsets.US_ASCII));

        assertThat(StrictJson.object(bytes.toByteArray())).isEmpty();
    }
}
