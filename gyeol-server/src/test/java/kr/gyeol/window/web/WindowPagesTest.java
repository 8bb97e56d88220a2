package kr.gyeol.window.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The object particle after an ARS request number, by how its last digit is read in
 * Korean: 공/영 일 이 삼 사 오 육 칠 팔 구 — 이, 사, 오, 구 end in a vowel (를), the others in a
 * consonant (을).
 */
class WindowPagesTest {

    @ParameterizedTest
    @CsvSource({ "1230, 을", "1231, 을", "1232, 를", "1233, 을", "1234, 를", "1235, 를", "1236, 을", "1237, 을", "1238, 을",
            "1239, 를" })
    void picksTheParticleByTheLastDigitsReading(String number, String particle) {
        assertThat(WindowPages.objectParticle(number)).isEqualTo(particle);
    }

}
