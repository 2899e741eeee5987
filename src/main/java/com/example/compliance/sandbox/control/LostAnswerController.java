package com.example.compliance.sandbox.control;

import com.example.compliance.sandbox.FaultInjector;
import com.example.compliance.sandbox.SandboxEnabled;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The "create, then answer 500" knob: {@code PUT /sandbox/_control/lost-create-answers {"count": N}} makes the next N
 * successful creates lose their answer, as when Jira did the work and the connection broke.
 */
@RestController
@SandboxEnabled
@RequestMapping("/sandbox/_control")
class LostAnswerController {

    private final FaultInjector faults;

    LostAnswerController(FaultInjector faults) {
        this.faults = faults;
    }

    @PutMapping("/lost-create-answers")
    ResponseEntity<Object> lose(@RequestBody(required = false) Map<String, Object> body) {
        if (body == null || !(body.get("count") instanceof Number count) || count.intValue() < 0) {
            return ResponseEntity.badRequest().body(Map.of("error", "Send {\"count\": N} with N ≥ 0"));
        }
        faults.loseCreateAnswers(count.intValue());
        return ResponseEntity.ok(Map.of("count", faults.lostCreateAnswersLeft()));
    }
}
