package com.shopcare.complaints.service.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.validation.beanvalidation.MethodValidationPostProcessor;
import org.springframework.web.bind.annotation.RestController;

/**
 * The generated API interfaces carry {@code @Validated}, which makes Spring wrap each controller in a method
 * validation proxy that validates every request body a second time, after Spring MVC has already validated the
 * {@code @Valid @RequestBody} argument while binding it. The proxy costs a tenth of a request's CPU time and adds
 * no check, so controllers are left out of it; everything else keeps Spring Boot's method validation.
 */
@Configuration(proxyBeanMethods = false)
class SingleValidation {

    @Bean
    static MethodValidationPostProcessor methodValidationPostProcessor() {
        return new MethodValidationPostProcessor() {
            @Override
            protected boolean isEligible(Object bean, String beanName) {
                return !AnnotatedElementUtils.hasAnnotation(bean.getClass(), RestController.class)
                        && super.isEligible(bean, beanName);
            }
        };
    }
}
