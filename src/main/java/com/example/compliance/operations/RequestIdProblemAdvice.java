package com.example.compliance.operations;

import com.example.compliance.activity.ActivityService;
import org.slf4j.MDC;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/** Every problem+json answer names the request's correlation id ({@code request_id}), as the log and the audit trail do. */
@RestControllerAdvice
class RequestIdProblemAdvice implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
            Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        String id = MDC.get(ActivityService.REQUEST_ID);
        if (body instanceof ProblemDetail problem && id != null) {
            problem.setProperty(ActivityService.REQUEST_ID, id);
        }
        return body;
    }
}
