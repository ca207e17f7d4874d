/** Test doubles shared with other modules' tests through this module's test-jar. */
package com.assistantgateway.orchestrator.testing;
