package com.assistantgateway.admin;

import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@MapperScan(basePackages = "com.assistantgateway.admin", annotationClass = Mapper.class)
class AdminTestApplication {}
