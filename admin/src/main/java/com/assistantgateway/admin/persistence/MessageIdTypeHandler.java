package com.assistantgateway.admin.persistence;

import com.assistantgateway.routes.message.MessageId;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;
import org.apache.ibatis.type.MappedTypes;

/** Binds {@link MessageId} as its string value. */
@MappedTypes(MessageId.class)
public class MessageIdTypeHandler extends BaseTypeHandler<MessageId> {

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, MessageId parameter, JdbcType jdbcType)
            throws SQLException {
        ps.setString(i, parameter.value());
    }

    @Override
    public MessageId getNullableResult(ResultSet rs, String columnName) throws SQLException {
        String value = rs.getString(columnName);
        return value == null ? null : new MessageId(value);
    }

    @Override
    public MessageId getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        String value = rs.getString(columnIndex);
        return value == null ? null : new MessageId(value);
    }

    @Override
    public MessageId getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        String value = cs.getString(columnIndex);
        return value == null ? null : new MessageId(value);
    }
}
