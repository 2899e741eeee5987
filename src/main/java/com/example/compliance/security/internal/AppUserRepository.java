package com.example.compliance.security.internal;

import com.example.compliance.security.Role;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

public interface AppUserRepository extends JpaRepository<AppUser, UUID> {

    Optional<AppUser> findByUsername(String username);

    boolean existsByUsernameIgnoreCase(String username);

    Optional<AppUser> findByUsernameIgnoreCaseAndEnabledTrue(String username);

    List<AppUser> findByEnabledTrueOrderByUsername();

    /**
     * The enabled users with this role, locked until the transaction ends: two admins demoting each other at the same
     * moment are serialized, so the last-admin rule cannot be raced.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    List<AppUser> findByRoleAndEnabledTrue(Role role);
}
