package vn.serviceindex.portal.notification.service;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.serviceindex.portal.base.database.SystemWork;
import vn.serviceindex.portal.security.domain.AccessScope;
import vn.serviceindex.portal.security.domain.Role;
import vn.serviceindex.portal.security.domain.RoleAssignment;
import vn.serviceindex.portal.security.service.PortalUser;

/**
 * Who a notification job acts as: nobody logs in for it, yet it asks the progress and forecast services, which check
 * their reader. It reads as an installation-wide auditor (reads everything, changes nothing) named "system", which no
 * account is (id 0), in one transaction of system work, where it writes notifications; the caller's login, if any,
 * is put back afterwards.
 */
@Component
class JobIdentity {

    static final PortalUser SYSTEM = new PortalUser(0, "system", "Hệ thống", "", true, "vi", null, null,
            new AccessScope(List.of(new RoleAssignment(0, Role.AUDITOR, null, null, null, true))));

    private final TransactionTemplate transactions;
    private final SystemWork systemWork;

    JobIdentity(PlatformTransactionManager transactionManager, SystemWork systemWork) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.systemWork = systemWork;
    }

    <T> T run(String purpose, Supplier<T> work) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext job = SecurityContextHolder.createEmptyContext();
        job.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(SYSTEM, null,
                SYSTEM.getAuthorities()));
        SecurityContextHolder.setContext(job);
        try {
            return transactions.execute(status -> systemWork.run(purpose, work));
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
