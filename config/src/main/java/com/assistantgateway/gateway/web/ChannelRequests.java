package com.assistantgateway.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumer;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpConsumer;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerAdapter;
import org.springframework.web.servlet.ModelAndView;

/**
 * Channel requests are routed synchronously, on the web server's request thread, in one dispatch. Camel's
 * platform-http engine maps each HTTP route into Spring MVC as a handler returning a future that a task executor
 * completes: every request then crossed two threads, was dispatched twice through the filters and the
 * DispatcherServlet (the second time for the future's result), and had its handler re-inspected for validation and
 * response annotations each time. That was a tenth of a channel request's CPU and, while the JVM warms up, a quarter of
 * the JIT compiler's work (JFR). The routes answer synchronously anyway: they store and enqueue, and the answer comes
 * later through its own channel. Mapping, CORS and path variables stay platform-http's.
 */
@Configuration(proxyBeanMethods = false)
class ChannelRequests {

    /** Under the name Camel's platform-http component looks its engine up by. */
    @Bean("platform-http-engine")
    PlatformHttpEngine platformHttpEngine(Environment environment) {
        return new SpringBootPlatformHttpEngine(environment.getProperty("server.port", Integer.class, 8080)) {
            @Override
            public PlatformHttpConsumer createConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
                return new ChannelConsumer(endpoint, processor);
            }
        };
    }

    /** Ahead of Spring MVC's own adapter, for the channel routes' handlers only. */
    @Bean
    HandlerAdapter channelHandlerAdapter() {
        return new ChannelHandlerAdapter();
    }

    /** A platform-http consumer that serves a request on the calling thread. */
    static final class ChannelConsumer extends SpringBootPlatformHttpConsumer {

        ChannelConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
            super(endpoint, processor, Runnable::run);
        }

        void serve(HttpServletRequest request, HttpServletResponse response) throws Exception {
            handleService(request, response);
        }
    }

    static final class ChannelHandlerAdapter implements HandlerAdapter, Ordered {

        @Override
        public boolean supports(Object handler) {
            return handler instanceof HandlerMethod method && method.getBean() instanceof ChannelConsumer;
        }

        @Override
        public ModelAndView handle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws Exception {
            ((ChannelConsumer) ((HandlerMethod) handler).getBean()).serve(request, response);
            return null;
        }

        @Override
        @SuppressWarnings("deprecation") // required by the interface; channels are never cached
        public long getLastModified(HttpServletRequest request, Object handler) {
            return -1;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
