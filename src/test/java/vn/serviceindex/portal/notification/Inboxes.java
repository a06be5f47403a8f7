package vn.serviceindex.portal.notification;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What every inbox holds, read past the walls, as "username KIND unit-code" lines in the order created. */
public final class Inboxes {

    private Inboxes() {
    }

    public static List<String> all(JdbcClient systemWork) {
        return systemWork.sql("""
                        select a.username || ' ' || n.kind || ' ' || coalesce(u.code, '-')
                        from notification n join account a on a.id = n.account_id
                        left join org_unit u on u.id = n.unit_id
                        order by n.id""")
                .query(String.class).list();
    }

    public static List<String> of(JdbcClient systemWork, String username) {
        return all(systemWork).stream().filter(line -> line.startsWith(username + " ")).toList();
    }
}
