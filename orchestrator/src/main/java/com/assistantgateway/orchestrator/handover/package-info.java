/** The rules that hand a customer to a person before any assistant answers: asked for one, files only, asked again. */
package com.assistantgateway.orchestrator.handover;
