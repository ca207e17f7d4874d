/** MyBatis plumbing shared by the admin mappers: type handlers for the id records. */
package com.assistantgateway.admin.persistence;
