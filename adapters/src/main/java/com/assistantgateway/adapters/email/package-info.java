/**
 * The email channel: per binding, an IMAP mailbox read into canonical messages (threads, charsets, attachments, quoted
 * text stripped, auto-replies and bulk mail skipped) and replies sent over SMTP in the same thread.
 */
package com.assistantgateway.adapters.email;
