package kr.gyeol.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the generated OpenAPI document of the JSON APIs says about itself: its title, and
 * that every call authenticates with HTTP Basic ({@code cst_id:custKey}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BASIC = "partnerBasic";

    @Bean
    OpenAPI gyeolOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
            .info(new Info().title("Gyeol JSON APIs")
                .version(properties != null ? properties.getVersion() : "dev")
                .description("Gyeol's own APIs beside the Payple wire (/v1 and /admin): recurring billing and"
                        + " test clocks, payments and their history, webhook settings, delivery log and listening,"
                        + " and a test-mode partner's test kit (faults, settle now). Errors are RFC 9457 problems"
                        + " with a stable code."))
            .components(new Components().addSecuritySchemes(BASIC,
                    new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("basic")
                        .description("The partner's cst_id and custKey.")))
            .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

}
