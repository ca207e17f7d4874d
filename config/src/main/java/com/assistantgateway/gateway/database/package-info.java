/**
 * The embedded H2 database's durability: every commit is on the file before it returns, written for many concurrent
 * commits at once (group commit) instead of one file write per commit.
 */
package com.assistantgateway.gateway.database;
