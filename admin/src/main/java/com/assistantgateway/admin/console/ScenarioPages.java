package com.assistantgateway.admin.console;

import com.assistantgateway.admin.api.Ids;
import com.assistantgateway.admin.scenarios.ScenarioReport;
import com.assistantgateway.admin.scenarios.ScenarioRunner;
import com.assistantgateway.admin.security.Permission;
import com.assistantgateway.admin.security.TenantAccess;
import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An assistant's test scenarios: run them, see a run's results, and the runs before. */
@Controller
@RequestMapping("/console/t/{tenant}/assistants/{assistant}/scenarios")
public class ScenarioPages {

    private final TenantAccess access;
    private final ScenarioRunner scenarios;

    public ScenarioPages(TenantAccess access, ScenarioRunner scenarios) {
        this.access = access;
        this.scenarios = scenarios;
    }

    @GetMapping
    public String page(
            @PathVariable String tenant,
            @PathVariable String assistant,
            @RequestParam(required = false) String run,
            Model model) {
        TenantId tenantId = access.require(tenant, Permission.ASSISTANTS_READ);
        AssistantId assistantId = Ids.assistant(assistant);
        var runs = scenarios.runs(tenantId, assistantId);
        model.addAttribute("assistant", assistant);
        model.addAttribute("set", scenarios.set(tenantId, assistantId));
        model.addAttribute("runs", runs);
        String shown = run != null ? run : runs.isEmpty() ? null : runs.get(0).id();
        ScenarioReport report = shown == null ? null : scenarios.report(tenantId, shown);
        model.addAttribute("report", report);
        model.addAttribute("section", "assistants");
        return "console/scenarios";
    }

    @PostMapping("/run")
    public String run(@PathVariable String tenant, @PathVariable String assistant, RedirectAttributes flash) {
        TenantId tenantId = access.require(tenant, Permission.ASSISTANTS_WRITE);
        ScenarioReport report = scenarios.run(
                tenantId, Ids.assistant(assistant), TenantAccess.current().name());
        flash.addFlashAttribute(
                "notice", report.totals().passed() + " of " + report.totals().total() + " scenarios passed.");
        return "redirect:/console/t/" + tenant + "/assistants/" + assistant + "/scenarios?run=" + report.id();
    }
}
