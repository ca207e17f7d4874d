package com.assistantgateway.admin.persistence;

import com.assistantgateway.routes.message.AssistantId;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;
import org.apache.ibatis.type.MappedTypes;

/** Binds {@link AssistantId} as its string value. */
@MappedTypes(AssistantId.class)
public class AssistantIdTypeHandler extends BaseTypeHandler<AssistantId> {

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, AssistantId parameter, JdbcType jdbcType)
            throws SQLException {
        ps.setString(i, parameter.value());
    }

    @Override
    public AssistantId getNullableResult(ResultSet rs, String columnName) throws SQLException {
        String value = rs.getString(columnName);
        return value == null ? null : new AssistantId(value);
    }

    @Override
    public AssistantId getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        String value = rs.getString(columnIndex);
        return value == null ? null : new AssistantId(value);
    }

    @Override
    public AssistantId getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        String value = cs.getString(columnIndex);
        return value == null ? null : new AssistantId(value);
    }
}
