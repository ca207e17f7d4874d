package com.assistantgateway.adapters.email;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import com.assistantgateway.routes.backbone.InboundAdmission;
import org.apache.camel.Exchange;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Keeps Camel's mail consumer from logging a warning, with its stack trace, for every mail held over its tenant's or
 * sender's limit at every poll: holding is not a failure (the route's policy logs it at DEBUG, {@code
 * gateway.limits.held} counts it), but the consumer can leave a mail unseen only by failing its exchange, and warns
 * of every failed one. Its other warnings pass.
 */
@Component
class HeldMailLogFilter extends TurboFilter implements SmartInitializingSingleton {

    static final String MAIL_CONSUMER = "org.apache.camel.component.mail.MailConsumer";

    @Override
    public void afterSingletonsInstantiated() {
        // One per logging context, however many application contexts share it (tests start several).
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback
                && logback.getTurboFilterList().stream().noneMatch(HeldMailLogFilter.class::isInstance)) {
            start();
            logback.addTurboFilter(this);
        }
    }

    @Override
    public FilterReply decide(
            Marker marker, Logger logger, Level level, String format, Object[] params, Throwable thrown) {
        if (level != Level.WARN || !MAIL_CONSUMER.equals(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        if (held(thrown)) {
            return FilterReply.DENY;
        }
        if (params != null) {
            for (Object param : params) {
                if ((param instanceof Throwable cause && held(cause))
                        || (param instanceof Exchange exchange && held(exchange.getException()))) {
                    return FilterReply.DENY;
                }
            }
        }
        return FilterReply.NEUTRAL;
    }

    private static boolean held(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof InboundAdmission.HeldOverLimit) {
                return true;
            }
        }
        return false;
    }
}
