package com.assistantgateway.admin.persistence;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Function;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/** Binds an id record as its string value; one subclass per id type, found by MyBatis' package scan. */
abstract class StringIdTypeHandler<T> extends BaseTypeHandler<T> {

    private final Function<String, T> fromString;
    private final Function<T, String> toString;

    StringIdTypeHandler(Function<String, T> fromString, Function<T, String> toString) {
        this.fromString = fromString;
        this.toString = toString;
    }

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, T parameter, JdbcType jdbcType) throws SQLException {
        ps.setString(i, toString.apply(parameter));
    }

    @Override
    public T getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return read(rs.getString(columnName));
    }

    @Override
    public T getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return read(rs.getString(columnIndex));
    }

    @Override
    public T getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return read(cs.getString(columnIndex));
    }

    private T read(String value) {
        return value == null ? null : fromString.apply(value);
    }
}
