package com.assistantgateway.routes.backbone;

/** Every Camel header and exchange property name the gateway sets, in one place. Valid JMS property names. */
public final class GatewayHeaders {

    public static final String TENANT_ID = "gatewayTenantId";
    public static final String ASSISTANT_ID = "gatewayAssistantId";
    public static final String CONVERSATION_ID = "gatewayConversationId";
    public static final String MESSAGE_ID = "gatewayMessageId";
    public static final String CHANNEL = "gatewayChannel";
    public static final String BINDING_ID = "gatewayBindingId";
    public static final String DIRECTION = "gatewayDirection";
    public static final String TRACE_ID = "gatewayTraceId";
    /** A knowledge ingestion job's source and version. */
    public static final String KNOWLEDGE_SOURCE_ID = "gatewayKnowledgeSourceId";

    public static final String KNOWLEDGE_VERSION = "gatewayKnowledgeVersion";

    /** Set on a message the recovery sweep enqueued again; see {@code AnswerStep}. */
    public static final String RECOVERED = "gatewayRecovered";

    /** Artemis keeps messages with the same group id in order on one consumer. */
    public static final String JMS_GROUP_ID = "JMSXGroupID";
    /**
     * Artemis holds a message with this property (epoch milliseconds) back from its consumers until then: a message
     * waiting for its turn under a limit.
     */
    public static final String SCHEDULED_DELIVERY = "_AMQ_SCHED_DELIVERY";
    /** Set by the broker: 1 on first delivery, counting redeliveries. */
    public static final String JMS_DELIVERY_COUNT = "JMSXDeliveryCount";

    /** Path parameter of the channel endpoints. */
    public static final String BINDING_KEY = "bindingKey";

    private GatewayHeaders() {}
}
