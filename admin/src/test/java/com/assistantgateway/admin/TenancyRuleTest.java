package com.assistantgateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.assistantgateway.admin.audit.AuditMapper;
import com.assistantgateway.admin.channels.ChannelStateMapper;
import com.assistantgateway.admin.inbox.InboxMapper;
import com.assistantgateway.admin.knowledge.KnowledgeMapper;
import com.assistantgateway.admin.ledger.LedgerMapper;
import com.assistantgateway.admin.privacy.PrivacyMapper;
import com.assistantgateway.admin.registry.RegistryMapper;
import com.assistantgateway.admin.reports.ReportsMapper;
import com.assistantgateway.admin.security.SecurityMapper;
import com.assistantgateway.routes.message.TenantId;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tenancy is structural: every mapper statement takes a tenant id, directly or in the row it writes. */
class TenancyRuleTest {

    /** Platform-level statements: they find tenants in the first place. */
    private static final Set<String> PLATFORM_LEVEL = Set.of(
            "RegistryMapper.activeTenants",
            "RegistryMapper.allTenants",
            "RegistryMapper.allCredentials",
            "RegistryMapper.resolve",
            "RegistryMapper.suspended",
            "RegistryMapper.activeBindings",
            "RegistryMapper.insertTenant",
            // Authentication finds a principal before its tenant is known.
            "SecurityMapper.userByEmail",
            "SecurityMapper.userByToken",
            "SecurityMapper.insertToken",
            "SecurityMapper.deleteToken",
            "SecurityMapper.apiKeyByPrefix");

    @Test
    void everyMapperStatementNamesItsTenant() {
        List<String> withoutTenant = new ArrayList<>();
        for (Class<?> mapper : List.of(
                RegistryMapper.class,
                LedgerMapper.class,
                AuditMapper.class,
                ChannelStateMapper.class,
                SecurityMapper.class,
                com.assistantgateway.admin.storage.StoredFileMapper.class,
                InboxMapper.class,
                KnowledgeMapper.class,
                PrivacyMapper.class,
                ReportsMapper.class)) {
            for (Method method : mapper.getDeclaredMethods()) {
                String name = mapper.getSimpleName() + "." + method.getName();
                if (!PLATFORM_LEVEL.contains(name) && !namesTenant(method)) {
                    withoutTenant.add(name);
                }
            }
        }
        assertThat(withoutTenant).isEmpty();
    }

    private static boolean namesTenant(Method method) {
        for (Parameter parameter : method.getParameters()) {
            Class<?> type = parameter.getType();
            if (type == TenantId.class) {
                return true;
            }
            if (type.isRecord()
                    && Arrays.stream(type.getRecordComponents())
                            .map(RecordComponent::getType)
                            .anyMatch(TenantId.class::equals)) {
                return true;
            }
        }
        return false;
    }
}
