/**
 * The canonical message that travels on every queue, its ids and value types. Depends on nothing of ours, only on
 * Jackson annotations, so every module and every external consumer can read it.
 */
package com.assistantgateway.routes.message;
