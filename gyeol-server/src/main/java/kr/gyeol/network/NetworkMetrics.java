package kr.gyeol.network;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wraps the configured {@link Acquirer}, the simulator or a real network's, in a
 * {@link MeteredAcquirer}, so network latency is measured the same whichever is plugged
 * in.
 */
@Configuration(proxyBeanMethods = false)
class NetworkMetrics {

    @Bean
    static BeanPostProcessor meteredAcquirers(ObjectProvider<MeterRegistry> registry) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof Acquirer acquirer && !(bean instanceof MeteredAcquirer)) {
                    return new MeteredAcquirer(acquirer, registry.getObject());
                }
                return bean;
            }
        };
    }

}
