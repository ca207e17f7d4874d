package com.assistantgateway.admin.api;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.routes.message.AssistantId;
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
}
