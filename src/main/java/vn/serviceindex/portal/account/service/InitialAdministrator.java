package vn.serviceindex.portal.account.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.serviceindex.portal.base.database.SystemWork;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import vn.serviceindex.portal.account.domain.PasswordRule;

/**
 * A production database starts without accounts. When {@code PORTAL_INITIAL_ADMIN_PASSWORD} is set and no
 * administrator exists yet, this creates the installation administrator {@code admin} with that password, once.
 */
@Component
class InitialAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

    private final SystemWork systemWork;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final String password;

    InitialAdministrator(SystemWork systemWork, JdbcClient jdbc, PasswordEncoder passwordEncoder,
                         @Value("${portal.initial-admin.password:}") String password) {
        this.systemWork = systemWork;
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        systemWork.run("the initial administrator", this::seed);
    }

    /** Writes across units, before anyone is logged in: system work. */
    private void seed() {
        if (password.isEmpty()) {
            return;
        }
        boolean adminExists = jdbc.sql("select count(*) from role_assignment where role = 'ADMIN'")
                .query(Integer.class).single() > 0;
        if (adminExists) {
            return;
        }
        PasswordRule.problem(password).ifPresent(problem -> {
            throw new IllegalStateException("portal.initial-admin.password is too weak: at least "
                    + PasswordRule.MIN_LENGTH + " characters with letters and digits");
        });
        long id = jdbc.sql("""
                        insert into account (username, display_name, password_hash)
                        values ('admin', 'Administrator', :hash) returning id""")
                .param("hash", passwordEncoder.encode(password)).query(Long.class).single();
        jdbc.sql("insert into role_assignment (account_id, role) values (:id, 'ADMIN')").param("id", id).update();
        log.warn("Created the installation administrator 'admin'; change its password after the first login");
    }
}
