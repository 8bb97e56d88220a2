package kr.gyeol.web;

import kr.gyeol.shared.GatewayProperties;
import com.samskivert.mustache.Mustache;
import org.springframework.context.annotation.Bean;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Browser-side clients call auth.php and the confirm and cancel URLs directly (spec
 * §1.1), so the Payple paths allow cross-origin calls; the allowed origins are
 * configurable.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final String[] allowedOrigins;

    WebConfiguration(GatewayProperties gateway) {
        this.allowedOrigins = gateway.cors().allowedOrigins().toArray(String[]::new);
    }

    /**
     * Boot's Mustache compiler, with an absent value (a payment without a payer name,
     * say) rendered as nothing instead of failing the page; a section of an absent value
     * is skipped as before.
     */
    @Bean
    Mustache.Compiler mustacheCompiler(Mustache.TemplateLoader templateLoader) {
        return Mustache.compiler().withLoader(templateLoader).defaultValue("");
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/php/**")
            .allowedOriginPatterns(allowedOrigins)
            .allowedMethods("GET", "POST", "OPTIONS")
            .allowedHeaders("*")
            .maxAge(3600);
    }

}
