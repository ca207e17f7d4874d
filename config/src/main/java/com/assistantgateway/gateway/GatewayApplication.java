package com.assistantgateway.gateway;

import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication(scanBasePackages = "com.assistantgateway")
@ConfigurationPropertiesScan("com.assistantgateway.gateway")
@MapperScan(basePackages = "com.assistantgateway.admin", annotationClass = org.apache.ibatis.annotations.Mapper.class)
@EnableScheduling
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
