package com.assistantgateway.admin.console;

/** How the console reads what its forms send. */
final class Forms {

    private Forms() {}

    /** An empty field means "no filter". */
    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
