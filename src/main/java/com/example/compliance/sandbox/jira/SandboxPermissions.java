package com.example.compliance.sandbox.jira;

import com.example.compliance.sandbox.SandboxEnabled;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * Global permissions of the sandbox's accounts that tests switch: whether they hold Jira's global "Bulk change"
 * permission (default yes). Without it Jira refuses every bulk operation with 403. A sandbox reset grants it again.
 */
@Component
@SandboxEnabled
public class SandboxPermissions {

    private final AtomicBoolean bulkChange = new AtomicBoolean(true);

    SandboxPermissions(IssueStore issues) {
        issues.onChange(change -> {
            if (change.before() == null && change.after() == null) {
                reset();
            }
        });
    }

    public boolean bulkChange() {
        return bulkChange.get();
    }

    public void bulkChange(boolean granted) {
        bulkChange.set(granted);
    }

    public void reset() {
        bulkChange.set(true);
    }
}
