/**
 * Secrets at rest: channel credentials and LLM keys are AES-256-GCM encrypted under a master key from the environment,
 * masked in every view, and re-encrypted when the master key rotates.
 */
package com.assistantgateway.admin.secrets;
