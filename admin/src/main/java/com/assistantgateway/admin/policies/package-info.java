/** Answer policies: each assistant's rules for personal data, topics, tone, length and disclaimers, versioned. */
package com.assistantgateway.admin.policies;
