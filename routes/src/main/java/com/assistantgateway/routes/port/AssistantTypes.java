package com.assistantgateway.routes.port;

import java.util.List;
import java.util.Map;

/** The assistant types this gateway runs, and which settings each accepts. */
public interface AssistantTypes {

    /** Why these settings do not suit an assistant of this type, a sentence each; empty when they do. */
    List<String> problems(String type, Map<String, String> settings);
}
