package kr.gyeol.testkit.web;

import static org.assertj.core.api.Assertions.assertThat;

import kr.gyeol.testkit.TestKitProperties;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Without gyeol.test-kit.key the test kit makes nothing, whatever the caller sends. */
class TestKitControllerTest {

    @Test
    void offUnlessAKeyIsSet() {
        for (String key : new String[] { null, "", "  " }) {
            TestKitController controller = new TestKitController(null, new TestKitProperties(key, null, null));
            ResponseEntity<?> answer = controller.create("Bearer ", null);
            assertThat(answer.getStatusCode().value()).isEqualTo(404);
            assertThat(((ProblemDetail) answer.getBody()).getProperties()).containsEntry("code", "test-kit-off");
        }
    }

}
