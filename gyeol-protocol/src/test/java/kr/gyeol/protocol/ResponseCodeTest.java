package kr.gyeol.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The response-code catalogue: one message per wire code, nothing blank. */
class ResponseCodeTest {

    @Test
    void everyWireCodeAppearsOnce() {
        Set<String> seen = new HashSet<>();
        for (ResponseCode code : ResponseCode.values()) {
            // Payple answers the plain "0000" for both the window and PUSERINFO, with
            // their own
            // messages; every other code must be unique.
            if (!code.code().isEmpty() && !code.code().equals("0000")) {
                assertThat(seen.add(code.code())).as("duplicate code %s", code.code()).isTrue();
            }
        }
    }

    @Test
    void everyCodeHasAMessage() {
        assertThat(Arrays.stream(ResponseCode.values()).filter(code -> code.message().isBlank())).isEmpty();
    }

    @Test
    void documentedFamiliesKeepPaypleSpelling() {
        assertThat(ResponseCode.SPCD0014.message()).isEqualTo("이미 처리된 거래입니다. 다시 시도해주세요.");
        assertThat(ResponseCode.AUTH0004.message()).isEqualTo("접속하시는 서버의 도메인 확인이 필요합니다.");
    }

}
