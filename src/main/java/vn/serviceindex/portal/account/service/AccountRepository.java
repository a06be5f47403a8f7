package vn.serviceindex.portal.account.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.serviceindex.portal.account.domain.Account;
import vn.serviceindex.portal.security.domain.Role;
import vn.serviceindex.portal.security.domain.RoleAssignment;

/** The account and role_assignment tables. Password hashes go in and never come out. */
@Repository
class AccountRepository {

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Account> findAll() {
        Map<Long, List<RoleAssignment>> assignments = jdbc.sql("""
                        select r.account_id, r.id, r.role, r.unit_id, u.path, u.name, r.include_subtree
                        from role_assignment r left join org_unit u on u.id = r.unit_id order by r.id""")
                .query((rs, n) -> Map.entry(rs.getLong("account_id"), new RoleAssignment(rs.getLong("id"),
                        Role.valueOf(rs.getString("role")), rs.getObject("unit_id", Long.class), rs.getString("path"),
                        rs.getString("name"), rs.getBoolean("include_subtree"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("""
                        select a.id, a.username, a.display_name, a.enabled, a.language, a.home_unit_id,
                               u.name as home_unit_name, a.version
                        from account a left join org_unit u on u.id = a.home_unit_id order by a.username""")
                .query((rs, n) -> new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        rs.getBoolean("enabled"), rs.getString("language"), rs.getObject("home_unit_id", Long.class),
                        rs.getString("home_unit_name"), rs.getInt("version"),
                        assignments.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    Optional<Account> find(long id) {
        return findAll().stream().filter(a -> a.id() == id).findFirst();
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("select count(*) from account where username = :username")
                .param("username", username).query(Integer.class).single() > 0;
    }

    long insert(String username, String displayName, String passwordHash, String language, @Nullable Long homeUnitId) {
        return jdbc.sql("""
                        insert into account (username, display_name, password_hash, language, home_unit_id)
                        values (:username, :displayName, :hash, :language, :homeUnitId) returning id""")
                .param("username", username).param("displayName", displayName).param("hash", passwordHash)
                .param("language", language).param("homeUnitId", homeUnitId)
                .query(Long.class).single();
    }

    /** The account's own language choice; an unchanged one writes nothing. */
    void rememberLanguage(long id, String language) {
        jdbc.sql("update account set language = :language where id = :id and language <> :language")
                .param("language", language).param("id", id).update();
    }

    boolean update(long id, int version, String displayName, String language, @Nullable Long homeUnitId) {
        return jdbc.sql("""
                        update account set display_name = :displayName, language = :language,
                               home_unit_id = :homeUnitId, version = version + 1
                        where id = :id and version = :version""")
                .param("displayName", displayName).param("language", language).param("homeUnitId", homeUnitId)
                .param("id", id).param("version", version).update() == 1;
    }

    boolean setEnabled(long id, int version, boolean enabled) {
        return jdbc.sql("update account set enabled = :enabled, version = version + 1 where id = :id and version = :version")
                .param("enabled", enabled).param("id", id).param("version", version).update() == 1;
    }

    boolean setPassword(long id, int version, String passwordHash) {
        return jdbc.sql("update account set password_hash = :hash, version = version + 1 where id = :id and version = :version")
                .param("hash", passwordHash).param("id", id).param("version", version).update() == 1;
    }

    long assign(long accountId, Role role, @Nullable Long unitId, boolean includeSubtree) {
        return jdbc.sql("""
                        insert into role_assignment (account_id, role, unit_id, include_subtree)
                        values (:account, :role, :unit, :subtree) returning id""")
                .param("account", accountId).param("role", role.name()).param("unit", unitId)
                .param("subtree", includeSubtree)
                .query(Long.class).single();
    }

    boolean revoke(long accountId, long assignmentId) {
        return jdbc.sql("delete from role_assignment where id = :id and account_id = :account")
                .param("id", assignmentId).param("account", accountId).update() == 1;
    }
}
