package com.assistantgateway.admin.security;

import com.assistantgateway.routes.message.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Users, login tokens and API keys. Statements that authenticate ({@link #userByEmail}, {@link #userByToken},
 * {@link #apiKeyByPrefix} and the token writes) find a principal before its tenant is known; everything else names
 * the tenant.
 */
@Mapper
public interface SecurityMapper {

    String USER_COLUMNS = "id, email, name, password_hash, role, tenant_id, status, created_at";
    String KEY_COLUMNS =
            "tenant_id, id, name, prefix, key_sha256, scopes, created_by, created_at, last_used_at, revoked_at";

    @Insert("INSERT INTO users (" + USER_COLUMNS + ") VALUES (#{id}, #{email}, #{name}, #{passwordHash}, #{role},"
            + " #{tenantId}, #{status}, #{createdAt})")
    void insertUser(UserRow user);

    @Select("SELECT " + USER_COLUMNS + " FROM users WHERE email = #{email}")
    Optional<UserRow> userByEmail(String email);

    @Select("SELECT " + USER_COLUMNS + " FROM users u WHERE u.id = (SELECT t.user_id FROM user_tokens t"
            + " WHERE t.token_sha256 = #{tokenSha256} AND t.expires_at > #{now})")
    Optional<UserRow> userByToken(String tokenSha256, Instant now);

    @Insert("INSERT INTO user_tokens (token_sha256, user_id, expires_at) VALUES (#{tokenSha256}, #{userId},"
            + " #{expiresAt})")
    void insertToken(String tokenSha256, String userId, Instant expiresAt);

    @Delete("DELETE FROM user_tokens WHERE token_sha256 = #{tokenSha256} OR expires_at < #{now}")
    void deleteToken(String tokenSha256, Instant now);

    @Select("SELECT " + USER_COLUMNS + " FROM users WHERE tenant_id = #{tenantId} ORDER BY email")
    List<UserRow> users(TenantId tenantId);

    @Select("SELECT " + USER_COLUMNS + " FROM users WHERE tenant_id = #{tenantId} AND id = #{userId}")
    Optional<UserRow> user(TenantId tenantId, String userId);

    @Update("UPDATE users SET status = #{status} WHERE tenant_id = #{tenantId} AND id = #{userId}")
    int updateUserStatus(TenantId tenantId, String userId, String status);

    @Update("UPDATE users SET role = #{role} WHERE tenant_id = #{tenantId} AND id = #{userId}")
    int updateUserRole(TenantId tenantId, String userId, String role);

    @Select("SELECT COUNT(*) FROM users WHERE tenant_id = #{tenantId} AND role = #{role} AND status = 'active'")
    long countActive(TenantId tenantId, String role);

    @Delete("DELETE FROM user_tokens WHERE user_id IN (SELECT id FROM users WHERE tenant_id = #{tenantId}"
            + " AND id = #{userId})")
    void deleteTokensOf(TenantId tenantId, String userId);

    @Insert("INSERT INTO api_keys (" + KEY_COLUMNS + ") VALUES (#{tenantId}, #{id}, #{name}, #{prefix},"
            + " #{keySha256}, #{scopes}, #{createdBy}, #{createdAt}, #{lastUsedAt}, #{revokedAt})")
    void insertApiKey(ApiKeyRow key);

    @Select("SELECT " + KEY_COLUMNS + " FROM api_keys WHERE prefix = #{prefix}")
    Optional<ApiKeyRow> apiKeyByPrefix(String prefix);

    @Select("SELECT " + KEY_COLUMNS + " FROM api_keys WHERE tenant_id = #{tenantId} ORDER BY created_at, id")
    List<ApiKeyRow> apiKeys(TenantId tenantId);

    @Select("SELECT " + KEY_COLUMNS + " FROM api_keys WHERE tenant_id = #{tenantId} AND id = #{keyId}")
    Optional<ApiKeyRow> apiKey(TenantId tenantId, String keyId);

    @Update("UPDATE api_keys SET prefix = #{prefix}, key_sha256 = #{keySha256}, last_used_at = NULL"
            + " WHERE tenant_id = #{tenantId} AND id = #{keyId} AND revoked_at IS NULL")
    int rotateApiKey(TenantId tenantId, String keyId, String prefix, String keySha256);

    @Update("UPDATE api_keys SET revoked_at = #{at} WHERE tenant_id = #{tenantId} AND id = #{keyId}"
            + " AND revoked_at IS NULL")
    int revokeApiKey(TenantId tenantId, String keyId, Instant at);

    @Update("UPDATE api_keys SET last_used_at = #{at} WHERE tenant_id = #{tenantId} AND id = #{keyId}")
    void touchApiKey(TenantId tenantId, String keyId, Instant at);
}
