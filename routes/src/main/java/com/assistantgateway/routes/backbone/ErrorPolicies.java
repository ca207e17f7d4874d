package com.assistantgateway.routes.backbone;

import com.assistantgateway.routes.port.ChannelRequestException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/** The gateway's error policies, defined once; every route opts into one by id. */
@Component
public class ErrorPolicies extends RouteConfigurationBuilder {

    /**
     * For routes consuming a queue in a JMS transaction: a failure rolls the delivery back, the broker redelivers
     * with backoff and dead-letters it after the last attempt. Nothing is acknowledged before it is stored.
     */
    public static final String BROKER_REDELIVERY = "broker-redelivery";

    /** For HTTP channel endpoints: refusals become problem+json responses with their status. */
    public static final String HTTP_PROBLEMS = "http-problems";

    private final DeadLetters deadLetters;
    private final Problems problems;

    public ErrorPolicies(DeadLetters deadLetters, Problems problems) {
        this.deadLetters = deadLetters;
        this.problems = problems;
    }

    @Override
    public void configuration() {
        routeConfiguration(BROKER_REDELIVERY)
                .onException(Exception.class)
                .log(
                        LoggingLevel.WARN,
                        "${routeId}: delivery ${header.JMSXDeliveryCount} of message ${header.gatewayMessageId}"
                                + " failed and is rolled back: ${exception}")
                .filter(method(deadLetters, "isLastAttempt"))
                .bean(deadLetters, "recordFailure")
                .end();

        routeConfiguration(HTTP_PROBLEMS)
                .onException(ChannelRequestException.class)
                .handled(true)
                .log(LoggingLevel.INFO, "${routeId}: refused: ${exception.message}")
                .to(ProblemResponse.ROUTE)
                .end()
                .onException(Exception.class)
                .handled(true)
                .log(LoggingLevel.ERROR, "${routeId}: failed: ${exception.stacktrace}")
                .to(ProblemResponse.ROUTE)
                .end();
    }
}
