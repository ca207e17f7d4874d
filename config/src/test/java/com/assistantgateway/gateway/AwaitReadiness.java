package com.assistantgateway.gateway;

import static org.awaitility.Awaitility.await;

import com.assistantgateway.gateway.readiness.Readiness;
import java.time.Duration;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Tests talk to the gateway as a load balancer lets customers: once it is ready. Registered for every Spring test of
 * this module (META-INF/spring.factories); tests that start a gateway themselves call {@link #of}.
 */
public class AwaitReadiness implements TestExecutionListener {

    public static void of(ApplicationContext gateway) {
        Readiness readiness = gateway.getBean(Readiness.class);
        await().atMost(Duration.ofSeconds(120)).until(readiness::hasBeenReady);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        ApplicationContext context = testContext.getApplicationContext();
        if (context.getBeanNamesForType(Readiness.class).length > 0) {
            of(context);
        }
    }
}
