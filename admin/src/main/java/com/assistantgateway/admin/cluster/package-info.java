/**
 * The cluster service behind Camel's cluster API: leader elections held as Spring Integration JDBC locks in the
 * database every instance already shares, so a deployment needs nothing more to run several instances.
 */
package com.assistantgateway.admin.cluster;
