/** The demo tenant of the embedded profile: an after-sales car-parts shop with a support and an echo assistant. */
package com.assistantgateway.gateway.demo;
