package com.assistantgateway.admin.console;

import org.springframework.http.HttpStatusCode;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A console error is a page in the console's layout with the problem's status and detail. */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
public class ConsoleErrors {

    @ExceptionHandler(ErrorResponseException.class)
    ModelAndView problem(ErrorResponseException e, Model model) {
        return page(e.getStatusCode(), e.getBody().getDetail());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ModelAndView invalid(IllegalArgumentException e) {
        return page(HttpStatusCode.valueOf(400), e.getMessage());
    }

    private static ModelAndView page(HttpStatusCode status, String detail) {
        ModelAndView page = new ModelAndView("console/error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("detail", detail);
        return page;
    }
}
