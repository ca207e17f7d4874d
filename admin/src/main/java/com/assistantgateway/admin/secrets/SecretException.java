package com.assistantgateway.admin.secrets;

/** A sealed secret that cannot be opened. The message never contains the secret. */
public class SecretException extends RuntimeException {

    public SecretException(String message) {
        super(message);
    }
}
