package com.assistantgateway.admin.api;

import com.assistantgateway.admin.scenarios.ScenarioMapper;
import com.assistantgateway.admin.scenarios.ScenarioReport;
import com.assistantgateway.admin.scenarios.ScenarioRunner;
import com.assistantgateway.admin.scenarios.ScenarioSet;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.routes.message.TenantId;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An assistant's test scenarios: the set, runs of it, a run's report, and what changed between two runs. */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/assistants/{assistant}")
public class ScenarioController {

    private final ScenarioRunner scenarios;
    private final TenantAccess access;

    public ScenarioController(ScenarioRunner scenarios, TenantAccess access) {
        this.scenarios = scenarios;
        this.access = access;
    }

    @GetMapping("/scenarios")
    public ScenarioSet set(@PathVariable String tenant, @PathVariable String assistant) {
        TenantId tenantId = access.require(tenant, Permission.ASSISTANTS_READ);
        return scenarios.set(tenantId, Ids.assistant(assistant));
    }

    @PutMapping("/scenarios")
    public ScenarioSet save(@PathVariable String tenant, @PathVariable String assistant, @RequestBody ScenarioSet set) {
        TenantId tenantId = access.require(tenant, Permission.ASSISTANTS_WRITE);
        return scenarios.saveSet(
                tenantId, Ids.assistant(assistant), set, TenantAccess.current().name());
    }

    /** Runs the set now, through the real answer path, and stores the report. */
    @PostMapping("/scenario-runs")
    @ResponseStatus(HttpStatus.CREATED)
    public ScenarioReport run(@PathVariable String tenant, @PathVariable String assistant) {
        TenantId tenantId = access.require(tenant, Permission.ASSISTANTS_WRITE);
        return scenarios.run(
                tenantId, Ids.assistant(assistant), TenantAccess.current().name());
    }

    @GetMapping("/scenario-runs")
    public List<ScenarioMapper.RunSummary> runs(@PathVariable String tenant, @PathVariable String assistant) {
        TenantId tenantId = access.require(tenant, Permission.ASSISTANTS_READ);
        return scenarios.runs(tenantId, Ids.assistant(assistant));
    }

    @GetMapping("/scenario-runs/{run}")
    public ScenarioReport report(
            @PathVariable String tenant, @PathVariable String assistant, @PathVariable String run) {
        TenantId tenantId = access.require(tenant, Permission.ASSISTANTS_READ);
        return scenarios.report(tenantId, run);
    }

    /** Scenario by scenario, what changed from one run to another ({@code passed -> failed}). */
    @GetMapping("/scenario-runs/compare")
    public Map<String, String> compare(
            @PathVariable String tenant,
            @PathVariable String assistant,
            @RequestParam String base,
            @RequestParam("with") String other) {
        TenantId tenantId = access.require(tenant, Permission.ASSISTANTS_READ);
        return scenarios.compare(tenantId, base, other);
    }
}
