package com.assistantgateway.admin.api;

import com.assistantgateway.admin.policies.PolicyMapper;
import com.assistantgateway.admin.policies.StoredAnswerPolicies;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.AnswerPolicy;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's answer policy: what each of its assistants follows until it has a policy of its own. */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/policy")
public class TenantPolicyController {

    private final StoredAnswerPolicies policies;
    private final TenantAccess access;

    public TenantPolicyController(StoredAnswerPolicies policies, TenantAccess access) {
        this.policies = policies;
        this.access = access;
    }

    @GetMapping
    public AnswerPolicy get(@PathVariable String tenant) {
        return policies.loadOfTenant(access.require(tenant, Permission.ASSISTANTS_READ));
    }

    @PutMapping
    public AnswerPolicy save(@PathVariable String tenant, @RequestBody AnswerPolicy policy) {
        TenantId tenantId = access.require(tenant, Permission.ASSISTANTS_WRITE);
        return policies.saveOfTenant(tenantId, policy, TenantAccess.current().name());
    }

    @GetMapping("/versions")
    public List<PolicyMapper.PolicyVersion> versions(@PathVariable String tenant) {
        return policies.versionsOfTenant(access.require(tenant, Permission.ASSISTANTS_READ));
    }
}
