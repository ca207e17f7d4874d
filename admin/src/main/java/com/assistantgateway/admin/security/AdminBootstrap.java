package com.assistantgateway.admin.security;

import com.assistantgateway.admin.AdminProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The first platform admin, from {@code GATEWAY_ADMIN_EMAIL} and {@code GATEWAY_ADMIN_PASSWORD}: created once, when
 * no user has that address; later changes go through the API.
 */
@Component
public class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final Users users;
    private final AdminProperties properties;

    public AdminBootstrap(Users users, AdminProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        String email = properties.bootstrapAdminEmail();
        String password = properties.bootstrapAdminPassword();
        if (email == null || email.isBlank() || users.exists(email)) {
            return;
        }
        if (password == null || password.length() < 12) {
            log.warn("GATEWAY_ADMIN_EMAIL is set but GATEWAY_ADMIN_PASSWORD is missing or shorter than 12 characters;"
                    + " no platform admin was created");
            return;
        }
        users.seed(null, new NewUser(email, "Platform admin", password, Role.PLATFORM_ADMIN), "bootstrap");
        log.info("created platform admin {}", email);
    }
}
