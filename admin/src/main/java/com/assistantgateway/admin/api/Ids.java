package com.assistantgateway.admin.api;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.ConversationId;

/** Path ids parsed into their types; a malformed id is as "not found" as an absent one. */
public final class Ids {

    private Ids() {}

    public static AssistantId assistant(String value) {
        try {
            return new AssistantId(value);
        } catch (IllegalArgumentException e) {
            throw AdminProblem.notFound();
        }
    }

    public static ConversationId conversation(String value) {
        try {
            return new ConversationId(value);
        } catch (IllegalArgumentException e) {
            throw AdminProblem.notFound();
        }
    }

    public static BindingId binding(String value) {
        try {
            return new BindingId(value);
        } catch (IllegalArgumentException e) {
            throw AdminProblem.notFound();
        }
    }

    /** The id chosen for a new binding; binding ids appear in route ids and JMS selectors, hence the rule. */
    public static BindingId newBinding(String value) {
        if (!BindingId.isValid(value)) {
            throw AdminProblem.invalid("binding id must be 1 to 64 letters, digits or . _ - characters");
        }
        return new BindingId(value);
    }

    /** A channel named in a request; whether the gateway runs it is the registry's to say. */
    public static ChannelId channel(String value) {
        if (!ChannelId.isValid(value)) {
            throw AdminProblem.invalid("there is no channel '" + value + "'");
        }
        return new ChannelId(value);
    }
}
