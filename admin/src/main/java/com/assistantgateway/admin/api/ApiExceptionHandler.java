package com.assistantgateway.admin.api;

import com.assistantgateway.admin.AdminProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every admin API error is an RFC 7807 problem: Spring's own for malformed requests, ours for the rest. */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** Value types (ids, bindings) reject what they cannot hold with a message meant for the caller. */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        return AdminProblem.problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail conflict(DataIntegrityViolationException e) {
        log.info(
                "admin request conflicts with stored data: {}",
                e.getMostSpecificCause().getMessage());
        return AdminProblem.problem(
                HttpStatus.CONFLICT, "conflict", "Conflict", "The change conflicts with stored data.");
    }
}
