/**
 * Answer policies as steps of the answer path: personal data replaced by reversible placeholders before the model,
 * topics refused or allowed (by words and by meaning), tone and length checked after the answer, disclaimers.
 */
package com.assistantgateway.orchestrator.policy;
