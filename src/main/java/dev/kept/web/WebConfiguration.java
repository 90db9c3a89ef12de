package dev.kept.web;

import java.time.Duration;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

@Configuration
class WebConfiguration implements WebMvcConfigurer {

    private final LayoutModel layout;
    private final CacheControl cacheControl;

    WebConfiguration(LayoutModel layout, WebProperties web) {
        this.layout = layout;
        Duration maxAge = web.getResources().getCache().getCachecontrol().getMaxAge();
        this.cacheControl = maxAge == null ? CacheControl.noCache() : CacheControl.maxAge(maxAge);
    }

    /**
     * The static files, under their own paths only: the resource chain (and the link rewriting
     * that comes with it) then never looks at the address of a page. Resolved paths are cached.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // the part of the path a pattern's ** matches is looked up in the location
        for (String folder : new String[] {"css", "js"}) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .setCacheControl(cacheControl)
                    .resourceChain(true);
        }
        registry.addResourceHandler("/favicon.svg")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(cacheControl)
                .resourceChain(true);
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(cacheControl)
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
    }

    /** The controllers' mappings, with a cheap first test of an address against each ({@link LiteralPrefixMappings}). */
    @Bean
    static WebMvcRegistrations literalPrefixMappings() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new LiteralPrefixMappings();
            }
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(layout).excludePathPatterns("/api/**");
    }
}
