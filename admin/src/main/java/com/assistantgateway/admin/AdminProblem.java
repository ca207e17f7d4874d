package com.assistantgateway.admin;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The admin API's errors as RFC 7807 problem details. A tenant's ids look the same to an outsider whether they exist
 * or not: every "not yours" is the same {@link #notFound} as "no such thing".
 */
public final class AdminProblem extends ErrorResponseException {

    private AdminProblem(HttpStatus status, String type, String title, String detail) {
        super(status, problem(status, type, title, detail), null);
    }

    /** The admin API's problem shape, also for errors raised outside controllers (security, validation). */
    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://assistant-gateway.dev/problems/" + type));
        problem.setTitle(title);
        return problem;
    }

    public static AdminProblem notFound() {
        return new AdminProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such resource.");
    }

    public static AdminProblem forbidden(String permission) {
        return new AdminProblem(
                HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "This needs the " + permission + " permission.");
    }

    public static AdminProblem invalid(String detail) {
        return new AdminProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
    }

    public static AdminProblem conflict(String detail) {
        return new AdminProblem(HttpStatus.CONFLICT, "conflict", "Conflict", detail);
    }

    public static AdminProblem tooLarge(String detail) {
        return new AdminProblem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "Too large", detail);
    }

    public static AdminProblem unavailable(String detail) {
        return new AdminProblem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Unavailable", detail);
    }
}
