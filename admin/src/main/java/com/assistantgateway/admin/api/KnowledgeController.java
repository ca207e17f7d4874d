package com.assistantgateway.admin.api;

import com.assistantgateway.admin.knowledge.KnowledgeSource;
import com.assistantgateway.admin.knowledge.KnowledgeSources;
import com.assistantgateway.admin.knowledge.KnowledgeVersion;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.routes.message.TenantId;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** An assistant's knowledge sources: upload (multipart {@code file}), list with status, re-index, delete. */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/assistants/{assistant}/knowledge")
public class KnowledgeController {

    private final KnowledgeSources sources;
    private final TenantAccess access;

    public KnowledgeController(KnowledgeSources sources, TenantAccess access) {
        this.sources = sources;
        this.access = access;
    }

    @GetMapping
    public Page<KnowledgeSource> list(
            @PathVariable String tenant,
            @PathVariable String assistant,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        TenantId tenantId = access.require(tenant, Permission.KNOWLEDGE_READ);
        return Page.of(sources.list(tenantId, Ids.assistant(assistant)), page, size);
    }

    /** Accepted: ingestion runs on the knowledge queue; poll the source for its status and progress. */
    @PostMapping(consumes = "multipart/form-data")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public KnowledgeSource upload(
            @PathVariable String tenant, @PathVariable String assistant, @RequestPart("file") MultipartFile file)
            throws IOException {
        TenantId tenantId = access.require(tenant, Permission.KNOWLEDGE_WRITE);
        return sources.upload(
                tenantId,
                Ids.assistant(assistant),
                file.getOriginalFilename(),
                file.getContentType(),
                file.getBytes(),
                TenantAccess.current().name());
    }

    /** A web page or document by URL; fetched now, ingested like an upload. */
    @PostMapping(path = "/url", consumes = "application/json")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public KnowledgeSource uploadUrl(
            @PathVariable String tenant, @PathVariable String assistant, @RequestBody UrlSource body) {
        TenantId tenantId = access.require(tenant, Permission.KNOWLEDGE_WRITE);
        return sources.uploadUrl(
                tenantId,
                Ids.assistant(assistant),
                body == null ? null : body.url(),
                TenantAccess.current().name());
    }

    public record UrlSource(String url) {}

    @GetMapping("/{source}/versions")
    public List<KnowledgeVersion> versions(
            @PathVariable String tenant, @PathVariable String assistant, @PathVariable String source) {
        TenantId tenantId = access.require(tenant, Permission.KNOWLEDGE_READ);
        return sources.versions(tenantId, Ids.assistant(assistant), source);
    }

    /** Rolls the source back (or forward) to a stored version. */
    @PostMapping("/{source}/versions/{version}/restore")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public KnowledgeSource restore(
            @PathVariable String tenant,
            @PathVariable String assistant,
            @PathVariable String source,
            @PathVariable int version) {
        TenantId tenantId = access.require(tenant, Permission.KNOWLEDGE_WRITE);
        return sources.restore(
                tenantId,
                Ids.assistant(assistant),
                source,
                version,
                TenantAccess.current().name());
    }

    @GetMapping("/{source}")
    public KnowledgeSource get(
            @PathVariable String tenant, @PathVariable String assistant, @PathVariable String source) {
        TenantId tenantId = access.require(tenant, Permission.KNOWLEDGE_READ);
        return sources.get(tenantId, Ids.assistant(assistant), source);
    }

    @PostMapping("/{source}/reindex")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public KnowledgeSource reindex(
            @PathVariable String tenant, @PathVariable String assistant, @PathVariable String source) {
        TenantId tenantId = access.require(tenant, Permission.KNOWLEDGE_WRITE);
        return sources.reindex(
                tenantId,
                Ids.assistant(assistant),
                source,
                TenantAccess.current().name());
    }

    @DeleteMapping("/{source}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String tenant, @PathVariable String assistant, @PathVariable String source) {
        TenantId tenantId = access.require(tenant, Permission.KNOWLEDGE_WRITE);
        sources.delete(
                tenantId,
                Ids.assistant(assistant),
                source,
                TenantAccess.current().name());
    }
}
