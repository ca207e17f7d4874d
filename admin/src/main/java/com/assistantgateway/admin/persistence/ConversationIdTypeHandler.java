package com.assistantgateway.admin.persistence;

import com.assistantgateway.routes.message.ConversationId;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;
import org.apache.ibatis.type.MappedTypes;

/** Binds {@link ConversationId} as its string value. */
@MappedTypes(ConversationId.class)
public class ConversationIdTypeHandler extends BaseTypeHandler<ConversationId> {

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, ConversationId parameter, JdbcType jdbcType)
            throws SQLException {
        ps.setString(i, parameter.value());
    }

    @Override
    public ConversationId getNullableResult(ResultSet rs, String columnName) throws SQLException {
        String value = rs.getString(columnName);
        return value == null ? null : new ConversationId(value);
    }

    @Override
    public ConversationId getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        String value = rs.getString(columnIndex);
        return value == null ? null : new ConversationId(value);
    }

    @Override
    public ConversationId getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        String value = cs.getString(columnIndex);
        return value == null ? null : new ConversationId(value);
    }
}
