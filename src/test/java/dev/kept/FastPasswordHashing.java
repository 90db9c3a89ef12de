package dev.kept;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Password hashing at a test's cost in every test application context (registered in {@code
 * META-INF/spring.factories}). The application's encoder spends about 100 ms of CPU on each hash,
 * as it should against a stolen database; a test that signs up, joins and asks for a token hashes
 * several times, and across the suite that was most of its time. Here the same delegating encoder
 * writes the same formats ({@code {pbkdf2@SpringSecurity_v5_8}}, and still reads {@code {bcrypt}})
 * with 1,000 PBKDF2 iterations instead of 310,000, so every rule about passwords is tested as it
 * runs and only the cost differs. The application's own encoder is checked by {@code
 * PasswordHashingTests}.
 */
public class FastPasswordHashing implements ContextCustomizerFactory {

    static final String PBKDF2 = "pbkdf2@SpringSecurity_v5_8";

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    public static PasswordEncoder encoder() {
        return new DelegatingPasswordEncoder(
                PBKDF2,
                Map.of(
                        PBKDF2,
                        new Pbkdf2PasswordEncoder(
                                "", 16, 1_000, Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256),
                        "bcrypt",
                        new BCryptPasswordEncoder(4)));
    }

    /** Replaces the bean {@code passwordEncoder} once the configuration classes have been read. */
    private record Customizer() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.addBeanFactoryPostProcessor(beanFactory -> {
                if (beanFactory instanceof BeanDefinitionRegistry registry
                        && registry.containsBeanDefinition("passwordEncoder")) {
                    registry.removeBeanDefinition("passwordEncoder");
                    registry.registerBeanDefinition(
                            "passwordEncoder",
                            new RootBeanDefinition(PasswordEncoder.class, FastPasswordHashing::encoder));
                }
            });
        }
    }
}
