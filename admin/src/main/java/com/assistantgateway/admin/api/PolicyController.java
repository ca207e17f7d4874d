package com.assistantgateway.admin.api;

import com.assistantgateway.admin.policies.PolicyMapper;
import com.assistantgateway.admin.policies.StoredAnswerPolicies;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.routes.message.TenantId;
import com.assistantgateway.routes.port.AnswerPolicy;
import com.assistantgateway.routes.port.PolicyTrials;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An assistant's answer policy: read, save as a new version, list versions, try on a sample. */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/assistants/{assistant}/policy")
public class PolicyController {

    private final StoredAnswerPolicies policies;
    private final PolicyTrials trials;
    private final TenantAccess access;

    public PolicyController(StoredAnswerPolicies policies, PolicyTrials trials, TenantAccess access) {
        this.policies = policies;
        this.trials = trials;
        this.access = access;
    }

    @GetMapping
    public AnswerPolicy get(@PathVariable String tenant, @PathVariable String assistant) {
        TenantId tenantId = access.require(tenant, Permission.ASSISTANTS_READ);
        return policies.load(tenantId, Ids.assistant(assistant));
    }

    @PutMapping
    public AnswerPolicy save(
            @PathVariable String tenant, @PathVariable String assistant, @RequestBody AnswerPolicy policy) {
        TenantId tenantId = access.require(tenant, Permission.ASSISTANTS_WRITE);
        return policies.save(
                tenantId,
                Ids.assistant(assistant),
                policy,
                TenantAccess.current().name());
    }

    @GetMapping("/versions")
    public List<PolicyMapper.PolicyVersion> versions(@PathVariable String tenant, @PathVariable String assistant) {
        TenantId tenantId = access.require(tenant, Permission.ASSISTANTS_READ);
        return policies.versions(tenantId, Ids.assistant(assistant));
    }

    /** Runs the saved policy (or the one given) on a sample; nothing is sent or stored, the trial is audited. */
    @PostMapping("/test")
    public PolicyTrials.Trial test(
            @PathVariable String tenant, @PathVariable String assistant, @Valid @RequestBody Sample sample) {
        TenantId tenantId = access.require(tenant, Permission.ASSISTANTS_READ);
        AnswerPolicy policy =
                sample.policy() == null ? policies.load(tenantId, Ids.assistant(assistant)) : sample.policy();
        policies.recordTrial(
                tenantId, Ids.assistant(assistant), TenantAccess.current().name());
        return trials.trial(policy, sample.text());
    }

    /** A sample text, and optionally an unsaved policy to try. */
    public record Sample(@NotNull @Size(max = 20_000) String text, AnswerPolicy policy) {}
}
