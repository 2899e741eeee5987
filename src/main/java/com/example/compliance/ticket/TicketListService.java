package com.example.compliance.ticket;

import com.example.compliance.security.UserService;
import com.example.compliance.ticket.internal.TicketListQuery;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The tickets list: pages of the caller's tickets (admins: everyone's), newest first, and the values to filter by. */
@Service
public class TicketListService {

    public static final int MAX_PAGE = 500;

    private final UserService users;
    private final TicketListQuery query;

    TicketListService(UserService users, TicketListQuery query) {
        this.users = users;
        this.query = query;
    }

    @PreAuthorize("isAuthenticated()")
    public List<TicketDetails> find(TicketListFilter filter, int offset, int limit) {
        var caller = users.currentUser();
        return query.find(filter, caller.isAdmin() ? null : caller.id(), Math.max(0, offset), Math.min(MAX_PAGE, Math.max(1, limit)));
    }

    /** The projects and assignees of the tickets the caller sees, for the filters. */
    @PreAuthorize("isAuthenticated()")
    public TicketListChoices choices() {
        var caller = users.currentUser();
        return query.choices(caller.isAdmin() ? null : caller.id());
    }
}
