/**
 * Handover to people: the queue of handed-over conversations (oldest first), agents' availability and capacity,
 * round-robin assignment, and the first- and next-response timers with their warnings.
 */
package com.assistantgateway.admin.handover;
