package com.assistantgateway.admin.cluster;

import java.time.Instant;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Platform-level: the instances themselves, no tenant's data. */
@Mapper
public interface ClusterMapper {

    @Update("UPDATE cluster_members SET seen_at = #{at} WHERE member_id = #{memberId}")
    int touch(@Param("memberId") String memberId, @Param("at") Instant at);

    @Insert("INSERT INTO cluster_members (member_id, host, started_at, seen_at)"
            + " VALUES (#{memberId}, #{host}, #{at}, #{at})")
    void insert(@Param("memberId") String memberId, @Param("host") String host, @Param("at") Instant at);

    @Select("SELECT COUNT(*) FROM cluster_members WHERE seen_at > #{since}")
    int seenSince(@Param("since") Instant since);

    @Delete("DELETE FROM cluster_members WHERE seen_at < #{before}")
    int forgetBefore(@Param("before") Instant before);
}
