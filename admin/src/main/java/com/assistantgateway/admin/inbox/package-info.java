/** The conversations inbox: list and read threads, take a conversation over as a person, reply, hand it back. */
package com.assistantgateway.admin.inbox;
