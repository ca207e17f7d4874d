package com.assistantgateway.gateway.database;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Group commit for an H2 database in a file (the embedded profile); other databases do their own (MySQL's InnoDB
 * writes concurrent commits' log in one flush) and are left as they are.
 */
@Configuration
class EmbeddedDatabase {

    @Bean
    static BeanPostProcessor groupCommitOnH2Files(ObjectProvider<DataSourceProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && inH2File(properties.getIfAvailable())) {
                    return new GroupCommitDataSource(dataSource, new GroupCommit());
                }
                return bean;
            }
        };
    }

    static boolean inH2File(DataSourceProperties properties) {
        return properties != null
                && properties.getUrl() != null
                && properties.getUrl().startsWith("jdbc:h2:file:");
    }
}
