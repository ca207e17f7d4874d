/** Text and structure from uploads (PDF, DOCX, HTML, CSV, TXT, Markdown) with Apache Tika, as Markdown. */
package com.assistantgateway.orchestrator.knowledge.extract;
