package com.assistantgateway.admin.registry;

import com.assistantgateway.routes.message.AssistantId;
import com.assistantgateway.routes.message.BindingId;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.message.TenantId;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Tenants, assistants and channel bindings. Every statement on tenant-owned rows takes the tenant id; the
 * platform-level ones ({@link #allTenants}, {@link #activeTenants()}, {@link #resolve}, {@link #suspended}, {@link
 * #activeBindings}, {@link #allCredentials}) are how tenants are found at all.
 */
@Mapper
public interface RegistryMapper {

    String TENANT_COLUMNS = "slug, name, plan, sector, locales, enabled_channels, retention_days, status, created_at";
    String ASSISTANT_COLUMNS =
            "tenant_id, id, type, name, sector, persona, prompt, model_settings, credentials, status, created_at";
    String BINDING_COLUMNS =
            "tenant_id, id, assistant_id, channel, inbound_key, settings, credentials, status, created_at";

    @Insert("INSERT INTO tenants (" + TENANT_COLUMNS + ") VALUES (#{slug}, #{name}, #{plan}, #{sector}, #{locales},"
            + " #{enabledChannels}, #{retentionDays}, #{status}, #{createdAt})")
    void insertTenant(TenantRow tenant);

    @Update("UPDATE tenants SET name = #{name}, plan = #{plan}, sector = #{sector}, locales = #{locales},"
            + " enabled_channels = #{enabledChannels}, retention_days = #{retentionDays}, status = #{status}"
            + " WHERE slug = #{slug}")
    int updateTenant(TenantRow tenant);

    @Select("SELECT " + TENANT_COLUMNS + " FROM tenants WHERE slug = #{tenantId}")
    Optional<TenantRow> tenant(TenantId tenantId);

    @Select("SELECT " + TENANT_COLUMNS + " FROM tenants ORDER BY slug")
    List<TenantRow> allTenants();

    @Select("SELECT slug FROM tenants WHERE status = 'active' ORDER BY slug")
    List<TenantId> activeTenants();

    @Insert("INSERT INTO assistants (" + ASSISTANT_COLUMNS + ") VALUES (#{tenantId}, #{id}, #{type}, #{name},"
            + " #{sector}, #{persona}, #{prompt}, #{modelSettings}, #{credentials}, #{status}, #{createdAt})")
    void insertAssistant(AssistantRow assistant);

    @Update("UPDATE assistants SET name = #{name}, sector = #{sector}, persona = #{persona}, prompt = #{prompt},"
            + " model_settings = #{modelSettings}, credentials = #{credentials}, status = #{status}"
            + " WHERE tenant_id = #{tenantId} AND id = #{id}")
    int updateAssistant(AssistantRow assistant);

    @Select("SELECT " + ASSISTANT_COLUMNS + " FROM assistants WHERE tenant_id = #{tenantId} AND id = #{assistantId}")
    Optional<AssistantRow> assistant(TenantId tenantId, AssistantId assistantId);

    @Select("SELECT " + ASSISTANT_COLUMNS + " FROM assistants WHERE tenant_id = #{tenantId} ORDER BY id")
    List<AssistantRow> assistants(TenantId tenantId);

    @Insert("INSERT INTO channel_bindings (" + BINDING_COLUMNS + ") VALUES (#{tenantId}, #{id}, #{assistantId},"
            + " #{channel}, #{inboundKey}, #{settings}, #{credentials}, #{status}, #{createdAt})")
    void insertBinding(BindingRow binding);

    @Update("UPDATE channel_bindings SET assistant_id = #{assistantId}, inbound_key = #{inboundKey},"
            + " settings = #{settings}, credentials = #{credentials}, status = #{status}"
            + " WHERE tenant_id = #{tenantId} AND id = #{id}")
    int updateBinding(BindingRow binding);

    @Select("SELECT b.tenant_id, b.id, b.assistant_id, b.channel, b.inbound_key, b.settings, b.credentials, b.status,"
            + " b.created_at FROM channel_bindings b JOIN tenants t ON t.slug = b.tenant_id"
            + " WHERE b.channel = #{channel} AND b.inbound_key = #{inboundKey}"
            + " AND b.status = 'active' AND t.status = 'active'")
    Optional<BindingRow> resolve(ChannelId channel, String inboundKey);

    @Select("SELECT COUNT(*) > 0 FROM channel_bindings b JOIN tenants t ON t.slug = b.tenant_id"
            + " WHERE b.channel = #{channel} AND b.inbound_key = #{inboundKey} AND b.status = 'active'"
            + " AND t.status <> 'active'")
    boolean suspended(ChannelId channel, String inboundKey);

    @Select("SELECT b.tenant_id, b.id, b.assistant_id, b.channel, b.inbound_key, b.settings, b.credentials, b.status,"
            + " b.created_at FROM channel_bindings b JOIN tenants t ON t.slug = b.tenant_id WHERE b.channel ="
            + " #{channel} AND b.status = 'active' AND t.status = 'active' ORDER BY b.tenant_id, b.id")
    List<BindingRow> activeBindings(ChannelId channel);

    @Select("SELECT " + BINDING_COLUMNS + " FROM channel_bindings WHERE tenant_id = #{tenantId} AND id = #{bindingId}")
    Optional<BindingRow> binding(TenantId tenantId, BindingId bindingId);

    @Select("SELECT " + BINDING_COLUMNS + " FROM channel_bindings WHERE tenant_id = #{tenantId} ORDER BY id")
    List<BindingRow> bindings(TenantId tenantId);

    /** Every sealed value, for master-key rotation: {@code kind} is {@code binding} or {@code assistant}. */
    @Select("SELECT 'binding' AS kind, tenant_id, id, credentials FROM channel_bindings WHERE credentials IS NOT NULL"
            + " UNION ALL SELECT 'assistant' AS kind, tenant_id, id, credentials FROM assistants"
            + " WHERE credentials IS NOT NULL")
    List<SealedColumn> allCredentials();

    @Update("UPDATE channel_bindings SET credentials = #{credentials} WHERE tenant_id = #{tenantId} AND id = #{id}")
    int updateBindingCredentials(TenantId tenantId, String id, String credentials);

    @Update("UPDATE assistants SET credentials = #{credentials} WHERE tenant_id = #{tenantId} AND id = #{id}")
    int updateAssistantCredentials(TenantId tenantId, String id, String credentials);
}
