/**
 * Test scenarios per assistant: questions (or short conversations) with what must hold, run against the real answer
 * path, reported per scenario and in totals, and stored so two runs can be compared.
 */
package com.assistantgateway.admin.scenarios;
