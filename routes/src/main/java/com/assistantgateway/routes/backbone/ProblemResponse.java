package com.assistantgateway.routes.backbone;

import org.apache.camel.Exchange;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.springframework.stereotype.Component;

/** Writes the problem response for the HTTP policy; strips request headers first so none is echoed back. */
@Component
public class ProblemResponse extends EndpointRouteBuilder {

    static final String ROUTE = "direct:gateway.problem.respond";

    private final Problems problems;

    public ProblemResponse(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void configure() {
        from(ROUTE)
                .routeId("gateway.problem.respond")
                .routeConfigurationId(ErrorPolicies.TO_CALLER)
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, method(problems, "status"))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/problem+json"))
                .setHeader("Retry-After", method(problems, "retryAfter"))
                .filter(header("Retry-After").isNull())
                .removeHeader("Retry-After")
                .end()
                .setBody(method(problems, "body"));
    }
}
