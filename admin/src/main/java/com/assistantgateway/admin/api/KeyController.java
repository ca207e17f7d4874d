package com.assistantgateway.admin.api;

import com.assistantgateway.admin.security.ApiKeys;
import com.assistantgateway.admin.security.ApiKeys.ApiKeyView;
import com.assistantgateway.admin.security.ApiKeys.IssuedKey;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.routes.message.TenantId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A tenant's API keys: the key itself appears only in the response that creates or rotates it. */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/api-keys")
public class KeyController {

    private final ApiKeys keys;
    private final TenantAccess access;

    public KeyController(ApiKeys keys, TenantAccess access) {
        this.keys = keys;
        this.access = access;
    }

    @GetMapping
    public Page<ApiKeyView> list(
            @PathVariable String tenant,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        TenantId tenantId = access.require(tenant, Permission.KEYS_MANAGE);
        return Page.of(keys.list(tenantId), page, size);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public IssuedKey create(@PathVariable String tenant, @Valid @RequestBody NewKey request) {
        TenantId tenantId = access.require(tenant, Permission.KEYS_MANAGE);
        return keys.create(tenantId, request.name(), request.scopes(), TenantAccess.current());
    }

    @PostMapping("/{key}/rotate")
    public IssuedKey rotate(@PathVariable String tenant, @PathVariable String key) {
        TenantId tenantId = access.require(tenant, Permission.KEYS_MANAGE);
        return keys.rotate(tenantId, key, TenantAccess.current().name());
    }

    @DeleteMapping("/{key}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void revoke(@PathVariable String tenant, @PathVariable String key) {
        TenantId tenantId = access.require(tenant, Permission.KEYS_MANAGE);
        keys.revoke(tenantId, key, TenantAccess.current().name());
    }

    /** @param scopes e.g. {@code conversations:read}, {@code knowledge:write} */
    public record NewKey(@NotBlank String name, @NotEmpty List<String> scopes) {}
}
