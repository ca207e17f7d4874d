/** The runnable gateway: wires the modules; profiles and settings only, no business logic. */
package com.assistantgateway.gateway;
