/** Health components of the assembled gateway that no single module can judge alone. */
package com.assistantgateway.gateway.health;
