package com.assistantgateway.admin.registry;

import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.TenantId;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/**
 * Tenants, assistants and channel bindings. Every statement on tenant-owned rows takes the tenant id; the two
 * platform-level ones ({@link #activeTenants()}, {@link #resolve}, {@link #activeBindings}) are how tenants are
 * found at all.
 */
@Mapper
public interface RegistryMapper {

    @Insert("INSERT INTO tenants (slug, name, plan, sector, locales, status, created_at)"
            + " VALUES (#{slug}, #{name}, #{plan}, #{sector}, #{locales}, #{status}, #{createdAt})")
    void insertTenant(TenantRow tenant);

    @Select("SELECT slug, name, plan, sector, locales, status, created_at FROM tenants WHERE slug = #{tenantId}")
    Optional<TenantRow> tenant(TenantId tenantId);

    @Select("SELECT slug FROM tenants WHERE status = 'active' ORDER BY slug")
    List<TenantId> activeTenants();

    @Insert("INSERT INTO assistants (tenant_id, id, type, name, persona, prompt, model_settings, status, created_at)"
            + " VALUES (#{tenantId}, #{id}, #{type}, #{name}, #{persona}, #{prompt}, #{modelSettings}, #{status},"
            + " #{createdAt})")
    void insertAssistant(AssistantRow assistant);

    @Select("SELECT tenant_id, id, type, name, persona, prompt, model_settings, status, created_at"
            + " FROM assistants WHERE tenant_id = #{tenantId} AND id = #{assistantId}")
    Optional<AssistantRow> assistant(TenantId tenantId, AssistantId assistantId);

    @Select("SELECT tenant_id, id, type, name, persona, prompt, model_settings, status, created_at"
            + " FROM assistants WHERE tenant_id = #{tenantId} ORDER BY id")
    List<AssistantRow> assistants(TenantId tenantId);

    @Insert("INSERT INTO channel_bindings"
            + " (tenant_id, id, assistant_id, channel, inbound_key, settings, credentials, status, created_at)"
            + " VALUES (#{tenantId}, #{id}, #{assistantId}, #{channel}, #{inboundKey}, #{settings}, #{credentials},"
            + " #{status}, #{createdAt})")
    void insertBinding(BindingRow binding);

    @Select("SELECT b.tenant_id, b.id, b.assistant_id, b.channel, b.inbound_key, b.settings, b.credentials, b.status,"
            + " b.created_at FROM channel_bindings b JOIN tenants t ON t.slug = b.tenant_id"
            + " WHERE b.channel = #{channel} AND b.inbound_key = #{inboundKey}"
            + " AND b.status = 'active' AND t.status = 'active'")
    Optional<BindingRow> resolve(String channel, String inboundKey);

    @Select(
            "SELECT b.tenant_id, b.id, b.assistant_id, b.channel, b.inbound_key, b.settings, b.credentials, b.status,"
                    + " b.created_at FROM channel_bindings b JOIN tenants t ON t.slug = b.tenant_id"
                    + " WHERE b.channel = #{channel} AND b.status = 'active' AND t.status = 'active' ORDER BY b.tenant_id, b.id")
    List<BindingRow> activeBindings(String channel);

    @Select("SELECT tenant_id, id, assistant_id, channel, inbound_key, settings, credentials, status, created_at"
            + " FROM channel_bindings WHERE tenant_id = #{tenantId} AND id = #{bindingId}")
    Optional<BindingRow> binding(TenantId tenantId, String bindingId);

    @Select("SELECT tenant_id, id, assistant_id, channel, inbound_key, settings, credentials, status, created_at"
            + " FROM channel_bindings WHERE tenant_id = #{tenantId} ORDER BY id")
    List<BindingRow> bindings(TenantId tenantId);
}
