package com.assistantgateway.routes.backbone;

import com.assistantgateway.routes.port.ChannelRequestException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;
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

    /**
     * For direct sub-routes: no error handler of their own, so a failure reaches the calling route's policy (an
     * exhausted sub-route error handler would keep the caller's from running).
     */
    public static final String TO_CALLER = "to-caller";

    /**
     * For routes polling a source that keeps what is not acknowledged (a mailbox, a topic, a crawl): a failure is
     * logged and thrown back to the consumer, which leaves the item unacknowledged and meets it again next poll.
     */
    public static final String SOURCE_RETRY = "source-retry";

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
                .bean(deadLetters, "recordFailedAttempt");

        routeConfiguration(TO_CALLER).errorHandler(noErrorHandler());

        RouteConfigurationDefinition source = routeConfiguration(SOURCE_RETRY);
        source.errorHandler(defaultErrorHandler().logExhausted(false));
        // Not a failure: the tenant is over its limit (counted in gateway.limits.held).
        source.onException(InboundAdmission.HeldOverLimit.class)
                .handled(false)
                .log(LoggingLevel.DEBUG, "${routeId}: ${exception.message}");
        source.onException(Exception.class)
                .handled(false)
                .log(LoggingLevel.WARN, "${routeId}: left unacknowledged for the next poll: ${exception}");

        // Each clause on the configuration itself: an onException chained after end() would nest, not apply.
        RouteConfigurationDefinition http = routeConfiguration(HTTP_PROBLEMS);
        http.onException(ChannelRequestException.class)
                .handled(true)
                .log(LoggingLevel.INFO, "${routeId}: refused: ${exception.message}")
                .to(ProblemResponse.ROUTE);
        http.onException(Exception.class)
                .handled(true)
                .log(LoggingLevel.ERROR, "${routeId}: failed, nothing stored: ${exception.stacktrace}")
                .to(ProblemResponse.ROUTE);
    }
}
