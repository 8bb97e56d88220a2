package kr.gyeol.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import java.nio.file.Files;
import java.nio.file.Path;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import kr.gyeol.support.GatewayTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document the gateway serves for its JSON APIs ({@code /v1},
 * {@code /admin}): valid OpenAPI 3, open to read without credentials, and naming every
 * route the controllers have, with its method, so no endpoint goes undocumented.
 */
class OpenApiDocumentIT extends GatewayTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theServedDocumentIsValidOpenApiAndDocumentsEveryJsonRoute() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(this.payple.baseUrl() + "/v1/openapi.json")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);

        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(response.body(), null, options);
        assertThat(parsed.getMessages()).as("validation messages").isEmpty();
        OpenAPI document = parsed.getOpenAPI();
        assertThat(document.getOpenapi()).startsWith("3.");
        assertThat(document.getComponents().getSecuritySchemes()).hasEntrySatisfying("partnerBasic",
                (scheme) -> assertThat(scheme.getScheme()).isEqualTo("basic"));

        List<String> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : this.mappings.getHandlerMethods().entrySet()) {
            if (!mapping.getValue().getBeanType().isAnnotationPresent(JsonApi.class)) {
                continue;
            }
            for (String path : mapping.getKey().getPatternValues()) {
                for (RequestMethod method : mapping.getKey().getMethodsCondition().getMethods()) {
                    routes.add(method + " " + path);
                }
            }
        }
        assertThat(routes).as("JSON routes").hasSizeGreaterThan(20).anyMatch((route) -> route.contains("/v1/"));

        List<String> documented = new ArrayList<>();
        document.getPaths()
            .forEach((path, item) -> item.readOperationsMap()
                .keySet()
                .forEach((method) -> documented.add(method.name().toUpperCase(Locale.ROOT) + " " + path)));
        assertThat(documented).containsAll(routes);
        // Only the JSON APIs: the Payple wire has its own contract (docs/payple-api.md).
        assertThat(document.getPaths().keySet())
            .allMatch((path) -> path.startsWith("/v1/") || path.startsWith("/admin"));
        PathItem subscriptions = document.getPaths().get("/v1/subscriptions");
        assertThat(subscriptions.getPost().getRequestBody()).isNotNull();

        // The copy in docs/ is the served document, for tools that read a file (its
        // servers
        // and version are the running gateway's, so they are left out of it).
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        ObjectNode served = (ObjectNode) json.readTree(response.body());
        served.remove("servers");
        ((ObjectNode) served.path("info")).remove("version");
        Path copy = Path.of("../docs/openapi.json");
        if (Boolean.getBoolean("gyeol.openapi.write")) {
            Files.writeString(copy, json.writeValueAsString(served) + "\n");
        }
        assertThat(Files.exists(copy)).as("docs/openapi.json").isTrue();
        assertThat(json.readTree(Files.readString(copy)))
            .as("docs/openapi.json is the served document: rerun OpenApiDocumentIT with -Dgyeol.openapi.write=true")
            .isEqualTo(served);
    }

}
