/** Data protection: the retention purge per tenant, and a participant's data exported or erased on request. */
package com.assistantgateway.admin.privacy;
