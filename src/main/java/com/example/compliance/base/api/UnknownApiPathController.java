package com.example.compliance.base.api;

import com.example.compliance.base.NotFoundException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A path under {@code /api} that no endpoint serves is a 404 problem+json, never the UI's HTML page (the Vaadin
 * servlet would otherwise answer every path it is given). Spring picks the most specific mapping, so this catch-all
 * only answers what nothing else does. Signed-in callers only: the API's security chain runs first. Not part of the
 * OpenAPI document: it is no endpoint.
 */
@RestController
@Hidden
class UnknownApiPathController {

    @RequestMapping("/api/**")
    void unknown(HttpServletRequest request) {
        throw new NotFoundException("There is no API endpoint " + request.getMethod() + " " + request.getRequestURI()
                + ". The README's REST section lists the endpoints.");
    }
}
