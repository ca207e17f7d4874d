package com.assistantgateway.admin.security;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A user to create. Passwords need 12 characters at least; they are stored only as an Argon2id hash. */
public record NewUser(
        @NotBlank @Email @Size(max = 320) String email,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Size(min = 12, max = 200) String password,
        @NotNull Role role) {

    @Override
    public String toString() {
        return "NewUser[" + email + ", " + role + "]";
    }
}
